import { describe, expect, it } from 'vitest';
import { GLOSSARY, GLOSSARY_WORDS, translateToVietnamese } from './glossary.js';
import { normalizeVietnamese } from './normalize.js';

describe('GLOSSARY', () => {
  it('is a sizeable English → Vietnamese list without duplicate keys', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(120);
    const keys = GLOSSARY.map(([en]) => en);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('GLOSSARY_WORDS', () => {
  it('holds the two-syllable words the glossary writes, spelt as the index spells text, whatever their tone marks', () => {
    for (const word of ['mầm non', 'ma túy', 'thủy sản']) expect(GLOSSARY_WORDS.has(normalizeVietnamese(word).toLowerCase()), word).toBe(true);
    expect(GLOSSARY_WORDS.has('thẻ bảo hiểm y tế')).toBe(false);
  });
});

describe('translateToVietnamese', () => {
  it('translates the design card questions', () => {
    expect(translateToVietnamese('who gets a BHYT card?')).toEqual({ text: 'được cấp thẻ BHYT', matched: ['gets', 'card'], unmatched: [], untranslatedShare: 0, loose: [], seams: ['cấp thẻ'], alternatives: [] });
    expect(translateToVietnamese('when is the report due?')).toEqual({ text: 'báo cáo trước ngày', matched: ['report', 'due'], unmatched: [], untranslatedShare: 0, loose: [], seams: ['cáo trước'], alternatives: [] });
  });

  it('tells where two phrases translated one by one meet, which is no pair of words asked about', () => {
    expect(translateToVietnamese('What is the quality of civil servants?').seams).toEqual(['lượng công']);
    expect(translateToVietnamese('health insurance card').seams).toEqual([]);
  });

  it('prefers the longest phrase', () => {
    expect(translateToVietnamese('health insurance card').text).toBe('thẻ bảo hiểm y tế');
    expect(translateToVietnamese('health insurance').text).toBe('bảo hiểm y tế');
    expect(translateToVietnamese('children in special circumstances').text).toBe('trẻ em có hoàn cảnh đặc biệt');
    expect(translateToVietnamese('the Department of Labour, Invalids and Social Affairs').text).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(translateToVietnamese('drug rehabilitation').text).toBe('cai nghiện ma túy');
    expect(translateToVietnamese('rehabilitation').text).toBe('phục hồi chức năng');
  });

  it('gives infrastructure as the documents write it ("hạ tầng"), facilities as buildings and equipment', () => {
    expect(translateToVietnamese('network infrastructure').text).toContain('hạ tầng');
    expect(translateToVietnamese('physical facilities').text).toBe('cơ sở vật chất');
  });

  it('reads "before" as "trước", a date only when one is asked, and a violation committed as "vi phạm", not a commitment', () => {
    expect(translateToVietnamese('he died before his case was dealt with').text).not.toContain('trước ngày');
    expect(translateToVietnamese('submitted before what date').text).toContain('trước ngày');
    expect(translateToVietnamese('a civil servant committed a violation').text).toContain('vi phạm');
    expect(translateToVietnamese('a civil servant committed a violation').text).not.toContain('cam kết');
  });

  it('keeps a name written in mixed case with two capitals or more ("SMEdx", "VNeID", "eKYC") as typed', () => {
    expect(translateToVietnamese('What is the SMEdx programme?').text).toContain('SMEdx');
    expect(translateToVietnamese('Is eKYC required?').text).toContain('eKYC');
    expect(translateToVietnamese('Is eKYC required?').unmatched).toEqual([]);
    expect(translateToVietnamese('What does the Department of Health do?').text).toBe('Sở Y tế');
  });

  it('keeps a number before the unit it counts ("12-month" → "12 tháng"; "tháng 12" is December)', () => {
    expect(translateToVietnamese('the 12-month effect').text).toContain('12 tháng');
    expect(translateToVietnamese('within 15 working days').text).toContain('15 ngày làm việc');
    expect(translateToVietnamese('the 2024 plan').text).toBe('kế hoạch 2024');
  });

  it('reads a rate of support as a sum per case and "times" a rate as "lần", not a share or a time', () => {
    const { text } = translateToVietnamese('pay 1.5 times the support rates');
    expect(text).toContain('lần mức hỗ trợ');
    expect(text).not.toContain('thời gian');
  });

  it('reads what is "not counted towards" a time as "không tính vào", the documents\' words', () => {
    expect(translateToVietnamese('which periods are not counted towards the statute of limitations').text).toContain('không tính vào thời hiệu');
  });

  it('reads a person who died as "qua đời", as the decrees write it, and animals that died as "chết"', () => {
    expect(translateToVietnamese('but he died before his case was dealt with').text).toContain('qua đời');
    expect(translateToVietnamese('my chickens died in the floods').text).toContain('chết');
  });

  it('reads a council "that reviews" a case as one that considers it ("xét"), not a periodic review', () => {
    const { text } = translateToVietnamese('Who chairs the council that reviews reimbursement of training costs?');
    expect(text).toContain('Hội đồng xét');
    expect(text).not.toContain('sơ kết');
  });

  it('reads "feed into" as putting data into a system, not animal feed', () => {
    expect(translateToVietnamese('what data does the plan feed into the IOC').text).toContain('tích hợp vào');
    expect(translateToVietnamese('what data does the plan feed into the IOC').text).not.toContain('chăn nuôi');
  });

  it.each([
    ['people with disabilities', 'người khuyết tật'],
    ['disabled', 'người khuyết tật'],
    ['elderly', 'người cao tuổi'],
    ['older people', 'người cao tuổi'],
    ['seniors', 'người cao tuổi'],
    ['veterans', 'người có công'],
    ['people with merit', 'người có công'],
    ['social protection beneficiaries', 'đối tượng bảo trợ xã hội'],
    ['social assistance', 'trợ giúp xã hội'],
    ['department of health', 'Sở Y tế'],
    ["People's Committee", 'Ủy ban nhân dân'],
    ['funding', 'kinh phí'],
    ['deadline', 'thời hạn trước ngày'],
    ['nursing', 'điều dưỡng'],
    ['convalescence', 'điều dưỡng'],
    ['orphans', 'trẻ em mồ côi'],
    ['social work', 'công tác xã hội'],
    ['periodic health checks', 'khám sức khỏe định kỳ'],
    ['signer', 'ký'],
  ])('%j → %j', (english, vietnamese) => expect(translateToVietnamese(english).text).toBe(vietnamese));

  it('carries numbers, dates, abbreviations and place names over, head noun first', () => {
    expect(translateToVietnamese('How many people are 100 years old in Ben Tre?').text).toBe('người tròn 100 tuổi Ben Tre');
    expect(translateToVietnamese('Is the report due before 15/12?').text).toBe('báo cáo trước ngày 15/12');
    expect(translateToVietnamese('Who signed the Khánh Hòa plan?').text).toBe('ký kế hoạch Khánh Hòa');
    expect(translateToVietnamese('targets for 2025 under Decision 1942/QĐ-TTg').text).toBe('chỉ tiêu mục tiêu 2025 Quyết định 1942/QĐ-TTg');
  });

  it('reports content words it could not translate, not function words', () => {
    const result = translateToVietnamese('What are the quidditch broomsticks for wizards?');
    expect(result.unmatched).toEqual(['quidditch', 'broomsticks', 'wizards']);
    expect(result.untranslatedShare).toBe(1);
    expect(result.text).toBe('');
    // Carried-over tokens (numbers, places, abbreviations) are understood words.
    expect(translateToVietnamese('Who quaffled the BHYT broomstick in 2022?').untranslatedShare).toBeCloseTo(2 / 4);
    expect(translateToVietnamese('Which international forums should Vietnam take part in?').untranslatedShare).toBe(0);
    // Common words get the likeliest wording, marked as such; the domain's own words are not.
    expect(translateToVietnamese('Which international forums should Vietnam take part in?').loose).toContain('quốc tế');
    expect(translateToVietnamese('Who gets a health insurance card?').loose).toEqual([]);
    expect(translateToVietnamese("Does Lang Son city's plan include newborn screening?").text).toContain('Lang Son');
  });

  it('keeps a Vietnamese term given in brackets whole', () => {
    const result = translateToVietnamese('How much is paid per quail (chim cút) killed?');
    expect(result.text).toContain('chim cút');
    expect(result.unmatched).not.toContain('chim');
  });

  it('reads British spellings, month names and small numbers', () => {
    expect(translateToVietnamese('the social protection centre').text).toContain('Trung tâm Bảo trợ xã hội');
    expect(translateToVietnamese('labour in November').text).toBe('lao động tháng 11');
    expect(translateToVietnamese('two periods').text).toContain('2');
  });

  it('reads a hyphenated English compound word by word, unless it describes a document or is a code', () => {
    expect(translateToVietnamese('What food-safety measures are set?').text).toContain('an toàn thực phẩm');
    // The compound names the document (its scope carries the title's words): no word a passage must hold.
    expect(translateToVietnamese("the city's gender-equality plan")).toMatchObject({ unmatched: [], untranslatedShare: 0 });
    expect(translateToVietnamese('Decree 09/2025/NĐ-CP on COVID-19').text).toContain('NĐ-CP');
    // An age joined to its number: "an 8-month-old beef cow" is a cow of 8 "tháng tuổi".
    expect(translateToVietnamese('My 8-month-old beef cow died').text).toContain('tháng tuổi');
    expect(translateToVietnamese('My 8-month-old beef cow died').text).toContain('bò thịt');
  });
});

describe('translateToVietnamese: the plans\' domain vocabulary', () => {
  it.each([
    ['staffing quota', 'biên chế'],
    ['staffing quotas', 'biên chế'],
    ['civil servant staffing', 'biên chế công chức'],
    ['headcount', 'biên chế'],
    ["Prime Minister's decision", 'Quyết định Thủ tướng Chính phủ'],
    ['decision of the Prime Minister', 'Quyết định Thủ tướng Chính phủ'],
    ['monthly social assistance allowances', 'trợ cấp xã hội hàng tháng'],
    ['monthly social allowance', 'trợ cấp xã hội hàng tháng'],
    ['educating disabled pupils', 'giáo dục học sinh khuyết tật'],
    ['educating disabled students', 'giáo dục học sinh khuyết tật'],
    ['education for people with disabilities', 'giáo dục người khuyết tật'],
    ['students with disabilities', 'học sinh khuyết tật'],
    ['electronic health records', 'hồ sơ sức khỏe điện tử'],
    ['electronic health record', 'hồ sơ sức khỏe điện tử'],
    ['orthopaedic devices', 'dụng cụ chỉnh hình'],
    ['prostheses', 'dụng cụ chỉnh hình'],
    ['drug detoxification', 'cai nghiện ma túy'],
    ['home nursing', 'điều dưỡng tại gia đình'],
    ['physiotherapy', 'phục hồi chức năng'],
    ['socialisation', 'xã hội hóa'],
    ['private sector participation', 'xã hội hóa'],
    ['longevity ceremonies', 'chúc thọ mừng thọ'],
    ['birthday wishes', 'chúc thọ mừng thọ'],
    ['heroic mother', 'Bà mẹ Việt Nam anh hùng'],
    ['war invalid', 'thương binh'],
    ['martyr', 'liệt sĩ'],
    ['families of martyrs', 'thân nhân liệt sĩ'],
    ['medical equipment', 'trang thiết bị y tế'],
    ['physical facilities', 'cơ sở vật chất'],
    ['training courses', 'tập huấn'],
    ['supervise', 'giám sát'],
    ['inspect', 'kiểm tra'],
    ['media', 'truyền thông'],
    ['budget estimates', 'dự toán ngân sách'],
    ['final settlement', 'quyết toán'],
    ['public investment', 'đầu tư công'],
    ['official development assistance', 'ODA'],
    ['annual check-up', 'khám sức khỏe định kỳ'],
    ['periodic medical examinations', 'khám sức khỏe định kỳ'],
    ['early detection', 'phát hiện sớm'],
    ['early intervention', 'can thiệp sớm'],
    ['autism', 'tự kỷ'],
    ['children with autism', 'trẻ em tự kỷ'],
    ['mental disorders', 'rối nhiễu tâm trí'],
    ['orphaned', 'mồ côi'],
    ['poor household', 'hộ nghèo'],
    ['near-poor households', 'hộ cận nghèo'],
    ['vulnerable groups', 'đối tượng yếu thế'],
    ['recurrent expenditure', 'chi thường xuyên'],
    ['occupational diseases', 'bệnh nghề nghiệp'],
  ])('%j → %j', (english, vietnamese) => expect(translateToVietnamese(english).text).toBe(vietnamese));

  it('keeps an acronym typed in capitals beside its Vietnamese, and reads codes as exact, not loose', () => {
    const translated = translateToVietnamese("What is the province's target for R&D spending as a share of GRDP?");
    expect(translated.text).toContain('nghiên cứu và phát triển R&D');
    expect(translated.loose).not.toContain('GRDP');
    expect(translated.loose).not.toContain('nghiên cứu và phát triển');
    // A body's proper name is the documents' own wording too.
    expect(translateToVietnamese("Who heads the school's People's Inspection Board?").loose).not.toContain('Ban thanh tra nhân dân');
    // Typed in lower case, a word is a word ("ai" is no acronym when it is not in capitals).
    expect(translateToVietnamese('Which body leads the plan on ai?').text).not.toContain('ai');
  });

  it('reads possessives as their noun and carries possessive place names over', () => {
    expect(translateToVietnamese("Which Prime Minister's directive covers cashless payments?").text).toBe(
      'Chỉ thị Thủ tướng Chính phủ bao gồm chi trả không dùng tiền mặt',
    );
    expect(translateToVietnamese("What share of Huu Lung's beneficiaries have electronic health records?").text).toBe(
      'tỷ lệ đối tượng thụ hưởng Huu Lung hồ sơ sức khỏe điện tử',
    );
  });

  it('translates whole questions into the plans\' wording with nothing left over', () => {
    expect(translateToVietnamese('What is the staffing quota for social work staff?')).toEqual({
      text: 'biên chế công tác xã hội cán bộ nhân viên',
      matched: ['staffing quota', 'social work', 'staff'],
      unmatched: [],
      untranslatedShare: 0,
      loose: [],
      seams: ['chế công', 'hội cán'],
      // "staff" is worded either way: a document writes one of them.
      alternatives: [['cán bộ', 'nhân viên']],
    });
    expect(translateToVietnamese('Who receives monthly social assistance allowances?').text).toBe('được cấp trợ cấp xã hội hàng tháng');
    expect(translateToVietnamese('How much funding went to educating disabled pupils?').text).toBe('kinh phí giáo dục học sinh khuyết tật');
  });
});

describe('administrative vocabulary', () => {
  it('translates what acts do to one another and the parts of legal documents', () => {
    expect(translateToVietnamese('Which decrees does it repeal?').text).toContain('bãi bỏ');
    expect(translateToVietnamese('How many teaching periods must a principal teach?').text).toBe('tiết dạy hiệu trưởng giảng dạy');
    expect(translateToVietnamese('sex ratio at birth').text).toBe('tỷ số giới tính khi sinh');
  });

  it("leaves the plans' own wording in front of the general one", () => {
    expect(translateToVietnamese('lead agency').text).toBe('chủ trì');
  });

  it('reads the general words a citizen asks with (sensors, on behalf of, onwards, instructors)', () => {
    const { text, unmatched } = translateToVietnamese('Who installs sensors on bridges on behalf of the province from 2026 onwards, and who trains the instructors?');
    expect(unmatched).toEqual([]);
    for (const wording of ['cảm biến', 'thay mặt', 'trở đi', 'giảng viên']) expect(text).toContain(wording);
  });
});

describe('translateToVietnamese, word forms', () => {
  it('reads a verb form as its verb and a hyphenated entry word by word', () => {
    expect(translateToVietnamese('cooperating').text).toBe(translateToVietnamese('cooperate').text);
    expect(translateToVietnamese('institutes').text).toBe('viện');
    expect(translateToVietnamese('small and medium-sized enterprises').text).toBe('doanh nghiệp nhỏ và vừa');
  });
});
