import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedbackStore, type Feedback } from './feedback-store.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hdkh-feedback-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const feedbackDir = () => join(dataDir, 'feedback');
const entry = (i: number): Feedback => ({ question: `Câu hỏi số ${i}: ai được cấp thẻ BHYT?`, answer: 'Người có công [1].', rating: i % 2 ? 'up' : 'down', comment: 'x'.repeat(i % 200) });
const mode = async (path: string) => (await stat(path)).mode & 0o777;
const readEntries = async (name: string) => (await readFile(join(feedbackDir(), name), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Feedback);

describe('createFeedbackStore', () => {
  it('stays bounded after 10,000 posts: it rotates at maxBytes and keeps `files` files, the newest entries last', async () => {
    const store = createFeedbackStore(dataDir, { maxBytes: 8192, files: 3 });
    for (let i = 0; i < 10_000; i++) store.append(entry(i));
    const names = (await readdir(feedbackDir())).sort();
    expect(names).toEqual(['feedback.1.jsonl', 'feedback.2.jsonl', 'feedback.jsonl']);
    const sizes = await Promise.all(names.map(async (name) => (await stat(join(feedbackDir(), name))).size));
    for (const size of sizes) expect(size).toBeLessThanOrEqual(8192);
    const current = await readEntries('feedback.jsonl');
    expect(current.at(-1)!.question).toBe(entry(9999).question);
    const previous = await readEntries('feedback.1.jsonl');
    expect(Number(/số (\d+)/.exec(previous.at(-1)!.question)![1]) + 1).toBe(Number(/số (\d+)/.exec(current[0].question)![1]));
  });

  it('writes personal data readable by the server’s user only: folder 0700, files 0600, rotated ones too', async () => {
    const store = createFeedbackStore(dataDir, { maxBytes: 4096, files: 2 });
    for (let i = 0; i < 100; i++) store.append(entry(i));
    expect(await mode(feedbackDir())).toBe(0o700);
    expect(await mode(join(feedbackDir(), 'feedback.jsonl'))).toBe(0o600);
    expect(await mode(join(feedbackDir(), 'feedback.1.jsonl'))).toBe(0o600);
  });

  it('tightens what an earlier version left: the world-readable DATA_DIR/feedback.jsonl moves in, open modes close, extra files go', async () => {
    await writeFile(join(dataDir, 'feedback.jsonl'), `${JSON.stringify(entry(1))}\n`, { mode: 0o644 });
    await chmod(join(dataDir, 'feedback.jsonl'), 0o644);
    await mkdir(feedbackDir(), { mode: 0o755 });
    await chmod(feedbackDir(), 0o755);
    await writeFile(join(feedbackDir(), 'feedback.1.jsonl'), `${JSON.stringify(entry(0))}\n`, { mode: 0o644 });
    await writeFile(join(feedbackDir(), 'feedback.7.jsonl'), `${JSON.stringify(entry(0))}\n`, { mode: 0o644 });
    const store = createFeedbackStore(dataDir, { maxBytes: 4096, files: 3 });
    store.append(entry(2));
    expect((await readdir(dataDir)).sort()).toEqual(['feedback']);
    expect((await readdir(feedbackDir())).sort()).toEqual(['feedback.1.jsonl', 'feedback.jsonl']);
    expect((await readEntries('feedback.jsonl')).map((e) => e.question)).toEqual([entry(1).question, entry(2).question]);
    expect(await mode(feedbackDir())).toBe(0o700);
    expect(await mode(join(feedbackDir(), 'feedback.1.jsonl'))).toBe(0o600);
    expect(await mode(join(feedbackDir(), 'feedback.jsonl'))).toBe(0o600);
  });
});
