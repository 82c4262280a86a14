import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const citationSchema = z.object({
  n: z.number().int().min(1).max(100),
  docId: z.string().min(1).max(200),
  section: z.string().max(1000).optional(),
  quote: z.string().max(5000).optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});

/** What the chat page sends when an official rates an answer. */
export const feedbackSchema = z.object({
  question: z.string().trim().min(1).max(1000),
  answer: z.string().max(20_000),
  rating: z.enum(['up', 'down']),
  comment: z.string().trim().max(2000).optional(),
  citations: z.array(citationSchema).max(50).optional(),
});

export type Feedback = z.infer<typeof feedbackSchema>;

export interface FeedbackStore {
  append(feedback: Feedback): Promise<void>;
}

/** Appends one JSON line per rating to `${dataDir}/feedback.jsonl`; a single append keeps concurrent writes whole. */
export function createFeedbackStore(dataDir: string, now: () => Date = () => new Date()): FeedbackStore {
  const file = join(dataDir, 'feedback.jsonl');
  return {
    async append(feedback) {
      await mkdir(dataDir, { recursive: true });
      await appendFile(file, `${JSON.stringify({ at: now().toISOString(), ...feedback })}\n`, 'utf8');
    },
  };
}
