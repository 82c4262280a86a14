import { passagePath } from '../passage-link.js';
import { answerActions } from './answer-actions.js';
import { splitAnswer } from './answer-parts.js';
import { createConversationList } from './conversation-list.js';
import {
  loadConversations,
  newConversation,
  newId,
  saveConversations,
  STORAGE_KEY,
  type Conversation,
  type ConversationState,
  type Scope,
  type Turn,
  type TurnCitation,
} from './conversation-store.js';
import { h, icon } from './dom.js';
import { feedbackBlock } from './feedback.js';
import { ALERT_PATH, INFO_PATH } from './icons.js';
import { createScopePicker } from './scope-picker.js';
import { readEventStream } from './sse.js';

// Type-only: erased when bundled for the browser.
import type { FallbackReason } from '../../types.js';
import type { SharedAskResult } from '../format-citation.js';

// Five exchanges = ten messages: enough for follow-ups, well within the API's limit of 20.
const HISTORY_TURNS = 5;
// The API takes at most 4000 characters per turn and a bounded body; the start of an answer carries its context.
const HISTORY_ANSWER_CHARS = 1500;
const QUOTE_PREVIEW_CHARS = 280;

/** Why a model's answer was not used, as people read it. */
const FALLBACK_NOTES: Record<FallbackReason, string> = {
  timeout: 'mô hình ngôn ngữ không trả lời kịp',
  model_error: 'mô hình ngôn ngữ gặp lỗi',
  empty: 'mô hình ngôn ngữ không đưa ra câu trả lời',
  declined: 'mô hình ngôn ngữ không tìm thấy câu trả lời trong các đoạn trích',
  no_citation: 'câu trả lời của mô hình ngôn ngữ không dẫn nguồn nên không được dùng',
  unknown_citation: 'câu trả lời của mô hình ngôn ngữ dẫn nguồn không có nên không được dùng',
  unsupported_figure: 'câu trả lời của mô hình ngôn ngữ có số liệu không có trong các đoạn trích nên không được dùng',
};

class AskError extends Error {}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('ask-form');
const input = byId<HTMLTextAreaElement>('question');
const sendButton = byId<HTMLButtonElement>('send');
const conversationList = byId<HTMLOListElement>('conversation');
const welcome = byId<HTMLElement>('welcome');
const newChatButton = byId<HTMLButtonElement>('new-chat');
const popover = byId<HTMLDivElement>('cite-popover');
document.body.append(popover); // positioned against the page, not the chat column

// Short plan names ("Tỉnh Khánh Hòa") from the server, for chips and popovers; citation lists give the full form.
const documentNames = JSON.parse(conversationList.dataset.documentNames ?? '{}') as Record<string, string>;
const documentName = (citation: TurnCitation): string => documentNames[citation.docId] ?? citation.docTitle;
const reference = (citation: TurnCitation): string => citation.reference ?? documentName(citation);
const citationHref = (citation: TurnCitation): string => passagePath(citation.docId, citation.start, citation.end);

// Blocked storage (some privacy settings throw on access) leaves conversations for this page only.
const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = (() => {
  try {
    return window.localStorage;
  } catch {
    return { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
  }
})();

let state: ConversationState = loadConversations(storage, Date.now());
let busy = false;
let lastPointerType = 'mouse';
let popoverChip: HTMLButtonElement | null = null;
// Which chip's popover was open when the current tap began (focus opens it again before the click arrives).
let popoverChipAtPointerDown: HTMLButtonElement | null = null;

const active = (): Conversation => state.conversations.find((conversation) => conversation.id === state.activeId)!;
const sameQuestion = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`);

function save(): void {
  saveConversations(storage, state);
  list.render(state, busy);
}

function historyBefore(turn: Turn): { role: 'user' | 'assistant'; content: string }[] {
  const turns = active().turns;
  const earlier = turns.slice(0, turns.indexOf(turn)).filter((t) => t.status === 'done');
  return earlier.slice(-HISTORY_TURNS).flatMap((t) => [
    { role: 'user' as const, content: t.question },
    { role: 'assistant' as const, content: t.answer.slice(0, HISTORY_ANSWER_CHARS) },
  ]);
}

/** The conversation's limits as the API takes them; documents no longer in the collection are left out. */
function scopeRequest(scope: Scope): Partial<Scope> {
  const docIds = scope.docIds.filter((id) => id in documentNames);
  return {
    ...(docIds.length > 0 ? { docIds } : {}),
    ...(scope.places.length > 0 ? { places: scope.places } : {}),
    ...(scope.types.length > 0 ? { types: scope.types } : {}),
  };
}

// ---- Asking -------------------------------------------------------------------------------------------------------

async function askStreaming(
  body: { question: string; history: { role: 'user' | 'assistant'; content: string }[] } & Partial<Scope>,
  handlers: { onCitations(citations: TurnCitation[]): void; onDelta(text: string): void; onReplace(text: string): void },
): Promise<SharedAskResult> {
  let response: Response;
  try {
    response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new AskError('Không kết nối được với máy chủ. Vui lòng kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) {
    let message = `Máy chủ báo lỗi (mã ${response.status}). Vui lòng thử lại.`;
    try {
      const payload = (await response.json()) as { error?: { message?: string } };
      if (payload.error?.message) message = payload.error.message;
    } catch {
      // Not JSON (e.g. a proxy's error page): keep the generic message.
    }
    throw new AskError(message);
  }
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream') || !response.body) {
    return (await response.json()) as SharedAskResult;
  }
  let result: SharedAskResult | undefined;
  let failure: string | undefined;
  try {
    await readEventStream(response.body, (event) => {
      const data = JSON.parse(event.data) as unknown;
      if (event.event === 'citations') handlers.onCitations(data as TurnCitation[]);
      else if (event.event === 'delta') handlers.onDelta((data as { text: string }).text);
      // A generated answer that failed its checks: the text shown so far is withdrawn.
      else if (event.event === 'replace') handlers.onReplace((data as { text: string }).text);
      else if (event.event === 'done') result = data as SharedAskResult;
      else if (event.event === 'error') failure = (data as { message?: string }).message ?? 'Đã có lỗi khi trả lời.';
    });
  } catch {
    throw new AskError('Mất kết nối trong khi nhận câu trả lời. Vui lòng thử lại.');
  }
  if (failure) throw new AskError(failure);
  if (!result) throw new AskError('Kết nối bị ngắt trước khi có câu trả lời đầy đủ. Vui lòng thử lại.');
  return result;
}

async function run(turn: Turn): Promise<void> {
  const conversation = active();
  busy = true;
  Object.assign(turn, { status: 'pending', answer: '', citations: [], error: undefined, answered: undefined, answeredBy: undefined, fallbackReason: undefined, rewrite: undefined, answerId: undefined, feedback: undefined, commented: undefined });
  renderTurn(turn);
  conversation.updatedAt = Date.now();
  save();
  updateControls();
  try {
    const result = await askStreaming(
      { question: turn.question, history: historyBefore(turn), ...scopeRequest(conversation.scope) },
      {
        onCitations(citations) {
          turn.citations = citations;
        },
        onDelta(text) {
          turn.status = 'streaming';
          turn.answer += text;
          renderTurn(turn);
          followBottom();
        },
        onReplace(text) {
          turn.answer = text;
          renderTurn(turn);
        },
      },
    );
    Object.assign(turn, { status: 'done', answer: result.answer, answered: result.answered, answeredBy: result.answeredBy, fallbackReason: result.fallbackReason, rewrite: result.question, citations: result.citations, answerId: result.answerId });
  } catch (error) {
    turn.status = 'error';
    turn.error = error instanceof AskError ? error.message : 'Đã có lỗi không mong muốn. Vui lòng thử lại.';
  }
  busy = false;
  conversation.updatedAt = Date.now();
  save();
  renderTurn(turn);
  updateControls();
}

function ask(question: string): void {
  const text = question.trim();
  if (!text || busy) return;
  const turn: Turn = { id: newId(), question: text.slice(0, 1000), status: 'pending', answer: '', citations: [] };
  active().turns.push(turn);
  input.value = '';
  autosize();
  // Appended, not re-rendered: a comment being typed under an earlier answer stays.
  conversationList.append(turnElement(turn));
  updateControls();
  conversationList.lastElementChild?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  void run(turn);
}

// ---- Conversations ------------------------------------------------------------------------------------------------

/** Leaves the open conversation; one left empty is dropped rather than listed. */
function leave(): void {
  const current = active();
  if (current.turns.length === 0 && !current.title) state.conversations.splice(state.conversations.indexOf(current), 1);
}

function startConversation(): void {
  if (busy) return;
  if (active().turns.length > 0) {
    leave();
    const conversation = newConversation(Date.now());
    state.conversations.push(conversation);
    state.activeId = conversation.id;
    save();
    renderAll();
  }
  input.focus();
}

const list = createConversationList({
  open(id) {
    if (busy || id === state.activeId) return;
    leave();
    state.activeId = id;
    save();
    renderAll();
    window.scrollTo({ top: document.documentElement.scrollHeight });
  },
  rename(id, title) {
    const conversation = state.conversations.find((c) => c.id === id);
    if (!conversation) return;
    conversation.title = title || undefined;
    save();
  },
  remove(id) {
    if (busy) return;
    state.conversations = state.conversations.filter((c) => c.id !== id);
    if (!state.conversations.some((c) => c.id === state.activeId)) {
      const next = [...state.conversations].sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? newConversation(Date.now());
      if (!state.conversations.includes(next)) state.conversations.push(next);
      state.activeId = next.id;
    }
    save();
    renderAll();
  },
});

const scopePicker = createScopePicker({
  documentNames,
  scope: () => active().scope,
  change(scope) {
    active().scope = scope;
    save();
    scopePicker.render();
  },
});

// ---- Rendering ----------------------------------------------------------------------------------------------------

function followBottom(): void {
  const distance = document.documentElement.scrollHeight - window.scrollY - window.innerHeight;
  if (distance < 240) window.scrollTo({ top: document.documentElement.scrollHeight });
}

function updateControls(): void {
  const turns = active().turns;
  sendButton.disabled = busy;
  sendButton.textContent = busy ? 'Đang trả lời…' : 'Gửi';
  newChatButton.disabled = busy;
  newChatButton.hidden = turns.length === 0;
  welcome.hidden = turns.length > 0;
  for (const button of conversationList.querySelectorAll<HTMLButtonElement>('.retry')) button.disabled = busy;
  list.render(state, busy);
}

function renderAll(): void {
  hidePopover();
  conversationList.replaceChildren(...active().turns.map(turnElement));
  scopePicker.render();
  updateControls();
}

function turnElement(turn: Turn): HTMLLIElement {
  const answer = h('div', { class: 'bubble bubble-answer', 'aria-live': 'polite' });
  const item = h(
    'li',
    { class: 'turn', id: `turn-${turn.id}` },
    h('div', { class: 'bubble bubble-question' }, h('span', { class: 'visually-hidden' }, 'Câu hỏi: '), h('p', { class: 'question-text' }, turn.question)),
    answer,
  );
  fillAnswer(answer, turn);
  return item;
}

function renderTurn(turn: Turn): void {
  const answer = document.querySelector<HTMLDivElement>(`#turn-${turn.id} .bubble-answer`);
  if (answer) fillAnswer(answer, turn);
  else renderAll();
}

/** Prints one answer: the print stylesheet shows only the turn marked, until the print dialog closes. */
function printTurn(turn: Turn): void {
  const element = document.getElementById(`turn-${turn.id}`);
  element?.classList.add('print-target');
  document.body.classList.add('print-one');
  window.print();
}
window.addEventListener('afterprint', () => {
  document.body.classList.remove('print-one');
  for (const element of document.querySelectorAll('.print-target')) element.classList.remove('print-target');
});

/** Rebuilds an answer's content in place, keeping the live-region element itself so screen readers follow it. */
function fillAnswer(container: HTMLDivElement, turn: Turn): void {
  if (popoverChip && container.contains(popoverChip)) hidePopover();
  const working = turn.status === 'pending' || turn.status === 'streaming';
  container.setAttribute('aria-busy', String(working));
  container.className = ['bubble', 'bubble-answer', turn.status === 'error' ? 'answer-error' : '', turn.status === 'done' && turn.answered === false ? 'answer-abstain' : '']
    .filter(Boolean)
    .join(' ');

  if (turn.status === 'error') {
    container.replaceChildren(
      h('p', { class: 'answer-label' }, icon(ALERT_PATH), 'Không nhận được câu trả lời'),
      h('p', { class: 'error-message', role: 'alert' }, turn.error ?? ''),
      retryButton(turn),
    );
    return;
  }
  if (turn.status === 'pending') {
    container.replaceChildren(h('p', { class: 'typing' }, h('span', { class: 'typing-dots', 'aria-hidden': 'true' }), 'Đang tìm trong các kế hoạch…'));
    return;
  }

  const children: Node[] = [];
  if (turn.status === 'done' && turn.rewrite && !sameQuestion(turn.rewrite, turn.question)) {
    children.push(h('p', { class: 'rewrite' }, 'Đã hiểu câu hỏi là: ', h('q', {}, turn.rewrite)));
  }
  if (turn.status === 'done' && turn.answered === false) {
    children.push(h('p', { class: 'answer-label' }, icon(INFO_PATH), 'Không tìm thấy thông tin trong các kế hoạch'));
  }
  children.push(answerText(turn));
  // Written by a model, not quoted: checked against the quotes below, but people should know which it is.
  if (turn.status === 'done' && turn.answeredBy === 'llm') {
    children.push(h('p', { class: 'answer-origin' }, 'Câu trả lời do mô hình ngôn ngữ viết từ các đoạn trích dẫn bên dưới; hãy đối chiếu với nguồn.'));
  }
  // Text shown while the model wrote may have been withdrawn: say why the quoted answer stands instead.
  if (turn.status === 'done' && turn.fallbackReason) {
    children.push(h('p', { class: 'answer-origin' }, `Câu trả lời trích nguyên văn: ${FALLBACK_NOTES[turn.fallbackReason]}.`));
  }
  if (turn.status === 'done') {
    if (turn.citations.length > 0) children.push(citationList(turn));
    children.push(answerActions(turn, { print: () => printTurn(turn) }), feedbackBlock(turn, save));
  }
  container.replaceChildren(...children);
}

function answerText(turn: Turn): HTMLDivElement {
  const byNumber = new Map(turn.citations.map((citation) => [citation.n, citation]));
  const text = h('div', { class: 'answer-text' });
  for (const part of splitAnswer(turn.answer, new Set(byNumber.keys()))) {
    text.append(part.kind === 'text' ? document.createTextNode(part.text) : citationChip(byNumber.get(part.n)!));
  }
  if (turn.status === 'streaming') text.append(h('span', { class: 'cursor', 'aria-hidden': 'true' }));
  return text;
}

function citationChip(citation: TurnCitation): HTMLButtonElement {
  const chip = h('button', { type: 'button', class: 'chip', 'aria-label': `Trích dẫn ${citation.n}: ${reference(citation)}` }, String(citation.n));
  // Hover means a mouse; touch sends pointer and emulated mouse events on every tap, which must not toggle the popover.
  chip.addEventListener('pointerenter', (event) => {
    if (event.pointerType === 'mouse') showPopover(chip, citation);
  });
  chip.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'mouse' && document.activeElement !== chip) hidePopover();
  });
  chip.addEventListener('focus', () => showPopover(chip, citation));
  chip.addEventListener('blur', (event) => {
    if (!popover.contains(event.relatedTarget as Node | null)) hidePopover();
  });
  chip.addEventListener('click', () => {
    // On a touch screen the first tap shows the quote; the popover's link (or a second tap) opens the document.
    if (lastPointerType === 'touch' && popoverChipAtPointerDown !== chip) {
      showPopover(chip, citation);
      return;
    }
    window.location.assign(citationHref(citation));
  });
  return chip;
}

function citationList(turn: Turn): HTMLElement {
  const heading = turn.answered === false ? 'Các đoạn gần nhất đã tìm thấy' : 'Nguồn trích dẫn';
  return h(
    'section',
    { class: 'citations', 'aria-label': heading },
    h('h3', { class: 'citations-title' }, heading),
    h(
      'ol',
      { class: 'citation-list' },
      ...turn.citations.map((citation) => {
        const preview = shorten(citation.quote, QUOTE_PREVIEW_CHARS);
        return h(
          'li',
          { value: citation.n },
          h('a', { class: 'citation-doc', href: citationHref(citation), title: citation.docTitle }, reference(citation)),
          citation.section ? h('span', { class: 'citation-section' }, citation.section) : null,
          // A long quote is printed in full: paper has no link to follow.
          h('blockquote', { class: preview === citation.quote ? 'citation-quote' : 'citation-quote citation-quote-preview' }, preview),
          preview === citation.quote ? null : h('blockquote', { class: 'citation-quote citation-quote-full' }, citation.quote),
        );
      }),
    ),
  );
}

function retryButton(turn: Turn): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'button button-primary retry' }, 'Thử lại');
  button.disabled = busy;
  button.addEventListener('click', () => {
    if (!busy) void run(turn);
  });
  return button;
}

// ---- Citation popover ---------------------------------------------------------------------------------------------

function showPopover(chip: HTMLButtonElement, citation: TurnCitation): void {
  popoverChip?.removeAttribute('aria-describedby');
  popoverChip = chip;
  chip.setAttribute('aria-describedby', popover.id);
  popover.replaceChildren(
    h('p', { class: 'popover-doc' }, documentName(citation)),
    citation.section ? h('p', { class: 'popover-section' }, citation.section) : '',
    h('blockquote', { class: 'popover-quote' }, shorten(citation.quote, QUOTE_PREVIEW_CHARS)),
    h('a', { class: 'popover-link', href: citationHref(citation) }, 'Mở đoạn này trong văn bản →'),
  );
  popover.hidden = false;
  const rect = chip.getBoundingClientRect();
  const width = popover.offsetWidth;
  const height = popover.offsetHeight;
  const left = Math.min(Math.max(8, rect.left + rect.width / 2 - width / 2), document.documentElement.clientWidth - width - 8);
  const below = rect.bottom + 8 + height <= window.innerHeight || rect.top - 8 - height < 0;
  popover.style.left = `${left + window.scrollX}px`;
  popover.style.top = `${(below ? rect.bottom + 8 : rect.top - 8 - height) + window.scrollY}px`;
}

function hidePopover(): void {
  popoverChip?.removeAttribute('aria-describedby');
  popoverChip = null;
  popover.hidden = true;
}

// ---- Wiring -------------------------------------------------------------------------------------------------------

function autosize(): void {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  ask(input.value);
});

input.addEventListener('keydown', (event) => {
  // Vietnamese is typed through an IME (Telex/VNI): Enter that confirms a composition must not send.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    ask(input.value);
  }
});
input.addEventListener('input', autosize);

for (const button of document.querySelectorAll<HTMLButtonElement>('.example')) {
  button.addEventListener('click', () => ask(button.dataset.question ?? ''));
}

newChatButton.addEventListener('click', startConversation);

// Another tab changed the conversations: take its version, keeping this tab's open conversation where it still exists.
// (During an answer this tab keeps its own; its next save wins.)
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY || busy) return;
  const open = state.activeId;
  state = loadConversations(storage, Date.now());
  if (state.conversations.some((conversation) => conversation.id === open)) state.activeId = open;
  renderAll();
});

window.addEventListener('pointerdown', (event) => {
  lastPointerType = event.pointerType;
  popoverChipAtPointerDown = popoverChip;
  if (!popover.hidden && !popover.contains(event.target as Node) && !(event.target as Element).closest?.('.chip')) hidePopover();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !popover.hidden) {
    // Return focus first (its focus handler reopens the popover), then close.
    popoverChip?.focus({ preventScroll: true });
    hidePopover();
  }
});
popover.addEventListener('focusout', (event) => {
  if (!popover.contains(event.relatedTarget as Node | null) && event.relatedTarget !== popoverChip) hidePopover();
});

renderAll();
if (active().turns.length > 0) window.scrollTo({ top: document.documentElement.scrollHeight });
