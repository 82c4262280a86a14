import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Records the order of the file system calls that matter for durability.
const calls: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const paths = new Map<number, string>();
  return {
    ...fs,
    openSync: (path: string, flags: string) => {
      const fd = fs.openSync(path, flags);
      paths.set(fd, path);
      return fd;
    },
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${paths.get(fd)}`);
      fs.fsyncSync(fd);
    },
    renameSync: (from: string, to: string) => {
      calls.push(`rename ${from} → ${to}`);
      fs.renameSync(from, to);
    },
  };
});

const { replaceDurably } = await import('./durable-files.js');

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('replaceDurably', () => {
  it('flushes the new file before renaming it into place, then flushes the folder that holds the new name', () => {
    dir = mkdtempSync(join(tmpdir(), 'durable-'));
    writeFileSync(join(dir, 'index'), 'old');
    writeFileSync(join(dir, '.index.tmp'), 'new');
    replaceDurably(join(dir, '.index.tmp'), join(dir, 'index'));
    expect(calls).toEqual([`fsync ${join(dir, '.index.tmp')}`, `rename ${join(dir, '.index.tmp')} → ${join(dir, 'index')}`, `fsync ${dir}`]);
    expect(readFileSync(join(dir, 'index'), 'utf8')).toBe('new');
  });
});
