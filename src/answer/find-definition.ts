import { lookupAbbreviation } from '../lang/abbreviations.js';
import type { Chunk, KnowledgeBase } from '../types.js';

export interface DefinitionSpan {
  abbreviation: string;
  expansion: string;
  chunk: Chunk;
  /** Offsets of "expansion (ABBR)" in the document text. */
  start: number;
  end: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}&-]*/gu;

/** The abbreviation a short question asks about ("NCT là gì?", "what does BHYT stand for?"), if the table knows it. */
export function abbreviationAskedAbout(question: string, abbreviations: ReadonlyMap<string, string>): { abbreviation: string; expansion: string } | null {
  const tokens = question.match(TOKEN) ?? [];
  for (const token of tokens) {
    const found = lookupAbbreviation(abbreviations, token.toUpperCase() === token ? token : token.toUpperCase());
    if (found && token.length >= 2) return found;
  }
  return null;
}

/** Where a plan defines the abbreviation itself: the first "người cao tuổi (NCT)" in the collection. */
export function findDefinition(knowledge: KnowledgeBase, abbreviation: string, expansion: string): DefinitionSpan | null {
  const words = expansion.split(/[\s,]+/u).filter(Boolean).map(escapeRegExp);
  const pattern = new RegExp(`${words.join('[\\s,]+')}\\s*\\(\\s*${escapeRegExp(abbreviation)}\\s*\\)`, 'iu');
  for (const doc of knowledge.documents) {
    const match = pattern.exec(doc.text);
    if (!match) continue;
    const start = match.index;
    const end = start + match[0].length;
    const chunk = knowledge.chunksOf(doc.meta.id).find((candidate) => candidate.start <= start && end <= candidate.end);
    if (chunk) return { abbreviation, expansion, chunk, start, end };
  }
  return null;
}
