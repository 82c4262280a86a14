// Where an evaluation set's collection lives: its corpus folder (one folder as is, several joined by symbolic links)
// and its own data folder — or, with DATABASE_URL, its own PostgreSQL database — so sets never share an index and a
// second run reuses what the first one built.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { AppError } from '../errors.js';

export interface CollectionFolders {
  corpusDir: string;
  dataDir: string;
}

export async function prepareCollection(name: string, corpus: readonly string[], workDir: string): Promise<CollectionFolders> {
  for (const folder of corpus) {
    if (!existsSync(folder)) {
      throw new AppError('not_found', `The evaluation set "${name}" needs the folder ${folder}, which does not exist (evaluate the other sets with --sets)`);
    }
  }
  const dataDir = path.join(workDir, name, 'data');
  if (corpus.length === 1) return { corpusDir: corpus[0], dataDir };
  const corpusDir = path.join(workDir, name, 'corpus');
  await rm(corpusDir, { recursive: true, force: true });
  await mkdir(corpusDir, { recursive: true });
  const linked = new Map<string, string>();
  for (const folder of corpus) {
    for (const file of await readdir(folder)) {
      // Each folder describes itself in a README, which is not a document.
      if (file.toLowerCase() === 'readme.md') continue;
      const earlier = linked.get(file);
      if (earlier) throw new AppError('invalid_request', `The evaluation set "${name}" has ${file} in both ${earlier} and ${folder}`);
      linked.set(file, folder);
      await symlink(path.join(folder, file), path.join(corpusDir, file));
    }
  }
  return { corpusDir, dataDir };
}

/**
 * The set's own database beside the one `url` names (`<database>_<set>`), created when missing: the evaluation of
 * the PostgreSQL store builds each set's collection there, and a second run reuses it.
 */
export async function prepareSetDatabase(name: string, url: string): Promise<string> {
  const target = new URL(url);
  const database = `${decodeURIComponent(target.pathname.slice(1)) || 'postgres'}_${name}`.toLowerCase().replace(/[^a-z0-9_]/gu, '_');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  target.pathname = `/${database}`;
  return target.toString();
}
