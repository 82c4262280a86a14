import type { DocumentMeta } from '../types.js';
import { DocumentMetaList } from './document-meta-list.js';

export function DocumentsPage({ documents }: { documents: readonly { meta: DocumentMeta; chunks: number }[] }) {
  return (
    <div class="page">
      <h1>Văn bản kế hoạch</h1>
      <p class="lead">
        {documents.length} kế hoạch triển khai Chương trình nâng cao chất lượng bảo vệ, chăm sóc sức khỏe người có công với cách mạng, người cao
        tuổi, trẻ em, người khuyết tật và các đối tượng cần trợ giúp xã hội.
      </p>
      <ul class="doc-list">
        {documents.map(({ meta, chunks }) => (
          <li class="doc-card">
            <h2 class="doc-card-title">
              <a href={`/docs/${encodeURIComponent(meta.id)}`}>{meta.title}</a>
            </h2>
            {meta.issuer ? <p class="doc-card-issuer">{meta.issuer}</p> : null}
            <DocumentMetaList meta={meta} chunks={chunks} />
          </li>
        ))}
      </ul>
    </div>
  );
}
