import { documentName } from '../structure/citation-label.js';
import type { AskResult, Citation, DocumentMeta } from '../types.js';

/** A citation with the full form officials write in a report, for copying, printing, sharing and export. */
export type ReferencedCitation = Citation & { reference: string };

// A plan's place is a bare number ("VI › 2"); an article, a clause or an appendix names itself ("Điều 5", "Phụ lục I").
const BARE_NUMBER = /^(?:[IVXLC]+|\d+)(?:[.\s›]|$)/u;

/** documentName in the formal form: "số" before the number. */
function formalName(meta: DocumentMeta): string {
  const name = documentName(meta);
  return meta.number ? name.replace(` ${meta.number}`, ` số ${meta.number}`) : name;
}

/**
 * How an official cites a passage: type, number, date and issuer, then the place in the document —
 * "Kế hoạch số 2618/KH-UBND ngày 24/3/2022 của Ủy ban nhân dân tỉnh Khánh Hòa, mục VI › 2".
 * Without the document's metadata (removed from the collection since), the name the answer gave is used.
 */
export function citationReference(citation: Pick<Citation, 'docName' | 'label' | 'section'>, meta?: DocumentMeta): string {
  const name = meta ? formalName(meta) : citation.docName;
  const place = citation.label ? (BARE_NUMBER.test(citation.label) ? `mục ${citation.label}` : citation.label) : citation.section;
  return place ? `${name}, ${place}` : name;
}

/** Adds the full form to each citation, reading the metadata of the documents cited. */
export const withReferences = (citations: readonly Citation[], metaOf: (docId: string) => DocumentMeta | undefined): ReferencedCitation[] =>
  citations.map((citation) => ({ ...citation, reference: citationReference(citation, metaOf(citation.docId)) }));

/** An answer as the API returns it: citations in full form, and the id it is shared by. */
export type SharedAskResult = Omit<AskResult, 'citations'> & { citations: ReferencedCitation[]; answerId?: string };
