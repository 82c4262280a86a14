// Which plans a question's place names point to, and which named places have no plan in the corpus.
import { matchKey } from '../lang/normalize.js';
import { VIETNAM_PLACES, type Place } from '../lang/vietnam-places.js';
import type { DocumentMeta } from '../types.js';
import { compilePhrase, createPhraseIndex, findIndexed, findPhrase, prepareText, type CompiledPhrase, type PhraseIndex, type PreparedText } from './detect-language.js';

export interface LocalityMention {
  name: string;
  docIds: string[];
  /** Offsets into normalizeVietnamese(text), qualifier included ("TP. Lạng Sơn"). */
  start: number;
  end: number;
}

export interface DetectedLocalities {
  docIds: string[];
  mentions: { name: string; docIds: string[] }[];
  /** Places named in the text that no plan in the corpus covers. */
  outOfCorpus: string[];
}

interface Entry {
  name: string;
  docIds: string[];
  phrases: { phrase: CompiledPhrase; bare: boolean }[];
  /** A bare name needs Title Case or a qualifier before/after it. */
  ambiguous: boolean;
  notAfter: CompiledPhrase[];
}

const LEVEL_PREFIX = /^(tỉnh|thành phố|huyện|quận|thị xã)\s+/i;
const bareName = (locality: string): string => locality.replace(LEVEL_PREFIX, '').trim();

const QUALIFIED: Record<Place['kind'], (n: string) => string[]> = {
  city: (n) => [`thành phố ${n}`, `TP ${n}`, `${n} city`, `city of ${n}`],
  province: (n) => [`tỉnh ${n}`, `${n} province`, `province of ${n}`],
  district: (n) => [`huyện ${n}`, `thị xã ${n}`, `thành phố ${n}`, `TP ${n}`, `${n} district`, `${n} town`, `${n} city`],
};

const QUALIFIER_BEFORE = /(?:^|[^\p{L}\p{N}])(?:tinh|thanh pho|tp|huyen|quan|thi xa)[\s.]*$/u;
const QUALIFIER_AFTER = /^\s*(?:province|city|district|town)\b/u;
const TITLE_CASE = /^\p{Lu}/u;

function buildEntries(documents: readonly DocumentMeta[]): Entry[] {
  const keyOf = (name: string | undefined): string => (name ? matchKey(name) : '');
  const entries: Entry[] = [];
  const known = new Set<string>();
  const add = (place: Place, docIds: string[], ambiguous: boolean): void => {
    known.add(`${place.kind}:${keyOf(place.name)}`);
    const names = [place.name, ...place.aliases];
    entries.push({
      name: place.name,
      docIds,
      ambiguous,
      phrases: [
        ...names.map((n) => ({ phrase: compilePhrase(n), bare: true })),
        ...names.flatMap(QUALIFIED[place.kind]).map((n) => ({ phrase: compilePhrase(n), bare: false })),
      ],
      notAfter: (place.notAfter ?? []).map(compilePhrase),
    });
  };
  // Documents by province and by locality, keyed once: a collection holds thousands of documents.
  const byProvince = new Map<string, DocumentMeta[]>();
  const byLocality = new Map<string, DocumentMeta[]>();
  const append = (map: Map<string, DocumentMeta[]>, key: string, doc: DocumentMeta): void => {
    const list = map.get(key);
    if (list) list.push(doc);
    else map.set(key, [doc]);
  };
  for (const d of documents) {
    const province = keyOf(d.province);
    append(byProvince, province, d);
    if (d.locality && d.level !== 'tỉnh') {
      const locality = keyOf(bareName(d.locality));
      if (locality !== province) append(byLocality, locality, d);
    }
  }
  const inProvince = (name: string): DocumentMeta[] => (name ? (byProvince.get(keyOf(name)) ?? []) : []);
  const isCorpusLocality = (name: string): DocumentMeta[] => byLocality.get(keyOf(name)) ?? [];

  for (const place of VIETNAM_PLACES) {
    if (place.kind !== 'district') {
      add(place, inProvince(place.name).map((d) => d.id), place.ambiguous ?? false);
      continue;
    }
    // A district is covered by its own plan, else by its province's plan (never by a sibling district's).
    const own = isCorpusLocality(place.name);
    const provincial = inProvince(place.province ?? '').filter((d) => d.level === 'tỉnh');
    add(place, (own.length > 0 ? own : provincial).map((d) => d.id), own.length === 0 && (place.ambiguous ?? false));
  }

  // Corpus localities the gazetteer lacks, and provincial cities ("thành phố Lạng Sơn" is not tỉnh Lạng Sơn).
  for (const doc of documents) {
    if (!doc.locality) continue;
    const name = bareName(doc.locality);
    const key = keyOf(name);
    if (doc.level === 'huyện') {
      if (!known.has(`district:${key}`)) add({ name, kind: 'district', aliases: [] }, [doc.id], false);
    } else if (doc.level === 'thành phố' && (known.has(`province:${key}`) || keyOf(doc.province) !== key)) {
      entries.push({
        name: doc.locality,
        docIds: [doc.id],
        ambiguous: false,
        phrases: QUALIFIED.city(name).map((n) => ({ phrase: compilePhrase(n), bare: false })),
        notAfter: [],
      });
    } else if (!known.has(`province:${key}`) && !known.has(`city:${key}`)) {
      add({ name, kind: doc.level === 'tỉnh' ? 'province' : 'city', aliases: [] }, inProvince(name).map((d) => d.id), false);
    }
  }
  return entries;
}

type Indexed = { entry: Entry; bare: boolean };
const indexCache = new WeakMap<readonly DocumentMeta[], PhraseIndex<Indexed>>();
const indexFor = (documents: readonly DocumentMeta[]): PhraseIndex<Indexed> => {
  let index = indexCache.get(documents);
  if (!index) {
    const items = buildEntries(documents).flatMap((entry) => entry.phrases.map(({ phrase, bare }) => [phrase.phrase, { entry, bare }] as const));
    indexCache.set(documents, (index = createPhraseIndex(items)));
  }
  return index;
};

function accepted(text: PreparedText, entry: Entry, start: number, end: number, bare: boolean): boolean {
  const adjacent = (m: { end: number }): boolean => /^[^\p{L}\p{N}]*$/u.test(text.folded.slice(m.end, start));
  if (entry.notAfter.some((p) => findPhrase(text, p).some(adjacent))) return false;
  if (!entry.ambiguous || !bare) return true;
  if (QUALIFIER_BEFORE.test(text.folded.slice(0, start)) || QUALIFIER_AFTER.test(text.folded.slice(end))) return true;
  const words = text.normalized.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((w) => TITLE_CASE.test(w));
}

/** Every place named in the text, longest name first where they overlap, in text order. */
export function locateLocalities(text: string, documents: readonly DocumentMeta[]): LocalityMention[] {
  const prepared = prepareText(text);
  const candidates: (LocalityMention & { length: number })[] = [];
  for (const { start, end, value: { entry, bare } } of findIndexed(prepared, indexFor(documents))) {
    if (accepted(prepared, entry, start, end, bare)) candidates.push({ name: entry.name, docIds: entry.docIds, start, end, length: end - start });
  }
  candidates.sort((a, b) => b.length - a.length || a.start - b.start);
  const chosen: LocalityMention[] = [];
  for (const { length: _length, ...c } of candidates) {
    if (chosen.every((m) => c.end <= m.start || c.start >= m.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function detectLocalities(text: string, documents: readonly DocumentMeta[]): DetectedLocalities {
  const located = locateLocalities(text, documents);
  const docIds = [...new Set(located.flatMap((m) => m.docIds))];
  const mentions: DetectedLocalities['mentions'] = [];
  for (const { name, docIds: ids } of located) {
    if (!mentions.some((m) => m.name === name)) mentions.push({ name, docIds: ids });
  }
  const outOfCorpus = mentions.filter((m) => m.docIds.length === 0).map((m) => m.name);
  return { docIds, mentions, outOfCorpus };
}
