import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, openCollectionStore, type CollectionStore } from './sqlite-store.js';

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** What the file's own header says is wrong with it (not a database, shorter than it says it is), or null. */
function headerProblem(file: string): string | null {
  const { size } = statSync(file);
  if (size === 0) return 'the file is empty';
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, HEADER.length).equals(HEADER)) return 'the file is not a SQLite database';
  const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // The page count is valid when the change counter matches (SQLite's rule); pages still in a write-ahead log are
  // not in the file yet, so only a file without one can be measured against it.
  const counted = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const wal = `${file}-wal`;
  const walEmpty = !existsSync(wal) || statSync(wal).size === 0;
  if (counted && walEmpty && size < pages * pageSize) return `the file is cut short (${size} of ${pages * pageSize} bytes)`;
  return null;
}

/**
 * The collection database in `dataDir` opened for serving once a look that does not grow with its size found
 * nothing wrong; why it cannot serve otherwise; undefined when there is none. `metadata` reads every document's
 * metadata too (see CollectionStore.problem).
 */
export function openCheckedCollection(dataDir: string, options = { metadata: true }): { store: CollectionStore } | { problem: string } | undefined {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return undefined;
  const problem = headerProblem(file);
  if (problem) return { problem };
  let store: CollectionStore;
  try {
    store = openCollectionStore(dataDir, { readonly: true });
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const found = store.problem(options);
  if (!found) return { store };
  store.close();
  return { problem: found };
}
