import { createPostgresPool } from '../src/store/postgres-pool.js';
import { openPostgresCollection } from '../src/store/postgres-collection.js';
import { silentLogger } from '../src/logger.js';
import { analyzeQuery } from '../src/retrieval/vietnamese-analyzer.js';
import { CURATED_ABBREVIATIONS } from '../src/lang/abbreviations.js';
import { QUESTIONS } from './scale-corpus.js';
const url = 'postgres://hoidap_test:hoidap_test@127.0.0.1:5432/bench_pg_dev';
const pool = createPostgresPool(url, { size: 4, logger: silentLogger });
const c = await openPostgresCollection(pool, { url, database: 'x', logger: silentLogger });
const total = (await c.chunkCounts()).chunks;
let sum = 0;
for (const q of QUESTIONS) {
  const { terms, weights } = analyzeQuery(q, CURATED_ABBREVIATIONS);
  const typed = terms.filter((term) => (weights.get(term) ?? 1) >= 0.5);
  const df = await c.documentFrequencies(typed.length ? typed : terms);
  const byRarity = [...df].filter(([, f]) => f > 0).sort((a, b) => a[1] - b[1]);
  const uncommon = byRarity.filter(([, f]) => f < total * 0.05);
  const sel = (uncommon.length >= 3 ? uncommon : byRarity.slice(0, 3)).slice(0, 12).map(([t]) => t);
  const t = performance.now();
  const hits = await c.search(sel, { limit: 50, weights: [1, 1.2, 1] });
  const ms = performance.now() - t; sum += ms;
  console.log(q.slice(0, 40).padEnd(40), sel.length, hits.length, ms.toFixed(1), 'ms');
}
console.log('mean', (sum / QUESTIONS.length).toFixed(1));
await c.close(); await pool.end();
