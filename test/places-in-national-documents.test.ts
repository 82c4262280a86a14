// A place named beside a national document is what to look for in it, not the document's own locality.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const DECISION = `THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 2701/QĐ-TTg
Hà Nội, ngày 03 tháng 12 năm 2025

QUYẾT ĐỊNH
Về việc bổ sung có mục tiêu từ ngân sách trung ương cho các địa phương năm 2025 (đợt 2)

THỦ TƯỚNG CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Theo đề nghị của Bộ trưởng Bộ Tài chính.

QUYẾT ĐỊNH:

Điều 1. Bổ sung có mục tiêu từ ngân sách trung ương cho ba địa phương số tiền 300 tỷ đồng để sửa chữa, cải tạo trụ sở làm việc cấp xã.

Điều 2. Mức bổ sung cho từng địa phương như sau:
- Tỉnh Đắk Lắk: 114.400 triệu đồng;
- Tỉnh Khánh Hòa: 29.400 triệu đồng;
- Tỉnh Lâm Đồng: 156.200 triệu đồng.

Điều 3. Ủy ban nhân dân các tỉnh nêu tại Điều 2 sử dụng kinh phí được bổ sung đúng mục đích, hiệu quả.

Điều 4. Mức trợ cấp ngày công lao động của dân quân do các tỉnh quyết định, nhưng không thấp hơn 327.600 đồng.

Điều 5. Quyết định này có hiệu lực kể từ ngày ký ban hành.

THỦ TƯỚNG
Nguyễn Văn A
`;

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 125/KH-UBND
Đắk Lắk, ngày 10 tháng 11 năm 2025

KẾ HOẠCH
Sửa chữa trụ sở làm việc cấp xã năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm cơ sở vật chất cho chính quyền cấp xã sau sắp xếp đơn vị hành chính.

II. KINH PHÍ
Kinh phí thực hiện từ ngân sách tỉnh là 2.000 triệu đồng và nguồn bổ sung có mục tiêu của trung ương.

III. TỔ CHỨC THỰC HIỆN
Sở Tài chính tham mưu phân bổ kinh phí cho các xã trước ngày 31/12/2025.
- Đợt 01: Sở Xây dựng kiểm tra hiện trạng trụ sở trong 10 ngày làm việc.
- Đợt 02 dự kiến: Sở Xây dựng nghiệm thu
trong 03 ngày làm việc sau khi sửa chữa xong.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn B
`;

// A plan that counts those on a monthly allowance but gives no amount: a question on the amount goes to national documents.
const COUNTING_PLAN = `ỦY BAN NHÂN DÂN
TỈNH VĨNH LONG
-------
Số: 88/KH-UBND
Vĩnh Long, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Chăm sóc người có công với cách mạng năm 2025

I. TÌNH HÌNH
Toàn tỉnh có 2.226 người có công đang hưởng trợ cấp hằng tháng.

II. NHIỆM VỤ
Sở Nội vụ rà soát, chi trả trợ cấp kịp thời, đúng đối tượng.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn C
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'quyet-dinh-2701.txt': DECISION, 'dak-lak-125.txt': PLAN, 'vinh-long-88.txt': COUNTING_PLAN });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('a place named beside a national document', () => {
  it("finds the place's line in the document named by number", async () => {
    const result = await pipeline.answerer.ask({ question: 'QĐ 2701/QĐ-TTg bổ sung cho tỉnh Đắk Lắk bao nhiêu kinh phí?' });
    expect(result.answered).toBe(true);
    expect(result.citations.map((citation) => citation.docId)).toEqual(['quyet-dinh-2701']);
    expect(result.answer.split('\n')[0]).toContain('114.400 triệu đồng');
  });

  it('does not give the total for every province as what a province the document does not list receives', async () => {
    const result = await pipeline.answerer.ask({ question: 'QĐ 2701/QĐ-TTg bổ sung cho tỉnh Vĩnh Long bao nhiêu kinh phí?' });
    expect(result.answer).not.toContain('300 tỷ đồng');
    expect(result.answered, result.answer).toBe(false);
  });

  it("still reads a place's own document without its name as evidence", async () => {
    const result = await pipeline.answerer.ask({ question: 'Kế hoạch của tỉnh Đắk Lắk dùng kinh phí từ nguồn nào?' });
    expect(result.answered).toBe(true);
    expect(result.citations[0].docId).toBe('dak-lak-125');
    expect(result.citations[0].quote).toContain('ngân sách tỉnh');
  });

  it('reads an ordinal with its word, leading zero and all: "đợt 2" is "Đợt 02", and "Điều 2" is no "đợt 3"', async () => {
    const second = await pipeline.answerer.ask({ question: 'Theo kế hoạch của tỉnh Đắk Lắk, đợt 2 nghiệm thu trong mấy ngày làm việc?' });
    expect(second.answered, second.answer).toBe(true);
    expect(second.answer).toContain('03 ngày làm việc');
    const third = await pipeline.answerer.ask({ question: 'QĐ 2701/QĐ-TTg đợt 3 bổ sung cho tỉnh Lâm Đồng bao nhiêu kinh phí?' });
    expect(third.answered).toBe(false);
  });

  it("answers with the place's row when the document's article on what it allocates covers the question", async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo QĐ 2701/QĐ-TTg, tỉnh Khánh Hòa được ngân sách trung ương bổ sung có mục tiêu bao nhiêu để sửa chữa, cải tạo trụ sở làm việc cấp xã?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer.split('\n')[0]).toContain('29.400 triệu đồng');
    expect(result.answer).not.toContain('300 tỷ đồng');
  });

  it("takes an ordinal the document's title states as stated by each of its passages", async () => {
    const result = await pipeline.answerer.ask({ question: 'QĐ 2701/QĐ-TTg đợt 2 bổ sung cho tỉnh Lâm Đồng bao nhiêu kinh phí?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('156.200 triệu đồng');
  });

  it('reads a place receiving ("tỉnh Vĩnh Long được bổ sung", "… each receive") as the place to find, never given the total', async () => {
    const absent = await pipeline.answerer.ask({ question: 'Theo QĐ 2701/QĐ-TTg, tỉnh Vĩnh Long được ngân sách trung ương bổ sung bao nhiêu kinh phí để sửa chữa trụ sở làm việc cấp xã?' });
    expect(absent.answer).not.toContain('300 tỷ đồng');
    expect(absent.answered, absent.answer).toBe(false);
    const both = await pipeline.answerer.ask({ question: 'Under Decision 2701/QĐ-TTg, how much did Khanh Hoa and Lam Dong each receive?' });
    expect(both.answer).not.toContain('300 tỷ đồng');
    expect(both.answer).toContain('29.400');
    expect(both.answer).toContain('156.200');
    // Places listed in brackets before what they receive: "các tỉnh … (Khánh Hòa, Lâm Đồng) mỗi nơi được bổ sung".
    const listed = await pipeline.answerer.ask({ question: 'Theo QĐ 2701/QĐ-TTg, các tỉnh có trụ sở làm việc cấp xã cần sửa chữa (Khánh Hòa, Lâm Đồng) mỗi nơi được ngân sách trung ương bổ sung bao nhiêu?' });
    expect(listed.answer).not.toContain('300 tỷ đồng');
    expect(listed.answer).toContain('29.400');
    expect(listed.answer).toContain('156.200');
  });

  it('answers from a national document only what the question most particularly asks: a daily allowance is no monthly one', async () => {
    const result = await pipeline.answerer.ask({ question: 'Mức trợ cấp hằng tháng cho người có công ở tỉnh Vĩnh Long là bao nhiêu đồng?' });
    expect(result.answered, result.answer).toBe(false);
    const daily = await pipeline.answerer.ask({ question: 'Mức trợ cấp ngày công lao động của dân quân ở tỉnh Vĩnh Long là bao nhiêu đồng?' });
    expect(daily.answered, daily.answer).toBe(true);
    expect(daily.answer).toContain('327.600 đồng');
  });

  it('keeps a follow-up naming a place without documents of its own on the national document the conversation was about', async () => {
    const history = [{ role: 'user' as const, content: 'QĐ 2701/QĐ-TTg bổ sung cho tỉnh Đắk Lắk bao nhiêu kinh phí?' }];
    const result = await pipeline.answerer.ask({ question: 'And how much does Lam Dong province receive?', history });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('156.200');
    // A province's plan speaks of no other province: there the place is what the collection lacks.
    const planHistory = [{ role: 'user' as const, content: 'Kế hoạch của tỉnh Đắk Lắk dùng kinh phí từ nguồn nào?' }];
    const other = await pipeline.answerer.ask({ question: 'Còn tỉnh Lâm Đồng thì sao?', history: planHistory });
    expect(other.answered, other.answer).toBe(false);
  });
});
