// Sections a question names: a list question asking for "the requirements" or "the purposes" of a plan is answered
// with every item of the section so headed, a body's role with the section headed by that body; and the near misses
// beside them — a term only used, not explained; a ward's figure given by the city's; a price by another figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const PLAN = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI LONG
Số: 212/KH-UBND
Hải Long, ngày 05 tháng 11 năm 2025

KẾ HOẠCH
Chi trả trợ cấp xã hội qua tài khoản trên địa bàn thành phố Hải Long năm 2026

Để triển khai chi trả trợ cấp xã hội qua tài khoản trên địa bàn thành phố Hải Long năm 2026 đồng bộ, hiệu quả, Ủy ban
nhân dân thành phố ban hành Kế hoạch chi trả trợ cấp xã hội qua tài khoản với các nội dung như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của người hưởng trợ cấp về lợi ích của thanh toán không dùng tiền mặt.
- Giảm thời gian đi lại của người cao tuổi khi nhận trợ cấp hằng tháng.
- Bảo đảm công khai, minh bạch trong chi trả.
2. Yêu cầu
- Bám sát chỉ đạo của Ủy ban nhân dân thành phố, phân công cụ thể cho từng đơn vị.
- Không để người hưởng nhận chậm trợ cấp quá 05 ngày.

II. CHỈ TIÊU
Đến hết năm 2026, 90% người hưởng trợ cấp xã hội trên địa bàn thành phố nhận trợ cấp qua tài khoản, trong đó
người cao tuổi được mở tài khoản miễn phí tại quầy giao dịch.

III. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
Chủ trì hướng dẫn, kiểm tra việc mở tài khoản cho người hưởng trợ cấp; tổng hợp kết quả thực hiện.
2. Sở Nội vụ
Phối hợp Sở Y tế thẩm định hồ sơ khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc.
Trình Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen theo quy định.
3. Ủy ban nhân dân các phường, xã
Lập danh sách người hưởng trợ cấp chưa có tài khoản, gồm cả người được ủy quyền nhận thay.

IV. KHEN THƯỞNG
a) Đối tượng khen thưởng:
- Tập thể: Ủy ban nhân dân các phường, xã hoàn thành chỉ tiêu trước thời hạn.
- Cá nhân: Nhân viên bưu điện trực tiếp mở tài khoản tại nhà cho người cao tuổi.

V. PHƯƠNG ÁN TRIỂN KHAI
- Tuyên truyền, vận động người hưởng trợ cấp mở tài khoản.
- Mở tài khoản tại nhà cho người cao tuổi, người khuyết tật.
- Kiểm tra, giám sát việc chi trả hằng tháng.

Chi trả trợ cấp qua tài khoản là nhiệm vụ trọng tâm; đề nghị các đơn vị khẩn trương thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.

CHỦ TỊCH
Lê Văn B
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'ke-hoach-212.txt': PLAN });
}, 60_000);
afterAll(() => pipeline.cleanup());

const ask = (question: string) => pipeline.answerer.ask({ question });

describe('a section named by its heading', () => {
  it('answers "what are the requirements" with every item of the section so headed, in either language', async () => {
    for (const question of [
      'Kế hoạch chi trả trợ cấp xã hội qua tài khoản năm 2026 của thành phố Hải Long đặt ra những yêu cầu gì?',
      "What are the requirements of Hai Long city's 2026 plan 212/KH-UBND on paying social allowances into accounts?",
    ]) {
      const result = await ask(question);
      expect(result.answered, result.answer).toBe(true);
      expect(result.answer).toContain('phân công cụ thể cho từng đơn vị');
      expect(result.answer).toContain('quá 05 ngày');
      expect(result.answer).not.toContain('minh bạch trong chi trả');
    }
  });

  it("answers a body's role with every item of the section that body heads", async () => {
    const result = await ask('Trong kế hoạch chi trả trợ cấp xã hội qua tài khoản năm 2026 của thành phố Hải Long, Sở Nội vụ có vai trò gì?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('thẩm định hồ sơ khen thưởng');
    expect(result.answer).toContain('tặng Bằng khen');
    expect(result.answer).not.toContain('Chủ trì hướng dẫn, kiểm tra');
  });
});

describe('an item labelled with what a list question asks for', () => {
  it('comes first ("những cá nhân nào" → "- Cá nhân: …"), with the line introducing its list', async () => {
    const result = await ask('Những cá nhân nào được khen thưởng theo kế hoạch chi trả trợ cấp của thành phố Hải Long?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('Nhân viên bưu điện trực tiếp mở tài khoản');
    expect(result.answer).toContain('Đối tượng khen thưởng');
    expect(result.answer).not.toContain('thẩm định hồ sơ khen thưởng');
  });
});

describe('near misses beside them', () => {
  it('does not take a sentence using a term for what the term means', async () => {
    expect((await ask('Theo Kế hoạch 212/KH-UBND, thế nào là “người được ủy quyền nhận thay”?')).answered).toBe(false);
  });

  it("does not give the city's share for a ward's", async () => {
    expect((await ask('Theo Kế hoạch 212/KH-UBND, phường Bến Sỏi đã có bao nhiêu phần trăm người hưởng trợ cấp nhận qua tài khoản?')).answered).toBe(false);
    const city = await ask('Theo Kế hoạch 212/KH-UBND, đến hết năm 2026 bao nhiêu phần trăm người hưởng trợ cấp nhận qua tài khoản?');
    expect(city.answered, city.answer).toBe(true);
    expect(city.answer).toContain('90%');
  });

  it('does not answer a price with a figure of another kind', async () => {
    expect((await ask('mo tai khoan nhan tro cap o quay giao dich gia bao nhieu')).answered).toBe(false);
  });
});

describe('an English question giving the documents\' own word in brackets', () => {
  it('is read as English, and answered only from a passage holding that word', async () => {
    const result = await ask("In plan 212/KH-UBND, what is the Department of Home Affairs (Sở Nội vụ) asked to do?");
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toMatch(/^According to|^In short|^The|^Plan/u);
    expect((await ask('In plan 212/KH-UBND, what is the provincial Border Guard (Bộ đội Biên phòng tỉnh) asked to do?')).answered).toBe(false);
  });
});

describe('a section named by the first words of a long opening', () => {
  it('is quoted item by item after "Theo <document>,", without the paragraph closing it', async () => {
    const result = await ask('Theo KH 212 của Hải Long, phương án triển khai chi trả trợ cấp xã hội qua tài khoản gồm những bước nào?');
    expect(result.answered, result.answer).toBe(true);
    for (const item of ['Tuyên truyền, vận động', 'Mở tài khoản tại nhà', 'Kiểm tra, giám sát']) expect(result.answer).toContain(item);
    expect(result.answer).not.toContain('khẩn trương');
  });
});
