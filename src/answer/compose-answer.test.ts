import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../ingest/chunk-document.js';
import { outlineOf } from '../structure/outline.js';
import type { SourceDocument } from '../types.js';
import { composeAnswer, type AnswerPart } from './compose-answer.js';
import type { Evidence } from './select-evidence.js';

const TEXT = `Số: 12/2025/NĐ-CP

NGHỊ ĐỊNH

Quy định xử lý kỷ luật

**Điều 10. Áp dụng hình thức kỷ luật cách chức**

Hình thức kỷ luật cách chức áp dụng trong các trường hợp sau:

1. Đã bị xử lý kỷ luật bằng hình thức cảnh cáo mà tái phạm.

2. Sử dụng giấy tờ không hợp pháp để được bổ nhiệm vào chức vụ.
`;

const source: SourceDocument = { meta: { id: 'nd-12', type: 'Nghị định', number: '12/2025/NĐ-CP', title: 'Nghị định quy định xử lý kỷ luật', sourceFile: 'x.txt' }, text: TEXT, hash: '' };
const chunks = chunkDocument(source);
const outline = outlineOf(source);
const documents = { document: () => source, chunksOf: () => chunks, outline: () => outline };

const quote = (text: string): Evidence => {
  const start = TEXT.indexOf(text);
  const chunk = chunks.find((candidate) => candidate.start <= start && start < candidate.end)!;
  return { chunk, start, end: start + text.length, text, section: [...chunk.section], headingStart: null, coverage: 1, fit: 1, score: 1 };
};
const answer = (text: string) =>
  composeAnswer({ parts: [{ docId: 'nd-12', kind: 'passages', evidence: [quote(text)] }], language: 'vi', documents, metaOf: () => source.meta }).answer;

const RATES = `Số: 13/2025/NĐ-CP

NGHỊ ĐỊNH

Quy định mức hỗ trợ

**Điều 5. Mức hỗ trợ vật nuôi**

a) Gia cầm đến 28 ngày tuổi, hỗ trợ từ 15.000 đồng/con đến 30.000 đồng/con.

c) Lợn đến 28 ngày tuổi, hỗ trợ từ 500.000 đồng/con đến 600.000 đồng/con.
`;

describe('composeAnswer: the answer first', () => {
  it("opens with the value of the best quote, not of the first in reading order", () => {
    const rates: SourceDocument = { meta: { id: 'nd-13', type: 'Nghị định', number: '13/2025/NĐ-CP', title: 'Nghị định quy định mức hỗ trợ', sourceFile: 'y.txt' }, text: RATES, hash: '' };
    const rateChunks = chunkDocument(rates);
    const at = (text: string, score: number): Evidence => {
      const start = RATES.indexOf(text);
      const chunk = rateChunks.find((candidate) => candidate.start <= start && start < candidate.end)!;
      return { chunk, start, end: start + text.length, text, section: [...chunk.section], headingStart: null, coverage: 1, fit: 1, score };
    };
    const poultry = at('a) Gia cầm đến 28 ngày tuổi, hỗ trợ từ 15.000 đồng/con đến 30.000 đồng/con.', 0.4);
    const pigs = at('c) Lợn đến 28 ngày tuổi, hỗ trợ từ 500.000 đồng/con đến 600.000 đồng/con.', 0.43);
    const result = composeAnswer({
      parts: [{ docId: 'nd-13', kind: 'passages', evidence: [poultry, pigs] }],
      language: 'vi',
      documents: { document: () => rates, chunksOf: () => rateChunks, outline: () => outlineOf(rates) },
      metaOf: () => rates.meta,
      slot: { kind: 'money' },
    });
    expect(result.answer.split('\n')[0]).toContain('Từ 500.000 đồng/con đến 600.000 đồng/con');
  });
});

describe('composeAnswer', () => {
  it("cites a clause by its article, with the article's title when the quote does not start with it", () => {
    expect(answer('2. Sử dụng giấy tờ không hợp pháp để được bổ nhiệm vào chức vụ.')).toContain(
      'Theo khoản 2 Điều 10 Nghị định 12/2025/NĐ-CP (Áp dụng hình thức kỷ luật cách chức): “2. Sử dụng giấy tờ',
    );
    expect(answer('Điều 10. Áp dụng hình thức kỷ luật cách chức')).not.toContain('(Áp dụng');
  });
});

describe('composeAnswer: quotes from several articles', () => {
  it('cites each quote by its own article and title when they come from different articles', () => {
    const text = `Số: 14/2025/NĐ-CP\n\nNGHỊ ĐỊNH\n\nQuy định xử lý kỷ luật\n\n**Điều 3. Các trường hợp chưa xem xét xử lý kỷ luật**\n\n1. Đang nghỉ phép.\n\n2. Đang bị tạm giam chờ kết luận.\n\n**Điều 9. Chế độ trong thời gian bị tạm giam**\n\nĐược hưởng 50% mức lương hiện hưởng.\n`;
    const doc: SourceDocument = { meta: { id: 'nd-14', type: 'Nghị định', number: '14/2025/NĐ-CP', title: 'Nghị định quy định xử lý kỷ luật', sourceFile: 'w.txt' }, text, hash: '' };
    const docChunks = chunkDocument(doc);
    const at = (item: string): Evidence => {
      const start = text.indexOf(item);
      const chunk = docChunks.find((candidate) => candidate.start <= start && start < candidate.end)!;
      return { chunk, start, end: start + item.length, text: item, section: [...chunk.section], headingStart: null, coverage: 1, fit: 1, score: 1 };
    };
    const reader = { document: () => doc, chunksOf: () => docChunks, outline: () => outlineOf(doc) };
    const { answer } = composeAnswer({ parts: [{ docId: 'nd-14', kind: 'passages', evidence: [at('2. Đang bị tạm giam chờ kết luận.'), at('Được hưởng 50% mức lương hiện hưởng.')] }], language: 'vi', documents: reader, metaOf: () => doc.meta });
    expect(answer).toContain('Theo Nghị định 14/2025/NĐ-CP: khoản 2 Điều 3 (Các trường hợp chưa xem xét xử lý kỷ luật): “2. Đang bị tạm giam');
    expect(answer).toContain('Điều 9 (Chế độ trong thời gian bị tạm giam): “Được hưởng 50%');
    // Side by side with another document, each quote keeps its article.
    const both = { document: (id: string) => (id === 'nd-14' ? doc : source), chunksOf: (id: string) => (id === 'nd-14' ? docChunks : chunks), outline: (id: string) => outlineOf(id === 'nd-14' ? doc : source) };
    const sideBySide = composeAnswer({
      parts: [{ docId: 'nd-14', kind: 'passages', evidence: [at('Được hưởng 50% mức lương hiện hưởng.')] }, { docId: 'nd-12', kind: 'passages', evidence: [quote('2. Sử dụng giấy tờ không hợp pháp để được bổ nhiệm vào chức vụ.')] }],
      language: 'vi',
      documents: both,
      metaOf: (id) => (id === 'nd-14' ? doc.meta : source.meta),
    }).answer;
    expect(sideBySide).toContain('- Nghị định 14/2025/NĐ-CP: Điều 9 (Chế độ trong thời gian bị tạm giam): “Được hưởng');
    expect(sideBySide).toContain('- Nghị định 12/2025/NĐ-CP: khoản 2 Điều 10 (Áp dụng hình thức kỷ luật cách chức): “2. Sử dụng');
  });
});

describe('composeAnswer: an attached instrument', () => {
  it('cites an article of the regulation a decision attaches as that regulation\'s, not the decision\'s', () => {
    const text = `Số: 78/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nBan hành Quy chế tiếp nhận phản ánh\n\n**Điều 1.** Ban hành kèm theo Quyết định này Quy chế tiếp nhận phản ánh.\n\n**TM. ỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n**Nguyễn Văn A**\n\n**QUY CHẾ**\n\nTIẾP NHẬN PHẢN ÁNH KIẾN NGHỊ\n\n*(Ban hành kèm theo Quyết định số 78/2025/QĐ-UBND)*\n\n**Điều 12. Trách nhiệm của Sở Khoa học và Công nghệ**\n\n1. Hằng năm lập dự toán kinh phí bảo trì ứng dụng.\n`;
    const doc: SourceDocument = { meta: { id: 'qd-78', type: 'Quyết định', number: '78/2025/QĐ-UBND', title: 'Quyết định ban hành quy chế', sourceFile: 'z.txt' }, text, hash: '' };
    const docChunks = chunkDocument(doc);
    const item = '1. Hằng năm lập dự toán kinh phí bảo trì ứng dụng.';
    const start = text.indexOf(item);
    const chunk = docChunks.find((candidate) => candidate.start <= start && start < candidate.end)!;
    const evidence: Evidence = { chunk, start, end: start + item.length, text: item, section: [...chunk.section], headingStart: null, coverage: 1, fit: 1, score: 1 };
    const reader = { document: () => doc, chunksOf: () => docChunks, outline: () => outlineOf(doc) };
    const compose = (language: 'vi' | 'en') => composeAnswer({ parts: [{ docId: 'qd-78', kind: 'passages', evidence: [evidence] }], language, documents: reader, metaOf: () => doc.meta }).answer;
    expect(compose('vi')).toContain('Theo khoản 1 Điều 12 Quy chế kèm theo Quyết định 78/2025/QĐ-UBND (Trách nhiệm của Sở Khoa học và Công nghệ): “1. Hằng năm');
    expect(compose('en')).toContain('of the Regulation attached to Decision 78/2025/QĐ-UBND');
  });
});

describe('composeAnswer: lists', () => {
  const items = (count: number) => Array.from({ length: count }, (_, i) => `${i + 1}. Nguyên tắc thứ ${i + 1} của quy chế.`);
  const listAnswer = (count: number, part: Partial<AnswerPart> = { layout: 'list' }) => {
    const text = `Số: 5/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\n\nBan hành quy chế\n\n**Điều 4. Nguyên tắc**\n\n${items(count).join('\n\n')}\n`;
    const doc: SourceDocument = { meta: { id: 'qd-5', type: 'Quyết định', number: '5/2025/QĐ-UBND', title: 'Quyết định ban hành quy chế', sourceFile: 'y.txt' }, text, hash: '' };
    const docChunks = chunkDocument(doc);
    const evidence = items(count).map((item): Evidence => {
      const start = text.indexOf(item);
      const chunk = docChunks.find((candidate) => candidate.start <= start && start < candidate.end)!;
      return { chunk, start, end: start + item.length, text: item, section: [...chunk.section], headingStart: null, coverage: 1, fit: 1, score: 1 };
    });
    const reader = { document: () => doc, chunksOf: () => docChunks, outline: () => outlineOf(doc) };
    return composeAnswer({ parts: [{ docId: 'qd-5', kind: 'passages', ...part, evidence }], language: 'vi', documents: reader, metaOf: () => doc.meta }).answer;
  };

  it('never hides a single item behind "và 1 nội dung khác", and counts the items beyond its room', () => {
    const seven = listAnswer(7);
    expect(seven).toContain('7. Nguyên tắc thứ 7');
    expect(seven).not.toContain('nội dung khác');
    // A section's items have a list's room too.
    const twelve = listAnswer(12);
    expect(twelve).toContain('10. Nguyên tắc thứ 10');
    expect(twelve).not.toContain('11. Nguyên tắc thứ 11');
    expect(twelve).toContain('và 2 nội dung khác');
  });

  it('quotes the items of a list asked for up to a list\'s length, and counts the rest', () => {
    const asked = listAnswer(12, { items: true });
    expect(asked).toContain('10. Nguyên tắc thứ 10');
    expect(asked).not.toContain('11. Nguyên tắc thứ 11');
    expect(asked).toContain('và 2 nội dung khác');
    // Passages that are no list asked for keep the usual room, and are not counted as items.
    const passages = listAnswer(9, {});
    expect(passages).toContain('6. Nguyên tắc thứ 6');
    expect(passages).not.toContain('7. Nguyên tắc thứ 7');
    expect(passages).not.toContain('nội dung khác');
  });
});

describe('composeAnswer: task cards', () => {
  const PLAN = `KẾ HOẠCH

Tạo lập dữ liệu năm 2025

I. MỤC ĐÍCH

1. Thời gian thực hiện: Từ năm 2025 đến năm 2026.

II. NHIỆM VỤ

1. Về an toàn thông tin

a) Nhiệm vụ: Triển khai các phương án bảo đảm an toàn thông tin cho các cơ sở dữ liệu.

b) Cơ quan thực hiện: Công an Thành phố chủ trì.

c) Thời gian thực hiện: Thực hiện thường xuyên.

2. Về đào tạo

a) Nhiệm vụ: Bồi dưỡng kỹ năng số cho cán bộ, công chức.

b) Cơ quan thực hiện: Sở Nội vụ chủ trì.

c) Thời gian thực hiện: Thực hiện thường xuyên.
`;
  const doc: SourceDocument = { meta: { id: 'kh-1', type: 'Kế hoạch', number: '1/KH-UBND', title: 'Kế hoạch tạo lập dữ liệu năm 2025', sourceFile: 'z.txt' }, text: PLAN, hash: '' };
  const docChunks = chunkDocument(doc);
  const reader = { document: () => doc, chunksOf: () => docChunks, outline: () => outlineOf(doc) };
  const at = (text: string, from = 0): Evidence => {
    const start = PLAN.indexOf(text, from);
    const chunk = docChunks.find((candidate) => candidate.start <= start && start < candidate.end)!;
    const section = outlineOf(doc).filter((entry) => entry.start <= start && start < entry.end).map((entry) => entry.title);
    return { chunk, start, end: start + text.length, text, section, headingStart: null, coverage: 1, fit: 1, score: 1 };
  };
  const compose = (evidence: Evidence[]) => composeAnswer({ parts: [{ docId: 'kh-1', kind: 'passages', evidence }], language: 'vi', documents: reader, metaOf: () => doc.meta }).answer;

  it('names the task a field of its card belongs to, once for quotes of one card in a row', () => {
    const field = 'c) Thời gian thực hiện: Thực hiện thường xuyên.';
    const answer = compose([at(field), at(field, PLAN.indexOf('2. Về đào tạo'))]);
    expect(answer).toContain('(1. Về an toàn thông tin) “c) Thời gian thực hiện');
    expect(answer).toContain('(2. Về đào tạo) “c) Thời gian thực hiện');
    const sameCard = compose([at('b) Cơ quan thực hiện: Công an Thành phố chủ trì.'), at(field)]);
    expect(sameCard.match(/\(1\. Về an toàn thông tin\)/g)).toHaveLength(1);
  });

  it('adds nothing to a passage that is no field of a task, nor to the plan\'s own time under a part of it', () => {
    expect(compose([at('a) Nhiệm vụ: Triển khai các phương án bảo đảm an toàn thông tin cho các cơ sở dữ liệu.')])).not.toContain('(1. Về an toàn thông tin)');
    expect(compose([at('1. Thời gian thực hiện: Từ năm 2025 đến năm 2026.')])).not.toContain('(I. MỤC ĐÍCH)');
  });
});
