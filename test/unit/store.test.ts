/**
 * Runs the store conformance suite against PGlite (always) and against the
 * PostgreSQL server of $CROSSCHECK_TEST_DATABASE_URL (default: the local test
 * database) when it answers; each run uses its own schema, dropped afterwards.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresAnswers, TEST_DATABASE_URL } from '../postgres-server.ts';
import { openPglite, openPostgres } from '../../src/store/db.ts';
import { openStore, StoreError } from '../../src/store/index.ts';
import { runStoreConformance } from './store.cases.ts';

const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-store-'));
const dataDir = join(scratch, 'data');
const templateDir = join(scratch, 'template');
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh empty store: PGlite's initdb takes seconds, so it runs once and is copied. */
async function resetPglite(): Promise<void> {
  if (!existsSync(templateDir)) await (await openStore({ data: templateDir })).close();
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(templateDir, dataDir, { recursive: true });
}

runStoreConformance({
  name: 'pglite',
  open: () => openStore({ data: dataDir }),
  raw: () => openPglite(dataDir),
  reset: resetPglite,
  makeForeign: () => {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'thesis-draft.txt'), 'not a database\n');
    return Promise.resolve();
  },
  concurrentWriters: false,
});

const url = TEST_DATABASE_URL;

if (await postgresAnswers()) {
  const schema = `crosscheck_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  after(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  runStoreConformance({
    name: 'postgres',
    open: () => openStore({ db: url, schema }),
    raw: () => openPostgres(url, schema),
    reset: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
    makeForeign: () => admin(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.invoices (id int)`),
    concurrentWriters: true,
  });
} else {
  console.log(`# PostgreSQL store tests skipped: no server answers at ${url}`);
}

test('pglite: a data directory whose database files are gone is reported as corrupt, not recreated', async () => {
  const dir = join(scratch, 'corrupt');
  await (await openStore({ data: dir })).close();
  rmSync(join(dir, 'pgdata'), { recursive: true, force: true });
  await assert.rejects(openStore({ data: dir }), (error: unknown) => {
    assert.ok(error instanceof StoreError);
    assert.equal(error.ruleId, 'store-corrupt');
    assert.match(error.message, /corrupt/);
    return true;
  });
  assert.equal(existsSync(join(dir, 'pgdata')), false, 'nothing was recreated');
});
