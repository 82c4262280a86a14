export type AnswerPart = { kind: 'text'; text: string } | { kind: 'cite'; n: number };

const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/**
 * Splits an answer into text runs and citation markers. "[2]" and "[1, 3]" become markers for citations that exist;
 * anything else (an unknown number, a half-streamed "[1") stays text.
 */
export function splitAnswer(answer: string, known: ReadonlySet<number>): AnswerPart[] {
  const parts: AnswerPart[] = [];
  const pushText = (text: string): void => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === 'text') last.text += text;
    else parts.push({ kind: 'text', text });
  };
  let cursor = 0;
  for (const match of answer.matchAll(MARKER)) {
    const numbers = match[1].split(/\s*[,;]\s*/).map(Number);
    if (!numbers.every((n) => known.has(n))) continue;
    pushText(answer.slice(cursor, match.index));
    for (const n of numbers) parts.push({ kind: 'cite', n });
    cursor = match.index + match[0].length;
  }
  pushText(answer.slice(cursor));
  return parts;
}
