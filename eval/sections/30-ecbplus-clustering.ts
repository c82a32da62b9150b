/**
 * ECB+ story clustering: B-cubed precision, recall and F1 of documents against
 * the gold stories (topic, ecb|ecbplus). Every parameter of `clusterStories`
 * was fixed on train and dev topics; test topics 36-45 are reported. The plain
 * TF-IDF average-link baseline is shown with its threshold picked on the test
 * set itself (an upper bound for that baseline, for reference only).
 */
import { annotate } from '../../src/annotate/index.ts';
import type { AnnotatedArticle } from '../../src/core/index.ts';
import { clusterStories, StoryIndex } from '../../src/cluster/index.ts';
import { bcubed, readEcbPlus, toArticle, type EcbDocument, type Split } from '../ecbplus.ts';
import { fmt, table } from '../shared.ts';
import { averageLinkCuts, cosine, tfidfVectors } from '../tfidf-baseline.ts';

function score(docs: EcbDocument[], partition: Map<string, string>) {
  return bcubed(partition, new Map(docs.map((d) => [d.name, d.story])));
}

function partitionOf(
  stories: { id: string; articles: AnnotatedArticle[] }[],
  nameOf: Map<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of stories)
    for (const a of s.articles) out.set(nameOf.get(a.article.id) ?? '', s.id);
  return out;
}

/** Deterministic shuffle (xorshift) so the order check is repeatable. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = Math.abs(x) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function evaluate(): Promise<{ title: string; markdown: string }> {
  await Promise.resolve();
  const docs = readEcbPlus();
  const rows: (string | number)[][] = [];
  let orderNote = '';
  for (const split of ['train', 'dev', 'test'] as Split[]) {
    const sel = docs.filter((d) => d.split === split);
    const annotated = sel.map((d) => annotate(toArticle(d)));
    const nameOf = new Map(annotated.map((a, i) => [a.article.id, sel[i]!.name]));
    const stories = clusterStories(annotated);
    const r = score(sel, partitionOf(stories, nameOf));
    const gold = new Set(sel.map((d) => d.story)).size;
    rows.push([
      `crosscheck (${split}${split === 'test' ? ', topics 36-45' : ''})`,
      sel.length,
      gold,
      stories.length,
      fmt(r.p),
      fmt(r.r),
      fmt(r.f1),
    ]);
    if (split === 'test') {
      // The same set in other orders, in one batch and one by one, must give the same stories.
      const reference = stories
        .map((s) => s.id)
        .sort()
        .join(',');
      let same = true;
      for (const seed of [7, 42, 1234]) {
        const order = shuffled(annotated, seed);
        const batch = clusterStories(order)
          .map((s) => s.id)
          .sort()
          .join(',');
        const index = new StoryIndex();
        for (const a of order) index.add(a);
        const incremental = index
          .stories()
          .map((s) => s.id)
          .sort()
          .join(',');
        same &&= batch === reference && incremental === reference;
      }
      orderNote = `Order check on test: 3 shuffled orders, batch and one-by-one (\`StoryIndex.add\`): ${same ? 'identical stories' : 'DIFFERENT stories'}.`;

      const vectors = tfidfVectors(sel.map((d) => d.text));
      const sim = vectors.map((a) => vectors.map((b) => cosine(a, b)));
      const thresholds = Array.from({ length: 40 }, (_, i) => 0.01 * (i + 1));
      const cuts = averageLinkCuts(sim, thresholds);
      let best = { t: 0, p: 0, r: 0, f1: -1, k: 0 };
      for (const t of thresholds) {
        const labels = cuts.get(t) ?? [];
        const partition = new Map(sel.map((d, i) => [d.name, String(labels[i])]));
        const s = score(sel, partition);
        if (s.f1 > best.f1) best = { t, ...s, k: new Set(labels).size };
      }
      rows.push([
        `TF-IDF average link, threshold ${best.t.toFixed(2)} picked on test (reference)`,
        sel.length,
        gold,
        best.k,
        fmt(best.p),
        fmt(best.r),
        fmt(best.f1),
      ]);
    }
  }
  return {
    title: 'ECB+ story clustering (B-cubed over documents)',
    markdown: [
      table(['system (split)', 'docs', 'gold stories', 'stories', 'P', 'R', 'F1'], rows),
      '',
      'Gold story = (topic, ecb|ecbplus): within a topic the two halves report two events of the same kind. ' +
        'crosscheck uses document-local story features (names, rare terms by SUBTLEX reference rarity, figures, years, days) ' +
        'with parameters fixed on train/dev; no statistic is computed over the test documents.',
      '',
      orderNote,
    ].join('\n'),
  };
}
