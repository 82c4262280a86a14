// Turns Vietnamese text into index terms: accented and folded syllables, adjacent-syllable pairs, numbers and dates,
// with abbreviations and their expansions standing in for each other.
import { abbreviationKey } from '../lang/abbreviations.js';
import { foldDiacritics, matchKey } from '../lang/normalize.js';
import { STOPWORDS } from '../lang/stopwords.js';
import { tokenize, tokenizeClauses, type Token } from '../lang/tokenize.js';

/** Query terms with how much each should count: exact accented forms above folded ones, expansions below typed words. */
export interface QueryAnalysis {
  terms: string[];
  weights: ReadonlyMap<string, number>;
}

// Query-side weights. Folded forms of words typed with diacritics only break ties ("bảo" must not equal "báo").
const FOLDED_WEIGHT = 0.3;
const PAIR_WEIGHT = 1.2;
const EXPANSION_WEIGHT = 0.5;
// Pairs with a function word ("có trách", "nhiệm gì") say less than pairs of content words.
const FUNCTION_PAIR_WEIGHT = 0.5;

interface Abbreviation {
  /** Lower-case compact form as written, e.g. "lđtbxh". */
  term: string;
  /** Folded compact key, e.g. "ldtbxh". */
  key: string;
  /** Lower-case words of the expansion. */
  expansion: string[];
  /** False for keys that spell an ordinary syllable ("TE" → "te" as in "y tế"), which expansions must not emit. */
  distinctive: boolean;
}

interface AbbreviationIndex {
  asWritten: Map<string, Abbreviation>;
  /** By the folded spelling, separators kept ("ld-tb&xh"), the first spelling of each. */
  asFolded: Map<string, Abbreviation>;
  byKey: Map<string, Abbreviation>;
  /** First folded word of an expansion → the abbreviations whose expansion starts with it. */
  byFirstWord: Map<string, { words: string[]; abbreviation: Abbreviation }[]>;
}

// A Vietnamese syllable: optional initial consonant(s), vowels, optional final consonant(s).
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(?:ng|nh|ch|[cmnpt])?$/;

const indexes = new WeakMap<ReadonlyMap<string, string>, { size: number; index: AbbreviationIndex }>();

/** Lookup structures for a table, memoised per table object (tables are built once per index). */
function abbreviationIndex(table: ReadonlyMap<string, string>): AbbreviationIndex {
  const cached = indexes.get(table);
  if (cached && cached.size === table.size) return cached.index;
  const index: AbbreviationIndex = { asWritten: new Map(), asFolded: new Map(), byKey: new Map(), byFirstWord: new Map() };
  for (const [written, expansionText] of table) {
    const key = abbreviationKey(written);
    const expansion = tokenize(expansionText);
    if (key === '' || expansion.length === 0) continue;
    // Spellings of one abbreviation ("LĐTBXH", "LĐ-TB&XH") share the first one's terms.
    const abbreviation = index.byKey.get(key) ?? { term: written.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''), key, expansion, distinctive: !SYLLABLE.test(key) };
    index.asWritten.set(written, abbreviation);
    if (!index.asFolded.has(matchKey(written))) index.asFolded.set(matchKey(written), abbreviation);
    if (!index.byKey.has(key)) index.byKey.set(key, abbreviation);
    const words = expansion.map(foldDiacritics);
    const list = index.byFirstWord.get(words[0]) ?? [];
    list.push({ words, abbreviation });
    index.byFirstWord.set(words[0], list);
  }
  indexes.set(table, { size: table.size, index });
  return index;
}

interface Item {
  /** Lower-case accented form. */
  word: string;
  /** `word` without diacritics. */
  fold: string;
  stop: boolean;
  abbreviation?: Abbreviation;
}

/** Per-call state: the table's lookups and a memo of folded words (a text repeats its words a lot). */
interface Context {
  index: AbbreviationIndex;
  /** Queries also take lower-case abbreviations ("bhyt") and unaccented spellings ("ld-tb&xh"). */
  lenient: boolean;
  fold(word: string): string;
  /** `typed`: the words come from the text itself, not from an abbreviation's expansion. */
  emit(term: string, fold: string, weight: number, typed: boolean): void;
}

const ASCII = /^[\x00-\x7f]*$/;

const memoFold = (): ((word: string) => string) => {
  const folds = new Map<string, string>();
  return (word) => {
    if (ASCII.test(word)) return word;
    let folded = folds.get(word);
    if (folded === undefined) folds.set(word, (folded = foldDiacritics(word)));
    return folded;
  };
};

// Written like an abbreviation: two or more capitals and no diacritics apart from Đ.
const looksAbbreviated = (surface: string): boolean => {
  if ((surface.match(/\p{Lu}/gu)?.length ?? 0) < 2) return false;
  const plain = surface.replace(/[Đđ]/g, 'D');
  return foldDiacritics(plain) === plain;
};

function abbreviationAt(tokens: readonly Token[], i: number, context: Context): { abbreviation: Abbreviation; last: number } | undefined {
  const { index, lenient } = context;
  let found: { abbreviation: Abbreviation; last: number } | undefined;
  let surface = tokens[i].surface;
  for (let j = i + 1; j < tokens.length && j <= i + 3 && tokens[j].joiner !== ''; j++) {
    surface += tokens[j].joiner + tokens[j].surface;
    // Typed queries may spell a multi-part abbreviation without diacritics ("ld-tb&xh").
    const hit = index.asWritten.get(surface) ?? (lenient ? index.asFolded.get(matchKey(surface)) : undefined);
    if (hit) found = { abbreviation: hit, last: j };
  }
  if (found) return found;
  const single = tokens[i].surface;
  const exact = index.asWritten.get(single);
  if (exact) return { abbreviation: exact, last: i };
  const typedLower = lenient && single === single.toLowerCase();
  if (!typedLower && !looksAbbreviated(single)) return undefined;
  const byKey = index.byKey.get(abbreviationKey(single));
  return byKey && (!typedLower || byKey.distinctive) ? { abbreviation: byKey, last: i } : undefined;
}

/** Groups a clause's tokens into words, recognising abbreviations, including glued ones such as "LĐ-TB&XH". */
function itemsOf(tokens: readonly Token[], context: Context): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const found = abbreviationAt(tokens, i, context);
    if (found) {
      const { term, key } = found.abbreviation;
      items.push({ word: term, fold: key, stop: false, abbreviation: found.abbreviation });
      i = found.last;
    } else {
      const word = tokens[i].surface.toLowerCase();
      const fold = context.fold(word);
      items.push({ word, fold, stop: STOPWORDS.has(word) });
    }
  }
  // Function-word pairs ("bao nhiêu") silence both halves.
  for (let i = 0; i + 1 < items.length; i++) {
    if (STOPWORDS.has(`${items[i].word} ${items[i + 1].word}`)) items[i].stop = items[i + 1].stop = true;
  }
  return items;
}

/** A number as indexed: the parts of a date or document number without leading zeros ("09/2025" → "9/2025"). */
export const indexedNumber = (word: string): string => (/^\d/.test(word) && word.includes('/') ? word.split('/').map((part) => part.replace(/^0+(?=\d)/, '')).join('/') : word);

/** A word as the index holds it in its folded form, for a lookup of chunks holding it: "QĐ" → "qd", "02/2017" → "2/2017". */
export const indexedWord = (word: string): string => indexedNumber(foldDiacritics(word.toLowerCase()));

/** Extra terms for numbers: dates without leading zeros and by day/month ("18/11/2021" → "18/11"), "12.805" → "12805". */
function numberVariants(word: string): string[] {
  if (word.includes('/')) {
    const parts = indexedNumber(word).split('/');
    const variants = [parts.join('/')];
    if (parts.length === 3) variants.push(`${parts[0]}/${parts[1]}`, `${parts[1]}/${parts[2]}`, parts[2]);
    return variants;
  }
  return /^\d{1,3}(?:\.\d{3})+$/.test(word) ? [word, word.replace(/\./g, '')] : [word];
}

const asItem = (word: string, context: Context): Item => {
  const fold = context.fold(word);
  return { word, fold, stop: STOPWORDS.has(word) };
};

function analyzeClause(items: readonly Item[], context: Context): void {
  const { emit, index } = context;
  const emitPair = (a: Item, b: Item, weight: number, typed = true) => {
    if (!(a.stop && b.stop)) emit(`${a.word} ${b.word}`, `${a.fold} ${b.fold}`, a.stop || b.stop ? weight * FUNCTION_PAIR_WEIGHT : weight, typed);
  };
  items.forEach((item, i) => {
    const previous = items[i - 1];
    const next = items[i + 1];
    if (item.abbreviation) {
      const { term, key, expansion } = item.abbreviation;
      emit(term, key, 1, true);
      // The abbreviation also stands for its expansion, inside the sentence it appears in.
      const words = expansion.map((word) => asItem(word, context));
      for (const word of words) if (!word.stop) emit(word.word, word.fold, EXPANSION_WEIGHT, false);
      const chain = [...(previous ? [previous] : []), ...words, ...(next ? [next] : [])];
      for (let k = 1; k < chain.length; k++) emitPair(chain[k - 1], chain[k], EXPANSION_WEIGHT * PAIR_WEIGHT, false);
    } else if (!item.stop) {
      if (/^\d/.test(item.word)) {
        for (const variant of numberVariants(item.word)) {
          emit(variant, variant, 1, true);
          if (previous && variant.includes('/') && variant !== item.word) emitPair(previous, { word: variant, fold: variant, stop: false }, PAIR_WEIGHT);
        }
      } else {
        emit(item.word, item.fold, 1, true);
      }
    }
    if (next) emitPair(item, next, PAIR_WEIGHT);
    // An expansion written out also yields its abbreviation ("thẻ bảo hiểm y tế" → "bhyt", "thẻ bhyt").
    for (const { words, abbreviation } of index.byFirstWord.get(item.fold) ?? []) {
      const end = i + words.length;
      if (!abbreviation.distinctive || end > items.length || !words.every((word, k) => items[i + k].fold === word)) continue;
      const short: Item = { word: abbreviation.term, fold: abbreviation.key, stop: false };
      emit(short.word, short.fold, 1, true);
      if (previous) emitPair(previous, short, PAIR_WEIGHT);
      if (end < items.length) emitPair(short, items[end], PAIR_WEIGHT);
    }
  });
}

function analyze(text: string, abbreviations: ReadonlyMap<string, string>, lenient: boolean, emit: Context['emit']): void {
  const context: Context = { index: abbreviationIndex(abbreviations), lenient, fold: memoFold(), emit };
  for (const clause of tokenizeClauses(text)) analyzeClause(itemsOf(clause, context), context);
}

/** Terms of an indexed text, repeated as often as they occur (term frequency matters to BM25). */
export function analyzeForIndex(text: string, abbreviations: ReadonlyMap<string, string>): string[] {
  const terms: string[] = [];
  analyze(text, abbreviations, false, (term, fold) => {
    terms.push(term);
    if (fold !== term) terms.push(fold);
  });
  return terms;
}

/** Distinct query terms with weights; lower-case abbreviations ("bhyt", "nkt") are recognised here too. */
export function analyzeQuery(text: string, abbreviations: ReadonlyMap<string, string>): QueryAnalysis {
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, Math.max(weight, weights.get(term) ?? 0));
  analyze(text, abbreviations, true, (term, fold, weight, typed) => {
    add(term, weight);
    // A word typed with diacritics keeps its folded twin only as a tie-breaker ("bảo" must not equal "báo");
    // expansions come spelled correctly from the table and need none.
    if (fold !== term && typed) add(fold, weight * FOLDED_WEIGHT);
  });
  return { terms: [...weights.keys()], weights };
}
