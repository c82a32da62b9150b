/**
 * The one seam between the store and its two engines: a query function and a
 * transaction. Everything else (schema, migrations, the corpus logic) is
 * written once against this and runs on PGlite and on PostgreSQL alike.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { StoreError } from './types.ts';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<R extends object = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Human-readable location (directory, or URL with the password hidden). */
  readonly location: string;
  /**
   * Runs `work` in one transaction. On PostgreSQL it also takes the corpus-wide
   * advisory lock, so concurrent writers (two `add`s, several workers) place
   * articles one at a time and never see half of another's story.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Bytes on disk (data directory size, or the schema's relations). */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

/** Key of the advisory lock serialising writers of one corpus (per schema). */
const LOCK_NAMESPACE = 'crosscheck-corpus';

const MARKER = 'crosscheck-store.json';
const MARKER_CONTENT = { app: 'crosscheck', layout: 1, engine: 'pglite' };

/** Default data directory: `$CROSSCHECK_DATA` or `./.crosscheck`. */
export function defaultDataDir(): string {
  return resolve(process.env.CROSSCHECK_DATA ?? '.crosscheck');
}

function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data directory for this process. PGlite is single-process: two
 * processes on one directory would corrupt it, so the second is refused.
 */
const heldByThisProcess = new Set<string>();

function lockDataDir(dir: string): () => void {
  const lockPath = join(dir, 'crosscheck.lock');
  if (heldByThisProcess.has(dir)) {
    throw new StoreError(
      `${dir}: already open in this process; the embedded store takes one connection at a time`,
      'store-locked',
    );
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      heldByThisProcess.add(dir);
      return () => {
        heldByThisProcess.delete(dir);
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isPidAlive(pid)) {
        throw new StoreError(
          `${dir}: in use by another crosscheck process (pid ${pid}); the embedded store takes one process at a time — use a PostgreSQL store (--db) for concurrent writers`,
          'store-locked',
        );
      }
      // A lock left by a process that died (killed mid-add): take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new StoreError(`${dir}: could not take the store lock`, 'store-locked');
}

/**
 * Opens PGlite in `dir/pgdata`. A directory that exists, is not empty and has
 * no crosscheck marker is someone else's: refused, never written to.
 */
export async function openPglite(dir: string): Promise<Db> {
  const root = resolve(dir);
  const markerPath = join(root, MARKER);
  const pgdata = join(root, 'pgdata');
  if (existsSync(root)) {
    const entries = readdirSync(root);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new StoreError(
        `${root}: not a crosscheck data directory (it holds other files and no ${MARKER}); refusing to write into it — choose another --data directory`,
        'store-foreign',
      );
    }
    if (entries.includes(MARKER)) {
      let marker: unknown;
      try {
        marker = JSON.parse(readFileSync(markerPath, 'utf8'));
      } catch {
        throw new StoreError(
          `${root}: ${MARKER} is unreadable; the store looks corrupt`,
          'store-corrupt',
        );
      }
      if ((marker as { app?: unknown }).app !== 'crosscheck') {
        throw new StoreError(
          `${root}: ${MARKER} does not describe a crosscheck store`,
          'store-foreign',
        );
      }
      if (!existsSync(join(pgdata, 'PG_VERSION'))) {
        throw new StoreError(
          `${root}: the database files (pgdata/PG_VERSION) are missing; the store looks corrupt`,
          'store-corrupt',
        );
      }
    }
  } else {
    mkdirSync(root, { recursive: true });
  }
  const unlock = lockDataDir(root);
  const { PGlite } = await import('@electric-sql/pglite');
  let pg: InstanceType<typeof PGlite>;
  try {
    pg = await PGlite.create(pgdata);
  } catch (error) {
    unlock();
    throw new StoreError(
      `${root}: the embedded database would not open (${error instanceof Error ? error.message : String(error)}); the store looks corrupt`,
      'store-corrupt',
    );
  }
  if (!existsSync(markerPath)) writeFileSync(markerPath, JSON.stringify(MARKER_CONTENT) + '\n');
  const query = async <R extends object>(sql: string, params?: unknown[]) =>
    (await pg.query<R>(sql, params)).rows;
  return {
    kind: 'pglite',
    location: root,
    query,
    exec: async (sql) => {
      await pg.exec(sql);
    },
    transaction: (work) =>
      pg.transaction((tx) =>
        work({
          query: async <R extends object>(sql: string, params?: unknown[]) =>
            (await tx.query<R>(sql, params)).rows,
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    sizeBytes: () => Promise.resolve(directorySize(root)),
    close: async () => {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

function directorySize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      try {
        total += statSync(join(entry.parentPath, entry.name)).size;
      } catch {
        // a file removed while walking (PGlite temp files) counts as nothing
      }
    }
  }
  return total;
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable database URL)';
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens a pool on a PostgreSQL server, every connection on `schema`. */
export async function openPostgres(url: string, schema = 'public'): Promise<Db> {
  if (!SCHEMA_NAME.test(schema)) {
    throw new StoreError(
      `schema name ${JSON.stringify(schema)} is not a plain lower-case identifier`,
      'store-foreign',
    );
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  // An idle client losing its server must not crash the process.
  pool.on('error', () => undefined);
  const location = redactUrl(url) + (schema === 'public' ? '' : ` (schema ${schema})`);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new StoreError(
      `${location}: PostgreSQL did not answer (${error instanceof Error ? error.message : String(error)})`,
      'store-unreachable',
    );
  }
  // Two processes opening a new store at once would both try to create the
  // schema, and PostgreSQL's CREATE SCHEMA IF NOT EXISTS is not safe against
  // that race (one fails on pg_namespace's unique index), so creation takes
  // the same advisory lock that serialises writers.
  const setup = await pool.connect();
  try {
    await setup.query('BEGIN');
    await setup.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `${LOCK_NAMESPACE}:${schema}`,
    ]);
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await setup.query('COMMIT');
  } catch (error) {
    await setup.query('ROLLBACK').catch(() => undefined);
    setup.release();
    await pool.end();
    throw new StoreError(
      `${location}: could not create schema ${schema} (${error instanceof Error ? error.message : String(error)})`,
      'store-unreachable',
    );
  }
  setup.release();
  const query = async <R extends object>(sql: string, params?: unknown[]) =>
    (await pool.query(sql, params)).rows as R[];
  return {
    kind: 'postgres',
    location,
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
          `${LOCK_NAMESPACE}:${schema}`,
        ]);
        const result = await work({
          query: async <R extends object>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as R[],
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async sizeBytes() {
      const rows = await query<{ size: string | null }>(
        `SELECT sum(pg_total_relation_size(c.oid))::bigint AS size
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r','m')`,
        [schema],
      );
      return Number(rows[0]?.size ?? 0);
    },
    close: () => pool.end(),
  };
}
