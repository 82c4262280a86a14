import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { HnswLibrary } from '../retrieval/vector-index.js';
import type { CollectionTarget } from '../store/collection-writer.js';
import { createPostgresPool, describeDatabase } from '../store/postgres-pool.js';
import { postgresTarget } from './postgres-target.js';
import { sqliteTarget } from './sqlite-target.js';

/** Connections an ingest needs: the writer's (holding the lock), and one for migrations and the refusal message. */
const INGEST_POOL_SIZE = 2;

/** Where the configuration puts the collection: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function configuredTarget(config: Config, logger: Logger, options: { loadHnsw?: () => Promise<HnswLibrary> } = {}): { target: CollectionTarget; close(): Promise<void> } {
  if (!config.DATABASE_URL) return { target: sqliteTarget({ dataDir: config.DATA_DIR, logger, loadHnsw: options.loadHnsw }), close: async () => {} };
  const pool = createPostgresPool(config.DATABASE_URL, { size: INGEST_POOL_SIZE, logger, applicationName: 'hoi-dap-ke-hoach ingest' });
  return { target: postgresTarget({ pool, database: describeDatabase(config.DATABASE_URL) }), close: () => pool.end() };
}
