import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ArchivedAnswer } from '../store/answer-archive.js';
import { formatAnsweredAt } from './format-answered-at.js';
import type { ReferencedCitation } from './format-citation.js';

// Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE/FFFF): one in a question would make Word refuse the file.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string): string => text.replace(NOT_XML, '');

const lines = (text: string, options: { italics?: boolean; indent?: boolean } = {}): Paragraph[] =>
  clean(text)
    .split(/\r?\n/)
    .map(
      (line) =>
        new Paragraph({
          children: [new TextRun({ text: line, italics: options.italics })],
          indent: options.indent ? { left: 567 } : undefined,
          spacing: { after: 80 },
        }),
    );

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } });

/**
 * A Word file of one answer: the question, the answer with its [n] markers, and the citations listed in full form
 * with their quotes. Times New Roman 13 pt, as administrative documents are typed.
 */
export async function exportAnswerDocx(answer: ArchivedAnswer<ReferencedCitation>, options: { link?: string } = {}): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: 'Hỏi đáp Kế hoạch', heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `Câu trả lời lúc ${formatAnsweredAt(answer.createdAt)}`, italics: true })],
      spacing: { after: 240 },
    }),
    heading('Câu hỏi'),
    ...lines(answer.question),
  ];
  if (answer.standaloneQuestion.trim() !== answer.question.trim()) {
    children.push(...lines(`Đã hiểu câu hỏi là: ${answer.standaloneQuestion}`, { italics: true }));
  }
  children.push(heading(answer.answered ? 'Trả lời' : 'Không tìm thấy thông tin trong các văn bản'), ...lines(answer.answer));
  if (answer.citations.length > 0) {
    children.push(heading(answer.answered ? 'Nguồn trích dẫn' : 'Các đoạn gần nhất đã tìm thấy'));
    for (const citation of answer.citations) {
      children.push(
        new Paragraph({
          children: [new TextRun({ text: `[${citation.n}] `, bold: true }), new TextRun(clean(citation.reference))],
          spacing: { before: 120, after: 60 },
        }),
        ...lines(`“${citation.quote}”`, { italics: true, indent: true }),
      );
    }
  }
  children.push(
    new Paragraph({
      children: [
        new TextRun({
          text: `${answer.answeredBy === 'llm' ? 'Câu trả lời do mô hình ngôn ngữ viết từ các đoạn trích nguyên văn trên' : 'Câu trả lời được trích nguyên văn từ các văn bản đã ban hành'}. Hãy đối chiếu văn bản gốc trước khi sử dụng chính thức.`,
          italics: true,
          size: 22,
        }),
      ],
      spacing: { before: 360 },
    }),
  );
  if (options.link) children.push(new Paragraph({ children: [new TextRun({ text: `Xem trực tuyến: ${options.link}`, size: 22 })] }));

  const document = new Document({
    creator: 'Hỏi đáp Kế hoạch',
    title: clean(answer.question).slice(0, 200),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
