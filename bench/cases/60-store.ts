/**
 * The corpus store: `add` of ECB+ and PolNeAR articles into PGlite and into
 * PostgreSQL (articles/s, peak memory, size on disk, time per article as the
 * corpus grows), then the time to add one more article to that corpus against
 * the time of the same article into an empty store. Articles are annotated
 * once up front (annotation speed is bench 20's subject) and stored with
 * `addAnnotated`, so the figures are the store's: placement, re-clustering the
 * joined candidate group, dossiers, SQL. The corpus goes in as `crosscheck
 * add <dir>` puts it: one transaction per article with the dossiers deferred,
 * then every changed story's dossier rebuilt once (`flushDossiers`, timed
 * apart). "One more" is the add of a held-out article to that corpus, timed
 * in the same two steps (placement with the dossier deferred, then the
 * rebuild of the dossiers it changed), and set beside the same stories'
 * dossiers built in memory.
 *
 * Knobs (environment):
 * - CROSSCHECK_BENCH_STORE_N: corpus size, a fixed shuffled sample of both
 *   corpora (default: all of them, 1,900 plus the 5 held-out articles, as the
 *   issue asks; about ten minutes for both stores. 400 gives a quick look).
 * - CROSSCHECK_BENCH_STORE_ADAPTERS: `pglite,postgres` (default) or one of them.
 * - CROSSCHECK_BENCH_STORE_BUDGET_S: seconds of adding per adapter after which
 *   it stops and reports the size it reached (default: no limit).
 * Progress goes to stderr every 100 articles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import type { AnnotatedArticle } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { articleOrder } from '../../src/cluster/index.ts';
import { buildDossier } from '../../src/dossier/index.ts';
import { openStore, type Store, type StoreLocation } from '../../src/store/index.ts';
import { mixedNewsSample } from '../../eval/ecbplus-sample.ts';
import { fmt, measure, table } from '../shared.ts';

const HELD_OUT = 5;
const WINDOW = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const rssMB = () => process.memoryUsage.rss() / 2 ** 20;

async function timeDeferredAdd(store: Store, doc: AnnotatedArticle): Promise<number> {
  const started = performance.now();
  await store.addAnnotated(doc, { deferDossier: true });
  return performance.now() - started;
}

interface AdapterResult {
  name: string;
  /** Articles stored before the one-more measurement (less than asked when the budget ran out). */
  added: number;
  stoppedByBudget: boolean;
  seconds: number;
  rssBeforeMB: number;
  peakRssMB: number;
  sizeMB: number;
  stories: number;
  /** Milliseconds per add (dossier deferred), in order. */
  perArticle: number[];
  /** Seconds to rebuild the deferred dossiers at the end, and how many. */
  flushSeconds: number;
  flushed: number;
  oneMoreMs: number;
  aloneMs: number;
  /** Each held-out article's add into the full corpus, taken apart. */
  oneMoreParts: OneMoreParts[];
}

/**
 * One add taken apart: placement (the article's row, re-clustering the
 * candidate group it joins, story rows) with the dossier deferred, then the
 * rebuild of the dossiers it changed; and, for comparison, the same stories'
 * dossiers built in memory from the annotated articles (what the rebuild
 * costs without the store).
 */
interface OneMoreParts {
  placementMs: number;
  dossierMs: number;
  /** Dossiers rebuilt, and the article counts of their stories. */
  storySizes: number[];
  inMemoryDossierMs: number;
}

/** An add with its dossier deferred, then the flush: the two halves of a single add, timed apart. */
async function timeAddInParts(
  store: Store,
  doc: AnnotatedArticle,
  byId: Map<string, AnnotatedArticle>,
): Promise<OneMoreParts> {
  const started = performance.now();
  await store.addAnnotated(doc, { deferDossier: true });
  const placed = performance.now();
  const rebuilt = await store.flushDossiers();
  const dossierMs = performance.now() - placed;
  const stories = await Promise.all(rebuilt.map((id) => store.getStory(id)));
  const storySizes = stories.map((s) => s?.articles.length ?? 0);
  const inMemory = performance.now();
  for (const story of stories) {
    if (!story) continue;
    const articles = story.articles.map((a) => byId.get(a.id)!).sort(articleOrder);
    buildDossier({ id: story.id, articles, evidence: [] });
  }
  return {
    placementMs: placed - started,
    dossierMs,
    storySizes,
    inMemoryDossierMs: performance.now() - inMemory,
  };
}

/**
 * Collects garbage before an adapter starts, so its "RSS before adding" and
 * peak do not carry the previous adapter's garbage (the bench runs without
 * --expose-gc; this is the documented way to reach gc() from a running process).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function runAdapter(
  name: string,
  location: () => StoreLocation,
  corpus: AnnotatedArticle[],
  extra: AnnotatedArticle[],
  budgetSeconds: number,
  cleanup: () => Promise<void>,
): Promise<AdapterResult> {
  try {
    collectGarbage();
    const store = await openStore(location());
    const rssBeforeMB = rssMB();
    const perArticle: number[] = [];
    let stoppedByBudget = false;
    let flushed = 0;
    let flushSeconds = 0;
    const { seconds, peakRssMB } = await measure(async () => {
      const started = performance.now();
      for (const doc of corpus) {
        perArticle.push(await timeDeferredAdd(store, doc));
        const count = perArticle.length;
        if (count % WINDOW === 0 || count === corpus.length) {
          const elapsed = (performance.now() - started) / 1000;
          console.error(
            `[60-store] ${name}: ${count}/${corpus.length} articles, ${fmt(elapsed, 0)} s, last ${Math.min(WINDOW, count)}: ${fmt(mean(perArticle.slice(-WINDOW)), 0)} ms/article, RSS ${fmt(rssMB(), 0)} MB`,
          );
        }
        if ((performance.now() - started) / 1000 > budgetSeconds && count < corpus.length) {
          stoppedByBudget = true;
          console.error(`[60-store] ${name}: budget of ${budgetSeconds} s spent at ${count}`);
          break;
        }
      }
      const flushStarted = performance.now();
      flushed = (await store.flushDossiers()).length;
      flushSeconds = (performance.now() - flushStarted) / 1000;
      console.error(`[60-store] ${name}: ${flushed} dossiers rebuilt in ${fmt(flushSeconds, 1)} s`);
    });
    const byId = new Map([...corpus, ...extra].map((d) => [d.article.id, d]));
    const oneMoreParts: OneMoreParts[] = [];
    for (const doc of extra) oneMoreParts.push(await timeAddInParts(store, doc, byId));
    const oneMore = oneMoreParts.map((p) => p.placementMs + p.dossierMs);
    const info = await store.info();
    await store.close();
    await cleanup();
    const alone: number[] = [];
    for (const doc of extra) {
      const empty = await openStore(location());
      const parts = await timeAddInParts(empty, doc, byId);
      alone.push(parts.placementMs + parts.dossierMs);
      await empty.close();
      await cleanup();
    }
    console.error(
      `[60-store] ${name}: one more ${fmt(median(oneMore), 0)} ms, alone ${fmt(median(alone), 0)} ms`,
    );
    return {
      name,
      added: perArticle.length,
      stoppedByBudget,
      seconds,
      rssBeforeMB,
      peakRssMB,
      sizeMB: info.sizeBytes / 2 ** 20,
      stories: info.stories,
      perArticle,
      flushSeconds,
      flushed,
      oneMoreMs: median(oneMore),
      aloneMs: median(alone),
      oneMoreParts,
    };
  } finally {
    await cleanup();
  }
}

/** Start indexes of the windows reported: the first, the last and three between. */
function windowStarts(count: number): number[] {
  if (count <= WINDOW) return [0];
  const last = count - WINDOW;
  const starts = [0, 0.25, 0.5, 0.75].map((f) => Math.floor((f * count) / WINDOW) * WINDOW);
  return [...new Set([...starts.filter((s) => s < last), last])];
}

export async function bench(): Promise<{ title: string; markdown: string }> {
  const n = Number(process.env.CROSSCHECK_BENCH_STORE_N ?? Infinity);
  const adapters = (process.env.CROSSCHECK_BENCH_STORE_ADAPTERS ?? 'pglite,postgres').split(',');
  const budgetSeconds = Number(process.env.CROSSCHECK_BENCH_STORE_BUDGET_S ?? Infinity);
  const sample = await mixedNewsSample();
  const pool = sample.articles;
  const chosen = pool.slice(0, Math.min(n, pool.length - HELD_OUT) + HELD_OUT);
  const annotateRun = await measure(() => chosen.map((a) => annotate(a)));
  const annotated = annotateRun.result;
  const corpus = annotated.slice(0, annotated.length - HELD_OUT);
  const extra = annotated.slice(annotated.length - HELD_OUT);
  console.error(
    `[60-store] ${corpus.length} articles annotated in ${fmt(annotateRun.seconds, 0)} s`,
  );

  // PostgreSQL first: PGlite's engine memory stays with the process after
  // close, and would otherwise count in the PostgreSQL client's peak.
  const results: AdapterResult[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-bench-store-'));
  const data = join(scratch, 'data');
  const url = process.env.CROSSCHECK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  let postgresNote = '';
  if (adapters.includes('postgres')) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    let reachable = true;
    try {
      await client.connect();
    } catch {
      reachable = false;
    }
    if (reachable) {
      const schema = `crosscheck_bench_${process.pid}`;
      results.push(
        await runAdapter(
          'PostgreSQL 127.0.0.1',
          () => ({ db: url, schema }),
          corpus,
          extra,
          budgetSeconds,
          async () => {
            await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          },
        ),
      );
      await client.end();
    } else {
      await client.end().catch(() => undefined);
      postgresNote = `PostgreSQL skipped: no server at ${url}.`;
    }
  }
  if (adapters.includes('pglite')) {
    results.push(
      await runAdapter(
        'PGlite (embedded)',
        () => ({ data }),
        corpus,
        extra,
        budgetSeconds,
        () => {
          rmSync(data, { recursive: true, force: true });
          return Promise.resolve();
        },
      ),
    );
  }
  rmSync(scratch, { recursive: true, force: true });

  const rows = results.map((r) => [
    r.name,
    r.added + (r.stoppedByBudget ? ` of ${corpus.length} (budget)` : ''),
    r.stories,
    fmt(r.seconds, 1),
    `${fmt(r.flushSeconds, 1)} (${r.flushed})`,
    fmt(r.added / r.seconds, 2),
    fmt(r.rssBeforeMB, 0),
    fmt(r.peakRssMB, 0),
    fmt(r.sizeMB, 1),
    fmt(r.oneMoreMs, 0),
    fmt(r.aloneMs, 0),
  ]);
  const growthRows = results.flatMap((r) =>
    windowStarts(r.added).map((start) => {
      const times = r.perArticle.slice(start, start + WINDOW);
      return [
        r.name,
        `${start + 1}–${start + times.length}`,
        fmt(mean(times), 0),
        fmt(median(times), 0),
        fmt(Math.max(...times), 0),
      ];
    }),
  );
  const partRows = results.flatMap((r) =>
    r.oneMoreParts.map((p, i) => [
      r.name,
      i + 1,
      fmt(p.placementMs, 0),
      fmt(p.dossierMs, 0),
      p.storySizes.join(', ') || '–',
      fmt(p.inMemoryDossierMs, 0),
      fmt(p.placementMs + p.dossierMs, 0),
    ]),
  );
  const markdown = [
    `${corpus.length} articles (ECB+ and PolNeAR train/dev, fixed shuffled sample; ${sample.ecbPlus + sample.polnear} available, CROSSCHECK_BENCH_STORE_N sets the size), annotated once beforehand in ${fmt(annotateRun.seconds, 1)} s (${fmt(chosen.length / annotateRun.seconds, 1)} articles/s), then stored one transaction per article with the dossiers deferred, and each changed story's dossier rebuilt once at the end (as \`crosscheck add <dir>\` does; "add s" includes that rebuild).`,
    '',
    table(
      [
        'store',
        'articles',
        'stories',
        'add s (all)',
        'of which dossiers s (stories)',
        'articles/s',
        'RSS before adding MB',
        'peak RSS MB',
        'on disk MB',
        `one more ms (median of ${HELD_OUT})`,
        'same article alone ms',
      ],
      rows,
    ),
    '',
    'Time per article as the corpus grows (articles i–j are the i-th to j-th added; placement and story rows, dossier deferred):',
    '',
    table(['store', 'articles', 'mean ms', 'median ms', 'max ms'], growthRows),
    '',
    `One more, taken apart (each held-out article added to the full corpus as an add with its dossier deferred, then \`flushDossiers\`; "in memory" builds the same stories' dossiers with \`buildDossier\` from the annotated articles, no store):`,
    '',
    table(
      [
        'store',
        'held-out article',
        'placement ms',
        'dossiers ms',
        'stories rebuilt: articles',
        'same dossiers in memory ms',
        'one more ms',
      ],
      partRows,
    ),
    '',
    postgresNote,
    'RSS before adding includes the annotated sample the bench holds and, for PGlite, the embedded engine. An add re-clusters the candidate group the article joins (story clustering is a function of the whole group; pair scores this process already computed are reused) and "one more" also rebuilds the dossier of the story it joins, so it costs more than "alone" by the size of that group and of that story; the rest of the corpus is reached only through the signature-key index. Re-clustering reuses what this process found before (link components, clusters, sums between clusters: ClusterMemo), so it redoes only the component the article joins. "One more" and "alone" are both timed as the two steps above.',
  ].join('\n');
  return { title: 'Corpus store: add into PGlite and PostgreSQL', markdown };
}
