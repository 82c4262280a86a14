import type { Answerer, AnswerEvent, AskInput } from '../types.js';
import { splitForStreaming } from './split-for-streaming.js';

/**
 * The events of one answer: the answerer's own as it writes (a language model's text as it arrives), or, for an
 * answerer that only answers whole (the extractive one), its finished answer cut into pieces.
 */
export async function* answerEvents(answerer: Answerer, input: AskInput, signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
  if (answerer.askStream) {
    yield* answerer.askStream(input, signal);
    return;
  }
  const result = await answerer.ask(input);
  yield { type: 'citations', citations: result.citations };
  for (const text of splitForStreaming(result.answer)) yield { type: 'delta', text };
  yield { type: 'done', result };
}
