import type { DocumentMeta } from '../types.js';

export const EMPTY = '—';

/** `2021-12-24` → `24/12/2021`; `2024-03` → `tháng 03/2024` (the day left blank in the plan). */
export function formatIssuedDate(iso: string | undefined): string {
  if (!iso) return EMPTY;
  const [year, month, day] = iso.split('-');
  if (day) return `${day}/${month}/${year}`;
  if (month) return `tháng ${month}/${year}`;
  return year;
}

/** A short name for lists and citations: the locality, else the title. */
export const shortName = (meta: DocumentMeta): string => meta.locality ?? meta.title;
