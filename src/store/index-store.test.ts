import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { Chunk, SourceDocument } from '../types.js';
import { INDEX_FORMAT_VERSION, readIndex, writeIndex, type StoredIndex } from './index-store.js';

function makeIndex(label: string, options: { vectors?: StoredIndex['vectors'] } = {}): StoredIndex {
  const text = `KẾ HOẠCH ${label}\nI. MỤC ĐÍCH\nNâng cao chất lượng chăm sóc sức khỏe người cao tuổi.`;
  const doc: SourceDocument = { meta: { id: `doc-${label}`, title: `Kế hoạch ${label}`, sourceFile: `${label}.txt` }, text, hash: `hash-${label}` };
  const split = text.indexOf('I.');
  const chunks: Chunk[] = [
    { id: `doc-${label}#0`, docId: doc.meta.id, section: [], kind: 'header', start: 0, end: split - 1, text: text.slice(0, split - 1) },
    { id: `doc-${label}#1`, docId: doc.meta.id, section: ['I. MỤC ĐÍCH'], kind: 'body', start: split, end: text.length, text: text.slice(split) },
  ];
  return {
    manifest: {
      version: INDEX_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      modelId: 'test/model',
      documents: [{ id: doc.meta.id, sourceFile: doc.meta.sourceFile, hash: doc.hash, chunkCount: chunks.length }],
    },
    documents: [doc],
    chunks,
    outlines: { [doc.meta.id]: [{ title: 'I. MỤC ĐÍCH', depth: 0, start: split, end: text.length, kind: 'roman', number: 'I' }] },
    lexical: { label, terms: ['sức khỏe'] },
    embeddings: new Map([
      [chunks[0].id, [0.25, -0.5, 1]],
      [chunks[1].id, [0.125, 0.75, -1]],
    ]),
    ...options,
  };
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'index-store-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('writeIndex / readIndex', () => {
  it('returns null when no index was ever written (also when the folder does not exist)', async () => {
    expect(await readIndex(dataDir)).toBeNull();
    expect(await readIndex(join(dataDir, 'missing'))).toBeNull();
  });

  it('round-trips documents, chunks (texts restored from the document), lexical JSON, embeddings and manifest', async () => {
    const index = makeIndex('a');
    await writeIndex(dataDir, index);
    const read = await readIndex(dataDir);
    expect(read).not.toBeNull();
    expect(read!.manifest).toEqual(index.manifest);
    expect(read!.documents).toEqual(index.documents);
    expect(read!.chunks).toEqual(index.chunks);
    expect(read!.outlines).toEqual(index.outlines);
    expect(read!.lexical).toEqual(index.lexical);
    expect(read!.embeddings).toEqual(index.embeddings);
    expect(read!.vectors).toBeUndefined();
  });

  it('writes the vectors through the save callback and gives back their folder, which can be re-saved elsewhere', async () => {
    await writeIndex(dataDir, makeIndex('a', { vectors: { save: (dir) => writeFile(join(dir, 'hnsw.bin'), 'vectors-a') } }));
    const read = await readIndex(dataDir);
    expect(await readFile(join(read!.vectors!.dir!, 'hnsw.bin'), 'utf8')).toBe('vectors-a');
    // Rewriting a read index as-is copies its vector files into the new version.
    await writeIndex(dataDir, read!);
    const again = await readIndex(dataDir);
    expect(again!.vectors!.dir).not.toBe(read!.vectors!.dir);
    expect(await readFile(join(again!.vectors!.dir!, 'hnsw.bin'), 'utf8')).toBe('vectors-a');
  });

  it('a crash while writing the new version leaves the previous index loadable with its old content', async () => {
    await writeIndex(dataDir, makeIndex('old'));
    const crashing = makeIndex('new', {
      vectors: {
        async save(dir) {
          await writeFile(join(dir, 'hnsw.bin'), 'half-writ');
          throw new Error('disk full');
        },
      },
    });
    await expect(writeIndex(dataDir, crashing)).rejects.toThrow('disk full');
    const read = await readIndex(dataDir);
    expect(read!.documents[0].meta.id).toBe('doc-old');
    expect(read!.lexical).toEqual({ label: 'old', terms: ['sức khỏe'] });
    expect((await readdir(dataDir)).filter((name) => name.startsWith('index-'))).toHaveLength(1);
  });

  it('ignores abandoned temp and version folders (a crash before the switch) and cleans them up on the next write', async () => {
    await writeIndex(dataDir, makeIndex('old'));
    // What a process killed mid-write leaves: a half-written temp folder, a complete but never-switched version, a pointer temp file.
    await mkdir(join(dataDir, '.tmp-20990101T000000000Z-dead01'));
    await writeFile(join(dataDir, '.tmp-20990101T000000000Z-dead01', 'documents.json'), '[{"meta":');
    await mkdir(join(dataDir, 'index-20990101T000000000Z-dead02'));
    await writeFile(join(dataDir, 'index-20990101T000000000Z-dead02', 'manifest.json'), '{}');
    await writeFile(join(dataDir, '.tmp-CURRENT-dead03'), 'index-20990101T000000000Z-dead02\n');

    expect((await readIndex(dataDir))!.documents[0].meta.id).toBe('doc-old');

    await writeIndex(dataDir, makeIndex('new'));
    const entries = await readdir(dataDir);
    expect(entries.filter((name) => name.startsWith('.tmp-'))).toEqual([]);
    expect(entries.filter((name) => name.startsWith('index-'))).toHaveLength(1);
    expect(entries).toContain('CURRENT');
    expect((await readIndex(dataDir))!.documents[0].meta.id).toBe('doc-new');
  });

  it('switches the CURRENT pointer to the new version and removes the old one', async () => {
    await writeIndex(dataDir, makeIndex('one'));
    const first = (await readFile(join(dataDir, 'CURRENT'), 'utf8')).trim();
    await writeIndex(dataDir, makeIndex('two'));
    const second = (await readFile(join(dataDir, 'CURRENT'), 'utf8')).trim();
    expect(second).not.toBe(first);
    expect(await readdir(dataDir)).not.toContain(first);
    expect((await readIndex(dataDir))!.manifest.documents[0].id).toBe('doc-two');
  });

  it.each([
    ['a pointer to a missing version', async () => writeFile(join(dataDir, 'CURRENT'), 'index-nope\n')],
    ['a corrupt JSON file', async (version: string) => writeFile(join(dataDir, version, 'chunks.json'), '[{"id": "doc-a#0",')],
    ['truncated embeddings', async (version: string) => writeFile(join(dataDir, version, 'embeddings.f32'), new Uint8Array(5))],
    [
      'an older format version',
      async (version: string) => {
        const manifest = JSON.parse(await readFile(join(dataDir, version, 'manifest.json'), 'utf8'));
        await writeFile(join(dataDir, version, 'manifest.json'), JSON.stringify({ ...manifest, version: 0 }));
      },
    ],
  ])('throws AppError index_unavailable for %s', async (_label, corrupt) => {
    await writeIndex(dataDir, makeIndex('a'));
    await corrupt((await readFile(join(dataDir, 'CURRENT'), 'utf8')).trim());
    const error = await readIndex(dataDir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('index_unavailable');
  });
});
