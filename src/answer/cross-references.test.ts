import { describe, expect, it } from 'vitest';
import type { OutlineEntry } from '../types.js';
import { clauseReferences, referredText } from './cross-references.js';

// A decree's two articles: the cases, then the rule that refers to them by number.
const TEXT = [
  'Điều 3. Các trường hợp phải hoàn trả học bổng',
  '',
  'Sinh viên được cấp học bổng phải hoàn trả khi thuộc một trong các trường hợp sau đây:',
  '',
  '1. Tự ý thôi học trước khi kết thúc khóa học.',
  '',
  '2. Bị buộc thôi học vì vi phạm quy chế.',
  '',
  '3. Không nhận bằng tốt nghiệp đúng hạn.',
  '',
  'Điều 4. Mức hoàn trả',
  '',
  '1. Đối với các trường hợp quy định tại khoản 1, khoản 2 Điều 3 Nghị định này, sinh viên hoàn trả toàn bộ học bổng.',
  '',
  '2. Đối với trường hợp quy định tại khoản 3 Điều 3, sinh viên hoàn trả một nửa học bổng.',
].join('\n');
const article = (number: string): OutlineEntry => {
  const start = TEXT.indexOf(`Điều ${number}.`);
  const next = TEXT.indexOf('Điều ', start + 5);
  return { title: TEXT.slice(start, TEXT.indexOf('\n', start)), depth: 1, start, end: next < 0 ? TEXT.length : next, kind: 'article', number };
};
const OUTLINE = [article('3'), article('4')];

describe('clauseReferences', () => {
  it("reads the clauses of this document's articles that name the cases a rule is for", () => {
    expect(clauseReferences('các trường hợp quy định tại khoản 1, khoản 2, khoản 3 Điều 6 Nghị định này, công chức phải trả')).toEqual([{ article: '6', clauses: ['1', '2', '3'] }]);
    expect(clauseReferences('áp dụng cho đối tượng quy định tại các khoản 1, 2 và 4 Điều 9 Thông tư này.')).toEqual([{ article: '9', clauses: ['1', '2', '4'] }]);
    expect(clauseReferences('trừ trường hợp được quy định tại khoản 3 Điều 5.')).toEqual([{ article: '5', clauses: ['3'] }]);
  });

  it("leaves alone a reference to another document's article, and one that says where a rule is rather than whom it is for", () => {
    expect(clauseReferences('các trường hợp quy định tại khoản 2 Điều 5 Luật Cán bộ, công chức')).toEqual([]);
    expect(clauseReferences('trường hợp quy định tại khoản 1 Điều 3 Nghị định số 112/2020/NĐ-CP')).toEqual([]);
    expect(clauseReferences('không thấp hơn mức hỗ trợ quy định tại khoản 4 Điều 5 Nghị định này.')).toEqual([]);
    expect(clauseReferences('thời gian cam kết quy định tại khoản 3 Điều 5.')).toEqual([]);
  });
});

describe('referredText', () => {
  it('gives the text of the clauses referred to, each up to the next clause', () => {
    const rule = '1. Đối với các trường hợp quy định tại khoản 1, khoản 2 Điều 3 Nghị định này, sinh viên hoàn trả toàn bộ học bổng.';
    expect(referredText(rule, TEXT, OUTLINE)).toBe('Tự ý thôi học trước khi kết thúc khóa học.\nBị buộc thôi học vì vi phạm quy chế.');
    expect(referredText('2. Đối với trường hợp quy định tại khoản 3 Điều 3, sinh viên hoàn trả một nửa học bổng.', TEXT, OUTLINE)).toBe('Không nhận bằng tốt nghiệp đúng hạn.');
  });

  it('gives nothing for an article the document does not have, or a passage referring to none', () => {
    expect(referredText('trường hợp quy định tại khoản 1 Điều 12 Nghị định này', TEXT, OUTLINE)).toBe('');
    expect(referredText('Sinh viên hoàn trả toàn bộ học bổng.', TEXT, OUTLINE)).toBe('');
  });
});
