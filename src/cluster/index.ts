/**
 * Story clustering: articles ▶ stories (one real-world event each).
 *
 * Two steps, both functions of the set of articles only:
 * 1. Candidates. Two articles are candidates of one story when they share a
 *    signature feature (a heavy name, rare term, figure or day; ./features.ts)
 *    and their pair score reaches `candidateThreshold`. The signature index
 *    means an article is compared only with articles sharing such a feature, so
 *    cost grows close to linearly. Connected components of this graph are the
 *    candidate groups.
 * 2. Stories. Inside a candidate group, average-link agglomeration over the
 *    pair scores with `linkThreshold`, ties broken by article id. Average link
 *    (not single link) keeps two stories of one kind apart even when a few of
 *    their articles look alike.
 * The pair score is a weighted cosine of story features, lowered when both
 * articles state years (or calendar days) and share none: two earthquakes in
 * the same region years apart are different stories.
 *
 * `StoryIndex.add` places articles one by one; because a story depends only on
 * its candidate group's members, the stories after any order of additions equal
 * `clusterStories` of the same set. All parameters were fixed on ECB+ train and
 * dev topics (eval/sections/30-ecbplus-clustering.ts).
 */
import type { AnnotatedArticle, Story } from '../core/index.ts';
import { pushTo, stableId } from '../core/index.ts';
import {
  DEFAULT_FEATURE_PARAMS,
  featureSimilarity,
  storyFeatures,
  type Feature,
  type FeatureParams,
  type StoryFeatures,
} from './features.ts';

export { storyFeatures, featureSimilarity, normalizeName } from './features.ts';
export type { Feature, FeatureKind, FeatureParams, StoryFeatures } from './features.ts';

export interface ClusterParams extends FeatureParams {
  /** Average pair score at or above which two groups of articles are one story. */
  linkThreshold: number;
  /**
   * A story of one or two articles left after agglomeration joins the larger
   * story it is closest to (average score) when that reaches this threshold:
   * short articles share fewer features, yet rarely belong to no story at all.
   */
  attachThreshold: number;
  /** Pair score at or above which two articles are candidates of one story. */
  candidateThreshold: number;
  /** Factor on the score when both articles state years and share none. */
  yearMismatch: number;
  /** Factor on the score when both articles state calendar days and share none. */
  dayMismatch: number;
  /**
   * Factor on the score when neither article mentions the other's most
   * prominent name (its protagonist, place or organisation): two reports of
   * one kind of event about different people.
   */
  protagonistMismatch: number;
}

export const DEFAULT_CLUSTER_PARAMS: ClusterParams = {
  ...DEFAULT_FEATURE_PARAMS,
  linkThreshold: 0.22,
  candidateThreshold: 0.2,
  attachThreshold: 0.07,
  yearMismatch: 0.25,
  dayMismatch: 1,
  protagonistMismatch: 0.8,
};

export interface StoryLink {
  /** True when the pair alone would make one story (score ≥ linkThreshold). */
  linked: boolean;
  /** Candidates of one story (shared signature feature, score ≥ candidateThreshold). */
  candidate: boolean;
  score: number;
  /** The heaviest shared features, described. */
  shared: string[];
  /** What lowered the score (years or days stated by both and not shared). */
  differed: string[];
}

function describe(f: Feature): string {
  return `${f.kind} "${f.label}"`;
}

interface Facts {
  years: string[];
  days: string[];
  /** The heaviest single-word name of the article. */
  protagonist?: Feature;
}

const factsCache = new WeakMap<StoryFeatures, Facts>();

function factsOf(f: StoryFeatures): Facts {
  let facts = factsCache.get(f);
  if (facts) return facts;
  const years: string[] = [];
  const days: string[] = [];
  let protagonist: Feature | undefined;
  for (const x of f.features.values()) {
    if (x.kind === 'year') years.push(x.key);
    else if (x.kind === 'day') days.push(x.key);
    else if (x.kind === 'name' && !x.key.includes(' ')) {
      if (
        !protagonist ||
        x.weight > protagonist.weight ||
        (x.weight === protagonist.weight && x.key < protagonist.key)
      )
        protagonist = x;
    }
  }
  facts = { years, days, protagonist };
  factsCache.set(f, facts);
  return facts;
}

/** The factor that contradicting facts put on a pair's cosine, and what differed. */
function contradictions(
  a: StoryFeatures,
  b: StoryFeatures,
  params: ClusterParams,
  explain: boolean,
): { factor: number; differed: string[] } {
  const fa = factsOf(a);
  const fb = factsOf(b);
  let factor = 1;
  const differed: string[] = [];
  const show = (ks: string[]): string => ks.map((k) => k.slice(k.indexOf(':') + 1)).join('/');
  for (const [kind, ka, kb, f] of [
    ['years', fa.years, fb.years, params.yearMismatch],
    ['days', fa.days, fb.days, params.dayMismatch],
  ] as const) {
    if (f === 1 || ka.length === 0 || kb.length === 0 || ka.some((k) => kb.includes(k))) continue;
    factor *= f;
    if (explain) differed.push(`${kind} ${show(ka)} vs ${show(kb)}`);
  }
  const pa = fa.protagonist;
  const pb = fb.protagonist;
  if (
    params.protagonistMismatch !== 1 &&
    pa &&
    pb &&
    !b.features.has(pa.key) &&
    !a.features.has(pb.key)
  ) {
    factor *= params.protagonistMismatch;
    if (explain) differed.push(`main names ${pa.label} vs ${pb.label}`);
  }
  return { factor, differed };
}

/** The pair score alone (cosine times contradiction factors), without evidence. */
function pairScore(a: StoryFeatures, b: StoryFeatures, params: ClusterParams): number {
  if (!a.norm || !b.norm) return 0;
  const [small, large] = a.features.size <= b.features.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, f] of small.features) {
    const g = large.features.get(key);
    if (g) dot += f.weight * g.weight;
  }
  return scoreFromDot(a, b, dot, params);
}

/** Cosine of two articles' features from their dot product, times the contradiction factor. */
function scoreFromDot(a: StoryFeatures, b: StoryFeatures, dot: number, params: ClusterParams) {
  if (dot === 0) return 0;
  return (dot / (a.norm * b.norm)) * contradictions(a, b, params, false).factor;
}

interface SparseVector {
  /** Feature ranks, ascending. */
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * The members' feature weights as sparse vectors over one order of their
 * feature keys (sorted, so the order, and hence every sum, does not depend on
 * the order of the members). A merge of two sorted arrays is several times
 * cheaper than a map lookup per feature, and a candidate group scores all its
 * pairs.
 */
function sparseVectors(features: StoryFeatures[]): SparseVector[] {
  const keys = [...new Set(features.flatMap((f) => [...f.features.keys()]))].sort();
  const rank = new Map(keys.map((key, i) => [key, i]));
  return features.map((f) => {
    const entries = [...f.features]
      .map(([key, feature]) => [rank.get(key) ?? 0, feature.weight] as const)
      .sort((x, y) => x[0] - y[0]);
    return {
      ids: Int32Array.from(entries, (e) => e[0]),
      weights: Float64Array.from(entries, (e) => e[1]),
    };
  });
}

function sparseDot(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      dot += a.weights[i++]! * b.weights[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** `pairScore` over precomputed sparse vectors. */
function vectorPairScore(
  a: StoryFeatures,
  b: StoryFeatures,
  va: SparseVector,
  vb: SparseVector,
  params: ClusterParams,
): number {
  if (!a.norm || !b.norm) return 0;
  return scoreFromDot(a, b, sparseDot(va, vb), params);
}

/** The pair score and decision between two articles' features. */
export function linkFeatures(
  a: StoryFeatures,
  b: StoryFeatures,
  params: ClusterParams = DEFAULT_CLUSTER_PARAMS,
): StoryLink {
  const { score: cosine, shared } = featureSimilarity(a, b);
  const { factor, differed } = contradictions(a, b, params, true);
  const score = cosine * factor;
  const keyShared = shared.some((s) => a.signature.has(s.a.key) && b.signature.has(s.a.key));
  return {
    linked: keyShared && score >= params.linkThreshold,
    candidate: keyShared && score >= params.candidateThreshold,
    score,
    shared: shared.slice(0, 6).map((s) => describe(s.a)),
    differed,
  };
}

/** Whether two articles, taken alone, report the same story, and why. */
export function storyLink(
  a: AnnotatedArticle,
  b: AnnotatedArticle,
  params: ClusterParams = DEFAULT_CLUSTER_PARAMS,
): StoryLink {
  return linkFeatures(storyFeatures(a, params), storyFeatures(b, params), params);
}

/** Articles in a deterministic order: publication date, then source, then id. */
function articleOrder(x: AnnotatedArticle, y: AnnotatedArticle): number {
  const key = (d: AnnotatedArticle): string =>
    `${d.article.meta.published ?? ''}\u0000${d.article.source}\u0000${d.article.id}`;
  const kx = key(x);
  const ky = key(y);
  return kx < ky ? -1 : kx > ky ? 1 : 0;
}

interface Member {
  doc: AnnotatedArticle;
  features: StoryFeatures;
}

/**
 * Average-link agglomeration of one candidate group. Members come sorted by
 * id; a merge folds the higher-indexed cluster into the lower one and the best
 * pair is the first maximum in index order, so the result depends only on the
 * group. Sums of pair scores between clusters are kept in one flat matrix, so
 * an average costs O(1) and a merge O(n).
 */
function averageLink(
  members: Member[],
  params: ClusterParams,
): { clusters: number[][]; links: (i: number, j: number) => StoryLink } {
  const n = members.length;
  const linkCache = new Map<number, StoryLink>();
  const links = (i: number, j: number): StoryLink => {
    const [x, y] = i < j ? [i, j] : [j, i];
    let link = linkCache.get(x * n + y);
    if (!link) {
      link = linkFeatures(members[x]!.features, members[y]!.features, params);
      linkCache.set(x * n + y, link);
    }
    return link;
  };
  const scores = new Float64Array(n * n);
  const vectors = sparseVectors(members.map((m) => m.features));
  // Articles joined by a pair at or above the link threshold, transitively: an
  // average over two clusters reaches the threshold only if one of their pairs
  // does, so agglomeration never merges across these components and each is
  // run on its own (same merges, in the same order, as over the whole group;
  // the cost is cubic in the component, not in the candidate group).
  const component = Int32Array.from(members.keys());
  const root = (i: number): number => {
    let at = i;
    while (component[at] !== at) at = component[at] = component[component[at]!]!;
    return at;
  };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const score = vectorPairScore(
        members[i]!.features,
        members[j]!.features,
        vectors[i]!,
        vectors[j]!,
        params,
      );
      scores[i * n + j] = score;
      scores[j * n + i] = score;
      if (score >= params.linkThreshold) {
        const [a, b] = [root(i), root(j)];
        if (a !== b) component[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const sums = Float64Array.from(scores);
  const size = new Int32Array(n).fill(1);
  const groups: number[][] = members.map((_, i) => [i]);
  const byComponent = new Map<number, number[]>();
  for (let i = 0; i < n; i++) pushTo(byComponent, root(i), i);
  for (const active of byComponent.values()) {
    for (;;) {
      let best = -1;
      let bi = -1;
      let bj = -1;
      for (let x = 0; x < active.length; x++) {
        const i = active[x]!;
        for (let y = x + 1; y < active.length; y++) {
          const j = active[y]!;
          const avg = sums[i * n + j]! / (size[i]! * size[j]!);
          if (avg > best) {
            best = avg;
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0 || best < params.linkThreshold) break;
      for (const k of active) {
        if (k === bi || k === bj) continue;
        const v = sums[bi * n + k]! + sums[bj * n + k]!;
        sums[bi * n + k] = v;
        sums[k * n + bi] = v;
      }
      size[bi] = size[bi]! + size[bj]!;
      groups[bi]!.push(...groups[bj]!);
      active.splice(active.indexOf(bj), 1);
    }
  }
  const active = [...byComponent.values()].flat().sort((x, y) => x - y);
  /** Sum of the pair scores between two clusters (across components `sums` is not kept up to date). */
  const between = (k: number, l: number): number => {
    let total = 0;
    for (const a of groups[k]!) for (const b of groups[l]!) total += scores[a * n + b]!;
    return total;
  };
  // Attachment of small leftovers, all decided against the same state so
  // that the outcome does not depend on the order they are looked at.
  const small = active.filter((k) => size[k]! <= 2);
  const large = active.filter((k) => size[k]! > 2);
  const target = new Map<number, number>();
  for (const k of small) {
    let best = -1;
    let bestK = -1;
    for (const l of large) {
      const avg = between(k, l) / (size[k]! * size[l]!);
      if (avg > best) {
        best = avg;
        bestK = l;
      }
    }
    if (bestK >= 0 && best >= params.attachThreshold) target.set(k, bestK);
  }
  const final = new Map(active.map((k) => [k, [...groups[k]!]]));
  for (const [k, l] of target) final.get(l)!.push(...groups[k]!);
  const clusters = active
    .filter((k) => !target.has(k))
    .map((k) => final.get(k)!.sort((x, y) => x - y));
  return { clusters, links };
}

/**
 * Incremental story index: `add` places one article; `stories` gives the stories
 * of everything added, equal to `clusterStories` of the same set.
 */
export class StoryIndex {
  readonly params: ClusterParams;
  private readonly members = new Map<string, Member>();
  /**
   * Further articles with the text of a member (the same wire copy from two
   * outlets has one id): they go wherever the member goes. Their story
   * features equal the member's, since stated dates, names and terms come from
   * the text alone.
   */
  private readonly copies = new Map<string, AnnotatedArticle[]>();
  private readonly bySignature = new Map<string, string[]>();
  private readonly parent = new Map<string, string>();
  /** Pairs compared so far (the bench reports it to show the blocking). */
  comparisons = 0;

  /** Sizes of the candidate groups, largest first (the bench reports them). */
  groupSizes(): number[] {
    const count = new Map<string, number>();
    for (const id of this.members.keys()) {
      const root = this.find(id);
      count.set(root, (count.get(root) ?? 0) + 1);
    }
    return [...count.values()].sort((a, b) => b - a);
  }

  constructor(params: ClusterParams = DEFAULT_CLUSTER_PARAMS) {
    this.params = params;
  }

  get size(): number {
    return this.members.size;
  }

  private find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root) ?? root;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Adds an article (an id already present is ignored). */
  add(doc: AnnotatedArticle): void {
    const id = doc.article.id;
    const member = this.members.get(id);
    if (member) {
      const list = this.copies.get(id) ?? [];
      const seen = [member.doc, ...list].some(
        (d) => d === doc || d.article.source === doc.article.source,
      );
      if (!seen) this.copies.set(id, [...list, doc]);
    } else {
      const mine = storyFeatures(doc, this.params);
      const candidates = new Set<string>();
      for (const key of mine.signature) {
        for (const other of this.bySignature.get(key) ?? []) candidates.add(other);
      }
      this.members.set(id, { doc, features: mine });
      this.parent.set(id, id);
      for (const other of candidates) {
        const theirs = this.members.get(other);
        if (!theirs) continue;
        this.comparisons += 1;
        // Candidates come from the signature index, so they share a signature feature.
        if (pairScore(mine, theirs.features, this.params) < this.params.candidateThreshold)
          continue;
        const ra = this.find(id);
        const rb = this.find(other);
        if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
      }
      for (const key of mine.signature) {
        let list = this.bySignature.get(key);
        if (!list) this.bySignature.set(key, (list = []));
        list.push(id);
      }
    }
  }

  /** Adds an article and returns the story it now belongs to. */
  place(doc: AnnotatedArticle): Story {
    this.add(doc);
    const id = doc.article.id;
    const root = this.find(id);
    const group = [...this.members.keys()].filter((m) => this.find(m) === root);
    const story = this.groupStories(group).find((s) => s.articles.some((d) => d.article.id === id));
    if (!story) throw new Error('StoryIndex.place: article lost from its own group (bug)');
    return story;
  }

  private groupStories(ids: string[]): Story[] {
    const members = [...ids].sort().map((m) => this.members.get(m)!);
    const { clusters, links } = averageLink(members, this.params);
    return clusters.map((cluster, ci) => {
      const articles = cluster
        .flatMap((i) => [members[i]!.doc, ...(this.copies.get(members[i]!.doc.article.id) ?? [])])
        .sort(articleOrder);
      const evidence = storyEvidence(members, cluster, links);
      for (const i of cluster) {
        const docs = [members[i]!.doc, ...(this.copies.get(members[i]!.doc.article.id) ?? [])].sort(
          articleOrder,
        );
        if (docs.length > 1)
          evidence.push(`identical text: ${docs.map((d) => `"${d.article.source}"`).join(', ')}`);
      }
      for (let cj = 0; cj < clusters.length; cj++) {
        if (cj === ci) continue;
        evidence.push(apartEvidence(members, cluster, clusters[cj]!, links));
      }
      return {
        id: stableId(
          articles
            .map((d) => d.article.id)
            .sort()
            .join(' '),
        ),
        articles,
        evidence,
      };
    });
  }

  /** The stories of every article added so far, largest first, then by id. */
  stories(): Story[] {
    const groups = new Map<string, string[]>();
    for (const id of this.members.keys()) {
      const root = this.find(id);
      let list = groups.get(root);
      if (!list) groups.set(root, (list = []));
      list.push(id);
    }
    const stories = [...groups.values()].flatMap((ids) => this.groupStories(ids));
    return stories.sort(
      (x, y) => y.articles.length - x.articles.length || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );
  }
}

function titleOf(m: Member): string {
  return m.doc.article.title || m.doc.article.source;
}

/** Why a story holds its articles: the strongest links that connect it (a maximum spanning tree). */
function storyEvidence(
  members: Member[],
  cluster: number[],
  links: (i: number, j: number) => StoryLink,
): string[] {
  if (cluster.length === 1) return ['no other text shares enough of its story features'];
  const pairs: [number, number][] = [];
  for (let x = 0; x < cluster.length; x++) {
    for (let y = x + 1; y < cluster.length; y++) pairs.push([cluster[x]!, cluster[y]!]);
  }
  pairs.sort(([a, b], [c, d]) => links(c, d).score - links(a, b).score || a - c || b - d);
  const parent = new Map(cluster.map((i) => [i, i]));
  const find = (i: number): number => {
    let r = i;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  const lines: string[] = [];
  for (const [i, j] of pairs) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    parent.set(ri, rj);
    const link = links(i, j);
    lines.push(
      `"${titleOf(members[i]!)}" ~ "${titleOf(members[j]!)}": score ${link.score.toFixed(2)}; shared ${link.shared.join(', ') || 'nothing'}${link.differed.length ? `; differed ${link.differed.join(', ')}` : ''}`,
    );
  }
  return lines;
}

/** Why a story was kept apart from a similar one (same candidate group). */
function apartEvidence(
  members: Member[],
  mine: number[],
  theirs: number[],
  links: (i: number, j: number) => StoryLink,
): string {
  let sum = 0;
  const differed = new Set<string>();
  for (const i of mine) {
    for (const j of theirs) {
      const link = links(i, j);
      sum += link.score;
      for (const d of link.differed) differed.add(d);
    }
  }
  const avg = sum / (mine.length * theirs.length);
  const other = titleOf(members[theirs[0]!]!);
  const why = differed.size ? `; differed ${[...differed].slice(0, 3).join(', ')}` : '';
  return `kept apart from the story of "${other}": average score ${avg.toFixed(2)} below the link threshold${why}`;
}

/** Groups articles into stories; the same set gives the same stories in any order. */
export function clusterStories(
  articles: AnnotatedArticle[],
  params: ClusterParams = DEFAULT_CLUSTER_PARAMS,
): Story[] {
  const index = new StoryIndex(params);
  for (const doc of articles) index.add(doc);
  return index.stories();
}
