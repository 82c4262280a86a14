import type { LanguageModel } from 'ai';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Answerer, AnswerEvent, AskInput, AskResult, FallbackReason } from '../../types.js';
import { detectLanguage } from '../detect-language.js';
import { buildPrompt, givenPassages } from './build-prompt.js';
import { verifyAnswer } from './verify-answer.js';

export interface LlmAnswererDeps {
  /** A chat model (src/configured-llm.ts makes one for an OpenAI-compatible server); never a provider's global default. */
  model: Exclude<LanguageModel, string>;
  /** Prepares the question and gathers the passages; its answer is given whenever the model's is not. */
  extractive: Answerer;
  /** Bound on the whole model call, first token to last. */
  timeoutMs: number;
  logger?: Logger;
}

/** Five sentences or a short list of Vietnamese, with room to spare. */
const MAX_OUTPUT_TOKENS = 800;
const elapsed = (since: number): number => Math.round((performance.now() - since) * 100) / 100;

/**
 * Answers written by a language model from the extractive answer's passages, streamed as the model writes and
 * checked before they are final: a model that fails, is too slow, cites a passage it was not given or states a
 * figure no cited passage states is replaced by the extractive answer. When the extractive answerer abstains the
 * model is not asked: with no passage it has nothing it may cite, and the abstention already says what the
 * collection covers.
 */
export function createLlmAnswerer({ model, extractive, timeoutMs, logger }: LlmAnswererDeps): Answerer & Required<Pick<Answerer, 'askStream'>> {
  async function* askStream(input: AskInput, signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
    const started = performance.now();
    const base = await extractive.ask(input);
    yield { type: 'citations', citations: base.citations };
    if (!base.answered || base.citations.length === 0) {
      yield { type: 'delta', text: base.answer };
      yield { type: 'done', result: base };
      return;
    }
    const language = detectLanguage(input.question);
    const { system, user } = buildPrompt({ question: input.question, standalone: base.question, history: input.history ?? [], citations: base.citations, language });
    const timeout = AbortSignal.timeout(timeoutMs);
    const modelStarted = performance.now();
    let text = '';
    let failure: FallbackReason | undefined;
    let detail: string | undefined;
    try {
      // The AI SDK is loaded with the first generated answer: a deployment without a model never loads it.
      const { streamText } = await import('ai');
      const stream = streamText({
        model,
        system,
        messages: [{ role: 'user', content: user }],
        temperature: 0,
        // A short answer is asked for; a model that rambles is cut off rather than let run to the timeout.
        maxOutputTokens: MAX_OUTPUT_TOKENS,
        // A retry would double the wait; the extractive answer is ready now.
        maxRetries: 0,
        abortSignal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        // Errors arrive as stream parts below; the default handler would print them to the console.
        onError: () => undefined,
      });
      for await (const part of stream.fullStream) {
        if (part.type === 'text-delta' && part.text) {
          text += part.text;
          yield { type: 'delta', text: part.text };
        } else if (part.type === 'error') throw part.error;
        else if (part.type === 'abort') throw new Error('aborted');
      }
    } catch (error) {
      failure = timeout.aborted ? 'timeout' : 'model_error';
      detail = error instanceof Error ? error.message : String(error);
    }
    // The client went away: nobody reads what follows.
    if (signal?.aborted) return;
    const modelMs = elapsed(modelStarted);
    if (!failure) {
      const verification = verifyAnswer(text, givenPassages(base.citations));
      if (verification.ok) {
        const cited = new Set(verification.cited);
        yield {
          type: 'done',
          result: {
            ...base,
            answer: text.trim(),
            // The extractive answer's first line is not this text's.
            lead: undefined,
            // Numbers stay those of the passages given, so "[3]" in the text is citation 3.
            citations: base.citations.filter((citation) => cited.has(citation.n)),
            answeredBy: 'llm',
            timings: { totalMs: elapsed(started), retrieveMs: base.timings.retrieveMs, answerMs: modelMs },
          },
        };
        return;
      }
      failure = verification.reason;
      detail = verification.detail;
    }
    logger?.warn({ reason: failure, detail, modelMs }, 'generated answer not given: the extractive answer is');
    // What was shown is withdrawn; a client that showed nothing gets the answer as text.
    yield text ? { type: 'replace', text: base.answer, reason: failure } : { type: 'delta', text: base.answer };
    yield { type: 'done', result: { ...base, fallbackReason: failure, timings: { ...base.timings, totalMs: elapsed(started) } } };
  }

  return {
    askStream,
    /** The bots and the evaluation take the answer once it is complete. */
    async ask(input: AskInput): Promise<AskResult> {
      for await (const event of askStream(input)) if (event.type === 'done') return event.result;
      throw new AppError('internal', 'the answer ended without a result');
    },
  };
}
