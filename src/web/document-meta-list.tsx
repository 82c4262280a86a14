import type { DocumentMeta } from '../types.js';
import { EMPTY, formatIssuedDate } from './format-meta.js';

const RELATION_LABEL: Record<string, string> = {
  'căn cứ': 'Căn cứ',
  'thực hiện': 'Thực hiện',
  'thay thế': 'Thay thế',
  'bãi bỏ': 'Bãi bỏ',
  'sửa đổi, bổ sung': 'Sửa đổi, bổ sung',
};

/** A document's metadata as a description list; "—" marks what the plan leaves blank. */
export function DocumentMetaList({ meta, chunks }: { meta: DocumentMeta; chunks?: number }) {
  const rows: [string, string][] = [
    ['Loại văn bản', meta.type ?? 'Kế hoạch'],
    ['Cơ quan ban hành', meta.issuer ?? EMPTY],
    ['Địa phương', meta.locality ?? (meta.level === 'quốc gia' ? 'Toàn quốc' : EMPTY)],
    ['Số hiệu', meta.number ?? EMPTY],
    ['Ngày ban hành', formatIssuedDate(meta.issuedDate)],
    ['Giai đoạn', meta.period ?? EMPTY],
    ['Người ký', meta.signer ?? EMPTY],
  ];
  if (meta.effectiveDate) rows.push(['Ngày hiệu lực', formatIssuedDate(meta.effectiveDate)]);
  // Relations the text states, grouped by kind: "Thay thế: 02/2017/NĐ-CP".
  const relations = new Map<string, string[]>();
  for (const relation of meta.relations ?? []) relations.set(relation.kind, [...(relations.get(relation.kind) ?? []), relation.number]);
  for (const [kind, numbers] of relations) rows.push([RELATION_LABEL[kind] ?? kind, numbers.join(', ')]);
  if (meta.ocr) rows.push(['Nguồn văn bản', 'Bản quét, đã nhận dạng chữ (OCR)']);
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
