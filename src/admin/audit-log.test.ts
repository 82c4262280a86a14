import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLog } from './audit-log.js';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'audit-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('createAuditLog', () => {
  it('records what, which document, when and from where, newest first, in a private folder', async () => {
    const dataDir = await tempDir();
    let clock = Date.parse('2025-03-01T08:00:00Z');
    const audit = createAuditLog(dataDir, { now: () => new Date((clock += 1000)) });
    audit.record({ action: 'login', client: '10.0.0.7', via: 'session' });
    audit.record({ action: 'upload', client: '10.0.0.7', via: 'session', docId: 'ke-hoach-12', file: 'Kế hoạch 12.docx', jobId: 'j1' });
    expect(await audit.recent(10)).toEqual([
      { at: '2025-03-01T08:00:02.000Z', action: 'upload', client: '10.0.0.7', via: 'session', docId: 'ke-hoach-12', file: 'Kế hoạch 12.docx', jobId: 'j1' },
      { at: '2025-03-01T08:00:01.000Z', action: 'login', client: '10.0.0.7', via: 'session' },
    ]);
    expect(await audit.recent(1)).toHaveLength(1);
    expect(statSync(join(dataDir, 'admin')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'admin', 'audit.jsonl')).mode & 0o777).toBe(0o600);
  });

  it('stays bounded: rotates at its size, keeps so many files, and reads across them', async () => {
    const dataDir = await tempDir();
    const audit = createAuditLog(dataDir, { maxBytes: 1000, files: 3 });
    for (let i = 0; i < 200; i += 1) audit.record({ action: 'delete', client: '127.0.0.1', docId: `doc-${i}` });
    const files = readdirSync(join(dataDir, 'admin')).sort();
    expect(files).toEqual(['audit.1.jsonl', 'audit.2.jsonl', 'audit.jsonl']);
    for (const file of files) {
      expect(statSync(join(dataDir, 'admin', file)).size).toBeLessThanOrEqual(1000);
      expect(statSync(join(dataDir, 'admin', file)).mode & 0o777).toBe(0o600);
    }
    const recent = await audit.recent(1000);
    expect(recent[0].docId).toBe('doc-199');
    // Newest first across the rotated files, nothing skipped in between.
    expect(recent.map((entry) => Number(entry.docId!.slice(4)))).toEqual(recent.map((_, i) => 199 - i));
    expect(recent.length).toBeGreaterThan(20);
    expect(recent.length).toBeLessThan(60);
  });

  it('skips a line cut short by a crash', async () => {
    const dataDir = await tempDir();
    createAuditLog(dataDir).record({ action: 'logout', client: '::1' });
    appendFileSync(join(dataDir, 'admin', 'audit.jsonl'), '{"at":"2025-');
    // Started again after the crash.
    const audit = createAuditLog(dataDir);
    audit.record({ action: 'login', client: '::1' });
    expect((await audit.recent(10)).map((entry) => entry.action)).toEqual(['login', 'logout']);
  });
});
