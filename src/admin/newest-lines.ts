import { readFile } from 'node:fs/promises';

/**
 * The JSON lines of a rotated log, newest first: `files` from the current one to the oldest, each read from its
 * last line up. A missing file is skipped (not rotated yet), and so is a line that is not JSON (cut short by a
 * crash mid-write). Files are read one at a time, only as far as the caller iterates.
 */
export async function* newestLines(files: readonly string[]): AsyncGenerator<unknown> {
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n');
    for (let i = lines.length - 1; i >= 0; i -= 1) {
      if (lines[i].trim() === '') continue;
      try {
        yield JSON.parse(lines[i]) as unknown;
      } catch {
        // A line cut short is no entry.
      }
    }
  }
}
