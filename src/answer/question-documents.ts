import type { Chunk, KnowledgeBase, OutlineEntry, SourceDocument } from '../types.js';
import { clauseReferences, referredText } from './cross-references.js';

/** Documents already read for one question: shaping and composing look into them synchronously. */
export interface DocumentReader {
  document(id: string): SourceDocument;
  chunksOf(id: string): readonly Chunk[];
  outline(id: string): readonly OutlineEntry[];
}

/** The chunk of a read document that holds the character at `offset`. */
export const chunkAt = (documents: Pick<DocumentReader, 'chunksOf'>, docId: string, offset: number): Chunk | undefined =>
  documents.chunksOf(docId).find((chunk) => chunk.start <= offset && offset < chunk.end);

export interface QuestionDocuments extends DocumentReader {
  /** Reads each document not read yet (text, chunks and outline), all at once. */
  load(ids: Iterable<string>): Promise<void>;
  /** Reads only the outlines: scoring passages needs their headings, not their documents' text. */
  loadOutlines(ids: Iterable<string>): Promise<void>;
  /** Reads the documents whose chunks name cases by their own clauses, for `referred`. */
  loadReferred(chunks: Iterable<Chunk>): Promise<void>;
  /** The text of the clauses of its own document that name the cases a passage is for ("các trường hợp quy định tại khoản 1 Điều 6 Nghị định này"), once read. */
  referred(id: string, passage: string): string;
}

/**
 * The documents one question reads, each read from the knowledge base once. The knowledge base answers
 * asynchronously (it may be across the network); the stages that cut quotes out of a text ask for it many times,
 * so a stage names the documents it needs first and then reads them without waiting.
 */
export function createQuestionDocuments(knowledge: Pick<KnowledgeBase, 'document' | 'chunksOf' | 'outline'>): QuestionDocuments {
  const documents = new Map<string, SourceDocument>();
  const chunks = new Map<string, readonly Chunk[]>();
  const outlines = new Map<string, readonly OutlineEntry[]>();

  // Reading a document that was not loaded is a stage's mistake, not a missing document: say so.
  const loaded = <T>(map: ReadonlyMap<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (found === undefined) throw new Error(`the ${what} of document ${id} was not loaded for this question`);
    return found;
  };

  const loadOutlines = async (ids: Iterable<string>): Promise<void> => {
    const wanted = [...new Set(ids)].filter((id) => !outlines.has(id));
    const read = await Promise.all(wanted.map((id) => knowledge.outline(id)));
    wanted.forEach((id, i) => outlines.set(id, read[i]));
  };

  const load = async (ids: Iterable<string>): Promise<void> => {
    const wanted = [...new Set(ids)].filter((id) => !documents.has(id));
    const [read, chunkLists] = await Promise.all([Promise.all(wanted.map((id) => knowledge.document(id))), Promise.all(wanted.map((id) => knowledge.chunksOf(id))), loadOutlines(wanted)]);
    wanted.forEach((id, i) => {
      const doc = read[i];
      // A document removed since it was found is left out: its lookups then fail as not loaded.
      if (!doc) return;
      documents.set(id, doc);
      chunks.set(id, chunkLists[i]);
    });
  };

  return {
    load,
    loadOutlines,
    loadReferred: (found) => load([...found].filter((chunk) => clauseReferences(chunk.text).length > 0).map((chunk) => chunk.docId)),
    // A document read whole has its outline too; one not read refers to nothing here.
    referred: (id, passage) => {
      const doc = documents.get(id);
      return doc ? referredText(passage, doc.text, loaded(outlines, id, 'outline')) : '';
    },
    document: (id) => loaded(documents, id, 'text'),
    chunksOf: (id) => loaded(chunks, id, 'chunks'),
    outline: (id) => loaded(outlines, id, 'outline'),
  };
}
