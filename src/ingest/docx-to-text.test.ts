import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxToText, htmlToText } from './docx-to-text.js';

const cell = (text: string, options: { columnSpan?: number; rowSpan?: number } = {}): TableCell =>
  new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)), ...options });

describe('docxToText', () => {
  it('keeps paragraphs in order and a table as Markdown pipe rows', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: 'KẾ HOẠCH', heading: HeadingLevel.HEADING_1 }),
              new Paragraph({ children: [new TextRun({ text: 'Thực hiện', bold: true }), new TextRun({ text: ' chăm sóc sức khỏe & phục hồi', italics: true })] }),
              new Paragraph({ text: 'Khám định kỳ', bullet: { level: 0 } }),
              new Table({
                rows: [
                  new TableRow({ children: [cell('Chỉ tiêu'), cell('Năm 2025'), cell('Ghi chú')] }),
                  new TableRow({ children: [cell('Khám sức khỏe\nđịnh kỳ'), cell('90%'), cell('NCT | NKT')] }),
                  new TableRow({ children: [cell('Lập hồ sơ', { columnSpan: 2 }), cell('')] }),
                ],
              }),
              new Paragraph('II. TỔ CHỨC THỰC HIỆN'),
            ],
          },
        ],
      }),
    );
    expect(await docxToText(docx)).toBe(
      [
        'KẾ HOẠCH',
        '',
        'Thực hiện chăm sóc sức khỏe & phục hồi',
        '',
        'Khám định kỳ',
        '',
        '| Chỉ tiêu | Năm 2025 | Ghi chú |',
        '| --- | --- | --- |',
        '| Khám sức khỏe định kỳ | 90% | NCT \\| NKT |',
        '| Lập hồ sơ |  |',
        '',
        'II. TỔ CHỨC THỰC HIỆN',
      ].join('\n'),
    );
  });
});

describe('htmlToText', () => {
  it('decodes named and numeric entities and keeps line breaks', () => {
    expect(htmlToText('<p>A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39; &#7843; &#x1EA1; &nbsp;</p><p>một<br />hai</p>')).toBe(
      'A & B <C> "D" \'E\' ả ạ &nbsp;\n\nmột\nhai',
    );
  });

  it('gives nested list items their own blocks and flattens a table inside a cell', () => {
    expect(htmlToText('<ol><li>Một<ol><li>Một một</li></ol></li></ol>')).toBe('Một\n\nMột một');
    expect(htmlToText('<table><tr><td><p>a</p><table><tr><td>b</td><td>c</td></tr></table></td><td>d<br />e</td></tr></table>')).toBe(
      '| a b c | d e |\n| --- | --- |',
    );
  });
});
