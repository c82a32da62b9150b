/**
 * Fixed shuffled samples of real news text for the store's bench and tests:
 * the same seed gives the same order on every machine, so a slow add or a
 * failing comparison can be replayed. bench/cases/60-store.ts draws from ECB+
 * and PolNeAR train/dev; test/corpus/store-incremental.test.ts shuffles the
 * ECB+ test topics with `shuffled` too.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/core/index.ts';
import { ingest } from '../src/ingest/index.ts';
import { readEcbPlus, toArticle } from './ecbplus.ts';
import { DATASETS } from './shared.ts';

/** Deterministic Fisher-Yates shuffle driven by mulberry32(seed). */
export function shuffled<T>(items: T[], seed: number): T[] {
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

/** ECB+ documents as articles, optionally only some topics. */
export function ecbPlusArticles(options: { topics?: number[] } = {}): Article[] {
  return readEcbPlus(options).map(toArticle);
}

/** Paths of the PolNeAR train and dev texts, in name order. */
export function polnearTextPaths(splits: string[] = ['train', 'dev']): string[] {
  const paths: string[] = [];
  for (const split of splits) {
    const dir = join(DATASETS, 'polnear', split, 'text');
    for (const name of readdirSync(dir).sort())
      if (name.endsWith('.txt')) paths.push(join(dir, name));
  }
  return paths;
}

/**
 * All ECB+ documents and PolNeAR train/dev texts in one fixed shuffled order
 * (seed 60: the order bench 60 has always used).
 */
export async function mixedNewsSample(
  seed = 60,
): Promise<{ articles: Article[]; ecbPlus: number; polnear: number }> {
  const ecb = ecbPlusArticles();
  const polnear = (await ingest(polnearTextPaths())).articles;
  return {
    articles: shuffled([...ecb, ...polnear], seed),
    ecbPlus: ecb.length,
    polnear: polnear.length,
  };
}
