import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueFileName } from './safe-file-name.js';

describe('safeFileName', () => {
  it('keeps Vietnamese names readable, in NFC, with the extension of the content', () => {
    expect(safeFileName('Kế hoạch số 12 năm 2024.docx', '.docx')).toBe('Kế hoạch số 12 năm 2024.docx');
    // Decomposed (NFD) names from macOS come out composed.
    expect(safeFileName('Ke\u0302\u0301 hoa\u0323ch.pdf', '.pdf')).toBe('Kế hoạch.pdf');
    // The name says .pdf, the content is Word: the content decides.
    expect(safeFileName('Quyết định 15.pdf', '.docx')).toBe('Quyết định 15.docx');
    expect(safeFileName('ghi chú.md', '.txt')).toBe('ghi chú.txt');
    expect(safeFileName('Kế hoạch 12.2024', '.txt')).toBe('Kế hoạch 12.2024.txt');
  });

  it('drops folders, traversal, hidden-file dots, control and reserved characters', () => {
    expect(safeFileName('../../etc/passwd', '.txt')).toBe('passwd.txt');
    expect(safeFileName('..\\..\\Windows\\win.ini', '.txt')).toBe('win.txt');
    expect(safeFileName('..', '.txt')).toBe('tai-lieu.txt');
    expect(safeFileName('.bashrc', '.txt')).toBe('bashrc.txt');
    expect(safeFileName('a\u0000b\nc<d>e:f"g|h?i*j.pdf', '.pdf')).toBe('a b c d e f g h i j.pdf');
    expect(safeFileName('   .  ', '.pdf')).toBe('tai-lieu.pdf');
    expect(safeFileName('CON.txt', '.txt')).toBe('CON_.txt');
    expect(safeFileName('manifest.json', '.txt')).toBe('manifest.txt');
  });

  it('cuts long names to fit a file system, whole letters only', () => {
    const name = safeFileName(`${'Kế hoạch triển khai '.repeat(30)}.docx`, '.docx');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(185);
    expect(name).toMatch(/^Kế hoạch triển khai .*\S\.docx$/u);
    expect(name).not.toContain('\uFFFD');
  });
});

describe('uniqueFileName', () => {
  it('numbers a name until it is free', () => {
    const taken = new Set(['Kế hoạch.docx', 'Kế hoạch (2).docx']);
    expect(uniqueFileName('Kế hoạch.docx', (name) => taken.has(name))).toBe('Kế hoạch (3).docx');
    expect(uniqueFileName('Mới.pdf', (name) => taken.has(name))).toBe('Mới.pdf');
  });
});
