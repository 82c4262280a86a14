import type { OutlineEntry } from '../types.js';

/** Clauses of one article that a passage refers to: "các khoản 1, khoản 2, khoản 3 Điều 6 Nghị định này". */
export interface ClauseReference {
  article: string;
  clauses: string[];
}

/** At most this many clauses are read for one reference: a long run says "most cases", not which. */
const MAX_CLAUSES = 4;

/**
 * "(các trường hợp quy định tại) khoản 1, khoản 2, khoản 3 Điều 6 Nghị định này", "(đối tượng quy định tại) các khoản
 * 1, 2 và 3 Điều 6": the cases a rule is for, named by clauses of an article of the same document. A reference for
 * anything else ("mức hỗ trợ quy định tại khoản 4 Điều 5", "thực hiện theo khoản 2 Điều 3") says where a rule is, not
 * whom it is for; one to another document ("khoản 2 Điều 5 Luật Cán bộ, công chức") names it after the article and
 * is left alone: its text is not this document's.
 */
const REFERENCE =
  /(?<=(?:trường hợp|đối tượng)\s+(?:được\s+)?quy định tại\s+(?:các\s+)?)khoản\s+(\d+(?:\s*(?:,|và|hoặc)\s*(?:khoản\s+)?\d+)*)\s+(?:của\s+)?Điều\s+(\d+)(?=\s+(?:\p{L}+\s+){1,3}này(?!\p{L})|\s*[,.;:)]|\s*$)/giu;

/** The clauses of this document's articles a passage refers to. */
export function clauseReferences(text: string): ClauseReference[] {
  return [...text.normalize('NFC').matchAll(REFERENCE)].map((found) => ({ article: found[2], clauses: found[1].match(/\d+/g)!.slice(0, MAX_CLAUSES) }));
}

/** A numbered clause's line in an article's text ("1. Tự ý bỏ học, bỏ việc trong thời gian đào tạo."), up to the next one. */
const clauseText = (article: string, clause: string): string => {
  const start = new RegExp(`(?:^|\\n)[\\s*_]*${clause}\\.\\s`, 'u').exec(article);
  if (!start) return '';
  const rest = article.slice(start.index + start[0].length);
  const next = /\n[\s*_]*\d+\.\s/u.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
};

/**
 * The text of the clauses a passage refers to, read from its document (`text`, with its `outline`): what "các
 * trường hợp quy định tại khoản 1 Điều 6" stands for ("Tự ý bỏ học, bỏ việc trong thời gian đào tạo"), so that a
 * question naming the case finds the passage that sets its rule. Empty when it refers to none.
 */
export function referredText(passage: string, text: string, outline: readonly OutlineEntry[]): string {
  return clauseReferences(passage)
    .flatMap(({ article, clauses }) => {
      const entry = outline.find((heading) => heading.kind === 'article' && heading.number === article);
      if (!entry) return [];
      const body = text.slice(entry.start, entry.end);
      return clauses.map((clause) => clauseText(body, clause).trim()).filter(Boolean);
    })
    .join('\n');
}
