import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatTurn, DocumentMeta } from '../types.js';
import { elliptical, rewriteFollowUp, withBodyNamed } from './rewrite-follow-up.js';

const documents: DocumentMeta[] = JSON.parse(readFileSync(new URL('../../corpus/manifest.json', import.meta.url), 'utf8')).documents;
const history = (...questions: string[]): ChatTurn[] =>
  questions.flatMap((content) => [
    { role: 'user' as const, content },
    { role: 'assistant' as const, content: 'Theo Kế hoạch của Bến Tre và Khánh Hòa, … [1]' },
  ]);
const rewrite = (q: string, ...before: string[]) => rewriteFollowUp(q, history(...before), documents);

describe('rewriteFollowUp: place switch', () => {
  it.each([
    ['Còn Khánh Hòa thì sao?', 'Ai được cấp thẻ BHYT ở TP Lạng Sơn?', 'Ai được cấp thẻ BHYT ở Khánh Hòa?'],
    ['con khanh hoa thi sao', 'ai duoc cap the bhyt o tp lang son', 'ai duoc cap the bhyt o khanh hoa'],
    ['Thế còn Hà Nội?', 'Mục tiêu của Bến Tre là gì?', 'Mục tiêu của Hà Nội là gì?'],
    ['Vậy còn Hữu Lũng nữa?', 'Bến Tre có bao nhiêu người cao tuổi?', 'Hữu Lũng có bao nhiêu người cao tuổi?'],
    ['Khánh Hòa thì sao?', 'Ai ký kế hoạch của Hà Nội?', 'Ai ký kế hoạch của Khánh Hòa?'],
    ['what about Hanoi?', 'who gets a BHYT card in Khanh Hoa?', 'who gets a BHYT card in Hanoi?'],
    ['and in Ben Tre?', 'When is the report due in Lang Son city?', 'When is the report due in Ben Tre?'],
    ['same for Da Nang', 'How many elderly people are there in Ben Tre?', 'How many elderly people are there in Da Nang?'],
  ])('%j after %j → %j', (q, previous, expected) => expect(rewrite(q, previous)).toBe(expected));

  it('reads a follow-up at a new place that names only the kind of fact asked before as the same question there', () => {
    const history = [{ role: 'user' as const, content: 'Khi nào phải gửi báo cáo kết quả ở huyện Hữu Lũng?' }];
    expect(rewriteFollowUp('Thế ở Bến Tre thì hạn là khi nào?', history, [])).toBe('Khi nào phải gửi báo cáo kết quả ở Bến Tre?');
    // A new topic at the new place is its own question.
    expect(rewriteFollowUp('Ở Bến Tre thì mục tiêu là gì?', history, [])).toBe('Ở Bến Tre thì mục tiêu là gì?');
  });

  it('adds the place when the previous question had none', () => {
    expect(rewrite('Còn Khánh Hòa thì sao?', 'Ai được cấp thẻ BHYT?')).toBe('Ai được cấp thẻ BHYT ở Khánh Hòa?');
    expect(rewrite('what about Hanoi?', 'who gets a BHYT card?')).toBe('who gets a BHYT card in Hanoi?');
  });

  it('follows a chain of follow-ups', () => {
    expect(rewrite('Thế còn Hà Nội?', 'Ai được cấp thẻ BHYT ở TP Lạng Sơn?', 'Còn Khánh Hòa thì sao?')).toBe('Ai được cấp thẻ BHYT ở Hà Nội?');
    expect(rewrite('Ai ký kế hoạch đó?', 'Mục tiêu của Bến Tre là gì?', 'Còn Khánh Hòa thì sao?')).toBe('Ai ký kế hoạch của Khánh Hòa?');
  });
});

describe('rewriteFollowUp: topic carry', () => {
  it('reads "trong đó" against the previous group and place', () => {
    expect(rewrite('Trong đó bao nhiêu người tròn 100 tuổi?', 'Bến Tre có bao nhiêu người cao tuổi?')).toBe(
      'Trong số người cao tuổi ở Bến Tre, bao nhiêu người tròn 100 tuổi?',
    );
    expect(rewrite('among them, how many are 100 years old?', 'How many elderly people are there in Ben Tre?')).toBe(
      'Among elderly people in Ben Tre, how many are 100 years old?',
    );
  });

  it('names the place for "ở đó", "kế hoạch đó", "there", "that plan"', () => {
    expect(rewrite('Thời hạn báo cáo ở đó là khi nào?', 'Hữu Lũng có bao nhiêu NKT?')).toBe('Thời hạn báo cáo ở Hữu Lũng là khi nào?');
    expect(rewrite('Ai ký kế hoạch đó?', 'Mục tiêu của Khánh Hòa là gì?')).toBe('Ai ký kế hoạch của Khánh Hòa?');
    expect(rewrite('who signed that plan?', 'What are the targets of Ben Tre?')).toBe('who signed the Ben Tre plan?');
    expect(rewrite('how many orphans are there?', 'What are the targets of Ben Tre?')).toBe('how many orphans are in Ben Tre?');
  });

  it('swaps the group the previous question asked about', () => {
    expect(rewrite('Còn người khuyết tật thì sao?', 'Bến Tre có bao nhiêu người cao tuổi?')).toBe('Bến Tre có bao nhiêu người khuyết tật?');
    expect(rewrite('what about children?', 'How many elderly people are there in Ben Tre?')).toBe('How many children are there in Ben Tre?');
  });

  it('names the place for "tỉnh này", "this province"', () => {
    expect(rewrite('Theo Quyết định 2639/QĐ-TTg, tỉnh này được bổ sung bao nhiêu?', 'Ai ký kế hoạch của Khánh Hòa?')).toBe('Theo Quyết định 2639/QĐ-TTg, Khánh Hòa được bổ sung bao nhiêu?');
    expect(rewrite('How much does this province receive?', 'Who signed the Khanh Hoa plan?')).toBe('How much does Khanh Hoa receive?');
  });

  it('carries the place into elliptical and anaphoric questions', () => {
    expect(rewrite('Mục tiêu là gì?', 'Ai ký kế hoạch của Khánh Hòa?')).toBe('Mục tiêu ở Khánh Hòa là gì?');
    expect(rewrite('Còn kinh phí thì sao?', 'Mục tiêu của Khánh Hòa là gì?')).toBe('Còn kinh phí ở Khánh Hòa thì sao?');
    expect(rewrite('Nó có chỉ tiêu về phục hồi chức năng không?', 'Ai ký kế hoạch của Bến Tre?')).toBe(
      'Nó có chỉ tiêu về phục hồi chức năng ở Bến Tre không?',
    );
  });
});

describe('rewriteFollowUp: topic anaphors', () => {
  it('follows "chỉ tiêu đó", "that target" with what the previous question said of it, and keeps its place', () => {
    expect(rewrite('Chỉ tiêu đó do cơ quan nào chủ trì?', 'Bến Tre đặt mục tiêu tỷ lệ người cao tuổi có thẻ BHYT đạt bao nhiêu?')).toBe(
      'Chỉ tiêu (đặt mục tiêu tỷ lệ người cao tuổi có thẻ BHYT đạt) do cơ quan nào chủ trì ở Bến Tre?',
    );
    expect(rewrite('Who is in charge of that target?', 'What share of older people in Ben Tre should hold health insurance card?')).toBe(
      'Who is in charge of the target (What share of older people should hold health insurance card) in Ben Tre?',
    );
    expect(rewrite('Nhiệm vụ này phải xong khi nào?', 'Việc rà soát hộ nghèo do ai làm?')).toBe('Nhiệm vụ (Việc rà soát hộ nghèo do làm) phải xong khi nào?');
  });

  it('follows an act or benefit pointed back to ("quyết định đó", "those payments"), without the document the earlier question opened with', () => {
    expect(rewrite('Theo Nghị định 12/2025/NĐ-CP, quyết định đó căn cứ vào đâu?', 'Theo Nghị định 12/2025/NĐ-CP, ai ký quyết định cử công chức đi học?')).toBe(
      'Theo Nghị định 12/2025/NĐ-CP, quyết định (ký quyết định cử công chức đi học) căn cứ vào đâu?',
    );
    expect(rewrite('How often are those payments made?', 'Who pays the monthly allowance to older people?')).toBe('How often are the payments (Who pays the monthly allowance to older people) made?');
  });
});

describe('rewriteFollowUp: standalone questions', () => {
  it('returns a question unchanged when the history is empty', () => {
    expect(rewriteFollowUp('Còn Khánh Hòa thì sao?', [], documents)).toBe('Còn Khánh Hòa thì sao?');
    expect(rewriteFollowUp('Ai ký?', [{ role: 'assistant', content: 'Xin chào' }], documents)).toBe('Ai ký?');
  });

  it('leaves a question that names its own place and topic alone', () => {
    expect(rewrite('Ai được cấp thẻ BHYT ở Bến Tre?', 'Mục tiêu của Khánh Hòa là gì?')).toBe('Ai được cấp thẻ BHYT ở Bến Tre?');
    expect(rewrite('How many disabled people live in Hanoi?', 'Who signed the Ben Tre plan?')).toBe('How many disabled people live in Hanoi?');
  });

  it('leaves a full question without a place alone', () => {
    expect(rewrite('Ai được cấp thẻ BHYT?', 'Mục tiêu của Khánh Hòa là gì?')).toBe('Ai được cấp thẻ BHYT?');
  });

  it('ignores the current question if the client already put it in the history', () => {
    const turns: ChatTurn[] = [...history('Ai được cấp thẻ BHYT ở TP Lạng Sơn?'), { role: 'user', content: 'Còn Khánh Hòa thì sao?' }];
    expect(rewriteFollowUp('Còn Khánh Hòa thì sao?', turns, documents)).toBe('Ai được cấp thẻ BHYT ở Khánh Hòa?');
  });
});

describe('rewriteFollowUp: period, group and place follow-ups keep the topic', () => {
  const healthRecords = "What share of Huu Lung's beneficiaries should have electronic health records by 2025?";
  const hoSo = 'Tỷ lệ đối tượng được quản lý sức khỏe điện tử ở Hữu Lũng đến năm 2025 là bao nhiêu?';

  it.each([
    ['And in the second phase?', healthRecords, "What share of Huu Lung's beneficiaries should have electronic health records in the 2026-2030 period?"],
    ['What about the 2026-2030 period?', healthRecords, "What share of Huu Lung's beneficiaries should have electronic health records in the 2026-2030 period?"],
    ['what about children?', healthRecords, "What share of Huu Lung's children should have electronic health records by 2025?"],
    ['Còn giai đoạn 2026-2030 thì sao?', hoSo, 'Tỷ lệ đối tượng được quản lý sức khỏe điện tử ở Hữu Lũng giai đoạn 2026-2030 là bao nhiêu?'],
    ['Giai đoạn sau thì sao?', hoSo, 'Tỷ lệ đối tượng được quản lý sức khỏe điện tử ở Hữu Lũng giai đoạn 2026-2030 là bao nhiêu?'],
    ['giai doan sau thi sao', 'ty le duoc quan ly suc khoe dien tu o huu lung den nam 2025 la bao nhieu', 'ty le duoc quan ly suc khoe dien tu o huu lung giai đoạn 2026-2030 la bao nhieu'],
    ['Thế còn năm 2030?', 'Tỷ lệ người cao tuổi được khám sức khỏe định kỳ ở Bến Tre đến năm 2025 là bao nhiêu?', 'Tỷ lệ người cao tuổi được khám sức khỏe định kỳ ở Bến Tre đến năm 2030 là bao nhiêu?'],
    ['And the previous phase?', 'What are the targets for Hanoi in the 2026-2030 period?', 'What are the targets for Hanoi in the 2021-2025 period?'],
    ['Còn giai đoạn 2026-2030?', 'Mục tiêu về phục hồi chức năng ở Hà Nội là gì?', 'Mục tiêu về phục hồi chức năng ở Hà Nội giai đoạn 2026-2030 là gì?'],
    ['Người khuyết tật thì sao?', 'Bến Tre có bao nhiêu người cao tuổi?', 'Bến Tre có bao nhiêu người khuyết tật?'],
  ])('%j after %j → %j', (q, previous, expected) => expect(rewrite(q, previous)).toBe(expected));

  it('swaps place and period together', () => {
    expect(rewrite('Còn Bến Tre giai đoạn 2026-2030 thì sao?', 'Mục tiêu về phục hồi chức năng ở Hà Nội giai đoạn 2021-2025 là gì?')).toBe(
      'Mục tiêu về phục hồi chức năng ở Bến Tre giai đoạn 2026-2030 là gì?',
    );
  });

  it('keeps the topic along a chain of follow-ups', () => {
    expect(rewrite('Còn Bến Tre thì sao?', hoSo, 'Giai đoạn sau thì sao?')).toBe(
      'Tỷ lệ đối tượng được quản lý sức khỏe điện tử ở Bến Tre giai đoạn 2026-2030 là bao nhiêu?',
    );
  });

  it('puts the period in as typed when the plans give no dates to count phases from', () => {
    const undated = documents.map(({ period: _period, ...meta }) => meta);
    expect(rewriteFollowUp('And in the second phase?', history(healthRecords), undated)).toBe(
      "What share of Huu Lung's beneficiaries should have electronic health records in the second phase?",
    );
  });

  it('does not read dates or document numbers as periods', () => {
    expect(rewrite('Còn Quyết định 1942/QĐ-TTg ngày 18/11/2021?', hoSo)).toBe('Còn Quyết định 1942/QĐ-TTg ngày 18/11/2021 ở Hữu Lũng?');
  });
});

describe('rewriteFollowUp: pronouns that point to a body or group', () => {
  it.each([
    ['Cơ quan đó phối hợp với ai?', 'Sở Nội vụ Khánh Hòa được giao việc gì?', 'Sở Nội vụ Khánh Hòa phối hợp với ai?'],
    ['Họ làm gì?', 'Sở Nội vụ Khánh Hòa được giao việc gì?', 'Sở Nội vụ Khánh Hòa làm gì?'],
    ['Đơn vị này chịu trách nhiệm gì?', 'Trung tâm Y tế huyện Hữu Lũng có nhiệm vụ gì?', 'Trung tâm Y tế huyện Hữu Lũng chịu trách nhiệm gì?'],
    ['What else does that department do?', 'What does the Department of Health in Hanoi do?', 'What else does the Department of Health in Hanoi do?'],
    ['What do they do?', 'What does the Department of Health in Hanoi do?', 'What does the Department of Health in Hanoi do?'],
    ['co quan do phoi hop voi ai', 'so noi vu khanh hoa duoc giao viec gi', 'so noi vu khanh hoa phoi hop voi ai'],
    ['ho lam gi', 'so noi vu khanh hoa duoc giao viec gi', 'so noi vu khanh hoa lam gi'],
    ['Họ phối hợp với ai?', 'UBND huyện Hữu Lũng giao nhiệm vụ gì cho Phòng Lao động - Thương binh và Xã hội?', 'UBND huyện Hữu Lũng phối hợp với ai?'],
    ['Cơ quan đó làm gì?', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bến Tre có nhiệm vụ gì?', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bến Tre làm gì?'],
    ['Đơn vị đó làm gì?', 'Bảo hiểm xã hội tỉnh Khánh Hòa có nhiệm vụ gì?', 'Bảo hiểm xã hội tỉnh Khánh Hòa làm gì?'],
    ['Hội đó làm gì?', 'Hội Người cao tuổi Hà Nội có nhiệm vụ gì?', 'Hội Người cao tuổi Hà Nội làm gì?'],
  ])('%j after %j → %j', (q, previous, expected) => expect(rewrite(q, previous)).toBe(expected));

  it('adds the previous place when the body was named without it', () => {
    expect(rewrite('Cơ quan đó phối hợp với ai?', 'Sở Y tế có nhiệm vụ gì trong kế hoạch của Bến Tre?')).toBe('Sở Y tế phối hợp với ai ở Bến Tre?');
  });

  it('reads "họ" / "they" as the group when the previous question named no body', () => {
    expect(rewrite('Họ được hỗ trợ gì?', 'Bến Tre có bao nhiêu người cao tuổi?')).toBe('Người cao tuổi được hỗ trợ gì ở Bến Tre?');
    expect(rewrite('What do they receive?', 'How many elderly people are there in Ben Tre?')).toBe('What do elderly people receive in Ben Tre?');
  });

  it('does not take "hỗ trợ" typed without accents, or the insurance scheme, for a body', () => {
    expect(rewrite('ho tro gi', 'so noi vu khanh hoa duoc giao viec gi')).toBe('ho tro gi ở khanh hoa?');
    expect(rewrite('Đơn vị đó làm gì?', 'Tỷ lệ tham gia bảo hiểm xã hội ở Khánh Hòa là bao nhiêu?')).toBe('Đơn vị đó làm gì?');
  });

  it('leaves standalone questions alone after a body', () => {
    expect(rewrite('Ai được cấp thẻ BHYT ở Bến Tre?', 'Sở Nội vụ Khánh Hòa được giao việc gì?')).toBe('Ai được cấp thẻ BHYT ở Bến Tre?');
    expect(rewrite('Sở Y tế Hà Nội phối hợp với ai?', 'Sở Nội vụ Khánh Hòa được giao việc gì?')).toBe('Sở Y tế Hà Nội phối hợp với ai?');
    expect(rewrite('Who coordinates with the Department of Health in Ben Tre?', 'What does the Department of Health in Hanoi do?')).toBe(
      'Who coordinates with the Department of Health in Ben Tre?',
    );
    expect(rewrite('Ai duoc cap the BHYT o Ben Tre?', 'so noi vu khanh hoa duoc giao viec gi')).toBe('Ai duoc cap the BHYT o Ben Tre?');
  });
});

describe('elliptical', () => {
  it('holds a question that says no more than what it asks ("Mất bao lâu?", "Ai ký?")', () => {
    expect(elliptical('Mất bao lâu?', [])).toBe(true);
    expect(elliptical('Ai ký?', [])).toBe(true);
    expect(elliptical('Thủ tục đăng ký kết hôn mất bao lâu?', [])).toBe(false);
  });
});

describe('withBodyNamed', () => {
  it('names the body an earlier part was answered with in place of "cơ quan đó" or "that department"', () => {
    expect(withBodyNamed('Theo KH 12 của tỉnh, cơ quan đó còn phải đề xuất gì?', 'Công an tỉnh')).toBe('Theo KH 12 của tỉnh, Công an tỉnh còn phải đề xuất gì?');
    expect(withBodyNamed('What else must that department propose?', 'Sở Y tế')).toBe('What else must Sở Y tế propose?');
  });

  it('leaves a part alone that points back at no body', () => {
    expect(withBodyNamed('Kế hoạch đó có hiệu lực khi nào?', 'Công an tỉnh')).toBe('Kế hoạch đó có hiệu lực khi nào?');
    expect(withBodyNamed('Họ được hỗ trợ bao nhiêu?', 'Công an tỉnh')).toBe('Họ được hỗ trợ bao nhiêu?');
  });
});
