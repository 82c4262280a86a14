// A share asked ("tỷ lệ hợp tác xã sử dụng hóa đơn điện tử", "what share of cooperatives issuing electronic
// invoices") is of one thing: a passage giving the share of another thing of the same kind does not answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const PLAN = `ỦY BAN NHÂN DÂN
HUYỆN MINH SƠN
Số: 46/KH-UBND
Minh Sơn, ngày 12 tháng 3 năm 2023

KẾ HOẠCH
Chuyển đổi số trong nông nghiệp trên địa bàn huyện Minh Sơn năm 2025

I. MỤC TIÊU ĐẾN NĂM 2025
- Tỷ lệ hợp tác xã ứng dụng công nghệ số trong sản xuất đạt 60%.
- Tỷ lệ hộ sản xuất nông nghiệp có tài khoản thanh toán điện tử đạt 75%.
- 100% xã có điểm hỗ trợ chuyển đổi số cộng đồng.
- Phấn đấu 90% người lao động nông thôn sau đào tạo nghề được tư vấn pháp luật về hợp đồng lao động.

II. TỔ CHỨC THỰC HIỆN
Phòng Nông nghiệp và Môi trường chủ trì, hướng dẫn các hợp tác xã thực hiện.

CHỦ TỊCH
Trần Văn B
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'ke-hoach-46.txt': PLAN });
}, 60_000);
afterAll(() => pipeline.cleanup());

const ask = (question: string) => pipeline.answerer.ask({ question });

describe('the share asked', () => {
  it('is not answered by the share of another thing of the same kind', async () => {
    const other = await ask('Đến năm 2025 huyện Minh Sơn đặt tỷ lệ hợp tác xã sử dụng hóa đơn điện tử là bao nhiêu phần trăm?');
    expect(other.answered, other.answer).toBe(false);
    const english = await ask("What share of cooperatives issuing electronic invoices does Minh Son's plan target for 2025?");
    expect(english.answered, english.answer).toBe(false);
  });

  it('is not answered by the share of the same people for something else done for them', async () => {
    const other = await ask('Huyện Minh Sơn phấn đấu bao nhiêu phần trăm người lao động nông thôn sau đào tạo nghề được hỗ trợ giới thiệu việc làm?');
    expect(other.answered, other.answer).toBe(false);
    const own = await ask('Huyện Minh Sơn phấn đấu bao nhiêu phần trăm người lao động nông thôn sau đào tạo nghề được tư vấn pháp luật?');
    expect(own.answered, own.answer).toBe(true);
    expect(own.answer).toContain('90%');
  });

  it('is answered by the share of the thing it measures', async () => {
    const own = await ask('Đến năm 2025 huyện Minh Sơn đặt tỷ lệ hợp tác xã ứng dụng công nghệ số là bao nhiêu phần trăm?');
    expect(own.answered, own.answer).toBe(true);
    expect(own.answer.split('\n')[0]).toContain('60%');
    const english = await ask("What share of farming households with electronic payment accounts does Minh Son's plan target?");
    expect(english.answered, english.answer).toBe(true);
    expect(english.answer).toContain('75%');
  });
});
