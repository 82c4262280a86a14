import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestLines } from './newest-lines.js';

export type AuditAction = 'login' | 'login-failed' | 'logout' | 'upload' | 'replace' | 'update-metadata' | 'delete' | 'job-done' | 'job-failed' | 'export-feedback';

/** One administrative action: what, on which document, when, and from which address. */
export interface AuditEntry {
  at: string;
  action: AuditAction;
  /** The client address (X-Forwarded-For's last entry behind a trusted proxy). */
  client: string;
  /** How the caller proved it may act: the API token, or a session of the admin page. */
  via?: 'token' | 'session';
  docId?: string;
  file?: string;
  jobId?: string;
  detail?: string;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'>): void;
  /** The latest entries, newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}

export interface AuditLogOptions {
  /** The current file rotates before it would grow past this. */
  maxBytes?: number;
  /** Files kept, the current one included: at most files × maxBytes on disk. */
  files?: number;
  now?: () => Date;
}

/**
 * JSON lines in `${dataDir}/admin/audit.jsonl`, rotated to audit.1.jsonl, audit.2.jsonl… so it stays bounded
 * (4 × 1 MB: some 10,000 actions). It names addresses and documents: the folder is 0700, the files 0600.
 * Appends are synchronous, so two never interleave.
 */
export function createAuditLog(dataDir: string, { maxBytes = 1024 * 1024, files = 4, now = () => new Date() }: AuditLogOptions = {}): AuditLog {
  const dir = join(dataDir, 'admin');
  const path = (n: number) => join(dir, n === 0 ? 'audit.jsonl' : `audit.${n}.jsonl`);
  let size: number | undefined;

  const prepare = (): number => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    if (!existsSync(path(0))) return 0;
    // A line cut short by a crash is ended, so that the next entry does not run into it.
    const text = readFileSync(path(0));
    if (text.length > 0 && text.at(-1) !== 0x0a) appendFileSync(path(0), '\n');
    return statSync(path(0)).size;
  };

  return {
    record(entry) {
      const line = `${JSON.stringify({ at: now().toISOString(), ...entry })}\n`;
      const bytes = Buffer.byteLength(line);
      size ??= prepare();
      if (size > 0 && size + bytes > maxBytes) {
        rmSync(path(files - 1), { force: true });
        for (let n = files - 1; n > 0; n -= 1) if (existsSync(path(n - 1))) renameSync(path(n - 1), path(n));
        size = 0;
      }
      appendFileSync(path(0), line, { encoding: 'utf8', mode: 0o600 });
      size += bytes;
    },
    async recent(limit) {
      const entries: AuditEntry[] = [];
      for await (const entry of newestLines(Array.from({ length: files }, (_, n) => path(n)))) {
        if (entries.length >= limit) break;
        entries.push(entry as AuditEntry);
      }
      return entries;
    },
  };
}
