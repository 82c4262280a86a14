import type { Chunk, EmbeddingModel, OutlineEntry, SourceDocument } from '../types.js';

// What the ingest writes through, whichever store holds the collection (SQLite in DATA_DIR, or PostgreSQL): the
// narrow port run-ingest.ts needs, implemented by both.

/** What ingest writes for one document, in one transaction. */
export interface DocumentRecord {
  doc: SourceDocument;
  /** The file's size, time and manifest entry when it was read: an unchanged file is not read again. */
  signature: string;
  chunks: readonly Chunk[];
  outline: readonly OutlineEntry[];
  /** Abbreviations the document defines ("người cao tuổi (NCT)"). */
  abbreviations: readonly (readonly [string, string])[];
  /** Index terms of each chunk's fields, as the analyzer made them. */
  terms: readonly { text: readonly string[]; section: readonly string[]; source: readonly string[] }[];
  /** Passage embeddings by chunk id, with the model that made them. */
  embeddings?: { model: string; vectors: ReadonlyMap<string, Float32Array | number[]> };
}

/** The documents table's values for a record, in both stores' column order: id, source file, hash, signature, meta, text, outline. */
export const documentValues = ({ doc, signature, outline }: DocumentRecord): [string, string, string, string, string, string, string] => [
  doc.meta.id,
  doc.meta.sourceFile,
  doc.hash,
  signature,
  JSON.stringify(doc.meta),
  doc.text,
  JSON.stringify(outline),
];

export interface KnownFile {
  id: string;
  /** File size, time and manifest entry when it was read. */
  signature: string;
  /** sha256 of the file's bytes. */
  hash: string;
}

/** The collection as the one writer sees it. Each write is one transaction: a failure leaves the previous state. */
export interface CollectionWriter {
  /** False when no ingest of this version finished writing the collection (new, or written in another format): rebuild it. */
  readonly formatCurrent: boolean;
  /** Records that this version wrote the collection in full. */
  markFormatCurrent(): Promise<void>;
  setting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
  /** Source file → id, signature and hash of every stored document. */
  knownFiles(): Promise<Map<string, KnownFile>>;
  setSignature(id: string, signature: string): Promise<void>;
  /** Abbreviations the documents define, later documents last. */
  definedAbbreviations(): Promise<ReadonlyMap<string, string>>;
  /** Replaces (or adds) one document with everything derived from it. */
  putDocument(record: DocumentRecord): Promise<void>;
  /** Removes one document and everything derived from it. */
  removeDocument(id: string): Promise<void>;
  chunksOf(docId: string): Promise<readonly Chunk[]>;
  chunkCount(): Promise<number>;
  embeddingsOf(docId: string, model: string): Promise<Map<string, Float32Array>>;
  /** Documents with chunks that have no vector of `model`: what a new model must embed. */
  documentsWithoutVectors(model: string): Promise<string[]>;
  /** Replaces a document's vectors with those of another model. */
  putEmbeddings(docId: string, model: string, vectors: ReadonlyMap<string, Float32Array | number[]>): Promise<void>;
}

/** A writer holding the collection's one-writer lock until it is closed. */
export interface WriterSession extends CollectionWriter {
  /**
   * After the documents are written, what the store derives from the stored vectors for serving (SQLite: the HNSW
   * file; PostgreSQL: nothing, each server indexes them). True when the vectors of `embedding` are ready to serve.
   */
  indexVectors(embedding: EmbeddingModel | null): Promise<boolean>;
  /** After a change to a large share of the documents: the index compacted (SQLite: FTS5's segments merged; PostgreSQL: VACUUM ANALYZE). */
  optimize(): Promise<void>;
  /**
   * After documents were replaced or removed: the statistics the lexical ranking weighs terms by brought in line with
   * the rows the index holds, as a fresh index of the same documents has them (SQLite: FTS5's totals, which deletes
   * leave behind; PostgreSQL: counted at query time, nothing to do). True when they had drifted.
   */
  reconcileIndex(): Promise<boolean>;
  /** After any change: a spare copy to restore from (SQLite: the last good copy; PostgreSQL: the operators' backups). */
  keepSpare(change: { changed: number; documents: number }): Promise<void>;
  /** Closes the collection and frees the lock, however the ingest ended. */
  close(): Promise<void>;
}

/** Where a collection lives, as the ingest opens it. */
export interface CollectionTarget {
  /**
   * Takes the one-writer lock, waiting up to `waitMs` for another ingest (then `index_busy` naming it, nothing
   * changed), makes the collection fit to be written, and opens it.
   */
  openWriter(owner: string, options?: { waitMs?: number }): Promise<WriterSession>;
}
