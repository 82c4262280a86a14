import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../ingest/chunk-document.js';
import type { Chunk, DocumentType, SourceDocument } from '../types.js';
import { citationLabel } from './citation-label.js';
import { outlineOf } from './outline.js';
import { parseStructure } from './parse-structure.js';

// One small synthetic document per profile, in the layouts real documents use (bold markers split by hard wraps,
// flattened tables with "|" lines, appendices after the signature and the recipients).

const DECREE = `**CHÍNH PHỦ**
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
|
Số: 12/2025/NĐ-CP
|
*Hà Nội, ngày 5 tháng 3 năm 2025*

**NGHỊ ĐỊNH**Quy định về hỗ trợ người cao tuổi

*Căn cứ Luật Người cao tuổi ngày 23 tháng 11 năm 2009;*

*Chính phủ ban hành Nghị định quy định về hỗ trợ người cao tuổi.*

**Chương I****QUY ĐỊNH CHUNG**

#### Điều 1. Phạm vi điều chỉnh

Nghị định này quy định mức hỗ trợ hằng tháng cho người cao tuổi không có lương hưu.

**Điều 2. Đối tượng
áp dụng**

1. Người từ đủ 75 tuổi trở lên.

2. Người từ đủ 60 tuổi đến dưới 75 tuổi thuộc một trong các trường hợp sau:

a) Thuộc hộ nghèo;

b) Sống ở xã đặc biệt khó khăn.

### Chương IIMỨC HỖ TRỢ

**Mục 1**

**MỨC CHUẨN**

**Điều 3. Mức chuẩn trợ giúp**

Mức chuẩn trợ giúp xã hội là 500.000 đồng/tháng.

**Điều 4. Hiệu lực thi hành**

Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2025 và thay thế Nghị định số 20/2021/NĐ-CP.

|
*Nơi nhận:*
- Các bộ, cơ quan ngang bộ;
- Lưu: VT.
|
**TM. CHÍNH PHỦ**
**KT. THỦ TƯỚNG**
**PHÓ THỦ TƯỚNG**
**Lê Văn Bình**
|
**PHỤ LỤC I**
MỨC HỖ TRỢ THEO ĐỘ TUỔI
*(Kèm theo Nghị định số 12/2025/NĐ-CP ngày 5 tháng 3 năm 2025 của Chính phủ)*
|
**TT**
|
**Độ tuổi**
|
**Mức hỗ trợ**
|
|
1
|
Từ 75 đến dưới 80 tuổi
|
500.000 đồng
|
|
2
|
Từ 80 tuổi trở lên
|
750.000 đồng
|
`;

const DECISION = `ỦY BAN NHÂN DÂN
TỈNH AN GIANG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 7/2025/QĐ-UBND
An Giang, ngày 2 tháng 4 năm 2025

QUYẾT ĐỊNH
BAN HÀNH QUY CHẾ TIẾP CÔNG DÂN

Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp công dân.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn An

QUY CHẾ
TIẾP CÔNG DÂN
(Ban hành kèm theo Quyết định số 7/2025/QĐ-UBND)

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi
Quy chế này quy định việc tiếp công dân tại trụ sở Ủy ban nhân dân tỉnh.

Điều 2. Thời gian tiếp
Lãnh đạo tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng.
`;

const doc = (text: string, type: DocumentType): SourceDocument => ({ meta: { id: 'x', type, title: 'x', sourceFile: 'x.txt' }, text, hash: '' });
const chunkAt = (chunks: Chunk[], phrase: string): Chunk => chunks.find((chunk) => chunk.text.includes(phrase))!;

describe.each([
  ['decree', DECREE, 'Nghị định'],
  ['decision with an attached regulation', DECISION, 'Quyết định'],
] as const)('structure of a %s', (_name, text, type) => {
  const chunks = chunkDocument(doc(text, type));

  it('cuts chunks that are verbatim slices of the original, in order', () => {
    for (const chunk of chunks) expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
    for (let i = 1; i < chunks.length; i += 1) expect(chunks[i].start).toBeGreaterThanOrEqual(chunks[i - 1].end);
  });

  it('never puts two articles or two top-level units in one chunk', () => {
    for (const chunk of chunks) expect(chunk.text.match(/^[*#\s]*Điều \d+\./gmu)?.length ?? 0, chunk.text).toBeLessThanOrEqual(1);
    for (const chunk of chunks) expect(chunk.text.includes('Nơi nhận') && /PHỤ LỤC|QUY CHẾ/u.test(chunk.text), chunk.text).toBe(false);
  });
});

describe('a decree: Chương › Mục › Điều › khoản › điểm, and an appendix table after the signature', () => {
  const source = doc(DECREE, 'Nghị định');
  const chunks = chunkDocument(source);
  const outline = outlineOf(source);

  it('gives articles their own path under their chapter and section', () => {
    expect(chunkAt(chunks, 'Mức chuẩn trợ giúp xã hội là').section).toEqual(['Chương II: MỨC HỖ TRỢ', 'Mục 1: MỨC CHUẨN', 'Điều 3. Mức chuẩn trợ giúp']);
    expect(chunkAt(chunks, 'mức hỗ trợ hằng tháng').section).toEqual(['Chương I: QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi điều chỉnh']);
    expect(outline.find((entry) => entry.kind === 'article' && entry.number === '2')?.title).toBe('Điều 2. Đối tượng áp dụng');
  });

  it('cites a point inside an article as people do', () => {
    const offset = DECREE.indexOf('Sống ở xã');
    expect(citationLabel(DECREE, outline, offset, source.meta)).toBe('Điều 2 › khoản 2 › điểm b');
    expect(citationLabel(DECREE, outline, DECREE.indexOf('500.000 đồng/tháng'), source.meta)).toBe('Điều 3');
    // A quote that starts with its clause's number is of that clause, not of the one before.
    expect(citationLabel(DECREE, outline, DECREE.indexOf('2. Người từ đủ 60'), source.meta)).toBe('Điều 2 › khoản 2');
    expect(citationLabel(DECREE, outline, DECREE.indexOf('b) Sống ở xã'), source.meta)).toBe('Điều 2 › khoản 2 › điểm b');
  });

  it('reads the appendix after the signature as body chunks with its own path, rows carrying the header row', () => {
    const row = chunkAt(chunks, 'Từ 80 tuổi trở lên');
    expect(row.kind).toBe('body');
    expect(row.section).toEqual(['Phụ lục I: MỨC HỖ TRỢ THEO ĐỘ TUỔI']);
    expect(row.context).toBe('TT | Độ tuổi | Mức hỗ trợ');
    expect(citationLabel(DECREE, outline, DECREE.indexOf('Từ 80 tuổi'), source.meta)).toBe('Phụ lục I');
    expect(chunkAt(chunks, 'Lê Văn Bình').kind).toBe('signature');
    expect(chunkAt(chunks, 'Lưu: VT').kind).toBe('recipients');
    expect(chunkAt(chunks, 'Lưu: VT').text).not.toContain('PHỤ LỤC');
  });

  it('keeps the header, the legal bases and the issuing sentence apart from the body', () => {
    const blocks = parseStructure(DECREE);
    expect(blocks.find((block) => block.text.startsWith('Căn cứ'))?.role).toBe('preamble');
    expect(blocks.find((block) => block.text.startsWith('Số:'))?.role).toBe('header');
    expect(blocks.find((block) => block.text.startsWith('Chương I'))?.role).toBe('heading');
  });
});

describe('a decision issuing a regulation', () => {
  const source = doc(DECISION, 'Quyết định');
  const chunks = chunkDocument(source);

  it('reads the instrument after the signature as a unit of its own, with its chapters and articles', () => {
    const article = chunkAt(chunks, 'ngày 15 hằng tháng');
    expect(article.kind).toBe('body');
    expect(article.section).toEqual(['QUY CHẾ TIẾP CÔNG DÂN', 'Chương I: QUY ĐỊNH CHUNG', 'Điều 2. Thời gian tiếp']);
    expect(citationLabel(DECISION, outlineOf(source), DECISION.indexOf('ngày 15 hằng tháng'), source.meta)).toBe('Quy chế › Điều 2');
  });

  it("keeps the decision's own articles under their numbers, the inline text after the number included", () => {
    expect(chunkAt(chunks, 'có hiệu lực kể từ ngày ký').section).toEqual(['Điều 2']);
  });
});

describe("a legal portal's page after the document", () => {
  const portal = `${DECREE}\n## Văn bản liên quan\nBan hành:\n17/11/2025\n**Địa chỉ:**\n|\n17 Đường Số 1, TP.HCM\n|\n**Điện thoại:**\n|\n(028) 0000 0000\n`;

  it('is no part of the document: nothing after it is a block, so nothing of it is indexed or quoted', () => {
    const blocks = parseStructure(portal);
    const trailer = portal.indexOf('## Văn bản liên quan');
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((block) => block.end <= trailer)).toBe(true);
    expect(chunkDocument(doc(portal, 'Nghị định')).some((chunk) => chunk.text.includes('Điện thoại'))).toBe(false);
  });

  it('starts at its summary of the document, above its note on the English text, not at its list of related documents', () => {
    const summary = 'Nghị định 12/2025/NĐ-CP quy định xử lý kỷ luật do Chính phủ ban hành';
    const page = `${DECREE}\n${summary}\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n${summary}\n## Văn bản liên quan\nBan hành:\n17/11/2025\n`;
    const chunks = chunkDocument(doc(page, 'Nghị định'));
    expect(chunks.some((chunk) => chunk.text.includes('Tiếng Anh') || chunk.text.includes('do Chính phủ ban hành'))).toBe(false);
  });
});

describe('an appendix whose upper-case title wraps over long lines', () => {
  it('is read as an appendix after the signature, its table rows under it with their header row', () => {
    const title = 'QUY ĐỊNH MỘT SỐ CHẾ ĐỘ, CHÍNH SÁCH ĐỐI VỚI CÁC ĐỐI TƯỢNG THUỘC\nDIỆN BAN THƯỜNG VỤ QUẢN LÝ, CÁN BỘ LÃO THÀNH CÁCH MẠNG, CÁN BỘ\nTIỀN KHỞI NGHĨA ĐANG CƯ TRÚ VÀ MỘT SỐ ĐỐI TƯỢNG HƯỞNG CHÍNH SÁCH TRÊN ĐỊA BÀN\nTHÀNH PHỐ';
    const text = `NGHỊ QUYẾT\n\n**Điều 1. Phạm vi điều chỉnh**\nNghị quyết này quy định mức chi.\n\n**CHỦ TỊCH**\nNguyễn Văn A\n\n**PHỤ LỤC 01**\n${title}\n|\n**TT**\n|\n**Đối tượng**\n|\n**Mức chi**\n|\n|\n1\n|\nNhóm 1: Bí thư\n|\n07 ngày\n|\n|\n2\n|\nNhóm 2: Phó Bí thư\n|\n05 ngày\n|`;
    const chunks = chunkDocument(doc(text, 'Nghị quyết'));
    const row = chunkAt(chunks, 'Nhóm 2: Phó Bí thư');
    expect(row.kind).toBe('body');
    expect(row.section[0]).toMatch(/^Phụ lục 01: QUY ĐỊNH MỘT SỐ CHẾ ĐỘ/u);
    expect(row.context).toBe('TT | Đối tượng | Mức chi');
  });
});

describe('a Word table (Markdown rows) right under an appendix heading', () => {
  const text = `${DECISION.split('\nQUY CHẾ\n')[0]}\n\nPHỤ LỤC\n| TT | Nội dung | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Ban hành quy chế | Sở Tài chính |\n| 2 | Diễn tập | Công an tỉnh |\n`;

  it('takes its header row for the header of the rows, not for the title of the appendix', () => {
    const row = chunkAt(chunkDocument(doc(text, 'Quyết định')), 'Ban hành quy chế');
    expect(row.section).toEqual(['Phụ lục']);
    expect(row.context).toBe('TT | Nội dung | Cơ quan chủ trì');
  });
});
