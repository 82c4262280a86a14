import { matchKey } from '../lang/normalize.js';
import type { SourceDocument } from '../types.js';
import { escapeRegExp } from '../lang/escape-reg-exp.js';

export interface GlossaryDefinition {
  docId: string;
  /** Span of "expansion (ABBR)" in the document's original text. */
  start: number;
  end: number;
}

export interface GlossaryEntry {
  abbreviation: string;
  expansion: string;
  /** Where a plan itself defines the abbreviation as "expansion (ABBR)". */
  definitions: GlossaryDefinition[];
  /** Ids of the plans whose text uses the abbreviation. */
  usedIn: string[];
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+/u;
// Definitions sit right before the parenthesis; a long expansion plus markdown leftovers fits well within this.
const LOOKBEHIND_CHARS = 300;

function findDefinitions(doc: SourceDocument, abbreviation: string, expansion: string): GlossaryDefinition[] {
  const wanted = matchKey(expansion).split(/\s+/).filter(Boolean);
  if (wanted.length === 0) return [];
  const found: GlossaryDefinition[] = [];
  const pattern = new RegExp(`\\(\\s*${escapeRegExp(abbreviation)}\\s*\\)`, 'gu');
  for (const match of doc.text.matchAll(pattern)) {
    const open = match.index;
    const windowStart = Math.max(0, open - LOOKBEHIND_CHARS);
    const words = [...doc.text.slice(windowStart, open).matchAll(/\S+/g)];
    if (words.length < wanted.length) continue;
    const tail = words.slice(-wanted.length);
    // Markdown leftovers ("**người") or an opening quote may precede the first word.
    const lead = tail[0][0].match(EDGE_PUNCTUATION)?.[0].length ?? 0;
    const joined = tail.map((word) => matchKey(word[0])).join(' ').slice(lead);
    if (joined !== wanted.join(' ')) continue;
    found.push({ docId: doc.meta.id, start: windowStart + tail[0].index + lead, end: open + match[0].length });
  }
  return found;
}

/**
 * The abbreviations the documents actually use, with the places where a document spells one out.
 * The table may hold several spellings of one abbreviation (e.g. a folded lower-case lookup key); the one written with
 * the most capitals is kept.
 */
export async function buildGlossary(candidates: (abbreviation: string) => Promise<readonly SourceDocument[]>, abbreviations: ReadonlyMap<string, string>): Promise<GlossaryEntry[]> {
  const preferred = new Map<string, [string, string]>();
  const capitals = (text: string): number => text.replace(/[^\p{Lu}]/gu, '').length;
  for (const [abbreviation, expansion] of abbreviations) {
    const key = matchKey(abbreviation);
    const current = preferred.get(key);
    if (!current || capitals(abbreviation) > capitals(current[0])) preferred.set(key, [abbreviation, expansion]);
  }

  const entries: GlossaryEntry[] = [];
  for (const [abbreviation, expansion] of preferred.values()) {
    const use = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(abbreviation)}(?![\\p{L}\\p{N}])`, 'u');
    // The index names the few documents that may use it; the pattern checks them.
    const documents = (await candidates(abbreviation)).filter((doc) => use.test(doc.text));
    const usedIn = documents.map((doc) => doc.meta.id);
    if (usedIn.length === 0) continue;
    const definitions = documents.flatMap((doc) => findDefinitions(doc, abbreviation, expansion).slice(0, 1)); // the first definition per plan
    entries.push({ abbreviation, expansion, definitions, usedIn });
  }
  return entries.sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'vi'));
}
