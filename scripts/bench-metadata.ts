// Per-field accuracy of the metadata read from the documents' own text (no manifest), against hand-written gold
// metadata for the development documents (test/fixtures/dev-metadata.json): the 5 seed plans, ../shared/corpus-extra
// and ../shared/legal-extra. Prints a table; `--verbose` lists every miss. `--min 0.95` exits 1 below that floor.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { matchKey, normalizeVietnamese } from '../src/lang/normalize.js';
import { extractMetadata } from '../src/structure/extract-metadata.js';
import type { DocumentMeta } from '../src/types.js';

interface Gold {
  type: string | null;
  number: string | null;
  issuedDate: string | null;
  issuer: string | null;
  locality: string | null;
  level: string | null;
  province: string | null;
  signer: string | null;
  title: string | null;
  period: string | null;
  effectiveDate: string | null;
  relations: { kind: string; number: string }[];
}

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, min: { type: 'string' } } });
const root = new URL('..', import.meta.url).pathname;
const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/dev-metadata.json'), 'utf8')) as Record<string, Gold>;
const locate = (key: string): string | undefined =>
  [join(root, '..', 'shared', key), join(root, key)].find((path) => existsSync(path));

/** Same value for a person: case, spacing, tone placement and punctuation aside. */
const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : matchKey(normalizeVietnamese(a!)).replace(/[^a-z0-9]+/g, ' ').trim() === matchKey(normalizeVietnamese(b!)).replace(/[^a-z0-9]+/g, ' ').trim();

const FIELDS = ['type', 'number', 'issuedDate', 'issuer', 'locality', 'level', 'province', 'signer', 'title', 'period', 'effectiveDate'] as const;
/** The fields the issue sets a floor on; the others are reported. */
const REQUIRED = new Set(['type', 'number', 'issuedDate', 'issuer', 'locality', 'signer', 'title']);

const hits = new Map<string, number>(FIELDS.map((field) => [field, 0]));
let relationHits = 0;
let relationGold = 0;
let relationFound = 0;
let documents = 0;
const misses: string[] = [];
for (const [key, expected] of Object.entries(gold)) {
  const path = locate(key);
  if (!path) continue;
  documents += 1;
  const meta: DocumentMeta = extractMetadata(readFileSync(path, 'utf8'), key.split('/').pop()!);
  for (const field of FIELDS) {
    let want = expected[field];
    if (field === 'effectiveDate' && want === 'signing') want = expected.issuedDate;
    const got = meta[field] as string | undefined;
    if (same(got, want)) hits.set(field, hits.get(field)! + 1);
    else misses.push(`${key} ${field}: got ${JSON.stringify(got ?? null)}, want ${JSON.stringify(want)}`);
  }
  const found = new Set((meta.relations ?? []).map((relation) => `${relation.kind}|${relation.number}`));
  relationGold += expected.relations.length;
  relationFound += found.size;
  for (const relation of expected.relations) if (found.has(`${relation.kind}|${relation.number}`)) relationHits += 1;
}

console.log(`Metadata read from the text of ${documents} development documents (no manifest)\n`);
console.log('| field | correct | accuracy |');
console.log('| --- | ---: | ---: |');
let failed = false;
for (const field of FIELDS) {
  const accuracy = hits.get(field)! / documents;
  if (values.min && REQUIRED.has(field) && accuracy < Number(values.min)) failed = true;
  console.log(`| ${field}${REQUIRED.has(field) ? '' : ' (reported)'} | ${hits.get(field)}/${documents} | ${(accuracy * 100).toFixed(1)}% |`);
}
console.log(`| relations (recall / precision) | ${relationHits}/${relationGold} | ${((relationHits / relationGold) * 100).toFixed(1)}% / ${((relationHits / Math.max(1, relationFound)) * 100).toFixed(1)}% |`);
if (values.verbose) for (const miss of misses) console.log(`  miss ${miss}`);
if (failed) {
  console.error(`\nA required field is below ${values.min}.`);
  process.exit(1);
}
