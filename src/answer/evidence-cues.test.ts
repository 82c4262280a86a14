import { describe, expect, it } from 'vitest';
import { translateToVietnamese } from '../lang/glossary.js';
import { actingBody, namesRoleOf, opensWithDutyOf, askedDay, datedByOwnEffect, restatesSubject, askedYears, isDateline, documentOfOtherYears, headingNamesBody, particularBodies, askedUnit, asksBeneficiaries, asksCurrentState, asksFunding, citesDocument, listHead, openingWords, asksDuration, askedDurationUnit, listsOtherCases, figureInOtherClause, caseClause, articleNumber, datesOnlyEnactment, asksEnactment, isCapitalTitle, statesDurationIn, asksPeriod, asksWhichPlan, asksStructure, isAttachmentCaption, isBodyHeading, holdsAskedYear, sectionYears, statesOtherYears, statesTarget, titleOtherYears, statesUnit, typeFit, type AskedDay, asksDuties, asksLedTasks, asksWhichBody, asksActingBody, asksHowMuch, namedBody, taskLeadLine, saysWhoLeads, rowInChargeOf } from './evidence-cues.js';

describe('askedUnit', () => {
  it.each([
    ['Huyện có bao nhiêu người có công?', 'nguoi'],
    ['huyen co bao nhieu nguoi co cong', 'nguoi'],
    ['Mức hỗ trợ là bao nhiêu đồng?', 'dong'],
    ['Có mấy cơ sở trợ giúp xã hội?', 'co'],
    ['Tỷ lệ là bao nhiêu phần trăm?', 'phan tram'],
    ['Kinh phí là bao nhiêu?', 'tien'],
    ['QĐ 2639 bổ sung cho tỉnh Đắk Lắk bao nhiêu kinh phí?', 'tien'],
    ['What is the monthly allowance in dong for a disabled person?', 'tien'],
    ["Which fee is collected in Dong Thap?", null],
    ['Mức phí thẩm định là bao nhiêu một phòng?', 'tien'],
    ['Bằng khen được kèm theo tiền thưởng bao nhiêu?', 'tien'],
    ['Kế hoạch có bao nhiêu?', null],
    ['Ai ký kế hoạch?', null],
    // "thiểu số" holds "số" but counts nothing.
    ['Công chức là người dân tộc thiểu số thì được giảm bao nhiêu?', null],
    ['Số người được hỗ trợ là bao nhiêu?', 'nguoi'],
    ['Tỷ lệ nữ trong tổng số người có trình độ thạc sĩ đạt bao nhiêu?', null],
    // "để" (in order to) after "bao nhiêu" is no unit, though folded it is "đề" too.
    ['Hội được hỗ trợ bao nhiêu để tổ chức mừng thọ?', null],
    // How many times: a passage must say "01 lần", not only what is done.
    ['Thời hạn bảo vệ được gia hạn tối đa mấy lần?', 'lan'],
  ])('%s → %s', (question, unit) => expect(askedUnit(question)).toBe(unit));
});

describe('statesUnit', () => {
  it('finds a figure followed by the unit, within a few words', () => {
    expect(statesUnit('nguoi', 'có 2.226 người có công')).toBe(true);
    expect(statesUnit('nguoi', 'có 98 cụ tròn 100 tuổi')).toBe(true); // people counted in another word
    expect(statesUnit('giuong', 'có 98 người tròn 100 tuổi')).toBe(false);
    expect(statesUnit('tre', 'có 1.476 trẻ em có hoàn cảnh đặc biệt')).toBe(true);
  });
  it('treats money and percentages by their own forms', () => {
    expect(statesUnit('dong', 'có trên 140 ngàn người có công')).toBe(false);
    expect(statesUnit('dong', 'mức hỗ trợ 500.000 đồng/người/tháng')).toBe(true);
    expect(statesUnit('dong', 'kinh phí 2 tỷ đồng')).toBe(true);
    expect(statesUnit('dong', 'hỗ trợ 6.227.000.000đ cho giáo dục')).toBe(true);
    expect(statesUnit('ty', '2. Đóng góp, hỗ trợ hợp pháp của các doanh nghiệp')).toBe(false);
    expect(statesUnit('phan tram', 'tối thiểu 70% cơ sở')).toBe(true);
  });
});

describe('typeFit', () => {
  it('prefers passages that state the kind of fact asked for', () => {
    expect(typeFit('deadline', 'Định kỳ trước ngày 10/11 hàng năm gửi báo cáo', '')).toBe(1);
    expect(typeFit('deadline', 'định kỳ hằng năm báo cáo UBND huyện', '')).toBeLessThan(1);
    expect(typeFit('deadline', 'Tổ chức tuyên truyền chính sách', '')).toBeLessThan(0.2);
    // Asked when, without a day: a year a time field or a completion names, a part of a year, a time limit counted from an event.
    expect(typeFit('date', 'Thời gian thực hiện: năm 2026.', '')).toBe(1);
    expect(typeFit('date', 'Hoàn thành trong 6 tháng đầu năm 2026.', '')).toBe(1);
    expect(typeFit('deadline', 'Trong vòng 15 ngày làm việc kể từ ngày nhận hồ sơ.', '')).toBeGreaterThanOrEqual(0.6);
    expect(typeFit('date', 'Nâng cao chất lượng dịch vụ công năm 2026.', '')).toBeLessThan(0.2);
    expect(typeFit('count', 'có 12.805 người cao tuổi', '')).toBe(1);
    expect(typeFit('count', 'chăm sóc người cao tuổi', '')).toBeLessThan(0.2);
    expect(typeFit('legal-basis', 'Căn cứ Quyết định số 1942/QĐ-TTg ngày 18/11/2021', '')).toBe(1);
    // Funding asked for is stated by a passage speaking of funds or sums of money, or under such a heading; not by any.
    expect(typeFit('funding', 'Thành lập Hội đồng kỷ luật để tư vấn việc xử lý kỷ luật', '')).toBeLessThan(0.2);
    expect(typeFit('funding', 'Hỗ trợ 500.000 đồng cho mỗi cuộc họp', '')).toBeGreaterThanOrEqual(0.6);
    expect(typeFit('funding', 'Từ ngân sách tỉnh theo phân cấp', 'VI. KINH PHÍ THỰC HIỆN')).toBe(1);
    // A fund, capital, aid or a partnership is where money comes from too; "quy định" is no fund.
    expect(typeFit('funding', 'Khai thác hiệu quả Quỹ phát triển khoa học và công nghệ của tỉnh', '')).toBeGreaterThanOrEqual(0.6);
    expect(typeFit('funding', 'Thu hút vốn quốc tế và hợp tác theo phương thức PPP', '')).toBeGreaterThanOrEqual(0.6);
    expect(typeFit('funding', 'Thực hiện theo quy định của pháp luật về thi đua', '')).toBeLessThan(0.2);
    // The date a cited document bears is when it was issued: it dates no event, unless that document is asked about.
    const cited = 'Căn cứ Nghị định số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ quy định chức năng của Bộ Giáo dục';
    expect(typeFit('date', cited, '')).toBeLessThan(0.2);
    expect(typeFit('date', cited, '', { citedAsked: (citation) => citation.startsWith('37/2025/'), day: null })).toBe(1);
    expect(typeFit('date', 'Kế hoạch số 151 /KH-UBND ngày 06/7/2020 về Tháng hành động', '')).toBeLessThan(0.2);
    expect(typeFit('who', 'Chủ trì, phối hợp tổ chức thực hiện', 'VI. TỔ CHỨC THỰC HIỆN › 2. Sở Y tế')).toBe(1);
    expect(typeFit('percent', 'Phấn đấu 80% đối tượng được quản lý', '')).toBe(1);
  });

  it('takes a law named without number or date as a cited document, not the word "luật" in running text', () => {
    expect(typeFit('document', 'Các đơn vị lập dự toán theo quy định của Luật Ngân sách nhà nước và Luật Đầu tư công.', '')).toBe(1);
    expect(typeFit('legal-basis', 'Thực hiện theo Bộ luật Lao động hiện hành.', '')).toBe(1);
    expect(typeFit('document', 'Tuyên truyền, phổ biến pháp luật về đất đai; Luật này áp dụng chung.', '')).toBeLessThan(0.2);
  });
});

describe('opensWithDutyOf', () => {
  it('reads a clause opening with a body and its duty as that body\'s', () => {
    expect(opensWithDutyOf('1. Bộ trưởng Bộ Tư pháp có trách nhiệm theo dõi, đôn đốc việc thực hiện.', ['tu phap'])).toBe(true);
    expect(opensWithDutyOf('b) Sở Y tế chủ trì, phối hợp kiểm tra.', [])).toBe(true);
    expect(opensWithDutyOf('1. Bộ trưởng Bộ Tư pháp có trách nhiệm theo dõi.', ['y te'])).toBe(false);
    expect(opensWithDutyOf('Các đơn vị có liên quan phối hợp với Sở Y tế, chịu trách nhiệm trước pháp luật.', ['y te'])).toBe(false);
  });

  it('reads the body a clause opens with as the subject of what its sentence says it does', () => {
    const article = 'Điều 2.** Ủy ban nhân dân các tỉnh, thành phố nêu tại Điều 1 căn cứ tình hình thực tế để quyết định mức hỗ trợ cho các xã; đồng thời, chịu trách nhiệm quản lý, sử dụng kinh phí.';
    expect(opensWithDutyOf(article, ['uy ban'])).toBe(true);
    expect(opensWithDutyOf(article, ['so tai chinh'])).toBe(false);
    expect(opensWithDutyOf('Các đơn vị tổng hợp số liệu. Sở Tài chính chịu trách nhiệm thẩm định.', ['so tai chinh'])).toBe(false);
    expect(opensWithDutyOf('- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả.', ['mat tran'])).toBe(true);
  });

  it('reads an item\'s field naming who carries it out as the opening of its clause, not a field of partners', () => {
    expect(opensWithDutyOf('- Cơ quan thực hiện: Sở Giáo dục và Đào tạo và Sở Y tế chủ trì, phối hợp với các sở, ngành.', ['so y te'])).toBe(true);
    expect(opensWithDutyOf('- Đơn vị chủ trì: Sở Khoa học và Công nghệ.', ['so khoa hoc'])).toBe(true);
    expect(opensWithDutyOf('- Cơ quan phối hợp: Sở Y tế, Sở Tài chính.', ['so y te'])).toBe(false);
  });
});

describe('askedUnit without a unit after "bao nhiêu"', () => {
  it('reads the unit from "số …" and money from "số tiền"', () => {
    expect(askedUnit('Số người có công ở huyện là bao nhiêu?')).toBe('nguoi');
    expect(askedUnit('Tổng số trẻ em của tỉnh là bao nhiêu?')).toBe('tre');
    expect(askedUnit('Số tiền hỗ trợ là bao nhiêu?')).toBe('tien');
    expect(askedUnit('Số hiệu của kế hoạch là bao nhiêu?')).toBeNull();
  });

  it('reads no "mấy" in a word holding "máy" typed without diacritics', () => {
    expect(askedUnit('co so da duoc trang bi may moc chua')).toBeNull();
    expect(askedUnit('nha may nay co may cong nhan')).toBe('cong');
  });

  it('reads money from a price or a cost asked', () => {
    expect(askedUnit('bao hiem xe may mot nam gia bao nhieu')).toBe('tien');
    expect(askedUnit('Học phí một năm là bao nhiêu?')).toBe('tien');
    expect(askedUnit('Chương trình mục tiêu quốc gia có bao nhiêu dự án?')).toBe('du');
  });
});

describe('sections, bodies and years', () => {
  it('recognises headings that name a body', () => {
    expect(isBodyHeading('2. Sở Y tế')).toBe(true);
    expect(isBodyHeading('8. Đề nghị Bảo hiểm xã hội tỉnh')).toBe(true);
    expect(isBodyHeading('9. UBND các phường, xã')).toBe(true);
    expect(isBodyHeading('3. Ngân hàng Nhà nước chi nhánh Khu vực 14')).toBe(true);
    expect(isBodyHeading('5. Kho bạc Nhà nước tỉnh')).toBe(true);
    expect(isBodyHeading('2.2. Công tác trợ giúp xã hội')).toBe(false);
    expect(isBodyHeading('1. Củng cố, hoàn thiện bộ máy')).toBe(false);
  });
  it("recognises a legal document's heading on a body's duties, and names the body", () => {
    expect(isBodyHeading('Điều 9. Trách nhiệm của Ủy ban nhân dân cấp tỉnh')).toBe(true);
    expect(isBodyHeading('b) Nhiệm vụ, quyền hạn của Sở Tư pháp')).toBe(true);
    expect(headingNamesBody('14. Trách nhiệm của Sở Nội vụ', particularBodies('Sở Nội vụ'))).toBe(true);
    expect(isBodyHeading('Điều 3. Trách nhiệm của công chức khi tham gia đào tạo, bồi dưỡng')).toBe(false);
  });
  it('matches asked years against the spans in the headings', () => {
    const later = ['II. MỤC TIÊU', '2. Mục tiêu cụ thể', 'b) Giai đoạn 2026 - 2030'];
    expect(sectionYears(later, [2030])).toBe('match');
    expect(sectionYears(later, [2025])).toBe('mismatch');
    expect(sectionYears(['Phần thứ nhất: ĐÁNH GIÁ GIAI ĐOẠN 2016 - 2020'], [2025])).toBe('mismatch');
    expect(sectionYears(['VI. TỔ CHỨC THỰC HIỆN'], [2025])).toBe('neutral');
    expect(sectionYears(later, [])).toBe('neutral');
    expect(sectionYears(['2. Định hướng đến năm 2035'], [2030])).toBe('mismatch');
    expect(sectionYears(['2. Định hướng đến năm 2035'], [2035])).toBe('match');
    expect(sectionYears(['Giai đoạn 2021 - 2025, tầm nhìn đến năm 2030'], [2030])).toBe('match');
  });

  it('rules out a passage naming no year under a heading for other years', () => {
    expect(statesOtherYears('Quy mô đạt 40% GRDP.', ['II. MỤC TIÊU', '2. Định hướng đến năm 2035'], [2030])).toBe(true);
    expect(statesOtherYears('Quy mô đạt 40% GRDP.', ['II. MỤC TIÊU'], [2030])).toBe(false);
    expect(statesOtherYears('Từ năm 2025 đến hết năm 2030, đạt 40%.', [], [2027])).toBe(false);
  });

  it('reads from the title for which years a document sets its figures', () => {
    const title = 'Kế hoạch thực hiện Chương trình phòng, chống ma túy đến năm 2030';
    expect(titleOtherYears('Phấn đấu 50% xã không có ma túy.', ['2. Mục tiêu cụ thể'], title, [2027], true)).toBe(true);
    expect(titleOtherYears('Phấn đấu 50% xã không có ma túy.', ['2. Mục tiêu cụ thể'], title, [2030], true)).toBe(false);
    expect(titleOtherYears('Năm 2027 đạt 30% xã không có ma túy.', ['2. Mục tiêu cụ thể'], title, [2027], true)).toBe(false);
    expect(titleOtherYears('Đạt 90% người dân có sổ sức khỏe.', [], 'Kế hoạch giai đoạn 2021 - 2025', [2030], true)).toBe(true);
    expect(titleOtherYears('Đạt 90% người dân có sổ sức khỏe.', [], 'Kế hoạch giai đoạn 2021 - 2025', [2025], true)).toBe(false);
    // Another figure is for any year of its document's span.
    const programmes = 'Thông tư sửa đổi quy định kinh phí các chương trình mục tiêu quốc gia giai đoạn 2021-2025';
    expect(titleOtherYears('Hỗ trợ tối đa 03 triệu đồng/hộ.', [], programmes, [2026, 2030], false)).toBe(true);
    expect(titleOtherYears('Hỗ trợ tối đa 03 triệu đồng/hộ.', [], programmes, [2023], false)).toBe(false);
    // A target that neither its passage, its headings nor its title dates is for no year asked; another figure may be.
    expect(titleOtherYears('Hội có mục tiêu chính là phát triển kinh tế vườn.', [], 'Hội Làm vườn', [2025], true)).toBe(true);
    expect(titleOtherYears('Hỗ trợ tối đa 03 triệu đồng/hộ.', [], 'Quy định mức hỗ trợ', [2025], false)).toBe(false);
  });
  it('tells "which plan" from "which decision"', () => {
    expect(asksWhichPlan('Kế hoạch nào chỉ thực hiện đến năm 2025?')).toBe(true);
    expect(asksWhichPlan('Which plans mention ODA?')).toBe(true);
    expect(asksWhichPlan('Kế hoạch này thực hiện quyết định nào?')).toBe(false);
  });
});

describe('slots a passage must fill', () => {
  it('takes a share as an amount but not as a count, and never an item number', () => {
    expect(statesUnit('luong', 'được hưởng 50% của mức lương hiện hưởng')).toBe(true);
    expect(statesUnit('co', 'Tối thiểu 10% cơ sở trợ giúp xã hội đạt chuẩn')).toBe(false);
    expect(statesUnit('co', 'Toàn tỉnh có 12 cơ sở trợ giúp xã hội')).toBe(true);
    expect(statesUnit('kinh', '1. Kinh phí thực hiện được bố trí trong dự toán')).toBe(false);
    expect(statesUnit('kinh', 'Tổng kinh phí 1.200 triệu đồng')).toBe(true);
  });

  it('rules out a figure for other years, and a target for how things stand now', () => {
    expect(statesOtherYears('Năm 2025 đạt 60% cơ quan có lãnh đạo nữ', [], [2030])).toBe(true);
    expect(statesOtherYears('Giai đoạn 2021 - 2030 đạt 60%', [], [2025])).toBe(false);
    expect(statesOtherYears('Đạt 60% cơ quan có lãnh đạo nữ', [], [2030])).toBe(false);
    expect(statesOtherYears('Năm 2025 đạt 60%', ['b) Giai đoạn 2021 - 2030'], [2030])).toBe(false);
    expect(asksCurrentState('Hiện nay tỉnh có bao nhiêu ha rừng ngập mặn?')).toBe(true);
    expect(statesTarget('Phấn đấu đến năm 2030 diện tích rừng ngập mặn đạt 1.700 ha')).toBe(true);
    expect(statesTarget('Diện tích rừng ngập mặn hiện có 1.200 ha')).toBe(false);
    expect(statesTarget('Hình thành ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo')).toBe(true);
    expect(statesTarget('2.1. Đến năm 2030')).toBe(true);
  });
});

describe('citesDocument', () => {
  it('reads a law cited by its name and date, not "pháp luật" nor "Luật này"', () => {
    expect(citesDocument('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;')).toBe(true);
    expect(citesDocument('Căn cứ Nghị định số 78/2025/NĐ-CP;')).toBe(true);
    expect(citesDocument('Thực hiện theo quy định của pháp luật về đất đai ngày 1 tháng 8')).toBe(false);
    expect(citesDocument('thực hiện Kết luận liên ngành tư pháp trung ương số 23/KL-LNTPTW ngày 21 tháng 11 năm 2024')).toBe(true);
    expect(citesDocument('Căn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của Ban Chỉ đạo')).toBe(true);
    expect(citesDocument('Thông báo 552/TB-VPCP của Văn phòng Chính phủ')).toBe(true);
    expect(citesDocument('Luật này có hiệu lực từ ngày 01/01/2026.')).toBe(false);
  });
});

describe('a target', () => {
  it('is read from "đạt" with its accents, never from "đặt" or "đất", nor from the name of a national target programme', () => {
    expect(typeFit('target', 'Tỷ lệ hộ nghèo đạt dưới 1%', '')).toBe(1);
    expect(typeFit('target', 'Đặt trụ sở tại xã, giao đất cho hợp tác xã', '')).toBe(0.1);
    expect(typeFit('target', 'Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025', '')).toBe(0.1);
    expect(typeFit('target', 'Tăng cường tuyên truyền', 'I. MỤC TIÊU')).toBe(1);
    // A quantity is some sign of a target; a year or a document number is none.
    expect(typeFit('target', 'Xây dựng 12 nhà văn hóa xã', '')).toBe(0.3);
    expect(typeFit('target', 'Theo Thông báo 631/TB-VPCP năm 2025', '')).toBe(0.1);
    expect(statesTarget('Năm 2030 đạt ít nhất 80% xã đạt chuẩn')).toBe(true);
    expect(statesTarget('Đặt 3 trạm quan trắc tại xã')).toBe(false);
    expect(statesTarget('Chương trình mục tiêu quốc gia giảm nghèo bền vững')).toBe(false);
  });
});

describe('isAttachmentCaption', () => {
  it('tells a title set in capitals from a heading or a table row in capitals', () => {
    expect(isCapitalTitle('QUY CHẾ')).toBe(true);
    expect(isCapitalTitle('TIẾP NHẬN, XỬ LÝ PHẢN ÁNH KIẾN NGHỊ TRÊN ỨNG DỤNG\nPHẢN ÁNH KIẾN NGHỊ TỈNH BẮC NINH')).toBe(true);
    expect(isCapitalTitle('I | NHÓM XÃ, PHƯỜNG | 115')).toBe(false);
    expect(isCapitalTitle('Quy chế này quy định việc tiếp nhận phản ánh.')).toBe(false);
  });

  it("tells an attached instrument's caption from a passage citing a decision", () => {
    expect(isAttachmentCaption('(Kèm theo Quyết định số 2629/QĐ-TTg ngày 01 tháng 12 năm 2025 của Thủ tướng Chính phủ)')).toBe(true);
    expect(isAttachmentCaption('*(Ban hành kèm theo Quyết định số /QĐ-TTg ngày tháng năm 2025)*')).toBe(true);
    expect(isAttachmentCaption('Thực hiện theo kế hoạch kèm theo Quyết định số 2629/QĐ-TTg.')).toBe(false);
    expect(isAttachmentCaption('(Kèm theo Quyết định số 12/QĐ-UBND) Sở Y tế chủ trì thực hiện.')).toBe(false);
  });

  it('tells a passage listing other cases of what the question names from one naming its case', () => {
    const terms = (text: string) => new Set([...text.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]).flatMap((word, i, words) => [word, ...(i > 0 ? [`${words[i - 1]} ${word}`] : [])]));
    const others = 'Số vụ bắt giữ tại tuyến đường biển, đường hàng không tăng trên 3%.';
    expect(listsOtherCases(['đường bộ'], terms(others), others)).toBe(true);
    const own = 'Số vụ bắt giữ tại tuyến đường bộ, đường biển tăng trên 3%.';
    expect(listsOtherCases(['đường bộ'], terms(own), own)).toBe(false);
    // One other case alone, or cases far apart, is no enumeration.
    const one = 'Số vụ bắt giữ tại tuyến đường biển tăng trên 3%.';
    expect(listsOtherCases(['đường bộ'], terms(one), one)).toBe(false);
  });

  it('tells a share stated in another clause than the one saying what is asked from one stated with it', () => {
    const terms = (text: string) => new Set([...text.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]).flatMap((word, i, words) => [word, ...(i > 0 ? [`${words[i - 1]} ${word}`] : [])]));
    const weights = new Map([...terms('phấn đấu bao nhiêu phần trăm người nghiện được cai nghiện tự nguyện tại gia đình')].map((term) => [term, 1]));
    const states = (clause: string) => /\d\s*%/.test(clause);
    const elsewhere = 'Phấn đấu 100% cơ sở cai nghiện công lập bảo đảm điều kiện; đảm bảo công tác cai nghiện tự nguyện tại gia đình đạt hiệu quả.';
    expect(figureInOtherClause(elsewhere, terms, weights, states)).toBe(true);
    const own = 'Phấn đấu 100% cơ sở cai nghiện công lập bảo đảm điều kiện; 60% người nghiện được cai nghiện tự nguyện tại gia đình.';
    expect(figureInOtherClause(own, terms, weights, states)).toBe(false);
    // Short items before ";" share the clause after them.
    const items = 'Người nghiện tự nguyện; gia đình có người nghiện mỗi đối tượng được hỗ trợ 50% chi phí.';
    expect(figureInOtherClause(items, terms, weights, states)).toBe(false);
  });

  it('reads the clause of the case asked from a sentence setting one value per case', () => {
    const terms = (text: string) => new Set([...text.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]).flatMap((word, i, words) => [word, ...(i > 0 ? [`${words[i - 1]} ${word}`] : [])]));
    const states = (clause: string) => /\d+ tiết/u.test(clause);
    const loads = 'Giáo viên trường dân tộc bán trú tiểu học là 21 tiết, giáo viên trường dân tộc bán trú trung học là 17 tiết, giáo viên trường dân tộc nội trú trung học là 15 tiết;';
    const ask = (question: string) => caseClause(loads, terms, question, states);
    expect(ask('Giáo viên trường dân tộc nội trú trung học dạy bao nhiêu tiết?')).toBe('giáo viên trường dân tộc nội trú trung học là 15 tiết;');
    // No clause is of a boarding primary school: the sentence does not answer.
    expect(ask('Giáo viên trường dân tộc nội trú tiểu học dạy bao nhiêu tiết?')).toBeNull();
    // Two cases joined by "và" are both asked; a question naming no case leaves the sentence whole.
    expect(ask('Giáo viên trường bán trú tiểu học và trường nội trú dạy bao nhiêu tiết?')).toBeUndefined();
    expect(ask('Giáo viên trường dân tộc dạy bao nhiêu tiết?')).toBeUndefined();
    // A value and its cap are no cases of one thing.
    const capped = 'Mức thu phí thẩm định cấp giấy phép kinh doanh karaoke là 1.000 tiết, nhưng tổng mức thu không quá 6.000 tiết;';
    expect(caseClause(capped, terms, 'tổng mức thu phí karaoke bao nhiêu tiết', states)).toBeUndefined();
  });

  it('reads the article a heading opens', () => {
    expect(articleNumber('Điều 2. Nguyên tắc xử lý kỷ luật')).toBe(2);
    expect(articleNumber('**Điều 12. Trách nhiệm**')).toBe(12);
    expect(articleNumber('Chương II: ĐÀO TẠO CÔNG CHỨC')).toBeNull();
  });

  it('tells the day an act was passed or takes effect from a day it sets for something', () => {
    expect(datesOnlyEnactment('Luật được Quốc hội thông qua tại kỳ họp thứ 9 ngày 26 tháng 6 năm 2025, có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.')).toBe(true);
    expect(datesOnlyEnactment('Luật có hiệu lực từ ngày 01/01/2026; các tỉnh ban hành kế hoạch trước ngày 31/3/2026.')).toBe(false);
    expect(datesOnlyEnactment('Báo cáo trước ngày 15 tháng 12 năm 2025.')).toBe(false);
    expect(asksEnactment('Luật có hiệu lực từ ngày nào?')).toBe(true);
    expect(asksEnactment('Các tỉnh phải ban hành kế hoạch trước ngày nào?')).toBe(false);
  });

  it('reads a number of days right after its number, not a date a few words before "ngày"', () => {
    expect(statesUnit('ngay', 'Người lao động được nghỉ tối đa 30 ngày trong một năm.')).toBe(true);
    expect(statesUnit('ngay', 'đang hưởng chế độ trước ngày 01 tháng 7 năm 2025 và từ ngày 01 tháng 7 năm 2025 vẫn nghỉ')).toBe(false);
  });

  it('reads the unit a length of time is asked in, and whether a passage states one in it', () => {
    expect(askedDurationUnit('du lieu duoc luu tru trong bao nhieu nam')).toBe('nam');
    expect(askedDurationUnit('Within how many days must the fee be paid?')).toBe('ngay');
    expect(askedDurationUnit('Hồ sơ được giải quyết trong bao lâu?')).toBeNull();
    expect(statesDurationIn('nam', 'Dữ liệu được lưu trữ 05 năm kể từ ngày tiếp nhận.')).toBe(true);
    expect(statesDurationIn('nam', 'Thời gian trả lời là 07 ngày kể từ ngày tiếp nhận.')).toBe(false);
    expect(statesDurationIn('ngay', 'Thời gian trả lời là 07 ngày làm việc.')).toBe(true);
    expect(statesDurationIn('thang', 'Báo cáo trước ngày 15 tháng 12 năm 2025.')).toBe(false);
  });

  it('tells a question about a length of time from one about a period of years', () => {
    expect(asksDuration('Công chức phải hoàn thành bồi dưỡng trong bao lâu?')).toBe(true);
    expect(asksDuration('how long does the agency have to transfer the fee')).toBe(true);
    expect(asksDuration('Hồ sơ được giải quyết trong mấy ngày?')).toBe(true);
    expect(asksDuration('Định kỳ bao lâu xã phải rà soát các phản ánh bị ẩn?')).toBe(false);
    expect(asksDuration('dinh ky may thang phai bao cao')).toBe(false);
    expect(asksPeriod('Công chức phải hoàn thành bồi dưỡng trong bao lâu?')).toBe(false);
    expect(asksPeriod('Kế hoạch thực hiện trong giai đoạn nào?')).toBe(true);
    expect(asksPeriod('Đợt cao điểm kéo dài từ khi nào đến khi nào?')).toBe(true);
    // A span from one time to another is a period; a term of office or a year alone less surely so.
    expect(typeFit('period', 'Phong trào được triển khai từ tháng 10 năm 2025 đến hết tháng 3 năm 2026.', '')).toBe(1);
    expect(typeFit('period', 'Thời gian thực hiện: năm 2025 và các năm tiếp theo.', '')).toBe(1);
    expect(typeFit('period', 'Bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031.', '')).toBe(0.6);
    expect(typeFit('period', 'Tổ chức tập huấn cho cán bộ.', '')).toBe(0.1);
    expect(asksDuration('Kế hoạch thực hiện trong giai đoạn nào?')).toBe(false);
    expect(asksDuration('Sở phải báo cáo bao lâu một lần?')).toBe(false);
    expect(typeFit('duration', 'Căn cứ Thông tư số 15/2025/TT-BGDĐT ngày 24 tháng 07 năm 2025', '')).toBe(0.1);
    expect(typeFit('duration', 'Hoàn thành trong thời hạn 12 tháng.', '')).toBe(1);
    expect(typeFit('deadline', 'Thay thế Quyết định số 118/2008/QĐ-TTg ngày 27/8/2008 của Thủ tướng', '')).toBe(0.1);
    expect(typeFit('deadline', 'Hoàn thành trước ngày 31/12/2025.', '')).toBe(1);
    // Any body that acts answers "which body": a competent authority, a unit, an enterprise.
    expect(typeFit('who', 'Cơ quan quản lý nhà nước có thẩm quyền là tổ chức thu phí.', '')).toBe(1);
    expect(typeFit('who', 'Thu phí theo quy định tại Thông tư này.', '')).toBe(0.3);
    // A year or a quarter to finish by is when it is due, less surely than a day.
    expect(typeFit('deadline', 'c) Thời gian thực hiện: Hoàn thành trong năm 2026.', '')).toBe(0.6);
    expect(typeFit('deadline', 'Hoàn thành trước quý III/2026.', '')).toBe(0.6);
    expect(typeFit('deadline', 'Hoàn thành mục tiêu giảm nghèo bền vững.', '')).toBe(0.1);
    // A time given by an event answers "khi nào" too, less surely than a date.
    expect(typeFit('date', 'Tổ chức điều tra lăng quăng ngay khi nước rút.', '')).toBe(0.6);
    expect(typeFit('deadline', 'Ban hành sau khi có Quy chế của Trung ương.', '')).toBe(0.6);
  });
});

describe('listHead', () => {
  it('reads what a list question asks the items of, when it opens with it', () => {
    expect(listHead('nguyen tac khen thuong trong phong trao thi dua gom nhung gi')).toEqual(['nguyen', 'tac', 'khen', 'thuong']);
    expect(listHead('Hồ sơ đề nghị gồm những gì?')).toEqual(['ho', 'so', 'de', 'nghi']);
    expect(listHead('Những nhiệm vụ nào được giao?')).toEqual([]);
    // After the document the question opens by ("Theo KH 157 của Cần Thơ, …").
    expect(listHead('Theo KH 157 của Cần Thơ, hồ sơ đề nghị gồm những gì?')).toEqual(['ho', 'so', 'de', 'nghi']);
  });

  it('leaves a long opening to be read by its first words', () => {
    expect(listHead('Theo KH 157, phương án triển khai phong trào thi đua chi trả trợ cấp gồm những bước nào?')).toEqual([]);
    expect(openingWords('Theo KH 157, phương án triển khai phong trào thi đua chi trả trợ cấp gồm những bước nào?').slice(0, 4)).toEqual(['phuong', 'an', 'trien', 'khai']);
  });
});

describe('asksFunding', () => {
  it('reads where the money comes from, however it is asked', () => {
    expect(asksFunding('Tiền để thực hiện kế hoạch lấy từ những nguồn nào?')).toBe(true);
    expect(asksFunding('kinh phi lay tu dau')).toBe(true);
    expect(asksFunding('Kế hoạch lấy ý kiến từ những nguồn nào?')).toBe(false);
  });
});

describe('particularBodies and headingNamesBody', () => {
  it('answers a body\'s duties from the heading naming that body, not from another body\'s', () => {
    const bodies = particularBodies('Sở Nội vụ được giao làm những việc gì trong kế hoạch?');
    expect(bodies).toEqual(['so noi vu']);
    expect(headingNamesBody('5. Sở Nội vụ', bodies)).toBe(true);
    expect(headingNamesBody('3. Sở Kế hoạch và Đầu tư', bodies)).toBe(false);
    // Short forms are read as their long forms on both sides.
    expect(headingNamesBody('9. Ủy ban nhân dân các phường, xã', particularBodies('UBND xã có trách nhiệm gì?'))).toBe(true);
    expect(headingNamesBody('1. Sở Lao động - Thương binh và Xã hội', particularBodies('Sở LĐTBXH làm gì?'))).toBe(true);
    // A document's number ("QĐ-UBND") names no body.
    expect(particularBodies('Sở GD&ĐT được phân cấp những nhiệm vụ gì theo QĐ 53/2025/QĐ-UBND?')).toEqual(['so giao duc']);
    // "số" (a number, digital) is no "Sở" where the text is accented; typed without diacritics it may be.
    expect(particularBodies('kinh tế số kế hoạch 144 xây dựng hệ sinh thái')).toEqual([]);
    expect(particularBodies('so ke hoach va dau tu lam gi')).toEqual(['so ke hoach']);
    // An English word for a body names no particular one: it is never in a Vietnamese heading.
    expect(particularBodies('What are the duties of the department?')).toEqual([]);
  });
});

describe('documentOfOtherYears', () => {
  it('tells a document of other years than those asked', () => {
    expect(documentOfOtherYears(askedYears('Kế hoạch tháng hành động năm 2018 số mấy?'), 'Kế hoạch thực hiện giai đoạn 2022 - 2025', '2022-03-01')).toBe(true);
    expect(documentOfOtherYears(askedYears('Kế hoạch năm 2023 do ai ký?'), 'Kế hoạch thực hiện giai đoạn 2022 - 2025', '2022-03-01')).toBe(false);
    expect(documentOfOtherYears(askedYears('Kế hoạch ban hành năm 2022 do ai ký?'), 'Kế hoạch về người cao tuổi', '2022-03-01')).toBe(false);
    expect(documentOfOtherYears(askedYears('Thông tư 05/2025/TT-BGDĐT do ai ký?'), 'Thông tư quy định chế độ làm việc', '2025-03-07')).toBe(false);
  });
});

describe('isDateline', () => {
  it("tells a document's dateline from sentences holding a date", () => {
    expect(isDateline('Hà Nội, ngày 29 tháng 11 năm 2025')).toBe(true);
    // A day left blank for the signature.
    expect(isDateline('*Đồng Tháp, ngày    tháng 11 năm 2025*')).toBe(true);
    expect(isDateline('Bến Tre, ngày ... tháng ... năm 2021')).toBe(true);
    expect(isDateline('Các sở báo cáo trước ngày 15 tháng 12 năm 2025')).toBe(false);
  });
});

describe('askedDay and actingBody', () => {
  const asking = (day: AskedDay) => ({ citedAsked: () => false, day });
  it('asks for a day, which a yearly rule without one does not give', () => {
    expect(askedDay('UBND huyện phải gửi báo cáo trước ngày nào?')).toBe('day');
    expect(askedDay('By what date must the districts submit their plans?')).toBe('day');
    expect(askedDay('Khi nào phải gửi báo cáo?')).toBeNull();
    expect(typeFit('deadline', 'Định kỳ hàng năm báo cáo Sở Lao động - Thương binh và Xã hội', '', asking('day'))).toBeLessThan(0.2);
    expect(typeFit('deadline', 'Báo cáo trước ngày 15/12 hàng năm', '', asking('day'))).toBe(1);
    // Asked for every year's day, a date that happens once does not answer.
    expect(askedDay('Các bộ phải báo cáo kết quả hằng năm trước ngày nào?')).toBe('yearly');
    expect(typeFit('deadline', 'Bộ Công an báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.', '', asking('yearly'))).toBeLessThan(0.2);
    expect(typeFit('deadline', 'Báo cáo trước ngày 15/12 hàng năm', '', asking('yearly'))).toBe(1);
    // "Năm nào" asks for a year, which a monthly rule does not name.
    expect(askedDay('Đề án được phê duyệt năm nào?')).toBe('year');
    expect(askedDay('In what year was the scheme approved?')).toBe('year');
    expect(typeFit('date', 'Báo cáo trước ngày 20 hằng tháng lên phần mềm theo dõi.', '', asking('year'))).toBeLessThan(0.2);
    expect(typeFit('date', 'Đề án được phê duyệt năm 2022.', '', asking('year'))).toBe(1);
    // "Ngày nào" asks for a point of the calendar: "hằng năm" alone names none, a month does.
    expect(askedDay('Kế hoạch năm 2019 ban hành ngày nào?')).toBe('calendar');
    expect(typeFit('date', 'Hằng năm, UBND huyện ban hành các văn bản chỉ đạo', '', asking('calendar'))).toBeLessThan(0.2);
    expect(typeFit('date', 'Tổ chức trong tháng 10 hằng năm', '', asking('calendar'))).toBe(1);
  });

  it('reads the body a question makes the actor, not the issuer or the recipient', () => {
    expect(actingBody('Theo Kế hoạch của UBND tỉnh, các huyện phải gửi báo cáo cho Sở LĐTBXH trước ngày nào?')).toBeNull();
    expect(actingBody('UBND các huyện phải gửi báo cáo cho Sở LĐTBXH trước ngày nào?')).toBe('uy ban');
    expect(actingBody('Kế hoạch giao những nhiệm vụ gì?')).toBeNull();
  });
});

describe('askedUnit in English', () => {
  it('reads "how much" as money unless a measure follows, "how many" by what is counted', () => {
    const translate = (english: string) => translateToVietnamese(english).text;
    expect(askedUnit('How much support is paid per quail killed?', translate)).toBe('tien');
    expect(askedUnit('How many people are supported?', translate)).toBe('nguoi');
    expect(askedUnit('By how much should the number of cases rise?', translate)).not.toBe('tien');
    // Read with the words after it, as the glossary reads them: "periods per week" are teaching periods, not stages.
    expect(askedUnit('By how many periods per week is the quota cut?', translate)).toBe('tiet');
    expect(askedUnit('How many hectares of forest are planted?', translate)).toBe('ha');
  });

  it('reads no Vietnamese "mấy" in English words ("people may eat them")', () => {
    const translate = (english: string) => translateToVietnamese(english).text;
    expect(askedUnit('Does the plan say people may eat them?', translate)).toBeNull();
  });

  it('reads money from "what allowance / fee / fine", not from a question about kinds', () => {
    const translate = (english: string) => translateToVietnamese(english).text;
    expect(askedUnit('What monthly allowance will the chief architect receive?', translate)).toBe('tien');
    expect(askedUnit('What is the fee for appraising a karaoke licence?', translate)).toBe('tien');
    expect(askedUnit('What allowances are teachers entitled to?', translate)).toBeNull();
    expect(askedUnit('What kind of fee applies?', translate)).toBeNull();
  });

  it('counts the last noun before the verb, unless the glossary reads the words as one phrase', () => {
    const translate = (english: string) => translateToVietnamese(english).text;
    expect(askedUnit('How many science and technology enterprises does the province have?', translate)).toBe('doanh');
    expect(askedUnit('How many teaching periods per week must a principal teach?', translate)).toBe('tiet');
  });
});

describe('asksDuties', () => {
  it('reads a question about what a body does, its tasks or its role', () => {
    expect(asksDuties('Sở Y tế có nhiệm vụ gì?')).toBe(true);
    expect(asksDuties('So sánh nhiệm vụ giao cho Sở Xây dựng trong KH 144 và KH 597.')).toBe(true);
    expect(asksDuties('So sánh nhiệm vụ của Sở Y tế trong hai kế hoạch.')).toBe(true);
    // A role or the work given, asked in more words.
    expect(asksDuties('So sánh vai trò của Sở Y tế trong hai kế hoạch.')).toBe(true);
    expect(asksDuties('Sở Tài chính được giao những việc gì trong KH 12?')).toBe(true);
    expect(asksDuties('What is the Department of Construction assigned to do in plan 12?')).toBe(true);
    expect(asksDuties('What does plan 12 expect of transport businesses?')).toBe(true);
    expect(asksDuties('Compare what the provincial police are tasked with in the two plans.')).toBe(true);
    expect(asksDuties('Trong kế hoạch, Sở Nội vụ có vai trò gì?')).toBe(true);
    expect(asksDuties('What role does the Department of Home Affairs play?')).toBe(true);
    expect(asksDuties('Kế hoạch giao Kho bạc Nhà nước làm những việc gì?')).toBe(true);
    expect(asksDuties('Kế hoạch có hiệu lực từ ngày nào?')).toBe(false);
  });

  it('reads the post office, the treasury, the border guard as particular bodies', () => {
    expect(particularBodies('Bưu điện thành phố phối hợp với Kho bạc Nhà nước')).toEqual(['buu dien', 'kho bac']);
    expect(particularBodies('Bộ Chỉ huy Quân sự tỉnh và Bộ đội Biên phòng tỉnh')).toEqual(['bo chi huy', 'bo doi bien phong']);
  });
});

describe('holdsAskedYear', () => {
  it('finds a year asked in the passage, its headings, its document title or the year it was issued', () => {
    expect(holdsAskedYear('Giải vô địch bóng đá năm 2005 tổ chức tại Nhật Bản.', [], 'Thiên niên kỷ', undefined, [2022])).toBe(false);
    expect(holdsAskedYear('Tổ chức giải bóng đá thiếu niên.', ['Kế hoạch năm 2022'], '', undefined, [2022])).toBe(true);
    expect(holdsAskedYear('Tổ chức giải bóng đá thiếu niên.', [], 'Kế hoạch thể thao giai đoạn 2021 - 2025', undefined, [2022])).toBe(true);
    expect(holdsAskedYear('Tổ chức giải bóng đá thiếu niên.', [], 'Kế hoạch thể thao', '2022-03-01', [2022])).toBe(true);
  });
});

describe('asksBeneficiaries', () => {
  it('reads "who gets it" as asking for groups of people, not "who does it"', () => {
    expect(asksBeneficiaries('Ai được hỗ trợ tiền điện hằng tháng?')).toBe(true);
    expect(asksBeneficiaries('Những ai ở Hữu Lũng được cấp thẻ bảo hiểm y tế?')).toBe(true);
    expect(asksBeneficiaries('Who is entitled to free bus tickets?')).toBe(true);
    expect(asksBeneficiaries('Ai chủ trì việc cấp thẻ bảo hiểm y tế?')).toBe(false);
    expect(asksBeneficiaries('Ai được giao chủ trì việc cấp thẻ bảo hiểm y tế?')).toBe(false);
    expect(asksBeneficiaries('ai duoc phan cong theo doi, don doc')).toBe(false);
    expect(asksBeneficiaries('Who leads the plan?')).toBe(false);
  });
});

describe('datedByOwnEffect', () => {
  it('reads a passage dated by the day its own document takes effect as filling a date asked', () => {
    const repealed = 'Khoản 2 Điều 4 Thông tư số 10/2019/TT-BXD ngày 5 tháng 3 năm 2019 hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.';
    expect(datedByOwnEffect(repealed)).toBe(true);
    expect(typeFit('date', repealed, '')).toBe(1);
    expect(datedByOwnEffect('Kể từ ngày Quyết định này có hiệu lực, các xã tiếp tục thực hiện dự án.')).toBe(true);
    // Another act's date of effect, or no act's, is no date of this one.
    expect(datedByOwnEffect('trong 12 tháng kể từ ngày quyết định bổ nhiệm có hiệu lực')).toBe(false);
    expect(typeFit('date', 'Các đơn vị tổ chức thực hiện nghiêm túc.', '')).toBeLessThan(0.5);
  });
});

describe('restatesSubject', () => {
  it("reads a legal document's enacting formula, with or without the proposal before it, and its statement of scope", () => {
    expect(restatesSubject('Bộ trưởng Bộ Xây dựng ban hành Thông tư quy định mức thu, chế độ thu, nộp lệ phí cấp chứng chỉ hành nghề.')).toBe(true);
    expect(restatesSubject('*Theo đề nghị của Vụ trưởng Vụ Chính sách thuế; Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn …*')).toBe(true);
    expect(restatesSubject('Ủy ban nhân dân tỉnh ban hành Quyết định quy định phân cấp quản lý.')).toBe(true);
    expect(restatesSubject('1. Thông tư này quy định mức thu, chế độ thu, nộp lệ phí cấp chứng chỉ hành nghề.')).toBe(true);
  });

  it('leaves alone a rule that names an enactment inside it', () => {
    expect(restatesSubject('Sở Tài chính tham mưu Ủy ban nhân dân tỉnh ban hành Quyết định điều chỉnh giá.')).toBe(false);
    expect(restatesSubject('Doanh nghiệp nộp phí theo quy định tại Thông tư này.')).toBe(false);
  });
});

describe('asksLedTasks and asksWhichBody', () => {
  it('tells a question naming a body and asking what it leads from one asking which body leads', () => {
    expect(asksLedTasks('Sở LĐTBXH được giao chủ trì những hoạt động nào?')).toBe(true);
    expect(asksLedTasks('so noi vu phu trach nhung viec gi')).toBe(true);
    expect(asksLedTasks('Theo KH 12, Công an tỉnh chủ trì nhóm nhiệm vụ nào?')).toBe(true);
    expect(asksLedTasks('Cơ quan nào chủ trì việc tuyên truyền?')).toBe(false);
    expect(asksWhichBody('Cơ quan nào chủ trì những hoạt động tuyên truyền?')).toBe(true);
    expect(asksWhichBody('Which department leads the campaign?')).toBe(true);
    expect(asksWhichBody('Sở LĐTBXH được giao chủ trì những hoạt động nào?')).toBe(false);
  });
});

describe('asksActingBody', () => {
  it('holds for a question asking which body acts', () => {
    expect(asksActingBody('Cơ quan nào chủ trì xây dựng kế hoạch năm?')).toBe(true);
    expect(asksActingBody('nhiem vu nay do so nao chu tri')).toBe(true);
    expect(asksActingBody('Which agency leads the plan?')).toBe(true);
  });

  it('fails for beneficiaries, recipients and partners of a named body, and persons', () => {
    expect(asksActingBody('Ai được cấp thẻ BHYT?')).toBe(false);
    expect(asksActingBody('UBND các xã gửi báo cáo định kỳ cho ai?')).toBe(false);
    expect(asksActingBody('Đơn vị phối hợp thực hiện nhiệm vụ này gồm những ai?')).toBe(false);
    expect(asksActingBody('Trưởng Ban Chỉ đạo của tỉnh là ai?')).toBe(false);
    expect(asksActingBody('Who must the districts report to?')).toBe(false);
    expect(asksActingBody('With which bodies will the city cooperate?')).toBe(false);
  });
});

describe('namedBody', () => {
  it('reads the body a passage names as acting, as the passage writes it', () => {
    expect(namedBody('4 | Ứng dụng công nghệ số trong du lịch. | Sở Văn hoá Thể thao du lịch | Sở, ban, ngành có liên quan | 2025 - 2030')).toBe('Sở Văn hoá Thể thao du lịch');
    expect(namedBody('**7. Sở Nội vụ:** Chủ trì, phối hợp với các sở, ngành')).toBe('Sở Nội vụ');
    expect(namedBody('**1. Phòng Lao động - Thương binh và Xã hội** - Chủ trì tham mưu')).toBe('Phòng Lao động - Thương binh và Xã hội');
    expect(namedBody('8. Đề nghị Bảo hiểm xã hội tỉnh')).toBe('Bảo hiểm xã hội tỉnh');
    expect(namedBody('Điều 9. Trách nhiệm của Ủy ban nhân dân cấp tỉnh')).toBe('Ủy ban nhân dân cấp tỉnh');
    expect(namedBody('Công an tỉnh chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền.')).toBe('Công an tỉnh');
    expect(namedBody('b) Cơ quan thực hiện: - Đơn vị chủ trì: Sở Khoa học và Công nghệ. - Đơn vị phối hợp: các sở.')).toBe('Sở Khoa học và Công nghệ');
  });

  it('reads none from a passage that names no body acting, or words that only look like one', () => {
    expect(namedBody('Số lượng người cao tuổi: 12.805 người')).toBeNull();
    expect(namedBody('2 | Bổ sung kinh phí | 2025')).toBeNull();
    expect(namedBody('Ban hành quy chế phối hợp trong năm 2025.')).toBeNull();
    expect(namedBody('Các đơn vị phối hợp với Sở Y tế chịu trách nhiệm báo cáo')).toBeNull();
    expect(namedBody('Thực hiện rà soát, cấp thẻ BHYT cho các đối tượng bảo trợ.')).toBeNull();
  });
});

describe('taskLeadLine', () => {
  const text = 'c) Hoạt động 3\n\n- Nội dung: Tuyên truyền về phòng\nngừa bạo lực.\n\n- Cơ quan thực hiện:\n\n+ Sở Văn hóa và Thể thao chủ\ntrì, phối hợp với các sở.\n\n+ Sở Xây dựng đăng tải thông điệp.';
  const chunk = { start: 100, section: ['III. NỘI DUNG', 'c) Hoạt động 3'], text };
  const passage = '- Nội dung: Tuyên truyền về phòng\nngừa bạo lực.';
  const item = { end: 100 + text.indexOf(passage) + passage.length, section: chunk.section, chunk };

  it('finds the line of the task\'s own section that names the body leading it', () => {
    const line = taskLeadLine(item)!;
    expect(text.slice(line.start - 100, line.end - 100)).toBe('+ Sở Văn hóa và Thể thao chủ\ntrì, phối hợp với các sở.');
  });

  it('finds none in a chunk that is not the passage\'s own section, or says no body leads', () => {
    expect(taskLeadLine({ ...item, section: ['III. NỘI DUNG'] })).toBeNull();
    const silent = { ...chunk, text: text.slice(0, text.indexOf('- Cơ quan')) };
    expect(taskLeadLine({ ...item, chunk: silent })).toBeNull();
  });
});

describe('asksHowMuch', () => {
  it('reads a question asking a figure, whatever else it asks', () => {
    expect(asksHowMuch('Có được hỗ trợ không, và bao nhiêu tiền?')).toBe(true);
    expect(asksHowMuch('How much does the province receive?')).toBe(true);
    expect(asksHowMuch('Tỉnh có tỷ lệ trên 60% thì có được hỗ trợ không?')).toBe(false);
  });
});

describe('namesRoleOf', () => {
  it('reads a role said to be a body\'s anywhere in a passage', () => {
    const passage = 'a) Chủ động nắm tình hình; xác định rõ vai trò chủ trì, chủ công, nòng cốt của lực lượng Công an tham mưu cấp ủy, chính quyền.';
    expect(namesRoleOf(passage, ['cong an'])).toBe(true);
    expect(namesRoleOf('Nâng cao trách nhiệm của Sở Y tế trong kiểm tra.', ['so y te'])).toBe(true);
    expect(namesRoleOf(passage, ['so y te'])).toBe(false);
    // The title of the act that sets a body's duties says none of them.
    expect(namesRoleOf('Bãi bỏ Quyết định ban hành Quy định chức năng, nhiệm vụ, quyền hạn của Sở Xây dựng.', ['so xay dung'])).toBe(false);
  });
});

describe('saysWhoLeads', () => {
  it("reads who leads a task, and who chairs a council or heads a board", () => {
    expect(saysWhoLeads('Sở Y tế chủ trì, phối hợp với các đơn vị liên quan')).toBe(true);
    expect(saysWhoLeads('a) Chủ tịch Hội đồng là người đứng đầu hoặc cấp phó của người đứng đầu cơ quan')).toBe(true);
    expect(saysWhoLeads('Giám đốc Sở Nội vụ làm Trưởng ban')).toBe(true);
    expect(saysWhoLeads('b) 01 Ủy viên Hội đồng là đại diện lãnh đạo cơ quan')).toBe(false);
  });
});

describe('rowInChargeOf', () => {
  it("reads the body in a table row's column of the one in charge, not a body named in another cell", () => {
    const header = 'TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá';
    expect(rowInChargeOf('1 | Tỉ lệ dịch vụ công trực tuyến toàn trình. | % | 100% | Văn phòng Chính phủ', header, ['van phong'])).toBe(true);
    expect(rowInChargeOf('2 | Văn phòng UBND tỉnh tổng hợp số liệu. | % | 100% | Sở Y tế', header, ['van phong'])).toBe(false);
    expect(rowInChargeOf('1 | Tỉ lệ dịch vụ công trực tuyến toàn trình. | % | 100% | Văn phòng Chính phủ', 'TT | Chỉ tiêu | Đơn vị | Kết quả | Ghi chú', ['van phong'])).toBe(false);
    expect(rowInChargeOf('Văn phòng Chính phủ theo dõi, đánh giá.', undefined, ['van phong'])).toBe(false);
  });
});

describe('asksStructure', () => {
  it('asks for the outline of a document, not for the items of one time', () => {
    expect(asksStructure('Kế hoạch 308 gồm những nhiệm vụ nào?')).toBe(true);
    expect(asksStructure('Kế hoạch năm 2025 của tỉnh gồm những phần nào?')).toBe(true);
    expect(asksStructure('ke hoach nay co nhung nhiem vu nao den nam 2026 moi bat dau thuc hien')).toBe(false);
    expect(asksStructure('Kế hoạch có những nhiệm vụ nào phải xong trước ngày 15/12?')).toBe(false);
  });
});
