import { escapeRegExp } from '../lang/escape-reg-exp.js';
import { MARKER_KINDS, PARAGRAPHS } from '../structure/grammar.js';
import type { Chunk, KnowledgeBase, OutlineEntry } from '../types.js';
import { chunkAt, type DocumentReader, type QuestionDocuments } from './question-documents.js';
import type { AnswerPart, PlanFact } from './compose-answer.js';
import { foldedLower, headingNamesBody } from './evidence-cues.js';
import { findDefinition, findNamedTerm, type DefinitionAsked, type DefinitionSpan } from './find-definition.js';
import { findDefinedTerm } from './find-defined-term.js';
import { findNamedSection, headingWords } from './find-named-section.js';
import { findQuotedPhrase } from './find-quoted-phrase.js';
import { findSigner } from './find-signer.js';
import { headingEnd } from './heading-span.js';
import { findEffectiveDate, findField, findIssueDate, findLegalBases, findPeriodInTitle, findProposer, findPlanNumber, findRecipients, findImplementers, findChanged, type PlanFactSpan } from './plan-facts.js';
import { tableRowsAsked, type RowsAsked } from './table-rows-asked.js';
import { timedItems, type TimeAsked } from './timed-items.js';
import type { Evidence } from './select-evidence.js';

// Answers read straight off a plan's own structure, without ranking passages: its header, preamble and
// signature, its outline, its definitions, or the exact phrase a question quotes.

const MAX_STRUCTURE_ITEMS = 12;
/** A section quoted paragraph by paragraph as the answer to a list question is at most this long. */
const MAX_NAMED_SECTION_CHARS = 5_000;
/** Words of a structure question that say nothing about which section: "kế hoạch gồm những phần nào". */
const STRUCTURE_WORDS = new Set('ke hoach nay cua gom co nhung cac may bao nhieu phan muc nhom noi dung chinh nao la gi what are were the main key parts sections chapters components groups of structure outline plan this does cover contain and'.split(' '));

/** The words of a structure question that may name the section whose parts it asks ("nhiệm vụ, giải pháp gồm những nhóm nào"). */
export const structureWordsAsked = (question: string): ReadonlySet<string> =>
  new Set(foldedLower(question).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1 && !STRUCTURE_WORDS.has(word)));

/**
 * A section asked for: by the asked thing's wordings, likeliest first, or by the bodies whose duties are asked; the
 * question's words tell apart the headings that hold them.
 */
export type SectionAsked = { questionWords: ReadonlySet<string> } & ({ wordings: readonly (readonly string[])[] } | { bodies: readonly string[] });

/** Each answer reads the documents it needs into the question's documents, which later stages quote from. */
export interface DirectAnswers {
  /** One plan fact read off a plan's header, preamble or signature; null when the plan does not state it. */
  planFact(documents: QuestionDocuments, docId: string, fact: PlanFact): Promise<AnswerPart | null>;
  /** The headings that answer a structure question for one plan, given the words it may name a section by. */
  structure(documents: QuestionDocuments, docId: string, asked: ReadonlySet<string>): Promise<AnswerPart | null>;
  /** The items of the section a list question names by its heading, or of the one headed by the body it asks about. */
  namedSection(documents: QuestionDocuments, docId: string, asked: SectionAsked): Promise<AnswerPart | null>;
  /** An abbreviation or a name asked about alone, answered from where a plan defines or names it. */
  definition(documents: QuestionDocuments, asked: DefinitionAsked): Promise<AnswerPart | null>;
  /** The clause where a document defines one of the terms asked the meaning of ("phản ánh hiện trường là …"). */
  definedTerm(documents: QuestionDocuments, terms: readonly string[], scope: readonly string[] | null): Promise<AnswerPart | null>;
  /** The sentences holding the phrases a question quotes, one part per plan that has them. */
  /** With `every`, each sentence holding a phrase in a document (up to that many), not only its first. */
  quotedPhrase(documents: QuestionDocuments, phrases: readonly string[], scope: readonly string[] | null, every?: number): Promise<AnswerPart[]>;
  /** The rows of a document's tables a question asks for (past a bound, or of the highest figure), under their unit's caption. */
  tableRows(documents: QuestionDocuments, docId: string, asked: RowsAsked): Promise<AnswerPart | null>;
  /** The items of a document whose stated time reads the year asked, each by its heading and its time (or its table row). */
  timedItems(documents: QuestionDocuments, docId: string, asked: TimeAsked): Promise<AnswerPart | null>;
}

/** An act in force from the day it is signed or issued. */
const FROM_SIGNING = /(?<!\p{L})(?:từ|kể từ)\s+ngày\s+(?:ký|ban hành)/iu;

/** The document facts each quoted as the one span stating them. */
const ONE_SPAN: Record<Exclude<PlanFact, 'signer' | 'effective-date' | 'number' | 'legal-basis'>, (chunks: readonly Chunk[]) => PlanFactSpan | null> = {
  'issue-date': findIssueDate,
  period: findPeriodInTitle,
  proposer: findProposer,
  field: findField,
  recipients: findRecipients,
  implementers: findImplementers,
  changes: findChanged,
};

export function createDirectAnswers(knowledge: Pick<KnowledgeBase, 'chunksWithWords' | 'lexical'>): DirectAnswers {
  const evidenceAt = (documents: DocumentReader, span: PlanFactSpan): Evidence => ({
    chunk: span.chunk,
    start: span.start,
    end: span.end,
    text: documents.document(span.chunk.docId).text.slice(span.start, span.end),
    section: [...span.chunk.section],
    headingStart: null,
    coverage: 1,
    fit: 1,
    score: 1,
  });

  const planFactPart = async (documents: QuestionDocuments, docId: string, fact: PlanFact): Promise<AnswerPart | null> => {
    await documents.load([docId]);
    const chunks = documents.chunksOf(docId);
    const evidenceOf = (span: PlanFactSpan) => evidenceAt(documents, span);
    switch (fact) {
      case 'signer': {
        const signer = findSigner(chunks);
        return signer ? { docId, kind: 'signer', evidence: [evidenceOf(signer)], signer } : null;
      }
      case 'effective-date': {
        const span = findEffectiveDate(chunks);
        if (!span) return null;
        const effective = evidenceOf(span);
        // "có hiệu lực kể từ ngày ký": the date it was signed is the answer, quoted first (other dates in the
        // sentence are those of what it replaces).
        const signed = FROM_SIGNING.test(effective.text) ? findIssueDate(chunks) : null;
        return { docId, kind: 'passages', evidence: signed ? [evidenceOf(signed), effective] : [effective] };
      }
      case 'number': {
        const span = findPlanNumber(chunks);
        if (!span) return null;
        return { docId, kind: 'passages', evidence: [evidenceOf(span)], note: span.blank ? { vi: 'số hiệu để trống', en: 'the number is left blank' } : undefined };
      }
      case 'legal-basis': {
        const spans = findLegalBases(chunks);
        return spans.length > 0 ? { docId, kind: 'passages', layout: 'list', evidence: spans.map(evidenceOf) } : null;
      }
    }
    const span = ONE_SPAN[fact](chunks);
    return span ? { docId, kind: 'passages', evidence: [evidenceOf(span)] } : null;
  };

  /**
   * The headings that answer a structure question for one plan: the children of the section the question names
   * ("nhiệm vụ, giải pháp" → "IV. NHIỆM VỤ VÀ GIẢI PHÁP"), or the plan's top-level parts.
   */
  const structurePart = async (documents: QuestionDocuments, docId: string, asked: ReadonlySet<string>): Promise<AnswerPart | null> => {
    await documents.load([docId]);
    const outline = documents.outline(docId);
    if (outline.length === 0) return null;
    const overlap = (entry: OutlineEntry) => foldedLower(entry.title).split(/[^\p{L}\p{N}]+/u).filter((word) => asked.has(word)).length;
    const named = outline.filter((entry) => entry.depth <= 1 && overlap(entry) >= 2).sort((a, b) => overlap(b) - overlap(a) || a.depth - b.depth)[0];
    const top = Math.min(...outline.map((entry) => entry.depth));
    const topLevel = outline.filter((entry) => entry.depth === top);
    // A plan split into "Phần thứ nhất / thứ hai" lists the sections of each part too.
    const listed = named
      ? outline.filter((entry) => entry.depth === named.depth + 1 && entry.start >= named.start && entry.start < named.end)
      : topLevel.length <= 2
        ? outline.filter((entry) => entry.depth <= top + 1)
        : topLevel;
    if (listed.length === 0) return null;
    return { docId, kind: 'passages', evidence: headingsOf(documents, docId, listed.slice(0, MAX_STRUCTURE_ITEMS), named ? [named.title] : []), layout: 'list' };
  };

  /** Headings quoted as the items of a list, each its own passage. */
  const headingsOf = (documents: DocumentReader, docId: string, entries: readonly OutlineEntry[], section: string[]): Evidence[] => {
    const text = documents.document(docId).text;
    return entries.map((entry): Evidence => {
      const end = headingEnd(text, entry);
      return { ...evidenceIn(documents, docId, entry.start, end), section, headingStart: entry.start };
    });
  };

  /** The span [start, end) of a document as a passage of the chunk it starts in. */
  const evidenceIn = (documents: DocumentReader, docId: string, start: number, end: number): Evidence =>
    evidenceAt(documents, { chunk: chunkAt(documents, docId, start)!, start, end });

  /**
   * Where a section's own text starts: after its heading, or, for a heading the text follows on its line ("4. Sở Văn
   * hóa, Thể thao và Du lịch: Tiếp tục chỉ đạo …"), right after the colon ending its title.
   */
  const contentStart = (text: string, entry: OutlineEntry): number => {
    const end = headingEnd(text, entry);
    const lineStart = Math.max(entry.start, text.lastIndexOf('\n', end - 1) + 1);
    const last = entry.title.trim().split(/\s+/u).at(-1) ?? '';
    const colon = new RegExp(`${escapeRegExp(last)}[*_\\s]*:[*_\\s]*`, 'u').exec(text.slice(lineStart, end));
    return colon && lineStart + colon.index + colon[0].length < end ? lineStart + colon.index + colon[0].length : end;
  };

  /** Every item of a section: its subsections' headings, or its paragraphs; null for a long section without any. */
  const sectionItems = (documents: DocumentReader, docId: string, outline: readonly OutlineEntry[], entry: OutlineEntry): AnswerPart | null => {
    const children = outline.filter((other) => other.depth === entry.depth + 1 && other.start > entry.start && other.start < entry.end);
    const text = documents.document(docId).text;
    const bodyStart = contentStart(text, entry);
    // Items read as headings only when they are all of them: "c) Chủ trì …: “Truyền thông …”" after items "a)", "b)"
    // read as text is one item of three.
    const itemsBefore = children.length > 0 && /\p{L}/u.test(text.slice(bodyStart, children[0].start).replace(/[*_#]/g, ''));
    if (children.length > 0 && !itemsBefore) return { docId, kind: 'passages', evidence: headingsOf(documents, docId, children, [entry.title]), layout: 'list' };
    if (entry.end - bodyStart > MAX_NAMED_SECTION_CHARS) return null;
    const evidence: Evidence[] = [];
    for (const match of text.slice(bodyStart, entry.end).matchAll(PARAGRAPHS)) {
      const paragraph = match[0].trimEnd();
      if (paragraph.replace(/[|*_\s]/g, '') === '') continue;
      const start = bodyStart + match.index!;
      evidence.push({ ...evidenceIn(documents, docId, start, start + paragraph.length), section: [entry.title], headingStart: entry.start });
    }
    // A paragraph after the last of marked items ("- Từ ngân sách tỉnh …", then "Khắc phục môi trường … là nhiệm vụ
    // cấp bách …") closes the section or the document; it is no item.
    const marked = evidence.map((item) => MARKER_KINDS.some((marker) => marker.test(item.text.replace(/^[\s*_]+/u, ''))));
    if (marked.filter(Boolean).length >= 2) evidence.splice(marked.lastIndexOf(true) + 1);
    return evidence.length > 0 ? { docId, kind: 'passages', evidence, layout: 'list' } : null;
  };

  /**
   * Every item of the section a list question names by its heading ("các mục đích của kế hoạch" → "1. Mục đích"), or
   * of the one headed by the body whose duties it asks ("Sở Nội vụ có vai trò gì" → "2. Sở Nội vụ").
   */
  const namedSectionPart = async (documents: QuestionDocuments, docId: string, asked: SectionAsked): Promise<AnswerPart | null> => {
    await documents.load([docId]);
    const outline = documents.outline(docId);
    // Of the headings naming the body, the one sharing most words with the question ("9. UBND các phường, xã").
    const shared = (entry: OutlineEntry) => headingWords(entry.title).filter((word) => asked.questionWords.has(word)).length;
    const entry =
      'bodies' in asked
        ? outline.filter((candidate) => headingNamesBody(candidate.title, asked.bodies)).sort((a, b) => shared(b) - shared(a) || a.start - b.start)[0]
        : asked.wordings.map((words) => findNamedSection(outline, words, asked.questionWords)).find((found) => found !== null);
    return entry ? sectionItems(documents, docId, outline, entry) : null;
  };

  /** Where a plan defines or names what is asked about ("NCT là gì?", "cơ sở chăm sóc sức khỏe lao động - xã hội là gì?"). */
  const definitionOf = (asked: DefinitionAsked): Promise<DefinitionSpan | null> =>
    'name' in asked ? findNamedTerm(knowledge, asked.name) : findDefinition(knowledge, asked.abbreviation, asked.expansion);

  const quotedPhraseParts = async (documents: QuestionDocuments, phrases: readonly string[], scope: readonly string[] | null, every?: number): Promise<AnswerPart[]> => {
    const spans = (await Promise.all(phrases.map((phrase) => findQuotedPhrase(knowledge, documents, phrase, scope ?? undefined, every)))).flat();
    const byDoc = new Map<string, PlanFactSpan[]>();
    for (const span of spans) byDoc.set(span.chunk.docId, [...(byDoc.get(span.chunk.docId) ?? []), span]);
    return [...byDoc].map(([docId, docSpans]) => ({ docId, kind: 'passages', evidence: docSpans.map((span) => evidenceAt(documents, span)) }));
  };

  return {
    planFact: planFactPart,
    structure: structurePart,
    namedSection: namedSectionPart,
    async definition(documents, asked) {
      const found = await definitionOf(asked);
      if (!found) return null;
      await documents.load([found.chunk.docId]);
      return { docId: found.chunk.docId, kind: 'definition', evidence: [evidenceAt(documents, found)], definition: found };
    },
    async definedTerm(documents, terms, scope) {
      const textOf = async (docId: string) => {
        await documents.load([docId]);
        return documents.document(docId).text;
      };
      // "“A” và “B” được hiểu là gì?": every term the document defines, each by its clause.
      const found = (await Promise.all(terms.map((term) => findDefinedTerm(knowledge, textOf, term, scope ?? undefined)))).filter((span) => span !== null);
      if (found.length === 0) return null;
      const { docId } = found[0].chunk;
      const clauses = [...new Map(found.filter((span) => span.chunk.docId === docId).map((span) => [span.start, span])).values()].sort((a, b) => a.start - b.start);
      // (Its document was read to find the clauses: `textOf` loaded it.)
      return { docId, kind: 'passages', evidence: clauses.map((span) => evidenceAt(documents, { chunk: span.chunk, start: span.start, end: span.end })) };
    },
    quotedPhrase: quotedPhraseParts,
    async tableRows(documents, docId, asked) {
      await documents.load([docId]);
      const spans = tableRowsAsked(documents.document(docId).text, asked).flatMap(({ caption, rows }) => [...(caption ? [caption] : []), ...rows]);
      const evidence = spans.flatMap((span) => {
        const chunk = chunkAt(documents, docId, span.start);
        return chunk ? [evidenceAt(documents, { chunk, ...span })] : [];
      });
      return evidence.length > 0 ? { docId, kind: 'passages', evidence, layout: 'list' } : null;
    },
    async timedItems(documents, docId, asked) {
      await documents.load([docId]);
      const text = documents.document(docId).text;
      const evidence = timedItems(text, documents.outline(docId), asked).flatMap(({ heading, task, time }) => [
        ...[heading, task].flatMap((span) => (span ? [evidenceIn(documents, docId, span.start, span.end)] : [])),
        evidenceIn(documents, docId, time.start, time.end),
      ]);
      return evidence.length > 0 ? { docId, kind: 'passages', evidence, layout: 'list' } : null;
    },
  };
}
