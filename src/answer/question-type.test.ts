import { describe, expect, it } from 'vitest';
import { detectQuestionTypes, isDateType, type QuestionType } from './question-type.js';

const vi = (q: string) => detectQuestionTypes(q, 'vi');
const en = (q: string) => detectQuestionTypes(q, 'en');

describe('detectQuestionTypes (Vietnamese, with and without diacritics)', () => {
  it.each<[string, QuestionType]>([
    ['Bến Tre có bao nhiêu người cao tuổi?', 'count'],
    ['ben tre co bao nhieu nguoi cao tuoi', 'count'],
    ['Có mấy người tròn 100 tuổi?', 'count'],
    ['Khi nào phải gửi báo cáo kết quả thực hiện kế hoạch?', 'deadline'],
    ['khi nao phai gui bao cao', 'deadline'],
    ['Thời hạn báo cáo là ngày nào?', 'deadline'],
    ['Kế hoạch được ban hành ngày nào?', 'date'],
    ['Ai được cấp thẻ BHYT?', 'who'],
    ['ai duoc cap the bhyt', 'who'],
    ['Cơ quan nào chủ trì triển khai?', 'who'],
    ['Cơ quan đầu mối theo dõi việc thực hiện?', 'who'],
    ['Ai ký kế hoạch của Khánh Hòa?', 'signer'],
    ['nguoi ky ke hoach la ai', 'signer'],
    ['Kế hoạch căn cứ quyết định nào?', 'legal-basis'],
    ['Kế hoạch thực hiện văn bản nào của tỉnh?', 'document'],
    ['Mục tiêu đến năm 2030 là gì?', 'target'],
    ['Chỉ tiêu về phục hồi chức năng?', 'target'],
    ['Bao nhiêu phần trăm NKT được cấp thẻ?', 'percent'],
    ['Tỷ lệ người cao tuổi được khám sức khỏe định kỳ?', 'percent'],
    ['Kinh phí thực hiện lấy từ đâu?', 'funding'],
    ['ngan sach nao chi tra', 'funding'],
    ['Những nhiệm vụ nào được giao cho Phòng Y tế?', 'list'],
    ['Nội dung hoạt động gồm những gì?', 'list'],
    ['Cổng thông tin sẽ có những chức năng gì?', 'list'],
    ['BHYT là gì?', 'definition'],
    ['NKT nghĩa là gì?', 'definition'],
    ['Người có công được cấp thẻ BHYT không?', 'yes-no'],
    ['Kế hoạch đã được ban hành chưa?', 'yes-no'],
  ])('%j → %s first', (q, type) => expect(vi(q)[0]).toBe(type));

  it('gives general when nothing matches', () => {
    expect(vi('Chăm sóc sức khỏe người có công')).toEqual(['general']);
  });

  it('does not read "định kỳ" or "đăng ký" as signing', () => {
    expect(vi('Khám sức khỏe định kỳ cho ai?')).not.toContain('signer');
    expect(vi('dang ky kham suc khoe dinh ky')).not.toContain('signer');
    expect(vi('thoi han xu ly ky luat cong chuc la bao lau')).not.toContain('signer');
    expect(vi('Kỷ niệm ngày thành lập vào tháng nào?')).not.toContain('signer');
  });

  it('reads the programmes a body teaches as a list, not as documents cited', () => {
    expect(vi('Nhà trường dạy những chương trình nào cho học viên?')).toEqual(['list']);
    expect(vi('Kế hoạch căn cứ những văn bản nào?')).toContain('document');
  });

  it('keeps several types, most specific first', () => {
    expect(vi('Ai ký kế hoạch?')).toEqual(['signer', 'who']);
    expect(vi('Mục tiêu là gì?')).toEqual(['target']);
    expect(vi('Bao nhiêu phần trăm trẻ em được cấp thẻ?')).not.toContain('count');
  });
});

describe('detectQuestionTypes: where a report goes', () => {
  it('reads "về đâu", "gửi đâu" as asking which body', () => {
    expect(detectQuestionTypes('Khi gặp vướng mắc, các sở phản ánh, báo cáo về đâu?', 'vi')).toContain('who');
    expect(detectQuestionTypes('bao cao gui dau', 'vi')).toContain('who');
    expect(detectQuestionTypes('Kinh phí lấy ở đâu?', 'vi')).not.toContain('who');
  });
});

describe('detectQuestionTypes: words holding "máy"', () => {
  it('reads no count in machinery typed without diacritics', () => {
    expect(detectQuestionTypes('co so da duoc trang bi may moc chua', 'vi')).not.toContain('count');
    expect(detectQuestionTypes('doi bang lai xe may can giay to gi', 'vi')).not.toContain('count');
    expect(detectQuestionTypes('co may nguoi duoc ho tro', 'vi')).toContain('count');
  });
});

describe('detectQuestionTypes (English)', () => {
  it.each<[string, QuestionType]>([
    ['who gets a BHYT card?', 'who'],
    ['when is the report due?', 'deadline'],
    ['What is the deadline for the annual report?', 'deadline'],
    ['When was the plan issued?', 'date'],
    ['Who signed the Khanh Hoa plan?', 'signer'],
    ['Which decision is the plan based on?', 'legal-basis'],
    ['How many elderly people are there in Ben Tre?', 'count'],
    ['What percentage of disabled people get health insurance?', 'percent'],
    ['What is the target for rehabilitation?', 'target'],
    ['Who pays for the plan?', 'funding'],
    ['What are the main tasks?', 'list'],
    ['What does BHYT mean?', 'definition'],
    ['What is the monthly allowance in dong for a person with a severe disability?', 'count'],
    ["In Dong Thap's marine plan, which department helps local producers?", 'who'],
    ['Is there a plan for Da Nang?', 'yes-no'],
    ['Which agency is in charge of health checks?', 'who'],
    ["Which Prime Minister's directive does the plan implement?", 'document'],
  ])('%j → %s first', (q, type) => expect(en(q)[0]).toBe(type));

  it('reads a document named after the verb as the subject, not as what is asked', () => {
    expect(en("What monthly support does Hanoi's Resolution 80/2025 give commune police officers?")).not.toContain('document');
    expect(en('Which directive of the Prime Minister does the plan implement?')).toContain('document');
    expect(en("What is that decision's number and date?")).toContain('document');
  });

  it('reads a cost as an amount or a rule, not where money comes from ("chi phí đền bù", "training costs")', () => {
    expect(vi('Thời gian tập sự có được tính để giảm chi phí đền bù đào tạo không?')).not.toContain('funding');
    expect(en('Who must repay the training costs?')).not.toContain('funding');
    expect(vi('Kinh phí thực hiện kế hoạch lấy từ đâu?')).toContain('funding');
  });

  it('reads "dựa trên", "based on" as a legal basis only when what follows names one', () => {
    expect(vi('Kế hoạch được xây dựng dựa trên những văn bản nào?')).toContain('legal-basis');
    expect(vi('ke hoach dua vao dau de ban hanh')).toContain('legal-basis');
    expect(en('Which decision is the plan based on?')).toContain('legal-basis');
    expect(en('Based on which decree was the circular issued?')).toContain('legal-basis');
    expect(vi('Đến năm 2030 bộ máy sẽ vận hành dựa trên những công nghệ nền tảng nào?')).not.toContain('legal-basis');
    const funds = vi('Ngoài quỹ này, kế hoạch còn dựa vào quỹ hoặc nguồn vốn nào khác?');
    expect(funds).not.toContain('legal-basis');
    expect(funds).toContain('funding');
    expect(en('The services will be based on cloud computing and big data, by when?')).not.toContain('legal-basis');
    expect(vi('Tỉnh dựa vào nguồn đầu tư nào để xây trạm?')).not.toContain('legal-basis');
    expect(vi('ke hoach dua tren van ban nao')).toContain('legal-basis');
    expect(vi('Nội dung này có được đưa vào chương trình đào tạo không?')).not.toContain('legal-basis');
    expect(vi('Kế hoạch dựa trên nghị quyết nào?')).toContain('legal-basis');
    // "Cơ sở nào" alone: the basis of a document resting on it, the grounds of a thing done.
    expect(vi('Kế hoạch này được xây dựng dựa trên những cơ sở nào?')).toContain('legal-basis');
    expect(vi('ke hoach 12 dua tren co so nao')).toContain('legal-basis');
    expect(vi('Theo kế hoạch, việc khai thác tài nguyên biển phải dựa trên những cơ sở nào?')).not.toContain('legal-basis');
  });

  it('gives general for a bare topic', () => {
    expect(en('health insurance for orphans')).toEqual(['general']);
  });

  it('reads a wh-word before a plural noun and its verb as a list, not a share of something', () => {
    expect(en('Under Decree 12, which training courses do the provincial schools run?')).toContain('list');
    expect(en('What hygiene measures does the plan set out?')).toContain('list');
    expect(en('By 2030, what share of facilities must meet the standard?')).not.toContain('list');
    expect(en('Which status does the plan have?')).not.toContain('list');
  });

  it('reads a share the question states as its case, not as the value asked ("hỏng hơn 70% … bao nhiêu tiền")', () => {
    expect(vi('Ruộng mạ bị hỏng hơn 70% diện tích thì được hỗ trợ bao nhiêu tiền một héc-ta?')).not.toContain('percent');
    expect(vi('Hỗ trợ bao nhiêu % chi phí?')).toContain('percent');
  });

  it('asks what a term means, not a date, when the term names a time ("thời hạn …" được hiểu là …)', () => {
    const types = vi('“Thời hạn xử lý kỷ luật” được hiểu là khoảng thời gian nào?');
    expect(types).toContain('definition');
    expect(types).not.toContain('deadline');
    expect(types).not.toContain('date');
  });

  it('reads "what does … mean" as a definition, not "what does the plan say"', () => {
    expect(en('What does BHYT mean?')).toContain('definition');
    expect(en('What does the plan say should happen to a resident who falls ill?')).not.toContain('definition');
  });
});

describe('detectQuestionTypes: an English "when" that asks and one that does not', () => {
  it('asks a date with a "when" that asks, not with one opening a clause of the question', () => {
    expect(detectQuestionTypes('When was the plan issued?', 'en')).toContain('date');
    expect(detectQuestionTypes('Who signs the decision, and when?', 'en')).toContain('date');
    expect(detectQuestionTypes('What must the province do after the flood, and by when?', 'en')).toContain('date');
    expect(detectQuestionTypes('What rule applies when secret documents are digitised?', 'en')).not.toContain('date');
    expect(detectQuestionTypes('What happens when a civil servant fails to show up?', 'en')).not.toContain('date');
  });
});

describe('isDateType', () => {
  it('is a date asked, when something happens or by when it is due', () => {
    expect(['date', 'deadline', 'who', 'count'].map(isDateType)).toEqual([true, true, false, false]);
  });
});
