import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { silentLogger } from './logger.js';
import { runIngest } from './ingest/run-ingest.js';
import { openPipeline } from './pipeline.js';

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
});
