import { describe, expect, it } from 'vitest';
import {
  conversationTitle,
  loadConversations,
  MAX_CONVERSATIONS,
  MAX_TURNS,
  newConversation,
  saveConversations,
  STORAGE_KEY,
  type Conversation,
  type Turn,
} from './conversation-store.js';

/** localStorage's interface over a Map, refusing writes past `quota` characters as browsers do. */
function memoryStorage(quota = Infinity) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      if (value.length > quota) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

const turn = (question: string, fields: Partial<Turn> = {}): Turn => ({ id: question, question, status: 'done', answer: `Trả lời ${question}`, citations: [], ...fields });
const conversation = (id: string, updatedAt: number, turns: Turn[] = [turn(`câu ${id}`)]): Conversation => ({ ...newConversation(updatedAt), id, turns });

describe('conversation store', () => {
  it('starts with one empty conversation, and gets back what it saved', () => {
    const storage = memoryStorage();
    const state = loadConversations(storage, 1);
    expect(state.conversations).toHaveLength(1);
    expect(state.activeId).toBe(state.conversations[0].id);
    state.conversations[0].turns.push(turn('Ai được cấp thẻ BHYT?'));
    state.conversations[0].scope.places.push('Khánh Hòa');
    saveConversations(storage, state);
    expect(loadConversations(storage, 2)).toEqual(state);
  });

  it('carries over the single conversation of earlier versions, and a reload mid-answer offers a retry', () => {
    const storage = memoryStorage();
    storage.setItem('hoi-dap-ke-hoach.conversation.v1', JSON.stringify([turn('cũ'), turn('dở', { status: 'streaming' })]));
    const state = loadConversations(storage, 5);
    expect(state.conversations).toHaveLength(1);
    expect(state.conversations[0].turns.map((t) => t.status)).toEqual(['done', 'error']);
    saveConversations(storage, state);
    expect(storage.items.has('hoi-dap-ke-hoach.conversation.v1')).toBe(false);
  });

  it('survives a corrupt store', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{not json');
    expect(loadConversations(storage, 1).conversations).toHaveLength(1);
    storage.setItem(STORAGE_KEY, JSON.stringify({ conversations: [{ id: 1 }, null, 'x'] }));
    expect(loadConversations(storage, 1).conversations).toHaveLength(1);
  });

  it('keeps at most MAX_CONVERSATIONS, dropping the least recently used but never the open one, and MAX_TURNS each', () => {
    const storage = memoryStorage();
    const conversations = Array.from({ length: MAX_CONVERSATIONS + 5 }, (_, i) => conversation(`c${i}`, 100 + i));
    const state = { activeId: 'c0', conversations };
    conversations[1].turns = Array.from({ length: MAX_TURNS + 3 }, (_, i) => turn(`q${i}`));
    saveConversations(storage, state);
    const ids = state.conversations.map((c) => c.id);
    expect(ids).toHaveLength(MAX_CONVERSATIONS);
    expect(ids).toContain('c0');
    expect(ids).not.toContain('c1');
    expect(ids).not.toContain('c2');
    expect(loadConversations(storage, 1).conversations.map((c) => c.id)).toEqual(ids);

    const kept = { activeId: 'c0', conversations: [conversation('c0', 1, Array.from({ length: MAX_TURNS + 3 }, (_, i) => turn(`q${i}`)))] };
    saveConversations(storage, kept);
    expect(kept.conversations[0].turns).toHaveLength(MAX_TURNS);
    expect(kept.conversations[0].turns[0].question).toBe('q3');
  });

  it('drops the least recently used conversations when the browser quota is full', () => {
    const storage = memoryStorage(6500);
    const long = (id: string, at: number) => conversation(id, at, [turn(`${id} ${'x'.repeat(900)}`)]);
    const state = { activeId: 'new', conversations: [long('old', 1), long('mid', 2), long('new', 3)] };
    saveConversations(storage, state);
    expect(state.conversations.map((c) => c.id)).toEqual(['mid', 'new']);
    expect(loadConversations(storage, 1).conversations.map((c) => c.id)).toEqual(['mid', 'new']);
  });

  it('names a conversation by its name, else its first question, shortened', () => {
    expect(conversationTitle(newConversation(1))).toBe('Cuộc trò chuyện mới');
    expect(conversationTitle(conversation('a', 1, [turn('Ai   được cấp\nthẻ BHYT?')]))).toBe('Ai được cấp thẻ BHYT?');
    expect(conversationTitle(conversation('a', 1, [turn('Kế hoạch của Khánh Hòa đặt mục tiêu gì cho việc chăm sóc sức khỏe người cao tuổi?')]))).toBe(
      'Kế hoạch của Khánh Hòa đặt mục tiêu gì cho việc chăm sóc sức…',
    );
    expect(conversationTitle({ ...conversation('a', 1), title: 'BHYT Khánh Hòa' })).toBe('BHYT Khánh Hòa');
  });
});
