import { typeEntry } from '../structure/grammar.js';
import { truncateTitle } from '../structure/parse-structure.js';
import type { DocumentMeta, LocalityLevel } from '../types.js';

const LEVEL_IN_ENGLISH: Record<LocalityLevel, string> = { 'quốc gia': 'national', tỉnh: 'province', 'thành phố': 'city', huyện: 'district', quận: 'district', 'thị xã': 'town', xã: 'commune', phường: 'ward' };

/** Running text names a document by its title up to this length (scraped titles can run to a paragraph). */
const MAX_NAMED_TITLE = 80;
const titleOf = (meta: DocumentMeta): string => truncateTitle(meta.title, MAX_NAMED_TITLE);

/** The locality without its level word: "Tỉnh Khánh Hòa" → "Khánh Hòa". */
const bareLocality = (meta: DocumentMeta): string | undefined =>
  meta.locality?.replace(/^(tỉnh|thành phố|huyện|tp\.?)\s+/i, '').trim() || undefined;

/** How an answer names a plan: "tỉnh Khánh Hòa" / "Khánh Hòa province"; the title when no locality is known. */
export function planName(meta: DocumentMeta, language: 'vi' | 'en'): string {
  const name = bareLocality(meta);
  if (!name) return titleOf(meta);
  if (language === 'en') return meta.level ? `${name} ${LEVEL_IN_ENGLISH[meta.level]}` : name;
  return meta.level ? `${meta.level} ${name}` : name;
}

/** A plan: a "Kế hoạch" (or a manifest entry written before documents had types). */
const isPlan = (meta: DocumentMeta): boolean => (meta.type ?? 'Kế hoạch') === 'Kế hoạch';

/**
 * How running text names a document: "kế hoạch của tỉnh Khánh Hòa" / "the Khánh Hòa province plan" for a local
 * plan, "Nghị định 09/2025/NĐ-CP" / "Decree 09/2025/NĐ-CP" for anything else; never a decree called a plan.
 */
export function documentPhrase(meta: DocumentMeta, language: 'vi' | 'en'): string {
  if (isPlan(meta) && bareLocality(meta)) return language === 'en' ? `the ${planName(meta, 'en')} plan` : `kế hoạch của ${planName(meta, 'vi')}`;
  const entry = typeEntry(meta.type);
  if (language === 'en') return meta.number ? `${capitalise(entry.english)} ${meta.number}` : `the ${entry.english} “${titleOf(meta)}”`;
  if (meta.number) return `${entry.type} ${meta.number}`;
  return meta.issuer ? `${entry.type.toLocaleLowerCase('vi')} của ${meta.issuer}` : titleOf(meta);
}

/** A document by its type and number ("Kế hoạch 980/KH-UBND", "Plan 980/KH-UBND"), as when two of one place are named side by side. */
export function numberedPhrase(meta: DocumentMeta, language: 'vi' | 'en'): string {
  if (!meta.number) return documentPhrase(meta, language);
  const entry = typeEntry(meta.type ?? 'Kế hoạch');
  return language === 'en' ? `${capitalise(entry.english)} ${meta.number}` : `${entry.type} ${meta.number}`;
}

/** How running text names a document among others: by type and number when another would be named alike (two plans of one place). */
export function phraseAmong(meta: DocumentMeta, others: readonly DocumentMeta[], language: 'vi' | 'en'): string {
  const phrase = documentPhrase(meta, language);
  return others.some((other) => other.id !== meta.id && documentPhrase(other, language) === phrase) ? numberedPhrase(meta, language) : phrase;
}

/** Whether every document is a plan: answers then keep speaking of "kế hoạch". */
export const allPlans = (metas: readonly DocumentMeta[]): boolean => metas.every(isPlan);

/** "a, b và c" / "a, b and c". */
export const joinNames = (names: readonly string[], language: 'vi' | 'en'): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${language === 'en' ? 'and' : 'và'} ${names.at(-1)}`;

/** Capitalised form for the start of a list line. */
export const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
