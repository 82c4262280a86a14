import type { Chunk, ChunkKind, SourceDocument } from '../types.js';
import { parseStructure, type Block, type BlockRole } from '../structure/parse-structure.js';
import { splitSentences } from '../structure/split-sentences.js';
import { rowCells } from '../structure/grammar.js';

/** Size budget in characters of original text. */
export const MIN_CHUNK_CHARS = 300;
export const MAX_CHUNK_CHARS = 1200;

const KIND_OF: Record<BlockRole, ChunkKind> = {
  header: 'header',
  preamble: 'preamble',
  heading: 'body',
  content: 'body',
  closing: 'body',
  recipients: 'recipients',
  signature: 'signature',
};

interface Piece {
  start: number;
  end: number;
  kind: ChunkKind;
  section: string[];
  path: number[];
  group: number;
  /** The table whose rows the piece holds, if any. */
  table?: number;
}

const size = (piece: { start: number; end: number }): number => piece.end - piece.start;

/** Runs of blocks that share a role and a section: a heading opens a new one. */
function segmentsOf(blocks: readonly Block[]): Block[][] {
  const segments: Block[][] = [];
  let previous: Block | undefined;
  for (const block of blocks) {
    const current = segments[segments.length - 1];
    const continuesHeading = previous?.role === 'heading' && block.role === 'heading' && block.path.join() === previous.path.join();
    const sameRun =
      current !== undefined &&
      previous !== undefined &&
      (block.role !== 'heading' || continuesHeading) &&
      KIND_OF[block.role] === KIND_OF[previous.role] &&
      block.group === previous.group &&
      block.row?.table === previous.row?.table &&
      block.path.join() === previous.path.join();
    if (sameRun) current.push(block);
    else segments.push([block]);
    previous = block;
  }
  return segments;
}

/**
 * Splits consecutive spans into pieces of at most the maximum size (a single longer span stays whole), as even as
 * possible and avoiding pieces under the minimum: a small dynamic programme over the span boundaries.
 */
function pack(spans: { start: number; end: number }[], total: number): { start: number; end: number }[] {
  const target = total / Math.max(1, Math.ceil(total / MAX_CHUNK_CHARS));
  const cost = (from: number, to: number): number => {
    const length = spans[to - 1].end - spans[from].start;
    if (length > MAX_CHUNK_CHARS && to - from > 1) return Infinity;
    return (length < MIN_CHUNK_CHARS ? 4 : 0) + ((length - target) / target) ** 2;
  };
  const best: number[] = [0];
  const cut: number[] = [0];
  for (let to = 1; to <= spans.length; to += 1) {
    best[to] = Infinity;
    for (let from = 0; from < to; from += 1) {
      const value = best[from] + cost(from, to);
      if (value < best[to]) {
        best[to] = value;
        cut[to] = from;
      }
    }
  }
  const pieces: { start: number; end: number }[] = [];
  for (let to = spans.length; to > 0; to = cut[to]) pieces.unshift({ start: spans[cut[to]].start, end: spans[to - 1].end });
  return pieces;
}

/** A segment too long for one chunk splits at item boundaries, and an item too long at sentence boundaries. */
function splitSegment(segment: Block[], text: string, leadStart = segment[0].start): { start: number; end: number }[] {
  const start = leadStart;
  const end = segment[segment.length - 1].end;
  if (end - start <= MAX_CHUNK_CHARS) return [{ start, end }];
  // Units: heading lines stay with the first item after them; "+" sub-items stay with their item.
  const units: { start: number; end: number }[] = [];
  let pendingHeading: number | undefined = leadStart < segment[0].start ? leadStart : undefined;
  for (const block of segment) {
    const last = units[units.length - 1];
    if (block.role === 'heading') {
      pendingHeading ??= block.start;
    } else if (block.subItem && last && block.end - last.start <= MAX_CHUNK_CHARS) {
      last.end = block.end;
    } else {
      units.push({ start: pendingHeading ?? block.start, end: block.end });
      pendingHeading = undefined;
    }
  }
  if (pendingHeading !== undefined) units.push({ start: pendingHeading, end });
  const spans = units.flatMap((unit) => {
    if (size(unit) <= MAX_CHUNK_CHARS) return [unit];
    const sentences = splitSentences(text.slice(unit.start, unit.end)).map((span) => ({ start: unit.start + span.start, end: unit.start + span.end }));
    if (sentences.length === 0) return [unit];
    // Keep the whole unit covered: the first sentence starts at the unit, the last ends with it.
    sentences[0].start = unit.start;
    sentences[sentences.length - 1].end = unit.end;
    return pack(sentences, size(unit));
  });
  return pack(spans, end - start);
}

function commonPrefix<T>(a: T[], b: T[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** Joins small neighbours within one top-level section; the merged chunk keeps the headings they share. */
function mergePieces(pieces: Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    const fits = last !== undefined && piece.end - last.start <= MAX_CHUNK_CHARS;
    const sameTable = last?.table === piece.table;
    if (last && fits && sameTable && last.group === piece.group && last.kind === piece.kind && (size(last) < MIN_CHUNK_CHARS || size(piece) < MIN_CHUNK_CHARS)) {
      const shared = commonPrefix(last.path, piece.path);
      merged[merged.length - 1] = { ...last, end: piece.end, path: last.path.slice(0, shared), section: last.section.slice(0, shared) };
      continue;
    }
    merged.push(piece);
  }
  return merged;
}

/**
 * Splits a plan into chunks along its structure: header, legal bases, sections (each chunk keeps its heading path),
 * recipients and signature. Chunk text is exactly `doc.text.slice(start, end)`.
 */
export function chunkDocument(doc: SourceDocument, blocks: readonly Block[] = doc.text === '' ? [] : parseStructure(doc.text)): Chunk[] {
  const segments = segmentsOf(blocks);
  // A table's rows are quoted with its header row beside them, so "12 | 45% | Sở Tài chính" reads as an answer.
  const headerRows = new Map(blocks.filter((block) => block.row?.header).map((block) => [block.row!.table, block]));
  const contextOf = (piece: Piece): string | undefined => {
    const header = piece.table === undefined ? undefined : headerRows.get(piece.table);
    // (Its cells line up with its rows' without a Markdown row's outer pipes.)
    return header && rowCells(header.text);
  };
  const pieces: Piece[] = [];
  // Headings with nothing under them but subheadings ("VI. TỔ CHỨC THỰC HIỆN" before "1. Phòng …") open the next chunk.
  let leadStart: number | undefined;
  segments.forEach((segment, index) => {
    const [first] = segment;
    const next = segments[index + 1]?.[0];
    const headingOnly = segment.every((block) => block.bare);
    if (headingOnly && next && KIND_OF[next.role] === 'body' && commonPrefix(first.path, next.path) === first.path.length) {
      leadStart ??= first.start;
      return;
    }
    for (const span of splitSegment(segment, doc.text, leadStart)) {
      pieces.push({ ...span, kind: KIND_OF[first.role], section: first.section, path: first.path, group: first.group, table: first.row?.table });
    }
    leadStart = undefined;
  });
  return mergePieces(pieces).map((piece, ordinal) => {
    const context = contextOf(piece);
    return {
      id: `${doc.meta.id}#${ordinal}`,
      docId: doc.meta.id,
      section: piece.section,
      kind: piece.kind,
      start: piece.start,
      end: piece.end,
      text: doc.text.slice(piece.start, piece.end),
      ...(context ? { context } : {}),
    };
  });
}
