// The evaluation sets (eval/sets.json): each is a collection of documents and the questions asked of it, and every
// question belongs to the development part (tune on it) or the frozen test part (never tune on it).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { loadEvalSet, type EvalQuestion } from './load-eval-set.js';

export const EVAL_PARTS = ['dev', 'test'] as const;
export type EvalPart = (typeof EVAL_PARTS)[number];

const setsSchema = z
  .object({
    sets: z.array(
      z
        .object({
          name: z.string().regex(/^[a-z][a-z0-9-]*$/),
          description: z.string(),
          /** Folders whose documents make the set's collection, relative to the project root. */
          corpus: z.array(z.string().min(1)).min(1),
          questions: z.array(
            z
              .object({
                file: z.string().min(1),
                /** Questions the answerer was already tuned on: all of them are development questions. */
                tunedOn: z.boolean().default(false),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();

export interface PartedQuestion extends EvalQuestion {
  set: string;
  part: EvalPart;
}

export interface EvalSetDefinition {
  name: string;
  description: string;
  /** Absolute folders. */
  corpus: string[];
  questions: PartedQuestion[];
}

/**
 * Questions that share a gold passage share a part (one fact asked in three languages must not sit on both sides);
 * an unanswerable question is its own group.
 */
export const splitGroup = (entry: EvalQuestion): string =>
  entry.expect === 'answer' ? [...new Set(entry.gold.map((gold) => `${gold.docId}\u0000${gold.quote}`))].sort().join('\u0001') : `id:${entry.id}`;

/** The split rule: a fixed hash of the group, so no question can be moved to the side where it scores better. */
export function partOf(entry: EvalQuestion, tunedOn: boolean): EvalPart {
  if (tunedOn) return 'dev';
  return createHash('sha256').update(splitGroup(entry)).digest()[0] % 2 === 0 ? 'test' : 'dev';
}

/** Reads eval/sets.json and every question file it names; ids are unique across all files. */
export async function loadEvalSets(root: string, file = path.join(root, 'eval/sets.json')): Promise<EvalSetDefinition[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new AppError('invalid_request', `Cannot read the evaluation sets ${file}`, { cause });
  }
  const parsed = setsSchema.safeParse(json);
  if (!parsed.success) throw new AppError('invalid_request', `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const seen = new Set<string>();
  const sets: EvalSetDefinition[] = [];
  for (const set of parsed.data.sets) {
    const questions: PartedQuestion[] = [];
    for (const source of set.questions) {
      const filePath = path.resolve(root, source.file);
      for (const entry of await loadEvalSet(filePath)) {
        if (seen.has(entry.id)) throw new AppError('invalid_request', `${source.file}: id ${entry.id} is used twice across the evaluation sets`);
        seen.add(entry.id);
        questions.push({ ...entry, set: set.name, part: partOf(entry, source.tunedOn) });
      }
    }
    sets.push({ name: set.name, description: set.description, corpus: set.corpus.map((folder) => path.resolve(root, folder)), questions });
  }
  return sets;
}
