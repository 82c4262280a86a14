import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_MODEL_ID, FIXTURE_MODELS_DIR } from '../test/helpers/fixture-model.js';
import { loadConfig } from './config.js';
import { silentLogger } from './logger.js';
import { runIngest } from './ingest/run-ingest.js';
import { openPipeline } from './pipeline.js';
import { LAST_GOOD_FILE } from './store/last-good-copy.js';

const REPO = join(import.meta.dirname, '..');

/** A logger keeping each line's level and message. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, warnings: () => lines.filter((line) => line.level === 40).map((line) => line.msg), messages: () => lines.map((line) => line.msg) };
}

const QUESTION = 'Kinh phí thực hiện kế hoạch của Hà Nội lấy từ đâu?';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pipeline-'));
  await cp(join(import.meta.dirname, '../corpus'), join(root, 'corpus'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('openPipeline', () => {
  it('builds the index on first start, reuses it, and re-ingests when a document is added', async () => {
    const config = loadConfig({ CORPUS_DIR: join(root, 'corpus'), DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'none' });
    const first = await openPipeline(config, silentLogger);
    expect(first.mode).toBe('lexical');
    expect(first.knowledge.catalogue()).toHaveLength(5);

    await writeFile(
      join(root, 'corpus', 'chi-lang-2023.txt'),
      'ỦY BAN NHÂN DÂN\nHUYỆN CHI LĂNG\n\nKẾ HOẠCH\nChăm sóc sức khỏe người cao tuổi năm 2023\n\nI. MỤC TIÊU\n\n- Phấn đấu 95% người cao tuổi được khám sức khỏe định kỳ.\n',
    );
    const second = await openPipeline(config, silentLogger);
    await second.settled;
    expect(second.knowledge.catalogue()).toHaveLength(6);
    const result = await second.answerer.ask({ question: 'Huyện Chi Lăng phấn đấu bao nhiêu phần trăm người cao tuổi được khám sức khỏe định kỳ?' });
    expect(result.answer).toContain('95%');
  });

  it('re-reads every document behind the served collection when it was written by a version that read them differently', async () => {
    const config = loadConfig({ CORPUS_DIR: join(root, 'corpus'), DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'none' });
    await openPipeline(config, silentLogger);
    const database = () => new Database(join(root, 'data', 'collection.db'));
    const grammar = () => {
      const db = database();
      try {
        return (db.prepare("SELECT value FROM settings WHERE key = 'grammar'").get() as { value: string }).value;
      } finally {
        db.close();
      }
    };
    const current = grammar();
    const db = database();
    db.prepare("UPDATE settings SET value = '0' WHERE key = 'grammar'").run();
    db.close();
    const { logger, messages } = capturingLogger();
    const reopened = await openPipeline(config, logger);
    expect(reopened.knowledge.catalogue()).toHaveLength(5);
    await reopened.settled;
    expect(grammar()).toBe(current);
    expect(messages()).toContain('the corpus folder or the way documents are read changed: re-ingesting while serving');
  });

  it('answers about a document an ingest added while it was serving, without a restart', async () => {
    const config = loadConfig({ CORPUS_DIR: join(root, 'corpus'), DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'none' });
    const serving = await openPipeline(config, silentLogger);
    const question = 'Huyện Bắc Sơn phấn đấu bao nhiêu phần trăm người cao tuổi được khám sức khỏe định kỳ?';
    expect((await serving.answerer.ask({ question })).answer).not.toContain('87%');
    await writeFile(
      join(root, 'corpus', 'bac-son-2024.txt'),
      'ỦY BAN NHÂN DÂN\nHUYỆN BẮC SƠN\n\nKẾ HOẠCH\nChăm sóc sức khỏe người cao tuổi năm 2024\n\nI. MỤC TIÊU\n\n- Phấn đấu 87% người cao tuổi được khám sức khỏe định kỳ.\n',
    );
    await runIngest({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, embedding: null, logger: silentLogger });
    expect(serving.knowledge.catalogue()).toHaveLength(6);
    expect((await serving.answerer.ask({ question })).answer).toContain('87%');
  });

  it('never fails to start on a damaged collection: it serves the last good copy, else rebuilds from the corpus, and says why', async () => {
    const config = loadConfig({ CORPUS_DIR: join(root, 'corpus'), DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'none' });
    const database = join(config.DATA_DIR, 'collection.db');
    const first = await openPipeline(config, silentLogger);
    const answer = (await first.answerer.ask({ question: QUESTION })).answer;
    expect(answer).toContain('Ngân sách nhà nước');

    await writeFile(database, 'garbage, not a database');
    const restored = capturingLogger();
    const fromCopy = await openPipeline(config, restored.logger);
    expect(restored.warnings()).toEqual([
      expect.stringContaining('the collection cannot serve'),
      expect.stringContaining('cannot serve (the file is not a SQLite database): it is set aside'),
      'the collection is restored from its last good copy',
      'running in lexical-only mode: no embedding model available',
    ]);
    expect(restored.messages()).not.toContain('indexing the corpus');
    expect((await fromCopy.answerer.ask({ question: QUESTION })).answer).toBe(answer);

    await rm(join(config.DATA_DIR, LAST_GOOD_FILE));
    await truncate(database, (await readFile(database)).length / 2);
    const rebuilt = capturingLogger();
    const fromCorpus = await openPipeline(config, rebuilt.logger);
    expect(rebuilt.warnings()).toEqual([
      expect.stringContaining('the collection cannot serve'),
      expect.stringContaining('cut short'),
      expect.stringContaining('no last good copy'),
      'running in lexical-only mode: no embedding model available',
    ]);
    expect(rebuilt.messages()).toContain('indexing the corpus');
    expect((await fromCorpus.answerer.ask({ question: QUESTION })).answer).toBe(answer);

    // Damage only a full read of the metadata finds (the ingest does not read it): start-up still repairs it.
    const db = new Database(database);
    db.prepare("UPDATE documents SET meta = '{broken' WHERE id = 'ha-noi-2021-2030'").run();
    db.close();
    const metadata = capturingLogger();
    await openPipeline(config, metadata.logger);
    expect(metadata.warnings()).toContain('the collection is restored from its last good copy');
  });

  it('with a model, rebuilds a damaged HNSW file from the stored vectors at start; without hnswlib-node it serves lexical-only and does not re-ingest at every start', async () => {
    const config = loadConfig({ CORPUS_DIR: join(root, 'corpus'), DATA_DIR: join(root, 'data'), MODELS_DIR: FIXTURE_MODELS_DIR, EMBEDDING_MODEL: FIXTURE_MODEL_ID });
    expect((await openPipeline(config, silentLogger)).mode).toBe('hybrid');
    await writeFile(join(config.DATA_DIR, 'vectors.hnsw'), 'damaged');
    const logged = capturingLogger();
    const repaired = await openPipeline(config, logged.logger);
    expect(repaired.mode).toBe('hybrid');
    expect(logged.warnings()).toContain('stored vectors unreadable: lexical-only until the ingest is run again');

    const loadHnsw = () => Promise.reject(new Error('Cannot find module hnswlib-node/build/Release/addon.node'));
    for (const start of ['first', 'second']) {
      const withoutLibrary = capturingLogger();
      const pipeline = await openPipeline(config, withoutLibrary.logger, { loadHnsw });
      expect(pipeline.mode, `${start} start`).toBe('lexical');
      expect(withoutLibrary.warnings()).toContain('the vector library hnswlib-node cannot be loaded: lexical-only');
      expect(withoutLibrary.messages()).not.toContain('indexing the corpus');
      expect((await pipeline.answerer.ask({ question: QUESTION })).answered).toBe(true);
    }
  });

  it('`npm run ask` answers lexical-only where hnswlib-node, transformers.js and onnxruntime cannot be loaded at all', async () => {
    // A module hook that fails every import of the native and heavy modules, as on a machine where they never built.
    const hooks = `export async function resolve(specifier, context, next) {
      if (/^(hnswlib-node|@huggingface\\/transformers|onnxruntime-node|onnxruntime-common)(\\/|$)/.test(specifier)) throw new Error('simulated: ' + specifier + ' is not installed');
      return next(specifier, context);
    }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const run = (dataDir: string, env: Record<string, string>) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--import', 'tsx', 'src/cli/ask.ts', QUESTION],
          { cwd: REPO, env: { PATH: process.env.PATH ?? '', CORPUS_DIR: join(root, 'corpus'), DATA_DIR: join(root, dataDir), LOG_LEVEL: 'warn', ...env } },
          (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
    // Without a model; and with one configured while the libraries are missing: it says so and still answers.
    const [lexical, withModel] = await Promise.all([
      run('data-lexical', { EMBEDDING_MODEL: 'none' }),
      run('data-model', { MODELS_DIR: FIXTURE_MODELS_DIR, EMBEDDING_MODEL: FIXTURE_MODEL_ID }),
    ]);
    expect(lexical, lexical.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining("Trích dẫn:") });
    expect(lexical.stdout).toContain('lexical ·');
    expect(withModel).toMatchObject({ code: 0, stdout: expect.stringContaining('Trích dẫn:') });
    expect(withModel.stderr).toContain('simulated: @huggingface/transformers is not installed');
  });

  it('with DATABASE_URL on a database that cannot be reached, fails at start saying so', async () => {
    const config = loadConfig({ CORPUS_DIR: join(root, 'corpus'), DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'none', DATABASE_URL: 'postgres://hoidap:secret@127.0.0.1:1/hoidap' });
    await expect(openPipeline(config, silentLogger)).rejects.toMatchObject({
      code: 'index_unavailable',
      message: expect.stringMatching(/^The collection database \(PostgreSQL database hoidap on 127\.0\.0\.1:1\) cannot be reached: .*ECONNREFUSED/u),
    });
  });
});
