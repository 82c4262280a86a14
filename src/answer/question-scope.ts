import { foldDiacritics } from '../lang/normalize.js';
import type { DocumentMeta } from '../types.js';
import type { AnalyzedQuestion } from './analyze-question.js';
import { escapeRegExp } from '../lang/escape-reg-exp.js';


/** Plans named by their number in the question: "Kế hoạch 2618/KH-UBND", "kế hoạch số 8557", "KH 2618". */
export function plansByNumber(question: string, metas: readonly DocumentMeta[]): string[] {
  const folded = foldDiacritics(question.toLowerCase());
  return metas
    .filter((meta) => {
      const digits = meta.number?.match(/^\d+/)?.[0];
      if (!digits) return false;
      return new RegExp(`\\b${escapeRegExp(digits)}\\s*/\\s*kh\\b|\\b(ke hoach|kh|so|plan|no\\.?)\\s+(so\\s+)?${escapeRegExp(digits)}\\b`).test(folded);
    })
    .map((meta) => meta.id);
}

/**
 * The plans a question is limited to: those the request names, else those named by number or place in the
 * question; null when it concerns every plan.
 */
export function questionScope(analyzed: AnalyzedQuestion, metas: readonly DocumentMeta[], requested?: readonly string[]): string[] | null {
  if (requested && requested.length > 0) return [...requested];
  const byNumber = plansByNumber(analyzed.original, metas);
  if (byNumber.length > 0) return byNumber;
  return analyzed.localities.docIds.length > 0 ? [...analyzed.localities.docIds] : null;
}
