import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from './analyze-question.js';
import { askedAmountKinds, askedAttribute, askedAwards, askedPlanFacts, askedRole, askedThing, asksBound, asksEffect, asksEntryIntoForce, asksIssue, asksLiveData, asksPerson, asksSubject, asksWhoSigned, basisDateAsked, figureSubject, measuredPhrase, namedArticle, namesAskedAbout, ratePeriodAsked, toldCase } from './question-cues.js';

const facts = (question: string, titles: string[], byNumber = false) =>
  askedPlanFacts(question, analyzeQuestion(question, { documents: [], abbreviations: new Map() }), { otherDocument: false, titles, byNumber });
const TITLE = 'Nghị định quy định về đào tạo, bồi dưỡng công chức';

describe('askedPlanFacts', () => {
  it('reads an English description of the document in its translation, against its title', () => {
    const title = 'Thông tư quy định mức thu phí thẩm định cấp giấy phép kinh doanh dịch vụ karaoke';
    expect(facts('Which laws is Circular 12/2025/TT-BTC on karaoke licence appraisal fees based on?', [title], true)).toEqual(['legal-basis']);
  });

  it('answers the number of a document of another type named before "số hiệu" from the legal bases', () => {
    const title = 'Thông tư quy định mức thu phí thẩm định';
    expect(askedPlanFacts('Thông tư 12/2025/TT-BTC dẫn Luật Phí và lệ phí số hiệu nào?', analyzeQuestion('Thông tư 12/2025/TT-BTC dẫn Luật Phí và lệ phí số hiệu nào?', { documents: [], abbreviations: new Map() }), { otherDocument: false, titles: [title], types: ['Thông tư'], byNumber: true })).toEqual(['legal-basis']);
    expect(askedPlanFacts('Thông tư về mức thu phí thẩm định có số hiệu nào?', analyzeQuestion('Thông tư về mức thu phí thẩm định có số hiệu nào?', { documents: [], abbreviations: new Map() }), { otherDocument: false, titles: [title], types: ['Thông tư'] })).toEqual(['number']);
  });

  it('asks whom the document is sent to, not where a report it asks for goes', () => {
    const title = 'Kế hoạch thực hiện chính sách người cao tuổi';
    expect(facts('Kế hoạch 12/KH-UBND được gửi tới những bộ nào?', [title], true)).toEqual(['recipients']);
    expect(facts('Nơi nhận của kế hoạch gồm những cơ quan nào?', [title])).toEqual(['recipients']);
    expect(facts('Which ministries is plan 12/KH-UBND sent to?', [title], true)).toEqual(['recipients']);
    expect(facts('QĐ 12/2025/QĐ-UBND được gửi tới đơn vị nào thuộc Bộ Tư pháp?', [title], true)).toEqual(['recipients']);
    expect(facts('Công văn 12/UBND-VX gửi cho ai?', [title], true)).toEqual(['recipients']);
    // A place abbreviated with dots ("TP.HCM") ends no sentence; the level of the recipients asked ("cấp trung ương") is no subject.
    expect(facts('Kế hoạch 12 của TP.HCM về việc làm được gửi tới những cơ quan, tổ chức cấp trung ương nào?', [title], true)).toEqual(['recipients']);
    expect(facts('Kế hoạch 12/KH-UBND được gửi “để báo cáo” tới những cơ quan nào?', [title], true)).toEqual(['recipients']);
    expect(facts('Kế hoạch 12/KH-UBND yêu cầu báo cáo kết quả gửi cho ai?', [title], true)).toEqual([]);
    expect(facts('Kế hoạch 12/KH-UBND yêu cầu báo cáo được gửi tới cơ quan nào?', [title], true)).toEqual([]);
    // Said as the document sending, with or without diacritics, and asked of recipients the question names.
    expect(facts('kh 12 tphcm ve viec lam gui toi nhung bo nao o trung uong?', [title], true)).toEqual(['recipients']);
    expect(facts('KH 12 của TP.HCM về việc làm có gửi cho các trường đại học và doanh nghiệp công nghệ số không?', [title], true)).toEqual(['recipients']);
    expect(facts('Theo KH 12, các sở gửi kết quả tới cơ quan nào?', [title], true)).toEqual([]);
    expect(facts('Kế hoạch 12 yêu cầu UBND xã gửi cho Sở Nội vụ những gì?', [title], true)).toEqual([]);
  });

  it('reads what is asked of the document in the sentence asking, not in a case told before it', () => {
    expect(facts('Nghị định 12/2025/NĐ-CP ban hành ngày nào?', [TITLE], true)).toEqual(['issue-date']);
    expect(facts('Quyết định kia được ban hành trước. Theo Nghị định 12/2025/NĐ-CP thì tính từ ngày nào?', [TITLE], true)).toEqual([]);
  });

  it('asks nothing of the document itself when the number asked is of what it replaces or repeals', () => {
    expect(facts('Kế hoạch này số mấy và ban hành ngày nào?', [TITLE])).toEqual(['issue-date', 'number']);
    expect(facts('ke hoach 12/KH-UBND thay the ke hoach so may, ke hoach do ban hanh ngay nao', [TITLE], true)).toEqual([]);
    expect(facts('Which decision number does Decision 12/2025/QĐ-UBND repeal?', [TITLE], true)).toEqual([]);
  });

  it('asks who carries the document out', () => {
    const title = 'Quyết định ban hành Quy chế phối hợp';
    expect(facts('Những ai chịu trách nhiệm thi hành Quyết định 12/2025/QĐ-UBND?', [title], true)).toEqual(['implementers']);
    expect(facts('Who is responsible for implementing the decision 12/2025/QĐ-UBND?', [title], true)).toEqual(['implementers']);
  });

  it('reads "về" as a function word, not as a word of what the document is about', () => {
    const title = 'Kế hoạch thực hiện chính sách người cao tuổi';
    expect(facts('Kế hoạch của Phòng Y tế về người cao tuổi ban hành ngày nào?', [title])).toEqual(['issue-date']);
  });

  it("answers the date of the law a document rests on from its legal bases, not from the document's own date", () => {
    const title = 'Quyết định phê duyệt Chương trình chuyển đổi số quốc gia';
    expect(facts('QĐ 2623/QĐ-TTg căn cứ vào luật nào, luật đó ban hành ngày nào?', [title], true)).toEqual(['legal-basis']);
    expect(facts('QĐ 2623/QĐ-TTg ban hành ngày nào?', [title], true)).toEqual(['issue-date']);
    // A deadline the document sets for others to issue something is no date of its own.
    expect(facts('Theo QĐ 2623/QĐ-TTg, UBND các tỉnh phải ban hành kế hoạch chuyển đổi số trước ngày nào?', [title], true)).toEqual([]);
  });

  it('asks when a document takes effect only of a day asked, not of one bounding the case', () => {
    const title = 'Thông tư quy định việc áp dụng chế độ bồi dưỡng, thời gian và số người thực hiện giám định đối với từng loại việc giám định pháp y';
    expect(facts('Ngày có hiệu lực của Thông tư 45/2025/TT-BYT?', [title], true)).toEqual(['effective-date']);
    expect(facts('Việc giám định pháp y thực hiện trước ngày Thông tư 45/2025/TT-BYT có hiệu lực thì chế độ bồi dưỡng áp dụng theo văn bản nào?', [title], true)).toEqual([]);
  });

  it("reads the document's own signer and date when the question's other words only name the document", () => {
    expect(facts('Nghị định về đào tạo, bồi dưỡng công chức do ai ký?', [TITLE])).toEqual(['signer']);
    expect(facts('Theo Nghị định về đào tạo, bồi dưỡng công chức, biên bản họp do ai ký?', [TITLE])).toEqual([]);
    expect(facts('Nghị định 171/2025/NĐ-CP ban hành ngày nào?', [TITLE])).toEqual(['issue-date']);
    expect(facts('Người ký giữ chức vụ gì?', [TITLE])).toContain('signer');
    expect(facts('Nghị định này có hiệu lực từ ngày nào?', [TITLE])).toEqual(['effective-date']);
    expect(facts('When does the decree take effect?', [TITLE])).toEqual(['effective-date']);
  });

  it('reads a question about the capacity a person signed in as one about the signer', () => {
    expect(facts('Nghị định về đào tạo, bồi dưỡng công chức được ký với tư cách Chủ tịch hay Phó Chủ tịch?', [TITLE])).toEqual(['signer']);
    expect(facts('In what capacity was the decree signed: as Minister or as Deputy Minister?', [TITLE])).toEqual(['signer']);
  });

  it('reads the words around documents named by number as describing them', () => {
    const question = 'Who signed Decree 171/2025/ND-CP on training civil servants and Decree 172/2025/ND-CP on discipline?';
    expect(facts(question, [TITLE], true)).toEqual(['signer']);
    expect(facts(question, [TITLE], false)).toEqual([]);
  });

  it('reads when a document ceases to take effect as no question about when it takes effect', () => {
    expect(facts('Nghị định 171/2025/NĐ-CP hết hiệu lực khi nào?', [TITLE], true)).toEqual([]);
    expect(facts('When does the decree cease to be effective?', [TITLE])).toEqual([]);
  });

  it('reads nothing asked in an aside that names the document', () => {
    expect(facts('Theo Kế hoạch triển khai (ban hành kèm QĐ 2623/QĐ-TTg), việc kiểm tra thực hiện từ năm nào?', [TITLE], true)).toEqual([]);
  });

  it('reads "trước khi … có hiệu lực" as a time the question sets, not an order of dates', () => {
    expect(facts('Trước khi Nghị định 171/2025/NĐ-CP có hiệu lực, mức phí đào tạo công chức là bao nhiêu một người?', [TITLE], true)).toEqual([]);
  });

  it('reads an order of documents as a question about their dates', () => {
    expect(facts('QĐ 12/2025/QĐ-UBND và QĐ 13/2025/QĐ-UBND, văn bản nào được ban hành trước?', [TITLE])).toEqual(['issue-date']);
    expect(facts('Which takes effect first: Decree 171/2025/ND-CP or Decree 172/2025/ND-CP? Give both dates.', [TITLE])).toEqual(['effective-date']);
    // In any tense.
    expect(facts('Which came into force earlier: Circular 12/2025/TT-BTC or Decision 13/QĐ-TTg? Give both dates.', [TITLE])).toEqual(['effective-date']);
    expect(facts('Which of the two decrees took effect first?', [TITLE])).toEqual(['effective-date']);
    // Whether they share a date asks for the dates too.
    expect(facts('KH 308 và KH 153 có được ban hành cùng một ngày không?', [TITLE])).toEqual(['issue-date']);
    expect(facts('Were plan 308 and plan 153 issued on the same day?', [TITLE])).toEqual(['issue-date']);
  });

  it('reads who proposed the document', () => {
    expect(facts('Nghị định về đào tạo, bồi dưỡng công chức được ban hành theo đề nghị của ai?', [TITLE])).toEqual(['proposer']);
    expect(facts('Cơ quan nào đề nghị ban hành nghị định về đào tạo công chức?', [TITLE])).toEqual(['proposer']);
    expect(facts('On whose proposal was Decree 171/2025/ND-CP issued?', [TITLE], true)).toEqual(['proposer']);
    // The office named before the one asked ("của Bộ trưởng bộ nào", "on the proposal of which minister").
    expect(facts('Nghị định 171/2025/NĐ-CP được ban hành theo đề nghị của Bộ trưởng bộ nào?', [TITLE], true)).toEqual(['proposer']);
    expect(facts('NĐ 171/2025/NĐ-CP và NĐ 172/2025/NĐ-CP lần lượt được ban hành theo đề nghị của cục trưởng cục nào?', [TITLE], true)).toEqual(['proposer']);
    expect(facts('Decree 171/2025/ND-CP was issued on the proposal of which minister?', [TITLE], true)).toEqual(['proposer']);
  });

  it('reads what a document was drawn up to implement, asked to be listed in full', () => {
    expect(facts('Nghị định về đào tạo, bồi dưỡng công chức được xây dựng để thực hiện những văn bản nào? Liệt kê đủ.', [TITLE])).toEqual(['legal-basis']);
  });

  it('reads the numbers of the documents it implements as its legal bases, not as its own number', () => {
    expect(facts('Nghị định về đào tạo, bồi dưỡng công chức thực hiện những văn bản nào? Nêu số hiệu của từng văn bản.', [TITLE], true)).toEqual(['legal-basis']);
    expect(facts('Nghị định về đào tạo, bồi dưỡng công chức căn cứ vào những luật nào, kể đủ số hiệu các luật đó', [TITLE], true)).toEqual(['legal-basis']);
    expect(facts('Số hiệu của nghị định về đào tạo, bồi dưỡng công chức là gì?', [TITLE], true)).toEqual(['number']);
  });

  it('reads the field a document is filed under, not a field it gives priority to', () => {
    expect(facts('Nghị định về đào tạo, bồi dưỡng công chức thuộc lĩnh vực nào?', [TITLE])).toEqual(['field']);
    expect(facts('Which field does Decree 171/2025/ND-CP fall under?', [TITLE], true)).toEqual(['field']);
    expect(facts('Nghị định về đào tạo, bồi dưỡng công chức ưu tiên lĩnh vực nào?', [TITLE])).toEqual([]);
  });

  it('reads "căn cứ những luật nào" of a document named with its issuer as a question on its legal bases', () => {
    expect(facts('Nghị định 171/2025/NĐ-CP của Chính phủ về đào tạo, bồi dưỡng công chức được căn cứ những luật nào?', [TITLE], true)).toEqual(['legal-basis']);
  });

  it('leaves questions about the content to retrieval, whatever cue words they share', () => {
    expect(facts('Hệ thống chứng thực chữ ký số chuyên dùng do cơ quan nào chủ trì xây dựng?', [TITLE])).toEqual([]);
    expect(facts('Kế hoạch nào triển khai đề án chăm sóc sức khỏe người già, ban hành ngày nào?', [TITLE])).toEqual([]);
  });
});

describe('toldCase', () => {
  it('reads the sentences telling a case before the one asking, typed in either case', () => {
    expect(toldCase('Tôi là giáo viên THCS. Mỗi tuần tôi dạy bao nhiêu tiết?')).toBe('Tôi là giáo viên THCS. ');
    expect(toldCase('nam nay so vu tang 2,5% so voi nam truoc. vay da dat chi tieu chua')).toBe('nam nay so vu tang 2,5% so voi nam truoc. ');
  });

  it('reads no sentence ending after a short abbreviation typed in lower case', () => {
    expect(toldCase('o tp. hcm ai chu tri ke hoach')).toBe('');
  });
});

describe('asksLiveData', () => {
  it("reads a question on today's prices, rates or weather, not one on a plan's figures", () => {
    expect(asksLiveData('Tỷ giá euro ở ngân hàng hôm nay là bao nhiêu?')).toBe(true);
    expect(asksLiveData('gia vang bay gio bao nhieu')).toBe(true);
    expect(asksLiveData("What is today's petrol price?")).toBe(true);
    expect(asksLiveData('Hiện tại tỉnh có bao nhiêu người cao tuổi?')).toBe(false);
    expect(asksLiveData('Giá dịch vụ khám bệnh theo thông tư là bao nhiêu?')).toBe(false);
  });

  it('reads the price of anything asked for the day, the weather and power cuts, not a plan asked about today', () => {
    expect(asksLiveData('Giá sầu riêng hôm nay ở Tiền Giang bao nhiêu một ký?')).toBe(true);
    expect(asksLiveData('toi nay o ha noi troi co mua khong')).toBe(true);
    expect(asksLiveData('ngay mai phuong ben nghe co lich cat dien khong')).toBe(true);
    expect(asksLiveData('Will it rain in Hanoi tomorrow?')).toBe(true);
    expect(asksLiveData('Hôm nay những đơn vị nào tham gia hội nghị triển khai kế hoạch?')).toBe(false);
    expect(asksLiveData('Kế hoạch có hỗ trợ hộ bị mất điện sau lũ không?')).toBe(false);
  });
});

describe('askedAttribute', () => {
  it('asks an address where a question asks where an office is, not when it asks about repairing offices', () => {
    expect(askedAttribute('Trụ sở Sở Nội vụ ở đâu?')).not.toBeNull();
    expect(askedAttribute('Quyết định bổ sung cho tỉnh bao nhiêu kinh phí để sửa chữa trụ sở?')).toBeNull();
  });

  it('asks for a place where a question asks where something is or will be, not for a mention of it', () => {
    for (const question of ['Where will the provincial start-up centre be built?', 'Trung tâm điều hành thông minh của tỉnh đặt ở đâu?', 'Lễ phát động tổ chức tại địa điểm nào?']) {
      const stated = askedAttribute(question)!;
      expect(stated, question).not.toBeNull();
      expect(stated.test('xay dung trung tam khoi nghiep cap tinh')).toBe(false);
      expect(stated.test('trung tam dat tai phuong ninh kieu')).toBe(true);
    }
    expect(askedAttribute('Where does the plan say the centre gets its money?')).toBeNull();
  });

  it('asks for words of ending when a question asks when a rule ceases to apply', () => {
    const stated = askedAttribute('Thông tư 05/2025/TT-BGDĐT hết hiệu lực khi nào?')!;
    expect(stated.test('thong tu nay co hieu luc thi hanh ke tu ngay 22 thang 4 nam 2025')).toBe(false);
    expect(stated.test('dieu 9 thong tu so 16/2017/tt-bgddt het hieu luc ke tu ngay thong tu nay co hieu luc')).toBe(true);
    // When it takes effect is asked with "hiệu lực", and answered without words of ending.
    expect(askedAttribute('Thông tư 05/2025/TT-BGDĐT có hiệu lực khi nào?')!.test('thong tu nay co hieu luc thi hanh ke tu ngay 22 thang 4 nam 2025')).toBe(true);
  });

  it('asks for "hiệu lực" when a question asks when a document takes effect, and for a frequency when asked how often', () => {
    const effect = askedAttribute('Quyết định 19/2021/QĐ-TTg có hiệu lực thi hành từ ngày nào?')!;
    expect(effect.test('can cu quyet dinh so 19/2021/qd-ttg ngay 18/11/2021, ke hoach so 7/kh-ubnd ngay 25/12/2023')).toBe(false);
    expect(effect.test('quyet dinh nay co hieu luc tu ngay ky')).toBe(true);
    const often = askedAttribute('Sở phải kiểm tra an toàn thông tin bao lâu một lần?')!;
    expect(often.test('thuc hien kiem tra dinh ky')).toBe(false);
    expect(often.test('kiem tra 6 thang mot lan')).toBe(true);
    expect(often.test('kiem tra hang nam')).toBe(true);
    const periodic = askedAttribute('Định kỳ bao lâu xã phải xem xét lại các phản ánh bị ẩn?')!;
    expect(periodic.test('dinh ky hang thang, ubnd cap xa chi dao xem xet lai')).toBe(true);
    expect(periodic.test('xem xet lai cac phan anh bi an')).toBe(false);
  });

  it('asks for words of replacing when a question asks what a document replaces', () => {
    const stated = askedAttribute('Kế hoạch 174/KH-UBND thay thế kế hoạch nào?')!;
    expect(stated.test('thuc hien thong tri so 02-tt/tu ngay 03 thang 10 nam 2025')).toBe(false);
    expect(stated.test('thong tu nay thay the thong tu so 28/2009/tt-bgddt')).toBe(true);
    // A clause that only describes a document by what it replaces asks for no words of replacing.
    expect(askedAttribute('When did the circular that Circular 110/2025/TT-BTC replaces take effect?')!.test('thong tu nay co hieu luc tu ngay 05 thang 01 nam 2026')).toBe(true);
    expect(askedAttribute('Which circular does Circular 110/2025/TT-BTC replace?')).not.toBeNull();
  });
});

describe('asksEffect', () => {
  it('tells questions about taking or ceasing effect from others about dates', () => {
    expect(asksEffect('Nghị định 84/2020/NĐ-CP có hiệu lực từ ngày nào?')).toBe(true);
    expect(asksEffect('When does Circular 16/2017 expire?')).toBe(true);
    expect(asksEffect('Nghị định 84/2020/NĐ-CP ban hành ngày nào?')).toBe(false);
    // Asked when something was issued, the date a citation bears is the answer, whoever names the document.
    expect(asksIssue('Kế hoạch thực hiện chỉ thị nào, ban hành ngày nào?')).toBe(true);
    expect(asksIssue('Kế hoạch (ban hành kèm Quyết định 12) thực hiện từ năm nào?')).toBe(false);
  });
});

describe('askedAmountKinds', () => {
  const answers = (question: string, passage: string) => askedAmountKinds(question).every((names) => names(passage));
  it('answers a question on one kind of amount only with a passage naming that kind', () => {
    const fee = 'Mức thu phí thẩm định cấp Giấy phép là 1.000.000 đồng/phòng';
    expect(answers('Hộ kinh doanh karaoke chưa có giấy phép thì bị phạt bao nhiêu tiền?', fee)).toBe(false);
    expect(answers('Hộ kinh doanh karaoke chưa có giấy phép thì bị phạt bao nhiêu tiền?', 'Phạt tiền từ 5.000.000 đồng')).toBe(true);
    expect(answers('Phí thẩm định giấy phép karaoke là bao nhiêu?', fee)).toBe(true);
    // "Chi phí" (cost) and "kinh phí" (funding) are no fee.
    expect(answers('Phí thẩm định giấy phép karaoke là bao nhiêu?', 'Chi phí tổ chức lớp học là 500.000 đồng')).toBe(false);
    // Typed without diacritics, only unambiguous forms count: "phat" is also "phát".
    expect(askedAmountKinds('bi phat bao nhieu tien')).toHaveLength(1);
    expect(askedAmountKinds('phat trien bao nhieu doanh nghiep')).toHaveLength(0);
  });

  it('takes the kind named nearest before "bao nhiêu" when several are named', () => {
    const question = 'Ngân hàng làm dịch vụ chi trả trợ cấp được hưởng phí dịch vụ bao nhiêu phần trăm?';
    expect(answers(question, 'Ít nhất 85% người hưởng trợ cấp xã hội mở tài khoản')).toBe(false);
    expect(answers(question, 'Phí dịch vụ chi trả bằng 0,5% số tiền chi trả')).toBe(true);
  });
});

describe('askedAwards', () => {
  it('reads the kinds of honour a question names, with or without diacritics', () => {
    expect(askedAwards('Hồ sơ đề nghị tặng Giấy khen của Chủ tịch UBND xã phải nộp trước ngày nào?')).toEqual(['giay khen']);
    expect(askedAwards('bang khen cua chu tich ubnd tinh duoc thuong bao nhieu')).toEqual(['bang khen']);
    expect(askedAwards('Ai chủ trì phong trào thi đua?')).toEqual([]);
  });
});

describe('asksWhoSigned', () => {
  it('asks for the person who signed, not for a signature', () => {
    expect(asksWhoSigned('Who signed Circular 55/2023/TT-BTC?', ['signer'])).toBe(true);
    expect(asksWhoSigned('Ai ký Thông tư 55/2023/TT-BTC?', ['signer'])).toBe(true);
    expect(asksWhoSigned('Tỷ lệ người dân có chữ ký số đạt bao nhiêu?', ['signer', 'percent'])).toBe(false);
  });

  it('does not ask for the document\'s signer when another paper is signed ("biên bản cuộc họp do ai ký")', () => {
    expect(asksWhoSigned('Biên bản cuộc họp Hội đồng kỷ luật do những ai ký?', ['signer', 'who'])).toBe(false);
    expect(asksWhoSigned('Who signs the contract with the service provider?', ['signer', 'who'])).toBe(false);
  });
});

describe('asksSubject', () => {
  it('reads a question on who enacts a document, on what basis, or what it governs', () => {
    expect(asksSubject('Cơ quan nào ban hành Thông tư về lệ phí này?')).toBe(true);
    expect(asksSubject('Quy chế quy định việc tiếp nhận những loại phản ánh kiến nghị nào?')).toBe(true);
    expect(asksSubject('Nghị định quy định về những gì?')).toBe(true);
    expect(asksSubject('What does the circular apply to?')).toBe(true);
  });

  it('leaves alone a request ("đề nghị cấp phép") that asks for no proposer', () => {
    expect(asksSubject('Ai phải nộp phí khi đề nghị cấp giấy phép kinh doanh?')).toBe(false);
  });
});

describe('basisDateAsked', () => {
  it('reads the name of a law a document rests on whose date is asked, and asks the legal bases for it, not the document\'s date', () => {
    const question = 'Nghị định 09/2025/NĐ-CP căn cứ Luật Ngân sách nhà nước ban hành ngày nào?';
    expect(basisDateAsked(question)).toEqual(['luat', 'ngan', 'sach', 'nha', 'nuoc']);
    expect(facts(question, [TITLE], true)).toEqual(['legal-basis']);
    expect(basisDateAsked('Nghị định 09/2025/NĐ-CP căn cứ luật nào?')).toEqual([]);
  });
});

describe('measuredPhrase', () => {
  const translate = (english: string) => english.replace('cooperatives', 'hợp tác xã').replace('issuing electronic invoices', 'sử dụng hóa đơn điện tử');
  it('reads what a share asked is of, up to what the question says of it', () => {
    expect(measuredPhrase('Đến năm 2030 tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử phải đạt bao nhiêu phần trăm?', 'vi', translate)).toBe('doanh nghiep su dung hoa don dien tu');
    expect(measuredPhrase('ty le nu tham gia cap uy dang la bao nhieu phan tram', 'vi', translate)).toBe('nu tham gia cap uy dang');
    expect(measuredPhrase('What share of cooperatives issuing electronic invoices does the plan target?', 'en', translate)).toBe('hop tac xa su dung hoa don dien tu');
  });

  it('is none when the question names no thing of two words ("với tỷ lệ tối đa bao nhiêu")', () => {
    expect(measuredPhrase('Bằng khen được tặng với tỷ lệ tối đa bao nhiêu?', 'vi', translate)).toBeNull();
    expect(measuredPhrase('Có bao nhiêu người?', 'vi', translate)).toBeNull();
    // People counted are a unit, whatever group they are, unless what is done for them is said.
    expect(measuredPhrase('Huyện Hữu Lũng hiện có bao nhiêu người có công với cách mạng?', 'vi', translate)).toBeNull();
    // A unit or an amount is no thing counted.
    expect(measuredPhrase('QĐ 2639 bổ sung cho tỉnh Đắk Lắk bao nhiêu kinh phí?', 'vi', translate)).toBeNull();
    expect(measuredPhrase('được hỗ trợ bao nhiêu tiền một hécta?', 'vi', translate)).toBeNull();
    expect(measuredPhrase('Khánh Hòa được bổ sung bao nhiêu để sửa chữa, cải tạo trụ sở làm việc cấp xã?', 'vi', translate)).toBeNull();
  });

  it('reads the people a share is of with what is done for them ("người sau cai nghiện được hỗ trợ tạo việc làm")', () => {
    expect(measuredPhrase('Cần Thơ phấn đấu bao nhiêu phần trăm người sau cai nghiện ma túy được hỗ trợ tạo việc làm?', 'vi', translate)).toBe('nguoi sau cai nghien ma tuy duoc ho tro tao viec lam');
  });

  it('reads the thing a count asks for', () => {
    expect(measuredPhrase('Đến năm 2035, kế hoạch đặt mục tiêu phát triển bao nhiêu sản phẩm du lịch thông minh?', 'vi', translate)).toBe('san pham du lich thong minh');
  });
});

describe('askedThing', () => {
  it('reads the word naming what a "which" question asks for', () => {
    expect(askedThing('song nao dai nhat the gioi')).toBe('song');
    expect(askedThing('Núi cao nhất Việt Nam là núi nào?')).toBe('nui');
  });

  it('is none for "khi nào", "như thế nào" and the like', () => {
    expect(askedThing('Khi nào phải gửi báo cáo?')).toBeNull();
    expect(askedThing('Việc cấp thẻ được thực hiện như thế nào?')).toBeNull();
    expect(askedThing('Ai ký kế hoạch?')).toBeNull();
  });
});

describe('namesAskedAbout', () => {
  it('reads names written with a capital inside a sentence, folded; not the first word, nor codes in capitals', () => {
    expect(namesAskedAbout('Kế hoạch có phối hợp với London và Tokyo không?', null)).toEqual(['london', 'tokyo']);
    expect(namesAskedAbout('London có trong kế hoạch không? Ví dụ SOC, BHYT.', null)).toEqual([]);
  });

  it('asked in English, keeps only the words the glossary left untranslated', () => {
    expect(namesAskedAbout('Which Decree lets MoMo pay allowances?', ['momo'])).toEqual(['momo']);
  });
});


describe('ratePeriodAsked', () => {
  it('reads the period a figure is asked for, typed with or without diacritics', () => {
    expect(ratePeriodAsked('Giáo viên THCS được xếp dạy tối đa bao nhiêu tiết mỗi ngày?')).toBe('ngày');
    expect(ratePeriodAsked('tro cap hang thang la bao nhieu')).toBe('tháng');
    expect(ratePeriodAsked('số tiết giảm mỗi tuần')).toBe('tuần');
  });
  it('reads "một ngày" after what is asked as each day, not before it ("trong một năm có bao nhiêu đợt")', () => {
    expect(ratePeriodAsked('Chi tối đa bao nhiêu đồng cho mỗi học viên một ngày?')).toBe('ngày');
    expect(ratePeriodAsked('ho tro bao nhieu tien mot thang')).toBe('tháng');
    expect(ratePeriodAsked('Trong một năm có bao nhiêu đợt thi đua?')).toBeNull();
  });
  it('is null when no period is asked ("mỗi tỉnh", "năm 2025")', () => {
    expect(ratePeriodAsked('mỗi tỉnh được bổ sung bao nhiêu?')).toBeNull();
    expect(ratePeriodAsked('Đến năm 2025 đạt bao nhiêu phần trăm?')).toBeNull();
  });
});

describe('askedRole', () => {
  it.each([
    ['Ban Chỉ đạo do ai làm Trưởng ban?', 'truong ban'],
    ['doan kiem tra do ai lam truong doan', 'truong doan'],
    ['Hội đồng kỷ luật do ai làm Chủ tịch?', 'chu tich'],
    ['Ai là Phó Trưởng ban thường trực?', 'pho truong ban'],
    ['Ai chủ trì kiểm tra?', null],
  ])('%s → %s', (question, role) => expect(askedRole(question)).toBe(role));
});

describe('namedArticle', () => {
  it.each([
    ['Theo khoản 2 Điều 7 NĐ 09/2025/NĐ-CP, tỉnh được hỗ trợ bao nhiêu?', 7],
    ['According to clause 1 of Article 2 of Decree 172/2025/ND-CP, what must it ensure?', 2],
    // An article of a document another rewrites, or two articles, name no one place to answer from.
    ['Under Article 21 of Circular 55/2023/TT-BTC as rewritten by Circular 112/2025/TT-BTC, which decrees apply?', null],
    ['Điều 5 và Điều 6 quy định gì?', null],
    ['Nghị định quy định gì về kỷ luật?', null],
  ])('%s → %s', (question, article) => expect(namedArticle(question)).toBe(article));
});

describe('asksPerson', () => {
  it("asks a person's name of who holds a post, not of who chairs a council, which the documents give as a post", () => {
    expect(asksPerson('Ai là Chủ tịch UBND tỉnh Đắk Lắk hiện nay?')).toBe(true);
    expect(asksPerson('Who is the director of the Department of Health?')).toBe(true);
    expect(asksPerson('Ai làm Chủ tịch Hội đồng kỷ luật công chức?')).toBe(false);
    expect(asksPerson('Who may chair the disciplinary council for a civil servant?')).toBe(false);
  });
});

describe('asksBound', () => {
  it('reads a bound asked for, in Vietnamese or in the translation of English', () => {
    expect(asksBound('Mỗi tiết được quy đổi tối đa bao nhiêu tiết định mức?')).toBe(true);
    expect(asksBound('ít nhất mấy người')).toBe(true);
    expect(asksBound('Mỗi tiết được quy đổi bao nhiêu tiết định mức?')).toBe(false);
  });
});

describe('asksEntryIntoForce', () => {
  it('reads what the article putting a document in force answers: effect, changes, who carries it out, what holds in between', () => {
    expect(asksEntryIntoForce('Theo quy định chuyển tiếp, hồ sơ nộp trước ngày nào vẫn thu phí theo thông tư cũ?')).toBe(true);
    expect(asksEntryIntoForce('Who is responsible for implementing the decree?')).toBe(true);
    expect(asksEntryIntoForce('Thông tư này có hiệu lực từ ngày nào?')).toBe(true);
    expect(asksEntryIntoForce('Mức thu phí thẩm định là bao nhiêu?')).toBe(false);
  });
});

describe('figureSubject', () => {
  it('reads what a figure is asked of, after a case told first and without the document it is asked under', () => {
    expect(figureSubject('Theo TT 05/2025/TT-BGDĐT, giáo viên kiêm bí thư đoàn trường THPT được giảm bao nhiêu tiết?')).toBe('giáo viên kiêm bí thư đoàn trường thpt được giảm ');
    expect(figureSubject('Nhà tôi ở vùng lũ. Hộ nghèo được hỗ trợ tối đa mấy triệu đồng?')).toBe('hộ nghèo được hỗ trợ ');
    // (Without a comma the document's name stays: its words are the document's naming words, weighed nowhere.)
    expect(figureSubject('toi day o truong thcs. theo tt 05 moi tuan toi phai day bao nhieu tiet')).toBe('theo tt 05 moi tuan toi phai day ');
    expect(figureSubject('Ai ký kế hoạch này?')).toBe('');
  });
});
