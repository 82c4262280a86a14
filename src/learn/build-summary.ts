import { findSigner } from '../answer/find-signer.js';
import { findEffectiveDate, findIssueDate, findPeriodInTitle, findPlanNumber, type PlanFactSpan } from '../answer/plan-facts.js';
import { matchKey } from '../lang/normalize.js';
import { documentName } from '../structure/citation-label.js';
import { typeEntry } from '../structure/grammar.js';
import type { DocumentMeta } from '../types.js';
import type { Goals } from './find-targets.js';
import { clipSpan, headingKey, trimSpan, type LearnSource, type Span } from './learn-source.js';
import type { BodyDuties, Deadline, DocumentFact } from './learn-types.js';

// A document at a glance for new staff: what it is, who issued and signed it, for which period, its objectives and
// targets, who must do what, and by when. Each item carries the passage it was read from.

export interface DocumentSummary {
  document: DocumentMeta & { name: string };
  facts: DocumentFact[];
  objectives: Goals['objectives'];
  targets: Goals['targets'];
  duties: BodyDuties[];
  deadlines: Deadline[];
}

/** An issuing body printed above the national motto: "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA", "BỘ Y TẾ". */
const ISSUER_LINES = /(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|QUỐC HỘI|BỘ [\p{Lu} ,-]+|SỞ [\p{Lu} ,-]+|UBND [\p{Lu} ]+)(?:[\s*|]*\n[\s*|]*(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|TP\.)[\p{Lu} .]+)?/u;
/** A legal portal's table row naming the issuer. */
const PORTAL_ISSUER = /(?:Cơ quan ban hành|Nơi ban hành)[:\s|*]+[^\n|]+/u;
/** The sentence of the preamble that names who issues the document: "UBND thành phố ban hành Kế hoạch…". */
const ISSUING = /(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Bộ|Chính phủ|Sở)[^.;:\n]{0,80}?\s(?:ban hành|xây dựng)\s+(?:Kế hoạch|Quyết định|Chương trình|Nghị quyết|Chỉ thị|Thông tư|Quy chế|Quy định)/u;
/** "Thời gian thực hiện", "Thời gian triển khai": a heading or a line stating the period. */
const PERIOD_HEADING = /^thoi gian (thuc hien|trien khai)/u;
const YEAR = /(?:19|20)\d{2}/u;

const spanOf = (fact: PlanFactSpan): Span => ({ start: fact.start, end: fact.end });

const formatDate = (iso: string | undefined): string | undefined => {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/u.exec(iso ?? '');
  if (!match) return undefined;
  const [, year, month, day] = match;
  return day ? `${Number(day)}/${Number(month)}/${year}` : `tháng ${Number(month)}/${year}`;
};

/** The header's title: from the type word ("KẾ HOẠCH") to the end of the header. */
function titleSpan(source: LearnSource): Span | undefined {
  const marker = typeEntry(source.doc.meta.type).marker;
  const header = source.chunks.filter((chunk) => chunk.kind === 'header').at(-1);
  if (!marker || !header) return undefined;
  const lines = [...header.text.matchAll(/^.*$/gmu)].filter((line) => line[0].replace(/[\s*#_|]+/gu, ' ').trim().startsWith(marker));
  const line = lines.at(-1);
  return line ? trimSpan(source.doc.text, { start: header.start + line.index, end: header.end }) : undefined;
}

function issuerSpan(source: LearnSource): Span | undefined {
  for (const chunk of source.chunks.filter((candidate) => candidate.kind === 'header')) {
    const motto = chunk.text.search(/CỘNG HÒA|CỘNG HOÀ/u);
    const official = ISSUER_LINES.exec(motto < 0 ? chunk.text : chunk.text.slice(0, motto));
    if (official) return trimSpan(source.doc.text, { start: chunk.start + official.index, end: chunk.start + official.index + official[0].length });
    const portal = PORTAL_ISSUER.exec(chunk.text);
    if (portal) return trimSpan(source.doc.text, { start: chunk.start + portal.index, end: chunk.start + portal.index + portal[0].length });
  }
  for (const chunk of source.chunks.filter((candidate) => candidate.kind === 'preamble')) {
    const issuing = ISSUING.exec(chunk.text);
    if (issuing) return { start: chunk.start + issuing.index, end: chunk.start + issuing.index + issuing[0].length };
  }
  return undefined;
}

/** "3. Thời gian thực hiện: Từ năm 2021 - 2025.", or the heading with the first line under it; else the title's span of years. */
function periodSpan(source: LearnSource): Span | undefined {
  const { text } = source.doc;
  const entry = source.outline.find((candidate) => PERIOD_HEADING.test(headingKey(candidate.title)) && YEAR.test(text.slice(candidate.start, candidate.end)));
  if (entry) return clipSpan(text, trimSpan(text, { start: entry.start, end: entry.end }), 300);
  const title = findPeriodInTitle(source.chunks);
  if (title) {
    // Only the words that state the period, not the whole title line.
    const words = /(?:giai đoạn|đến năm)\s+[\d\s–-]*\d{4}|năm\s+\d{4}(?=[\s*_]*$)/iu.exec(text.slice(title.start, title.end));
    return words ? { start: title.start + words.index, end: title.start + words.index + words[0].length } : spanOf(title);
  }
  // "… thành phố Lạng Sơn năm 2024": a plan for one year names it in its title.
  const year = source.doc.meta.period;
  const header = titleSpan(source);
  if (!year || !header) return undefined;
  const at = text.slice(header.start, header.end).search(new RegExp(`năm ${year}(?!\\d)`, 'u'));
  return at < 0 ? undefined : { start: header.start + at, end: header.start + at + `năm ${year}`.length };
}

/** The facts about the document itself, each with the line it is read from; a fact the text does not state is left out. */
export function findDocumentFacts(source: LearnSource): DocumentFact[] {
  const { meta } = source.doc;
  const facts: DocumentFact[] = [];
  const add = (key: DocumentFact['key'], label: string, span: Span | undefined, value: (quote: string) => string): void => {
    if (!span || span.end <= span.start) return;
    facts.push({ key, label, value: value(source.plain(span)), citation: source.cite(span) });
  };
  // A value from the metadata only when the quote bears it out; otherwise the quote's own words.
  const stated = (value: string | undefined) => (quote: string) => (value && matchKey(quote).includes(matchKey(value)) ? value : quote);

  add('title', 'Tên văn bản', titleSpan(source), () => meta.title);
  const number = findPlanNumber(source.chunks);
  add('number', 'Số hiệu', number ? spanOf(number) : undefined, (quote) => (number?.blank ? `Để trống (${quote})` : stated(meta.number)(quote)));
  const issued = findIssueDate(source.chunks);
  add('date', 'Ngày ban hành', issued ? spanOf(issued) : undefined, (quote) => formatDate(meta.issuedDate) ?? quote);
  add('issuer', 'Cơ quan ban hành', issuerSpan(source), (quote) => meta.issuer ?? quote);
  const signer = findSigner(source.chunks);
  add('signer', 'Người ký', signer ?? undefined, () => `${signer!.name}${signer!.title ? ` (${signer!.title})` : ''}`);
  add('period', 'Thời gian thực hiện', periodSpan(source), (quote) => meta.period?.replace('-', ' - ') ?? quote);
  const effective = findEffectiveDate(source.chunks);
  add('effective-date', 'Ngày có hiệu lực', effective ? spanOf(effective) : undefined, (quote) => formatDate(meta.effectiveDate) ?? quote);
  return facts;
}

/** `name`: the document as officials cite it (its plain name when not given). */
export function buildSummary(source: LearnSource, parts: { goals: Goals; duties: BodyDuties[]; deadlines: Deadline[] }, name = documentName(source.doc.meta)): DocumentSummary {
  const { meta } = source.doc;
  return {
    document: { ...meta, name },
    facts: findDocumentFacts(source),
    objectives: parts.goals.objectives,
    targets: parts.goals.targets,
    duties: parts.duties,
    deadlines: parts.deadlines,
  };
}
