// Near misses: questions whose words a passage shares while it states another fact than the one asked — the date a
// cited document bears for an event's date, a yearly rule for a day, another body's deadline, a fee for a fine,
// another year's plan. Each is declined; the fact asked, where a document states it, is answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const PLAN = `ỦY BAN NHÂN DÂN
HUYỆN MINH SƠN
Số: 45/KH-UBND
Minh Sơn, ngày 10 tháng 3 năm 2023

KẾ HOẠCH
Chăm sóc người cao tuổi trên địa bàn huyện Minh Sơn giai đoạn 2023 - 2025

Căn cứ Nghị định số 84/2020/NĐ-CP ngày 17 tháng 7 năm 2020 của Chính phủ quy định chi tiết một số điều của Luật Giáo dục;

I. KẾT QUẢ ĐẠT ĐƯỢC
Huyện tiếp tục thực hiện Nghị quyết số 12/NQ-HĐND ngày 05/01/2023 của Hội đồng nhân dân huyện về chăm sóc người cao tuổi.
Giai đoạn 2016 - 2020, UBND huyện ban hành các văn bản chỉ đạo như: Kế hoạch số 151/KH-UBND ngày 06/7/2020 về thực hiện Tháng hành động vì người cao tuổi năm 2020; Kế hoạch số 148/KH-UBND ngày 05/6/2017 về thực hiện Tháng hành động vì người cao tuổi năm 2017.

II. TỔ CHỨC THỰC HIỆN
1. Phòng Lao động - Thương binh và Xã hội
Chủ trì tổ chức tập huấn cho cán bộ chăm sóc người cao tuổi.
2. Các cơ sở bảo trợ xã hội
Báo cáo kết quả thực hiện về Phòng Lao động - Thương binh và Xã hội trước ngày 15/12 hằng năm.
3. Ủy ban nhân dân các xã
Định kỳ hằng năm báo cáo kết quả thực hiện về Phòng Lao động - Thương binh và Xã hội.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

CHỦ TỊCH
Trần Văn A
`;

const CIRCULAR = `BỘ TÀI CHÍNH
-------
Số: 77/2025/TT-BTC
Hà Nội, ngày 10 tháng 10 năm 2025

THÔNG TƯ
Quy định mức thu phí thẩm định cấp phép hoạt động bể bơi

Điều 1. Giải thích từ ngữ
Trong Thông tư này, các từ ngữ dưới đây được hiểu như sau:
1. Bể bơi công cộng
là bể bơi phục vụ người dân có thu tiền.
2. Bể bơi gia đình là bể bơi chỉ phục vụ các thành viên của một hộ.

Điều 2. Mức thu phí
Mức thu phí thẩm định cấp phép hoạt động bể bơi công cộng là 500.000 đồng/bể.

Điều 3. Giảm định mức
Nhân viên cứu hộ ở bể bơi có từ 28 làn trở lên được giảm 04 giờ trực/tuần.

Điều 4. Thời hạn nâng lương
Nhân viên cứu hộ bị kỷ luật được xem xét nâng lương sau 12 tháng kể từ ngày quyết định kỷ luật có hiệu lực.

Điều 5. Hiệu lực thi hành
Thông tư này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.

BỘ TRƯỞNG
Nguyễn Văn D
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'ke-hoach-45.txt': PLAN, 'thong-tu-77.txt': CIRCULAR });
}, 60_000);
afterAll(() => pipeline.cleanup());

const ask = (question: string) => pipeline.answerer.ask({ question });

describe('the date a cited document bears', () => {
  it('answers when that document was issued, never when it takes effect or when an event happens', async () => {
    const issued = await ask('Nghị định 84/2020/NĐ-CP ban hành ngày nào?');
    expect(issued.answered, issued.answer).toBe(true);
    expect(issued.answer).toContain('17 tháng 7 năm 2020');
    expect((await ask('Nghị định 84/2020/NĐ-CP có hiệu lực từ ngày nào?')).answered).toBe(false);
    expect((await ask('Ngày nào huyện Minh Sơn tổ chức hội nghị triển khai Luật Giáo dục?')).answered).toBe(false);
  });

  it('answers the type of document asked for from wherever the document cites one, not with its other legal bases', async () => {
    const result = await ask('Kế hoạch 45/KH-UBND của huyện Minh Sơn căn cứ nghị quyết nào?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('12/NQ-HĐND');
    expect(result.answer).not.toContain('84/2020/NĐ-CP');
  });

  it('is no deadline for something to be done about that document', async () => {
    const result = await ask('Huyện Minh Sơn phải tổng kết Kế hoạch số 151/KH-UBND về thực hiện Tháng hành động vì người cao tuổi trước ngày nào?');
    expect(result.answered, result.answer).toBe(false);
    expect(result.answer).not.toContain('06/7/2020');
  });

  it("answers a cited document's number and date asked together", async () => {
    const result = await ask("The Minh Son plan cites a Government decree on the Education Law. What is that decree's number and date?");
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('84/2020/NĐ-CP');
    expect(result.answer).toContain('17 tháng 7 năm 2020');
  });

  it('names a cited plan of the year asked, and no plan of another year', async () => {
    const named = await ask('Kế hoạch tháng hành động vì người cao tuổi năm 2020 của huyện Minh Sơn là kế hoạch số mấy?');
    expect(named.answered, named.answer).toBe(true);
    expect(named.answer).toContain('151/KH-UBND');
    const other = await ask('Kế hoạch tháng hành động vì người cao tuổi năm 2018 của huyện Minh Sơn là kế hoạch số mấy?');
    expect(other.answer).not.toContain('148/KH-UBND');
    expect(other.answer).not.toContain('151/KH-UBND');
  });
});

describe('who leads', () => {
  it('is answered only by a passage saying who leads, not by one naming a body that reports', async () => {
    const none = await ask('Theo kế hoạch của huyện Minh Sơn, cơ quan nào chủ trì báo cáo kết quả thực hiện hằng năm?');
    expect(none.answered, none.answer).toBe(false);
    const leads = await ask('Theo kế hoạch của huyện Minh Sơn, cơ quan nào chủ trì tập huấn cho cán bộ chăm sóc người cao tuổi?');
    expect(leads.answered, leads.answer).toBe(true);
    expect(leads.answer).toContain('Phòng Lao động - Thương binh và Xã hội');
  });
});

describe('when a rule takes or ceases to take effect', () => {
  it('does not answer when a document ceases to take effect with when it takes effect', async () => {
    const result = await ask('Thông tư 77/2025/TT-BTC hết hiệu lực khi nào?');
    expect(result.answer).not.toContain('01 tháng 12 năm 2025');
  });
});

describe('deadlines', () => {
  it("does not give another body's deadline, nor a yearly rule, for the day a body must report", async () => {
    const result = await ask('Theo kế hoạch của huyện Minh Sơn, UBND các xã phải gửi báo cáo trước ngày nào?');
    expect(result.answer).not.toContain('15/12');
    expect(result.answered).toBe(false);
  });
});

describe('a question of two parts', () => {
  it('does not answer a part that only asks how long, after a part no document answers', async () => {
    const result = await ask('Thủ tục đăng ký kết hôn gồm những giấy tờ gì? Mất bao lâu?');
    expect(result.answered, result.answer).toBe(false);
    expect(result.answer).not.toContain('12 tháng');
  });

  it('does not answer a later part about what the unanswered first part is about, however many words it has', async () => {
    const result = await ask('Giấy phép lái xe được cấp ở đâu và sau bao lâu thì được xem xét cấp lại?');
    expect(result.answered, result.answer).toBe(false);
    expect(result.answer).not.toContain('12 tháng');
  });
});

describe('kinds of amount and terms', () => {
  it('does not answer a fine with a fee, and answers the fee', async () => {
    expect((await ask('Theo Thông tư 77/2025/TT-BTC, mở bể bơi công cộng khi chưa được cấp phép thì bị phạt bao nhiêu tiền?')).answered).toBe(false);
    const fee = await ask('Theo Thông tư 77/2025/TT-BTC, phí thẩm định cấp phép bể bơi công cộng là bao nhiêu?');
    expect(fee.answered, fee.answer).toBe(true);
    expect(fee.answer).toContain('500.000 đồng/bể');
  });

  it('answers for a figure the question states with the band it lies in, and not outside it', async () => {
    const inside = await ask('Theo Thông tư 77/2025/TT-BTC, nhân viên cứu hộ ở bể bơi có 30 làn được giảm bao nhiêu giờ trực?');
    expect(inside.answered, inside.answer).toBe(true);
    expect(inside.answer).toContain('04 giờ');
    expect((await ask('Theo Thông tư 77/2025/TT-BTC, nhân viên cứu hộ ở bể bơi có 12 làn được giảm bao nhiêu giờ trực?')).answered).toBe(false);
  });

  it('does not give the figure set for one case for another the question names in phrases of the collection', async () => {
    // "Cán bộ chăm sóc người cao tuổi" is no lifeguard, though both may work at a pool.
    const other = await ask('Theo Thông tư 77/2025/TT-BTC, cán bộ chăm sóc người cao tuổi ở bể bơi được giảm bao nhiêu giờ trực?');
    expect(other.answered, other.answer).toBe(false);
  });

  it("over the whole collection, takes no passage sharing little of the question and not what it most asks", async () => {
    const result = await ask('Sau bao lâu người bị kỷ luật được bổ nhiệm lại vào chức vụ lãnh đạo?');
    expect(result.answer).not.toContain('12 tháng');
    const asked = await ask('Sau bao lâu nhân viên cứu hộ bị kỷ luật được xem xét nâng lương?');
    expect(asked.answered, asked.answer).toBe(true);
    expect(asked.answer).toContain('12 tháng');
  });

  it('answers what a term means from the article that explains the terms', async () => {
    const result = await ask('Theo Thông tư 77/2025/TT-BTC, "bể bơi công cộng" là gì?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('phục vụ người dân có thu tiền');
    const both = await ask('Theo Thông tư 77/2025/TT-BTC, "bể bơi công cộng" và "bể bơi gia đình" được hiểu là gì?');
    expect(both.answer).toContain('phục vụ người dân có thu tiền');
    expect(both.answer).toContain('chỉ phục vụ các thành viên của một hộ');
  });
});
