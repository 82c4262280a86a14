// Kinds of questions the answerer treats specially, on the real corpus (lexical mode).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResult } from '../src/types.js';
import { openTestPipeline, type TestPipeline } from './helpers/open-test-pipeline.js';

let pipeline: TestPipeline;
beforeAll(async () => {
  pipeline = await openTestPipeline();
});
afterAll(() => pipeline.cleanup());

const ask = (question: string) => pipeline.answerer.ask({ question });
const quoteOf = (result: AskResult, n = 1) => result.citations.find((citation) => citation.n === n)!.quote;

describe('abbreviations', () => {
  it.each([
    ['NKT nghĩa là gì?', 'NKT', 'người khuyết tật'],
    ['what does NCT stand for', 'NCT', 'người cao tuổi'],
  ])('%s is answered from the plan that defines it', async (question, abbreviation, expansion) => {
    const result = await ask(question);
    expect(result.answered).toBe(true);
    expect(result.answer).toContain(expansion);
    expect(quoteOf(result)).toMatch(new RegExp(`${expansion}\\s*\\(${abbreviation}\\)`, 'i'));
  });
});

describe('who benefits', () => {
  it('is answered with the groups each passage names, not only passages naming a body', async () => {
    const result = await ask('Những ai ở Hữu Lũng được cấp thẻ bảo hiểm y tế?');
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('người cao tuổi');
    expect(result.answer).toMatch(/NKT|người khuyết tật/u);
  });
});

describe('periods and issue dates', () => {
  it('finds the implementation period under "Thời gian thực hiện"', async () => {
    const result = await ask('Kế hoạch của tỉnh Khánh Hòa kéo dài trong thời gian nào?');
    expect(result.answered).toBe(true);
    expect(result.answer).toMatch(/2021\s*-\s*2025/);
  });

  it("gives each plan's period side by side, from the title of a plan for one year", async () => {
    const result = await ask('Hai kế hoạch của TP Lạng Sơn và huyện Hữu Lũng thực hiện trong giai đoạn nào?');
    const lines = result.answer.split('\n');
    expect(lines.find((line) => line.startsWith('- Thành phố Lạng Sơn'))).toMatch(/năm 2024/u);
    expect(lines.find((line) => line.startsWith('- Huyện Hữu Lũng'))).toMatch(/2021 đến năm 2030/u);
  });

  it('reads the issue date from the header line, blank day included', async () => {
    const result = await ask('Kế hoạch của thành phố Lạng Sơn được ban hành vào tháng mấy?');
    expect(result.answered).toBe(true);
    expect(quoteOf(result)).toBe('TP. Lạng Sơn, ngày tháng 3 năm 2024');
  });

  it('does not mistake a question about another decision for the plan’s own date', async () => {
    const result = await ask('Quyết định 1942/QĐ-TTg được ban hành ngày nào?');
    expect(result.answer).toContain('18/11/2021');
  });
});

describe('quantities', () => {
  it('answers a count with the figure of the asked unit', async () => {
    const result = await ask('Huyện Hữu Lũng hiện có bao nhiêu người có công với cách mạng?');
    expect(result.answer).toContain('2.226');
  });

  it('abstains when the plans state no amount of money', async () => {
    const result = await ask('Số tiền hỗ trợ mua thẻ bảo hiểm y tế cho người cao tuổi ở Hữu Lũng là bao nhiêu?');
    expect(result.answered).toBe(false);
  });

  it('does not count years as people', async () => {
    const result = await ask('Thành phố Hà Nội có tổng cộng bao nhiêu trẻ em?');
    expect(result.answered).toBe(false);
  });
});

describe('who does what', () => {
  it('quotes the heading that names the body leading the work', async () => {
    const result = await ask('Ở thành phố Lạng Sơn, cơ quan nào chủ trì tham mưu thực hiện kế hoạch?');
    expect(result.answered).toBe(true);
    expect(result.answer).toContain('Phòng Lao động - Thương binh và Xã hội');
  });

  it('lists a body’s duties from the section named after it', async () => {
    const result = await ask('Sở Kế hoạch và Đầu tư Khánh Hòa được giao nhiệm vụ gì?');
    expect(result.answered).toBe(true);
    expect(result.citations.every((citation) => citation.section.includes('Sở Kế hoạch và Đầu tư'))).toBe(true);
  });
});

describe('plan facts', () => {
  it('says a blank number is blank, and answers two facts asked together', async () => {
    const number = await ask('Số hiệu của kế hoạch huyện Hữu Lũng là gì?');
    expect(number.answered).toBe(true);
    expect(number.answer).toContain('để trống');
    const both = await ask('Kế hoạch của tỉnh Khánh Hòa do ai ký và ký ngày nào?');
    expect(both.answer).toContain('Đinh Văn Thiệu');
    expect(both.answer).toContain('24 tháng 3 năm 2022');
  });

  it('abstains on a fact a plan leaves out, naming what is missing', async () => {
    const result = await ask('Kế hoạch của thành phố Hà Nội ký ngày nào?');
    expect(result.answered).toBe(false);
    expect(result.answer).toContain('không ghi ngày ban hành');
  });

  it('notes that the province itself has no plan in the collection', async () => {
    const result = await ask('Ai ký kế hoạch của tỉnh Lạng Sơn?');
    expect(result.answer).toMatch(/không có kế hoạch của chính tỉnh Lạng Sơn/);
    expect(result.answer).toContain('Trần Quốc Phong');
    expect(result.answer).toContain('Nguyễn Thị Hồng Vân');
  });

  it("gives the field a portal files a plan under, from the portal's fields above it", async () => {
    const result = await ask('Kế hoạch của tỉnh Bến Tre thuộc lĩnh vực nào?');
    expect(result.answered).toBe(true);
    expect(result.citations[0].quote).toBe('Lĩnh vực Văn hóa - Xã hội');
  });
});

describe('lists, bodies and places', () => {
  it('quotes every target of the period asked about', async () => {
    const result = await ask('Hà Nội đặt ra những chỉ tiêu gì cho giai đoạn 2026 - 2030?');
    expect(result.citations.length).toBeGreaterThanOrEqual(3);
    expect(result.citations.every((citation) => citation.section.includes('2026 - 2030'))).toBe(true);
  });

  it('abstains on the duties of a body the plan does not assign anything to', async () => {
    const result = await ask('Kế hoạch của tỉnh Bến Tre giao cho Sở Tài chính những việc gì?');
    expect(result.answered).toBe(false);
  });

  it('needs an actual amount for "bao nhiêu tỷ đồng"', async () => {
    const result = await ask('Kế hoạch của Khánh Hòa dự kiến tổng cộng bao nhiêu tỷ đồng?');
    expect(result.answered).toBe(false);
  });

  it('abstains on a named district outside the collection', async () => {
    const result = await ask('Huyện Cao Lộc đặt mục tiêu gì cho người khuyết tật?');
    expect(result.answered).toBe(false);
    expect(result.answer).toContain('Cao Lộc');
  });

  it('does not answer a phone-number question with a body’s duties', async () => {
    const result = await ask('Cho tôi số điện thoại của Phòng Tài chính - Kế hoạch thành phố Lạng Sơn');
    expect(result.answered).toBe(false);
  });
});

describe('structure questions', () => {
  it('lists a plan’s top-level sections, each quoted and cited', async () => {
    const result = await ask('Kế hoạch của tỉnh Khánh Hòa được chia thành những phần nào? Gồm những mục nào?');
    expect(result.answered).toBe(true);
    expect(result.citations.map((citation) => citation.quote.replace(/\s+/g, ' '))).toContain('IV. NHIỆM VỤ VÀ GIẢI PHÁP');
    expect(result.citations.length).toBeGreaterThanOrEqual(5);
  });

  it('lists the groups inside the section the question names', async () => {
    const result = await ask('Phần nhiệm vụ, giải pháp trong kế hoạch của Hà Nội gồm những nhóm nào?');
    expect(result.citations.length).toBeGreaterThanOrEqual(4);
    expect(result.citations.every((citation) => /^\d\. /.test(citation.quote))).toBe(true);
  });
});

describe('names and abbreviations the plans use', () => {
  it('quotes the passage a plan names with "(sau đây gọi tắt là …)"', async () => {
    const result = await ask('Thế nào là cơ sở chăm sóc sức khỏe lao động - xã hội?');
    expect(result.answered).toBe(true);
    expect(result.citations[0].quote).toMatch(/sau đây (gọi|viết) tắt là/);
  });
  it('explains an abbreviation the plans use without spelling it out, citing a use', async () => {
    const result = await ask('CTXH nghĩa là gì?');
    expect(result.answer).toContain('công tác xã hội');
    expect(result.citations[0].quote).toContain('CTXH');
  });
});

describe('quoted phrases', () => {
  it('finds the plan and sentence holding a phrase the question quotes, with or without diacritics', async () => {
    for (const question of ['Khẩu hiệu “tuổi cao - gương sáng” có trong kế hoạch nào?', 'Ke hoach nao co cum tu "tuoi cao guong sang"?']) {
      const result = await ask(question);
      expect(result.answered).toBe(true);
      expect(result.citations[0].docId).toBe('huu-lung-2022');
      expect(result.citations[0].quote).toContain('Tuổi cao - Gương sáng');
    }
  });
});

describe('conversation scope', () => {
  it('keeps a follow-up that names no place on the plan the conversation is about', async () => {
    const history = [{ role: 'user' as const, content: 'Huyện Hữu Lũng có bao nhiêu người có công?' }];
    const result = await pipeline.answerer.ask({ question: 'Thế còn số người cao tuổi và tỷ lệ so với dân số?', history });
    expect(result.citations.every((citation) => citation.docId === 'huu-lung-2022')).toBe(true);
    expect(result.answer).toContain('12.805');
  });
});

describe('yes-no questions', () => {
  it('open with "Có" when one plan says what was asked', async () => {
    const result = await ask('Kế hoạch của Bến Tre có nói về trẻ em không?');
    expect(result.answer.split('\n')[0]).toBe('Trả lời: Có [1].');
    expect(result.citations[0].quote).toMatch(/trẻ em/u);
  });

  it('lead with no figure when they state one themselves and ask only yes or no', async () => {
    const result = await ask('Ở Hữu Lũng, người cao tuổi chiếm trên 10% dân số thì có được ưu tiên gì không?');
    expect(result.answer).not.toMatch(/^Trả lời: \S*\d/mu);
  });

  it('give no verdict on whether two things are the same: no one quote says so', async () => {
    const result = await ask('Ở Bến Tre, trẻ em và người cao tuổi có được chăm sóc giống nhau không?');
    expect(result.answer).not.toMatch(/^Trả lời: (Có|Không)/mu);
  });
});

describe('questions about nothing the plans hold', () => {
  // Words every plan uses ("Việt Nam", "cao" of "người cao tuổi") are no answer to a question that asks for no kind
  // of fact and names what the plans never mention.
  it.each(['What is the highest mountain in Vietnam?', 'What is the longest river in Vietnam?', 'Núi cao nhất Việt Nam là núi nào?'])('declines %s', async (question) => {
    const result = await ask(question);
    expect(result.answered, result.answer).toBe(false);
  });
});

describe('which body acts', () => {
  it('opens with the body the first quote names as the one in charge', async () => {
    const result = await ask('Ở thành phố Lạng Sơn, cơ quan nào chủ trì triển khai kế hoạch?');
    expect(result.answer.split('\n')[0]).toBe('Trả lời: Phòng Lao động - Thương binh và Xã hội [1].');
    expect(quoteOf(result)).toContain('Phòng Lao động - Thương binh và Xã hội');
  });

  it('is the body a later part pointing back at it ("cơ quan đó") asks about', async () => {
    const result = await ask('Ở thành phố Lạng Sơn, cơ quan nào chủ trì triển khai kế hoạch, và cơ quan đó còn phải tham mưu lập danh sách gì?');
    expect(result.question).toContain('Phòng Lao động - Thương binh và Xã hội còn phải tham mưu lập danh sách gì');
    expect(result.answer).toContain('Tham mưu lập danh sách người tham gia tập huấn');
  });

  it('names no body first when the question asks whom a named body reports to', async () => {
    const result = await ask('UBND cấp huyện ở Khánh Hòa phải báo cáo kết quả thực hiện cho ai?');
    expect(result.answer).not.toMatch(/^Trả lời:/mu);
  });
});
