import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Citation } from '../types.js';
import { ANSWER_ID, openAnswerArchive, type AnswerArchive } from './answer-archive.js';

const citation: Citation = {
  n: 1,
  docId: 'khanh-hoa-2618-2022',
  docTitle: 'Kế hoạch',
  docName: 'Kế hoạch 2618/KH-UBND',
  label: 'VI › 2',
  section: 'VI › 2',
  quote: 'Báo cáo trước ngày 15/12 hàng năm.',
  start: 10,
  end: 44,
  chunkId: 'khanh-hoa-2618-2022#3',
  score: 1.5,
};
const entry = (question: string) => ({ question, standaloneQuestion: question, answer: `Trả lời: ${question} [1]`, answered: true, citations: [citation] });

describe('openAnswerArchive', () => {
  let dir: string;
  let clock: number;
  let archive: AnswerArchive;
  const open = (maxRows = 100, maxAgeDays = 30) => openAnswerArchive({ file: join(dir, 'answers.db'), maxAgeDays, maxRows, now: () => clock });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hdkh-answers-'));
    clock = Date.UTC(2025, 0, 1);
  });
  afterEach(() => {
    archive?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an answer under a random, unguessable id, readable after a reopen, in a private file', () => {
    archive = open();
    const id = archive.save(entry('Khi nào gửi báo cáo?'));
    const other = archive.save(entry('Khi nào gửi báo cáo?'));
    expect(id).toMatch(ANSWER_ID);
    expect(other).not.toBe(id);
    for (const name of ['answers.db', 'answers.db-wal']) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    archive.close();
    archive = open();
    expect(archive.get(id)).toEqual({ id, ...entry('Khi nào gửi báo cáo?'), createdAt: '2025-01-01T00:00:00.000Z' });
  });

  it('knows nothing of an unknown or malformed id', () => {
    archive = open();
    archive.save(entry('a'));
    expect(archive.get('A'.repeat(22))).toBeUndefined();
    expect(archive.get("' OR 1=1 --")).toBeUndefined();
    expect(archive.get('')).toBeUndefined();
  });

  it('forgets answers older than the age limit, even before they are pruned', () => {
    archive = open(100, 30);
    const old = archive.save(entry('cũ'));
    clock += 31 * 86_400_000;
    expect(archive.get(old)).toBeUndefined();
    const fresh = archive.save(entry('mới'));
    expect(archive.get(fresh)?.question).toBe('mới');
  });

  it('keeps at most maxRows answers, the newest', () => {
    archive = open(100);
    const ids = Array.from({ length: 250 }, (_, i) => {
      clock += 1000;
      return archive.save(entry(`câu ${i}`));
    });
    expect(ids.filter((id) => archive.get(id)).length).toBe(100);
    expect(archive.get(ids[149])).toBeUndefined();
    expect(archive.get(ids[150])?.question).toBe('câu 150');
    expect(archive.get(ids[249])?.question).toBe('câu 249');
  });
});
