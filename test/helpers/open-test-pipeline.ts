import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { openPipeline, type Pipeline } from '../../src/pipeline.js';

export interface TestPipeline extends Pipeline {
  config: Config;
  /** Each document's text, read once: tests check quotes against it without waiting on the knowledge base. */
  texts: ReadonlyMap<string, string>;
  cleanup(): Promise<void>;
}

/** The real pipeline over the project corpus, lexical-only, indexed into a fresh temp folder. */
export async function openTestPipeline(env: Record<string, string> = {}): Promise<TestPipeline> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hdkh-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDING_MODEL: 'none', LOG_LEVEL: 'silent', ...env });
  const pipeline = await openPipeline(config, silentLogger);
  const documents = await Promise.all(pipeline.knowledge.catalogue().map((meta) => pipeline.knowledge.document(meta.id)));
  const texts = new Map(documents.flatMap((doc) => (doc ? [[doc.meta.id, doc.text] as const] : [])));
  return { ...pipeline, config, texts, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

/** The real pipeline over a corpus of the given texts (file name → text), written to a temp folder removed on cleanup. */
export async function openPipelineOver(files: Record<string, string>, env: Record<string, string> = {}): Promise<TestPipeline> {
  const corpus = await mkdtemp(join(tmpdir(), 'hdkh-corpus-'));
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(corpus, name), text)));
  const pipeline = await openTestPipeline({ ...env, CORPUS_DIR: corpus });
  const cleanup = async (): Promise<void> => {
    await pipeline.cleanup();
    await rm(corpus, { recursive: true, force: true });
  };
  return { ...pipeline, cleanup };
}
