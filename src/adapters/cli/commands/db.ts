import { BackupError } from '../../../server/db/store.js';
import { usageError } from '../load.js';
import { withCliStore } from '../open-cli-store.js';
import { EXIT_OK, type Io, json } from '../output.js';
import type { StoreFlags } from '../store-location.js';

export async function dbBackupCommand(
  file: string,
  options: StoreFlags & { force?: boolean; json?: boolean },
  io: Io,
): Promise<number> {
  // Not migrating: a backup copies the database as it is, and must work before an upgrade too.
  return withCliStore(
    options,
    io,
    async (store) => {
      try {
        const result = await store.backup(file, { force: options.force });
        if (options.json) io.out(json({ ...result, schemaVersion: store.schemaVersion }));
        else {
          const size = result.bytes.toLocaleString('en-US');
          io.out(`wrote ${result.file}: ${size} bytes, schema version ${store.schemaVersion}\n`);
          io.out(`  method: ${result.method}\n`);
        }
        return EXIT_OK;
      } catch (error) {
        if (error instanceof BackupError) return usageError(io, error.message);
        throw error;
      }
    },
    { migrate: false },
  );
}

export async function dbMigrateCommand(options: StoreFlags & { json?: boolean }, io: Io): Promise<number> {
  return withCliStore(options, io, async (store) => {
    if (options.json) io.out(json({ dialect: store.dialect, schemaVersion: store.schemaVersion }));
    else io.out(`${store.dialect} database at schema version ${store.schemaVersion} (up to date)\n`);
    return EXIT_OK;
  });
}
