import { describe, expect, it } from 'vitest';
import { findDeadlines } from './find-deadlines.js';
import { openLearnSource } from './learn-source.js';
import { createTestCollection, DISTRICT_PLAN, PROVINCE_PLAN } from './test-collection.js';

const deadlinesOf = async (file: string, text: string) => findDeadlines((await openLearnSource(createTestCollection({ [file]: text }), file.replace('.txt', '')))!);

describe('findDeadlines', () => {
  it('reads what is reported, by whom, to whom and by when, each with its sentence quoted verbatim', async () => {
    const rows = await deadlinesOf('an-thai.txt', PROVINCE_PLAN);
    expect(rows.map(({ citation: _citation, ...row }) => row)).toEqual([
      { kind: 'report', by: 'Sở Y tế', what: 'kết quả khám sức khỏe người cao tuổi', to: 'Ủy ban nhân dân tỉnh', when: 'trước ngày 20/6 hằng năm', due: { day: 20, month: 6 }, recurring: true },
      // "tình hình" is not a province ("tỉnh") after the recipient.
      { kind: 'report', by: 'Ủy ban nhân dân các huyện, thành phố', what: 'tình hình thực hiện Kế hoạch trên địa bàn', to: 'Sở Y tế', when: 'Định kỳ hàng năm', recurring: true },
      // Named in the sentence, the senders win over the section; the route "(qua Sở Y tế)" is part of the recipient.
      { kind: 'report', by: 'các sở, ngành', what: 'kết quả thực hiện', to: 'Ủy ban nhân dân tỉnh (qua Sở Y tế)', when: 'trước ngày 05/12 hàng năm', due: { day: 5, month: 12 }, recurring: true },
    ]);
    for (const { citation } of rows) expect(PROVINCE_PLAN.slice(citation.start, citation.end)).toBe(citation.quote);
    expect(rows[2].citation.quote).toBe('Định kỳ trước ngày 05/12 hàng năm các sở, ngành gửi báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Y tế) để tổng hợp.');
    expect(rows[0].citation.label).toBe('III › 1');
  });

  it('reads a task due on a date and a report due every six months', async () => {
    const rows = await deadlinesOf('binh-son.txt', DISTRICT_PLAN);
    expect(rows.map(({ citation: _citation, ...row }) => row)).toEqual([
      { kind: 'task', by: 'Trung tâm Y tế huyện', what: 'Hoàn thành khám sàng lọc cho trẻ em khuyết tật', when: 'trước ngày 30/9/2024', due: { day: 30, month: 9, year: 2024 }, recurring: false },
      { kind: 'report', by: 'UBND các xã, thị trấn', what: 'kết quả trợ giúp người khuyết tật', to: 'Phòng Lao động - Thương binh và Xã hội huyện', when: 'Định kỳ 6 tháng', recurring: true },
    ]);
  });

  it('reads a task due by a date only when something is to be done by then, its doer named before the verb', async () => {
    const text = `NGHỊ ĐỊNH\nVề viện trợ\n\nĐiều 5. Kế hoạch viện trợ\n\na) Trước ngày 10 tháng 12 hằng năm, Hội đồng nhân dân cấp tỉnh quyết định kế hoạch viện trợ năm sau;\n\nb) Viên chức có trình độ trung cấp phải có bằng cử nhân trước ngày 01/01/2028.\n`;
    const rows = await deadlinesOf('decree.txt', text);
    expect(rows.map(({ citation: _citation, ...row }) => row)).toEqual([
      { kind: 'task', by: 'Hội đồng nhân dân cấp tỉnh', what: 'quyết định kế hoạch viện trợ năm sau', when: 'Trước ngày 10 tháng 12 hằng năm', due: { day: 10, month: 12 }, recurring: true },
    ]);
    expect(rows[0].citation.label).toMatch(/^Điều 5/u);
  });

  it('finds nothing in a text with no report and no date due, nor in the legal bases', async () => {
    const text = `KẾ HOẠCH\nTrợ giúp xã hội\n\nCăn cứ Quyết định số 10/QĐ-UBND trước ngày 01/01/2020 báo cáo;\n\nI. TỔ CHỨC THỰC HIỆN\n\nKinh phí bố trí trong dự toán hằng năm.\n`;
    expect(await deadlinesOf('plain.txt', text)).toEqual([]);
  });
});
