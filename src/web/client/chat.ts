import { splitAnswer } from './answer-parts.js';
import { h, icon } from './dom.js';
import { readEventStream } from './sse.js';

// Type-only: erased when bundled for the browser.
import type { AskResult, Citation } from '../../types.js';

interface Turn {
  id: string;
  question: string;
  status: 'pending' | 'streaming' | 'done' | 'error';
  answer: string;
  answered?: boolean;
  /** The standalone question the server answered. */
  rewrite?: string;
  citations: Citation[];
  error?: string;
  feedback?: 'up' | 'down';
}

const STORAGE_KEY = 'hoi-dap-ke-hoach.conversation.v1';
// Five exchanges = ten messages: enough for follow-ups, well within the API's limit of 20.
const HISTORY_TURNS = 5;
// The API takes at most 4000 characters per turn and a bounded body; the start of an answer carries its context.
const HISTORY_ANSWER_CHARS = 1500;
const QUOTE_PREVIEW_CHARS = 280;
const THUMB_PATH =
  'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z';
const INFO_PATH = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z';
const ALERT_PATH = 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z';

class AskError extends Error {}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('ask-form');
const input = byId<HTMLTextAreaElement>('question');
const sendButton = byId<HTMLButtonElement>('send');
const conversation = byId<HTMLOListElement>('conversation');
const welcome = byId<HTMLElement>('welcome');
const newChatButton = byId<HTMLButtonElement>('new-chat');
const popover = byId<HTMLDivElement>('cite-popover');
document.body.append(popover); // positioned against the page, not the chat column

// Short plan names ("Tỉnh Khánh Hòa") from the server: the full titles are too long for citations.
const documentNames = JSON.parse(conversation.dataset.documentNames ?? '{}') as Record<string, string>;
const documentName = (citation: Citation): string => documentNames[citation.docId] ?? citation.docTitle;

let turns: Turn[] = loadTurns();
let busy = false;
let lastPointerType = 'mouse';
let popoverChip: HTMLButtonElement | null = null;
// Which chip's popover was open when the current tap began (focus opens it again before the click arrives).
let popoverChipAtPointerDown: HTMLButtonElement | null = null;

const citationHref = (citation: Citation): string => `/docs/${encodeURIComponent(citation.docId)}#q-${citation.start}-${citation.end}`;
const sameQuestion = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`);

function loadTurns(): Turn[] {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as Turn[];
    if (!Array.isArray(stored)) return [];
    // A reload in the middle of an answer leaves it unfinished: offer to ask again.
    return stored.map((turn) =>
      turn.status === 'pending' || turn.status === 'streaming' ? { ...turn, status: 'error', error: 'Câu trả lời bị gián đoạn khi tải lại trang.' } : turn,
    );
  } catch {
    return [];
  }
}

function saveTurns(): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(turns));
  } catch {
    // Private mode or a full quota: the conversation still works, it just won't survive a reload.
  }
}

function historyBefore(turn: Turn): { role: 'user' | 'assistant'; content: string }[] {
  const earlier = turns.slice(0, turns.indexOf(turn)).filter((t) => t.status === 'done');
  return earlier.slice(-HISTORY_TURNS).flatMap((t) => [
    { role: 'user' as const, content: t.question },
    { role: 'assistant' as const, content: t.answer.slice(0, HISTORY_ANSWER_CHARS) },
  ]);
}

// ---- Asking -------------------------------------------------------------------------------------------------------

async function askStreaming(
  body: { question: string; history: { role: 'user' | 'assistant'; content: string }[] },
  handlers: { onCitations(citations: Citation[]): void; onDelta(text: string): void },
): Promise<AskResult> {
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
    return (await response.json()) as AskResult;
  }
  let result: AskResult | undefined;
  let failure: string | undefined;
  try {
    await readEventStream(response.body, (event) => {
      const data = JSON.parse(event.data) as unknown;
      if (event.event === 'citations') handlers.onCitations(data as Citation[]);
      else if (event.event === 'delta') handlers.onDelta((data as { text: string }).text);
      else if (event.event === 'done') result = data as AskResult;
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
  busy = true;
  updateControls();
  Object.assign(turn, { status: 'pending', answer: '', citations: [], error: undefined, answered: undefined, rewrite: undefined, feedback: undefined });
  renderTurn(turn);
  saveTurns();
  try {
    const result = await askStreaming(
      { question: turn.question, history: historyBefore(turn) },
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
      },
    );
    Object.assign(turn, { status: 'done', answer: result.answer, answered: result.answered, rewrite: result.question, citations: result.citations });
  } catch (error) {
    turn.status = 'error';
    turn.error = error instanceof AskError ? error.message : 'Đã có lỗi không mong muốn. Vui lòng thử lại.';
  }
  busy = false;
  saveTurns();
  renderTurn(turn);
  updateControls();
}

function ask(question: string): void {
  const text = question.trim();
  if (!text || busy) return;
  const turn: Turn = { id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, question: text.slice(0, 1000), status: 'pending', answer: '', citations: [] };
  turns.push(turn);
  input.value = '';
  autosize();
  renderAll();
  conversation.lastElementChild?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  void run(turn);
}

// ---- Rendering ----------------------------------------------------------------------------------------------------

function followBottom(): void {
  const distance = document.documentElement.scrollHeight - window.scrollY - window.innerHeight;
  if (distance < 240) window.scrollTo({ top: document.documentElement.scrollHeight });
}

function updateControls(): void {
  sendButton.disabled = busy;
  sendButton.textContent = busy ? 'Đang trả lời…' : 'Gửi';
  newChatButton.disabled = busy;
  newChatButton.hidden = turns.length === 0;
  welcome.hidden = turns.length > 0;
  for (const button of conversation.querySelectorAll<HTMLButtonElement>('.retry')) button.disabled = busy;
}

function renderAll(): void {
  hidePopover();
  conversation.replaceChildren(...turns.map(turnElement));
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
  if (turn.status === 'done') {
    if (turn.citations.length > 0) children.push(citationList(turn));
    children.push(feedbackBlock(turn));
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

function citationChip(citation: Citation): HTMLButtonElement {
  const chip = h('button', { type: 'button', class: 'chip', 'aria-label': `Trích dẫn ${citation.n}: ${documentName(citation)}, ${citation.section}` }, String(citation.n));
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
      ...turn.citations.map((citation) =>
        h(
          'li',
          { value: citation.n },
          h('a', { class: 'citation-doc', href: citationHref(citation), title: citation.docTitle }, documentName(citation)),
          citation.section ? h('span', { class: 'citation-section' }, citation.section) : null,
          h('blockquote', { class: 'citation-quote' }, shorten(citation.quote, QUOTE_PREVIEW_CHARS)),
        ),
      ),
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

function feedbackBlock(turn: Turn): HTMLElement {
  const block = h('div', { class: 'feedback' });
  if (turn.feedback) {
    block.append(h('p', { class: 'feedback-thanks', role: 'status' }, 'Cảm ơn anh/chị đã đánh giá câu trả lời.'));
    return block;
  }
  const commentId = `comment-${turn.id}`;
  const comment = h('textarea', { id: commentId, rows: 2, maxlength: 2000, placeholder: 'Điều gì chưa đúng hoặc còn thiếu?' });
  const status = h('p', { class: 'feedback-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button button-primary' }, 'Gửi đánh giá');
  const feedbackForm = h(
    'form',
    { class: 'feedback-form', hidden: true },
    h('label', { for: commentId }, 'Góp ý thêm (không bắt buộc)'),
    comment,
    h('div', { class: 'feedback-actions' }, submit),
  );
  let rating: 'up' | 'down' | undefined;
  const thumb = (value: 'up' | 'down', label: string): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: `thumb thumb-${value}`, 'aria-pressed': 'false', 'aria-label': label, title: label }, icon(THUMB_PATH));
    button.addEventListener('click', () => {
      rating = value;
      for (const other of block.querySelectorAll('.thumb')) other.setAttribute('aria-pressed', String(other === button));
      feedbackForm.hidden = false;
      comment.focus();
    });
    return button;
  };
  feedbackForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!rating) return;
    submit.disabled = true;
    status.textContent = 'Đang gửi…';
    try {
      const response = await fetch('/api/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          question: turn.question,
          answer: turn.answer,
          rating,
          comment: comment.value.trim() || undefined,
          citations: turn.citations.map(({ n, docId, section, start, end }) => ({ n, docId, section, start, end })),
        }),
      });
      if (!response.ok) throw new Error(String(response.status));
      turn.feedback = rating;
      saveTurns();
      block.replaceChildren(h('p', { class: 'feedback-thanks', role: 'status' }, 'Cảm ơn anh/chị đã đánh giá câu trả lời.'));
    } catch {
      status.textContent = 'Chưa gửi được đánh giá. Vui lòng thử lại.';
      submit.disabled = false;
    }
  });
  block.append(
    h('div', { class: 'feedback-row' }, h('span', { class: 'feedback-label' }, 'Câu trả lời có hữu ích không?'), thumb('up', 'Hữu ích'), thumb('down', 'Chưa hữu ích')),
    feedbackForm,
    status,
  );
  return block;
}

// ---- Citation popover ---------------------------------------------------------------------------------------------

function showPopover(chip: HTMLButtonElement, citation: Citation): void {
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

newChatButton.addEventListener('click', () => {
  if (busy) return;
  turns = [];
  saveTurns();
  renderAll();
  input.focus();
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
if (turns.length > 0) window.scrollTo({ top: document.documentElement.scrollHeight });
