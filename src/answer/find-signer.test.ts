import { describe, expect, it } from 'vitest';
import type { Chunk } from '../types.js';
import { findSigner } from './find-signer.js';

const at = (text: string, kind: Chunk['kind'], start = 100): Chunk => ({ id: `d#${kind}`, docId: 'd', section: [], kind, start, end: start + text.length, text });

describe('findSigner', () => {
  it('reads the name and title from a signature block, markup and wrapping included', () => {
    const text = '**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\nNguyễn Thị Hồng Vân';
    const signer = findSigner([at('Nơi nhận:\n- Lưu: VT.', 'recipients'), at(text, 'signature', 500)])!;
    expect(signer.name).toBe('Nguyễn Thị Hồng Vân');
    expect(signer.title).toBe('KT. CHỦ TỊCH – PHÓ CHỦ TỊCH');
    expect(text.slice(signer.start - 500, signer.end - 500)).toBe(text);
  });

  it('joins a title wrapped over two lines', () => {
    const signer = findSigner([at('**TM. ỦY BAN NHÂN\nDÂN **\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Thành Diệu', 'signature')])!;
    expect(signer.title).toBe('TM. ỦY BAN NHÂN DÂN – KT. CHỦ TỊCH – PHÓ CHỦ TỊCH');
  });

  it('handles a block split over short lines with stray table bars', () => {
    const signer = findSigner([at('|\nKT.\nCHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐinh Văn Thiệu\n|', 'signature')])!;
    expect(signer.name).toBe('Đinh Văn Thiệu');
    expect(signer.title).toBe('KT. CHỦ TỊCH – PHÓ CHỦ TỊCH');
  });

  it('reads a block scraped into one table cell with its lines glued together', () => {
    const text = '- Lưu: VT, TCCV (2) | TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Nguyễn Hòa Bình |';
    // Not recognised as a signature: it ends the document's last passage.
    const signer = findSigner([at('Điều 1. Phạm vi.', 'body', 0), at(text, 'body', 0)])!;
    expect(signer.name).toBe('Nguyễn Hòa Bình');
    expect(signer.title).toBe('TM. CHÍNH PHỦ – KT. THỦ TƯỚNG – PHÓ THỦ TƯỚNG');
    expect(text.slice(signer.start, signer.end)).toBe('TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Nguyễn Hòa Bình');
    expect(findSigner([at('- Thủ tướng, các Phó Thủ tướng Chính phủ; - Lưu: VT, NN (2). |', 'recipients', 0)])).toBeNull();
  });

  it('falls back to a "Người ký" header line, and gives null when neither exists', () => {
    const header = at('Số hiệu 8557/KH-UBND\nNgười ký Nguyễn Thị Bé Mười\nLĩnh vực Văn hóa - Xã hội', 'header', 0);
    const signer = findSigner([header])!;
    expect(signer.name).toBe('Nguyễn Thị Bé Mười');
    expect(header.text.slice(signer.start, signer.end)).toBe('Người ký Nguyễn Thị Bé Mười');
    expect(findSigner([at('Nội dung kế hoạch.', 'body')])).toBeNull();
  });
});
