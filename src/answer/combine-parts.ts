// The answer to a two-part question: each part's answer in turn, citations numbered through, and a part the
// documents do not answer said so in one line rather than with a whole abstention.
import type { AskResult } from '../types.js';

const renumber = (text: string, by: number): string => text.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + by}]`);

export function combineParts(parts: readonly { question: string; result: AskResult }[], language: 'vi' | 'en'): AskResult {
  const answered = parts.filter((part) => part.result.answered);
  if (answered.length === 0) return parts[0].result;
  const lines: string[] = [];
  const citations: AskResult['citations'] = [];
  for (const { question, result } of parts) {
    const label = question.replace(/[?\s]+$/u, '');
    if (!result.answered) {
      lines.push(language === 'en' ? `On “${label}”: the documents do not say.` : `Về “${label}”: không tìm thấy trong các văn bản.`);
      continue;
    }
    const offset = citations.length;
    citations.push(...result.citations.map((citation) => ({ ...citation, n: citation.n + offset })));
    lines.push(parts.length > 1 ? `${label}?\n${renumber(result.answer, offset)}` : renumber(result.answer, offset));
  }
  const others = [...new Set(answered.flatMap((part) => part.result.otherDocuments ?? []))];
  const timings = parts.reduce(
    (sum, { result }) => ({ totalMs: sum.totalMs + result.timings.totalMs, retrieveMs: sum.retrieveMs + result.timings.retrieveMs, answerMs: sum.answerMs + result.timings.answerMs }),
    { totalMs: 0, retrieveMs: 0, answerMs: 0 },
  );
  return {
    answer: lines.join('\n\n'),
    answered: true,
    question: parts.map((part) => part.result.question).join(' '),
    citations,
    ...(others.length > 0 ? { otherDocuments: others } : {}),
    mode: parts[0].result.mode,
    answeredBy: parts[0].result.answeredBy,
    timings,
  };
}
