import type { DocumentMeta } from '../types.js';
import { EMPTY, formatIssuedDate } from './format-meta.js';

/** A plan's metadata as a description list; "—" marks what the plan leaves blank. */
export function DocumentMetaList({ meta, chunks }: { meta: DocumentMeta; chunks?: number }) {
  const rows: [string, string][] = [
    ['Địa phương', meta.locality ?? EMPTY],
    ['Số hiệu', meta.number ?? EMPTY],
    ['Ngày ban hành', formatIssuedDate(meta.issuedDate)],
    ['Giai đoạn', meta.period ?? EMPTY],
    ['Người ký', meta.signer ?? EMPTY],
  ];
  if (chunks !== undefined) rows.push(['Số đoạn đã lập chỉ mục', String(chunks)]);
  return (
    <dl class="meta">
      {rows.map(([label, value]) => (
        <div class="meta-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
