import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ingest-cli-'));
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

  it('prints usage and exits 2 on bad arguments', async () => {
    const results = await Promise.all([['--bogus'], ['--dir'], ['extra-positional']].map((args) => runCli(args, { DATA_DIR: join(root, 'data-bad') })));
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: npm run ingest');
    }
  });
});
