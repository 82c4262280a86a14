// Decrees, circulars and decisions of ../shared/legal-extra beside plans of ../shared/corpus-extra, read without a
// manifest (lexical mode): their answers cite the article, or the appendix row, under its own section path and name
// the document by its type and number.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskResult } from '../src/types.js';
import { openTestPipeline, type TestPipeline } from './helpers/open-test-pipeline.js';

const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
const FILES = [
  'legal-extra/nghi-dinh-171-2025-nd-cp.txt',
  'legal-extra/quyet-dinh-2629-qd-ttg.txt',
  'legal-extra/thong-tu-110-2025-tt-btc.txt',
  'legal-extra/quyet-dinh-78-2025-qd-ubnd.txt',
  'legal-extra/quyet-dinh-2639-qd-ttg.txt',
  'corpus-extra/bac-ninh-144-2025.txt',
];

let pipeline: TestPipeline;
let corpus: string;
beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'hdkh-legal-'));
  for (const file of FILES) await cp(join(shared, file), join(corpus, file.split('/')[1]));
  pipeline = await openTestPipeline({ CORPUS_DIR: corpus });
}, 60_000);
afterAll(async () => {
  await pipeline.cleanup();
  await rm(corpus, { recursive: true, force: true });
});

const ask = (question: string): Promise<AskResult> => pipeline.answerer.ask({ question });

describe('documents of every kind, read without a manifest', () => {
  it('reads their types and numbers', () => {
    const byId = new Map(pipeline.knowledge.catalogue().map((meta) => [meta.id, meta]));
    expect(byId.get('nghi-dinh-171-2025-nd-cp')).toMatchObject({ type: 'Nghị định', number: '171/2025/NĐ-CP', issuer: 'Chính phủ', level: 'quốc gia' });
    expect(byId.get('quyet-dinh-78-2025-qd-ubnd')).toMatchObject({ type: 'Quyết định', number: '78/2025/QĐ-UBND', locality: 'Tỉnh Bắc Ninh' });
    expect(byId.get('bac-ninh-144-2025')).toMatchObject({ type: 'Kế hoạch', number: '144/KH-UBND', issuedDate: '2025-11-24' });
  });

  it('answers from a decree citing the article, and names the decree as a decree', async () => {
    const result = await ask('Theo Nghị định 171/2025/NĐ-CP, chi phí đền bù đào tạo được tính như thế nào?');
    expect(result.answered).toBe(true);
    const citation = result.citations.find((c) => c.docId === 'nghi-dinh-171-2025-nd-cp')!;
    expect(citation.section).toMatch(/Điều \d+\./u);
    expect(citation.label).toMatch(/^Điều \d+/u);
    expect(citation.docName).toBe('Nghị định 171/2025/NĐ-CP ngày 30/6/2025 của Chính phủ');
    expect(result.answer).not.toMatch(/kế hoạch của/iu);
  });

  it("answers a case a decree's rule names only by its clause number (\"các trường hợp quy định tại khoản 1, khoản 2 Điều 6\")", async () => {
    const result = await ask('Nghị định 171/2025/NĐ-CP: công chức học sau đại học bằng tiền ngân sách mà bị kỷ luật buộc thôi việc thì phải đền bù mấy phần trăm chi phí?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toMatch(/100%/u);
    expect(result.citations[0].label).toBe('Điều 7 › khoản 2');
  });

  it('gives the date a provision takes effect "kể từ ngày Nghị định này có hiệu lực" as the decree\'s own date of effect, quoting both', async () => {
    const result = await ask('Theo Nghị định 171/2025/NĐ-CP, kể từ ngày nào công chức đang được cử đi đào tạo theo quy định cũ vẫn tiếp tục được hưởng chế độ, chính sách đến khi học xong?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toMatch(/^Trả lời: .*01 tháng 7 năm 2025/u);
    expect(result.citations.map((citation) => citation.quote).join('\n')).toMatch(/Kể từ ngày Nghị định này có hiệu lực[\s\S]*có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025/u);
  });

  it("answers who must pay a fee from the circular's article on it, not from where it restates its subject", async () => {
    const result = await ask('Ai có nghĩa vụ nộp phí thẩm định khi xin cấp giấy phép kinh doanh dịch vụ karaoke, vũ trường?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.citations[0].label).toBe('Điều 2');
    expect(result.citations[0].quote).toMatch(/^Doanh nghiệp, hộ kinh doanh/u);
  });

  it('declines a sum asked of a thing no document has a word for, rather than quote the sums set for other things', async () => {
    const result = await ask('Theo Nghị định 171/2025/NĐ-CP, công chức đi học được hỗ trợ tiền thuê luật sư bao nhiêu?');
    expect(result.answered, result.answer).toBe(false);
    const karaoke = await ask('Theo Thông tư 110/2025/TT-BTC, mức phí thẩm định cấp phép kinh doanh dịch vụ vũ trường là bao nhiêu?');
    expect(karaoke.answered, karaoke.answer).toBe(true);
    expect(karaoke.answer).toContain('10.000.000 đồng');
  });

  it('answers a question typed without diacritics that everyday wording rewrites with them', async () => {
    const result = await ask('quan karaoke nha toi co 3 phong, xin giay phep lan dau thi phi tham dinh tinh the nao');
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('1.000.000 đồng/phòng');
  });

  it('quotes an appendix row whole, under the appendix, with its header row', async () => {
    const result = await ask('Chỉ tiêu kinh tế số chiếm 45% GRDP tỉnh Bắc Ninh do cơ quan nào chủ trì?');
    const row = result.citations.find((c) => c.section.startsWith('Phụ lục'));
    expect(row, result.answer).toBeDefined();
    expect(row!.quote).toMatch(/Kinh tế số chiếm 45% GRDP tỉnh\.\s*\|\s*Sở Tài chính/u);
    expect(result.answer).toContain('(cột: TT | Chỉ tiêu | Chủ trì)');
  });

  it('reads a regulation attached after the decision as its own unit', async () => {
    const outline = (await pipeline.knowledge.outline('quyet-dinh-78-2025-qd-ubnd'));
    const regulation = outline.find((entry) => entry.kind === 'attachment');
    expect(regulation?.title).toMatch(/^QUY CHẾ/u);
    expect(outline.some((entry) => entry.kind === 'article' && entry.depth > regulation!.depth && entry.start > regulation!.start)).toBe(true);
  });
});

describe('scope', () => {
  it('answers a question naming a place from a national decree when the place has nothing on it, citing the article', async () => {
    const result = await ask('Ở tỉnh Bắc Ninh, công chức được cử đi đào tạo sau đại học phải đền bù chi phí đào tạo trong những trường hợp nào?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.citations.some((c) => c.docId === 'nghi-dinh-171-2025-nd-cp')).toBe(true);
    // The article is named with the decree: "Theo Điều 6 Nghị định …", or per quote when several articles answer.
    expect(result.answer).toMatch(/Theo (?:.*Điều \d+ Nghị định 171\/2025\/NĐ-CP|Nghị định 171\/2025\/NĐ-CP: (?:khoản \d+ |điểm \p{L} khoản \d+ )?Điều \d+)/u);
  });

  it('answers when a document takes effect from the sentence that says so', async () => {
    const result = await ask('Thông tư 110/2025/TT-BTC bắt đầu có hiệu lực từ ngày nào?');
    expect(result.answer).toMatch(/có hiệu lực[^”]*05 tháng 01 năm 2026/u);
    expect(result.answer.split('\n')[0]).toMatch(/^Trả lời: /u);
  });

  it('gives the signing date of a document in force from the day it is signed', async () => {
    const result = await ask('Quyết định 2629/QĐ-TTg bắt đầu có hiệu lực vào ngày nào?');
    expect(result.answer).toMatch(/hiệu lực[^”]*kể từ ngày ký/u);
    expect(result.answer.split('\n')[0]).toMatch(/^Trả lời: .*01 tháng 12 năm 2025/u);
  });

  it('gives no "Có" verdict when the quote says the rule does not apply', async () => {
    const result = await ask('Quy chế tiếp nhận phản ánh kiến nghị của tỉnh Bắc Ninh có áp dụng với việc tố cáo không?');
    expect(result.answered).toBe(true);
    expect(result.answer).toMatch(/không áp dụng/u);
    expect(result.answer).not.toMatch(/^Trả lời: Có/u);
  });

  it('says the collection does not hold a document asked about by number, rather than answering from a neighbour', async () => {
    const absent = await ask('Mức phí thẩm định theo Thông tư 111/2025/TT-BTC là bao nhiêu?');
    expect(absent.answered).toBe(false);
    expect(absent.answer).toMatch(/^Kho tài liệu không có Thông tư 111\/2025\/TT-BTC/u);
    // A document the collection holds may still say something about one it does not.
    const replaced = await ask('Thông tư 01/2021/TT-BTC được thay thế bởi văn bản nào?');
    expect(replaced.answered, replaced.answer).toBe(true);
    expect(replaced.citations[0].quote).toMatch(/thay thế Thông tư số 01\/2021\/TT-BTC/u);
  });
});

describe('a body asked in English', () => {
  it('is found in the article that names it, though the name is no department ("Cơ quan quản lý nhà nước có thẩm quyền")', async () => {
    const result = await ask('Which authority collects the fee under Circular 110/2025/TT-BTC?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.citations[0].quote).toMatch(/^Cơ quan quản lý nhà nước có thẩm quyền/u);
  });
});

describe('list questions', () => {
  it('takes no passage sharing only the kind of thing asked for ("những giấy tờ gì"), and finds the list about what is asked', async () => {
    const other = await ask('Làm lại hộ chiếu bị mất thì cần những giấy tờ gì?');
    expect(other.answered, other.answer).toBe(false);
    const asked = await ask('Theo Nghị định 171/2025/NĐ-CP, hồ sơ thẩm định chương trình bồi dưỡng gồm những tài liệu gì?');
    expect(asked.answered, asked.answer).toBe(true);
    expect(asked.answer).toContain('Biên bản họp thẩm định');
  });
});

describe("an appendix table's row", () => {
  it('states its amount in the unit the table\'s caption gives ("Đơn vị: Triệu đồng")', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo Quyết định 2639/QĐ-TTg, Quảng Ngãi được bổ sung bao nhiêu kinh phí?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('113.100');
  });
});

describe('several places given to', () => {
  it("quotes each place's row, however little its name weighs beside the other's", async () => {
    for (const [question, figures] of [
      ['Quyết định 2639/QĐ-TTg bổ sung cho tỉnh Thái Nguyên và tỉnh Hưng Yên mỗi tỉnh bao nhiêu?', ['100.100', '55.800']],
      ['Theo QĐ 2639, Quảng Trị và Đắk Lắk mỗi tỉnh được bổ sung bao nhiêu?', ['91.000', '114.400']],
    ] as const) {
      const result = await pipeline.answerer.ask({ question });
      for (const figure of figures) expect(result.answer, question).toContain(figure);
    }
  });
});

describe('a phrase the question quotes', () => {
  it('answers a figure asked of it only from a sentence stating one, not from any sentence holding the phrase', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo QĐ 2629/QĐ-TTg, việc “cá thể hóa trải nghiệm người dùng” phải đạt tỉ lệ bao nhiêu phần trăm?' });
    expect(result.answer).not.toContain('Triển khai AI trong cung cấp dịch vụ công trực tuyến toàn trình');
    if (result.answered) expect(result.answer).toMatch(/\d+\s?%/);
  });
});

describe('the date of a law a decree rests on', () => {
  it('is read from the legal basis naming it; a law it does not rest on is not answered with its own date', async () => {
    const cited = await pipeline.answerer.ask({ question: 'Nghị định 171/2025/NĐ-CP căn cứ Luật Giáo dục ban hành ngày nào?' });
    expect(cited.answer.split('\n')[0]).toBe('Trả lời: Ngày 14 tháng 6 năm 2019 [1].');
    const other = await pipeline.answerer.ask({ question: 'Nghị định 171/2025/NĐ-CP căn cứ Luật Đất đai ban hành ngày nào?' });
    expect(other.answered, other.answer).toBe(false);
  });
});

describe("a body's duties set out under a sub-heading of its article", () => {
  it('are answered from "Điều 12. Trách nhiệm của Sở …", whose clauses carry their own headings', async () => {
    const result = await ask('Quyết định 78/2025/QĐ-UBND giao Sở Khoa học và Công nghệ những trách nhiệm gì đối với việc quản lý ứng dụng?');
    expect(result.answered, result.answer).toBe(true);
    expect(result.citations[0].section).toMatch(/Điều\s+12\. Trách nhiệm của Sở Khoa học và Công nghệ/u);
  });
});

describe('a case told by the body asking', () => {
  it('reads the body acting in the sentence asking: a heading naming a class of bodies answers for the one told', async () => {
    const result = await pipeline.answerer.ask({ question: 'Chúng tôi là Ủy ban nhân dân một xã. Theo quy chế tiếp nhận phản ánh kiến nghị qua ứng dụng, đơn vị xử lý phải ra quy định xử lý của mình trong thời hạn bao lâu?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('60 ngày');
  });

  it('reads "định kỳ bao lâu" as how often, not how long', async () => {
    const result = await pipeline.answerer.ask({ question: 'Theo quy chế phản ánh kiến nghị qua ứng dụng, cấp xã phải rà lại những phản ánh bị đánh giá một sao định kỳ bao lâu?' });
    expect(result.answered, result.answer).toBe(true);
    expect(result.answer).toContain('hàng tháng');
  });
});
