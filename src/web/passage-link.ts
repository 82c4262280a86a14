// One format for a link to a quoted passage: the chat, the glossary and the bots build it, the document page reads it.

/** The document page's path that opens with the passage [start, end) of the original text highlighted. */
export function passagePath(docId: string, start: number, end: number): string {
  return `/docs/${encodeURIComponent(docId)}#q-${start}-${end}`;
}

/** Parses a `#q-<start>-<end>` fragment (a quoted passage's offsets in the document's original text). */
export function parsePassageHash(hash: string): { start: number; end: number } | null {
  const match = /^#q-(\d+)-(\d+)$/.exec(hash);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : null;
}
