import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Chunk, SourceDocument } from '../types.js';
import { chunkDocument, MAX_CHUNK_CHARS, MIN_CHUNK_CHARS } from './chunk-document.js';
import { parseStructure } from '../structure/parse-structure.js';

const corpus = new URL('../../corpus/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8')) as { documents: SourceDocument['meta'][] };
const docs = new Map<string, SourceDocument>(
  manifest.documents.map((meta) => [meta.id, { meta, text: readFileSync(new URL(meta.sourceFile, corpus), 'utf8'), hash: '' }]),
);
const chunksOf = new Map<string, Chunk[]>([...docs].map(([id, doc]) => [id, chunkDocument(doc)]));
const doc = (id: string): SourceDocument => docs.get(id)!;
const chunks = (id: string): Chunk[] => chunksOf.get(id)!;

/** The chunk whose text contains `needle` (exactly one must). */
function chunkWith(id: string, needle: string): Chunk {
  const found = chunks(id).filter((chunk) => chunk.text.includes(needle));
  expect(found, `chunks of ${id} containing "${needle}"`).toHaveLength(1);
  return found[0];
}

describe.each([...docs.keys()])('chunkDocument(%s)', (id) => {
  it('gives chunks whose text is exactly the original slice, in order, without overlap', () => {
    const list = chunks(id);
    expect(list.length).toBeGreaterThan(3);
    list.forEach((chunk, ordinal) => {
      expect(chunk.id).toBe(`${id}#${ordinal}`);
      expect(chunk.docId).toBe(id);
      expect(chunk.text).toBe(doc(id).text.slice(chunk.start, chunk.end));
      expect(chunk.text).toBe(chunk.text.trim());
      if (ordinal > 0) expect(chunk.start).toBeGreaterThanOrEqual(list[ordinal - 1].end);
    });
  });

  it('covers all text except whitespace and separator lines', () => {
    const { text } = doc(id);
    let uncovered = '';
    let at = 0;
    for (const chunk of chunks(id)) {
      uncovered += text.slice(at, chunk.start);
      at = chunk.end;
    }
    uncovered += text.slice(at);
    expect(uncovered.replace(/[\s|*_=-]/gu, '')).toBe('');
  });

  it('never puts content of two top-level sections (Phần / Roman) in one chunk', () => {
    const blocks = parseStructure(doc(id).text);
    // The top-level section of a content block: its Phần and Roman ancestors.
    const topOf = (block: (typeof blocks)[number]): string => block.section.filter((title) => /^(Phần thứ|[IVXL]+\.)/u.test(title)).join(' › ');
    for (const chunk of chunks(id)) {
      const inside = blocks.filter((block) => block.start >= chunk.start && block.end <= chunk.end && block.role !== 'heading');
      expect(new Set(inside.map(topOf)).size, chunk.text.slice(0, 80)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps chunks within the size budget, except small closing parts and sections that cannot merge', () => {
    const sizes = chunks(id).map((chunk) => chunk.end - chunk.start);
    for (const chunk of chunks(id)) expect(chunk.end - chunk.start, chunk.text.slice(0, 80)).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
    const small = chunks(id).filter((chunk) => ['body', 'preamble'].includes(chunk.kind) && chunk.end - chunk.start < MIN_CHUNK_CHARS);
    // Documented exception: a short last section or closing paragraph whose neighbour is already near the maximum.
    expect(small.length).toBeLessThanOrEqual(2);
    expect(Math.min(...sizes)).toBeGreaterThan(20);
  });

  it('has a header chunk and a preamble chunk with the legal basis', () => {
    expect(chunks(id)[0].kind).toBe('header');
    const preamble = chunks(id).filter((chunk) => chunk.kind === 'preamble');
    expect(preamble.length).toBeGreaterThan(0);
    // huu-lung's only legal basis is Kế hoạch 02/KH-UBND of the province; it cites 1942/QĐ-TTg later, in its goals.
    const basis = id === 'huu-lung-2022' ? '02/KH-UBND' : '1942/QĐ-TTg';
    expect(preamble.some((chunk) => chunk.text.includes(basis))).toBe(true);
    expect(preamble.every((chunk) => chunk.section.length === 0)).toBe(true);
  });
});

describe('chunkDocument section paths', () => {
  it.each([
    ['lang-son-thanh-pho-2024', 'Chủ trì tham mưu xây dựng và phối hợp', ['VI. TỔ CHỨC THỰC HIỆN', '1. Phòng Lao động - Thương binh và Xã hội']],
    ['lang-son-thanh-pho-2024', 'Tổ chức thăm hỏi tặng quà nhân dịp kỷ niệm 77 năm', ['IV. NỘI DUNG HOẠT ĐỘNG', '2. Thực hiện công tác chăm sóc Người có công, trợ giúp xã hội, chăm sóc người cao tuổi, chăm sóc trẻ…', '2.1. Công tác người có công']],
    ['lang-son-thanh-pho-2024', 'Định kỳ tham mưu tổng hợp', ['VI. TỔ CHỨC THỰC HIỆN', '1. Phòng Lao động - Thương binh và Xã hội']],
    // "1. Đối tượng", "2. Phạm vi: …" and "3. Thời gian thực hiện: …" are short: one chunk under their common heading.
    ['khanh-hoa-2618-2022', 'Đối tượng thụ hưởng: Người có công,', ['I. ĐỐI TƯỢNG, PHẠM VI THỰC HIỆN']],
    ['khanh-hoa-2618-2022', 'Trong phạm vi chức năng, nhiệm vụ được', ['VI. TỔ CHỨC THỰC HIỆN', '8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể cấp tỉnh']],
    ['khanh-hoa-2618-2022', 'Tổ chức xây dựng Kế hoạch chương', ['VI. TỔ CHỨC THỰC HIỆN', '10. Các cơ sở trợ giúp xã hội, cơ sở cai nghiện ma túy, Trung tâm Điều dưỡng và Chăm sóc người có…']],
    ['khanh-hoa-2618-2022', 'Chủ trì, phối hợp với các sở, ban,', ['VI. TỔ CHỨC THỰC HIỆN', '1. Sở Lao động - Thương binh và Xã hội']],
    ['khanh-hoa-2618-2022', 'Đội ngũ nhân sự tại các cơ sở chăm', ['II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2016-2020', '2. Khó khăn, tồn tại']],
    ['huu-lung-2022', 'Tổng số người cao tuổi (NCT)', ['Phần thứ nhất: ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ NÂNG CAO CHẤT LƯỢNG BẢO VỆ, CHĂM SÓC SỨC…', 'I. KẾT QUẢ TRIỂN KHAI, THỰC HIỆN', '2. Lĩnh vực người cao tuổi']],
    ['huu-lung-2022', 'Trung tâm Y tế huyện đảm bảo đủ điều kiện', ['Phần thứ hai: KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH NÂNG CAO CHẤT LƯỢNG BẢO VỆ, CHĂM SÓC SỨC KHỎE NGƯỜI CÓ…', 'III. MỤC TIÊU', '2. Mục tiêu cụ thể', 'a) Giai đoạn 2021 - 2025']],
    ['huu-lung-2022', 'Chủ trì, phối hợp với các cơ quan liên quan triển khai', ['Phần thứ hai: KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH NÂNG CAO CHẤT LƯỢNG BẢO VỆ, CHĂM SÓC SỨC KHỎE NGƯỜI CÓ…', 'VI. TỔ CHỨC THỰC HIỆN', '1. Phòng Lao động, Thương binh, Xã hội – Dân tộc']],
    ['ha-noi-2021-2030', 'Ngân sách nhà nước bố trí trong dự toán', ['V. KINH PHÍ THỰC HIỆN']],
    ['ha-noi-2021-2030', 'Tối thiểu 70% các cơ sở nuôi', ['I. MỤC TIÊU', '2. Mục tiêu cụ thể', 'a) Giai đoạn 2021 - 2025']],
    ['ha-noi-2021-2030', 'Hỗ trợ công tác tập huấn cho cán bộ', ['VI. TỔ CHỨC THỰC HIỆN', '2. Sở Y tế']],
    ['ben-tre-8557-2021', 'Tối thiểu 30% Trung tâm điều dưỡng', ['II. MỤC TIÊU', '2. Mục tiêu cụ thể', 'b) Giai đoạn 2026 - 2030']],
    ['ben-tre-8557-2021', 'Tỉnh Bến Tre có trên 140 ngàn người', ['I. THỰC TRẠNG TÌNH HÌNH']],
  ])('%s: "%s" is under %j', (id, needle, section) => {
    expect(chunkWith(id, needle).section).toEqual(section);
  });

  it('puts the heading line(s) in the first chunk of a section, including headings wrapped over two lines', () => {
    expect(chunkWith('khanh-hoa-2618-2022', 'I. ĐỐI TƯỢNG, PHẠM\nVI THỰC HIỆN').text).toContain('Đối tượng thụ hưởng');
    expect(chunkWith('khanh-hoa-2618-2022', '10. Các cơ sở trợ\ngiúp xã hội').section[1]).toMatch(/^10\. Các cơ sở trợ giúp xã hội/u);
    expect(chunkWith('lang-son-thanh-pho-2024', 'VI. TỔ CHỨC THỰC HIỆN').text).toMatch(/^VI\. TỔ CHỨC THỰC HIỆN\s+1\. Phòng Lao động/u);
  });

  it('follows numbering that skips (I. → IV. in lang-son, III. → V. in ha-noi)', () => {
    expect(chunkWith('lang-son-thanh-pho-2024', 'Triển khai chương trình phục hồi chức năng dựa vào cộng đồng').section[0]).toBe('IV. NỘI DUNG HOẠT ĐỘNG');
    expect(chunkWith('ha-noi-2021-2030', 'Đầu tư xây dựng, cải tạo, nâng cấp, trang cấp').section[0]).toBe('III. NHIỆM VỤ, GIẢI PHÁP');
    expect(chunkWith('ha-noi-2021-2030', 'Đóng góp, hỗ trợ hợp pháp').section[0]).toBe('V. KINH PHÍ THỰC HIỆN');
  });

  it('does not take a numbered sentence for a heading', () => {
    // "1. Nhận thức … đề ra." in huu-lung is a list item under "II. KHÓ KHĂN, HẠN CHẾ", not a section.
    const chunk = chunkWith('huu-lung-2022', '1. Nhận thức về vai trò và trách nhiệm');
    expect(chunk.section.at(-1)).toBe('II. KHÓ KHĂN, HẠN CHẾ');
    // "2. Từ nguồn đóng góp…" closes "1. Kinh phí…" without opening a section of its own.
    expect(chunkWith('lang-son-thanh-pho-2024', '2. Từ nguồn đóng góp').section).toEqual(['V. KINH PHÍ THỰC HIỆN']);
  });
});

describe('chunkDocument kinds', () => {
  it.each([
    ['lang-son-thanh-pho-2024', 'Nguyễn Thị Hồng Vân'],
    ['khanh-hoa-2618-2022', 'Đinh Văn Thiệu'],
    ['huu-lung-2022', 'Trần Quốc Phong'],
  ])('%s has a signature chunk with %s', (id, signer) => {
    const signature = chunks(id).filter((chunk) => chunk.kind === 'signature');
    expect(signature).toHaveLength(1);
    expect(signature[0].text).toMatch(/KT\.\s*\n?\s*CHỦ TỊCH/u);
    expect(signature[0].text).toContain(signer);
    expect(chunks(id).at(-1)).toBe(signature[0]);
  });

  it('has no signature chunk where the plan has no signer line (ha-noi, ben-tre)', () => {
    expect(chunks('ha-noi-2021-2030').some((chunk) => chunk.kind === 'signature')).toBe(false);
    expect(chunks('ben-tre-8557-2021').some((chunk) => chunk.kind === 'signature')).toBe(false);
  });

  it("keeps ben-tre's signer, stated only in its metadata block, in a header chunk", () => {
    const chunk = chunkWith('ben-tre-8557-2021', 'Người ký Nguyễn Thị Bé Mười');
    expect(chunk.kind).toBe('header');
    expect(chunk.text).toContain('Số hiệu 8557/KH-UBND');
    expect(chunk.text).toContain('KẾ HOẠCH');
  });

  it.each(['lang-son-thanh-pho-2024', 'khanh-hoa-2618-2022', 'huu-lung-2022', 'ha-noi-2021-2030'])('%s has a recipients chunk', (id) => {
    const recipients = chunks(id).filter((chunk) => chunk.kind === 'recipients');
    expect(recipients).toHaveLength(1);
    expect(recipients[0].text).toMatch(/^Nơi nhận:/u);
    expect(recipients[0].text).toMatch(/Lưu:? VT/u);
  });

  it('keeps the closing paragraph out of the last section', () => {
    const closing = chunkWith('khanh-hoa-2618-2022', 'Trên đây là Kế hoạch');
    expect(closing.kind).toBe('body');
    expect(closing.section).toEqual([]);
  });

  it('puts header lines (issuer, number, date, title) in the header chunk', () => {
    const header = chunks('khanh-hoa-2618-2022')[0];
    expect(header.text).toMatch(/^ỦY BAN NHÂN DÂN/u);
    expect(header.text).toContain('Số: 2618/KH-UBND');
    expect(header.text).toContain('TRÊN ĐỊA BÀN TỈNH\nKHÁNH HÒA');
    expect(header.text).not.toContain('Thực hiện Quyết định');
  });

  it('handles an empty or structureless text', () => {
    const meta = { id: 'x', title: 'x', sourceFile: 'x.txt' };
    expect(chunkDocument({ meta, text: '', hash: '' })).toEqual([]);
    const plain = 'Một đoạn văn ngắn không có cấu trúc.';
    const [only] = chunkDocument({ meta, text: plain, hash: '' });
    expect(only.text).toBe(plain);
  });
});
