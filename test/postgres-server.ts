/**
 * The PostgreSQL server the store tests use: `CROSSCHECK_TEST_DATABASE_URL`, or
 * the local one. Tests that need it are skipped with a notice when it does not
 * answer, so a machine without PostgreSQL still runs the rest.
 */
import pg from 'pg';

export const TEST_DATABASE_URL =
  process.env.CROSSCHECK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when the test server accepts a connection and answers a query within 2 s. */
export async function postgresAnswers(url = TEST_DATABASE_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
