/**
 * The store re-clusters a candidate group on every add and reuses what the
 * earlier calls found (ClusterMemo: link components, agglomerated clusters,
 * sums between clusters). These tests grow, join and shrink groups of
 * synthetic story features (generated here: topics of shared names and terms
 * with noise, so that groups hold several link components, small leftovers
 * and attachments) and require every call with the memo to give exactly the
 * stories, ids and evidence of a fresh call without it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnnotatedArticle, Story } from '../../src/core/index.ts';
import {
  ClusterMemo,
  clusterGroup,
  PairScoreCache,
  type Feature,
  type StoryFeatures,
} from '../../src/cluster/index.ts';

/** mulberry32: the same sequence on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Synthetic {
  doc: AnnotatedArticle;
  features: StoryFeatures;
}

/** `count` articles over `topics` topics: each takes most of its topic's words, some of a neighbour's, and noise. */
function syntheticArticles(count: number, topics: number, seed: number): Synthetic[] {
  const random = generator(seed);
  const out: Synthetic[] = [];
  for (let i = 0; i < count; i++) {
    const topic = Math.floor(random() * topics);
    const features = new Map<string, Feature>();
    const put = (key: string, kind: Feature['kind'], weight: number) =>
      features.set(key, { key, kind, label: key, weight });
    for (let w = 0; w < 8; w++) if (random() < 0.55) put(`t${topic}w${w}`, 'term', 1 + random());
    for (let w = 0; w < 3; w++)
      if (random() < 0.5) put(`name${topic}x${w}`, 'name', 2 + 2 * random());
    const neighbour = (topic + 1) % topics;
    for (let w = 0; w < 8; w++) if (random() < 0.12) put(`t${neighbour}w${w}`, 'term', 1);
    for (let w = 0; w < 4; w++) put(`noise${Math.floor(random() * 400)}`, 'term', 0.5 + random());
    if (random() < 0.4) put(`${2000 + (topic % 3) + (random() < 0.15 ? 10 : 0)}`, 'year', 1.5);
    const id = `a${String(i).padStart(3, '0')}`;
    const norm = Math.sqrt([...features.values()].reduce((s, f) => s + f.weight ** 2, 0));
    const signature = new Set([...features.keys()].filter((k) => !k.startsWith('noise')));
    const article = { id, title: `article ${id}`, source: `${id}.txt`, meta: {} };
    out.push({
      doc: { article } as unknown as AnnotatedArticle,
      features: { articleId: id, features, norm, signature },
    });
  }
  return out;
}

const view = (stories: Story[]) =>
  stories.map((s) => ({
    id: s.id,
    articles: s.articles.map((d) => d.article.id),
    evidence: s.evidence,
  }));

function fresh(members: Synthetic[]): ReturnType<typeof view> {
  return view(clusterGroup(members));
}

describe('clusterGroup with a ClusterMemo', () => {
  it('equals a fresh clustering at every step of a group growing one article at a time', () => {
    const articles = syntheticArticles(90, 5, 7);
    const reuse = { cache: new PairScoreCache(), memo: new ClusterMemo() };
    let largest = 0;
    for (let k = 1; k <= articles.length; k++) {
      const members = articles.slice(0, k);
      const stories = clusterGroup(members, undefined, reuse);
      largest = Math.max(largest, ...stories.map((s) => s.articles.length));
      assert.deepEqual(view(stories), fresh(members), `after ${k} articles`);
    }
    // The case is only worth something if stories of several articles formed and were reused.
    assert.ok(largest >= 8, `largest story ${largest}`);
    assert.ok(reuse.memo.clustersOf.size > 0);
  });

  it('equals a fresh clustering when one article joins two groups clustered apart', () => {
    const articles = syntheticArticles(70, 4, 11);
    const left = articles.filter((a) => Number(a.features.articleId.slice(1)) % 2 === 0);
    const right = articles.filter((a) => Number(a.features.articleId.slice(1)) % 2 === 1);
    const reuse = { cache: new PairScoreCache(), memo: new ClusterMemo() };
    const bridge = left.pop()!;
    clusterGroup(left, undefined, reuse);
    clusterGroup(right, undefined, reuse);
    const joined = [...left, ...right, bridge];
    assert.deepEqual(view(clusterGroup(joined, undefined, reuse)), fresh(joined));
  });

  it('equals a fresh clustering when a member leaves (a revision replaces it)', () => {
    const articles = syntheticArticles(60, 3, 23);
    const reuse = { cache: new PairScoreCache(), memo: new ClusterMemo() };
    for (let gone = 0; gone < articles.length; gone++) {
      clusterGroup(articles, undefined, reuse);
      const rest = articles.filter((_, i) => i !== gone);
      assert.deepEqual(view(clusterGroup(rest, undefined, reuse)), fresh(rest), `without ${gone}`);
    }
  });

  it('starts over when an article id comes back with other features', () => {
    const first = syntheticArticles(60, 3, 5);
    // Same ids; a third of the articles lose weight on their names.
    const other = first.map(({ doc, features }, i) => ({
      doc,
      features: {
        ...features,
        features: new Map(
          [...features.features].map(([key, f]) => [
            key,
            i % 3 === 0 && f.kind === 'name' ? { ...f, weight: f.weight / 4 } : f,
          ]),
        ),
      },
    }));
    const reuse = { cache: new PairScoreCache(), memo: new ClusterMemo() };
    assert.deepEqual(view(clusterGroup(first, undefined, reuse)), fresh(first));
    assert.ok(reuse.memo.betweenSums.size > 0 && reuse.memo.clustersOf.size > 0);
    // The same objects again keep what was found; other objects under the same ids drop it.
    reuse.memo.admit(first.map((a) => a.features));
    assert.ok(reuse.memo.betweenSums.size > 0 && reuse.memo.clustersOf.size > 0);
    reuse.memo.admit(other.map((a) => a.features));
    assert.equal(reuse.memo.betweenSums.size + reuse.memo.clustersOf.size, 0);
    // Nothing found for `first` may be reused for `other`.
    assert.deepEqual(view(clusterGroup(other, undefined, reuse)), fresh(other));
  });
});
