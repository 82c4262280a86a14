
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

// Tags that end the text before them and start a new block; inline ones (strong, em, a, sup…) just vanish.
const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'pre', 'div']);

const cellText = (parts: string[]): string => parts.join('').replace(/\s+/gu, ' ').trim().replaceAll('|', '\\|');

const tableText = (rows: string[][]): string => {
  const lines = rows.map((cells) => `| ${cells.join(' | ')} |`);
  const separator = `| ${rows[0].map(() => '---').join(' | ')} |`;
  return [lines[0], separator, ...lines.slice(1)].join('\n');
};

/**
 * Plain text of the HTML mammoth writes: one block per paragraph, heading or list item, blocks separated by a
 * blank line, and each table as Markdown pipe rows (a merged cell appears once).
 */
export function htmlToText(html: string): string {
  const blocks: string[] = [];
  let paragraph = '';
  let depth = 0; // table nesting: a table inside a cell is flattened into that cell's text
  let rows: string[][] = [];
  let row: string[] = [];
  let cell: string[] = [];
  const flush = (): void => {
    if (paragraph.trim() !== '') blocks.push(paragraph.trim());
    paragraph = '';
  };
  const append = (text: string): void => {
    if (depth > 0) cell.push(text);
    else paragraph += text;
  };

  for (const [token, closing, tag] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)[^>]*>|[^<]+/giu)) {
    if (tag === undefined) {
      append(decodeEntities(token));
      continue;
    }
    const name = tag.toLowerCase();
    if (name === 'br') append(depth > 0 ? ' ' : '\n');
    else if (name === 'table') {
      if (closing) {
        depth -= 1;
        if (depth === 0 && rows.length > 0) blocks.push(tableText(rows));
      } else {
        if (depth === 0) {
          flush();
          rows = [];
        }
        depth += 1;
      }
    } else if (depth === 1 && name === 'tr') {
      if (closing) rows.push(row);
      row = [];
    } else if (depth === 1 && (name === 'td' || name === 'th')) {
      if (closing) row.push(cellText(cell));
      cell = [];
    } else if (depth > 0) {
      // Paragraphs in a cell, and the cells of a table inside it, still need a space between them.
      if (blockTags.has(name) || name === 'tr' || name === 'td' || name === 'th') cell.push(' ');
    } else if (blockTags.has(name)) flush();
  }
  flush();
  return blocks.join('\n\n');
}

/** Text of a .docx file, tables kept as Markdown pipe rows (see htmlToText). */
export async function docxToText(bytes: Buffer): Promise<string> {
  // Loaded with the first .docx, not with every process that might read one.
  const { default: mammoth } = await import('mammoth');
  // Images carry no text; an empty src spares mammoth base64-encoding each of them.
  const convertImage = mammoth.images.imgElement(async () => ({ src: '' }));
  return htmlToText((await mammoth.convertToHtml({ buffer: bytes }, { convertImage })).value);
}
