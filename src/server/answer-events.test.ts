import { describe, expect, it } from 'vitest';
import { askResult } from '../bots/test-support.js';
import type { Answerer, AnswerEvent } from '../types.js';
import { answerEvents } from './answer-events.js';

const collect = async (events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> => {
  const all: AnswerEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

describe('answerEvents', () => {
  it('streams a whole answer as its citations, word-aligned pieces and the result', async () => {
    const result = askResult({ answer: 'Người cao tuổi từ đủ 80 tuổi được cấp thẻ bảo hiểm y tế miễn phí theo kế hoạch [1].' });
    const events = await collect(answerEvents({ ask: async () => result }, { question: 'Ai?' }));
    expect(events[0]).toEqual({ type: 'citations', citations: result.citations });
    const deltas = events.filter((event) => event.type === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((event) => event.text).join('')).toBe(result.answer);
    expect(events.at(-1)).toEqual({ type: 'done', result });
  });

  it('passes on the events of an answerer that streams, with the abort signal', async () => {
    const own: AnswerEvent[] = [{ type: 'delta', text: 'Xin' }, { type: 'done', result: askResult() }];
    let received: AbortSignal | undefined;
    const answerer: Answerer = {
      ask: async () => askResult(),
      async *askStream(_, signal) {
        received = signal;
        yield* own;
      },
    };
    const signal = new AbortController().signal;
    expect(await collect(answerEvents(answerer, { question: 'Ai?' }, signal))).toEqual(own);
    expect(received).toBe(signal);
  });
});
