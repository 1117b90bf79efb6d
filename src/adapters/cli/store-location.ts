/**
 * Where the server's store lives, from the flags every store command takes (`--db`, `--data-dir`), falling back
 * to PARLEY_DB and PARLEY_DATA_DIR, then to an embedded SQLite file in ./parley-data.
 */
import type { StoreOptions } from '../../server/db/store.js';

export const DEFAULT_DATA_DIR = 'parley-data';

export interface StoreFlags {
  db?: string;
  dataDir?: string;
}

export function storeOptionsFromFlags(flags: StoreFlags, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const url = flags.db ?? (env.PARLEY_DB?.trim() || undefined);
  const dataDir = flags.dataDir ?? (env.PARLEY_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
  return url === undefined ? { dataDir } : { url, dataDir };
}

export const STORE_FLAG_HELP = {
  db: 'database: postgres://user@host/db, or a SQLite file (default: $PARLEY_DB, else parley.db in the data dir)',
  dataDir: `data directory (default: $PARLEY_DATA_DIR, else ./${DEFAULT_DATA_DIR})`,
} as const;
