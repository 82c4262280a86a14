import type { DocumentMeta } from '../types.js';
import type { GlossaryEntry } from './build-glossary.js';
import { shortName } from './format-meta.js';

export function GlossaryPage({ entries, documents }: { entries: readonly GlossaryEntry[]; documents: ReadonlyMap<string, DocumentMeta> }) {
  const nameOf = (docId: string): string => {
    const meta = documents.get(docId);
    return meta ? shortName(meta) : docId;
  };
  const defined = entries.filter((entry) => entry.definitions.length > 0).length;
  return (
    <div class="page">
      <h1>Thuật ngữ và chữ viết tắt</h1>
      <p class="lead">
        {entries.length} chữ viết tắt xuất hiện trong các kế hoạch; {defined} chữ được chính văn bản giải nghĩa theo dạng “tên đầy đủ (VIẾT TẮT)”. Bấm
        vào tên địa phương để xem đoạn định nghĩa.
      </p>
      <table class="glossary">
        <caption class="visually-hidden">Bảng chữ viết tắt</caption>
        <thead>
          <tr>
            <th scope="col">Viết tắt</th>
            <th scope="col">Nghĩa đầy đủ</th>
            <th scope="col">Định nghĩa trong văn bản</th>
            <th scope="col">Có trong</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr id={`abbr-${encodeURIComponent(entry.abbreviation)}`} class={entry.definitions.length > 0 ? 'defined' : undefined}>
              <th scope="row" data-label="Viết tắt">
                <abbr title={entry.expansion}>{entry.abbreviation}</abbr>
              </th>
              <td data-label="Nghĩa đầy đủ">{entry.expansion}</td>
              <td data-label="Định nghĩa trong văn bản">
                {entry.definitions.length > 0 ? (
                  <ul class="inline-list">
                    {entry.definitions.map((definition) => (
                      <li>
                        <a href={`/docs/${encodeURIComponent(definition.docId)}#q-${definition.start}-${definition.end}`}>{nameOf(definition.docId)}</a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span class="muted">Theo danh mục chung</span>
                )}
              </td>
              <td data-label="Có trong">{`${entry.usedIn.length} kế hoạch`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
