import { z } from 'zod';

const docIds = z.array(z.string().min(1).max(200)).max(50);
const topK = z.number().int().min(1).max(20);
// Filters by place (province or locality, "Khánh Hòa", "Huyện Hữu Lũng") and by type ("Kế hoạch", "Nghị định"):
// the server resolves them, so a filter holding hundreds of documents stays a short request.
const names = z.array(z.string().trim().min(1).max(100)).max(100);

export const askRequestSchema = z
  .object({
    question: z.string().trim().min(1).max(1000),
    history: z
      .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(4000) }))
      .max(20)
      .optional(),
    docIds: docIds.optional(),
    places: names.optional(),
    types: names.optional(),
    topK: topK.optional(),
  });

export const searchRequestSchema = z
  .object({
    query: z.string().trim().min(1).max(1000),
    docIds: docIds.optional(),
    places: names.optional(),
    types: names.optional(),
    topK: topK.optional(),
  });
