// A source that publishes only part of a document marks each cut with a line of its own: "[...]" or "[…]".
const OMISSION_LINE = /^[ \t]*\[(?:\.{3,}|…)\][ \t]*$/gmu;

/** The omission marks in a document's original text, by offset: a document holding any is an excerpt. */
export function findOmissions(text: string): { start: number; end: number }[] {
  return [...text.matchAll(OMISSION_LINE)].map((match) => {
    const start = match.index + match[0].indexOf('[');
    return { start, end: match.index + match[0].lastIndexOf(']') + 1 };
  });
}
