import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../lang/normalize.js';
import type { DocumentMeta } from '../types.js';
import { extractMetadata, slugOfFileName } from './extract-metadata.js';

const corpus = new URL('../../corpus/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', corpus), 'utf8')) as { documents: DocumentMeta[] };
const expected = (id: string): DocumentMeta => manifest.documents.find((doc) => doc.id === id)!;
const extract = (id: string): DocumentMeta => {
  const { sourceFile } = expected(id);
  return extractMetadata(readFileSync(new URL(sourceFile, corpus), 'utf8'), sourceFile);
};

describe('extractMetadata on the five plans', () => {
  it.each(manifest.documents.map((doc) => doc.id))('%s: title matches the manifest (letter case aside)', (id) => {
    const meta = extract(id);
    expect(meta.id).toBe(id);
    expect(meta.sourceFile).toBe(expected(id).sourceFile);
    expect(matchKey(meta.title)).toBe(matchKey(expected(id).title));
    expect(meta.title).toMatch(/^Kế hoạch /u);
  });

  it.each([
    // Fields each text states; lang-son and huu-lung leave the number and the day blank, ha-noi states no number, date or signer.
    ['lang-son-thanh-pho-2024', ['issuer', 'locality', 'level', 'province', 'issuedDate', 'signer', 'period']],
    ['ben-tre-8557-2021', ['number', 'issuer', 'locality', 'level', 'province', 'issuedDate', 'signer', 'period']],
    ['ha-noi-2021-2030', ['issuer', 'locality', 'level', 'province', 'period']],
    ['khanh-hoa-2618-2022', ['number', 'issuer', 'locality', 'level', 'province', 'issuedDate', 'signer', 'period']],
    ['huu-lung-2022', ['issuer', 'locality', 'level', 'province', 'issuedDate', 'signer', 'period']],
  ] as const)('%s: stated fields equal the manifest', (id, fields) => {
    const meta = extract(id);
    // The manifest abbreviates "Ủy ban nhân dân"; the reader writes it out.
    for (const field of fields) expect(meta[field], field).toBe(expected(id)[field]?.replace(/^UBND /u, 'Ủy ban nhân dân '));
  });

  it('leaves fields the text does not state undefined', () => {
    expect(extract('lang-son-thanh-pho-2024').number).toBeUndefined();
    expect(extract('huu-lung-2022').number).toBeUndefined();
    const haNoi = extract('ha-noi-2021-2030');
    expect(haNoi.number).toBeUndefined();
    expect(haNoi.issuedDate).toBeUndefined();
    expect(haNoi.signer).toBeUndefined();
  });
});

describe('extractMetadata on other texts', () => {
  it('reads a short header with "UBND huyện" and a TM. signature', () => {
    const text = ['UBND HUYỆN CAM LÂM', 'Số: 45/KH-UBND', 'Cam Lâm, ngày 3 tháng 2 năm 2023', 'KẾ HOẠCH', 'Phòng chống dịch bệnh năm 2023', 'Căn cứ Luật …', 'I. MỤC TIÊU', 'Nội dung.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Văn An'].join('\n');
    expect(extractMetadata(text, 'Cam Lâm 45.docx')).toEqual({
      id: 'cam-lam-45',
      title: 'Kế hoạch phòng chống dịch bệnh năm 2023',
      number: '45/KH-UBND',
      issuer: 'Ủy ban nhân dân huyện Cam Lâm',
      type: 'Kế hoạch',
      effectiveDate: undefined,
      relations: [],
      locality: 'Huyện Cam Lâm',
      level: 'huyện',
      province: undefined,
      issuedDate: '2023-02-03',
      signer: 'Lê Văn An',
      period: '2023',
      sourceFile: 'Cam Lâm 45.docx',
    });
  });

  it('falls back to the first heading-like line and states nothing it cannot see', () => {
    const meta = extractMetadata('Báo cáo tình hình chăm sóc người cao tuổi\n\nNội dung báo cáo.', 'bao-cao.txt');
    expect(meta).toMatchObject({ id: 'bao-cao', title: 'Báo cáo tình hình chăm sóc người cao tuổi' });
    for (const field of ['number', 'issuer', 'locality', 'level', 'issuedDate', 'signer', 'period'] as const) expect(meta[field]).toBeUndefined();
  });

  it('reads a number on the line after "Số:", as a header converted from a table leaves it', () => {
    const text = ['|', '**ỦY BAN NHÂN', 'DÂN **', 'TỈNH LAI CHÂU', '|', '**CỘNG HÒA XÃ', 'HỘI CHỦ NGHĨA VIỆT NAM**', '|', 'Số:', '87/2025/QĐ-UBND', '|', '*Lai Châu, ngày 19 tháng 11 năm 2025*', '|', '', '**QUYẾT ĐỊNH**', '', 'Quy định thực hiện nếp sống văn minh', '', 'Điều 1. Phạm vi', 'Nội dung.'].join('\n');
    expect(extractMetadata(text, 'qd.txt')).toMatchObject({ type: 'Quyết định', number: '87/2025/QĐ-UBND', issuedDate: '2025-11-19' });
  });

  it("names a letter by its subject line, and takes the type a portal states over a number's code", () => {
    const header = ['**Số hiệu:**', '|', '5348/CT-CS', '|', '**Loại văn bản:**', '|', 'Công văn', '|', '**Tình trạng:**', '|', 'Đã biết', '|', '|', 'BỘ TÀI CHÍNH', '**CỤC THUẾ**', '-------', '|', '**CỘNG HÒA XÃ HỘI', 'CHỦ NGHĨA VIỆT NAM**', '|', 'Số: 5348/CT-CS', '*V/v hướng dẫn góp vốn điều lệ*', '|', '*Hà Nội, ngày 20', 'tháng 11 năm 2025*', '|'];
    const letter = extractMetadata([...header, '**Kính gửi:** Thuế tỉnh Quảng Trị.', 'Cục Thuế có ý kiến như sau.'].join('\n'), 'cv.txt');
    expect(letter).toMatchObject({ type: 'Công văn', number: '5348/CT-CS', title: 'Công văn về việc hướng dẫn góp vốn điều lệ', issuedDate: '2025-11-20' });
    // Without a subject line, its type and number name it, not the issuing body's name or the recipient.
    const unnamed = extractMetadata([...header.filter((line) => !line.startsWith('*V/v')), '**Kính gửi:** Thuế tỉnh Quảng Trị.', 'Căn cứ Điều 34 Luật Doanh nghiệp số 59/2020/QH14 quy định về tài sản góp vốn;', '1. Về góp vốn bằng quyền sử dụng đất: thực hiện theo quy định.'].join('\n'), 'cv.txt');
    expect(unnamed.title).toBe('Công văn 5348/CT-CS');
  });

  it('dates a resolution without a dateline by the day it was adopted', () => {
    const text = ['ỦY BAN THƯỜNG VỤ QUỐC HỘI', 'Số: 1675/NQ-UBTVQH15', '', 'NGHỊ QUYẾT', 'Về việc sắp xếp các đơn vị hành chính cấp xã', '', 'Điều 1. Sắp xếp', 'Nội dung.', '', '*Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV, phiên họp thứ 42 thông qua ngày 06 tháng 02 năm 2025.*'].join('\n');
    expect(extractMetadata(text, 'nq.txt').issuedDate).toBe('2025-02-06');
  });

  it('reads an official dispatch (công điện) as its own type', () => {
    const text = ['THỦ TƯỚNG CHÍNH PHỦ', 'Số: 224/CĐ-TTg', 'Hà Nội, ngày 20 tháng 11 năm 2025', '', 'CÔNG ĐIỆN', 'Về việc tập trung ứng phó lũ đặc biệt lớn', '', '1. Bộ Nông nghiệp và Môi trường theo dõi chặt chẽ diễn biến mưa lũ.'].join('\n');
    expect(extractMetadata(text, 'cd.txt')).toMatchObject({ type: 'Công điện', number: '224/CĐ-TTg' });
  });

  it('slugs file names to ASCII kebab-case', () => {
    expect(slugOfFileName('Kế hoạch 8557 (Bến Tre).docx')).toBe('ke-hoach-8557-ben-tre');
    expect(slugOfFileName('ĐẮK LẮK_2022.pdf')).toBe('dak-lak-2022');
    expect(slugOfFileName('***.txt')).toBe('tai-lieu');
  });
});
