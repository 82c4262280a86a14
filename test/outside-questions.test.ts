// Questions about the world outside the documents that share a few of their words ("thế giới", "đại" folded as
// "dài"): over the whole collection, a "which" question is answered only by a passage naming the thing it asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPipelineOver, type TestPipeline } from './helpers/open-test-pipeline.js';

const PLAN = `ỦY BAN NHÂN DÂN
TỈNH VEN BIỂN
Số: 88/KH-UBND
Ven Biển, ngày 02 tháng 4 năm 2025

KẾ HOẠCH
Tuyên truyền bảo vệ môi trường biển năm 2025

I. NỘI DUNG
1. Tổ chức các hoạt động hưởng ứng Ngày Môi trường thế giới (05/6), Ngày Đại dương thế giới (08/6), Tuần lễ Biển và Hải đảo Việt Nam.
2. Học tập kinh nghiệm của các quốc gia trên thế giới về bảo vệ môi trường biển.
3. Nạo vét, khơi thông dòng chảy kênh rạch ven biển.
4. Hướng dẫn hộ gia đình ven biển đăng ký tham gia trực tuyến; trình chiếu phim tài liệu về biển, đảo.

CHỦ TỊCH
Lê Văn C
`;

const OTHER = (number: number, topic: string) => `ỦY BAN NHÂN DÂN
TỈNH VEN BIỂN
Số: ${number}/KH-UBND
Ven Biển, ngày 10 tháng 5 năm 2025

KẾ HOẠCH
${topic} năm 2025

I. MỤC TIÊU
Nâng cao chất lượng ${topic.toLowerCase()} trên địa bàn tỉnh; bảo đảm 100% xã, phường triển khai song song với việc nạo vét các tuyến sông, thành phố đông dân.

II. TỔ CHỨC THỰC HIỆN
Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã, phường thực hiện.

CHỦ TỊCH
Lê Văn C
`;

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openPipelineOver({ 'ke-hoach-88.txt': PLAN, 'ke-hoach-89.txt': OTHER(89, 'Chăm sóc sức khỏe người cao tuổi'), 'ke-hoach-90.txt': OTHER(90, 'Phòng, chống thiên tai') });
}, 60_000);
afterAll(() => pipeline.cleanup());

describe('which-questions about the world', () => {
  it.each(['song nao dai nhat the gioi', 'Thành phố nào đông dân nhất thế giới?'])('declines %s', async (question) => {
    const result = await pipeline.answerer.ask({ question });
    expect(result.answered, result.answer).toBe(false);
  });

  it('answers one about what the documents name', async () => {
    const result = await pipeline.answerer.ask({ question: 'Những ngày nào trên thế giới về môi trường được hưởng ứng?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('05/6');
  });
});

describe('questions naming what no document mentions', () => {
  it.each([
    'How many days of the World Ocean Day campaign does the Ven Bien plan hold in Singapore?',
    'Kế hoạch 88 tổ chức Ngày Đại dương thế giới cùng với Singapore không?',
  ])('declines %s', async (question) => {
    const result = await pipeline.answerer.ask({ question });
    expect(result.answered, result.answer).toBe(false);
  });

  // ("Passport" is "hộ chiếu", a word the glossary knows and no document writes, though they write "hộ" and "chiếu".)
  it('declines a general question naming a word of the language no document uses, though they use its syllables', async () => {
    const result = await pipeline.answerer.ask({ question: 'How do I register for a passport online?' });
    expect(result.answered, result.answer).toBe(false);
  });

  it('answers one naming what a document does', async () => {
    const result = await pipeline.answerer.ask({ question: 'Plan 88/KH-UBND responds to which world days, such as World Ocean Day?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('08/6');
  });
});

