import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../lang/normalize.js';
import { cleanText } from './clean-text.js';

const read = (file: string): string => readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');

/** Checks toOriginal on every kept character: monotonic, and the same letter up to tone marks. */
function expectRoundTrip(original: string): void {
  const cleaned = cleanText(original);
  const problems: string[] = [];
  let previous = -1;
  for (let i = 0; i < cleaned.text.length; i += 1) {
    const at = cleaned.toOriginal(i);
    if (at < previous) problems.push(`offset ${i} maps before offset ${i - 1}`);
    previous = at;
    const char = cleaned.text[i];
    // Tone marks may move within a word ("khỏe" → "khoẻ"), so letters are compared without them.
    const source = original.slice(at, cleaned.toOriginalEnd(i + 1)).normalize('NFC');
    if (/[\p{L}\d]/u.test(char) && foldDiacritics(source) !== foldDiacritics(char)) problems.push(`offset ${i}: "${char}" maps to "${source}"`);
  }
  expect(problems).toEqual([]);
}

describe('cleanText', () => {
  it('joins hard-wrapped lines and wrapped headings (khanh-hoa)', () => {
    const { text } = cleanText(read('khanh-hoa-2618-2022.txt'));
    const lines = text.split('\n');
    expect(lines).toContain('I. ĐỐI TƯỢNG, PHẠM VI THỰC HIỆN');
    expect(lines).toContain('8. Đề nghị Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể cấp tỉnh');
    expect(lines).toContain('1. Sở Lao động - Thương binh và Xã hội');
    expect(lines.some((line) => line.startsWith('10. Các cơ sở trợ giúp xã hội, cơ sở cai nghiện ma tuý'))).toBe(true);
    expect(lines).toContain('Trong phạm vi chức năng, nhiệm vụ được giao tham gia triển khai thực hiện Kế hoạch; tổ chức truyền thông, lồng ghép công tác tuyên truyền, giáo dục tư vấn pháp luật, chính sách đến đoàn viên, hội viên và các tầng lớp Nhân dân nhằm nâng cao nhận thức về bảo vệ, chăm sóc sức khoẻ người có công với cách mạng, người cao tuổi, trẻ em, người khuyết tật và các đối tượng cần trợ giúp xã hội; tham gia xây dựng pháp luật, chính sách và giám sát việc thực hiện pháp luật về bảo vệ, chăm sóc sức khoẻ người có công với cách mạng, người cao tuổi, trẻ em, người khuyết tật và các đối tượng cần trợ giúp xã hội.');
    // A dash inside "lao động - xã hội" wrapped to the start of a line is not a list item.
    expect(text).toContain('giữa cơ sở chăm sóc sức khoẻ lao động - xã hội với y tế tuyến huyện');
    // The title block and the legal basis after it stay apart; list items stay on their own lines.
    expect(lines).toContain('Thực hiện Quyết định số 1942/QĐ-TTg ngày 18/11/2021 của Thủ tướng Chính phủ phê duyệt Chương trình nâng cao chất lượng bảo vệ, chăm sóc sức khoẻ người có công với cách mạng, người cao tuổi, trẻ em, người khuyết tật và các đối tượng cần trợ giúp xã hội giai đoạn 2021-2030 và Công văn số 4556/LĐTBXH-BTXH ngày 08/12/2021 của Bộ Lao động - Thương binh và Xã hội về việc triển khai Chương trình nâng cao chất lượng bảo vệ, chăm sóc sức khoẻ người có công với cách mạng, người cao tuổi, trẻ em, người khuyết tật và các đối tượng cần trợ giúp xã hội giai đoạn 2021-2030;');
    expect(lines).toContain('2. Sở Y tế');
  });

  it('joins a body\'s name wrapped after its first word, though the next line ends the sentence (ha-noi-308)', () => {
    const { text } = cleanText('gửi Sở Khoa học và Công nghệ tổng hợp, chủ trì, phối hợp với Sở\nTài chính, báo cáo UBND Thành phố bổ sung kinh phí theo quy định.\n\nb) Cơ quan thực hiện:');
    expect(text.split('\n')[0]).toBe('gửi Sở Khoa học và Công nghệ tổng hợp, chủ trì, phối hợp với Sở Tài chính, báo cáo UBND Thành phố bổ sung kinh phí theo quy định.');
  });

  it('joins a law\'s name wrapped after "Luật", though the next line ends the sentence', () => {
    const { text } = cleanText('b) Tổ chức thực hiện việc tiếp\nnhận văn bản kê khai giá theo quy định tại khoản 5 Điều 28 Luật\nGiá.\n2. Đơn vị cung cấp dịch vụ.');
    expect(text.split('\n')[0]).toBe('b) Tổ chức thực hiện việc tiếp nhận văn bản kê khai giá theo quy định tại khoản 5 Điều 28 Luật Giá.');
  });

  it('joins a line ending in an ellipsis to the lower-case line going on with its sentence (ho-chi-minh-174)', () => {
    const { text } = cleanText('- Tăng cường số\nhóa truyền thông qua mạng xã hội (Facebook, Youtube...)...\nđể lan tỏa thông điệp về bình đẳng giới.\n\n- Phát hành sản phẩm.');
    expect(text.split('\n')[0]).toBe('- Tăng cường số hoá truyền thông qua mạng xã hội (Facebook, Youtube...)... để lan toả thông điệp về bình đẳng giới.');
  });

  it('joins a centre\'s name wrapped after its first word, as a department\'s is', () => {
    const { text } = cleanText('- Rà soát vật tư tại Trung tâm Kiểm soát bệnh tật tỉnh và các Trung tâm\nY tế, Trạm y tế.\n\n- Điều chuyển nhanh.');
    expect(text.split('\n')[0]).toBe('- Rà soát vật tư tại Trung tâm Kiểm soát bệnh tật tỉnh và các Trung tâm Y tế, Trạm y tế.');
  });

  it("joins a mass organisation's name wrapped after its first word (\"Đoàn\\nThanh niên\", \"Hội\\nPhụ nữ\")", () => {
    const { text } = cleanText('- Mặt trận Tổ quốc, Đoàn\nThanh niên, Hội\nPhụ nữ hỗ trợ người dân khắc phục hậu quả.\n\n- Huy động lực lượng.');
    expect(text.split('\n')[0]).toBe('- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả.');
  });

  it("joins a heading's number alone on its line to the title wrapped below it (dak-lak-0130)", () => {
    const { text } = cleanText('**V. TỔ\nCHỨC THỰC HIỆN**\n\n**1.\nSở Y tế:**\n\n- Chủ trì.\n\n**VI.\nKINH PHÍ THỰC HIỆN**\n\n- Từ ngân sách tỉnh.\n\n2.\n\nHết.');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['V. TỔ CHỨC THỰC HIỆN', '1. Sở Y tế:', 'VI. KINH PHÍ THỰC HIỆN', '- Từ ngân sách tỉnh.', '2.', 'Hết.']));
  });

  it('joins a heading wrapped inside its bold span (quyet-dinh-78): the kind word alone, or with its number while the bold goes on', () => {
    const text = '**Chương\nI**\n\n**Điều\n1. Phạm vi điều chỉnh**\n\n1. Quy chế này quy định.\n\n**Điều 4.\nNguyên tắc tiếp nhận**\n\n1. Tuân thủ pháp luật.\n\n**Điều 5.**\nBan hành kèm theo Quyết định này Quy chế.';
    const lines = cleanText(text).text.split('\n').filter(Boolean);
    expect(lines).toEqual(['Chương I', 'Điều 1. Phạm vi điều chỉnh', '1. Quy chế này quy định.', 'Điều 4. Nguyên tắc tiếp nhận', '1. Tuân thủ pháp luật.', 'Điều 5.', 'Ban hành kèm theo Quyết định này Quy chế.']);
    expectRoundTrip(text);
  });

  it('joins a sentence split by a page break (huu-lung) but keeps paragraphs apart', () => {
    const { text } = cleanText(read('huu-lung-2022.txt'));
    expect(text).toContain('người có công, ban hành văn bản chỉ đạo các đơn vị chức năng');
    expect(text).toContain('phù hợp theo hướng toàn diện, liên tục và hiệu quả');
    expect(text).toContain('Sở Lao động - Thương binh và Xã hội kết quả thực hiện');
    expect(text).toContain('vướng mắc.\n\n2. Trung tâm Y tế huyện');
  });

  it('unifies tone placement, removes markdown markers, stray "|" lines and extra spaces', () => {
    const original = 'CỘNG HÒA  XÃ HỘI\n|\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\nlớp tập huấn (*sau khi có văn bản*) và chú thích (*)\t\tcuối.';
    const { text } = cleanText(original);
    expect(text).toBe('CỘNG HOÀ XÃ HỘI\n\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH\n\nlớp tập huấn (sau khi có văn bản) và chú thích (*) cuối.');
    expect(cleanText('hòa thuận, khỏe mạnh, thủy lợi').text).toBe(cleanText('hoà thuận, khoẻ mạnh, thuỷ lợi').text);
    expect(cleanText('A – B “c”').text).toBe('A - B "c"');
  });

  it('maps offsets back to the original, monotonic and character for character', () => {
    for (const file of ['khanh-hoa-2618-2022.txt', 'huu-lung-2022.txt', 'lang-son-thanh-pho-2024.txt']) expectRoundTrip(read(file));
    const decomposed = 'Khánh Hòa\r\n\r\nSức khỏe'.normalize('NFD');
    expectRoundTrip(decomposed);
    const cleaned = cleanText(decomposed);
    expect(cleaned.text).toBe('Khánh Hoà\n\nSức khoẻ');
    expect(decomposed.slice(cleaned.toOriginal(0), cleaned.toOriginalEnd(cleaned.text.length))).toBe(decomposed.trim());
  });

  it('maps a cleaned span to the original span that quotes it', () => {
    const original = read('khanh-hoa-2618-2022.txt');
    const cleaned = cleanText(original);
    const phrase = 'I. ĐỐI TƯỢNG, PHẠM VI THỰC HIỆN';
    const at = cleaned.text.indexOf(phrase);
    expect(original.slice(cleaned.toOriginal(at), cleaned.toOriginalEnd(at + phrase.length))).toBe('I. ĐỐI TƯỢNG, PHẠM\nVI THỰC HIỆN');
    // Random offsets: letters kept by the cleaning sit at the mapped place.
    for (let n = 0; n < 200; n += 1) {
      const i = Math.floor(Math.random() * cleaned.text.length);
      const char = cleaned.text[i];
      if (/[\p{L}\d]/u.test(char)) expect(foldDiacritics(original[cleaned.toOriginal(i)])).toBe(foldDiacritics(char));
    }
    expect(cleaned.toOriginal(cleaned.text.length)).toBeLessThanOrEqual(original.length);
    expect(cleaned.toOriginal(-5)).toBe(cleaned.toOriginal(0));
  });

  it('handles empty and whitespace-only text', () => {
    expect(cleanText('').text).toBe('');
    expect(cleanText(' \n\t\n').text).toBe('');
    expect(cleanText('').toOriginal(3)).toBe(0);
  });
});
