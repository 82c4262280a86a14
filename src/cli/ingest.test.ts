import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable } from '../../test/helpers/test-database.js';
import { silentLogger } from '../logger.js';
import { openCheckedCollection } from '../store/check-collection.js';
import { createPostgresPool } from '../store/postgres-pool.js';
import { migrate } from '../store/postgres-schema.js';
import { acquirePostgresWriterLock } from '../store/postgres-writer-lock.js';
import { DATABASE_FILE } from '../store/sqlite-store.js';
import { acquireWriterLock } from '../store/writer-lock.js';

const REPO = join(import.meta.dirname, '../..');
const CLI = join(REPO, 'src/cli/ingest.ts');

let root: string;

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { cwd: REPO, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', EMBEDDING_MODEL: 'none', MODELS_DIR: join(root, 'models'), ...env } },
      (_error, stdout, stderr) => resolve({ code: child.exitCode ?? -1, stdout, stderr }),
    );
  });
}

/** A small synthetic corpus: a few tiny plans, quick to ingest. */
async function syntheticCorpus(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 1; i <= count; i += 1) {
    const text = `ỦY BAN NHÂN DÂN\nHUYỆN SỐ ${i}\n\nKẾ HOẠCH\nChăm sóc người cao tuổi năm ${2000 + i}\n\nI. MỤC TIÊU\n\n- Phấn đấu ${i}% người cao tuổi được khám sức khỏe định kỳ.\n\nII. NHIỆM VỤ\n\n1. Phòng Y tế huyện số ${i} chủ trì.\n`;
    await writeFile(join(dir, `ke-hoach-${i}.txt`), text);
  }
}

/** Whether the collection in `dataDir` holds `documents` documents and passes SQLite's and FTS5's own full checks. */
function intact(dataDir: string, documents: number): boolean {
  const checked = openCheckedCollection(dataDir);
  if (!checked || !('store' in checked)) return false;
  const count = checked.store.catalogue().length;
  checked.store.close();
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    db.prepare("INSERT INTO chunk_terms(chunk_terms) VALUES ('integrity-check')").run();
    return count === documents && db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ingest-cli-'));
  await syntheticCorpus(join(root, 'synthetic'), 12);
  await cp(join(REPO, 'corpus'), join(root, 'corpus'), { recursive: true });
  await writeFile(join(root, 'corpus', 'trong.txt'), '');
  await mkdir(join(root, 'unreadable'));
  await writeFile(join(root, 'unreadable', 'hong.pdf'), '%PDF-1.4 broken');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run ingest', () => {
  it('indexes a folder, names the unreadable file, and reuses everything on the second run', async () => {
    const env = { DATA_DIR: join(root, 'data') };
    const first = await runCli(['--dir', join(root, 'corpus')], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Indexed 5 documents, \d+ chunks; mode: lexical; [\d.]+ s; reused 0 unchanged\./);
    expect(first.stderr).toMatch(/Unreadable: trong\.txt: \S/);

    const second = await runCli(['--dir', join(root, 'corpus')], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('reused 5 unchanged');

    const rebuilt = await runCli(['--dir', join(root, 'corpus'), '--rebuild'], env);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('reused 0 unchanged');
  });

  it('fails with a non-zero exit code when nothing could be indexed', async () => {
    const result = await runCli(['--dir', join(root, 'unreadable')], { DATA_DIR: join(root, 'data-none') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unreadable: hong.pdf');
    expect(result.stderr).toContain('Ingest failed');
  });

  it('changes nothing and exits 75, naming the other ingest, while another ingest is writing; with --wait it waits for it', async () => {
    const dataDir = join(root, 'data-held');
    const release = await acquireWriterLock(dataDir, 'ingest held by the test');
    // Both start together: once the first has been refused, the second is waiting too.
    const waiting = runCli(['--dir', join(root, 'synthetic'), '--wait', '30'], { DATA_DIR: dataDir });
    const refused = await runCli(['--dir', join(root, 'synthetic')], { DATA_DIR: dataDir });
    expect(refused.code).toBe(75);
    expect(refused.stderr).toMatch(new RegExp(`Ingest refused: Another ingest \\(ingest held by the test, process ${process.pid}, started [^)]+\\) is writing .*nothing was changed`));
    expect(refused.stdout).toBe('');
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);

    release();
    const waited = await waiting;
    expect(waited.code).toBe(0);
    expect(waited.stdout).toContain('Indexed 12 documents');
  });

  it('two ingests started together on one collection: one writes, the other waits for it or is refused, and the index is whole', async () => {
    // The reliability benchmark runs 20 such pairs.
    const env = { DATA_DIR: join(root, 'data-pair') };
    const results = await Promise.all([1, 2].map(() => runCli(['--dir', join(root, 'synthetic')], env)));
    for (const result of results) {
      if (result.code === 0) expect(result.stdout).toMatch(/Indexed 12 documents/);
      else expect(result).toMatchObject({ code: 75, stderr: expect.stringContaining('Ingest refused: Another ingest') });
    }
    // One wrote the documents; a second success found them all written already.
    expect(results.filter((result) => result.stdout.includes('reused 0 unchanged'))).toHaveLength(1);
    expect(intact(env.DATA_DIR, 12)).toBe(true);
  });

  it.skipIf(!postgresAvailable())('with DATABASE_URL writes to PostgreSQL; while another ingest holds its lock, exits 75 naming it, or with --wait waits', async () => {
    const database = await createTestDatabase('ingest_cli');
    const pool = createPostgresPool(database.url, { size: 2, logger: silentLogger });
    try {
      const env = { DATA_DIR: join(root, 'data-pg'), DATABASE_URL: database.url };
      await migrate(pool);
      const lock = await acquirePostgresWriterLock(pool, 'ingest held by the test', { database: 'the test database' });
      const waiting = runCli(['--dir', join(root, 'synthetic'), '--wait', '30'], env);
      const refused = await runCli(['--dir', join(root, 'synthetic')], env);
      expect(refused.code).toBe(75);
      expect(refused.stderr).toMatch(new RegExp(`Ingest refused: Another ingest \\(ingest held by the test, process ${process.pid} on [^,]+, started [^)]+\\) is writing to the collection in PostgreSQL database test_ingest_cli_\\w+ on 127.0.0.1:\\d+; nothing was changed`));
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM documents');
      expect(rows[0].n).toBe('0');

      await lock.release();
      const waited = await waiting;
      expect(waited.code).toBe(0);
      expect(waited.stdout).toContain('Indexed 12 documents');
      const again = await runCli(['--dir', join(root, 'synthetic')], env);
      expect(again.stdout).toContain('reused 12 unchanged');
      // Nothing of the collection went to DATA_DIR.
      expect(existsSync(join(env.DATA_DIR, DATABASE_FILE))).toBe(false);
    } finally {
      await pool.end();
      await database.drop();
    }
  });

  it('prints usage and exits 2 on bad arguments', async () => {
    const results = await Promise.all([['--bogus'], ['--dir'], ['extra-positional'], ['--wait', 'soon']].map((args) => runCli(args, { DATA_DIR: join(root, 'data-bad') })));
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: npm run ingest');
    }
  });
});
