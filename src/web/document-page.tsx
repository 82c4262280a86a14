import type { Child } from 'hono/jsx';
import type { OutlineEntry, SourceDocument } from '../types.js';
import { DocumentMetaList } from './document-meta-list.js';
import { findOmissions } from './find-omissions.js';
import { shortName } from './format-meta.js';
import { headingAnchor, segmentDocument } from './segment-document.js';

const omissionAnchor = (index: number): string => `luoc-${index + 1}`;

/**
 * A run of the text with its omission marks wrapped in anchored spans. Only elements are added, never text:
 * the client maps quote offsets onto the article's text nodes.
 */
function textWithOmissions(text: string, offset: number, omissions: readonly { start: number; end: number }[]): Child[] {
  const parts: Child[] = [];
  let cursor = 0;
  omissions.forEach((omission, index) => {
    const start = omission.start - offset;
    const end = omission.end - offset;
    if (start < cursor || end > text.length) return;
    if (start > cursor) parts.push(text.slice(cursor, start));
    parts.push(
      <span id={omissionAnchor(index)} class="omission" role="note" aria-label="Phần bị lược bỏ" title="Phần bị lược bỏ">
        {text.slice(start, end)}
      </span>,
    );
    cursor = end;
  });
  if (cursor < text.length) parts.push(text.slice(cursor));
  return parts;
}

/**
 * A document's full original text with a table of contents; the client highlights `#q-<start>-<end>` passages.
 * It says when the text is an excerpt or was read by OCR, and offers the original file.
 */
export function DocumentPage({ doc, outline, chunks }: { doc: SourceDocument; outline: readonly OutlineEntry[]; chunks: number }) {
  const segments = segmentDocument(doc.text, outline);
  const omissions = findOmissions(doc.text);
  const original = `/api/documents/${encodeURIComponent(doc.meta.id)}/original`;
  const kind = /\.(\w+)$/.exec(doc.meta.sourceFile)?.[1].toUpperCase();
  let offset = 0;
  return (
    <div class="page page-wide">
      <nav class="breadcrumb" aria-label="Vị trí">
        <a href="/docs">Văn bản</a> <span aria-hidden="true">›</span> <span>{shortName(doc.meta)}</span>
      </nav>
      <header class="doc-header">
        <h1>{doc.meta.title}</h1>
        {doc.meta.issuer ? <p class="doc-card-issuer">{doc.meta.issuer}</p> : null}
        {omissions.length > 0 ? (
          <p id="excerpt-note" class="notice doc-note">
            <strong>Đây là bản trích, không phải toàn văn.</strong> Nguồn chỉ đăng một phần văn bản: {omissions.length === 1 ? 'chỗ' : `${omissions.length} chỗ`} lược bỏ
            được đánh dấu “[...]” (<a href={`#${omissionAnchor(0)}`}>đến chỗ lược bỏ</a>). Phần bị lược bỏ không có ở đây, nên không tra cứu hay trích dẫn
            được; khi cần toàn văn, hãy tra bản chính thức.
          </p>
        ) : null}
        {doc.meta.ocr ? (
          <p id="ocr-note" class="notice doc-note">
            <strong>Văn bản được nhận dạng chữ (OCR) từ bản quét.</strong> Có thể có chữ bị nhận sai; hãy đối chiếu với <a href={original}>bản gốc</a> trước
            khi trích dẫn.
          </p>
        ) : null}
        <DocumentMetaList meta={doc.meta} chunks={chunks} />
        <p class="doc-actions">
          <a id="download-original" class="button button-secondary" href={original} download>
            Tải văn bản gốc{kind ? ` (${kind})` : ''}
          </a>
        </p>
      </header>
      <div class="doc-layout">
        {outline.length > 0 ? (
          <nav class="toc" aria-labelledby="toc-title">
            <details id="toc-details" open>
              <summary id="toc-title">Mục lục</summary>
              <ol class="toc-list">
                {outline.map((entry) => (
                  <li class={`toc-depth-${Math.min(entry.depth, 3)}`}>
                    <a href={`#${headingAnchor(entry)}`}>{entry.title}</a>
                  </li>
                ))}
              </ol>
            </details>
          </nav>
        ) : null}
        <div class="doc-body">
          <p id="highlight-status" class="highlight-status" role="status" hidden></p>
          <article id="doc-text" class="doc-text" aria-label={omissions.length > 0 ? 'Văn bản (bản trích)' : 'Toàn văn kế hoạch'}>
            {segments.map((segment) => {
              const start = offset;
              offset += segment.text.length;
              return segment.kind === 'text' ? (
                textWithOmissions(segment.text, start, omissions)
              ) : (
                <span id={segment.anchors[0]} class={`doc-heading doc-heading-${Math.min(segment.depth, 3)}`} role="heading" aria-level={Math.min(segment.depth + 2, 6)}>
                  {segment.anchors.slice(1).map((anchor) => (
                    <span id={anchor}></span>
                  ))}
                  {segment.text}
                </span>
              );
            })}
          </article>
        </div>
      </div>
    </div>
  );
}
