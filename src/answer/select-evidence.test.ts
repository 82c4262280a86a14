import { describe, expect, it } from 'vitest';
import type { Chunk } from '../types.js';
import type { QuestionType } from './question-type.js';
import { enumerationLength, passageSpans, profileQuery, readSlot, selectEvidence, reachableWeight } from './select-evidence.js';
import { createTermVocabulary } from './term-stats.js';

/** The profile of a question over a collection of 1,000 chunks where each of its terms is in 10. */
const profileOf = async (searchText: string, types: QuestionType[]) => {
  const stats = { chunkCount: async () => 1_000, documentFrequencies: async (terms: readonly string[]) => new Map(terms.map((term) => [term, 10])) };
  const model = await createTermVocabulary(stats, new Map()).weigh(searchText, false);
  return profileQuery({ searchText, slot: readSlot(searchText, searchText, new Map()), asked: searchText, folded: false, types, model, ignore: new Set(), abbreviations: new Map() });
};

describe('enumerationLength', () => {
  const sentence =
    'Công an tỉnh chủ trì; tham mưu UBND tỉnh thay thế Quyết định số 15/2021/QĐ-UBND về quy chế bảo vệ bí mật; Quyết định số 46/2002/QĐ-UBND về khu vực cấm; tổ chức tập huấn cho cán bộ.';
  const from = (text: string) => sentence.indexOf(text);

  it('goes on through the clauses after a quote that open with words it holds', () => {
    const start = from('tham mưu');
    const window = { offset: start, length: from('Quyết định số 46') - start };
    expect(sentence.slice(start, start + enumerationLength(sentence, window))).toBe(
      'tham mưu UBND tỉnh thay thế Quyết định số 15/2021/QĐ-UBND về quy chế bảo vệ bí mật; Quyết định số 46/2002/QĐ-UBND về khu vực cấm; ',
    );
  });

  it('goes on through clauses naming other documents by number after a quote naming one', () => {
    const listing = 'Quán triệt các văn bản, nhất là: Luật Bảo vệ bí mật nhà nước, Chỉ thị số 32/CT-TTg ngày 21/10/2025; Kế hoạch số 321-KH/TU ngày 11/4/2025; Công văn số 574/UBND-NC ngày 23/9/2024; tổ chức tập huấn.';
    const length = enumerationLength(listing, { offset: 0, length: listing.indexOf('Kế hoạch') });
    expect(listing.slice(0, length)).toBe('Quán triệt các văn bản, nhất là: Luật Bảo vệ bí mật nhà nước, Chỉ thị số 32/CT-TTg ngày 21/10/2025; Kế hoạch số 321-KH/TU ngày 11/4/2025; Công văn số 574/UBND-NC ngày 23/9/2024; ');
  });

  it('stops at a clause that starts something else, or where the quote does not end a clause', () => {
    const start = from('Công an');
    expect(enumerationLength(sentence, { offset: start, length: from('tham mưu') - start })).toBe(from('tham mưu') - start);
    expect(enumerationLength(sentence, { offset: start, length: 12 })).toBe(12);
  });
});

describe('reachableWeight', () => {
  it("takes off the weight of the question's own words a document never uses, and only theirs", async () => {
    const profile = await profileOf('cơ chế thử nghiệm sandbox', ['general']);
    const question = 'cơ chế thử nghiệm sandbox';
    expect(reachableWeight(profile, 'Triển khai cơ chế thử nghiệm sandbox.', question)).toBeCloseTo(profile.totalWeight);
    const some = reachableWeight(profile, 'Xây dựng cơ chế Sandbox cho mô hình mới.', question);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(profile.totalWeight);
    expect(reachableWeight(profile, 'Không có gì liên quan ở đây.', question)).toBeCloseTo(0);
    // Words the question does not itself hold count in full, used or not.
    expect(reachableWeight(profile, 'Không có gì liên quan ở đây.', 'khác hẳn')).toBeCloseTo(profile.totalWeight);
  });
});

describe('selectEvidence', () => {
  it('counts a syllable of the question half where the passage holds it in none of its word pairs ("tiết" of "chi tiết" for "thời tiết")', async () => {
    const searchText = 'thời tiết ngày mai';
    const profile = await profileOf(searchText, ['general']);
    const chunk = (text: string, ordinal: number): Chunk => ({ id: `d#${ordinal}`, docId: 'd', section: [], kind: 'body', start: 0, end: text.length, text });
    const [word, apart] = ['Thời tiết ngày mai có mưa rào.', 'Ngày mai ban hành quy định chi tiết.'].map((text, ordinal) => selectEvidence([{ chunk: chunk(text, ordinal), score: 1 }], profile, { outline: () => [] })[0]);
    expect(word.coverage).toBeCloseTo(1);
    // "ngày mai" holds its pair; "tiết" counts half and "thời" not at all.
    const weight = (term: string) => profile.terms.get(term) ?? 0;
    expect(apart.coverage).toBeCloseTo((weight('ngày') + weight('mai') + weight('ngày mai') + weight('tiết') / 2) / profile.totalWeight);
  });

  it('quotes a lead-in ending in ":" with its items, each over all its sentences, up to a paragraph that opens none', async () => {
    const searchText = 'ưu tiên bố trí không gian biển';
    const profile = await profileOf(searchText, ['list']);
    const first = '+ Phát triển nhanh các lĩnh vực thương mại, dịch vụ và du lịch ven biển của tỉnh. Chú trọng phát triển du lịch sinh thái, nghỉ dưỡng và trải nghiệm cộng đồng ở các xã ven biển.';
    const text = `Ưu tiên bố trí không gian biển cho các hoạt động sau:\n\n${first}\n\n+ Khai thác các tuyến vận tải đường thủy.\n\nĐề nghị các sở thực hiện.`;
    const chunk: Chunk = { id: 'd#0', docId: 'd', section: [], kind: 'body', start: 0, end: text.length, text };
    const [best] = selectEvidence([{ chunk, score: 1 }], profile, { outline: () => [] });
    expect(best.text).toBe(`Ưu tiên bố trí không gian biển cho các hoạt động sau:\n\n${first}\n\n+ Khai thác các tuyến vận tải đường thủy.`);
  });

  it("reads a table chunk's figures in the unit its caption gives above the table, outside the chunk", async () => {
    const searchText = 'tỉnh Cao Bằng được bổ sung bao nhiêu tiền';
    const profile = await profileOf(searchText, ['count']);
    const text = '| 2 | CAO BẰNG | 68.900 |';
    const chunk: Chunk = { id: 'd#3', docId: 'd', section: [], kind: 'body', start: 0, end: text.length, text, context: 'STT | Địa phương | Kinh phí' };
    const fitWith = (caption?: string) => selectEvidence([{ chunk, score: 1 }], profile, { outline: () => [], caption: () => caption })[0].fit;
    expect(fitWith('Triệu đồng')).toBe(1);
    expect(fitWith(undefined)).toBeLessThan(0.1);
  });

  it("never quotes a table's header row as a row, flattened and in bold as scraped pages set it", async () => {
    const profile = await profileOf('nội dung chi đặc thù', ['list']);
    const text = '**TT**\n|\n**Nội dung**\n|\n**Chế độ chi đặc thù**\n|\n|\n1\n|\nChi hỗ trợ thành lập mới\n|\n5.000.000 đồng\n|';
    const chunk: Chunk = { id: 'd#0', docId: 'd', section: [], kind: 'body', start: 0, end: text.length, text, context: 'TT | Nội dung | Chế độ chi đặc thù' };
    const texts = selectEvidence([{ chunk, score: 1 }], profile, { outline: () => [] }).map((item) => item.text);
    expect(texts.some((quote) => quote.includes('**TT**'))).toBe(false);
    expect(texts.some((quote) => quote.includes('Chi hỗ trợ thành lập mới'))).toBe(true);
  });

  it('needs the date of a question asking a date beside another kind of fact', async () => {
    const searchText = 'nghị định căn cứ hiệu lực';
    const profile = await profileOf(searchText, ['legal-basis', 'date']);
    const chunk = (text: string, ordinal: number): Chunk => ({ id: `d#${ordinal}`, docId: 'd', section: [], kind: 'body', start: 0, end: text.length, text });
    const [cited, dated] = ['Căn cứ Nghị định số 278/2025/NĐ-CP ngày 22/10/2025 của Chính phủ.', 'Nghị định số 278/2025/NĐ-CP có hiệu lực từ ngày 01/12/2025.'].map((text, ordinal) => selectEvidence([{ chunk: chunk(text, ordinal), score: 1 }], profile, { outline: () => [] })[0]);
    expect(cited.fit).toBeLessThan(0.2);
    expect(dated.fit).toBe(1);
  });

  it('counts the words of a clause a passage refers to as the passage\'s own', async () => {
    const searchText = 'tự ý thôi học hoàn trả học bổng';
    const profile = await profileOf(searchText, ['general']);
    const rule = 'Đối với trường hợp quy định tại khoản 1 Điều 3 Nghị định này, sinh viên hoàn trả toàn bộ học bổng.';
    const hits = [{ chunk: { id: 'd#0', docId: 'd', section: [], kind: 'body', start: 0, end: rule.length, text: rule } as Chunk, score: 1 }];
    const alone = selectEvidence(hits, profile, { outline: () => [] })[0];
    const referring = selectEvidence(hits, profile, { outline: () => [], referred: (docId, passage) => (docId === 'd' && passage.includes('khoản 1 Điều 3') ? 'Tự ý thôi học trước khi kết thúc khóa học.' : '') })[0];
    expect(alone.coverage).toBeLessThan(0.6);
    expect(referring.coverage).toBeGreaterThan(0.8);
  });

  it('gives no coverage to a passage holding the question\'s syllables only outside its words', async () => {
    const searchText = 'tổng thống Mỹ';
    const profile = await profileOf(searchText, ['general']);
    const chunk = (text: string, ordinal: number): Chunk => ({ id: `d#${ordinal}`, docId: 'd', section: [], kind: 'body', start: 0, end: text.length, text });
    const [scattered, whole] = ['Giữ gìn thuần phong mỹ tục, hệ thống tổng hợp.', 'Tổng thống Mỹ thăm Việt Nam.'].map((text, ordinal) => selectEvidence([{ chunk: chunk(text, ordinal), score: 1 }], profile, { outline: () => [] })[0]);
    expect(scattered.coverage).toBe(0);
    expect(whole.coverage).toBeCloseTo(1);
  });

  it('weighs a name written in capitals as a word of its own, in no phrase with its neighbour ("công nghệ GIS")', async () => {
    const profile = await profileOf('ứng dụng công nghệ GIS', ['general']);
    expect(profile.terms.has('nghệ gis')).toBe(false);
    const text = 'Xây dựng dữ liệu du lịch trên nền tảng GIS.';
    const chunk: Chunk = { id: 'd#0', docId: 'd', section: [], kind: 'body', start: 0, end: text.length, text };
    const [found] = selectEvidence([{ chunk, score: 1 }], profile, { outline: () => [] });
    expect(found.coverage).toBeCloseTo(profile.terms.get('gis')! / profile.totalWeight);
  });

  it('reads a task card\'s field ("b) Cơ quan thực hiện") as about the task above it, when who or when is asked', async () => {
    const text = [
      '2. Về nền tảng số',
      'a) Nhiệm vụ:',
      '- Triển khai nền tảng họp trực tuyến dùng chung.',
      'b) Cơ quan thực hiện:',
      '- Đơn vị chủ trì: Văn phòng Ủy ban nhân dân.',
      'c) Thời gian thực hiện: Hoàn thành trong năm 2026.',
    ].join('\n');
    const at = (line: string) => text.indexOf(line);
    const entry = (title: string, depth: number, end: number) => ({ title, depth, start: at(title), end });
    const outline = [
      entry('2. Về nền tảng số', 0, text.length),
      entry('a) Nhiệm vụ', 1, at('b) Cơ quan')),
      entry('b) Cơ quan thực hiện', 1, at('c) Thời gian')),
      entry('c) Thời gian thực hiện', 1, text.length),
    ];
    const chunk: Chunk = { id: 'd#0', docId: 'd', section: [], kind: 'body', start: 0, end: text.length, text };
    const evidenceFor = async (searchText: string, types: QuestionType[]) => selectEvidence([{ chunk, score: 1 }], await profileOf(searchText, types), { outline: () => outline });
    const who = await evidenceFor('nền tảng họp trực tuyến dùng chung đơn vị nào chủ trì', ['who']);
    expect(who[0].text).toContain('Văn phòng Ủy ban nhân dân');
    const when = await evidenceFor('nền tảng họp trực tuyến dùng chung hoàn thành khi nào', ['deadline']);
    expect(when[0].text).toContain('Hoàn thành trong năm 2026');
    // Asked something else, the field names no task.
    const how = await evidenceFor('nền tảng họp trực tuyến dùng chung', ['general']);
    expect(how[0].text).toContain('Triển khai nền tảng họp trực tuyến');
  });

  it('counts an English word the glossary could not translate as a word the collection never uses', async () => {
    const stats = { chunkCount: async () => 1_000, documentFrequencies: async (terms: readonly string[]) => new Map(terms.map((term) => [term, 10])) };
    const searchText = 'gia đình du lịch';
    const model = await createTermVocabulary(stats, new Map()).weigh(searchText, false);
    const args = { searchText, slot: readSlot(searchText, searchText, new Map()), asked: searchText, folded: false, types: ['general'] as QuestionType[], model, ignore: new Set<string>(), abbreviations: new Map() };
    const translated = profileQuery(args);
    const withUnknown = profileQuery({ ...args, untranslated: ['itinerary'] });
    expect(withUnknown.totalWeight - translated.totalWeight).toBeCloseTo(model.unseenIdf);
    // What the collection never uses is still read off the translated words alone.
    expect(withUnknown.unknownShare).toBe(translated.unknownShare);
    const chunk: Chunk = { id: 'd#0', docId: 'd', section: [], kind: 'body', start: 0, end: 30, text: 'Gia đình đi du lịch cuối tuần.' };
    const [full] = selectEvidence([{ chunk, score: 1 }], translated, { outline: () => [] });
    const [part] = selectEvidence([{ chunk, score: 1 }], withUnknown, { outline: () => [] });
    expect(part.coverage).toBeCloseTo((full.coverage * translated.totalWeight) / withUnknown.totalWeight);
  });

  it('weighs no pair of words where two translated phrases meet', async () => {
    const frequencies: Record<string, number> = { chất: 50, lượng: 60, công: 300, chức: 200, 'chất lượng': 40, 'lượng công': 30, 'công chức': 150 };
    const stats = { chunkCount: async () => 1_000, documentFrequencies: async (terms: readonly string[]) => new Map(terms.map((term) => [term, frequencies[term] ?? 10])) };
    const searchText = 'chất lượng công chức';
    const model = await createTermVocabulary(stats, new Map()).weigh(searchText, false);
    const args = { searchText, slot: readSlot(searchText, searchText, new Map()), asked: searchText, folded: false, types: ['general'] as QuestionType[], model, ignore: new Set<string>(), abbreviations: new Map() };
    expect(profileQuery(args).terms.has('lượng công')).toBe(true);
    const profile = profileQuery({ ...args, seams: new Set(['lượng công']) });
    expect(profile.terms.has('lượng công')).toBe(false);
    expect(profile.terms.has('chất lượng')).toBe(true);
  });

  it('pairs a function word inside a phrase of the collection ("có công" of "người có công")', async () => {
    const frequencies: Record<string, number> = { người: 400, có: 900, công: 300, 'người có': 120, 'có công': 110, ngày: 500, 'ngày công': 5 };
    const stats = { chunkCount: async () => 1_000, documentFrequencies: async (terms: readonly string[]) => new Map(terms.map((term) => [term, frequencies[term] ?? 10])) };
    const searchText = 'trợ cấp người có công';
    const model = await createTermVocabulary(stats, new Map()).weigh(searchText, false);
    const profile = profileQuery({ searchText, slot: readSlot(searchText, searchText, new Map()), asked: searchText, folded: false, types: ['general'], model, ignore: new Set(), abbreviations: new Map() });
    expect(profile.partners.get('công')).toEqual(['có công']);
  });
});

describe('passageSpans', () => {
  const passages = (text: string) => passageSpans(text).map((span) => text.slice(span.start, span.end));

  it('reads each row of a Markdown table (a Word table) as one passage, its separator line as none', () => {
    const text = 'Đơn vị: Triệu đồng\n| STT | Địa phương | Kinh phí |\n|---|---|---|\n| 1 | NINH BÌNH | 58.200 |\n| 2 | HƯNG YÊN | 55.800 |\nTổng cộng hai tỉnh. Số liệu tạm tính.';
    expect(passages(text)).toEqual(['Đơn vị: Triệu đồng', 'STT | Địa phương | Kinh phí', '1 | NINH BÌNH | 58.200', '2 | HƯNG YÊN | 55.800', 'Tổng cộng hai tỉnh.', 'Số liệu tạm tính.']);
  });

  it('reads each row of a flattened table as one passage', () => {
    expect(passages('1\n|\nNINH BÌNH\n|\n58.200\n|\n|\n2\n|\nHƯNG YÊN\n|\n55.800')).toEqual(['1\n|\nNINH BÌNH\n|\n58.200', '2\n|\nHƯNG YÊN\n|\n55.800']);
  });
});
