// Resolves the sentence-embedding model: the offline mirror in MODELS_DIR first, then (if allowed) the hub, else none.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { DataType, FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Logger } from '../logger.js';
import type { EmbeddingModel } from '../types.js';

export interface ResolveEmbeddingModelOptions {
  /** Offline mirror in the transformers.js layout `<modelsDir>/<org>/<name>/{config.json, tokenizer.json, onnx/model*.onnx}`. */
  modelsDir: string;
  /** A hub id such as `Xenova/multilingual-e5-small`, or `none` for lexical-only mode. */
  modelId: string;
  allowRemote: boolean;
  /** Upper bound for loading (downloading included); past it the app goes on lexical-only. */
  timeoutMs: number;
  logger: Logger;
  /** Hub (or internal mirror) to download from; defaults to the Hugging Face hub. */
  remoteHost?: string;
}

const DEFAULT_REMOTE_HOST = 'https://huggingface.co/';
/** ONNX weight files transformers.js knows, in order of preference, with the dtype that selects each. */
const ONNX_FILES: readonly (readonly [DataType, string])[] = [
  ['fp32', 'model.onnx'],
  ['q8', 'model_quantized.onnx'],
  ['fp16', 'model_fp16.onnx'],
  ['int8', 'model_int8.onnx'],
  ['uint8', 'model_uint8.onnx'],
  ['q4', 'model_q4.onnx'],
];
// Downloads fetch the 8-bit weights: a quarter of fp32's size, with near-identical retrieval quality.
const REMOTE_DTYPE: DataType = 'q8';
const BATCH_SIZE = 16;

/** The e5 family was trained with these prefixes and retrieves noticeably worse without them. */
export function promptPrefixes(modelId: string): { query: string; passage: string } {
  const name = modelId.split('/').pop() ?? modelId;
  return /(^|[-_])e5([-_]|$)/i.test(name) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** The dtype of the first ONNX file present in a local model folder, or null when the folder is not a usable model. */
async function localDtype(modelDir: string): Promise<DataType | null> {
  if (!(await exists(path.join(modelDir, 'config.json')))) return null;
  for (const [dtype, file] of ONNX_FILES) if (await exists(path.join(modelDir, 'onnx', file))) return dtype;
  return null;
}

function createEmbeddingModel(id: string, extractor: FeatureExtractionPipeline, dimensions: number): EmbeddingModel {
  const prefixes = promptPrefixes(id);
  const embed = async (texts: string[]): Promise<number[][]> => {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += BATCH_SIZE) {
      const output = await extractor(texts.slice(i, i + BATCH_SIZE), { pooling: 'mean', normalize: true });
      vectors.push(...(output.tolist() as number[][]));
    }
    return vectors;
  };
  return {
    id,
    dimensions,
    embedQuery: async (text) => (await embed([prefixes.query + text]))[0],
    embedPassages: (texts) => embed(texts.map((text) => prefixes.passage + text)),
  };
}

// transformers.js keeps its settings in one process-global `env`: loads run one at a time so each sees its own.
let loading: Promise<unknown> = Promise.resolve();

function loadExtractor(options: ResolveEmbeddingModelOptions, dtype: DataType, remote: boolean): Promise<FeatureExtractionPipeline> {
  const run = loading.then(async () => {
    const { env, pipeline } = await import('@huggingface/transformers');
    const modelsDir = path.resolve(options.modelsDir);
    env.allowLocalModels = true;
    env.localModelPath = modelsDir;
    env.allowRemoteModels = remote;
    env.remoteHost = options.remoteHost ?? DEFAULT_REMOTE_HOST;
    // Downloads land in the mirror's own layout, so the next start loads them offline.
    env.cacheDir = modelsDir;
    return pipeline('feature-extraction', options.modelId, { dtype });
  });
  loading = run.catch(() => undefined);
  return run;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onLate: (value: T) => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
    timer.unref();
  });
  promise.then(
    (value) => timedOut && onLate(value),
    () => undefined,
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * The configured embedding model, or null for lexical-only mode. Never throws: every failure is one warn line.
 * Order: `none` → null; a local folder with config.json and an ONNX file → loaded offline; else the hub if allowed.
 */
export async function resolveEmbeddingModel(options: ResolveEmbeddingModelOptions): Promise<EmbeddingModel | null> {
  const { modelsDir, modelId, allowRemote, timeoutMs, logger } = options;
  if (modelId === 'none') {
    logger.info('lexical-only mode: embedding model disabled (EMBEDDING_MODEL=none)');
    return null;
  }
  const dtype = await localDtype(path.join(modelsDir, modelId));
  if (!dtype && !allowRemote) {
    logger.warn(
      `lexical-only mode: embedding model "${modelId}" not found in ${modelsDir} and remote download is disabled (set MODELS_DIR or ALLOW_REMOTE_MODELS=true)`,
    );
    return null;
  }
  const source = dtype ? `${path.join(modelsDir, modelId)} (${dtype})` : `${options.remoteHost ?? DEFAULT_REMOTE_HOST} (${REMOTE_DTYPE})`;
  try {
    const started = performance.now();
    const load = loadExtractor(options, dtype ?? REMOTE_DTYPE, !dtype).then(async (extractor) => {
      const probe = await extractor('probe', { pooling: 'mean', normalize: true });
      return { extractor, dimensions: probe.dims[probe.dims.length - 1] };
    });
    // A load that finishes after the deadline is released rather than left holding an ONNX session.
    const { extractor, dimensions } = await withTimeout(load, timeoutMs, (late) => void late.extractor.dispose());
    logger.info({ modelId, dimensions, source, ms: Math.round(performance.now() - started) }, 'embedding model ready');
    return createEmbeddingModel(modelId, extractor, dimensions);
  } catch (error) {
    logger.warn(`lexical-only mode: embedding model "${modelId}" could not be loaded from ${source}: ${reasonOf(error)}`);
    return null;
  }
}
