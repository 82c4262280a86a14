// `npm run bench:ingest`: prints ingest timings (fixture model and lexical-only) and the chunk size distribution.
// A benchmark, not a test: targets on a 2-core machine are cold ≤ 5 s, unchanged re-ingest ≤ 1 s.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runIngest } from '../src/ingest/run-ingest.js';
import { silentLogger } from '../src/logger.js';
import { resolveEmbeddingModel } from '../src/retrieval/embedding-model.js';
import { openKnowledgeBase } from '../src/retrieval/open-knowledge-base.js';
import type { EmbeddingModel } from '../src/types.js';

const REPO = join(import.meta.dirname, '..');
const corpusDir = join(REPO, 'corpus');

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const root = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
try {
  const modelLoad = await timed(() =>
    resolveEmbeddingModel({ modelsDir: join(REPO, 'test/fixtures/models'), modelId: 'fixture/tiny-bert', allowRemote: false, timeoutMs: 10_000, logger: silentLogger }),
  );
  if (!modelLoad.value) throw new Error('fixture model missing: run `npm run fixture:model`');
  const model: EmbeddingModel = modelLoad.value;
  const hybridDir = join(root, 'hybrid');
  const lexicalDir = join(root, 'lexical');
  const ingest = (dataDir: string, embedding: EmbeddingModel | null) => timed(() => runIngest({ corpusDir, dataDir, embedding, logger: silentLogger }));

  const cold = await ingest(hybridDir, model);
  const warm = await ingest(hybridDir, model);
  const lexical = await ingest(lexicalDir, null);
  const open = await timed(() => openKnowledgeBase({ dataDir: hybridDir, embedding: model, logger: silentLogger }));

  console.log('Ingest of the five plans');
  console.log(`  fixture model load             ${seconds(modelLoad.ms)}`);
  console.log(`  cold, hybrid (${model.id})  ${seconds(cold.ms)}  (target ≤ 5 s)  ${cold.value.documents} documents, ${cold.value.chunks} chunks`);
  console.log(`  unchanged re-ingest            ${seconds(warm.ms)}  (target ≤ 1 s)  reused ${warm.value.reused}`);
  console.log(`  cold, lexical-only             ${seconds(lexical.ms)}`);
  console.log(`  openKnowledgeBase (hybrid)     ${seconds(open.ms)}`);

  const kb = open.value!;
  const chunkLists = await Promise.all(kb.catalogue().map((meta) => kb.chunksOf(meta.id)));
  const chunks = chunkLists.flat();
  const sizes = chunks.map((chunk) => chunk.text.length).sort((a, b) => a - b);
  console.log(`\nChunks: ${sizes.length}`);
  kb.catalogue().forEach((meta, i) => console.log(`  ${meta.id.padEnd(28)} ${chunkLists[i].length}`));
  const kinds = new Map<string, number>();
  for (const chunk of chunks) kinds.set(chunk.kind, (kinds.get(chunk.kind) ?? 0) + 1);
  console.log(`  by kind: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  console.log(
    `\nChunk size (chars): min ${sizes[0]}, p10 ${percentile(sizes, 10)}, median ${percentile(sizes, 50)}, p90 ${percentile(sizes, 90)}, max ${sizes.at(-1)}`,
  );
  const edges = [150, 300, 600, 900, 1200, 1500];
  const buckets = [...edges, Infinity].map((upper, i) => {
    const lower = i === 0 ? 0 : edges[i - 1];
    return { label: upper === Infinity ? `${lower}+` : `${lower}-${upper - 1}`, count: sizes.filter((size) => size >= lower && size < upper).length };
  });
  const widest = Math.max(...buckets.map((bucket) => bucket.count));
  for (const bucket of buckets) {
    console.log(`  ${bucket.label.padStart(9)} ${String(bucket.count).padStart(4)} ${'#'.repeat(Math.round((bucket.count / widest) * 40))}`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
