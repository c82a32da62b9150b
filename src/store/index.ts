// The corpus store's public surface. Implementation lands in ./open.ts.
import type { Store, StoreLocation } from './types.ts';

export * from './types.ts';

/**
 * Open (creating and migrating as needed) the store at `location`:
 * `db` (or `$DATABASE_URL`) selects a PostgreSQL server, otherwise PGlite in
 * `data` (or `$CROSSCHECK_DATA`, or `./.crosscheck`).
 */
export async function openStore(location: StoreLocation = {}): Promise<Store> {
  const { openStoreImpl } = await import('./open.ts');
  return openStoreImpl(location);
}
