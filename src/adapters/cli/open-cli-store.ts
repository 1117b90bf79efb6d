import { openStore } from '../../server/db/open-store.js';
import { type Store, StoreOpenError, type StoreOptions } from '../../server/db/store.js';
import { usageError } from './load.js';
import type { Io } from './output.js';
import { type StoreFlags, storeOptionsFromFlags } from './store-location.js';

/** Opens the store the flags name; a problem the user can fix is exit 2 with its message. */
export async function openCliStore(
  flags: StoreFlags,
  io: Io,
  extra: Partial<StoreOptions> = {},
): Promise<Store> {
  try {
    return await openStore({ ...storeOptionsFromFlags(flags), ...extra });
  } catch (error) {
    if (error instanceof StoreOpenError) return usageError(io, error.message);
    throw error;
  }
}

/** Runs `body` on the store and closes it, whatever happens. */
export async function withCliStore<T>(
  flags: StoreFlags,
  io: Io,
  body: (store: Store) => Promise<T>,
  extra: Partial<StoreOptions> = {},
): Promise<T> {
  const store = await openCliStore(flags, io, extra);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}
