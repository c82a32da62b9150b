/**
 * The reference baseline for story clustering: plain TF-IDF vectors (IDF over
 * the documents being clustered), cosine similarity, average-link
 * agglomeration stopped at a threshold. Deliberately simple; used for
 * comparison only.
 */
const WORD = /\p{L}[\p{L}\p{M}'’-]*|\d[\d,.]*/gu;

export function tfidfVectors(texts: string[]): Map<string, number>[] {
  const tfs = texts.map((text) => {
    const tf = new Map<string, number>();
    for (const m of text.toLowerCase().matchAll(WORD)) tf.set(m[0], (tf.get(m[0]) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  return tfs.map((tf) => {
    const v = new Map<string, number>();
    let sq = 0;
    for (const [w, c] of tf) {
      const x = c * Math.log(n / (df.get(w) ?? 1));
      if (x > 0) v.set(w, x);
      sq += x * x;
    }
    const norm = Math.sqrt(sq) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [s, l] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of s) dot += x * (l.get(w) ?? 0);
  return dot;
}

/**
 * Average-link agglomeration over a full similarity matrix; returns, for every
 * threshold asked, the cluster label of each item (one run, cut at each level).
 */
export function averageLinkCuts(sim: number[][], thresholds: number[]): Map<number, number[]> {
  const n = sim.length;
  let clusters: number[][] = Array.from({ length: n }, (_, i) => [i]);
  let sums = sim.map((row) => [...row]);
  const cuts = new Map<number, number[]>();
  const pending = [...thresholds].sort((a, b) => b - a);
  const snapshot = (): number[] => {
    const label = new Array<number>(n).fill(0);
    clusters.forEach((c, ci) => c.forEach((i) => (label[i] = ci)));
    return label;
  };
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const avg = sums[i]![j]! / (clusters[i]!.length * clusters[j]!.length);
        if (avg > best) {
          best = avg;
          bi = i;
          bj = j;
        }
      }
    }
    while (pending.length > 0 && (bi < 0 || best < pending[0]!))
      cuts.set(pending.shift()!, snapshot());
    if (bi < 0 || pending.length === 0) break;
    const keep = clusters.map((_, k) => k).filter((k) => k !== bi && k !== bj);
    clusters = [...keep.map((k) => clusters[k]!), [...clusters[bi]!, ...clusters[bj]!]];
    const next = keep.map((k) => [...keep.map((l) => sums[k]![l]!), sums[k]![bi]! + sums[k]![bj]!]);
    next.push([...keep.map((k) => sums[bi]![k]! + sums[bj]![k]!), 0]);
    sums = next;
  }
  return cuts;
}
