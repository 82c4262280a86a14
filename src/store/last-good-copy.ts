import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { openCheckedCollection } from './check-collection.js';
import { replaceDurably, syncPath } from './durable-files.js';
import { DATABASE_FILE, openCollectionStore, type CollectionStore } from './sqlite-store.js';

// The last good copy of the collection: made by an ingest that changed the collection, restored when the database
// cannot serve. It costs as much disk as the database (840 MB at 14,000 documents) and 5 s to write at that size,
// so it is renewed at most once a day, and only by an ingest that changed much: an older copy serves just as well,
// since the ingest that follows a restore brings it in line with the corpus folder, reading only the files changed
// since.

export const LAST_GOOD_FILE = 'collection.last-good.db';
/** The latest database found damaged, kept for a look (one only: each is as large as the collection). */
export const DAMAGED_FILE = 'collection.damaged.db';
const LAST_GOOD_MAX_AGE_MS = 24 * 3_600_000;
/** The share of the documents an ingest must change for an older copy to be renewed. */
const MIN_CHANGED_SHARE = 0.1;

/** An ingest that changed at least a tenth of the documents: worth the whole-collection upkeep a few never pay for. */
export const isLargeChange = (change: { changed: number; documents: number }): boolean => change.changed >= change.documents * MIN_CHANGED_SHARE;

/**
 * Copies the collection to the last good copy when there is none, or when it is over a day old and this ingest
 * changed at least a tenth of the documents. Adding, replacing or removing a few documents never pays for a copy
 * (5 s at 14,000 documents, against 2 s for the change itself): the ingest after a restore re-reads what changed
 * since the copy. The copy reads every row, so a damaged collection fails to copy rather than replace a good copy.
 * Never throws: a copy is a spare.
 */
export function saveLastGood(store: CollectionStore, dataDir: string, logger: Logger, change: { changed: number; documents: number }, now = Date.now()): boolean {
  const target = join(dataDir, LAST_GOOD_FILE);
  if (existsSync(target) && (now - statSync(target).mtimeMs < LAST_GOOD_MAX_AGE_MS || !isLargeChange(change))) return false;
  const temp = join(dataDir, `.${LAST_GOOD_FILE}.${process.pid}`);
  try {
    rmSync(temp, { force: true });
    store.copyTo(temp);
    replaceDurably(temp, target);
    return true;
  } catch (error) {
    rmSync(temp, { force: true });
    logger.warn({ err: error }, 'the last good copy of the collection could not be written; the previous one is kept');
    return false;
  }
}

/** Moves the database (and its write-ahead log, which belongs to it alone) out of the way. */
function setAside(dataDir: string): void {
  const file = join(dataDir, DATABASE_FILE);
  const aside = join(dataDir, DAMAGED_FILE);
  rmSync(`${aside}-wal`, { force: true });
  if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${aside}-wal`);
  rmSync(`${file}-shm`, { force: true });
  renameSync(file, aside);
  syncPath(dataDir);
}

export type RepairOutcome = 'sound' | 'missing' | 'restored' | 'set-aside';

/**
 * Makes the collection database in `dataDir` fit to serve, or absent so that the ingest rebuilds it from the
 * corpus. The caller holds the writer's lock. A database that cannot serve is set aside (as DAMAGED_FILE) and
 * replaced by the last good copy when that one is sound; a missing one too. Logs why. `metadata`: see
 * openCheckedCollection (the ingest, run often, leaves it to start-up).
 */
export function repairCollection(dataDir: string, logger: Logger, options = { metadata: true }): RepairOutcome {
  const checked = openCheckedCollection(dataDir, options);
  if (checked && 'store' in checked) {
    checked.store.close();
    return 'sound';
  }
  const copy = join(dataDir, LAST_GOOD_FILE);
  if (checked) {
    logger.warn({ dataDir, problem: checked.problem, setAside: DAMAGED_FILE }, `the collection database cannot serve (${checked.problem}): it is set aside`);
    setAside(dataDir);
  }
  if (!existsSync(copy)) {
    if (checked) logger.warn({ dataDir }, 'no last good copy of the collection is kept: it is rebuilt from the corpus folder');
    return checked ? 'set-aside' : 'missing';
  }
  const temp = join(dataDir, `.${DATABASE_FILE}.${process.pid}`);
  copyFileSync(copy, temp);
  replaceDurably(temp, join(dataDir, DATABASE_FILE));
  const restored = openCheckedCollection(dataDir);
  if (restored && 'store' in restored) {
    restored.store.close();
    // A new identity: vectors indexed for the database it replaces must not be taken for its own.
    const store = openCollectionStore(dataDir);
    store.renewIdentity();
    store.close();
    logger.warn({ dataDir, copy: LAST_GOOD_FILE, copiedAt: statSync(copy).mtime.toISOString() }, 'the collection is restored from its last good copy');
    return 'restored';
  }
  logger.warn({ dataDir, problem: restored && 'problem' in restored ? restored.problem : 'missing' }, 'the last good copy cannot serve either: it is dropped and the collection rebuilt from the corpus folder');
  for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, LAST_GOOD_FILE]) rmSync(join(dataDir, file), { force: true });
  return 'set-aside';
}
