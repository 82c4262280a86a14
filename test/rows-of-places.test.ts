// A national decision's appendix gives each place its amount in a table whose caption states the unit: a question
// naming two places and asking which receives more is answered with both places' rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const DECISION = `THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 2702/QĐ-TTg
Hà Nội, ngày 05 tháng 12 năm 2025

QUYẾT ĐỊNH
Về việc bổ sung có mục tiêu từ ngân sách trung ương cho các địa phương để sửa chữa trụ sở cấp xã

THỦ TƯỚNG CHÍNH PHỦ

Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;
Theo đề nghị của Bộ trưởng Bộ Tài chính.

QUYẾT ĐỊNH:

Điều 1. Bổ sung có mục tiêu từ ngân sách trung ương cho các địa phương số tiền 400 tỷ đồng để sửa chữa trụ sở làm việc cấp xã (chi tiết theo Phụ lục đính kèm).

Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành.

THỦ TƯỚNG
Nguyễn Văn A

PHỤ LỤC
BỔ SUNG CÓ MỤC TIÊU TỪ NGÂN SÁCH TRUNG ƯƠNG CHO CÁC ĐỊA PHƯƠNG
(Kèm theo Quyết định số 2702/QĐ-TTg ngày 05/12/2025 của Thủ tướng Chính phủ)
Đơn vị: Triệu đồng

| STT | Địa phương | Kinh phí hỗ trợ |
|---|---|---|
| 1 | TUYÊN QUANG | 152.100 |
| 2 | BẮC NINH | 39.600 |
| 3 | NINH BÌNH | 58.200 |
| 4 | HƯNG YÊN | 55.800 |
| 5 | THANH HÓA | 94.300 |
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'quyet-dinh-2702.txt': DECISION });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('places compared in a national decision', () => {
  it('reads the place given to in a question typed without diacritics, and its row alone answers', async () => {
    const listed = await pipeline.answerer.ask({ question: 'theo qd 2702/qd-ttg tinh ninh binh duoc bo sung bao nhieu tien' });
    expect(listed.answered, listed.answer).toBe(true);
    expect(listed.answer).toContain('58.200');
    // The answer first: the row's figure in its caption's unit.
    expect(listed.answer.split('\n')[0]).toContain('58.200 triệu đồng');
    // A place the table lacks is not answered by the decision's total.
    const absent = await pipeline.answerer.ask({ question: 'theo qd 2702 tinh gia lai duoc ngan sach trung uong bo sung bao nhieu tien de sua chua tru so lam viec cap xa' });
    expect(absent.answered, absent.answer).toBe(false);
  });

  it("quotes each named place's row when asked which of them receives more", async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo Quyết định 2702/QĐ-TTg, tỉnh Ninh Bình và tỉnh Hưng Yên, tỉnh nào được ngân sách trung ương bổ sung nhiều hơn?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('58.200');
    expect(result.answer).toContain('55.800');
    expect(result.answer).not.toContain('39.600');
  });

  it('reads the places asked which receives more with no comma before "tỉnh nào", or typed without diacritics', async () => {
    for (const question of ['Theo QĐ 2702, Ninh Bình và Hưng Yên tỉnh nào được bổ sung nhiều hơn?', 'theo qd 2702 ninh binh va hung yen tinh nao duoc bo sung nhieu hon', 'theo qd 2702 ninh binh va hung yen moi tinh duoc bo sung bao nhieu']) {
      const result = await pipeline.answerer.ask({ question });
      expect(result.answered, result.answer).toBe(true);
      expect(result.answer, question).toContain('58.200');
      expect(result.answer, question).toContain('55.800');
    }
  });
});

describe('places over a bound', () => {
  it('lists every row whose amount, in the table\'s unit, passes the bound the question sets', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo QĐ 2702/QĐ-TTg, những tỉnh nào được bổ sung dưới 60 tỷ đồng?' });
    expect(result.answered, result.answer).toBe(true);
    for (const place of ['BẮC NINH', 'NINH BÌNH', 'HƯNG YÊN']) expect(result.answer).toContain(place);
    for (const place of ['TUYÊN QUANG', 'THANH HÓA']) expect(result.answer).not.toContain(place);
    expect(result.answer).toContain('Triệu đồng');
  });
});

describe('the place of the highest amount', () => {
  it('is the row of the largest figure in the table, not the total nor a row that repeats the question', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo QĐ 2702/QĐ-TTg, tỉnh nào được bổ sung nhiều nhất?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('TUYÊN QUANG');
    for (const place of ['BẮC NINH', 'THANH HÓA', 'NINH BÌNH']) expect(result.answer).not.toContain(place);
  });

  it('or the row of the figure ranked as asked ("nhiều kinh phí thứ hai", "second largest")', async () => {
    for (const question of ['Theo QĐ 2702/QĐ-TTg, sau Tuyên Quang thì tỉnh nào được bổ sung nhiều kinh phí thứ hai?', 'Under Decision 2702/QĐ-TTg, which province received the second-largest amount?']) {
      const result = await pipeline.answerer.ask({ question });
      expect(result.answered, result.answer).toBe(true);
      expect(result.answer, question).toContain('THANH HÓA');
      for (const place of ['BẮC NINH', 'NINH BÌNH', 'HƯNG YÊN']) expect(result.answer, question).not.toContain(place);
    }
  });
});
