import type { OutlineEntry, SourceDocument } from '../types.js';
import { parseStructure, type Block } from './parse-structure.js';

/** The heading tree in document order, for a table of contents and citations; each entry spans its whole section. */
export function outlineOf(doc: SourceDocument, blocks: readonly Block[] = parseStructure(doc.text)): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  blocks.forEach((block, index) => {
    // A heading's id is the index of its first block; a continuation line ("Phần thứ hai" + title) shares it.
    if (block.role !== 'heading' || block.path[block.path.length - 1] !== index) return;
    let end = block.end;
    for (let i = index + 1; i < blocks.length && blocks[i].path.includes(index); i += 1) end = blocks[i].end;
    const heading = block.headings[block.headings.length - 1];
    entries.push({ title: heading.title, depth: block.section.length - 1, start: block.start, end, kind: heading.kind, number: heading.number });
  });
  return entries;
}
