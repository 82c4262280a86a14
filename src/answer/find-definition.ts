import { abbreviationKey, lookupAbbreviation } from '../lang/abbreviations.js';
import { matchKey } from '../lang/normalize.js';
import type { Chunk, KnowledgeBase } from '../types.js';
import { findInChunks } from './find-in-chunks.js';
import { chunkSpans } from './select-evidence.js';
import { escapeRegExp } from '../lang/escape-reg-exp.js';

export interface DefinitionSpan {
  /** The short form asked about: an abbreviation ("NCT") or a name a plan gives ("cơ sở chăm sóc sức khỏe lao động - xã hội"). */
  term: string;
  /** The long form, when known (an abbreviation's expansion). */
  expansion?: string;
  /**
   * 'defined': the plan writes "người cao tuổi (NCT)"; 'named': it says "(sau đây gọi tắt là …)" after what the
   * name stands for; 'used': it uses an abbreviation without spelling it out (the expansion is the curated one).
   */
  how: 'defined' | 'named' | 'used';
  chunk: Chunk;
  /** Offsets of the quoted passage in the document text. */
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}&-]*/gu;
const DEFINITION_FRAME =
  /\b(khai niem|the nao la|dinh nghia|nghia la gi|co nghia la gi|duoc hieu la gi|duoc hieu nhu the nao|duoc hieu la|hieu the nao|la gi|la nhu the nao|what is meant by|what counts as|what is (a |an |the )?|what are (the )?|what does|meaning of|definition of|define|mean|means|stand for|stands for|viet tat cua gi|viet tat)\b|[?!.]/g;
/** "NCT là gì?", "X được hiểu là gì", "what counts as X", "what does NKT stand for": the question asks what a term means. */
const MEANING_CUE = /\b(la gi|the nao la|khai niem|dinh nghia|nghia la gi|co nghia la gi|duoc hieu (la|nhu the nao)|hieu the nao|viet tat|stand for|stands for|mean|means|meaning|what counts as|definition of|define)\b|^\s*what is\b/;
export const asksMeaning = (question: string): boolean => MEANING_CUE.test(matchKey(question));

/** The abbreviation a short question asks about ("NCT là gì?", "what does BHYT stand for?"), if the table knows it. */
export function abbreviationAskedAbout(question: string, abbreviations: ReadonlyMap<string, string>): { abbreviation: string; expansion: string } | null {
  for (const token of question.match(TOKEN) ?? []) {
    const found = token.length >= 2 ? lookupAbbreviation(abbreviations, token.toUpperCase() === token ? token : token.toUpperCase()) : undefined;
    if (found) return found;
  }
  return null;
}

/** An abbreviation asked about alone, with its expansion, or a name a plan may give to what it describes. */
export type DefinitionAsked = { abbreviation: string; expansion: string } | { name: string };

/** "NCT là gì?", "BHYT viết tắt của gì", "what does NKT stand for": a question about an abbreviation alone. */
const DEFINITION_WORDS = new Set(['la', 'gi', 'nghia', 'co', 'viet', 'tat', 'cua', 'chu', 'tu', 'what', 'is', 'does', 'do', 'stand', 'stands', 'for', 'mean', 'means', 'meaning', 'the', 'of', 'abbreviation', 'in', 'these', 'plans', 'plan', 'trong', 'cac', 'ke', 'hoach']);

/**
 * What a question asks the meaning of, when it asks about nothing else: an abbreviation the table knows, with at most
 * two words beside the asking ones ("NCT là gì?"), or the name it is made of ("cơ sở chăm sóc sức khỏe lao động - xã
 * hội là gì?").
 */
export function definitionAsked(question: string, abbreviations: ReadonlyMap<string, string>): DefinitionAsked | null {
  if (!asksMeaning(question)) return null;
  const asked = abbreviationAskedAbout(question, abbreviations);
  if (!asked) return { name: termAskedAbout(question) };
  const otherWords = matchKey(question).split(/[^\p{L}\p{N}]+/u).filter((word) => word && word !== abbreviationKey(asked.abbreviation) && !DEFINITION_WORDS.has(word));
  return otherWords.length <= 2 ? asked : null;
}

/** The sentence of a chunk around [start, end): what a defining phrase is quoted with. */
function sentenceAround(chunk: Chunk, start: number, end: number): { start: number; end: number } {
  const span = chunkSpans(chunk).find((sentence) => chunk.start + sentence.start <= start && end <= chunk.start + sentence.end);
  return span ? { start: chunk.start + span.start, end: chunk.start + span.end } : { start, end };
}

/** Where a plan defines the abbreviation itself ("người cao tuổi (NCT)"), else the first passage that uses it. */
export async function findDefinition(knowledge: Pick<KnowledgeBase, 'chunksWithWords'>, abbreviation: string, expansion: string): Promise<DefinitionSpan | null> {
  const words = expansion.split(/[\s,]+/u).filter(Boolean).map(escapeRegExp);
  const defined = new RegExp(`${words.join('[\\s,\\-–]+')}\\s*\\(\\s*${escapeRegExp(abbreviation)}\\s*\\)`, 'iu');
  const used = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(abbreviation)}(?![\\p{L}\\p{N}])`, 'u');
  const key = matchKey(abbreviation);
  for (const [pattern, how, words] of [[defined, 'defined', [...matchKey(expansion).split(/[\s,]+/u).filter(Boolean), key]], [used, 'used', [key]]] as const) {
    for (const { chunk, start, length } of await findInChunks(knowledge, words, pattern, { folded: false })) {
      if (chunk.kind === 'recipients') continue;
      const span = how === 'defined' ? { start, end: start + length } : sentenceAround(chunk, start, start + length);
      return { term: abbreviation, expansion, how, chunk, ...span };
    }
  }
  return null;
}

/** The name a question asks about ("cơ sở chăm sóc sức khỏe lao động - xã hội là gì?"), with or without diacritics. */
export const termAskedAbout = (question: string): string =>
  matchKey(question).replace(DEFINITION_FRAME, ' ').replace(/(^|\s)[-–](?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim();

/** Where a plan gives a name to what it describes: "… (sau đây gọi tắt là cơ sở chăm sóc sức khỏe lao động - xã hội)". */
export async function findNamedTerm(knowledge: Pick<KnowledgeBase, 'chunksWithWords'>, term: string): Promise<DefinitionSpan | null> {
  if (term.split(' ').length < 2) return null;
  const words = term.split(' ').map(escapeRegExp);
  const pattern = new RegExp(`\\(\\s*sau day (goi|viet) tat la\\s+(cac\\s+)?${words.join('[\\s,\\-–]+')}\\s*\\)`);
  for (const { chunk, start, length } of await findInChunks(knowledge, ['tat', ...term.split(' ')], pattern, { folded: true })) {
    const sentence = sentenceAround(chunk, start, start + length);
    const named = chunk.text.slice(start - chunk.start, start - chunk.start + length);
    return { term: named.replace(/^\(\s*sau đây (gọi|viết) tắt là\s+/iu, '').replace(/\s*\)$/, ''), how: 'named', chunk, start: sentence.start, end: start + length };
  }
  return null;
}
