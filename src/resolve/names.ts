/**
 * Name keys and name comparison for cross-article entity resolution.
 *
 * A name is compared through three views:
 * - `plainKey`: lower case, diacritics and Cyrillic transliterated to Latin,
 *   punctuation and the article "the" dropped ("The Kremlin's" → "kremlin").
 * - `foldToken`: one token folded through an explicit romanisation table, so
 *   that spellings of one Cyrillic or Persian name meet (Krasnohorsk and
 *   Krasnogorsk → "krasnogorsk"; Mirzoev/Mirzoyev; Qasem/Qassem;
 *   Rachabalizoda/Rachabalizod; Evgeniy/Yevgeny/Evgenii).
 * - `skeleton`: the consonants of the folded token, used to gate the string
 *   distance so that vowel-only differences (Suleimani/Soleimani) may match but
 *   names built on other consonants (Faizov/Fariduni) never do.
 */
import { jaroWinkler } from '@skyra/jaro-winkler';
import { transliterate } from 'transliteration';

const CYRILLIC = /[\u0400-\u04FF]/;

/** Lower-cased, transliterated, diacritic-free text with apostrophes unified. */
export function toLatin(text: string): string {
  const latin = CYRILLIC.test(text) ? transliterate(text) : text;
  return latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02BC\u02BB`´]/g, "'")
    .toLowerCase();
}

/** Tokens of a name: words with possessives and "the" removed, hyphens split. */
export function nameTokens(name: string): string[] {
  return toLatin(name)
    .replace(/'s\b|'$/g, '')
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0 && t !== 'the');
}

export function plainKey(name: string): string {
  return nameTokens(name).join(' ');
}

/**
 * The romanisation table, applied in order to one lower-case Latin token.
 * Each row is a documented equivalence of Ukrainian, Russian, Tajik or Persian
 * romanisations; placeholders in upper case keep digraphs from being split by
 * later rows (the input is lower case, so they cannot clash).
 */
const FOLD_RULES: readonly [RegExp, string, string][] = [
  [/shch/g, 'SC', 'shch = sch (щ)'],
  [/sh/g, 'S', 'sh (ш)'],
  [/dzh/g, 'J', 'dzh = j = zh (дж)'],
  [/zh/g, 'J', 'zh = j (ж)'],
  [/j/g, 'J', 'j = dzh'],
  [/kh/g, 'X', 'kh = h (х)'],
  [/ch/g, 'C', 'ch (ч)'],
  [/h/g, 'g', 'h = g (Ukrainian г = Russian г)'],
  [/X/g, 'h', 'kh = h'],
  [/q/g, 'k', 'q = k (Arabic/Persian ق)'],
  [/ck/g, 'k', 'ck = k'],
  [/w/g, 'v', 'w = v'],
  [/^ie|^ye|^je/g, 'e', 'initial ye = ie = e (є/е)'],
  [/yo/g, 'e', 'yo = e (ё)'],
  [/y/g, 'i', 'y = i (ий/ій/ы)'],
  [/ii+/g, 'i', 'ii = iy = y'],
  [/ev$/g, 'ov', '-ev = -ov'],
  [/eva$/g, 'ova', '-eva = -ova'],
  [/zoda$/g, 'zod', '-zoda = -zod (Tajik)'],
  [/([a-z])\1+/g, '$1', 'double letters single (Qassem = Qasem)'],
];

const foldCache = new Map<string, string>();

/** One token folded through the romanisation table. */
export function foldToken(token: string): string {
  const cached = foldCache.get(token);
  if (cached !== undefined) return cached;
  let folded = token;
  for (const [pattern, replacement] of FOLD_RULES) folded = folded.replace(pattern, replacement);
  folded = folded.toLowerCase();
  // Names repeat across a corpus; the cache is cleared rather than grown without bound.
  if (foldCache.size > 100_000) foldCache.clear();
  foldCache.set(token, folded);
  return folded;
}

/** Consonant skeleton of a folded token (vowels and i/y dropped). */
export function skeleton(folded: string): string {
  return folded.replace(/[aeiouy]/g, '');
}

/** Jaro-Winkler similarity at or above which two folded tokens with one skeleton match. */
export const TOKEN_SIMILARITY = 0.88;

export interface TokenMatch {
  reason: 'same-name' | 'transliteration' | 'string-similarity';
  detail: string;
}

/** Compares two name tokens; `undefined` when they are not spellings of one name. */
export function matchTokens(a: string, b: string): TokenMatch | undefined {
  if (a === b) return { reason: 'same-name', detail: a };
  const fa = foldToken(a);
  const fb = foldToken(b);
  if (fa === fb) return { reason: 'transliteration', detail: `${a} ~ ${b} (both fold to ${fa})` };
  if (fa.length < 4 || fb.length < 4) return undefined;
  if (skeleton(fa) !== skeleton(fb)) return undefined;
  const score = jaroWinkler(fa, fb);
  if (score < TOKEN_SIMILARITY) return undefined;
  return {
    reason: 'string-similarity',
    detail: `${a} ~ ${b} (same consonants ${skeleton(fa)}, Jaro-Winkler ${score.toFixed(2)})`,
  };
}
