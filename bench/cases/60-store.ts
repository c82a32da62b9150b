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
 * apart). "One more" is a single add that rebuilds its story's dossier at once.
 *
 * Knobs (environment):
 * - CROSSCHECK_BENCH_STORE_N: corpus size (default 400; the full set is 1,900
 *   plus the 5 held-out articles), a fixed shuffled sample of both corpora.
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
import { openStore, type Store, type StoreLocation } from '../../src/store/index.ts';
import { mixedNewsSample } from '../../eval/ecbplus-sample.ts';
import { fmt, measure, table } from '../shared.ts';

const HELD_OUT = 5;
const WINDOW = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const rssMB = () => process.memoryUsage.rss() / 2 ** 20;

async function timeAdd(store: Store, doc: AnnotatedArticle, deferDossier = false): Promise<number> {
  const started = performance.now();
  await store.addAnnotated(doc, { deferDossier });
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
        perArticle.push(await timeAdd(store, doc, true));
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
    const oneMore: number[] = [];
    for (const doc of extra) oneMore.push(await timeAdd(store, doc));
    const info = await store.info();
    await store.close();
    await cleanup();
    const alone: number[] = [];
    for (const doc of extra) {
      const empty = await openStore(location());
      alone.push(await timeAdd(empty, doc));
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
  const n = Number(process.env.CROSSCHECK_BENCH_STORE_N ?? 400);
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
    postgresNote,
    'RSS before adding includes the annotated sample the bench holds and, for PGlite, the embedded engine. An add re-clusters the candidate group the article joins (story clustering is a function of the whole group; pair scores this process already computed are reused) and "one more" also rebuilds the dossier of the story it joins, so it costs more than "alone" by the size of that group and of that story; the rest of the corpus is reached only through the signature-key index.',
  ].join('\n');
  return { title: 'Corpus store: add into PGlite and PostgreSQL', markdown };
}
