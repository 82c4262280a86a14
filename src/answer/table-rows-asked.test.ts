import { describe, expect, it } from 'vitest';
import { askedRows, askedThreshold, tableRowsAsked } from './table-rows-asked.js';

describe('askedThreshold', () => {
  it('reads the bound a question asking which rows sets on a sum or a share', () => {
    expect(askedThreshold('Những tỉnh nào được bổ sung trên 150 tỷ đồng?')).toEqual({ op: '>', value: 150e9, kind: 'money' });
    expect(askedThreshold('nhung xa nao duoc cap duoi 500 trieu dong')).toEqual({ op: '<', value: 500e6, kind: 'money' });
    expect(askedThreshold('Tỉnh nào được từ 100 tỷ đồng trở lên?')).toEqual({ op: '>=', value: 100e9, kind: 'money' });
    expect(askedThreshold('Which provinces received more than 1,500 billion VND?')).toEqual({ op: '>', value: 1500e9, kind: 'money' });
    expect(askedThreshold('Những huyện nào có tỷ lệ hộ nghèo dưới 5%?')).toEqual({ op: '<', value: 5, kind: 'percent' });
  });

  it('reads none from a period, a count of people, or a question asking no rows', () => {
    expect(askedThreshold('Từ năm 2021 kế hoạch có những nội dung nào?')).toBeNull();
    expect(askedThreshold('Những xã nào có hơn 10 người cao tuổi?')).toBeNull();
    expect(askedThreshold('Tỉnh được bổ sung trên 150 tỷ đồng để làm gì?')).toBeNull();
  });
});

describe('tableRowsAsked', () => {
  const flattened = [
    '*Đơn vị: Triệu đồng*',
    '|', '**STT**', '|', '**Địa phương**', '|', '**Kinh phí**', '|', '|',
    '|', '**TỔNG**', '|', '**320.000**', '|', '|',
    '1', '|', 'TUYÊN QUANG', '|', '152.100', '|', '|',
    '2', '|', 'CAO BẰNG', '|', '68.900', '|', '|',
    '3', '|', 'HUẾ', '|', '11.400',
  ].join('\n');

  it('keeps the rows whose figure, in the caption\'s unit, passes the bound, with the caption', () => {
    const [group] = tableRowsAsked(flattened, { bound: { op: '<', value: 100e9, kind: 'money' } });
    expect(flattened.slice(group.caption!.start, group.caption!.end)).toBe('Đơn vị: Triệu đồng');
    expect(group.rows.map((row) => flattened.slice(row.start, row.end))).toEqual(['2\n|\nCAO BẰNG\n|\n68.900', '3\n|\nHUẾ\n|\n11.400']);
  });

  it('reads a Word table\'s Markdown rows too, never the row of totals', () => {
    const markdown = 'Đơn vị tính: triệu đồng\n\n| STT | Địa phương | Kinh phí |\n|---|---|---|\n| | Tổng | 320.000 |\n| 1 | Tuyên Quang | 152.100 |\n| 2 | Cao Bằng | 68.900 |';
    const [group] = tableRowsAsked(markdown, { bound: { op: '>', value: 100e9, kind: 'money' } });
    expect(group.rows.map((row) => markdown.slice(row.start, row.end))).toEqual(['1 | Tuyên Quang | 152.100']);
  });

  it('ends the last row before the prose the table runs into', () => {
    const glued = `${flattened}\n|\nQuyết định 12/QĐ-TTg năm 2025 bổ sung có mục tiêu từ ngân sách trung ương cho ngân sách các địa phương để bảo đảm cơ sở vật chất phục vụ sắp xếp bộ máy`;
    const [group] = tableRowsAsked(glued, { places: ['Huế'] });
    expect(group.rows.map((row) => glued.slice(row.start, row.end))).toEqual(['3\n|\nHUẾ\n|\n11.400']);
  });

  it('keeps the rows of the places compared, in capitals or not', () => {
    const [group] = tableRowsAsked(flattened, { places: ['Cao Bằng', 'Huế'] });
    expect(group.rows.map((row) => flattened.slice(row.start, row.end))).toEqual(['2\n|\nCAO BẰNG\n|\n68.900', '3\n|\nHUẾ\n|\n11.400']);
    expect(tableRowsAsked(flattened, { places: ['Đà Nẵng', 'Cần Thơ'] })).toEqual([]);
  });

  it('finds none where the unit is unknown or a row holds several figures', () => {
    expect(tableRowsAsked(flattened.replace('*Đơn vị: Triệu đồng*', ''), { bound: { op: '<', value: 100e9, kind: 'money' } })).toEqual([]);
    const twoFigures = 'Đơn vị: Triệu đồng\n\n| STT | Địa phương | Năm 2025 | Năm 2026 |\n| 1 | Cao Bằng | 68.900 | 70.000 |';
    expect(tableRowsAsked(twoFigures, { bound: { op: '>', value: 1e9, kind: 'money' } })).toEqual([]);
  });
});

describe('askedRows', () => {
  it('asks the rows past a bound, or those of the highest or lowest figure', () => {
    expect(askedRows('Những tỉnh nào được bổ sung trên 150 tỷ đồng?')).toEqual({ bound: { op: '>', value: 150e9, kind: 'money' } });
    expect(askedRows('Theo QĐ 2639, địa phương nào được bổ sung nhiều nhất?')).toEqual({ extreme: 'max', rank: 1 });
    expect(askedRows('Which province received the least?')).toEqual({ extreme: 'min', rank: 1 });
    expect(askedRows('tinh nao duoc bo sung it nhat')).toEqual({ extreme: 'min', rank: 1 });
    // A rank asked: "nhiều (kinh phí) thứ hai", "the second largest".
    expect(askedRows('Sau Thanh Hóa, địa phương nào được bổ sung nhiều kinh phí thứ hai?')).toEqual({ extreme: 'max', rank: 2 });
    expect(askedRows('Which province received the second-largest amount?')).toEqual({ extreme: 'max', rank: 2 });
    expect(askedRows('tinh nao duoc bo sung it thu ba')).toEqual({ extreme: 'min', rank: 3 });
  });

  it('asks the rows of two places or more the question compares', () => {
    expect(askedRows('Theo QĐ 12, Cao Bằng và Huế tỉnh nào được bổ sung nhiều hơn?', ['Cao Bằng', 'Huế'])).toEqual({ places: ['Cao Bằng', 'Huế'] });
    expect(askedRows('Which got more, Cao Bang or Hue, and how much did each receive?', ['Cao Bang', 'Hue'])).toEqual({ places: ['Cao Bang', 'Hue'] });
    expect(askedRows('Cao Bằng và Huế cùng phải báo cáo trước ngày nào?', ['Cao Bằng', 'Huế'])).toBeNull();
    expect(askedRows('Huế được bổ sung nhiều hơn năm trước không?', ['Huế'])).toBeNull();
  });

  it('asks no rows for "at least" a figure without a bound of money or share, or a question asking which of nothing', () => {
    expect(askedRows('Những xã nào có ít nhất 10 người cao tuổi?')).toBeNull();
    expect(askedRows('Kế hoạch đặt mục tiêu cao nhất là gì?')).toBeNull();
  });
});

describe('tableRowsAsked: the highest or lowest', () => {
  const table = 'Đơn vị: Triệu đồng\n\n| STT | Địa phương | Kinh phí |\n|---|---|---|\n| | Tổng | 320.000 |\n| 1 | Tuyên Quang | 152.100 |\n| 2 | Cao Bằng | 68.900 |\n| 3 | Huế | 11.400 |';

  it('keeps the row of the highest or the lowest figure of the table, never its total', () => {
    const rows = (extreme: 'max' | 'min', rank = 1) => tableRowsAsked(table, { extreme, rank }).flatMap((group) => group.rows.map((row) => table.slice(row.start, row.end)));
    expect(rows('max')).toEqual(['1 | Tuyên Quang | 152.100']);
    expect(rows('min')).toEqual(['3 | Huế | 11.400']);
    expect(rows('max', 2)).toEqual(['2 | Cao Bằng | 68.900']);
  });

  it('compares no figures across tables of different captions', () => {
    const two = `${table}\n\nĐơn vị tính: người\n\n| STT | Địa phương | Số người |\n|---|---|---|\n| 1 | Cao Bằng | 212.500 |`;
    expect(tableRowsAsked(two, { extreme: 'max', rank: 1 })).toEqual([]);
  });
});
