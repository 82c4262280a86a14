import type { QuestionRecord } from './metrics.js';

/** For `--llm`: how many answers the model wrote, and why the others are the extractive answer. */
export function generationSummary(records: readonly QuestionRecord[]): string {
  const generated = records.filter((record) => record.answeredBy === 'llm').length;
  const reasons = new Map<string, number>();
  for (const record of records) {
    const reason = record.fallbackReason ?? (record.answeredBy === 'llm' ? undefined : 'not asked (abstention)');
    if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const fallbacks = [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${reason} ${count}`);
  return `LLM: ${generated} of ${records.length} answers written by the model${fallbacks.length > 0 ? `; extractive: ${fallbacks.join(', ')}` : ''}`;
}
