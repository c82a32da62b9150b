// Chooses the adapter, opens it and runs the migrations.
import { createCorpus } from './corpus.ts';
import { defaultDataDir, openPglite, openPostgres, type Db } from './db.ts';
import { migrate } from './schema.ts';
import type { Store, StoreLocation } from './types.ts';

export async function openStoreImpl(location: StoreLocation): Promise<Store> {
  const url = location.db ?? (location.data ? undefined : process.env.DATABASE_URL);
  const db: Db = url
    ? await openPostgres(url, location.schema)
    : await openPglite(location.data ?? defaultDataDir());
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createCorpus(db);
}
