import { describe, expect, it } from 'vitest';
import { createChatHistory } from './chat-history.js';

describe('createChatHistory', () => {
  it('keeps the last turns of each chat, oldest first', () => {
    const history = createChatHistory({ maxTurns: 4 });
    history.record('a', 'q1', 'a1');
    history.record('a', 'q2', 'a2');
    history.record('a', 'q3', 'a3');
    history.record('b', 'other', 'reply');
    expect(history.get('a')).toEqual([
      { role: 'user', content: 'q2' },
      { role: 'assistant', content: 'a2' },
      { role: 'user', content: 'q3' },
      { role: 'assistant', content: 'a3' },
    ]);
    expect(history.get('b')).toHaveLength(2);
    expect(history.get('unknown')).toEqual([]);
  });

  it('forgets a chat idle longer than idleMs', () => {
    let now = 0;
    const history = createChatHistory({ idleMs: 1000, now: () => now });
    history.record('a', 'q', 'a');
    now = 900;
    expect(history.get('a')).toHaveLength(2);
    now = 2000;
    expect(history.get('a')).toEqual([]);
    history.record('a', 'new', 'fresh');
    expect(history.get('a').map((turn) => turn.content)).toEqual(['new', 'fresh']);
  });

  it('remembers at most maxChats chats, dropping the least recently active', () => {
    const history = createChatHistory({ maxChats: 2 });
    history.record('a', 'q', 'a');
    history.record('b', 'q', 'a');
    history.get('a'); // a is now more recent than b
    history.record('c', 'q', 'a');
    expect(history.get('a')).toHaveLength(2);
    expect(history.get('b')).toEqual([]);
    expect(history.get('c')).toHaveLength(2);
  });

  it('returns a copy and forgets on request', () => {
    const history = createChatHistory();
    history.record('a', 'q', 'a');
    history.get('a').push({ role: 'user', content: 'injected' });
    expect(history.get('a')).toHaveLength(2);
    history.forget('a');
    expect(history.get('a')).toEqual([]);
  });
});
