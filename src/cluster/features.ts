/**
 * What a story is made of, read from one article alone: named entities (names
 * normalised), rare terms, figures, years and calendar days. Every weight comes
 * from the article itself and a fixed reference table (./rarity.ts), never from
 * the other articles, so that a pair's link does not depend on which other
 * articles are in the set.
 */
import type { AnnotatedArticle } from '../core/index.ts';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../core/words.ts';
import { foldToken, skeleton, toLatin } from '../resolve/names.ts';
import { rarity, referenceCount } from './rarity.ts';

export type FeatureKind = 'name' | 'term' | 'figure' | 'year' | 'day';

export interface Feature {
  key: string;
  kind: FeatureKind;
  /** Surface form shown in evidence. */
  label: string;
  weight: number;
}

export interface StoryFeatures {
  articleId: string;
  features: Map<string, Feature>;
  /** Euclidean norm of the weights. */
  norm: number;
  /** The article's most telling features (its signature), used for candidate blocking. */
  signature: Set<string>;
}

export interface FeatureParams {
  /** Multiplier of a name token's rarity. */
  nameBoost: number;
  /** Weight of a shared figure (a number that is not a year). */
  figureWeight: number;
  yearWeight: number;
  dayWeight: number;
  /** Terms rarer than this (log inverse reference frequency) are kept. */
  minTermRarity: number;
  /** Extra occurrences credited to a feature seen in the title. */
  titleBonus: number;
  signatureSize: number;
  /** Exponent of the occurrence count in a feature's weight (0.5: square root). */
  tfPower: number;
}

export const DEFAULT_FEATURE_PARAMS: FeatureParams = {
  nameBoost: 1,
  figureWeight: 10,
  yearWeight: 8,
  dayWeight: 12,
  minTermRarity: 8,
  titleBonus: 2,
  signatureSize: 20,
  tfPower: 0.5,
};

const MONTH_INDEX = new Map<string, number>(
  MONTH_NAMES.flatMap((m, i) => [
    [m, i + 1],
    [m.slice(0, 3), i + 1],
  ]),
);

/** Words that are capitalised in news text without naming an entity of the story. */
const NOT_NAMES = new Set<string>([...MONTH_NAMES, ...WEEKDAY_NAMES, 'mr', 'mrs', 'ms', 'dr', 'i']);

const TOKEN =
  /\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}+)*|\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}+)*|\d[\d,.]*\d|\d/gu;
const SENTENCE_END = /[.!?:"“”]\s*$|^\s*$|\n\s*$/;

/**
 * Name-token key: case, diacritics, script and the possessive fold together,
 * then the romanisation table and the consonant skeleton of entity resolution
 * (Virnohrad = Vernograd, Suleimani = Soleimani), so that a report translated
 * with another transliteration still shares its names. Skeletons shorter than
 * four consonants are too ambiguous; the folded token is kept instead.
 */
export function normalizeName(token: string): string {
  const plain = toLatin(token)
    .replace(/['’]s$/u, '')
    .replace(/['’]/g, '');
  const folded = foldToken(plain);
  const bones = skeleton(folded);
  return bones.length >= 4 ? bones : folded;
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) {
    const stem = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
    if (referenceCount(stem) > referenceCount(word)) return stem;
  }
  return word;
}

class FeatureBag {
  readonly counts = new Map<
    string,
    { kind: FeatureKind; label: string; base: number; tf: number }
  >();
  add(key: string, kind: FeatureKind, label: string, base: number, times = 1): void {
    const f = this.counts.get(key);
    if (f) f.tf += times;
    else this.counts.set(key, { kind, label, base, tf: times });
  }
}

function readText(bag: FeatureBag, text: string, params: FeatureParams, times: number): void {
  let previousEnd = 0;
  let nameRun: string[] = [];
  const flushName = (): void => {
    if (nameRun.length > 1) {
      const label = nameRun.join(' ');
      const base = Math.max(...nameRun.map((t) => rarity(t))) * params.nameBoost;
      bag.add(`name:${nameRun.map(normalizeName).join(' ')}`, 'name', label, base, times);
    }
    nameRun = [];
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const start = match.index;
    const between = text.slice(previousEnd, start);
    const sentenceInitial =
      SENTENCE_END.test(text.slice(Math.max(0, previousEnd - 2), start)) || previousEnd === 0;
    if (between.trim() !== '' && !/^\s*$/.test(between)) flushName();
    previousEnd = start + token.length;
    if (/^\d/.test(token)) {
      flushName();
      const value = Number(token.replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      if (/^(19|20)\d\d$/.test(token))
        bag.add(`year:${token}`, 'year', token, params.yearWeight, times);
      else if (value >= 10 || token.includes('.'))
        bag.add(`figure:${value}`, 'figure', token, params.figureWeight, times);
      continue;
    }
    const lower = token.toLowerCase();
    const month = MONTH_INDEX.get(lower);
    if (month !== undefined && lower.length > 3) {
      // "March 22" or "22 March": a calendar day is a strong story cue.
      const after = /^\s+(\d{1,2})\b/.exec(text.slice(previousEnd));
      const before = /\b(\d{1,2})\s+$/.exec(text.slice(Math.max(0, start - 4), start));
      const day = Number(after?.[1] ?? before?.[1] ?? NaN);
      if (day >= 1 && day <= 31)
        bag.add(`day:${month}-${day}`, 'day', `${token} ${day}`, params.dayWeight, times);
    }
    const capitalised = /^\p{Lu}/u.test(token);
    const commonAsLower = referenceCount(lower) > 2000;
    const isName =
      capitalised &&
      !NOT_NAMES.has(lower) &&
      !(sentenceInitial && commonAsLower) &&
      token.length > 1;
    if (isName) {
      nameRun.push(token);
      bag.add(
        `name:${normalizeName(token)}`,
        'name',
        token,
        rarity(lower) * params.nameBoost,
        times,
      );
      continue;
    }
    flushName();
    const word = singular(lower);
    const r = rarity(word);
    if (r >= params.minTermRarity && word.length > 2)
      bag.add(`term:${word}`, 'term', word, r, times);
  }
  flushName();
}

/** Extracts the story features of one annotated article. */
export function storyFeatures(
  doc: AnnotatedArticle,
  params: FeatureParams = DEFAULT_FEATURE_PARAMS,
): StoryFeatures {
  const bag = new FeatureBag();
  const { article } = doc;
  const titleBlock = article.blocks.find((b) => b.kind === 'title');
  const title = titleBlock ? article.text.slice(...titleBlock.span) : article.title;
  readText(bag, article.text, params, 1);
  if (title) readText(bag, title, params, params.titleBonus);
  // Annotation, when present, adds resolved calendar days and typed entities.
  for (const t of doc.times) {
    if (t.start && t.granularity !== 'year' && t.certainty === 'stated')
      bag.add(`date:${t.start.slice(0, 10)}`, 'day', t.text, params.dayWeight);
  }
  for (const e of doc.entities) {
    const key = `name:${e.name.split(/\s+/).map(normalizeName).join(' ')}`;
    if (!bag.counts.has(key) && e.name.includes(' '))
      bag.add(
        key,
        'name',
        e.name,
        Math.max(...e.name.split(/\s+/).map((t) => rarity(t))) * params.nameBoost,
      );
  }
  const features = new Map<string, Feature>();
  let sq = 0;
  for (const [key, f] of bag.counts) {
    const weight = f.base * Math.pow(f.tf, params.tfPower);
    features.set(key, { key, kind: f.kind, label: f.label, weight });
    sq += weight * weight;
  }
  const signature = new Set(
    [...features.values()]
      .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
      .slice(0, params.signatureSize)
      .map((f) => f.key),
  );
  return { articleId: article.id, features, norm: Math.sqrt(sq), signature };
}

/** Weighted cosine of two feature sets with the shared features, heaviest first. */
export function featureSimilarity(
  a: StoryFeatures,
  b: StoryFeatures,
): { score: number; shared: { a: Feature; b: Feature; product: number }[] } {
  const [small, large] = a.features.size <= b.features.size ? [a, b] : [b, a];
  let dot = 0;
  const shared: { a: Feature; b: Feature; product: number }[] = [];
  for (const [key, f] of small.features) {
    const g = large.features.get(key);
    if (!g) continue;
    const product = f.weight * g.weight;
    dot += product;
    shared.push(small === a ? { a: f, b: g, product } : { a: g, b: f, product });
  }
  shared.sort((x, y) => y.product - x.product || (x.a.key < y.a.key ? -1 : 1));
  const score = a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
  return { score, shared };
}
