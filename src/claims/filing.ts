/**
 * Items filed under the sentence where they start, so that a claim looks only at
 * the few items near its own span. Each sentence's list is sorted by start and
 * searched by bisection: a run-on sentence with thousands of mentions, times or
 * attributions costs a claim a logarithm, not a scan of the whole sentence.
 */
import type { Span } from '../core/index.ts';

interface Entry<T> {
  item: T;
  span: Span;
  /** Position in the input list: results come back in input order. */
  order: number;
}

interface Filed<T> {
  entries: Entry<T>[];
  /** Largest span end among entries[0..k]: a backward scan stops once nothing earlier reaches. */
  maxEnd: number[];
}

/** Index of the first entry whose start is > `offset`. */
function afterStart<T>(entries: Entry<T>[], offset: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid] as Entry<T>).span[0] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first entry whose start is ≥ `offset`. */
function fromStart<T>(entries: Entry<T>[], offset: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid] as Entry<T>).span[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SentenceFiling<T> {
  private readonly bySentence = new Map<number, Filed<T>>();

  /**
   * @param sentenceOf the sentence index holding an offset, undefined between sentences
   *   (such items are not filed, as no claim's sentence holds them)
   * @param spanOf the span an item is filed and searched by
   */
  constructor(
    items: readonly T[],
    sentenceOf: (offset: number) => number | undefined,
    spanOf: (item: T) => Span,
  ) {
    items.forEach((item, order) => {
      const span = spanOf(item);
      const at = sentenceOf(span[0]);
      if (at === undefined) return;
      const filed = this.bySentence.get(at);
      const entry = { item, span, order };
      if (filed === undefined) this.bySentence.set(at, { entries: [entry], maxEnd: [] });
      else filed.entries.push(entry);
    });
    for (const filed of this.bySentence.values()) {
      // Stable: equal starts keep their input order.
      filed.entries.sort((a, b) => a.span[0] - b.span[0]);
      let max = -Infinity;
      filed.maxEnd = filed.entries.map((e) => (max = Math.max(max, e.span[1])));
    }
  }

  /** Every item of one sentence, in input order. */
  all(sentence: number): T[] {
    const entries = this.bySentence.get(sentence)?.entries ?? [];
    return [...entries].sort((a, b) => a.order - b.order).map((e) => e.item);
  }

  /**
   * Items of sentences first..last whose span lies inside `span`, sentence by
   * sentence and in input order within a sentence.
   */
  inside(first: number, last: number, span: Span): T[] {
    const out: T[] = [];
    for (let k = Math.max(0, first); k <= last; k++) {
      const entries = this.bySentence.get(k)?.entries;
      if (entries === undefined) continue;
      const found: Entry<T>[] = [];
      for (let i = fromStart(entries, span[0]); i < entries.length; i++) {
        const e = entries[i] as Entry<T>;
        if (e.span[0] > span[1]) break;
        if (e.span[1] <= span[1]) found.push(e);
      }
      found.sort((a, b) => a.order - b.order);
      for (const e of found) out.push(e.item);
    }
    return out;
  }

  /** Whether an item of sentences first..last holds `span` (its span contains it). */
  holds(first: number, last: number, span: Span): boolean {
    for (let k = last; k >= Math.max(0, first); k--) {
      const filed = this.bySentence.get(k);
      if (filed === undefined) continue;
      for (let i = afterStart(filed.entries, span[0]) - 1; i >= 0; i--) {
        if ((filed.maxEnd[i] ?? -Infinity) < span[1]) break;
        if ((filed.entries[i] as Entry<T>).span[1] >= span[1]) return true;
      }
    }
    return false;
  }

  /**
   * The last `limit` items (by start) of sentences first..last that start at or
   * before `offset`, in ascending order of start.
   */
  lastStartingBy(first: number, last: number, offset: number, limit: number): T[] {
    const out: T[] = [];
    for (let k = last; k >= Math.max(0, first) && out.length < limit; k--) {
      const entries = this.bySentence.get(k)?.entries;
      if (entries === undefined) continue;
      for (let i = afterStart(entries, offset) - 1; i >= 0 && out.length < limit; i--) {
        out.push((entries[i] as Entry<T>).item);
      }
    }
    return out.reverse();
  }
}

/**
 * Times of one sentence that frame its claims. A time inside no claim piece
 * ("Officials said on Monday that ...") frames the pieces after it, until the
 * next such time takes over: a claim takes the last run of these free times
 * before it (times with no piece between them form one run), plus any time that
 * only its own piece holds. Runs keep a run-on sentence from handing every
 * earlier date to every later clause.
 */
export class SentenceFrames<P extends { span: Span }, T extends { span: Span }> {
  private readonly times: readonly T[];
  /** Indexes (into `times`) of the times no piece holds, by start. */
  private readonly free: number[] = [];
  /** Run number of each free time (parallel to `free`). */
  private readonly run: number[] = [];
  /** Times held by exactly one piece, under that piece. */
  private readonly soleHolder = new Map<P, number[]>();

  constructor(times: readonly T[], pieces: readonly P[]) {
    this.times = times;
    const byStart = times
      .map((_, i) => i)
      .sort((a, b) => spanOf(times, a)[0] - spanOf(times, b)[0]);
    const sorted = [...pieces].sort((a, b) => a.span[0] - b.span[0]);
    const starts = sorted.map((p) => p.span[0]);
    // Sweep by start: of the pieces started so far, the two reaching furthest tell
    // whether a time has no holder, one, or more.
    let next = 0;
    let far: P | undefined;
    let second: P | undefined;
    for (const i of byStart) {
      const [start, end] = spanOf(times, i);
      for (; next < sorted.length && (sorted[next] as P).span[0] <= start; next++) {
        const p = sorted[next] as P;
        if (far === undefined || p.span[1] > far.span[1]) {
          second = far;
          far = p;
        } else if (second === undefined || p.span[1] > second.span[1]) second = p;
      }
      const holders = [far, second].filter((p) => p !== undefined && p.span[1] >= end);
      if (holders.length === 0) {
        const previous = this.free[this.free.length - 1];
        const runOf = this.run[this.run.length - 1] ?? 0;
        // A piece starting between the previous free time and this one closes the run.
        const between =
          previous !== undefined &&
          countBelow(starts, start) > countBelow(starts, spanOf(times, previous)[1]);
        this.free.push(i);
        this.run.push(between ? runOf + 1 : runOf);
      } else if (holders.length === 1) {
        const holder = holders[0] as P;
        const list = this.soleHolder.get(holder);
        if (list === undefined) this.soleHolder.set(holder, [i]);
        else list.push(i);
      }
    }
  }

  /** The times that frame `piece`, ending at or before `offset`, in input order. */
  framing(piece: P, offset: number): T[] {
    const picked: number[] = [];
    // Last free time starting before the offset, then back to one that ends by it.
    let lo = 0;
    let hi = this.free.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spanOf(this.times, this.free[mid] as number)[0] < offset) lo = mid + 1;
      else hi = mid;
    }
    let k = lo - 1;
    while (k >= 0 && spanOf(this.times, this.free[k] as number)[1] > offset) k--;
    const runOf = this.run[k];
    for (; k >= 0 && this.run[k] === runOf; k--) {
      const i = this.free[k] as number;
      if (spanOf(this.times, i)[1] <= offset) picked.push(i);
    }
    for (const i of this.soleHolder.get(piece) ?? []) {
      if (spanOf(this.times, i)[1] <= offset) picked.push(i);
    }
    return picked.sort((a, b) => a - b).map((i) => this.times[i] as T);
  }
}

function spanOf<T extends { span: Span }>(items: readonly T[], i: number): Span {
  return (items[i] as T).span;
}

/** How many of the sorted numbers are below `value`. */
function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
