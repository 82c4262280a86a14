import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

// A file renamed into place must be on disk before the rename, and the rename itself must be on disk before anyone
// relies on it: otherwise a power cut can leave the new name pointing at a file whose contents were never written.

/** Flushes a file's contents (or a directory's entries) to disk. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Moves a written file into place so that after a power cut `target` is either the old file or all of the new one. */
export function replaceDurably(written: string, target: string): void {
  syncPath(written);
  renameSync(written, target);
  syncPath(dirname(target));
}
