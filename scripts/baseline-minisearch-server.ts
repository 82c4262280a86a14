// The baseline of `npm run bench:scale`: the plain server a team might start from. At every start it reads the
// whole corpus folder, cuts each file into ~1,000-character pieces on paragraph breaks, builds a MiniSearch index
// with the default tokenizer in memory, and answers /api/ask with the three best pieces. Benchmark use only.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import MiniSearch from 'minisearch';

const dir = process.env.CORPUS_DIR ?? './corpus';
const port = Number(process.env.PORT ?? 3200);

interface Piece {
  id: string;
  docId: string;
  text: string;
}

const pieces: Piece[] = [];
for (const file of (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort()) {
  const text = await readFile(join(dir, file), 'utf8');
  let current = '';
  let n = 0;
  for (const paragraph of text.split(/\n\s*\n/u)) {
    if (current.length + paragraph.length > 1000 && current) {
      pieces.push({ id: `${file}#${n++}`, docId: file, text: current });
      current = '';
    }
    current += `${paragraph}\n\n`;
  }
  if (current.trim()) pieces.push({ id: `${file}#${n}`, docId: file, text: current });
}
const index = new MiniSearch<Piece>({ fields: ['text'], storeFields: ['docId', 'text'] });
index.addAll(pieces);

const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok', chunks: pieces.length }));
app.post('/api/ask', async (c) => {
  const { question } = (await c.req.json()) as { question: string };
  const hits = index.search(question).slice(0, 3);
  return c.json({
    answer: hits.map((hit, i) => `${(hit.text as string).slice(0, 400)} [${i + 1}]`).join('\n'),
    citations: hits.map((hit, i) => ({ n: i + 1, docId: hit.docId, quote: hit.text, score: hit.score })),
  });
});
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
