import { describe, expect, it } from 'vitest';
import { splitQuestion } from './split-question.js';

describe('splitQuestion', () => {
  it('splits where both sides ask something', () => {
    expect(splitQuestion('Thông tư 05 có hiệu lực từ ngày nào và thay thế những thông tư nào?')).toEqual([
      'Thông tư 05 có hiệu lực từ ngày nào?',
      'Thay thế những thông tư nào?',
    ]);
    expect(splitQuestion('Kế hoạch yêu cầu báo cáo trước ngày nào, và gửi về đâu?')).toEqual(['Kế hoạch yêu cầu báo cáo trước ngày nào?', 'Gửi về đâu?']);
    expect(splitQuestion('ke hoach 556 co nhac muc tieu phat thai rong bang 0 khong, vao nam nao')).toEqual([
      'ke hoach 556 co nhac muc tieu phat thai rong bang 0 khong',
      'Vao nam nao',
    ]);
    expect(splitQuestion('Which agency leads the task, and when is it due?')).toEqual(['Which agency leads the task?', 'When is it due?']);
    expect(splitQuestion('Ai chủ trì? Thời hạn hoàn thành là khi nào?')).toEqual(['Ai chủ trì?', 'Thời hạn hoàn thành là khi nào?']);
  });

  it('keeps a second document of one question with it, where the next sentence asks the next question', () => {
    expect(splitQuestion('Báo cáo năm phải gửi trước ngày nào theo KH 12 của tỉnh A và theo KH 15 của tỉnh B? Mỗi nơi gửi về cơ quan nào?')).toEqual([
      'Báo cáo năm phải gửi trước ngày nào theo KH 12 của tỉnh A và theo KH 15 của tỉnh B?',
      'Mỗi nơi gửi về cơ quan nào?',
    ]);
    expect(splitQuestion('Nhà nước có bắt buộc hỗ trợ bằng tiền không, hay có thể hỗ trợ bằng giống? Nếu hỗ trợ bằng giống thì tính thế nào?')).toEqual([
      'Nhà nước có bắt buộc hỗ trợ bằng tiền không, hay có thể hỗ trợ bằng giống?',
      'Nếu hỗ trợ bằng giống thì tính thế nào?',
    ]);
  });

  it('does not split two subjects of one part where only a heading before a colon asks', () => {
    expect(splitQuestion('Hai văn bản khác nhau thế nào: theo NĐ 12, các bộ và UBND tỉnh báo cáo trước ngày nào; còn theo QĐ 13, Bộ Tài chính báo cáo trước ngày nào?')).toEqual([
      'Hai văn bản khác nhau thế nào: theo NĐ 12, các bộ và UBND tỉnh báo cáo trước ngày nào?',
      'Hai văn bản khác nhau thế nào: còn theo QĐ 13, Bộ Tài chính báo cáo trước ngày nào?',
    ]);
  });

  it('gives a second part opening with what a body does the first part\'s subject, and a frame after sentences telling a case', () => {
    expect(splitQuestion('Công an tỉnh phải kiểm tra những cơ sở nào và phối hợp với đơn vị nào?')).toEqual([
      'Công an tỉnh phải kiểm tra những cơ sở nào?',
      'Công an tỉnh phối hợp với đơn vị nào?',
    ]);
    // ("Báo cáo" may be what the part is about: no subject is lent to it.)
    expect(splitQuestion('Khi có dịch thì phải báo cáo về đâu, còn báo cáo tuần gửi cho ai?')[1]).toBe('Báo cáo tuần gửi cho ai?');
    expect(splitQuestion('My office was flooded. Under Decree 10/2025/ND-CP, how much is the aid, and who pays it?')).toEqual([
      'My office was flooded. Under Decree 10/2025/ND-CP, how much is the aid?',
      'Under Decree 10/2025/ND-CP, who pays it?',
    ]);
  });

  it('gives the second part the subject or the opening frame it leaves to the first', () => {
    expect(splitQuestion('Trong phụ lục, việc lập quỹ dự phòng cấp tỉnh do cơ quan nào chủ trì và hoàn thành khi nào?')).toEqual([
      'Trong phụ lục, việc lập quỹ dự phòng cấp tỉnh do cơ quan nào chủ trì?',
      'Trong phụ lục, việc lập quỹ dự phòng cấp tỉnh hoàn thành khi nào?',
    ]);
    expect(splitQuestion('nhiem vu xay dung co so du lieu do ai chu tri, thoi gian khi nao')).toEqual(['nhiem vu xay dung co so du lieu do ai chu tri', 'Nhiem vu xay dung co so du lieu thoi gian khi nao']);
    expect(splitQuestion('Theo Kế hoạch 12/KH-UBND, các sở gửi báo cáo trước ngày nào, và Sở Nội vụ tổng hợp trước ngày nào?')).toEqual([
      'Theo Kế hoạch 12/KH-UBND, các sở gửi báo cáo trước ngày nào?',
      'Theo Kế hoạch 12/KH-UBND, Sở Nội vụ tổng hợp trước ngày nào?',
    ]);
    expect(splitQuestion('Thông tư 12/2025/TT-BTC quy định mức thu phí gì và có hiệu lực từ ngày nào?')).toEqual([
      'Thông tư 12/2025/TT-BTC quy định mức thu phí gì?',
      'Thông tư 12/2025/TT-BTC có hiệu lực từ ngày nào?',
    ]);
    expect(splitQuestion('ke hoach ve nguoi cao tuoi nam 2019 cua huyen la ke hoach so may, ban hanh ngay nao')[1]).toBe('Ke hoach ve nguoi cao tuoi nam 2019 cua huyen ban hanh ngay nao');
    // A part that is only its asking words borrows the first part's subject.
    expect(splitQuestion('ke hoach ve nguoi cao tuoi nam 2019 cua huyen la ke hoach so may, ngay nao')).toEqual([
      'ke hoach ve nguoi cao tuoi nam 2019 cua huyen la ke hoach so may',
      'Ke hoach ve nguoi cao tuoi nam 2019 cua huyen ngay nao',
    ]);
    expect(splitQuestion('Under Decree 09, who is supported, and how much do they get?')).toEqual(['Under Decree 09, who is supported?', 'Under Decree 09, how much do they get?']);
    expect(splitQuestion('Kế hoạch 12 về phòng thủ dân sự: Sở Y tế lập quy chế gì, và xong trước khi nào?')).toEqual([
      'Kế hoạch 12 về phòng thủ dân sự: Sở Y tế lập quy chế gì?',
      'Kế hoạch 12 về phòng thủ dân sự: Sở Y tế lập quy chế xong trước khi nào?',
    ]);
  });

  it('splits two subjects under one head that share the predicate, not two documents compared', () => {
    expect(splitQuestion('Trong phụ lục kế hoạch, nhiệm vụ tuyên truyền về chuyển đổi số và nhiệm vụ tập huấn kỹ năng số do cơ quan nào chủ trì?')).toEqual([
      'Trong phụ lục kế hoạch, nhiệm vụ tuyên truyền về chuyển đổi số do cơ quan nào chủ trì?',
      'Trong phụ lục kế hoạch, nhiệm vụ tập huấn kỹ năng số do cơ quan nào chủ trì?',
    ]);
    expect(splitQuestion('Kế hoạch 153 và kế hoạch 0125 có mục tiêu gì?')).toEqual(['Kế hoạch 153 và kế hoạch 0125 có mục tiêu gì?']);
  });

  it('splits two lists that share their closing "nào"', () => {
    expect(splitQuestion('Kế hoạch cảnh báo những bệnh lây qua nước và những bệnh ngoài da nào?')).toEqual([
      'Kế hoạch cảnh báo những bệnh lây qua nước nào?',
      'Kế hoạch cảnh báo những bệnh ngoài da nào?',
    ]);
  });

  it('leaves one question whole: names joined by "và", a closing "không", a single ask', () => {
    expect(splitQuestion('Sở Y tế và Sở Tài chính có nhiệm vụ gì?')).toEqual(['Sở Y tế và Sở Tài chính có nhiệm vụ gì?']);
    expect(splitQuestion('Nghị định 171 và Nghị định 172 có cùng ngày hiệu lực không?')).toEqual(['Nghị định 171 và Nghị định 172 có cùng ngày hiệu lực không?']);
    expect(splitQuestion('Chi trả không dùng tiền mặt và mở tài khoản cho ai?')).toEqual(['Chi trả không dùng tiền mặt và mở tài khoản cho ai?']);
    expect(splitQuestion('What are the targets for 2025 and 2030?')).toEqual(['What are the targets for 2025 and 2030?']);
    // Written with diacritics, "bộ máy" is no "mấy": the first half asks nothing.
    const whole = 'Trong phụ lục, việc thành lập bộ máy quản lý và ban hành quy chế do cơ quan nào chủ trì?';
    expect(splitQuestion(whole)).toEqual([whole]);
  });

  it('leaves whole a cited document asked its number and then its date: one citation gives both', () => {
    const cited = 'kh 153 de nghi phoi hop thuc hien ket luan lien nganh so may, ban hanh ngay nao';
    expect(splitQuestion(cited)).toEqual([cited]);
    expect(splitQuestion('Kết luận liên ngành đó số mấy và ban hành ngày nào?')).toEqual(['Kết luận liên ngành đó số mấy và ban hành ngày nào?']);
  });

  it('gives an English first part that is only its wh-phrase the predicate of the second', () => {
    expect(splitQuestion("Which Prime Minister's directive and which Government Office notice does Can Tho's plan 157 implement?")).toEqual([
      "Which Prime Minister's directive does Can Tho's plan 157 implement?",
      "Which Government Office notice does Can Tho's plan 157 implement?",
    ]);
  });

  it('splits English at an "and" that opens a clause of its own, not at one joining two nouns', () => {
    expect(splitQuestion('Which ministry drafts the training programme and materials, and by when must it finish?')).toEqual([
      'Which ministry drafts the training programme and materials?',
      'By when must it finish?',
    ]);
    expect(splitQuestion('What share of people and businesses must be satisfied, and what share of procedures must be online?')).toEqual([
      'What share of people and businesses must be satisfied?',
      'What share of procedures must be online?',
    ]);
    // A comma before "what" or "how" parts questions too; one before "which" may open a relative clause.
    expect(splitQuestion('Which agency builds the data system, what result is expected, and by when?')).toEqual([
      'Which agency builds the data system?',
      'What result is expected?',
      'By when?',
    ]);
    // "Can Tho" is a place, not the auxiliary "can".
    expect(splitQuestion("Were Hanoi's plan 308 and Can Tho's plan 153 issued on the same day?")).toEqual(["Were Hanoi's plan 308 and Can Tho's plan 153 issued on the same day?"]);
    expect(splitQuestion('Which body chairs the council, which reviews training costs, and when does it meet?')).toEqual([
      'Which body chairs the council, which reviews training costs?',
      'When does it meet?',
    ]);
  });

  it('splits at "va" and "con" typed without diacritics', () => {
    expect(splitQuestion('so y te trien khai chuong trinh gi cho nguoi dan, va cac lop hoc to chuc o dau')).toEqual([
      'so y te trien khai chuong trinh gi cho nguoi dan',
      'Cac lop hoc to chuc o dau',
    ]);
    expect(splitQuestion('giay chung nhan do ai cap, con mau giay do co quan nao ban hanh')).toEqual(['giay chung nhan do ai cap', 'Mau giay do co quan nao ban hanh']);
  });

  it('splits two sentences each closed by a question mark, whatever words they ask with', () => {
    expect(splitQuestion('Nếu người đó được minh oan thì khoản tiền bị giữ lại xử lý thế nào? Còn nếu bị kết án thì sao?')).toEqual([
      'Nếu người đó được minh oan thì khoản tiền bị giữ lại xử lý thế nào?',
      'Còn nếu bị kết án thì sao?',
    ]);
    expect(splitQuestion('At the hearing, may the employee bring a lawyer? And is the hearing held if the employee does not come?')).toEqual([
      'At the hearing, may the employee bring a lawyer?',
      'At the hearing, is the hearing held if the employee does not come?',
    ]);
  });

  it('splits an English second part that is a yes-no question, and no more than three parts', () => {
    expect(splitQuestion('Who signed plan 12/KH-UBND and plan 34/KH-UBND, and did they sign as chairman?')).toEqual(['Who signed plan 12/KH-UBND and plan 34/KH-UBND?', 'Did they sign as chairman?']);
    expect(splitQuestion('Does the plan help children and people with disabilities, and in what way?')).toEqual(['Does the plan help children and people with disabilities, and in what way?']);
    expect(splitQuestion('Does the plan consider restoring coastal ecosystems, and does it mention community-based models?')).toEqual([
      'Does the plan consider restoring coastal ecosystems?',
      'Does it mention community-based models?',
    ]);
    expect(splitQuestion('Ai chủ trì? Ai phối hợp? Khi nào xong? Báo cáo gửi đâu?')).toHaveLength(3);
  });

  it('asks an elliptic part ("and which in …?") as the first part, of its own place', () => {
    expect(splitQuestion('Which office leads the plan in Lang Son city, and which in Huu Lung district?')).toEqual([
      'Which office leads the plan in Lang Son city?',
      'Which office leads the plan in Huu Lung district?',
    ]);
  });
});

describe('splitQuestion after a yes-no part', () => {
  it('asks what the second part bases on of what the yes-no part says ("…, căn cứ theo luật nào?")', () => {
    expect(splitQuestion('Ở Cần Thơ, UBND cấp xã có được tự quyết định khen thưởng không, căn cứ theo luật nào?')).toEqual([
      'Ở Cần Thơ, UBND cấp xã có được tự quyết định khen thưởng không?',
      'Ở Cần Thơ, UBND cấp xã được tự quyết định khen thưởng căn cứ theo luật nào?',
    ]);
  });
});

describe('splitQuestion at a bare comma', () => {
  it('splits before a Vietnamese part opening with what it asks, after a first part saying what it asks of', () => {
    expect(splitQuestion('Theo Nghị định 12, tại cuộc họp ai tuyên bố lý do cuộc họp, ai đọc biên bản?')).toEqual([
      'Theo Nghị định 12, tại cuộc họp ai tuyên bố lý do cuộc họp?',
      'Theo Nghị định 12, ai đọc biên bản?',
    ]);
    expect(splitQuestion('hoi dong ky luat thi ai tuyen bo ly do cuoc hop, ai doc bien ban cuoc hop')).toHaveLength(2);
  });

  it('splits at a comma between two clauses that each say what they ask of, the first closing with what it asks', () => {
    expect(splitQuestion('Theo Quyết định 12, sở phải làm những việc gì, hạn nộp báo cáo tổng kết là khi nào?')).toEqual([
      'Theo Quyết định 12, sở phải làm những việc gì?',
      'Theo Quyết định 12, hạn nộp báo cáo tổng kết là khi nào?',
    ]);
    expect(splitQuestion('theo qd 12/2025 cua tinh, quyet dinh co hieu luc tu khi nao, giam doc cac so nganh co phai thi hanh khong')).toEqual([
      'theo qd 12/2025 cua tinh, quyet dinh co hieu luc tu khi nao',
      'Theo qd 12/2025 cua tinh, giam doc cac so nganh co phai thi hanh khong',
    ]);
    // (Not before a part leaning on the first for what it asks of, nor where a case is told, nor with no frame to ask
    // the second part in.)
    expect(splitQuestion('Theo KH 12, nhóm nhiệm vụ thường xuyên gồm những việc nào, mỗi việc do ai chủ trì?')).toHaveLength(1);
    expect(splitQuestion('Theo KH 12, các sở phải gửi kế hoạch về đâu, trong thời hạn bao lâu kể từ ngày ban hành?')).toHaveLength(1);
    expect(splitQuestion('Tôi là chuyên viên, không giữ chức vụ gì, sắp bị họp kiểm điểm vì vi phạm. Theo NĐ 12 thì ai chủ trì cuộc họp?')).toHaveLength(1);
    expect(splitQuestion('kh 308 dao tao nang luc so cho nhung doi tuong nao, nguoi dan binh thuong co duoc tinh vao khong')).toHaveLength(1);
  });

  it('leaves parts that share what follows them whole ("cơ quan nào chủ trì, cơ quan nào phối hợp thực hiện …")', () => {
    expect(splitQuestion('Cơ quan nào chủ trì, cơ quan nào phối hợp thực hiện nhiệm vụ này?')).toHaveLength(1);
    expect(splitQuestion('Những tỉnh nào, thành phố nào được hỗ trợ?')).toHaveLength(1);
    expect(splitQuestion('qd 12 giao bo nao dua noi dung ky nang so, AI vao chuong trinh dao tao cong chuc')).toHaveLength(1);
  });
});

describe('splitQuestion with a part asking of each', () => {
  it('names after it the places the first part names ("…, and how much did each receive")', () => {
    expect(splitQuestion('Under Decision 12/QĐ-TTg, which province got more, Cao Bằng or Hà Giang, and how much did each receive?')[1]).toBe('Under Decision 12/QĐ-TTg, how much did each receive (Cao Bằng, Hà Giang)?');
    expect(splitQuestion('Theo QĐ 12/QĐ-TTg, tỉnh Cao Bằng và tỉnh Hà Giang, tỉnh nào được bổ sung nhiều hơn và mỗi tỉnh được bao nhiêu?')[1]).toContain('(Cao Bằng, Hà Giang)');
  });
});

describe('splitQuestion with a later English part saying "it"', () => {
  it('reads an "it" that acts as the body the first part asks about, and leaves any other "it"', () => {
    expect(splitQuestion('What is the Department of Health assigned to do in plan 12, and what is it asked to do in plan 34?')[1]).toBe('What is the Department of Health asked to do in plan 34?');
    expect(splitQuestion('What is the Ministry of Finance responsible for under the plan, and when must it be completed?')[1]).toBe('When must it be completed?');
  });
});
