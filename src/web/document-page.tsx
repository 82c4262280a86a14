import type { OutlineEntry, SourceDocument } from '../types.js';
import { DocumentMetaList } from './document-meta-list.js';
import { shortName } from './format-meta.js';
import { headingAnchor, segmentDocument } from './segment-document.js';

/** A plan's full original text with a table of contents; the client highlights `#q-<start>-<end>` passages. */
export function DocumentPage({ doc, outline, chunks }: { doc: SourceDocument; outline: readonly OutlineEntry[]; chunks: number }) {
  const segments = segmentDocument(doc.text, outline);
  return (
    <div class="page page-wide">
      <nav class="breadcrumb" aria-label="Vị trí">
        <a href="/docs">Văn bản</a> <span aria-hidden="true">›</span> <span>{shortName(doc.meta)}</span>
      </nav>
      <header class="doc-header">
        <h1>{doc.meta.title}</h1>
        {doc.meta.issuer ? <p class="doc-card-issuer">{doc.meta.issuer}</p> : null}
        <DocumentMetaList meta={doc.meta} chunks={chunks} />
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
          <article id="doc-text" class="doc-text" aria-label="Toàn văn kế hoạch">
            {segments.map((segment) =>
              segment.kind === 'text' ? (
                segment.text
              ) : (
                <span id={segment.anchors[0]} class={`doc-heading doc-heading-${Math.min(segment.depth, 3)}`} role="heading" aria-level={Math.min(segment.depth + 2, 6)}>
                  {segment.anchors.slice(1).map((anchor) => (
                    <span id={anchor}></span>
                  ))}
                  {segment.text}
                </span>
              ),
            )}
          </article>
        </div>
      </div>
    </div>
  );
}
