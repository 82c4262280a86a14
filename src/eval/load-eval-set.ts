// The evaluation set: one JSON object per line (format in eval/README.md), validated before any system runs.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../errors.js';

export const LANGUAGE_TAGS = ['vi', 'vi-nodiac', 'en'] as const;
export const FEATURE_TAGS = [
  'abbreviation',
  'follow-up',
  'comparison',
  'unanswerable',
  'list',
  'two-part',
  'yes-no',
  'paraphrase',
  'table',
  'article',
] as const;
export const TOPIC_TAGS = [
  'target',
  'task',
  'funding',
  'duty',
  'deadline',
  'statistics',
  'legal-basis',
  'signer',
  'date',
  'scope',
  'amount',
  'penalty',
  'procedure',
  'definition',
] as const;
/** Every tag in the order reports list them. */
export const EVAL_TAGS = [...LANGUAGE_TAGS, ...FEATURE_TAGS, ...TOPIC_TAGS] as const;
export type EvalTag = (typeof EVAL_TAGS)[number];

const goldSchema = z.object({
  docId: z.string().min(1),
  /** Substring of the gold chunk's section path; empty for front/back matter (header, preamble, signature) that has no heading. */
  section: z.string(),
  /** Verbatim span of the document text that holds the answer. */
  quote: z.string().min(1),
});

const questionSchema = z
  .object({
    /** A letter naming the file's series (q, x, s…) and at least three digits. */
    id: z.string().regex(/^[a-z]\d{3,}$/),
    question: z.string().min(1),
    tags: z.array(z.enum(EVAL_TAGS)).min(2),
    history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1) })).optional(),
    gold: z.array(goldSchema),
    /** Each inner list is one key fact given as acceptable variants; an answer must contain every fact. */
    facts: z.array(z.array(z.string().min(1)).min(1)),
    expect: z.enum(['answer', 'abstain']),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const count = (group: readonly string[]) => entry.tags.filter((tag) => group.includes(tag)).length;
    if (count(LANGUAGE_TAGS) !== 1) ctx.addIssue({ code: 'custom', message: `needs exactly one of ${LANGUAGE_TAGS.join(', ')}` });
    if (count(TOPIC_TAGS) !== 1) ctx.addIssue({ code: 'custom', message: `needs exactly one topic tag (${TOPIC_TAGS.join(', ')})` });
    const unanswerable = entry.tags.includes('unanswerable');
    if (unanswerable !== (entry.expect === 'abstain')) ctx.addIssue({ code: 'custom', message: 'the "unanswerable" tag and expect "abstain" go together' });
    if (entry.expect === 'answer' && (entry.gold.length === 0 || entry.facts.length === 0)) {
      ctx.addIssue({ code: 'custom', message: 'an answerable question needs gold passages and facts' });
    }
    if (entry.tags.includes('follow-up') && !entry.history?.length) ctx.addIssue({ code: 'custom', message: 'a follow-up needs its history' });
  });

export type EvalQuestion = z.infer<typeof questionSchema>;
export type GoldPassage = z.infer<typeof goldSchema>;

/** Parses JSON Lines text; blank lines are skipped, every other line must be a valid entry with a unique id. */
export function parseEvalSet(text: string, source = 'evaluation set'): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source}, line ${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new AppError('invalid_json', `${where}: not valid JSON`, { cause });
    }
    const parsed = questionSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
      throw new AppError('invalid_request', `${where}: ${problems}`);
    }
    if (ids.has(parsed.data.id)) throw new AppError('invalid_request', `${where}: duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    questions.push(parsed.data);
  });
  return questions;
}

export async function loadEvalSet(path: string): Promise<EvalQuestion[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AppError('not_found', `Cannot read the evaluation set ${path}`, { cause });
  }
  return parseEvalSet(text, path);
}
