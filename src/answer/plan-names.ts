import type { DocumentMeta, LocalityLevel } from '../types.js';

const LEVEL_IN_ENGLISH: Record<LocalityLevel, string> = { 'quốc gia': 'national', tỉnh: 'province', 'thành phố': 'city', huyện: 'district', quận: 'district', 'thị xã': 'town', xã: 'commune', phường: 'ward' };

/** The locality without its level word: "Tỉnh Khánh Hòa" → "Khánh Hòa". */
const bareLocality = (meta: DocumentMeta): string | undefined =>
  meta.locality?.replace(/^(tỉnh|thành phố|huyện|tp\.?)\s+/i, '').trim() || undefined;

/** How an answer names a plan: "tỉnh Khánh Hòa" / "Khánh Hòa province"; the title when no locality is known. */
export function planName(meta: DocumentMeta, language: 'vi' | 'en'): string {
  const name = bareLocality(meta);
  if (!name) return meta.title;
  if (language === 'en') return meta.level ? `${name} ${LEVEL_IN_ENGLISH[meta.level]}` : name;
  return meta.level ? `${meta.level} ${name}` : name;
}

/** Capitalised form for the start of a list line. */
export const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
