import { AppError } from '../errors.js';
import { matchKey } from '../lang/normalize.js';
import type { DocumentMeta } from '../types.js';

export interface DocumentFilter {
  docIds?: readonly string[];
  /** Provinces or localities: "Khánh Hòa", "Huyện Hữu Lũng". */
  places?: readonly string[];
  /** Document types: "Kế hoạch", "Nghị định". */
  types?: readonly string[];
}

/**
 * The documents a request is limited to, or undefined when it is not: each kind of filter narrows the others,
 * the values of one kind add up ("Khánh Hòa" or "Bến Tre", and a plan). Names are matched without case or accents.
 * A filter no document passes is the client's mistake, said plainly rather than answered from nothing.
 */
export function resolveFilter(catalogue: readonly DocumentMeta[], { docIds, places, types }: DocumentFilter): string[] | undefined {
  const wantedPlaces = new Set((places ?? []).map(matchKey));
  const wantedTypes = new Set((types ?? []).map(matchKey));
  if (wantedPlaces.size === 0 && wantedTypes.size === 0) return docIds && docIds.length > 0 ? [...docIds] : undefined;
  const wantedIds = docIds && docIds.length > 0 ? new Set(docIds) : undefined;
  const passes = (meta: DocumentMeta): boolean =>
    (!wantedIds || wantedIds.has(meta.id)) &&
    (wantedPlaces.size === 0 || [meta.province, meta.locality].some((place) => place !== undefined && wantedPlaces.has(matchKey(place)))) &&
    // A document without a type was read before types were: a plan, as citations name it.
    (wantedTypes.size === 0 || wantedTypes.has(matchKey(meta.type ?? 'Kế hoạch')));
  const resolved = catalogue.filter(passes).map((meta) => meta.id);
  if (resolved.length === 0) {
    const asked = [places?.length ? `địa phương: ${places.join(', ')}` : '', types?.length ? `loại: ${types.join(', ')}` : '', wantedIds ? `${wantedIds.size} văn bản đã chọn` : '']
      .filter(Boolean)
      .join('; ');
    throw new AppError('invalid_request', `Không có văn bản nào thuộc phạm vi đã chọn (${asked}). Xem danh sách tại /api/documents. (No document matches the filter.)`);
  }
  return resolved;
}
