import { describe, expect, it } from 'vitest';
import { askedThreshold, rowsOverThreshold } from './rows-over-threshold.js';

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

describe('rowsOverThreshold', () => {
  const flattened = [
    '*Đơn vị: Triệu đồng*',
    '|', '**STT**', '|', '**Địa phương**', '|', '**Kinh phí**', '|', '|',
    '|', '**TỔNG**', '|', '**320.000**', '|', '|',
    '1', '|', 'TUYÊN QUANG', '|', '152.100', '|', '|',
    '2', '|', 'CAO BẰNG', '|', '68.900', '|', '|',
    '3', '|', 'HUẾ', '|', '11.400',
  ].join('\n');

  it('keeps the rows whose figure, in the caption\'s unit, passes the bound, with the caption', () => {
    const [group] = rowsOverThreshold(flattened, { op: '<', value: 100e9, kind: 'money' });
    expect(flattened.slice(group.caption!.start, group.caption!.end)).toBe('Đơn vị: Triệu đồng');
    expect(group.rows.map((row) => flattened.slice(row.start, row.end))).toEqual(['2\n|\nCAO BẰNG\n|\n68.900', '3\n|\nHUẾ\n|\n11.400']);
  });

  it('reads a Word table\'s Markdown rows too, never the row of totals', () => {
    const markdown = 'Đơn vị tính: triệu đồng\n\n| STT | Địa phương | Kinh phí |\n|---|---|---|\n| | Tổng | 320.000 |\n| 1 | Tuyên Quang | 152.100 |\n| 2 | Cao Bằng | 68.900 |';
    const [group] = rowsOverThreshold(markdown, { op: '>', value: 100e9, kind: 'money' });
    expect(group.rows.map((row) => markdown.slice(row.start, row.end))).toEqual(['1 | Tuyên Quang | 152.100']);
  });

  it('finds none where the unit is unknown or a row holds several figures', () => {
    expect(rowsOverThreshold(flattened.replace('*Đơn vị: Triệu đồng*', ''), { op: '<', value: 100e9, kind: 'money' })).toEqual([]);
    const twoFigures = 'Đơn vị: Triệu đồng\n\n| STT | Địa phương | Năm 2025 | Năm 2026 |\n| 1 | Cao Bằng | 68.900 | 70.000 |';
    expect(rowsOverThreshold(twoFigures, { op: '>', value: 1e9, kind: 'money' })).toEqual([]);
  });
});
