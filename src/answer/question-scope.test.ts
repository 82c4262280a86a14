import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../types.js';
import { analyzeQuestion } from './analyze-question.js';
import { absentDocuments, askedTypeCited, citesNamedNumber, describingWords, factOfAbsentDocument, documentsByNumber, namesAbsentDocument, questionScope, resolveScope } from './question-scope.js';

const meta = (id: string, type: DocumentMeta['type'], number: string, issuedDate?: string): DocumentMeta => ({ id, title: id, type, number, issuedDate }) as DocumentMeta;
const metas = [
  meta('kh-8557', 'Kế hoạch', '8557/KH-UBND', '2021-12-24'),
  meta('nd-171', 'Nghị định', '171/2025/NĐ-CP', '2025-06-30'),
  meta('tt-05', 'Thông tư', '05/2025/TT-BGDĐT', '2025-03-07'),
  meta('qd-2639', 'Quyết định', '2639/QĐ-TTg', '2025-12-03'),
];

describe('documentsByNumber', () => {
  it('finds documents of every type by their number, written in full or short, with or without diacritics', () => {
    expect(documentsByNumber('Theo Kế hoạch 8557/KH-UBND, Bến Tre có bao nhiêu người cao tuổi?', metas)).toEqual(['kh-8557']);
    expect(documentsByNumber('ke hoach so 8557 giao nhiem vu gi', metas)).toEqual(['kh-8557']);
    expect(documentsByNumber('Nghị định 171 có hiệu lực khi nào?', metas)).toEqual(['nd-171']);
    expect(documentsByNumber('Thông tư 5/2025/TT-BGDĐT quy định gì?', metas)).toEqual(['tt-05']);
    expect(documentsByNumber('QĐ 2639/QĐ-TTg bổ sung bao nhiêu?', metas)).toEqual(['qd-2639']);
    expect(documentsByNumber('When does Decree 171/2025/ND-CP take effect?', metas)).toEqual(['nd-171']);
  });

  it('reads numbers joined to a typed one as of the same type, an aside in brackets between', () => {
    const plans = [meta('kh-552', 'Kế hoạch', '552/KH-UBND'), meta('kh-556', 'Kế hoạch', '556/KH-UBND'), ...metas];
    expect(documentsByNumber('Hai kế hoạch 552 (đổi mới công nghệ) và 556 (môi trường biển) đặt mục tiêu gì?', plans)).toEqual(['kh-552', 'kh-556']);
    expect(documentsByNumber('ke hoach 552, 556 giao nhiem vu gi', plans)).toEqual(['kh-552', 'kh-556']);
    expect(documentsByNumber('Do Decrees 171 and 8557 apply?', plans)).toEqual(['nd-171']);
    expect(documentsByNumber('Kế hoạch 552 có 3 nhiệm vụ và 556 người tham gia', plans)).toEqual(['kh-552']);
  });

  it('reads a number ending a document\'s name after words of its title, not a year nor a quantity', () => {
    const plans = [meta('kh-552', 'Kế hoạch', '552/KH-UBND'), meta('kh-2024', 'Kế hoạch', '2024/KH-UBND'), meta('kh-500', 'Kế hoạch', '500/KH-UBND'), ...metas];
    expect(documentsByNumber('Sở Y tế làm gì trong kế hoạch đổi mới công nghệ 552 của Đồng Tháp và kế hoạch phòng, chống ma túy 8557 của Bến Tre?', plans)).toEqual(['kh-552', 'kh-8557']);
    expect(documentsByNumber('ke hoach doi moi cong nghe 552 giao nhiem vu gi', plans)).toEqual([]);
    expect(documentsByNumber('Kế hoạch năm 2024 của TP Lạng Sơn dựa trên văn bản nào?', plans)).toEqual([]);
    expect(documentsByNumber('Kế hoạch hỗ trợ 500 hộ nghèo của tỉnh', plans)).toEqual([]);
  });

  it('reads a second document named by its title words and number after "và", of the type of the first', () => {
    const plans = [meta('kh-144', 'Kế hoạch', '144/KH-UBND'), meta('kh-552', 'Kế hoạch', '552/KH-UBND'), meta('kh-2024', 'Kế hoạch', '2024/KH-UBND'), ...metas];
    expect(documentsByNumber('Kế hoạch kinh tế số 144 của Bắc Ninh và lộ trình đổi mới công nghệ 552 của Đồng Tháp nói gì về sandbox?', plans)).toEqual(['kh-144', 'kh-552']);
    expect(documentsByNumber('Kế hoạch 144 của Bắc Ninh và chương trình năm 2024 của tỉnh', plans)).toEqual(['kh-144']);
    expect(documentsByNumber('Kế hoạch 144 và hỗ trợ 552 hộ nghèo', plans)).toEqual(['kh-144']);
  });

  it('does not take a number of one type for a document of another, nor a year for a number', () => {
    expect(documentsByNumber('Kế hoạch 171 nói gì?', metas)).toEqual([]);
    expect(documentsByNumber('Mục tiêu đến năm 2030 là gì?', metas)).toEqual([]);
  });
});

describe('namesAbsentDocument', () => {
  it('is true for a number or a type the collection does not hold', () => {
    expect(namesAbsentDocument('Quyết định 1942/QĐ-TTg ban hành ngày nào?', metas)).toBe(true);
    expect(namesAbsentDocument('Luật nào quy định việc này?', metas)).toBe(true);
    expect(namesAbsentDocument('Kế hoạch này thực hiện chỉ thị nào, ban hành ngày nào?', metas)).toBe(true);
    expect(namesAbsentDocument('Văn bản này có hiệu lực từ khi nào?', metas)).toBe(false);
    expect(namesAbsentDocument("Which was issued first: the plan on the drug-prevention programme or the plan on cashless payments?", metas)).toBe(false);
    expect(namesAbsentDocument('Kế hoạch 8557/KH-UBND thực hiện Quyết định 1942/QĐ-TTg, ban hành ngày nào?', metas)).toBe(false);
  });

  it('is false for documents the collection holds, named by number or by type', () => {
    expect(namesAbsentDocument('Nghị định 171 do ai ký?', metas)).toBe(false);
    expect(namesAbsentDocument('Nghị định về đào tạo công chức do ai ký?', metas)).toBe(false);
    expect(namesAbsentDocument('Kế hoạch này do ai ký?', metas)).toBe(false);
  });
});

describe('questionScope', () => {
  it('narrows the documents of a place to the type the question names', () => {
    const local = [
      { ...meta('kh-hn', 'Kế hoạch', '12/KH-UBND'), locality: 'Thành phố Hà Nội', province: 'Hà Nội', level: 'thành phố' },
      { ...meta('nq-hn', 'Nghị quyết', '54/2025/NQ-HĐND'), locality: 'Thành phố Hà Nội', province: 'Hà Nội', level: 'thành phố' },
    ] as DocumentMeta[];
    const scope = (question: string) => questionScope(analyzeQuestion(question, { documents: local, abbreviations: new Map() }), local);
    expect(scope('Kế hoạch của thành phố Hà Nội do ai ký?')).toEqual(['kh-hn']);
    expect(scope('Hà Nội có những văn bản nào về người cao tuổi?')?.sort()).toEqual(['kh-hn', 'nq-hn']);
    // A type the question asks for is not the document it is about.
    expect(scope('Kế hoạch của thành phố Hà Nội được ban hành căn cứ nghị quyết nào?')).toEqual(['kh-hn']);
    expect(scope('Which resolution does the Hanoi plan implement?')).toEqual(['kh-hn']);
  });

  it("tells a place's documents apart by the topic of their titles, unless the question is about several of them", () => {
    const place = { locality: 'Tỉnh Đồng Tháp', province: 'Đồng Tháp', level: 'tỉnh' };
    const local = [
      { ...meta('dt-597', 'Kế hoạch', '597/KH-UBND'), ...place, title: 'Kế hoạch chuyển đổi số trong quản lý kết cấu hạ tầng giao thông trên địa bàn tỉnh Đồng Tháp' },
      { ...meta('dt-552', 'Kế hoạch', '552/KH-UBND'), ...place, title: 'Kế hoạch thực hiện lộ trình đổi mới công nghệ trên địa bàn tỉnh Đồng Tháp' },
      { ...meta('dt-556', 'Kế hoạch', '556/KH-UBND'), ...place, title: 'Kế hoạch khai thác bền vững tài nguyên biển trên địa bàn tỉnh Đồng Tháp' },
    ] as DocumentMeta[];
    const scope = (question: string) => resolveScope(analyzeQuestion(question, { documents: local, abbreviations: new Map() }), local);
    const chosen = scope('Kế hoạch chuyển đổi số hạ tầng giao thông của Đồng Tháp yêu cầu báo cáo trước ngày nào?');
    expect(chosen?.docIds).toEqual(['dt-597']);
    expect(chosen?.topicWords).toEqual(expect.arrayContaining(['chuyển', 'đổi', 'số', 'hạ', 'tầng', 'giao', 'thông', 'chuyen', 'ha']));
    // Every word describing the document chosen names it, also those its title words otherwise ("đường bộ").
    const described = scope('Kế hoạch chuyển đổi số hạ tầng giao thông đường bộ của Đồng Tháp do sở nào chủ trì?');
    expect(described?.docIds).toEqual(['dt-597']);
    expect(described?.topicWords).toEqual(expect.arrayContaining(['đường', 'bộ', 'duong', 'bo']));
    expect(described?.topicWords).not.toContain('chủ');
    // Words every title shares ("trên địa bàn tỉnh Đồng Tháp") decide nothing; one shared pair is not enough.
    expect(scope('Kế hoạch trên địa bàn tỉnh Đồng Tháp yêu cầu báo cáo trước ngày nào?')?.docIds).toHaveLength(3);
    expect(scope('Đồng Tháp có kế hoạch nào về tài nguyên?')?.docIds).toHaveLength(3);
    // Without a type word, the words before the place's name name its document; words after it name none.
    expect(scope('Việc chuyển đổi số hạ tầng giao thông ở Đồng Tháp báo cáo trước ngày nào?')?.docIds).toEqual(['dt-597']);
    expect(scope('Ở Đồng Tháp, việc chuyển đổi số hạ tầng giao thông báo cáo trước ngày nào?')?.docIds).toHaveLength(3);
    expect(scope('Hai kế hoạch của Đồng Tháp về đổi mới công nghệ và chuyển đổi số giao thông giao việc cho sở nào?')?.docIds).toHaveLength(3);
  });

  it('tells apart the documents of each of several places by the words before its name', () => {
    const local = [
      { ...meta('ct-153', 'Kế hoạch', '153/KH-UBND'), locality: 'Thành phố Cần Thơ', province: 'Cần Thơ', level: 'thành phố', title: 'Kế hoạch thực hiện công tác phòng, chống ma túy năm 2025' },
      { ...meta('ct-157', 'Kế hoạch', '157/KH-UBND'), locality: 'Thành phố Cần Thơ', province: 'Cần Thơ', level: 'thành phố', title: 'Kế hoạch phát động phong trào thi đua chi trả trợ cấp không dùng tiền mặt' },
      { ...meta('dl-125', 'Kế hoạch', '125/KH-UBND'), locality: 'Tỉnh Đắk Lắk', province: 'Đắk Lắk', level: 'tỉnh', title: 'Kế hoạch phát động phong trào thi đua bầu cử đại biểu Quốc hội' },
      { ...meta('dl-130', 'Kế hoạch', '130/KH-UBND'), locality: 'Tỉnh Đắk Lắk', province: 'Đắk Lắk', level: 'tỉnh', title: 'Kế hoạch khắc phục môi trường sau mưa lũ' },
    ] as DocumentMeta[];
    const scope = (question: string) => resolveScope(analyzeQuestion(question, { documents: local, abbreviations: new Map() }), local)?.docIds.sort();
    expect(scope('Phong trào thi đua bầu cử của Đắk Lắk và công tác phòng, chống ma túy của Cần Thơ giao Sở Y tế làm gì?')).toEqual(['ct-153', 'dl-125']);
    // A place whose words name none of its documents keeps them all.
    expect(scope('Khắc phục môi trường sau mưa lũ ở Đắk Lắk và ở Cần Thơ giao Sở Y tế làm gì?')).toEqual(['ct-153', 'ct-157', 'dl-130']);
    expect(scope('Đắk Lắk và Cần Thơ giao Sở Y tế làm gì?')).toHaveLength(4);
  });

  it("tells a place's documents apart by the translation of an English question, unless it names two of them", () => {
    const local = [
      { ...meta('ct-153', 'Kế hoạch', '153/KH-UBND'), locality: 'Thành phố Cần Thơ', province: 'Cần Thơ', level: 'thành phố', title: 'Kế hoạch thực hiện công tác phòng, chống ma túy năm 2025' },
      { ...meta('ct-157', 'Kế hoạch', '157/KH-UBND'), locality: 'Thành phố Cần Thơ', province: 'Cần Thơ', level: 'thành phố', title: 'Kế hoạch phát động phong trào thi đua bầu cử đại biểu Quốc hội' },
    ] as DocumentMeta[];
    const scope = (question: string) => resolveScope(analyzeQuestion(question, { documents: local, abbreviations: new Map() }), local)?.docIds.sort();
    expect(scope("Which bodies does Can Tho's election emulation plan reward?")).toEqual(['ct-157']);
    expect(scope("Which was issued first, Can Tho's election emulation plan or its drug prevention plan?")).toEqual(['ct-153', 'ct-157']);
  });

  it('reads the words naming a document asked about in English in its translation too', () => {
    const question = 'Under Decree 171/2025/ND-CP, who organises the training?';
    const analyzed = analyzeQuestion(question, { documents: metas, abbreviations: new Map() });
    expect(resolveScope(analyzed, metas)?.namingWords).toEqual(expect.arrayContaining(['nghị', 'định', 'nghi', 'dinh']));
  });

  it('takes a decision issuing a plan for the plan a question names', () => {
    const national = [
      { ...meta('qd-2623', 'Quyết định', '2623/QĐ-TTg'), title: 'Quyết định ban hành Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân' },
      { ...meta('kh-308', 'Kế hoạch', '308/KH-UBND'), title: 'Kế hoạch tạo lập dữ liệu trên địa bàn' },
      { ...meta('kh-1026', 'Kế hoạch', '1026/KH-UBND'), title: 'Kế hoạch bảo vệ bí mật nhà nước' },
    ] as DocumentMeta[];
    const analyzed = analyzeQuestion('Theo kế hoạch triển khai Luật Bảo vệ dữ liệu cá nhân, Bộ Công an phải báo cáo trước ngày nào?', { documents: national, abbreviations: new Map() });
    expect(resolveScope(analyzed, national)?.docIds).toEqual(['qd-2623']);
  });

  it('finds a national document by its type and the topic of its title', () => {
    const national = [
      { ...meta('nd-171', 'Nghị định', '171/2025/NĐ-CP'), title: 'Nghị định quy định về đào tạo, bồi dưỡng công chức' },
      { ...meta('nd-172', 'Nghị định', '172/2025/NĐ-CP'), title: 'Nghị định quy định về xử lý kỷ luật cán bộ, công chức' },
      { ...meta('tt-05', 'Thông tư', '05/2025/TT-BGDĐT'), title: 'Thông tư quy định chế độ làm việc đối với giáo viên phổ thông' },
    ] as DocumentMeta[];
    const scope = (question: string) => resolveScope(analyzeQuestion(question, { documents: national, abbreviations: new Map() }), national);
    expect(scope('Nghị định quy định về đào tạo, bồi dưỡng công chức do ai ký?')).toMatchObject({ docIds: ['nd-171'], by: 'topic' });
    // No type named, one shared pair, or several documents asked about: the whole collection.
    expect(scope('Đào tạo, bồi dưỡng công chức gồm những hình thức nào?')).toBeNull();
    expect(scope('Nghị định về công chức do ai ký?')).toBeNull();
    expect(scope('Các nghị định về đào tạo, bồi dưỡng công chức và kỷ luật công chức do ai ký?')).toBeNull();
    expect(scope('Nghị định của tỉnh Nghệ An về đào tạo, bồi dưỡng công chức do ai ký?')).toBeNull();
  });

  it('is not read from the words around a number naming a document the collection lacks', () => {
    const decisions = [
      { ...metas[3], id: 'qd-80', number: '80/2025/QĐ-UBND', title: 'Quyết định ban hành quy định cung cấp thông tin' },
      { ...metas[3], id: 'qd-41', number: '41/2025/QĐ-UBND', title: 'Quyết định về việc giao chỉ tiêu biên chế' },
    ] as DocumentMeta[];
    const scope = (question: string) => resolveScope(analyzeQuestion(question, { documents: decisions, abbreviations: new Map() }), decisions);
    expect(scope('Quyết định ban hành quy định cung cấp thông tin do ai ký?')?.docIds).toEqual(['qd-80']);
    expect(scope('Quyết định 1942/QĐ-TTg được ban hành ngày nào?')).toBeNull();
    expect(scope('When was Decision 1942/QĐ-TTg issued?')).toBeNull();
  });
});

describe('words that name a document by number', () => {
  it('are its number and type words, ignored, and its title words, carried; not what the question asks', () => {
    const titled = [{ ...metas[3], id: 'qd-2701', number: '2701/QĐ-TTg', title: 'Phê duyệt Chương trình chuyển đổi số ngành y tế' } as DocumentMeta];
    const question = 'Quyết định 2701/QĐ-TTg về Chương trình chuyển đổi số ngành y tế bãi bỏ văn bản nào?';
    const scope = resolveScope(analyzeQuestion(question, { documents: titled, abbreviations: new Map() }), titled);
    expect(scope).toMatchObject({ docIds: ['qd-2701'], by: 'number' });
    expect(scope!.namingWords).toEqual(expect.arrayContaining(['2701', 'qđ', 'qd', 'ttg', 'quyết', 'định']));
    expect(scope!.topicWords).toEqual(expect.arrayContaining(['chương', 'chuong', 'chuyển', 'đổi', 'số', 'y', 'tế']));
    for (const asked of ['bãi', 'bỏ', 'văn', 'bản']) expect([...scope!.namingWords!, ...scope!.topicWords!]).not.toContain(asked);
  });
});

describe('words that name one of several documents by number', () => {
  it('are ignored where only some titles hold them: no passage of the other document could; the words asked stay', () => {
    const two = [
      { ...metas[0], id: 'kh-153', number: '153/KH-UBND', title: 'Kế hoạch phòng, chống ma túy năm 2025', locality: 'Thành phố Cần Thơ', level: 'tỉnh', province: 'Cần Thơ' },
      { ...metas[0], id: 'kh-125', number: '125/KH-UBND', title: 'Kế hoạch phong trào thi đua bầu cử năm 2025, bãi bỏ kế hoạch cũ', locality: 'Tỉnh Đắk Lắk', level: 'tỉnh', province: 'Đắk Lắk' },
    ] as DocumentMeta[];
    const question = 'Kế hoạch phòng, chống ma túy 153 của Cần Thơ và kế hoạch thi đua bầu cử 125 của Đắk Lắk giao gì cho Sở Nội vụ, và kế hoạch nào bãi bỏ năm 2025?';
    const scope = resolveScope(analyzeQuestion(question, { documents: two, abbreviations: new Map() }), two);
    expect(scope).toMatchObject({ docIds: ['kh-153', 'kh-125'], by: 'number' });
    expect(scope!.namingWords).toEqual(expect.arrayContaining(['ma', 'túy', 'thi', 'đua', 'bầu', 'cử']));
    // "năm" is in both titles; "bãi bỏ" is asked, not part of a name.
    expect(scope!.topicWords).toEqual(expect.arrayContaining(['năm', 'bãi', 'bỏ']));
    expect(scope!.namingWords).not.toContain('bãi');
  });
});

describe('words that name the one document of a place', () => {
  it('are its type words, ignored as evidence', () => {
    const placed = [{ id: 'kh-ls', type: 'Kế hoạch', number: '45/KH-UBND', title: 'Kế hoạch chăm sóc người cao tuổi năm 2024', locality: 'Thành phố Lạng Sơn', level: 'thành phố', province: 'Lạng Sơn' } as DocumentMeta];
    const question = 'Kinh phí thực hiện kế hoạch năm 2024 của TP Lạng Sơn do ai cấp?';
    const scope = resolveScope(analyzeQuestion(question, { documents: placed, abbreviations: new Map() }), placed);
    expect(scope).toMatchObject({ docIds: ['kh-ls'], by: 'place' });
    expect(scope!.namingWords).toEqual(expect.arrayContaining(['kế', 'hoạch', 'ke', 'hoach']));
    expect(scope!.namingWords).not.toContain('kinh');
  });
});

describe('absentDocuments', () => {
  it('names, as written, the documents asked about by a number the collection does not hold', () => {
    const absent = absentDocuments('Thông tư 111/2025/TT-BTC quy định mức thu phí gì?', metas);
    expect(absent.map((document) => document.written)).toEqual(['Thông tư 111/2025/TT-BTC']);
    expect(absent[0].mentionedIn('thay thế Thông tư số 111/2025/TT-BTC ngày 01 tháng 12')).toBe(true);
    expect(absent[0].mentionedIn('Thông tư số 110/2025/TT-BTC')).toBe(false);
    expect(absent[0].mentionedIn('theo Thông tư 111/2024/TT-BTC')).toBe(false);
    // What the index finds a passage citing it by: its number as the analyzer reads it, then its code.
    expect(absent[0].numberWords).toEqual(['111/2025', 'tt', 'btc']);
  });

  it("knows a Party document by its number before a hyphen ('Chỉ thị 20-CT/TW')", () => {
    const [absent] = absentDocuments('Chỉ thị 20-CT/TW được ban hành ngày nào?', metas);
    expect(absent.mentionedIn('triển khai Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị')).toBe(true);
    expect(absent.mentionedIn('Chỉ thị 200-CT/TW, giai đoạn 20 - 25')).toBe(false);
  });

  it('is empty when the question names by number a document the collection holds, or names none', () => {
    expect(absentDocuments('Nghị định 171 và Nghị định 999 khác nhau thế nào?', metas)).toEqual([]);
    expect(absentDocuments('Kinh phí lấy từ đâu?', metas)).toEqual([]);
  });

  it('keeps a document it lacks that the question asks what it says, beside one it holds', () => {
    const absent = absentDocuments('Trước khi Nghị định 171 có hiệu lực, mức thu theo Nghị định 99/2019/NĐ-CP là bao nhiêu?', metas);
    expect(absent.map((document) => document.written)).toEqual(['Nghị định 99/2019/NĐ-CP']);
    expect(absent[0].framed).toBe(true);
    expect(absentDocuments('Thông tư 111/2025/TT-BTC quy định mức thu phí gì?', metas)[0].framed).toBe(false);
    // The subject of an English question's verb is what it asks about.
    expect(absentDocuments('What targets did Decision 942/QĐ-TTg, which Decree 171 replaces, set?', metas)[0].framed).toBe(true);
  });

  it('drops one framed only as the background of a case, or beside a held one the question frames too', () => {
    expect(absentDocuments('Tôi được cử đi học theo Nghị định 101/2017/NĐ-CP. Nay Nghị định 171 có hiệu lực thì tôi còn được hưởng chế độ không?', metas)).toEqual([]);
    expect(absentDocuments('toi nghi viec theo nd 178/2024, theo nd 171 toi co phai den bu chi phi khong', metas)).toEqual([]);
    // Framed in the question itself, it is still asked about.
    expect(absentDocuments('Nghị định 171 có hiệu lực. Theo Nghị định 99/2019/NĐ-CP mức thu là bao nhiêu?', metas)).toHaveLength(1);
  });
});

describe('citesNamedNumber', () => {
  it('tells a citation of a document the question names by number from citations of others', () => {
    const cites = citesNamedNumber('Nghị định 84/2020/NĐ-CP ban hành ngày nào?');
    expect(cites('84/2020/nd-cp ngay 17 thang 7 nam 2020')).toBe(true);
    expect(cites('84/2019/nd-cp ngay 1 thang 2 nam 2019')).toBe(false);
    expect(cites('37/2025/nd-cp ngay 26 thang 02 nam 2025')).toBe(false);
    expect(citesNamedNumber('Bộ Giáo dục tổ chức hội nghị ngày nào?')('37/2025/nd-cp ngay 26 thang 02')).toBe(false);
  });
});

describe('askedTypeCited', () => {
  it('asks for a citation of the type of document a question asks for', () => {
    const cited = askedTypeCited('Kế hoạch 0125/KH-UBND căn cứ luật nào?')!;
    expect(cited('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;')).toBe(true);
    expect(cited('Căn cứ Luật số 06/2022/QH15;')).toBe(true);
    // "Kỷ luật" and "pháp luật" name no law.
    expect(cited('Chỉ thị số 02-CT/TU ngày 05/8/2025 về kỷ luật, theo quy định của pháp luật')).toBe(false);
    expect(askedTypeCited('Which law does plan 0125/KH-UBND cite?')!('Hướng dẫn số 7886/HD-BNV')).toBe(false);
    expect(askedTypeCited('Kế hoạch 0125/KH-UBND được ban hành ngày nào?')).toBeNull();
  });

  it('asks for the type it asks for though it names a document of that type too, an issuer coming between in English', () => {
    const cited = askedTypeCited('Kế hoạch 153/KH-UBND căn cứ nghị quyết nào của Chính phủ thực hiện Nghị quyết 163/2024/QH15?')!;
    expect(cited('Nghị quyết số 50/NQ-CP ngày 13 tháng 3 năm 2025 của Chính phủ')).toBe(true);
    expect(cited('Thực hiện Quyết định số 7619/QĐ-BCA ngày 08 tháng 9 năm 2025')).toBe(false);
    expect(askedTypeCited('Which Government resolution implementing Resolution 163/2024/QH15 does plan 153/KH-UBND cite?')!('Nghị quyết số 50/NQ-CP')).toBe(true);
  });
});

describe('factOfAbsentDocument', () => {
  it('reads the document a fact is asked of as the first named by number in the sentence asking it', () => {
    expect(factOfAbsentDocument('On what date did Decree 148/2024/ND-CP, which amends the decree cited in Circular 05/2025/TT-BGDĐT, take effect?', metas)?.written).toBe('Decree 148/2024/ND-CP');
    expect(factOfAbsentDocument('Nghị định 148/2024/NĐ-CP, được Nghị định 171/2025/NĐ-CP dẫn chiếu, có hiệu lực từ ngày nào?', metas)).not.toBeNull();
    expect(factOfAbsentDocument('Thông tư 05/2025/TT-BGDĐT, thay thế Thông tư 28/2009/TT-BGDĐT, có hiệu lực từ ngày nào?', metas)).toBeNull();
    expect(factOfAbsentDocument('Kế hoạch 8557 căn cứ Kế hoạch số 283/KH-UBND. Kế hoạch 283 đó được ban hành ngày nào?', metas)).not.toBeNull();
    expect(factOfAbsentDocument('Kế hoạch 8557/KH-UBND được ban hành ngày nào?', metas)).toBeNull();
    expect(factOfAbsentDocument('Kế hoạch 8557/KH-UBND có những mục tiêu gì?', metas)).toBeNull();
  });

  it('reads it after the verb when none is named before ("Who signed Circular 55/2023 …?", "Ai ký Thông tư 55/2023?")', () => {
    expect(factOfAbsentDocument('Who signed Circular 55/2023/TT-BTC, the circular that Circular 05/2025/TT-BGDĐT amends?', metas)?.written).toBe('Circular 55/2023/TT-BTC');
    expect(factOfAbsentDocument('Ai ký Thông tư 55/2023/TT-BTC?', metas)?.written).toBe('Thông tư 55/2023/TT-BTC');
    expect(factOfAbsentDocument('Who signed Circular 05/2025/TT-BGDĐT, which amends Circular 55/2023/TT-BTC?', metas)).toBeNull();
  });
});

describe('describingWords', () => {
  it('reads what a document named by type and number is said to be about, up to its place', () => {
    const words = describingWords('Báo cáo phải gửi trước ngày nào theo KH 174 về bình đẳng giới của TP.HCM và theo KH 153 về phòng, chống ma túy của Cần Thơ?');
    expect(words).toEqual(expect.arrayContaining(['bình', 'đẳng', 'giới', 'phòng', 'chống', 'ma', 'túy']));
    expect(words).not.toContain('báo');
    expect(words).not.toContain('cần');
  });

  it("reads a plan described before its place, and nothing when no document is described", () => {
    expect(describingWords('ke hoach phong chong dich benh sau bao cua tinh thu nghiem giao ai theo doi')).toEqual(['phong', 'chong', 'dich', 'benh', 'sau', 'bao']);
    expect(describingWords('Báo cáo kết quả phải gửi trước ngày nào?')).toEqual([]);
    // Any type of document the grammar knows, named by number: a directive, a resolution.
    expect(describingWords('Theo Chỉ thị 32/CT-TTg về bảo vệ bí mật nhà nước thì ai chịu trách nhiệm?')).toEqual(expect.arrayContaining(['bảo', 'vệ', 'bí', 'mật', 'nhà', 'nước']));
    // Named without a place, up to the comma ending the phrase (and its month).
    expect(describingWords('Trong kế hoạch phòng chống dịch sau bão tháng 9/2024, xã phải làm gì?')).toEqual(['phòng', 'phong', 'chống', 'chong', 'dịch', 'dich', 'sau', 'bão', 'bao']);
  });
});
