import { describe, expect, it } from 'vitest';
import type { AskResult, Citation } from '../types.js';
import { combineParts } from './combine-parts.js';

const citation = (n: number, docId: string): Citation => ({ n, docId, docTitle: docId, docName: docId, section: '', quote: 'q', start: 0, end: 1, chunkId: 'c', score: 1 });
const result = (answer: string, answered: boolean, citations: Citation[] = []): AskResult => ({
  answer,
  answered,
  question: answer,
  citations,
  mode: 'lexical',
  answeredBy: 'extractive',
  timings: { totalMs: 1, retrieveMs: 1, answerMs: 1 },
});

describe('combineParts', () => {
  it('answers each part in turn and numbers citations through', () => {
    const combined = combineParts(
      [
        { question: 'Hiệu lực từ ngày nào?', result: result('Từ ngày 1/7/2025 [1].', true, [citation(1, 'a')]) },
        { question: 'Thay thế văn bản nào?', result: result('Thay thế Thông tư 28 [1]; Thông tư 15 [2].', true, [citation(1, 'a'), citation(2, 'a')]) },
      ],
      'vi',
    );
    expect(combined.answer).toBe('Hiệu lực từ ngày nào?\nTừ ngày 1/7/2025 [1].\n\nThay thế văn bản nào?\nThay thế Thông tư 28 [2]; Thông tư 15 [3].');
    expect(combined.citations.map((c) => c.n)).toEqual([1, 2, 3]);
    expect(combined.answered).toBe(true);
  });

  it('says in one line which part the documents do not answer, and abstains only when neither is answered', () => {
    const one = combineParts(
      [
        { question: 'Ai chủ trì?', result: result('Sở Y tế [1].', true, [citation(1, 'a')]) },
        { question: 'Kinh phí bao nhiêu?', result: result('Các tài liệu hiện có không trả lời được câu hỏi này. Kho tài liệu gồm …', false) },
      ],
      'vi',
    );
    expect(one.answer).toContain('Về “Kinh phí bao nhiêu”: không tìm thấy trong các văn bản.');
    expect(one.answer).not.toContain('Kho tài liệu');
    const none = combineParts(
      [
        { question: 'A?', result: result('refused A', false) },
        { question: 'B?', result: result('refused B', false) },
      ],
      'en',
    );
    expect(none).toMatchObject({ answered: false, answer: 'refused A' });
  });
});
