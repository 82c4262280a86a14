// Type-only: erased when bundled for the browser.
import type { FallbackReason } from '../../types.js';
import type { ReferencedCitation } from '../format-citation.js';

/** What a turn keeps of its citations; turns saved before citations had a full form lack `reference`. */
export type TurnCitation = Omit<ReferencedCitation, 'reference'> & { reference?: string };

export interface Turn {
  id: string;
  question: string;
  status: 'pending' | 'streaming' | 'done' | 'error';
  answer: string;
  answered?: boolean;
  /** Written by the office's language model, or quoted by the extractive answerer. */
  answeredBy?: 'llm' | 'extractive';
  /** Why the language model's answer was not shown (the quoted one was). */
  fallbackReason?: FallbackReason;
  /** The standalone question the server answered. */
  rewrite?: string;
  citations: TurnCitation[];
  /** The id under which the server keeps the answer: its link and its Word export. */
  answerId?: string;
  error?: string;
  feedback?: 'up' | 'down';
  /** A comment was sent after the thumb. */
  commented?: boolean;
}

/** Which documents a conversation's questions are answered from; empty lists mean no limit. */
export interface Scope {
  docIds: string[];
  places: string[];
  types: string[];
}

export interface Conversation {
  id: string;
  /** Set when renamed; otherwise the conversation is named by its first question. */
  title?: string;
  createdAt: number;
  updatedAt: number;
  turns: Turn[];
  scope: Scope;
}

export interface ConversationState {
  activeId: string;
  conversations: Conversation[];
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const STORAGE_KEY = 'hoi-dap-ke-hoach.conversations.v2';
// Before several conversations: one list of turns.
const LEGACY_KEY = 'hoi-dap-ke-hoach.conversation.v1';
// An answer with its quotes is a few kilobytes; these keep the whole store well inside a browser's 5 MB.
export const MAX_CONVERSATIONS = 30;
export const MAX_TURNS = 50;
const TITLE_CHARS = 60;

export const emptyScope = (): Scope => ({ docIds: [], places: [], types: [] });
export const scopeSize = (scope: Scope): number => scope.docIds.length + scope.places.length + scope.types.length;

export const newId = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function newConversation(now: number): Conversation {
  return { id: newId(), createdAt: now, updatedAt: now, turns: [], scope: emptyScope() };
}

/** The name shown in the list: the name given, else the first question, else "Cuộc trò chuyện mới". */
export function conversationTitle(conversation: Conversation): string {
  if (conversation.title) return conversation.title;
  const first = conversation.turns[0]?.question.replace(/\s+/g, ' ').trim();
  if (!first) return 'Cuộc trò chuyện mới';
  // One character more, so a word ending at the limit is kept whole.
  return first.length <= TITLE_CHARS ? first : `${first.slice(0, TITLE_CHARS + 1).replace(/\s+\S*$/, '')}…`;
}

// A reload in the middle of an answer leaves it unfinished: offer to ask again.
const settle = (turn: Turn): Turn =>
  turn.status === 'pending' || turn.status === 'streaming' ? { ...turn, status: 'error', error: 'Câu trả lời bị gián đoạn khi tải lại trang.' } : turn;

const isConversation = (value: unknown): value is Conversation =>
  typeof value === 'object' && value !== null && typeof (value as Conversation).id === 'string' && Array.isArray((value as Conversation).turns);

function parse(storage: KeyValueStorage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

/** The conversations kept in this browser; a single conversation from before is carried over. Never throws. */
export function loadConversations(storage: KeyValueStorage, now: number): ConversationState {
  const stored = parse(storage, STORAGE_KEY) as Partial<ConversationState> | null;
  let conversations = Array.isArray(stored?.conversations) ? stored.conversations.filter(isConversation) : [];
  conversations = conversations.map((conversation) => ({
    ...conversation,
    scope: { ...emptyScope(), ...conversation.scope },
    turns: conversation.turns.map(settle),
  }));
  const legacy = parse(storage, LEGACY_KEY);
  const carried = Array.isArray(legacy) && legacy.length > 0;
  if (carried) conversations.push({ ...newConversation(now), turns: (legacy as Turn[]).map(settle) });
  if (conversations.length === 0) conversations.push(newConversation(now));
  // The conversation carried over from before opens first; else the one open last time.
  const activeId = !carried && conversations.some((conversation) => conversation.id === stored?.activeId) ? stored!.activeId! : conversations[conversations.length - 1].id;
  return { activeId, conversations };
}

/**
 * Saves the conversations, bounded in place: at most MAX_CONVERSATIONS (the least recently used go first, never the
 * open one) and the last MAX_TURNS turns of each. When the browser's quota is full, the least recently used are
 * dropped until it fits; with private browsing or no room at all the page still works, it just won't survive a reload.
 */
export function saveConversations(storage: KeyValueStorage, state: ConversationState): void {
  for (const conversation of state.conversations) {
    if (conversation.turns.length > MAX_TURNS) conversation.turns.splice(0, conversation.turns.length - MAX_TURNS);
  }
  const dropLeastUsed = (): boolean => {
    let oldest: Conversation | undefined;
    for (const conversation of state.conversations) {
      if (conversation.id !== state.activeId && (!oldest || conversation.updatedAt < oldest.updatedAt)) oldest = conversation;
    }
    if (oldest) state.conversations.splice(state.conversations.indexOf(oldest), 1);
    return oldest !== undefined;
  };
  while (state.conversations.length > MAX_CONVERSATIONS && dropLeastUsed());
  for (;;) {
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(state));
      storage.removeItem(LEGACY_KEY);
      return;
    } catch {
      if (!dropLeastUsed()) return;
    }
  }
}
