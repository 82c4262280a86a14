import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const citationSchema = z.object({
  n: z.number().int().min(1).max(100),
  docId: z.string().min(1).max(200),
  section: z.string().max(500).optional(),
  quote: z.string().max(2000).optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});

/** What the chat page sends when an official rates an answer; every field is capped (an entry stays under MAX_BODY_BYTES too). */
export const feedbackSchema = z.object({
  question: z.string().trim().min(1).max(1000),
  answer: z.string().max(20_000),
  rating: z.enum(['up', 'down']),
  comment: z.string().trim().max(2000).optional(),
  /** The answer rated: a comment sent after its thumb refers to the same answer. */
  answerId: z.string().max(64).optional(),
  citations: z.array(citationSchema).max(20).optional(),
});

export type Feedback = z.infer<typeof feedbackSchema>;

export interface FeedbackStore {
  append(feedback: Feedback): void;
}

export interface FeedbackStoreOptions {
  /** The current file rotates before it would grow past this (FEEDBACK_MAX_BYTES). */
  maxBytes: number;
  /** Files kept, the current one included (FEEDBACK_FILES): at most files × maxBytes on disk. */
  files: number;
  now?: () => Date;
}

const ROTATED = /^feedback\.(\d+)\.jsonl$/;

/** The store's files, newest first: what the admin page reads. */
export const feedbackFiles = (dataDir: string, files: number): string[] =>
  Array.from({ length: files }, (_, n) => join(dataDir, 'feedback', n === 0 ? 'feedback.jsonl' : `feedback.${n}.jsonl`));

/**
 * One JSON line per rating in `${dataDir}/feedback/feedback.jsonl`, rotated to feedback.1.jsonl, feedback.2.jsonl…
 * Ratings carry what people typed, so the folder is 0700 and the files 0600. Writes are synchronous (tens of
 * microseconds, like the SQLite store's): no two appends or rotations ever interleave.
 */
export function createFeedbackStore(dataDir: string, { maxBytes, files, now = () => new Date() }: FeedbackStoreOptions): FeedbackStore {
  const dir = join(dataDir, 'feedback');
  const paths = feedbackFiles(dataDir, files);
  const path = (n: number) => paths[n];
  /** Of the current file; unknown until the folder has been prepared. */
  let size: number | undefined;

  // Also tightens what an earlier version left: an open folder or files, more files than now kept.
  const prepare = (): number => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    // Earlier versions wrote one unbounded, world-readable file in DATA_DIR itself.
    const legacy = join(dataDir, 'feedback.jsonl');
    if (existsSync(legacy) && !existsSync(path(0))) renameSync(legacy, path(0));
    for (const name of readdirSync(dir)) {
      const rotated = ROTATED.exec(name);
      if (rotated && Number(rotated[1]) >= files) rmSync(join(dir, name), { force: true });
      else if (rotated || name === 'feedback.jsonl') chmodSync(join(dir, name), 0o600);
    }
    return existsSync(path(0)) ? statSync(path(0)).size : 0;
  };

  const rotate = () => {
    rmSync(path(files - 1), { force: true });
    for (let n = files - 1; n > 0; n--) if (existsSync(path(n - 1))) renameSync(path(n - 1), path(n));
  };

  return {
    append(feedback) {
      const line = `${JSON.stringify({ at: now().toISOString(), ...feedback })}\n`;
      const bytes = Buffer.byteLength(line);
      size ??= prepare();
      if (size > 0 && size + bytes > maxBytes) {
        rotate();
        size = 0;
      }
      appendFileSync(path(0), line, { encoding: 'utf8', mode: 0o600 });
      size += bytes;
    },
  };
}
