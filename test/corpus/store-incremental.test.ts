/**
 * Incremental = batch, on real news text: the ECB+ test documents (topics
 * 36-45) are added to a store one by one in a shuffled order; the stories and
 * every dossier must equal `clusterStories` + `buildDossier` over the whole set.
 * The store annotates each article itself, as `crosscheck add` does, so the
 * annotations it works from are read in another order than the batch's.
 * Runs on PostgreSQL when the local server answers (faster), else on PGlite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresAnswers, TEST_DATABASE_URL } from '../postgres-server.ts';
import { TEST_TOPICS } from '../../eval/ecbplus.ts';
// A fixed shuffle (mulberry32) so a failure can be replayed.
import { ecbPlusArticles, shuffled } from '../../eval/ecbplus-sample.ts';
import { annotate } from '../../src/annotate/index.ts';
import { clusterStories } from '../../src/cluster/index.ts';
import { buildDossier } from '../../src/dossier/index.ts';
import { openStore } from '../../src/store/index.ts';

/** Path of the first difference between two JSON values, for a readable failure. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const d = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (d) return d;
  }
  return undefined;
}

const url = TEST_DATABASE_URL;

test('ECB+ test topics added one by one in shuffled order give the batch stories and dossiers', async () => {
  const articles = ecbPlusArticles({ topics: TEST_TOPICS });
  assert.ok(articles.length > 150, `read ${articles.length} ECB+ test documents`);
  // The batch annotates in corpus order. Annotation does not depend on what was
  // read before (see src/annotate/nlp.ts), so the store, annotating in shuffled
  // order, must come to the same annotations and hence the same dossiers.
  const annotated = articles.map((a) => annotate(a));
  const batchStories = clusterStories(annotated);
  const batch = new Map(
    batchStories.map((s) => [s.id, JSON.parse(JSON.stringify(buildDossier(s))) as unknown]),
  );

  const usePostgres = await postgresAnswers();
  const schema = `crosscheck_incr_${process.pid}`;
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-incr-'));
  const store = await openStore(
    usePostgres ? { db: url, schema } : { data: join(scratch, 'data') },
  );
  console.log(
    `# incremental test on ${store.kind}, ${articles.length} articles, ${batch.size} batch stories`,
  );
  try {
    for (const article of shuffled(articles, 20261121)) {
      const result = await store.addArticle(article);
      assert.equal(result.outcome, 'added', `${article.id}: ${JSON.stringify(result.diagnostics)}`);
    }
    const stored = await store.listStories({ limit: 10_000 });
    assert.deepEqual(stored.map((s) => s.id).sort(), [...batch.keys()].sort());
    let multi = 0;
    for (const [id, dossier] of batch) {
      const got = await store.getStory(id);
      const difference = firstDifference(got, dossier);
      assert.equal(difference, undefined, `dossier of story ${id} differs at ${difference}`);
      if ((got?.articles.length ?? 0) > 1) multi++;
    }
    assert.ok(multi > 5, 'the comparison covers stories of several articles');
  } finally {
    await store.close();
    rmSync(scratch, { recursive: true, force: true });
    if (usePostgres) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
});
