// An English term the glossary words in several ways ("communes" → xã | phường | thị trấn, "training" → đào tạo |
// tập huấn) asks for whichever a document writes. The ways the documents asked about never write are no words a
// passage of them could hold: weighed, "thị trấn" (gone from every plan since the 2025 reform) would outweigh all
// the passage does hold. When they write none of the ways, the term is left alone: the thing it names is missing,
// which is for the question's coverage to tell.

const WORD = /[\p{L}\p{N}]+/gu;
/** A text's words, lower-cased and joined by single spaces, between spaces: a phrase is found as " phrase ". */
const spaced = (text: string): string => ` ${(text.toLowerCase().match(WORD) ?? []).join(' ')} `;

/** The syllables of the alternatives none of `texts` writes, of terms another alternative of which they do write. */
export function unwrittenAlternatives(terms: readonly (readonly string[])[], texts: readonly string[]): Set<string> {
  const written = texts.map(spaced);
  const unwritten = new Set<string>();
  for (const alternatives of terms) {
    const [found, missing] = [true, false].map((wanted) => alternatives.filter((alternative) => written.some((text) => text.includes(spaced(alternative))) === wanted));
    if (found.length === 0) continue;
    // (A syllable of a written alternative stays: "thị" of "thị trấn" would go, not a "xã" also written alone.)
    const kept = new Set(found.flatMap((alternative) => alternative.toLowerCase().match(WORD) ?? []));
    for (const alternative of missing) for (const syllable of alternative.toLowerCase().match(WORD) ?? []) if (!kept.has(syllable)) unwritten.add(syllable);
  }
  return unwritten;
}
