import type { DocumentMeta, OutlineEntry } from '../types.js';
import { matchHeadingLevel, typeEntry } from './grammar.js';

// How people cite a place in a document and the document itself: "Điều 5 › khoản 2 › điểm a" in a decree,
// "VI › 10" in a plan, "Phụ lục I" for an appendix; "Kế hoạch 2618/KH-UBND ngày 24/3/2022 của Ủy ban nhân dân
// tỉnh Khánh Hòa".

const UNIT_LEVELS = new Set(['part', 'chapter', 'section']);

function headingLabel(entry: OutlineEntry, legal: boolean): string {
  const number = entry.number ?? '';
  switch (entry.kind) {
    case 'appendix':
      return number ? `Phụ lục ${number}` : 'Phụ lục';
    case 'attachment':
      return entry.title.split(/\s+/u).slice(0, 2).join(' ').toLocaleLowerCase('vi').replace(/^\p{L}/u, (c) => c.toLocaleUpperCase('vi'));
    case undefined:
      return entry.title;
    default: {
      const level = matchHeadingLevel(entry.title)?.level;
      return level && level.id === entry.kind ? level.label(number, legal) : entry.title.split(/[.:]/u)[0];
    }
  }
}

/**
 * The citation path of an offset: the headings over it, then, inside an article or a numbered section, the clause
 * and point it falls in even when they are paragraphs rather than headings ("khoản 2 › điểm a").
 */
export function citationLabel(text: string, outline: readonly OutlineEntry[], offset: number, meta: Pick<DocumentMeta, 'type'>): string {
  const legal = typeEntry(meta.type ?? 'Kế hoạch').legal;
  const over = outline.filter((entry) => entry.start <= offset && offset < entry.end).sort((a, b) => a.depth - b.depth);
  let path = over;
  // People cite an article by its number alone: "Điều 5", not "Chương II › Điều 5".
  if (legal && path.some((entry) => entry.kind === 'article')) path = path.filter((entry) => !UNIT_LEVELS.has(entry.kind ?? ''));
  const labels = path.map((entry) => headingLabel(entry, legal));
  const innermost = over.at(-1);
  if (innermost && (innermost.kind === 'article' || innermost.kind === 'clause' || innermost.kind === 'roman')) {
    // Numbered paragraphs between the heading and the offset: the last clause, then the last point after it.
    let clause: string | undefined;
    let point: string | undefined;
    // Up to the end of the quote's first line: a quote that starts at "3. Sử dụng …" is of khoản 3.
    const lineEnd = text.indexOf('\n', offset);
    const lineStarts = text.slice(innermost.start, lineEnd === -1 ? text.length : lineEnd).split('\n').slice(1);
    for (const line of lineStarts) {
      const match = matchHeadingLevel(line.replace(/^[\s*_#]+/u, ''));
      if (match?.level.id === 'clause' && innermost.kind !== 'clause') {
        clause = match.level.label(match.number, legal);
        point = undefined;
      } else if (match?.level.id === 'point') point = match.level.label(match.number, legal);
    }
    for (const label of [clause, point]) if (label && !labels.includes(label)) labels.push(label);
  }
  return labels.join(' › ');
}

const dateOf = (iso: string | undefined): string | undefined => {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/u.exec(iso ?? '');
  if (!match) return undefined;
  const [, year, month, day] = match;
  return day ? `${Number(day)}/${Number(month)}/${year}` : `${Number(month)}/${year}`;
};

/** The document as an official cites it: type, number, date and issuer. */
export function documentName(meta: DocumentMeta, language: 'vi' | 'en' = 'vi'): string {
  const entry = typeEntry(meta.type ?? 'Kế hoạch');
  const date = dateOf(meta.issuedDate);
  if (language === 'en') {
    const kind = entry.english.charAt(0).toUpperCase() + entry.english.slice(1);
    return [kind, meta.number, date && `of ${date}`, meta.issuer && `by ${meta.issuer}`].filter(Boolean).join(' ');
  }
  const type = entry.type === 'Văn bản' && !meta.number ? 'Văn bản' : entry.type;
  // A date without its day is a month: "tháng 1/2022", never "ngày 1/2022".
  const when = date && (/^\d{4}-\d{2}$/u.test(meta.issuedDate!) ? `tháng ${date}` : `ngày ${date}`);
  return [type, meta.number, when, meta.issuer && `của ${meta.issuer}`].filter(Boolean).join(' ');
}
