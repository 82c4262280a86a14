import { z } from 'zod';

const docIds = z.array(z.string().min(1).max(200)).max(50);
const topK = z.number().int().min(1).max(20);

export const askRequestSchema = z
  .object({
    question: z.string().trim().min(1).max(1000),
    history: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(4000) }))
      .max(20)
      .optional(),
    docIds: docIds.optional(),
    topK: topK.optional(),
  });

export const searchRequestSchema = z
  .object({
    query: z.string().trim().min(1).max(1000),
    docIds: docIds.optional(),
    topK: topK.optional(),
  });
