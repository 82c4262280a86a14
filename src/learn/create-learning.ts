import { BoundedMap } from '../bounded-map.js';
import { CURATED_ABBREVIATIONS, abbreviationKey } from '../lang/abbreviations.js';
import { matchKey } from '../lang/normalize.js';
import { documentName } from '../structure/citation-label.js';
import type { DocumentMeta, KnowledgeBase, SourceDocument } from '../types.js';
import { buildQuiz, seededRandom, shuffled, type QuizItem, type QuizSource } from './build-quiz.js';
import { buildSummary, type DocumentSummary } from './build-summary.js';
import { findDeadlines } from './find-deadlines.js';
import { bodyKey, findDuties, matchesBody } from './find-duties.js';
import { findGoals, type Goals } from './find-targets.js';
import { openLearnSource, type LearnSource } from './learn-source.js';
import type { BodyDuties, CitationReference, Deadline, DueDate } from './learn-types.js';

// The learning mode over a collection of any size. Each document is read once per version (its hash and
// metadata) and what was read is kept in a bounded cache; lists across documents read only the documents the
// lexical index finds for them (at most MAX_CANDIDATE_DOCUMENTS), are kept until the collection changes (the
// catalogue the store hands out is replaced at every commit), and are returned a page at a time.

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** How far a list across documents looked: the documents read, and whether more might hold entries. */
export interface Coverage {
  documentsRead: number;
  /** True when the search for documents stopped at its cap: some documents were not read. */
  capped: boolean;
}

/** A deadline with the document it is in, named as officials cite it. */
export type DeadlineRow = Deadline & { docId: string; docName: string };

export interface DocumentDuties {
  docId: string;
  docName: string;
  docTitle: string;
  bodies: BodyDuties[];
}

export interface Quiz {
  seed: string;
  docIds: string[];
  items: QuizItem[];
}

export interface Learning {
  /** Undefined for an unknown document. */
  summary(docId: string): Promise<DocumentSummary | undefined>;
  /** One document's deadlines (undefined when it is unknown), or the collection's, dated first by day of the year. */
  deadlines(query: { docId?: string; limit: number; offset: number }): Promise<(Page<DeadlineRow> & Coverage) | undefined>;
  /** Every document whose sections give tasks to the body asked about (accents, case and abbreviations aside). */
  duties(query: { body: string; limit: number; offset: number }): Promise<Page<DocumentDuties> & Coverage>;
  /** Undefined when `docId` names an unknown document. */
  quiz(query: { docId?: string; n: number; seed: string }): Promise<Quiz | undefined>;
}

export interface LearningOptions {
  /** Documents whose readings are kept. */
  cacheSize?: number;
  /** Documents a list across the collection reads, at most. */
  maxCandidateDocuments?: number;
  /** Gives every citation its full form. */
  reference?: CitationReference;
}

/** Chunks one lexical lookup returns, at most. */
const CANDIDATE_CHUNKS = 300;
const MAX_CANDIDATE_DOCUMENTS = 100;
/** Documents a quiz without a document asks about, and documents its wrong options come from. */
const QUIZ_SUBJECTS = 3;
const QUIZ_POOL = 8;
/** Dates a document gives the quiz, at most. */
const MAX_DATES = 30;
/** Word sets that find documents with deadlines (all words of a set in one chunk), most telling first. */
const DEADLINE_WORDS = [
  ['bao', 'cao', 'truoc', 'ngay'],
  ['truoc', 'ngay'],
  ['cham', 'nhat'],
  ['bao', 'cao', 'dinh', 'ky'],
  ['bao', 'cao', 'hang', 'nam'],
  ['bao', 'cao', 'hang', 'quy'],
];
/** Words of the sections that hand out tasks ("Tổ chức thực hiện", "Trách nhiệm của …"), folded. */
const ORGANISING_WORDS = [
  ['to', 'chuc', 'thuc', 'hien'],
  ['trach', 'nhiem'],
];
const PRINTED_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:19|20)\d{2}(?!\d)/gu;
/** Folded expansion → abbreviation ("uy ban nhan dan" → "ubnd"): a body may be written either way. */
const ABBREVIATED = [...CURATED_ABBREVIATIONS].map(([abbreviation, expansion]) => [matchKey(expansion).replace(/[^\p{L}\p{N}]+/gu, ' '), abbreviationKey(abbreviation)] as const);

interface Reading {
  version: string;
  goals?: Goals;
  duties?: BodyDuties[];
  deadlines?: Deadline[];
  dates?: DueDate[];
}
type Facet = 'goals' | 'duties' | 'deadlines' | 'dates';

const versionOf = (doc: SourceDocument): string => `${doc.hash}\u0000${JSON.stringify(doc.meta)}`;

function datesIn(text: string): DueDate[] {
  const dates = new Map<string, DueDate>();
  for (const match of text.matchAll(PRINTED_DATE)) {
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) dates.set(`${day}/${month}`, { day, month });
    if (dates.size >= MAX_DATES) break;
  }
  return [...dates.values()];
}

const page = <T>(items: readonly T[], limit: number, offset: number): Page<T> => ({ items: items.slice(offset, offset + limit), total: items.length, offset, limit });

export function createLearning(knowledge: KnowledgeBase, options: LearningOptions = {}): Learning {
  const maxCandidates = options.maxCandidateDocuments ?? MAX_CANDIDATE_DOCUMENTS;
  const readings = new BoundedMap<string, Reading>(options.cacheSize ?? 500);
  const compute: { [K in Facet]: (source: LearnSource) => NonNullable<Reading[K]> } = {
    goals: findGoals,
    duties: findDuties,
    deadlines: findDeadlines,
    dates: (source) => datesIn(source.doc.text),
  };

  // The document as officials cite it: in the full form when the learning mode is given one.
  const nameOf = (meta: DocumentMeta): string => (options.reference ? options.reference({ docName: documentName(meta), section: '' }, meta) : documentName(meta));
  const metaOf = (docId: string): DocumentMeta | undefined => knowledge.catalogue().find((meta) => meta.id === docId);
  const rowsOf = async (docId: string): Promise<DeadlineRow[] | undefined> => {
    const rows = await read(docId, 'deadlines');
    const meta = metaOf(docId);
    if (!rows || !meta) return undefined;
    const docName = nameOf(meta);
    return rows.map((deadline) => ({ ...deadline, docId, docName }));
  };

  async function read<K extends Facet>(docId: string, facet: K): Promise<NonNullable<Reading[K]> | undefined> {
    const doc = await knowledge.document(docId);
    if (!doc) return undefined;
    const version = versionOf(doc);
    let reading = readings.get(docId);
    if (!reading || reading.version !== version) readings.set(docId, (reading = { version }));
    if (reading[facet] === undefined) {
      const source = await openLearnSource(knowledge, docId, options.reference);
      if (!source) return undefined;
      reading[facet] = compute[facet](source);
    }
    return reading[facet] as NonNullable<Reading[K]>;
  }

  // Lists across documents, kept while the catalogue the knowledge base hands out is the same one.
  let listsOf: readonly DocumentMeta[] | undefined;
  let lists = new BoundedMap<string, unknown>(64);
  function remembered<T>(key: string, make: () => Promise<T>): Promise<T> {
    const catalogue = knowledge.catalogue();
    if (catalogue !== listsOf) {
      listsOf = catalogue;
      lists = new BoundedMap(64);
    }
    if (!lists.has(key)) {
      const made = make();
      lists.set(key, made);
      // A list that failed is made again next time, not remembered as failed.
      made.catch(() => lists.delete(key));
    }
    return lists.get(key) as Promise<T>;
  }

  /** Documents holding every word of some set in one chunk, in the order the sets and the index rank them. */
  async function candidates(wordSets: readonly (readonly string[])[]): Promise<{ docIds: string[]; capped: boolean }> {
    const docIds = new Set<string>();
    for (const words of wordSets) {
      for (const chunk of await knowledge.chunksWithWords(words, { limit: CANDIDATE_CHUNKS })) {
        if (docIds.size >= maxCandidates) return { docIds: [...docIds], capped: true };
        docIds.add(chunk.docId);
      }
    }
    return { docIds: [...docIds], capped: false };
  }

  const allDeadlines = () =>
    remembered('deadlines', async () => {
      const { docIds, capped } = await candidates(DEADLINE_WORDS);
      const rows = (await Promise.all(docIds.map(rowsOf))).flatMap((found) => found ?? []);
      // Dated first, by day of the year; the rest as the documents come.
      const day = (row: DeadlineRow) => (row.due ? row.due.month * 100 + row.due.day : Infinity);
      return { rows: rows.map((row, index) => ({ row, index })).sort((a, b) => day(a.row) - day(b.row) || a.index - b.index).map(({ row }) => row), documentsRead: docIds.length, capped };
    });

  const dutiesOf = (askedKey: string) =>
    remembered(`duties\u0000${askedKey}`, async () => {
      let compact = ` ${askedKey} `;
      for (const [expansion, abbreviation] of ABBREVIATED) compact = compact.replaceAll(` ${expansion} `, ` ${abbreviation} `);
      // Chunks naming the body beside a section that hands out tasks first: a body is named in passing everywhere.
      const forms = [...new Set([askedKey, compact.trim()])].map((key) => key.split(' '));
      const { docIds, capped } = await candidates([...forms.flatMap((form) => ORGANISING_WORDS.map((words) => [...form, ...words])), ...forms]);
      const dutyLists = await Promise.all(docIds.map((docId) => read(docId, 'duties')));
      const found = docIds.flatMap((docId, i): DocumentDuties[] => {
        const bodies = (dutyLists[i] ?? []).filter((duty) => matchesBody(duty.body, askedKey));
        const meta = metaOf(docId);
        return meta && bodies.length > 0 ? [{ docId, docName: nameOf(meta), docTitle: meta.title, bodies }] : [];
      });
      return { found, documentsRead: docIds.length, capped };
    });

  const quizSource = async (docId: string): Promise<QuizSource | undefined> => {
    const [goals, deadlines, duties, dates] = await Promise.all([read(docId, 'goals'), read(docId, 'deadlines'), read(docId, 'duties'), read(docId, 'dates')]);
    const meta = metaOf(docId);
    if (!meta || !goals || !deadlines || !duties || !dates) return undefined;
    return { meta, targets: goals.targets, deadlines, duties, dates };
  };

  return {
    async summary(docId) {
      const source = await openLearnSource(knowledge, docId, options.reference);
      if (!source) return undefined;
      const [goals, duties, deadlines] = await Promise.all([read(docId, 'goals'), read(docId, 'duties'), read(docId, 'deadlines')]);
      return buildSummary(source, { goals: goals!, duties: duties!, deadlines: deadlines! }, nameOf(source.doc.meta));
    },

    async deadlines({ docId, limit, offset }) {
      if (docId !== undefined) {
        const rows = await rowsOf(docId);
        return rows && { ...page(rows, limit, offset), documentsRead: 1, capped: false };
      }
      const { rows, documentsRead, capped } = await allDeadlines();
      return { ...page(rows, limit, offset), documentsRead, capped };
    },

    async duties({ body, limit, offset }) {
      const { found, documentsRead, capped } = await dutiesOf(bodyKey(body));
      return { ...page(found, limit, offset), documentsRead, capped };
    },

    async quiz({ docId, n, seed }) {
      if (docId !== undefined && !metaOf(docId)) return undefined;
      // A few documents chosen by the seed among those the index finds tasks or deadlines in: the collection may
      // hold thousands, most with nothing to ask about.
      const likely = (await remembered('quiz', () => candidates([...ORGANISING_WORDS, ...DEADLINE_WORDS]))).docIds;
      const random = seededRandom(`${seed}\u0000${docId ?? ''}`);
      const sample = (count: number, exclude: ReadonlySet<string>): string[] =>
        shuffled(likely.filter((id) => !exclude.has(id)), random).slice(0, Math.max(0, count));
      const subjectIds = docId !== undefined ? [docId] : sample(QUIZ_SUBJECTS, new Set());
      const poolIds = [...subjectIds, ...sample(QUIZ_POOL - subjectIds.length, new Set(subjectIds))];
      const pool = (await Promise.all(poolIds.map(quizSource))).flatMap((source) => source ?? []);
      const subjects = pool.filter((source) => subjectIds.includes(source.meta.id));
      return { seed, docIds: subjectIds, items: buildQuiz(subjects, pool, n, `${seed}\u0000${subjectIds.join(',')}`) };
    },
  };
}
