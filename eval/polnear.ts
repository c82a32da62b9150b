/**
 * PolNeAR scorer: reads a split of ../shared/datasets/polnear (brat standoff),
 * runs crosscheck's text → sentences → attribution path on each text, and scores
 * source, cue and content spans, exact and by token overlap, overall and per
 * publisher.
 *
 * - brat offsets count Unicode code points (Python string indices); crosscheck
 *   spans are UTF-16 units, so gold offsets are converted through a code-point
 *   index (they differ only after a character outside the BMP, e.g. an emoji).
 * - An article with several annotators' files is scored against the first
 *   file in name order, so each article counts once.
 * - Exact: the spans are equal after trimming white space and the punctuation
 *   `.,;:` at both ends (annotators differ on a final comma or period).
 *   Discontinuous gold spans (`a b;c d`) are matched exactly only by a
 *   prediction covering them from first to last fragment.
 * - Overlap: a prediction and a gold span match when they share at least one
 *   word token; matching is one-to-one, greedy by the largest shared count. A
 *   span with no word token at all (a headline colon or a dash used as cue) is
 *   its own single token: it matches a span that covers one of its characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Span } from '../src/core/index.ts';
import { stableId } from '../src/core/index.ts';
import { prepare } from '../src/annotate/index.ts';
import { extractAttributions } from '../src/annotate/attribution.ts';
import { DATASETS, prf } from './shared.ts';

export type Role = 'source' | 'cue' | 'content';
export const ROLES: Role[] = ['source', 'cue', 'content'];

export interface GoldDoc {
  name: string;
  publisher: string;
  text: string;
  spans: Record<Role, Span[][]>;
}

export interface Counts {
  exact: { tp: number; fp: number; fn: number };
  overlap: { tp: number; fp: number; fn: number };
}

export interface PolnearScore {
  docs: number;
  gold: Record<Role, number>;
  byRole: Record<Role, Counts>;
  byPublisher: Map<string, Record<Role, Counts>>;
}

export const POLNEAR = join(DATASETS, 'polnear');

/** Code-point offset → UTF-16 offset table for a text. */
function codePointIndex(text: string): number[] {
  const index: number[] = [];
  let unit = 0;
  for (const ch of text) {
    index.push(unit);
    unit += ch.length;
  }
  index.push(unit);
  return index;
}

/** Parses one brat .ann file into source/cue/content spans (UTF-16 offsets). */
export function parseBrat(ann: string, text: string): Record<Role, Span[][]> {
  const cp = codePointIndex(text);
  const toUnit = (n: number): number => cp[Math.min(n, cp.length - 1)] ?? n;
  const spans: Record<Role, Span[][]> = { source: [], cue: [], content: [] };
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(Source|Cue|Content) ([\d; ]+)\t/u.exec(line);
    if (m === null) continue;
    const role = (m[1] as string).toLowerCase() as Role;
    const fragments = (m[2] as string)
      .split(';')
      .map((f) => f.trim().split(/\s+/u).map(Number))
      .filter((f) => f.length === 2 && Number.isFinite(f[0]) && Number.isFinite(f[1]))
      .map(([s, e]) => [toUnit(s as number), toUnit(e as number)] as Span);
    if (fragments.length > 0) spans[role].push(fragments);
  }
  return spans;
}

/** Reads the gold documents of a split (first annotator per article). */
export function loadSplit(split: 'train' | 'dev', limit = Infinity): GoldDoc[] {
  const publisherOf = new Map<string, string>();
  for (const line of readFileSync(join(POLNEAR, 'metadata.tsv'), 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols[1] !== undefined && cols[4] !== undefined) publisherOf.set(cols[1], cols[4]);
  }
  const annDir = join(POLNEAR, split, 'attributions');
  const firstAnn = new Map<string, string>();
  for (const file of readdirSync(annDir).sort()) {
    const name = file.replace(/_[0-9a-f]{4}\.ann$/u, '');
    if (!firstAnn.has(name)) firstAnn.set(name, file);
  }
  const docs: GoldDoc[] = [];
  for (const [name, file] of [...firstAnn].sort()) {
    if (docs.length >= limit) break;
    const text = readFileSync(join(POLNEAR, split, 'text', `${name}.txt`), 'utf8');
    docs.push({
      name,
      publisher: publisherOf.get(name) ?? 'unknown',
      text,
      spans: parseBrat(readFileSync(join(annDir, file), 'utf8'), text),
    });
  }
  return docs;
}

/** Article for a PolNeAR text: plain text, title on the first line. */
export function articleOf(doc: { name: string; text: string }): Article {
  const text = doc.text.replace(/\r\n?/gu, '\n');
  const firstLineEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
  const title = text.slice(0, firstLineEnd).trim();
  const blocks: Article['blocks'] = [];
  if (title !== '') blocks.push({ kind: 'title', span: [0, firstLineEnd] });
  if (firstLineEnd < text.length) blocks.push({ kind: 'body', span: [firstLineEnd, text.length] });
  return {
    id: stableId(text),
    source: doc.name,
    format: 'text',
    title,
    text,
    blocks,
    language: 'en',
    meta: {},
    diagnostics: [],
  };
}

/** Predicted source, cue and content spans for a text. */
export function predict(doc: { name: string; text: string }): Record<Role, Span[][]> {
  const ctx = prepare(articleOf(doc));
  const { attributions, quotes } = extractAttributions(ctx);
  // PolNeAR annotates no attribution inside a quotation (11 of 3,822 gold cues in the
  // first 200 train articles), so nested ones are left out of the comparison.
  const inQuote = (span: Span): boolean =>
    quotes.some((q) => q.contentSpan[0] <= span[0] && span[1] <= q.contentSpan[1]);
  const out: Record<Role, Span[][]> = { source: [], cue: [], content: [] };
  for (const a of attributions) {
    if (inQuote(a.cue.span)) continue;
    if (a.source.span !== undefined) out.source.push([a.source.span]);
    out.cue.push([a.cue.span]);
    out.content.push([a.content.span]);
  }
  return out;
}

const TRIM = /[\s.,;:]/u;

function trimmed(text: string, [s, e]: Span): Span {
  let a = s;
  let b = e;
  while (a < b && TRIM.test(text[a] ?? '')) a++;
  while (b > a && TRIM.test(text[b - 1] ?? '')) b--;
  return [a, b];
}

function hull(frags: Span[]): Span {
  return [Math.min(...frags.map((f) => f[0])), Math.max(...frags.map((f) => f[1]))];
}

/** Word-token index sets of spans, for overlap matching. */
function wordTokens(text: string, frags: Span[]): Set<number> {
  const set = new Set<number>();
  for (const [s, e] of frags) {
    const re = /[\p{L}\p{N}]+/gu;
    const slice = text.slice(s, e);
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) set.add(s + m.index);
  }
  return set;
}

/** Word-start offsets are compared, so a token shared by two spans counts once. */
function shared(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * Whether two spans, one of which has no word token, share a non-space character:
 * a punctuation-only cue (the colon of "Name: what they said") counts as one token.
 */
function punctuationOverlap(text: string, a: Span[], b: Span[]): boolean {
  for (const [as, ae] of a)
    for (const [bs, be] of b)
      for (let k = Math.max(as, bs); k < Math.min(ae, be); k++)
        if (!/\s/u.test(text[k] ?? ' ')) return true;
  return false;
}

function emptyCounts(): Counts {
  return { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } };
}

/** Exact and overlap counts of predicted against gold spans of one role in one text. */
export function scoreSpans(text: string, gold: Span[][], predicted: Span[][]): Counts {
  const counts = emptyCounts();
  // exact
  const goldKeys = new Map<string, number>();
  for (const g of gold) {
    const k = trimmed(text, hull(g)).join(':');
    goldKeys.set(k, (goldKeys.get(k) ?? 0) + 1);
  }
  for (const p of predicted) {
    const k = trimmed(text, hull(p)).join(':');
    const left = goldKeys.get(k) ?? 0;
    if (left > 0) {
      counts.exact.tp++;
      goldKeys.set(k, left - 1);
    } else counts.exact.fp++;
  }
  counts.exact.fn = gold.length - counts.exact.tp;
  // overlap, one-to-one by largest shared word count
  const gSets = gold.map((g) => wordTokens(text, g));
  const pSets = predicted.map((p) => wordTokens(text, p));
  const pairs: [number, number, number][] = [];
  pSets.forEach((ps, i) =>
    gSets.forEach((gs, j) => {
      let n = shared(ps, gs);
      if (n === 0 && (ps.size === 0 || gs.size === 0))
        n = punctuationOverlap(text, predicted[i] as Span[], gold[j] as Span[]) ? 1 : 0;
      if (n > 0) pairs.push([n, i, j]);
    }),
  );
  pairs.sort((x, y) => y[0] - x[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
  }
  counts.overlap.tp = usedP.size;
  counts.overlap.fp = predicted.length - usedP.size;
  counts.overlap.fn = gold.length - usedG.size;
  return counts;
}

function add(into: Counts, from: Counts): void {
  for (const kind of ['exact', 'overlap'] as const) {
    into[kind].tp += from[kind].tp;
    into[kind].fp += from[kind].fp;
    into[kind].fn += from[kind].fn;
  }
}

/** Scores a split; `limit` caps the number of articles (for quick development runs). */
export function scorePolnear(split: 'train' | 'dev', limit = Infinity): PolnearScore {
  const docs = loadSplit(split, limit);
  const byRole = { source: emptyCounts(), cue: emptyCounts(), content: emptyCounts() };
  const byPublisher = new Map<string, Record<Role, Counts>>();
  const gold = { source: 0, cue: 0, content: 0 };
  for (const doc of docs) {
    const predicted = predict(doc);
    let pub = byPublisher.get(doc.publisher);
    if (pub === undefined) {
      pub = { source: emptyCounts(), cue: emptyCounts(), content: emptyCounts() };
      byPublisher.set(doc.publisher, pub);
    }
    for (const role of ROLES) {
      gold[role] += doc.spans[role].length;
      const c = scoreSpans(doc.text, doc.spans[role], predicted[role]);
      add(byRole[role], c);
      add(pub[role], c);
    }
  }
  return { docs: docs.length, gold, byRole, byPublisher };
}

export function f1Of(c: { tp: number; fp: number; fn: number }): {
  p: number;
  r: number;
  f1: number;
} {
  return prf(c.tp, c.fp, c.fn);
}
