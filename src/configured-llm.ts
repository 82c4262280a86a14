// The language model the configuration names, if any: kept apart from the answerer, which takes the model as a
// parameter, so that tests and the evaluation can pass their own.
import type { LanguageModel } from 'ai';
import type { Config } from './config.js';

export interface ConfiguredLlm {
  model: Exclude<LanguageModel, string>;
  /** What /healthz and the start-up log say about it: the model's name and the server's host, never the key. */
  info: { model: string; host: string };
}

/** A chat model behind the OpenAI-compatible `/v1` API at LLM_BASE_URL, or null when LLM mode is off. */
export async function configuredLlm(config: Pick<Config, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY'>): Promise<ConfiguredLlm | null> {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return null;
  // Loaded only when a model is configured.
  const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
  const provider = createOpenAICompatible({ name: 'llm', baseURL: config.LLM_BASE_URL.replace(/\/+$/, ''), apiKey: config.LLM_API_KEY });
  return { model: provider.chatModel(config.LLM_MODEL), info: { model: config.LLM_MODEL, host: new URL(config.LLM_BASE_URL).host } };
}
