/**
 * The corpus store: `add` of ECB+ and PolNeAR articles into PGlite and into
 * PostgreSQL (articles/s, peak memory, size on disk), then the time to add one
 * more article to that corpus against the time of the same article into an
 * empty store. Articles are annotated once up front (annotation speed is
 * bench 20's subject) and stored with `addAnnotated`, so the figures are the
 * store's: placement, re-clustering the joined candidate group, dossiers, SQL.
 *
 * Size: CROSSCHECK_BENCH_STORE_N articles (default 400; the full set is about
 * 1,900), sampled in a fixed shuffled order from both corpora.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AnnotatedArticle } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { openStore, type Store, type StoreLocation } from '../../src/store/index.ts';
import { readEcbPlus, toArticle } from '../../eval/ecbplus.ts';
import { DATASETS, fmt, measure, table } from '../shared.ts';

const HELD_OUT = 5;

function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function polnearPaths(): Promise<string[]> {
  const paths: string[] = [];
  for (const split of ['train', 'dev']) {
    const dir = join(DATASETS, 'polnear', split, 'text');
    for (const name of readdirSync(dir).sort())
      if (name.endsWith('.txt')) paths.push(join(dir, name));
  }
  return Promise.resolve(paths);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timeAdd(store: Store, doc: AnnotatedArticle): Promise<number> {
  const started = performance.now();
  await store.addAnnotated(doc);
  return performance.now() - started;
}

interface AdapterResult {
  name: string;
  seconds: number;
  peakRssMB: number;
  sizeMB: number;
  stories: number;
  oneMoreMs: number;
  aloneMs: number;
}

async function runAdapter(
  name: string,
  location: () => StoreLocation,
  corpus: AnnotatedArticle[],
  extra: AnnotatedArticle[],
  cleanup: () => Promise<void>,
): Promise<AdapterResult> {
  try {
    const store = await openStore(location());
    const { seconds, peakRssMB } = await measure(async () => {
      for (const doc of corpus) await store.addAnnotated(doc);
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
    return {
      name,
      seconds,
      peakRssMB,
      sizeMB: info.sizeBytes / 2 ** 20,
      stories: info.stories,
      oneMoreMs: median(oneMore),
      aloneMs: median(alone),
    };
  } finally {
    await cleanup();
  }
}

export async function bench(): Promise<{ title: string; markdown: string }> {
  const n = Number(process.env.CROSSCHECK_BENCH_STORE_N ?? 400);
  const ecb = readEcbPlus().map(toArticle);
  const polnear = (await ingest(await polnearPaths())).articles;
  const pool = shuffled([...ecb, ...polnear], 60);
  const chosen = pool.slice(0, Math.min(n, pool.length - HELD_OUT) + HELD_OUT);
  const annotateRun = await measure(() => chosen.map((a) => annotate(a)));
  const annotated = annotateRun.result;
  const corpus = annotated.slice(0, annotated.length - HELD_OUT);
  const extra = annotated.slice(annotated.length - HELD_OUT);

  const results: AdapterResult[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-bench-store-'));
  const data = join(scratch, 'data');
  results.push(
    await runAdapter(
      'PGlite (embedded)',
      () => ({ data }),
      corpus,
      extra,
      () => {
        rmSync(data, { recursive: true, force: true });
        return Promise.resolve();
      },
    ),
  );
  const url = process.env.CROSSCHECK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  let postgres = true;
  try {
    await client.connect();
  } catch {
    postgres = false;
  }
  if (postgres) {
    const schema = `crosscheck_bench_${process.pid}`;
    results.push(
      await runAdapter(
        'PostgreSQL 127.0.0.1',
        () => ({ db: url, schema }),
        corpus,
        extra,
        async () => {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        },
      ),
    );
    await client.end();
  } else {
    await client.end().catch(() => undefined);
  }
  rmSync(scratch, { recursive: true, force: true });

  const rows = results.map((r) => [
    r.name,
    corpus.length,
    r.stories,
    fmt(r.seconds, 1),
    fmt(corpus.length / r.seconds, 2),
    fmt(r.peakRssMB, 0),
    fmt(r.sizeMB, 1),
    fmt(r.oneMoreMs, 0),
    fmt(r.aloneMs, 0),
  ]);
  const markdown = [
    `${corpus.length} articles (ECB+ and PolNeAR train/dev, fixed shuffled sample; ${ecb.length + polnear.length} available, CROSSCHECK_BENCH_STORE_N sets the size), annotated once beforehand in ${fmt(annotateRun.seconds, 1)} s (${fmt(chosen.length / annotateRun.seconds, 1)} articles/s), then stored one transaction per article.`,
    '',
    table(
      [
        'store',
        'articles',
        'stories',
        'add s',
        'articles/s',
        'peak RSS MB',
        'on disk MB',
        `one more into ${corpus.length} ms (median of ${HELD_OUT})`,
        'same article alone ms',
      ],
      rows,
    ),
    '',
    postgres ? '' : `PostgreSQL skipped: no server at ${url}.`,
    'An add re-clusters the candidate group the article joins and rebuilds the dossiers of the stories that changed, so "one more" costs more than "alone" by the size of that group; the rest of the corpus is reached only through the signature-key index. One corpus size is measured here; run with several CROSSCHECK_BENCH_STORE_N to see growth.',
  ].join('\n');
  return { title: 'Corpus store: add into PGlite and PostgreSQL', markdown };
}
