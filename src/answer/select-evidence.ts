import { lookupAbbreviation } from '../lang/abbreviations.js';
import { translateToVietnamese } from '../lang/glossary.js';
import { STOPWORDS } from '../lang/stopwords.js';
import { CELL_BREAK, LIST_ITEM, markdownRows, tableRowSpans } from '../structure/grammar.js';
import { splitSentences } from '../structure/split-sentences.js';
import type { Chunk, OutlineEntry, SearchHit } from '../types.js';
import { periodLeads, tablePeriods } from './period-lead.js';
import { A_UNIT_CAPTION, UNIT_CAPTION, askedDay, askedDurationUnit, askedUnit, askedYears, asksDuration, asksPeriod, foldedLower, sectionYears, statesDurationIn, statesUnit, typeFit, type AskedDay, type CitedAsked } from './evidence-cues.js';
import { isDateType, type QuestionType } from './question-type.js';
import type { TermModel } from './term-stats.js';

export interface Evidence {
  chunk: Chunk;
  /** Offsets into the document text. */
  start: number;
  end: number;
  text: string;
  /** The headings the passage sits under (finer than the chunk's own path when small sections share a chunk). */
  section: string[];
  /** The line naming the time the list item the passage sits in is for ("- Giai đoạn 2025-2027"), when there is one. */
  lead?: string;
  /** Where the passage's own heading starts in the document, when it has one. */
  headingStart: number | null;
  /** When the quote begins with a heading (quoted for the body it names), how many characters the heading takes. */
  headingLength?: number;
  /** The passage goes on after the quote (shortened to fit an answer). */
  cut?: boolean;
  /** Share of the question's weighted terms the passage (or its headings) contains. */
  coverage: number;
  /** How well the passage carries the kind of fact asked for (0–1). */
  fit: number;
  score: number;
}

/** The value a question asks for, read off it once: the unit it counts in, the period, the day, the years. */
export interface SlotAsked {
  /** "bao nhiêu người" → "nguoi": a count answer should state this unit. */
  unit: string | null;
  /** "bao nhiêu người có công với cách mạng" → "nguoi co cong": the counted thing as the question names it. */
  counted: string | null;
  /** The question asks for a period of years ("giai đoạn nào"), or a length of time ("trong bao lâu"). */
  period: boolean;
  duration: boolean;
  /** "Trong bao nhiêu năm": a length of time in that unit (folded) answers; "bao lâu" takes any. */
  durationUnit: string | null;
  /** Years the question names: passages under a heading for other years rank lower. */
  years: number[];
  /** The day a date question asks for ("trước ngày nào", "ngày nào"), if it asks for one. */
  day: AskedDay;
}

/** What `question` asks for; `searchText` (its search words, abbreviations expanded) gives the unit when the question's words do not. */
export function readSlot(question: string, searchText: string, abbreviations: ReadonlyMap<string, string>): SlotAsked {
  return {
    unit: unitOf(askedUnit(question, (english) => translateToVietnamese(english).text) ?? askedUnit(searchText), abbreviations),
    counted: countedPhrase(question),
    period: asksPeriod(question),
    duration: asksDuration(question),
    durationUnit: askedDurationUnit(question),
    day: askedDay(question),
    years: askedYears(question),
  };
}

export interface QueryProfile extends SlotAsked {
  /** Content terms with their weights, folded when the question was typed without diacritics. */
  terms: Map<string, number>;
  folded: boolean;
  model: TermModel;
  types: readonly QuestionType[];
  /** Whether the date a cited document bears answers the question (it names that document and asks no effect). */
  citedAsked: CitedAsked;
  totalWeight: number;
  /** Share of the weight carried by words the corpus never uses: high for off-topic questions. */
  unknownShare: number;
  /**
   * The word pairs each syllable forms with its content neighbours in the question: "tiết" in "thời tiết" is
   * another word than "tiết" in "chi tiết", so a passage holding the syllable in none of its pairs counts it half.
   */
  partners: ReadonlyMap<string, readonly string[]>;
}

const MAX_QUOTE_CHARS = 600;
const MIN_QUOTE_CHARS = 150;
const MAX_LIST_CHARS = 1_000;
/** A document named by type and number: "Kế hoạch số 321-KH/TU", "Công văn số 574/UBND-NC". */
const NAMES_DOCUMENT = /(?<!\p{L})(luật|nghị định|nghị quyết|quyết định|chỉ thị|thông tư|kế hoạch|công văn|thông báo|hướng dẫn)\s+số\s+\d/iu;
const BIGRAM_BOOST = 1.5;
/** Letters with two or more capitals, none of them Vietnamese ("GIS", "IoT", "SOC"): a name, not a syllable. */
const CAPITALS_NAME = /(?<![\p{L}\p{N}])(?=(?:[a-z]*[A-Z]){2})[A-Za-z]+(?![\p{L}\p{N}])/gu;

/**
 * The weighted terms a passage should contain. Bigrams that are not phrases in the collection are dropped: they
 * straddle two words ("yêu cầu | gửi") and would only dilute coverage. Unknown single syllables stay, so a question
 * about something the plans never mention cannot reach a high coverage. Known abbreviations count through
 * their expansion (the question carries both), so "LĐ-TB&XH" is not outweighed by its rare letters.
 */
export function profileQuery(args: {
  searchText: string;
  slot: SlotAsked;
  /** Whether the question was typed without diacritics: terms are then matched folded. */
  folded: boolean;
  /** The question in the documents' language, as asked: where its words stand next to each other. */
  asked: string;
  types: readonly QuestionType[];
  model: TermModel;
  ignore: ReadonlySet<string>;
  /** Syllables the scope already carries in part (the title words that chose the document): they count half. */
  carried?: ReadonlySet<string>;
  abbreviations: ReadonlyMap<string, string>;
  citedAsked?: CitedAsked;
  /** Content words of an English question the glossary could not translate: what the passage cannot be seen to hold. */
  untranslated?: readonly string[];
  /** Word pairs where an English question's translated phrases meet: not weighed. */
  seams?: ReadonlySet<string>;
}): QueryProfile {
  const { searchText, model, folded } = args;
  const ignore = new Set([...args.ignore, ...model.abbreviationPieces(searchText)]);
  const terms = new Map<string, number>();
  // Each syllable's word pairs with its content neighbours in the question as asked (in the search text, question
  // words are gone and their neighbours meet), phrases or not.
  const partners = new Map<string, string[]>();
  const weighed = model.terms(searchText, folded);
  // A name written in capitals ("GIS", "IoT") is a word on its own, whatever it stands beside in the question: no
  // phrase with its neighbour, so "nền tảng GIS" holds the "GIS" of "công nghệ GIS".
  const names = new Set([...args.asked.matchAll(CAPITALS_NAME)].map((match) => match[0].toLowerCase()));
  for (const term of model.terms(args.asked, folded)) {
    const pair = term.split(' ');
    if (pair.length !== 2 || pair.some((syllable) => ignore.has(syllable) || !/\p{L}/u.test(syllable))) continue;
    // A function word pairs only inside a phrase of the collection ("có công" of "người có công").
    if (pair.some((syllable) => STOPWORDS.has(syllable)) && (pair.every((syllable) => STOPWORDS.has(syllable)) || !weighed.has(term) || !model.isPhrase(term))) continue;
    for (const syllable of pair) if (!names.has(syllable)) partners.set(syllable, [...(partners.get(syllable) ?? []), term]);
  }
  for (const term of weighed) {
    const isBigram = term.includes(' ');
    if (term.split(' ').some((syllable) => ignore.has(syllable))) continue;
    if (isBigram && (!model.isPhrase(term) || args.seams?.has(term) || term.split(' ').some((syllable) => names.has(syllable)))) continue;
    // A bigram with a function word ("kế hoạch | của") says little more than its content word alone.
    const boost = !isBigram ? 1 : term.split(' ').some((syllable) => STOPWORDS.has(syllable)) ? 0.5 : BIGRAM_BOOST;
    const carried = term.split(' ').every((syllable) => args.carried?.has(syllable)) ? 0.5 : 1;
    terms.set(term, model.idf(term) * boost * carried);
  }
  const termsWeight = [...terms.values()].reduce((sum, weight) => sum + weight, 0);
  const unknownWeight = [...terms].reduce((sum, [term, weight]) => sum + (model.known(term) ? 0 : weight), 0);
  // An untranslated word weighs as a word the collection never uses ("itinerary", "trip"): a passage holding only the
  // translated rest of the question covers only that much of it.
  const totalWeight = termsWeight + (args.untranslated?.length ?? 0) * model.unseenIdf;
  return {
    terms,
    folded,
    model,
    types: args.types,
    ...args.slot,
    citedAsked: args.citedAsked ?? (() => false),
    totalWeight,
    unknownShare: termsWeight > 0 ? unknownWeight / termsWeight : 1,
    partners,
  };
}

/** The headings that say what time a passage is for: the time line its list is grouped under, else its headings. */
export const timeHeadings = (item: Pick<Evidence, 'section' | 'lead'>): readonly string[] => (item.lead ? [item.lead] : item.section);

/**
 * Whether a passage (or its headings) holds the question's heaviest terms — what it most particularly asks, "hằng
 * tháng" of "mức trợ cấp hằng tháng": a passage of a document brought in from outside the scope must hold them.
 * Terms as rare as each other (in a small collection) are all the heaviest.
 */
export function holdsHeaviestTerms(profile: QueryProfile, evidence: Pick<Evidence, 'text' | 'section' | 'lead'>): boolean {
  const heaviest = Math.max(...profile.terms.values());
  const held = profile.model.terms(`${evidence.section.join('\n')}\n${evidence.lead ?? ''}\n${evidence.text}`, profile.folded);
  return [...profile.terms].every(([term, weight]) => weight < heaviest * 0.999 || held.has(term));
}

/** The first three words after "bao nhiêu" / "mấy", folded, when the question names what it counts that way. */
function countedPhrase(question: string): string | null {
  const words = /\b(?:bao nhieu|may)\s+([a-z]+(?:\s+[a-z]+){2})/.exec(foldedLower(question))?.[1];
  return words ?? null;
}

/** "bao nhiêu NKT" asks for people: an abbreviation stands for the first word of its expansion. */
function unitOf(unit: string | null, abbreviations: ReadonlyMap<string, string>): string | null {
  if (!unit) return null;
  const expansion = lookupAbbreviation(abbreviations, unit.toUpperCase())?.expansion;
  return expansion ? foldedLower(expansion).split(/\s+/)[0] : unit;
}

/**
 * Weighted share of query terms found in the passage. Its own heading counts in full (a section titled
 * "5. Sở Nội vụ" is about that body throughout); the headings above it count half.
 */
function coverageOf(profile: QueryProfile, passageTerms: ReadonlySet<string>, headingTerms: ReadonlySet<string>, outerTerms: ReadonlySet<string>): number {
  if (profile.totalWeight === 0) return 0;
  let covered = 0;
  // A passage holding syllables of the question only outside its words ("mỹ" of "thuần phong mỹ tục" for "tổng
  // thống Mỹ") shares no word with it.
  let sharesWord = false;
  const holds = (term: string) => passageTerms.has(term) || headingTerms.has(term);
  for (const [term, weight] of profile.terms) {
    const pairs = profile.partners.get(term);
    const asWord = !pairs || pairs.some(holds) ? 1 : 0.5;
    if (holds(term)) covered += weight * asWord;
    else if (outerTerms.has(term)) covered += weight * 0.5 * asWord;
    else continue;
    sharesWord ||= asWord === 1;
  }
  return sharesWord ? covered / profile.totalWeight : 0;
}

/**
 * How much of a query's weight a passage of a document could cover: all of it but the question's own words the
 * document never uses. (Words the query adds for the kind of fact asked, "thời gian thực hiện" for "giai đoạn nào",
 * still count when missing: a document without them may well not say it.)
 */
export function reachableWeight(profile: QueryProfile, documentText: string, question: string): number {
  const used = profile.model.terms(documentText, profile.folded);
  const asked = profile.model.terms(question, profile.folded);
  return [...profile.terms].reduce((sum, [term, weight]) => sum - (asked.has(term) && !used.has(term) ? weight : 0), profile.totalWeight);
}

const fitOf = (profile: QueryProfile, text: string, section: string, caption?: string): number => {
  // "Bao nhiêu tỷ đồng", "bao nhiêu người": whatever else the question is about, the figure must be of that unit
  // (a table's row states it through the unit its caption gives: "20 | ĐẮK LẮK | 114.400" under "Đơn vị: Triệu đồng").
  if (profile.unit) return statesUnit(profile.unit, text) || (caption !== undefined && /\d/.test(text) && statesUnit(profile.unit, `1 ${caption}`)) ? 1 : 0.05;
  if (profile.period) return typeFit('period', text, section);
  // "Lưu trữ trong bao nhiêu năm" is not answered by "07 ngày".
  if (profile.duration) return profile.durationUnit && !statesDurationIn(profile.durationUnit, text) ? 0.1 : typeFit('duration', text, section);
  const primary = profile.types.find((type) => type !== 'general' && type !== 'list' && type !== 'yes-no');
  if (!primary) return 0.5;
  // A date asked beside another kind ("… mà KH 308 căn cứ, có hiệu lực từ ngày nào?") must be in the passage too.
  const date = profile.types.find(isDateType);
  // A row's figure is read with the unit its caption gives: "12 | NINH BÌNH | 58.200" under "Đơn vị: Triệu đồng" is money.
  const read = caption !== undefined && /\d/.test(text) ? `${text}\n1 ${caption}` : text;
  // "Hướng tới những mục tiêu gì": aims asked for in words, not a figure, may be stated in any passage's words.
  const aimsInWords = primary === 'target' && profile.types.includes('list') && !profile.unit && !profile.types.some((type) => type === 'percent' || type === 'count');
  const typed = typeFit(primary, read, section, profile);
  const fit = aimsInWords ? Math.max(0.5, typed) : typed;
  return date && date !== primary ? Math.min(fit, typeFit(date, text, section, profile)) : fit;
};

/** A long sentence is narrowed to its best run of clauses so the quote stays short and on point. */
function narrow(text: string, score: (candidate: string) => number): { offset: number; length: number } {
  if (text.length <= MAX_QUOTE_CHARS) return { offset: 0, length: text.length };
  const boundaries = [0];
  for (const match of text.matchAll(/[;:]\s+|,\s+(?=\S)/g)) boundaries.push((match.index ?? 0) + match[0].length);
  boundaries.push(text.length);
  let best = { offset: 0, length: Math.min(text.length, MAX_QUOTE_CHARS), value: -Infinity };
  for (let i = 0; i < boundaries.length - 1; i++) {
    for (let j = i + 1; j < boundaries.length; j++) {
      const length = boundaries[j] - boundaries[i];
      if (length > MAX_QUOTE_CHARS) break;
      if (length < MIN_QUOTE_CHARS) continue;
      const candidate = text.slice(boundaries[i], boundaries[j]);
      // Prefer quotes that keep the sentence's subject (its start) and end on a clause, not a comma.
      const value = score(candidate) - length / 6_000 + (i === 0 ? 0.04 : 0) - (/,\s*$/.test(candidate) ? 0.06 : 0);
      if (value > best.value) best = { offset: boundaries[i], length: candidate.trimEnd().length, value };
    }
  }
  return best;
}

interface Span {
  start: number;
  end: number;
}

/**
 * How far a quote goes when a list is asked: on through the clauses after it, joined by ";", that open with words
 * it already holds ("… thay thế Quyết định số 15/2021/QĐ-UBND …; Quyết định số 46/2002/QĐ-UBND …"), or that
 * name another document by number after one it names ("… Chỉ thị số 32/CT-TTg …; Kế hoạch số 321-KH/TU …") —
 * the items of one enumeration written in one sentence.
 */
export function enumerationLength(sentence: string, window: { offset: number; length: number }): number {
  let end = window.offset + window.length;
  const quoted = () => sentence.slice(window.offset, end).toLowerCase().replace(/\s+/g, ' ');
  while (end < sentence.length && /;\s*$/.test(sentence.slice(window.offset, end))) {
    const next = /^[^;]*;?\s*/.exec(sentence.slice(end))![0];
    const opening = next.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 2).join(' ');
    const sameKind = !!opening && opening.includes(' ') && (quoted().includes(opening) || (NAMES_DOCUMENT.test(next.replace(/\s+/g, ' ')) && NAMES_DOCUMENT.test(quoted())));
    if (!sameKind || end + next.length - window.offset > MAX_LIST_CHARS) break;
    end += next.length;
  }
  return end - window.offset;
}


/** The passages of a text: each row of a table, and the sentences of the rest (`textSpans`). */
export function passageSpans(text: string): Span[] {
  // A table row is one passage: its cells read together ("1 | Kinh tế số chiếm 45% GRDP tỉnh. | Sở Tài chính").
  if (CELL_BREAK.test(text)) return tableRowSpans(text);
  // A Word table comes as Markdown, a row a line ("| 1 | NINH BÌNH | 58.200 |"): each row is one passage too, and the
  // text between tables is read as any other.
  const rows = markdownRows(text);
  if (rows.length === 0) return textSpans(text);
  const between = (from: number, to: number): Span[] => textSpans(text.slice(from, to)).map((span) => ({ start: span.start + from, end: span.end + from }));
  const spans: Span[] = [];
  let from = 0;
  for (const { line, cells } of rows) {
    spans.push(...between(from, line.start), ...(cells ? [cells] : []));
    from = line.end;
  }
  return [...spans, ...between(from, text.length)];
}

/**
 * Sentences, with clauses the splitter cut at ";" put back together when they continue on the same line
 * ("Trung tâm điều dưỡng; Cơ sở trợ giúp xã hội; …"), so a quote never starts mid-enumeration.
 */
function textSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const span of splitSentences(text)) {
    const previous = spans.at(-1);
    const between = previous ? text.slice(previous.end, span.start) : '';
    const previousText = previous ? text.slice(previous.start, previous.end) : '';
    if (previous && /[;,]$/.test(previousText) && !between.includes('\n') && !LIST_ITEM.test(text.slice(span.start, span.end))) previous.end = span.end;
    else spans.push({ ...span });
  }
  return spans;
}

/** The passages of a chunk, split once per chunk object (the store hands out the same object while it is cached). */
const spansOfChunk = new WeakMap<Chunk, Span[]>();
export function chunkSpans(chunk: Chunk): Span[] {
  let spans = spansOfChunk.get(chunk);
  if (!spans) spansOfChunk.set(chunk, (spans = passageSpans(chunk.text)));
  return spans;
}

const bareLine = (text: string): string => text.replace(/[\s*#_]+/g, ' ').trim().toLowerCase();
/** A line that only repeats a heading over it ("V. TỔ CHỨC THỰC HIỆN", or "QUY ĐỊNH CHUNG" under "Chương I: QUY ĐỊNH CHUNG"). */
const isHeadingLine = (sentence: string, headings: readonly OutlineEntry[]): boolean => {
  const line = bareLine(sentence);
  return line.length > 0 && headings.some((heading) => {
    const title = bareLine(heading.title);
    return title === line || title.endsWith(`: ${line}`) || title.endsWith(`. ${line}`);
  });
};

/**
 * A heading naming a field of a task card ("b) Cơ quan thực hiện", "c) Thời gian thực hiện", "Tiến độ hoàn thành"):
 * plans set out each task as what is to be done, then who does it and by when, under sibling headings.
 */
const TASK_FIELD = /^(?:[a-zđ]\)|\d+(?:\.\d+)*\.?|[-+•])?\s*(?:(?:co quan|don vi)\s+(?:thuc hien|chu tri|phu trach)|thoi (?:gian|han)(?:\s+(?:thuc hien|hoan thanh))?|tien do(?:\s+(?:thuc hien|hoan thanh))?)(?![a-z])/;
const fieldLine = (line: string): string => foldedLower(line.replace(/[*_]/g, '')).trim();
/** Whether a line opens with a field's name ("c) Thời gian thực hiện: Hoàn thành …"), or is all of one (a heading). */
const opensTaskField = (line: string): boolean => TASK_FIELD.test(fieldLine(line));
export const isTaskField = (title: string): boolean => {
  const line = fieldLine(title);
  return TASK_FIELD.test(line) && line.replace(TASK_FIELD, '').replace(/[\s:]/g, '') === '';
};

/**
 * What a task card's field is about: the card's text above its fields ("2. Về các nền tảng số / a) Nhiệm vụ: - Tổ
 * chức triển khai …"), when the chunk holds it. "Đơn vị chủ trì: Các Sở, ban, ngành" names no task itself.
 */
function cardText(chunk: Chunk, headings: readonly OutlineEntry[]): string | null {
  const field = headings.at(-1);
  const card = headings.at(-2);
  if (!field || !card || !isTaskField(field.title) || card.start < chunk.start) return null;
  const text = chunk.text.slice(card.start - chunk.start, field.start - chunk.start);
  // The card's own fields ("b) Cơ quan thực hiện" above "c) Thời gian thực hiện") say nothing of the task.
  const lines = text.split('\n');
  const firstField = lines.findIndex((line, i) => i > 0 && opensTaskField(line));
  return firstField < 0 ? text : lines.slice(0, firstField).join('\n');
}

/** Headings over an offset, outermost first. */
const headingsAt = (outline: readonly OutlineEntry[], offset: number): OutlineEntry[] =>
  outline.filter((entry) => entry.start <= offset && offset < entry.end).sort((a, b) => a.depth - b.depth);

/** A table chunk without the caption giving its figures' unit: the caption is above its table, outside it. */
export const needsTableCaption = (chunk: Chunk): boolean => chunk.context !== undefined && !A_UNIT_CAPTION.test(chunk.text);

/** A table row's cells as words alone: "**TT**\n|\n**Nội dung**" of a flattened table is "TT | Nội dung". */
export const rowKey = (row: string): string =>
  row
    .replace(/[*_]/gu, '')
    .split('|')
    .map((cell) => cell.replace(/\s+/gu, ' ').trim())
    .filter((cell) => cell !== '')
    .join(' | ');

export interface SelectOptions {
  /** Extra score for chunk kinds the question type points at (signature, preamble, header). */
  kindBonus?: (chunk: Chunk) => number;
  outline: (docId: string) => readonly OutlineEntry[];
  /** The text of the clauses of its document a passage refers to ("các trường hợp quy định tại khoản 1 Điều 6"). */
  referred?: (docId: string, passage: string) => string;
  /** The unit a table chunk's figures are in, from the caption above its table ("Đơn vị: Triệu đồng"), when the chunk does not hold it. */
  caption?: (chunk: Chunk) => string | undefined;
  /** The time the group row above a table chunk names ("Giai đoạn 2028-2030"), when the chunk starts under it. */
  tablePeriod?: (chunk: Chunk) => string | undefined;
}

/** Scores every sentence of the retrieved chunks against the question profile, best first. */
export function selectEvidence(hits: readonly SearchHit[], profile: QueryProfile, options: SelectOptions): Evidence[] {
  const evidence: Evidence[] = [];
  // The model remembers the terms of texts it has read, headings included.
  const sectionTerms = (titles: readonly string[]) => profile.model.terms(titles.join('\n'), profile.folded);
  // Only who does a task, or by when, is what a task card's fields answer.
  const asksField = profile.types.some((type) => type === 'who' || type === 'deadline' || type === 'date');

  hits.forEach(({ chunk }, rank) => {
    const outline = options.outline(chunk.docId);
    const prior = 0.08 / (1 + rank) + (options.kindBonus?.(chunk) ?? 0);
    const YEAR_FACTOR = { match: 1.2, neutral: 1, mismatch: 0.7 } as const;
    const yearFactor = (section: readonly string[]) => YEAR_FACTOR[sectionYears(section, profile.years)];
    const spans = chunkSpans(chunk);
    const captions = /đơn vị/iu.test(chunk.text) ? [...chunk.text.matchAll(UNIT_CAPTION)] : [];
    const above = needsTableCaption(chunk) ? options.caption?.(chunk) : undefined;
    const leadAt = periodLeads(chunk.text);
    // A table's rows are for the time of the group row above them, in the chunk or before it: read when the question
    // names years, which is what it is read for.
    const tableLeadAt = chunk.context !== undefined && profile.years.length > 0 ? tablePeriods(chunk.text) : undefined;
    const tableLeadAbove = chunk.context !== undefined ? options.tablePeriod?.(chunk) : undefined;
    spans.forEach((span, index) => {
      const absoluteStart = chunk.start + span.start;
      const headings = headingsAt(outline, absoluteStart);
      const sentence = chunk.text.slice(span.start, span.end);
      if (!/\p{L}{2}/u.test(sentence)) return;
      // A heading line alone says what a section is about, not what it says: its words count through `headings`.
      const ownHeading = headings.find((heading) => heading.start === absoluteStart);
      if (ownHeading && sentence.replace(/[\s*]+/g, ' ').trim().length <= ownHeading.title.length + 2) return;
      // (Markup can shift where a heading starts, and scraped texts repeat a chapter's name on a line of its own.)
      if (isHeadingLine(sentence, headings)) return;
      // A table's header row is quoted beside each row ("cột: …"), never as a row.
      if (chunk.context !== undefined && rowKey(sentence) === rowKey(chunk.context)) return;
      const section = headings.map((heading) => heading.title);
      const sectionText = section.join(' › ');
      const path = section.length > 0 ? section : chunk.section;
      // A task card's field counts the task it belongs to as its heading: who does it, by when, is about that task.
      const card = asksField ? cardText(chunk, headings) : null;
      const lead = leadAt(span.start) ?? tableLeadAt?.(span.start) ?? tableLeadAbove;
      // A clause referred to ("các trường hợp quy định tại khoản 1 Điều 6") stands in the sentence for the case it
      // names: its words are the passage's, as its heading's are.
      const referred = options.referred?.(chunk.docId, sentence) ?? '';
      // The time line a list is grouped under heads its items as a heading does.
      const headingTerms = card || referred || lead ? new Set([...sectionTerms(path.slice(-1)), ...profile.model.terms(`${card ?? ''}\n${referred}\n${lead ?? ''}`, profile.folded)]) : sectionTerms(path.slice(-1));
      const outerTerms = sectionTerms(path.slice(0, -1));
      const caption = captions.filter((found) => found.index! < span.start).at(-1)?.[1] ?? above;
      const scoreText = (text: string) => {
        const coverage = coverageOf(profile, profile.model.terms(text, profile.folded), headingTerms, outerTerms);
        const fit = fitOf(profile, text, sectionText, caption);
        return { coverage, fit, score: (coverage * (0.5 + 0.5 * fit) + prior) * yearFactor(lead ? [lead] : path) };
      };
      const window = narrow(sentence, (text) => scoreText(text).score);
      const scored = scoreText(sentence.slice(window.offset, window.offset + window.length));
      // A lead-in ending in ":" ("…gặp một số khó khăn, hạn chế như:") is quoted with the items that follow, but
      // scored on its own words, so an item that answers by itself still ranks first; asked for a list, so is an
      // enumeration the window starts inside a sentence.
      let quoteLength = profile.types.includes('list') ? enumerationLength(sentence, window) : window.length;
      if (window.offset + window.length === sentence.length && /:\s*$/.test(sentence)) {
        let end = span.end;
        for (const next of spans.slice(index + 1)) {
          if (next.end - span.start > MAX_LIST_CHARS) break;
          // An item goes on over its sentences; a paragraph after a blank line that opens no item ends the list.
          const newParagraph = /\n[ \t]*\n/.test(chunk.text.slice(end, next.start));
          if (newParagraph && !LIST_ITEM.test(chunk.text.slice(next.start, next.end)) && end - span.start > 200) break;
          end = next.end;
        }
        quoteLength = end - span.start - window.offset;
      }
      const text = chunk.text.slice(span.start + window.offset, span.start + window.offset + quoteLength);
      const start = absoluteStart + window.offset;
      const headingStart = headings.at(-1)?.start ?? null;
      evidence.push({ chunk, start, end: start + text.length, text, section: section.length > 0 ? section : [...chunk.section], ...(lead ? { lead } : {}), headingStart, ...scored });
    });
  });
  return evidence.sort((a, b) => b.score - a.score);
}
