import type { AskResult, Chunk, Citation, DocumentMeta, OutlineEntry } from '../types.js';
import type { DocumentReader } from './question-documents.js';
import { formatSection } from '../types.js';
import type { DefinitionSpan } from './find-definition.js';
import type { SignerSpan } from './find-signer.js';
import { citationLabel, documentName } from '../structure/citation-label.js';
import { truncateTitle } from '../structure/parse-structure.js';
import { typeEntry } from '../structure/grammar.js';
import { allPlans, capitalise, documentPhrase, joinNames, numberedPhrase, phraseAmong, planName } from './plan-names.js';
import { askedValue, comparisonLine, leadLine, rowSum, type AskedSlot } from './lead-line.js';
import { isTaskField, type Evidence } from './select-evidence.js';
import { MAX_LIST_ITEMS } from './shape-passages.js';

type Language = 'vi' | 'en';

/** Facts about a plan document itself, read off its header, preamble or signature. */
export type PlanFact = 'signer' | 'issue-date' | 'effective-date' | 'number' | 'legal-basis' | 'period' | 'proposer' | 'field' | 'recipients' | 'implementers' | 'changes';

export interface AnswerPart {
  docId: string;
  kind: 'passages' | 'signer' | 'definition';
  evidence: Evidence[];
  signer?: SignerSpan;
  definition?: DefinitionSpan;
  /** Said after the quotes, e.g. that a number was left blank. */
  note?: { vi: string; en: string };
  /** 'list': one quote a line (the headings of a section), instead of quotes run together. */
  layout?: 'list';
  /** Items of a list left out to keep the answer short. */
  omitted?: number;
  /** The passages are the items of a list asked for: more of them are quoted, and those left out are counted. */
  items?: boolean;
}

/** A plan the question concerns that does not state what was asked; `fact` names it when it is a plan fact. */
export interface MissingFact {
  docId: string;
  fact?: PlanFact;
}

const FACT_NAME: Record<PlanFact, { vi: string; en: string }> = {
  signer: { vi: 'người ký', en: 'who signed it' },
  'issue-date': { vi: 'ngày ban hành', en: 'its issue date' },
  'effective-date': { vi: 'ngày có hiệu lực', en: 'when it takes effect' },
  number: { vi: 'số hiệu', en: 'its number' },
  'legal-basis': { vi: 'căn cứ ban hành', en: 'its legal basis' },
  period: { vi: 'thời gian thực hiện', en: 'its period' },
  proposer: { vi: 'cơ quan đề nghị ban hành', en: 'on whose proposal it was issued' },
  field: { vi: 'lĩnh vực', en: 'the field it is filed under' },
  recipients: { vi: 'nơi nhận', en: 'whom it is sent to' },
  implementers: { vi: 'trách nhiệm thi hành', en: 'who is responsible for implementing it' },
  changes: { vi: 'văn bản được thay thế, bãi bỏ', en: 'what it replaces or repeals' },
};

/** Where a passage outside the numbered sections sits, for the citation's section field. */
export const KIND_LABEL: Record<Chunk['kind'], string> = {
  header: 'Phần đầu văn bản',
  preamble: 'Căn cứ ban hành',
  body: 'Phần kết',
  signature: 'Chữ ký',
  recipients: 'Nơi nhận',
};

/** The quote as read in running text: one line, conversion markup dropped. Citations keep the exact text. */
const readable = (text: string): string =>
  text
    .replace(/\*\*|\(\*|\*\)|(?<=\s|^)\*|\*(?=\s|$)/g, '')
    // Table cells on lines of their own read as one row: "1 | Kinh tế số chiếm 45% GRDP tỉnh. | Sở Tài chính".
    .replace(/^[ \t]*\|[ \t]*$/gm, '|')
    .replace(/\s+/g, ' ')
    .replace(/(?:\s*\|\s*)+/g, ' | ')
    .replace(/^\s*\|\s*|\s*\|\s*$/g, '')
    .trim()
    .replace(/^[-+•]\s+/, '');

/** A heading quoted with the passage under it reads "3. Sở Kế hoạch và Đầu tư: Chủ trì…". */
const quoted = (evidence: Pick<Evidence, 'text' | 'headingLength' | 'cut'>): string => {
  const { text, headingLength } = evidence;
  const more = evidence.cut ? '…' : '';
  if (!headingLength) return `“${readable(text)}${more}”`;
  return `“${readable(text.slice(0, headingLength)).replace(/[:.]$/, '')}: ${readable(text.slice(headingLength))}${more}”`;
};

/**
 * A quote in an answer from several documents is cut to its first clauses up to this length, and all of them
 * together to about MAX_SIDE_BY_SIDE_TOTAL, so five documents side by side still make a short answer.
 */
const MAX_SIDE_BY_SIDE_QUOTE = 450;
const MAX_SIDE_BY_SIDE_TOTAL = 1_500;

/** The evidence cut to its leading clauses within `max` characters: still a verbatim span, marked as cut. */
function shortened(evidence: Evidence, max: number): Evidence {
  if (evidence.text.length <= max) return evidence;
  const head = evidence.text.slice(0, max);
  const clause = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '), head.lastIndexOf(': '), head.lastIndexOf(', '));
  const space = head.lastIndexOf(' ');
  const cut = clause > max / 2 ? clause + 1 : space > max / 2 ? space : max;
  const text = evidence.text.slice(0, cut).trimEnd();
  return { ...evidence, text, end: evidence.start + text.length, cut: true };
}

/**
 * The article all the quotes come from ("Điều 5 › khoản 2"), with the instrument a decision attaches that holds it
 * ("Quy chế › Điều 12": the article of the Quy chế, not of the decision); null when they come from several or none.
 */
function articleOf(labels: readonly string[]): { article: string; instrument?: string } | null {
  const first = labels[0]?.split(' › ') ?? [];
  const at = first.findIndex((part) => /^Điều \d+/u.test(part));
  if (at < 0 || at > 1) return null;
  const prefix = first.slice(0, at + 1).join(' › ');
  if (!labels.every((label) => label === prefix || label.startsWith(`${prefix} › `))) return null;
  const article = labels.length === 1 ? first.slice(at).join(' › ') : first[at];
  return at === 1 ? { article, instrument: first[0] } : { article };
}

/** An attached instrument as English cites it. */
const INSTRUMENTS_EN: Record<string, string> = { 'Quy chế': 'Regulation', 'Quy định': 'Regulation', 'Điều lệ': 'Charter', 'Hướng dẫn': 'Guidelines', 'Kế hoạch': 'Plan', 'Chương trình': 'Programme', 'Đề án': 'Scheme' };

/** "Điều 5 › khoản 2 › điểm a" as written in a sentence: "điểm a khoản 2 Điều 5" / "Article 5, clause 2, point a". */
function articlePhrase(label: string, language: Language): string {
  const parts = label.split(' › ');
  if (language === 'vi') return [...parts].reverse().join(' ');
  return parts.map((part) => part.replace(/^Điều/u, 'Article').replace(/^khoản/u, 'clause').replace(/^điểm/u, 'point')).join(', ');
}

const MAX_ARTICLE_TITLE = 120;

/** The title of the article a quote is from ("Áp dụng hình thức kỷ luật cách chức …"), when the quote does not start with it. */
function titleOfArticle(outline: readonly OutlineEntry[], quote: Evidence): string | null {
  const entry = outline.find((candidate) => candidate.kind === 'article' && candidate.start <= quote.start && quote.start < candidate.end);
  if (!entry || quote.start <= entry.start + entry.title.length) return null;
  const title = entry.title.replace(/^Điều\s+\d+[a-zđ]?\s*[.:]?\s*/iu, '').trim();
  return title.length > 0 ? title : null;
}

/** An answer quotes at most this many documents; the others are counted, named and returned by id. */
export const MAX_DOCUMENTS_PER_ANSWER = 5;
/** Quotes in one answer, at most: every part keeps its best one, the rest come in rank order. */
const MAX_CITATIONS = 6;
/** Characters quoted in one answer, at most, beyond each part's best quote: an answer stays readable on a phone. */
const MAX_QUOTED_CHARS = 1_300;
/** A list asked for has more room: its items are what was asked, each a line. */
const MAX_LIST_CHARS = 2_400;
/** A citation names its document's title up to this length (scraped titles can run to a paragraph). */
export const MAX_CITED_TITLE = 100;
/** Each heading of a citation's section path, up to this length (its label gives the short form). */
export const MAX_CITED_HEADING = 70;
/** Other documents named at the end of an answer, at most. */
const MAX_NAMED_OTHERS = 3;
/** A table's header row shown beside a quoted row, up to this length. */
const MAX_COLUMNS_CHARS = 160;

/** The documents an answer quotes: the first few its parts name, best first; the others are only named. */
export const quotedDocuments = (parts: readonly AnswerPart[], limit = MAX_DOCUMENTS_PER_ANSWER): string[] => [...new Set(parts.map((part) => part.docId))].slice(0, limit);

export function composeAnswer(args: {
  parts: readonly AnswerPart[];
  language: Language;
  /** The documents quoted, read for the question. */
  documents: DocumentReader;
  /** Any document's metadata (those the question names but no quote comes from too). */
  metaOf: (docId: string) => DocumentMeta;
  missing?: readonly MissingFact[];
  /** A line said before the answer (e.g. that the province's own plan is not in the collection). */
  preface?: string;
  /** The kind of value asked for: the answer then opens with it, read off the best quote of each document. */
  slot?: AskedSlot;
  /** How many documents are quoted, when fewer than usual; the others are named. */
  quotedLimit?: number;
}): { answer: string; citations: Citation[]; otherDocuments: string[]; lead?: AskResult['lead'] } {
  const { parts, language, documents, metaOf } = args;
  const citations: Citation[] = [];
  // A quote's label is read for the lead ("Theo Điều 5 …") and again for its citation: found once.
  const labels = new Map<Evidence, string>();
  const labelOf = (evidence: Evidence): string => {
    let label = labels.get(evidence);
    if (label === undefined) {
      const doc = documents.document(evidence.chunk.docId);
      labels.set(evidence, (label = citationLabel(doc.text, documents.outline(doc.meta.id), evidence.start, doc.meta)));
    }
    return label;
  };
  const cite = (evidence: Evidence): string => {
    const doc = documents.document(evidence.chunk.docId);
    const n = citations.length + 1;
    citations.push({
      n,
      docId: doc.meta.id,
      docTitle: truncateTitle(doc.meta.title, MAX_CITED_TITLE),
      docName: documentName(doc.meta, language),
      label: labelOf(evidence) || undefined,
      section: evidence.section.length > 0 ? formatSection(evidence.section.map((title) => truncateTitle(title, MAX_CITED_HEADING))) : KIND_LABEL[evidence.chunk.kind],
      quote: doc.text.slice(evidence.start, evidence.end),
      start: evidence.start,
      end: evidence.end,
      chunkId: evidence.chunk.id,
      score: Math.round(evidence.score * 1000) / 1000,
    });
    return `[${n}]`;
  };
  const planOf = (docId: string) => planName(metaOf(docId), language);
  const phraseOf = (docId: string) => documentPhrase(metaOf(docId), language);

  // A table row is read with the table's header row, so its figures say what they are.
  const columnsOf = (evidence: Evidence): string => {
    const header = evidence.chunk.context && truncateTitle(evidence.chunk.context, MAX_COLUMNS_CHARS);
    if (!header || readable(evidence.text).startsWith(header)) return '';
    return language === 'en' ? ` (columns: ${header})` : ` (cột: ${header})`;
  };
  // A legal document quoted from several articles cites each quote by its own ("khoản 3 Điều 3 (Các trường hợp chưa
  // xem xét xử lý kỷ luật): “…”"), as its article's title often says what the clause means.
  const articleByQuote = new Set<string>();
  const articleTag = (evidence: Evidence): string => {
    if (!articleByQuote.has(evidence.chunk.docId)) return '';
    const cited = articleOf([labelOf(evidence)]);
    if (!cited || cited.instrument) return '';
    const title = titleOfArticle(documents.outline(evidence.chunk.docId), evidence);
    return `${articlePhrase(cited.article, language)}${title ? ` (${truncateTitle(title, MAX_ARTICLE_TITLE)})` : ''}: `;
  };
  // A plan's task card sets out who does a task and by when under its own headings: such a field ("c) Thời gian thực
  // hiện: Thực hiện thường xuyên.") is quoted with the task it belongs to, which it does not name itself.
  // (Not a part of the plan in capitals or under a Roman numeral: "I. ĐỐI TƯỢNG, PHẠM VI › 3. Thời gian thực hiện: Từ
  // năm 2021 - 2025" is the plan's own time.)
  const cardTag = (evidence: Evidence): string => {
    if (typeEntry(metaOf(evidence.chunk.docId).type).legal) return '';
    const field = isTaskField(evidence.section.at(-1) ?? '') || isTaskField(evidence.text.split(':')[0]);
    const card = field ? evidence.section.findLast((heading) => !isTaskField(heading)) : undefined;
    if (!card || !/\p{Ll}/u.test(card) || /^[IVXLC]+\./u.test(card)) return '';
    return `(${truncateTitle(card, MAX_ARTICLE_TITLE)}) `;
  };
  const passagesText = (part: AnswerPart): string => {
    // (Quotes of one card in a row name it once.)
    const cards = part.evidence.map(cardTag);
    const quotes = part.evidence.map((evidence, i) => `${articleTag(evidence)}${cards[i] === cards[i - 1] ? '' : cards[i]}${quoted(evidence)}${columnsOf(evidence)} ${cite(evidence)}`).join('; ');
    const rest = part.omitted ?? 0;
    const counted = rest > 0 ? `; ${language === 'en' ? `and ${rest} more items` : `và ${rest} nội dung khác`}` : '';
    return part.note ? `${quotes}${counted} (${part.note[language]})` : `${quotes}${counted}`;
  };
  const signerText = (part: AnswerPart, standalone: boolean): string => {
    const signer = part.signer!;
    const title = signer.title ? ` (${signer.title})` : '';
    const marker = cite(part.evidence[0]);
    const phrase = capitalise(phraseOf(part.docId));
    if (language === 'en') return standalone ? `${phrase} was signed by ${signer.name}${title} ${marker}` : `signed by ${signer.name}${title} ${marker}`;
    return standalone ? `${phrase} do ${signer.name}${title} ký ${marker}` : `${signer.name}${title} ký ${marker}`;
  };
  const definitionText = (part: AnswerPart): string => {
    const { term, expansion, how } = part.definition!;
    const evidence = part.evidence[0];
    const marker = cite(evidence);
    const phrase = phraseOf(part.docId);
    if (how === 'defined') {
      return language === 'en'
        ? `${term} stands for “${expansion}”, as defined in ${phrase} ${marker}`
        : `${term} là viết tắt của “${expansion}”, theo định nghĩa trong ${phrase} ${marker}`;
    }
    if (how === 'used') {
      return language === 'en'
        ? `${term} is the usual abbreviation of “${expansion}”; the documents use it without spelling it out, e.g. ${phrase}: ${quoted(evidence)} ${marker}`
        : `${term} là chữ viết tắt thông dụng của “${expansion}”; các văn bản dùng mà không giải nghĩa, ví dụ ${phrase}: ${quoted(evidence)} ${marker}`;
    }
    return language === 'en'
      ? `${capitalise(phrase)} gives this name to what precedes it: ${quoted(evidence)} ${marker}`
      : `${capitalise(phrase)} dùng tên gọi “${term}” cho: ${quoted(evidence)} ${marker}`;
  };
  const listText = (part: AnswerPart): string => {
    const items = part.evidence.map((evidence) => `\n  • ${quoted(evidence)} ${cite(evidence)}`).join('');
    const rest = part.omitted ?? 0;
    return rest > 0 ? `${items}\n  ${language === 'en' ? `and ${rest} more items` : `và ${rest} nội dung khác`}` : items;
  };
  const partText = (part: AnswerPart, standalone: boolean): string =>
    part.kind === 'definition'
      ? definitionText(part)
      : part.kind === 'signer'
        ? signerText(part, standalone)
        : part.layout === 'list'
          ? listText(part)
          : passagesText(part);

  const grouped = new Map<string, AnswerPart[]>();
  for (const part of parts) grouped.set(part.docId, [...(grouped.get(part.docId) ?? []), part]);
  // The best few documents are quoted (parts come best first); the others are only named.
  const quotedDocs = quotedDocuments(parts, args.quotedLimit).map((docId) => [docId, grouped.get(docId)!] as const);
  const sideBySide = Math.min(MAX_SIDE_BY_SIDE_QUOTE, Math.floor(MAX_SIDE_BY_SIDE_TOTAL / quotedDocs.length));
  const fit = (evidence: Evidence[]) => (quotedDocs.length > 1 ? evidence.map((item) => shortened(item, sideBySide)) : evidence);
  const byDoc = new Map(quotedDocs.map(([docId, docParts]) => [docId, docParts.map((part) => ({ ...part, evidence: fit(part.evidence) }))]));
  // Every part keeps its best quote; further quotes are kept in rank order while the budget lasts. A list's
  // items beyond its share are counted ("và N nội dung khác"), not dropped silently.
  let budget = MAX_CITATIONS - [...byDoc.values()].reduce((sum, docParts) => sum + docParts.length, 0);
  const allParts = [...byDoc.values()].flat();
  // (A single list asked for has a list's room.)
  const listed = allParts.length === 1 && (allParts[0].items === true || allParts[0].layout === 'list');
  if (listed) budget = Math.max(budget, MAX_LIST_ITEMS - 1);
  let characters = (listed ? MAX_LIST_CHARS : MAX_QUOTED_CHARS) - allParts.reduce((sum, part) => sum + (part.evidence[0]?.text.length ?? 0), 0);
  for (const part of allParts) {
    let extra = 0;
    while (extra < Math.min(part.evidence.length - 1, budget, MAX_LIST_ITEMS - 1) && part.evidence[1 + extra].text.length <= characters) {
      characters -= part.evidence[1 + extra].text.length;
      extra += 1;
    }
    // A list never hides a single item behind "và 1 nội dung khác": quoting it says more in about the same room.
    if (part.layout === 'list' && part.evidence.length - 1 - extra === 1 && part.evidence[1 + extra].text.length <= characters) {
      characters -= part.evidence[1 + extra].text.length;
      extra += 1;
    }
    if (part.layout === 'list' || part.items) part.omitted = part.evidence.length - 1 - extra;
    part.evidence = part.evidence.slice(0, 1 + extra);
    budget -= extra;
  }
  const otherDocuments = [...grouped.keys()].filter((docId) => !byDoc.has(docId));

  const lines: string[] = args.preface ? [args.preface] : [];
  // Documents answered side by side are named alike in the summary and in their lines: plans by their place,
  // any other document as officials cite it (its type and number).
  const plans = allPlans([...byDoc.keys()].map(metaOf));
  // Two plans of one place are told apart by type and number, as other documents are.
  const placeNames = [...byDoc.keys()].map(planOf);
  const byPlace = plans && new Set(placeNames).size === placeNames.length;
  const sideBySideName = (docId: string): string => (byPlace ? planOf(docId) : plans ? numberedPhrase(metaOf(docId), language) : phraseOf(docId));
  if (byDoc.size === 1) {
    const [[docId, docParts]] = byDoc;
    // A legal document is cited by its article, as people cite it: "Theo khoản 2 Điều 5 Nghị định 09/2025/NĐ-CP".
    const meta = metaOf(docId);
    const quotes = docParts.flatMap((part) => part.evidence);
    const cited = typeEntry(meta.type).legal ? articleOf(quotes.map(labelOf)) : null;
    if (typeEntry(meta.type).legal && !cited && quotes.length > 1) articleByQuote.add(docId);
    // The article's own title often says what the clause quoted means ("Áp dụng hình thức kỷ luật cách chức"), unless the quote starts with it.
    const articleTitle = cited ? titleOfArticle(documents.outline(docId), quotes[0]) : null;
    const titled = articleTitle ? ` (${truncateTitle(articleTitle, MAX_ARTICLE_TITLE)})` : '';
    // "khoản 1 Điều 12 Quy chế kèm theo Quyết định 78/2025/QĐ-UBND".
    const holder = !cited?.instrument
      ? phraseOf(docId)
      : language === 'en'
        ? `of the ${INSTRUMENTS_EN[cited.instrument] ?? cited.instrument} attached to ${phraseOf(docId)}`
        : `${cited.instrument} kèm theo ${phraseOf(docId)}`;
    const source = cited ? `${articlePhrase(cited.article, language)} ${holder}${titled}` : phraseOf(docId);
    const lead = language === 'en' ? `According to ${source}: ` : `Theo ${source}: `;
    for (const part of docParts) {
      const standalone = part.kind !== 'passages';
      lines.push(standalone ? `${partText(part, true)}.` : part.layout === 'list' ? `${lead.trimEnd()}${partText(part, false)}` : `${lead}${partText(part, false)}.`);
    }
  } else if (byDoc.size > 1) {
    lines.push(language === 'en' ? `The ${plans ? 'plans' : 'documents'} answer this separately:` : `Theo từng ${plans ? 'kế hoạch' : 'văn bản'}:`);
    for (const [docId, docParts] of byDoc) {
      const listed = docParts.some((part) => part.layout === 'list');
      // Side by side, a legal document's quotes are cited by their articles too.
      if (typeEntry(metaOf(docId).type).legal) articleByQuote.add(docId);
      lines.push(`- ${capitalise(sideBySideName(docId))}:${listed ? '' : ' '}${docParts.map((part) => partText(part, false)).join('; ')}${listed ? '' : '.'}`);
    }
  }
  // A "Có" verdict is given for one document; side by side, the quotes speak for each.
  let lead: AskResult['lead'];
  if (args.slot && (args.slot.kind !== 'yes' || byDoc.size === 1)) {
    // The answer first: each quoted document's asked value, from its best citation that states one (quotes come in
    // reading order: the first may be a sibling case quoted beside the best).
    // (The body acting is read from the document's first quote, or the line saying who leads it right after; a
    // later one may be another body's.)
    const values = [...byDoc.keys()].flatMap((docId) => {
      const own = citations.filter((candidate) => candidate.docId === docId);
      // (A table row's figure is a sum in the unit of the caption quoted beside it.)
      const captions = args.slot!.kind === 'money' ? own.map((candidate) => candidate.quote) : [];
      const stating = (args.slot!.kind === 'body' ? own.slice(0, 2) : own).flatMap((candidate) => {
        const stated = askedValue(candidate.quote, args.slot!);
        const row = stated === null && captions.length > 1 ? rowSum(candidate.quote, captions) : null;
        return stated !== null || row !== null ? [{ candidate, value: (stated ?? row)!, fromRow: stated === null }] : [];
      });
      // Several rows quoted (each place asked) have no one sum to lead with.
      if (stating.filter((found) => found.fromRow).length > 1) return [];
      const best = args.slot!.kind === 'body' ? stating[0] : stating.reduce<(typeof stating)[number] | undefined>((top, found) => (!top || found.candidate.score > top.candidate.score ? found : top), undefined);
      return best ? [{ docId, value: best.value, marker: `[${best.candidate.n}]` }] : [];
    });
    if (values.length === 1 && byDoc.size === 1) {
      lines.splice(args.preface ? 1 : 0, 0, leadLine(values[0].value, values[0].marker, language));
      lead = { kind: args.slot.kind, value: values[0].value };
    }
    else if (values.length > 0) {
      const named = values.map(({ docId, value, marker }) => `${capitalise(sideBySideName(docId))}: ${value} ${marker}`).join('; ');
      const compared = comparisonLine(values.map(({ docId, value }) => ({ name: sideBySideName(docId), value })), args.slot, language);
      lines.splice(args.preface ? 1 : 0, 0, language === 'en' ? `In short — ${named}.` : `Tóm tắt — ${named}.`, ...(compared ? [compared] : []));
    }
  }
  // A document the question names but whose passages did not answer was searched, not read whole: say what was
  // not found, never that it does not mention it.
  const named = [...byDoc.keys(), ...(args.missing ?? []).map(({ docId }) => docId)].map(metaOf);
  for (const { docId, fact } of args.missing ?? []) {
    const phrase = phraseAmong(metaOf(docId), named, language);
    if (language === 'en') lines.push(fact ? `${capitalise(phrase)} does not state ${FACT_NAME[fact].en}.` : `Nothing answering this was found in ${phrase}.`);
    else lines.push(fact ? `${capitalise(phrase)} không ghi ${FACT_NAME[fact].vi}.` : `Không tìm thấy nội dung trả lời trong ${phrase}.`);
  }
  if (otherDocuments.length > 0) {
    const named = otherDocuments.slice(0, MAX_NAMED_OTHERS).map((docId) => phraseOf(docId)).join('; ');
    const more = otherDocuments.length > MAX_NAMED_OTHERS ? '…' : '';
    lines.push(
      language === 'en'
        ? `…and ${otherDocuments.length} more documents: ${named}${more} (ask about one of them by its number to see its passage).`
        : `… và ${otherDocuments.length} văn bản khác: ${named}${more} (hỏi theo số hiệu văn bản để xem đoạn trích).`,
    );
  }
  return { answer: lines.join('\n'), citations, otherDocuments, lead };
}

/** A collection named document by document while it is small. */
const MAX_LISTED_DOCUMENTS = 10;
const TOP_GROUPS = 5;

/** What the collection covers: its documents while few, else counts by type and by province. */
function coverageOf(metas: readonly DocumentMeta[], language: Language): string {
  const plans = allPlans(metas);
  if (metas.length <= MAX_LISTED_DOCUMENTS) {
    const names = metas.map((meta) => (plans ? planName(meta, language) : documentPhrase(meta, language))).join(', ');
    return language === 'en' ? `${plans ? 'the plans of' : 'these documents'}: ${names}` : `${plans ? 'các kế hoạch của' : 'các văn bản'}: ${names}`;
  }
  const top = (key: (meta: DocumentMeta) => string): string => {
    const counts = new Map<string, number>();
    for (const meta of metas) counts.set(key(meta), (counts.get(key(meta)) ?? 0) + 1);
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    const shown = sorted.slice(0, TOP_GROUPS).map(([name, count]) => `${name} ${count.toLocaleString('vi-VN')}`);
    return sorted.length > TOP_GROUPS ? `${shown.join(', ')}, …` : shown.join(', ');
  };
  const types = top((meta) => (language === 'en' ? typeEntry(meta.type).english : (meta.type ?? 'Kế hoạch')));
  const places = top((meta) => meta.province ?? (meta.level === 'quốc gia' ? (language === 'en' ? 'national' : 'trung ương') : language === 'en' ? 'unknown place' : 'không rõ địa phương'));
  const total = metas.length.toLocaleString(language === 'en' ? 'en-US' : 'vi-VN');
  return language === 'en' ? `${total} documents (by type: ${types}; by place: ${places})` : `${total} văn bản (theo loại: ${types}; theo địa phương: ${places})`;
}

export function composeAbstention(args: {
  language: Language;
  metas: readonly DocumentMeta[];
  /** Places the question names that no plan covers. */
  missingPlaces?: readonly string[];
  /** Documents the question names by number that the collection does not hold, as written. */
  missingDocuments?: readonly string[];
  /** The plans the question was limited to. */
  scopeMetas?: readonly DocumentMeta[];
  /** The plan facts that were asked for, when the plans in scope do not state them. */
  facts?: readonly PlanFact[];
}): string {
  const { language, metas } = args;
  const covered = coverageOf(metas, language);
  const missing = args.missingPlaces ?? [];
  const documents = args.missingDocuments ?? [];
  const scoped = args.scopeMetas ?? [];
  const facts = args.facts ?? [];
  const fact = facts.length > 0 ? { vi: facts.map((name) => FACT_NAME[name].vi).join(' và '), en: facts.map((name) => FACT_NAME[name].en).join(' or ') } : null;
  if (language === 'en') {
    const lead =
      missing.length > 0
        ? `The documents contain no plan for ${missing.join(', ')}, so I cannot answer this.`
        : documents.length > 0
          ? `The collection does not hold ${documents.join(' or ')}, and no document in it says this about ${documents.length > 1 ? 'them' : 'it'}.`
          : scoped.length > 0
          ? `${capitalise(joinNames(scoped.map((meta) => phraseAmong(meta, scoped, 'en')), 'en'))} ${scoped.length > 1 ? 'do' : 'does'} not state ${fact?.en ?? 'this'}.`
          : 'The documents do not answer this question.';
    return `${lead} The collection holds ${covered}. Try asking about a target, task, funding, a body's duties or a reporting deadline in one of these plans.`;
  }
  const lead =
    missing.length > 0
      ? `Kho tài liệu chưa có kế hoạch của ${missing.join(', ')}, nên không thể trả lời câu hỏi này.`
      : documents.length > 0
        ? `Kho tài liệu không có ${documents.join(' hay ')}, và không văn bản nào hiện có nói điều này về văn bản đó.`
        : scoped.length > 0
        ? `${capitalise(joinNames(scoped.map((meta) => phraseAmong(meta, scoped, 'vi')), 'vi'))} không ghi ${fact?.vi ?? 'thông tin này'}.`
        : 'Các tài liệu hiện có không trả lời được câu hỏi này.';
  return `${lead} Kho tài liệu gồm ${covered}. Bạn có thể hỏi cụ thể hơn về mục tiêu, nhiệm vụ, kinh phí, trách nhiệm của từng cơ quan hoặc thời hạn báo cáo trong một kế hoạch.`;
}
