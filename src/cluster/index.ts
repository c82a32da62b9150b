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

/** Whether `b` states any of the year or day keys `keys` (a feature of `a`). */
function sharesAny(keys: string[], b: StoryFeatures): boolean {
  for (const key of keys) if (b.features.has(key)) return true;
  return false;
}

/** Year or day keys as shown in evidence ("year:2016" → "2016"). */
function showKeys(keys: string[]): string {
  return keys.map((k) => k.slice(k.indexOf(':') + 1)).join('/');
}

/**
 * The factor that contradicting facts put on a pair's cosine. When `differed`
 * is given, what differed is described into it; the pair scores of a
 * candidate group pass none, so that path builds no strings.
 */
function contradictions(
  a: StoryFeatures,
  b: StoryFeatures,
  params: ClusterParams,
  differed?: string[],
): number {
  const fa = factsOf(a);
  const fb = factsOf(b);
  let factor = 1;
  if (params.yearMismatch !== 1 && fa.years.length > 0 && fb.years.length > 0)
    if (!sharesAny(fa.years, b)) {
      factor *= params.yearMismatch;
      differed?.push(`years ${showKeys(fa.years)} vs ${showKeys(fb.years)}`);
    }
  if (params.dayMismatch !== 1 && fa.days.length > 0 && fb.days.length > 0)
    if (!sharesAny(fa.days, b)) {
      factor *= params.dayMismatch;
      differed?.push(`days ${showKeys(fa.days)} vs ${showKeys(fb.days)}`);
    }
  const pa = fa.protagonist;
  const pb = fb.protagonist;
  if (params.protagonistMismatch !== 1 && pa && pb)
    if (!b.features.has(pa.key) && !a.features.has(pb.key)) {
      factor *= params.protagonistMismatch;
      differed?.push(`main names ${pa.label} vs ${pb.label}`);
    }
  return factor;
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
  return (dot / (a.norm * b.norm)) * contradictions(a, b, params);
}

interface SparseVector {
  /** Interned feature keys, in ascending order of the key strings. */
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * Feature keys as small integers, for the dense scatter array; shared by every
 * group. It grows with the vocabulary of names and rare terms seen by the
 * process (tens of thousands of keys for two thousand articles).
 */
const internedKeys = new Map<string, number>();

const vectorCache = new WeakMap<StoryFeatures, SparseVector>();

/**
 * An article's feature weights as a sparse vector, in ascending key order, so
 * that a pair's products are always added in the same order whatever the
 * other members of the group (every sum, hence every score, depends on the
 * pair alone). Read once per article.
 */
function sparseVector(f: StoryFeatures): SparseVector {
  let vector = vectorCache.get(f);
  if (vector) return vector;
  const keys = [...f.features.keys()].sort();
  vector = {
    ids: Int32Array.from(keys, (key) => {
      let id = internedKeys.get(key);
      if (id === undefined) internedKeys.set(key, (id = internedKeys.size));
      return id;
    }),
    weights: Float64Array.from(keys, (key) => f.features.get(key)!.weight),
  };
  vectorCache.set(f, vector);
  return vector;
}

/**
 * Pair scores kept between calls by a caller that re-clusters the same
 * articles many times (the store re-clusters a candidate group on every add
 * that joins it, and only the new article's pairs are new). Keyed by the
 * story-features objects, so the caller must pass the same object for the same
 * article; entries are dropped all at once past `limit`.
 */
export class PairScoreCache {
  private rows = new WeakMap<StoryFeatures, Map<StoryFeatures, number>>();
  private entries = 0;
  constructor(private readonly limit = 4_000_000) {}
  get(a: StoryFeatures, b: StoryFeatures): number | undefined {
    return this.rows.get(a)?.get(b);
  }
  /** The scores known of `a` with articles that came after it (keyed as `get`'s second argument). */
  row(a: StoryFeatures): ReadonlyMap<StoryFeatures, number> | undefined {
    return this.rows.get(a);
  }
  set(a: StoryFeatures, b: StoryFeatures, score: number): void {
    if (this.entries >= this.limit) {
      this.rows = new WeakMap();
      this.entries = 0;
    }
    let row = this.rows.get(a);
    if (!row) this.rows.set(a, (row = new Map<StoryFeatures, number>()));
    row.set(b, score);
    this.entries += 1;
  }
}

/**
 * Whether two articles are candidates of one story: a shared signature
 * feature and a pair score at or above the candidate threshold. Equal to
 * `linkFeatures(a, b).candidate` without listing the shared features.
 */
export function isCandidatePair(
  a: StoryFeatures,
  b: StoryFeatures,
  params: ClusterParams = DEFAULT_CLUSTER_PARAMS,
): boolean {
  for (const key of a.signature)
    if (b.signature.has(key)) return pairScore(a, b, params) >= params.candidateThreshold;
  return false;
}

/** The pair score and decision between two articles' features. */
export function linkFeatures(
  a: StoryFeatures,
  b: StoryFeatures,
  params: ClusterParams = DEFAULT_CLUSTER_PARAMS,
): StoryLink {
  const { score: cosine, shared } = featureSimilarity(a, b);
  const differed: string[] = [];
  const factor = contradictions(a, b, params, differed);
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

/** Articles in a deterministic order: publication date, then source, then id (a story's order). */
export function articleOrder(x: AnnotatedArticle, y: AnnotatedArticle): number {
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
 * Clustering results a caller keeps between calls when it re-clusters
 * candidate groups that grow one article at a time (the store, on every add):
 * the link components of each member set it clustered, the clusters each link
 * component agglomerated into, and the pair-score sums between small and large
 * clusters. A component, its clusters and those sums are functions of their
 * members' features alone, so an add re-agglomerates only the component the
 * new article joins; the result is the same as clustering the group afresh
 * (test/unit/cluster-memo.test.ts compares the two). Entries are keyed by the
 * story-features objects and article ids of the caller's feature cache; an id
 * seen with another features object clears the memo.
 */
export class ClusterMemo {
  /** Per member, the last member set it was clustered in, with that set's link components. */
  readonly groupOf = new WeakMap<StoryFeatures, GroupRecord>();
  /** Agglomerated clusters of a link component, keyed by its member ids in index order. */
  readonly clustersOf = new Map<string, { members: StoryFeatures[]; clusters: number[][] }>();
  /** Pair-score sums between a large cluster and a small one, keyed by their member ids in merge order. */
  readonly betweenSums = new Map<string, Map<string, number>>();
  /** Bumped whenever the memo is cleared: group records of an older generation are not used. */
  generation = 0;
  private readonly featuresOf = new Map<string, StoryFeatures>();
  private entries = 0;
  constructor(private readonly limit = 200_000) {}

  /** Starts a call: drops everything if an id now has other features, or past the size limit. */
  admit(features: StoryFeatures[]): void {
    let changed = this.entries > this.limit;
    for (const f of features) {
      const known = this.featuresOf.get(f.articleId);
      if (known && known !== f) changed = true;
    }
    if (changed) {
      this.featuresOf.clear();
      this.clustersOf.clear();
      this.betweenSums.clear();
      this.entries = 0;
      this.generation += 1;
    }
    for (const f of features) this.featuresOf.set(f.articleId, f);
  }

  /**
   * For a group about to be clustered: each member's owner (an index, or -1),
   * the last member set clustered that holds it and lies wholly in the group,
   * and the link components those sets found, as member indexes. A member
   * whose last set is another one belongs to that one.
   */
  priorComponents(features: StoryFeatures[]): { owner: Int32Array; components: number[][] } {
    const indexOf = new Map(features.map((f, i) => [f, i]));
    const owner = new Int32Array(features.length).fill(-1);
    const components: number[][] = [];
    const owners = new Map<GroupRecord, number>();
    for (const f of features) {
      const record = this.groupOf.get(f);
      if (!record || record.generation !== this.generation || owners.has(record)) continue;
      if (!record.members.every((m) => indexOf.has(m))) {
        owners.set(record, -1);
        continue;
      }
      const id = owners.size;
      owners.set(record, id);
      for (const m of record.members)
        if (this.groupOf.get(m) === record) owner[indexOf.get(m)!] = id;
      for (const component of record.components)
        components.push(component.map((m) => indexOf.get(m)!));
    }
    return { owner, components };
  }

  /** Keeps the link components (member indexes) found for this member set. */
  recordComponents(features: StoryFeatures[], components: number[][]): void {
    const record: GroupRecord = {
      generation: this.generation,
      members: features,
      components: components.map((c) => c.map((i) => features[i]!)),
    };
    for (const f of features) this.groupOf.set(f, record);
  }
  count(added: number): void {
    this.entries += added;
  }
}

interface GroupRecord {
  generation: number;
  members: StoryFeatures[];
  /** Link components of `members`. */
  components: StoryFeatures[][];
}

/**
 * Pair scores of one candidate group's members, row-major n × n, computed
 * (or read from the cache) when first asked for; `onScored` hears each pair
 * the first time it is scored.
 */
class GroupScores {
  private readonly n: number;
  private readonly scores: Float64Array;
  private readonly vectors: SparseVector[];
  private readonly dense: Float64Array;
  constructor(
    private readonly features: StoryFeatures[],
    private readonly params: ClusterParams,
    private readonly cache: PairScoreCache | undefined,
    private readonly onScored: (i: number, j: number, score: number) => void,
  ) {
    this.n = features.length;
    // NaN until scored.
    this.scores = new Float64Array(this.n * this.n).fill(NaN);
    this.vectors = features.map(sparseVector);
    this.dense = new Float64Array(internedKeys.size);
  }

  /**
   * Scores of member i with each of `others` not scored yet. Pair dots by
   * scatter and gather: member i's weights are spread over a dense array
   * indexed by interned key, and the other member reads its own features
   * from it in ascending key order, as a merge of the two sorted vectors would
   * add them (the zeros in between change no sum), at a third of the merge's
   * cost. The same products in the same order whichever member is spread, so
   * a score does not depend on the pair's order. Pairs the cache knows are
   * not computed again.
   */
  scoreRow(i: number, others: Iterable<number>): void {
    const { n, scores, dense, features, cache } = this;
    const vi = this.vectors[i]!;
    const fi = features[i]!;
    const known = cache?.row(fi);
    let scattered = false;
    for (const j of others) {
      if (j === i || !Number.isNaN(scores[i * n + j]!)) continue;
      const fj = features[j]!;
      const [lo, hi] = i < j ? [fi, fj] : [fj, fi];
      let score = i < j ? known?.get(fj) : cache?.get(fj, fi);
      if (score === undefined) {
        if (!scattered) {
          for (let x = 0; x < vi.ids.length; x++) dense[vi.ids[x]!] = vi.weights[x]!;
          scattered = true;
        }
        const vj = this.vectors[j]!;
        let dot = 0;
        for (let y = 0; y < vj.ids.length; y++) dot += dense[vj.ids[y]!]! * vj.weights[y]!;
        score = fi.norm && fj.norm ? scoreFromDot(lo, hi, dot, this.params) : 0;
        cache?.set(lo, hi, score);
      }
      scores[i * n + j] = score;
      scores[j * n + i] = score;
      this.onScored(i, j, score);
    }
    if (scattered) for (let x = 0; x < vi.ids.length; x++) dense[vi.ids[x]!] = 0;
  }

  score(i: number, j: number): number {
    if (Number.isNaN(this.scores[i * this.n + j]!)) this.scoreRow(i, [j]);
    return this.scores[i * this.n + j]!;
  }

  /** Scores of every pair of `among` (ascending member indexes), a row at a time. */
  scoreAmong(among: number[]): void {
    for (let x = 0; x + 1 < among.length; x++) this.scoreRow(among[x]!, among.slice(x + 1));
  }
}

/**
 * Average-link agglomeration of one candidate group. Members come sorted by
 * id; a merge folds the higher-indexed cluster into the lower one and the best
 * pair is the first maximum in index order, so the result depends only on the
 * group. Articles joined by a pair at or above the link threshold,
 * transitively, form link components: an average over two clusters reaches
 * the threshold only if one of their pairs does, so agglomeration never
 * merges across components and each is run on its own (same merges, in the
 * same order, as over the whole group; the cost is cubic in the component, not
 * in the candidate group). Small leftovers then attach to the closest large
 * cluster of the group.
 *
 * With a `memo` (the store's), what an earlier call found for a subset of the
 * members is reused: pairs inside a member set clustered before are not
 * scored again to find the components, a component met before is not
 * agglomerated again, and the sums between clusters met before are not added
 * up again. So adding one article to a group of n costs about n pair scores
 * plus the work inside the component it joins.
 */
function averageLink(
  members: Member[],
  params: ClusterParams,
  cache?: PairScoreCache,
  memo?: ClusterMemo,
): {
  clusters: number[][];
  links: (i: number, j: number) => StoryLink;
  score: (i: number, j: number) => number;
  scoreRows: (rows: number[]) => void;
} {
  const n = members.length;
  const features = members.map((m) => m.features);
  memo?.admit(features);
  const linkCache = new Map<number, StoryLink>();
  const links = (i: number, j: number): StoryLink => {
    const [x, y] = i < j ? [i, j] : [j, i];
    let link = linkCache.get(x * n + y);
    if (!link) {
      link = linkFeatures(features[x]!, features[y]!, params);
      linkCache.set(x * n + y, link);
    }
    return link;
  };

  // Link components, by union-find: a pair scored at or above the link
  // threshold joins its two members' components.
  const parent = Int32Array.from(members.keys());
  const root = (i: number): number => {
    let at = i;
    while (parent[at] !== at) at = parent[at] = parent[parent[at]!]!;
    return at;
  };
  const join = (i: number, j: number): void => {
    const [a, b] = [root(i), root(j)];
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const pairs = new GroupScores(features, params, cache, (i, j, score) => {
    if (score >= params.linkThreshold) join(i, j);
  });
  const score = (i: number, j: number) => pairs.score(i, j);

  // Each member's owner is a member set clustered before (memo) that lies
  // wholly in this group: its link components hold here too, and only pairs
  // across owners (or with an article no set holds) are scored.
  const prior = memo?.priorComponents(features);
  const owner = prior?.owner ?? new Int32Array(n).fill(-1);
  for (const component of prior?.components ?? [])
    for (const i of component) join(component[0]!, i);
  // An article no set holds is scored against every member, with its weights
  // spread once; then the pairs across two owners. Unscored pairs lie inside
  // one owner's components, joined above.
  const everyone = [...members.keys()];
  const byOwner = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (owner[i]! < 0) pairs.scoreRow(i, everyone);
    else pushTo(byOwner, owner[i]!, i);
  }
  const owned = [...byOwner.values()];
  for (let x = 0; x < owned.length; x++)
    for (let y = x + 1; y < owned.length; y++)
      for (const i of owned[x]!) pairs.scoreRow(i, owned[y]!);
  const byComponent = new Map<number, number[]>();
  for (let i = 0; i < n; i++) pushTo(byComponent, root(i), i);
  memo?.recordComponents(features, [...byComponent.values()]);

  // Agglomeration inside each component; clusters in merge order (a
  // cluster's lowest member first), by the index of that member.
  /** Memo key of a set of members: their article ids, in the order given. */
  const idsKey = (indexes: number[]): string =>
    indexes.map((i) => features[i]!.articleId).join(' ');
  const groups = new Map<number, number[]>();
  for (const component of byComponent.values()) {
    const key = memo ? idsKey(component) : '';
    const known = memo?.clustersOf.get(key);
    let local: number[][];
    if (known && known.members.every((f, x) => f === features[component[x]!])) {
      local = known.clusters;
    } else {
      pairs.scoreAmong(component);
      local = agglomerate(component, score, params);
      if (memo) {
        memo.clustersOf.set(key, { members: component.map((i) => features[i]!), clusters: local });
        memo.count(1);
      }
    }
    for (const cluster of local) {
      const global = cluster.map((x) => component[x]!);
      groups.set(global[0]!, global);
    }
  }
  const active = [...groups.keys()].sort((x, y) => x - y);
  const size = (k: number): number => groups.get(k)!.length;
  const keyOf = new Map<number, string>();
  const clusterKey = (k: number): string => {
    let key = keyOf.get(k);
    if (key === undefined) keyOf.set(k, (key = idsKey(groups.get(k)!)));
    return key;
  };
  /** Sum of the pair scores between two clusters, added in their merge order. */
  const between = (k: number, l: number): number => {
    const row = memo?.betweenSums.get(clusterKey(l));
    const known = row?.get(clusterKey(k));
    if (known !== undefined) return known;
    let total = 0;
    for (const a of groups.get(k)!) for (const b of groups.get(l)!) total += score(a, b);
    if (memo) {
      if (row) row.set(clusterKey(k), total);
      else memo.betweenSums.set(clusterKey(l), new Map([[clusterKey(k), total]]));
      memo.count(1);
    }
    return total;
  };
  // Attachment of small leftovers, all decided against the same state so
  // that the outcome does not depend on the order they are looked at.
  const small = active.filter((k) => size(k) <= 2);
  const large = active.filter((k) => size(k) > 2);
  // Sums not known yet are added up from the pair scores, read a row of a
  // large cluster's member at a time.
  const smallMembers = small.flatMap((k) => groups.get(k)!);
  for (const l of large)
    if (!memo?.betweenSums.has(clusterKey(l)))
      for (const b of groups.get(l)!) pairs.scoreRow(b, smallMembers);
  const target = new Map<number, number>();
  for (const k of small) {
    let best = -1;
    let bestK = -1;
    for (const l of large) {
      const avg = between(k, l) / (size(k) * size(l));
      if (avg > best) {
        best = avg;
        bestK = l;
      }
    }
    if (bestK >= 0 && best >= params.attachThreshold) target.set(k, bestK);
  }
  const final = new Map(active.map((k) => [k, [...groups.get(k)!]]));
  for (const [k, l] of target) final.get(l)!.push(...groups.get(k)!);
  const clusters = active
    .filter((k) => !target.has(k))
    .map((k) => final.get(k)!.sort((x, y) => x - y));
  // Evidence reads a story's rows against every member.
  const scoreRows = (rows: number[]): void => {
    for (const i of rows) pairs.scoreRow(i, everyone);
  };
  return { clusters, links, score, scoreRows };
}

/**
 * Average-link merges inside one link component (member indexes in ascending
 * order). Each step merges the pair with the highest average score, the
 * first such pair in (i, j) index order, until no average reaches the link
 * threshold. Every active cluster keeps its best partner among the
 * higher-indexed ones, so a step reads one value per cluster and a merge
 * re-scans only the rows whose best partner changed: about quadratic in the
 * component, where re-scanning every pair at each step is cubic (a season of
 * political news forms components of hundreds of articles). The merges are
 * the same as the plain scan's, since both take the first maximum of the same
 * averages. Returns the clusters as positions in `component`, each in merge
 * order (its lowest position first).
 */
function agglomerate(
  component: number[],
  score: (i: number, j: number) => number,
  params: ClusterParams,
): number[][] {
  const k = component.length;
  // Sums of pair scores between clusters, k × k over positions in the component.
  const sums = new Float64Array(k * k);
  for (let x = 0; x < k; x++)
    for (let y = x + 1; y < k; y++) {
      const s = score(component[x]!, component[y]!);
      sums[x * k + y] = s;
      sums[y * k + x] = s;
    }
  const size = new Int32Array(k).fill(1);
  const groups: number[][] = component.map((_, x) => [x]);
  const active = [...component.keys()];
  const average = (i: number, j: number) => sums[i * k + j]! / (size[i]! * size[j]!);
  // Best partner of each active cluster among the active ones after it.
  const bestValue = new Float64Array(k).fill(-1);
  const bestPartner = new Int32Array(k).fill(-1);
  const rescan = (x: number): void => {
    const i = active[x]!;
    let value = -1;
    let partner = -1;
    for (let y = x + 1; y < active.length; y++) {
      const avg = average(i, active[y]!);
      if (avg > value) {
        value = avg;
        partner = active[y]!;
      }
    }
    bestValue[i] = value;
    bestPartner[i] = partner;
  };
  for (let x = 0; x < active.length; x++) rescan(x);
  for (;;) {
    let best = -1;
    let bi = -1;
    for (const i of active) {
      if (bestValue[i]! > best) {
        best = bestValue[i]!;
        bi = i;
      }
    }
    if (bi < 0 || best < params.linkThreshold) return active.map((i) => groups[i]!);
    const bj = bestPartner[bi]!;
    for (const c of active) {
      if (c === bi || c === bj) continue;
      const v = sums[bi * k + c]! + sums[bj * k + c]!;
      sums[bi * k + c] = v;
      sums[c * k + bi] = v;
    }
    size[bi] = size[bi]! + size[bj]!;
    groups[bi]!.push(...groups[bj]!);
    active.splice(active.indexOf(bj), 1);
    // Rows before bi see a changed average with bi and lose bj; rows between
    // bi and bj lose bj; bi's own row changed throughout.
    for (let x = 0; x < active.length; x++) {
      const c = active[x]!;
      if (c === bi) rescan(x);
      else if (c < bi) {
        if (bestPartner[c] === bi || bestPartner[c] === bj) rescan(x);
        else {
          const avg = average(c, bi);
          if (avg > bestValue[c]! || (avg === bestValue[c]! && bi < bestPartner[c]!)) {
            bestValue[c] = avg;
            bestPartner[c] = bi;
          }
        }
      } else if (c < bj && bestPartner[c] === bj) rescan(x);
    }
  }
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
    return storiesOfGroup(members, (id) => this.copies.get(id) ?? [], this.params);
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

/** What a caller that re-clusters the same groups again and again passes along. */
export interface GroupReuse {
  /** Pair scores computed by earlier calls. */
  cache?: PairScoreCache;
  /** Components, clusters and sums found by earlier calls (see ClusterMemo). */
  memo?: ClusterMemo;
  /** Which stories need their evidence written out (default: all). */
  explain?: (storyId: string) => boolean;
}

/**
 * The stories of one candidate group: average-link clusters with their
 * evidence. `copiesOf` gives the further articles with a member's text.
 */
function storiesOfGroup(
  members: Member[],
  copiesOf: (id: string) => AnnotatedArticle[],
  params: ClusterParams,
  reuse: GroupReuse = {},
): Story[] {
  const { cache, memo, explain = () => true } = reuse;
  const { clusters, links, score, scoreRows } = averageLink(members, params, cache, memo);
  return clusters.map((cluster, ci) => {
    const docsOf = (i: number) =>
      [members[i]!.doc, ...copiesOf(members[i]!.doc.article.id)].sort(articleOrder);
    const articles = cluster.flatMap(docsOf).sort(articleOrder);
    const id = stableId(
      articles
        .map((d) => d.article.id)
        .sort()
        .join(' '),
    );
    if (!explain(id)) return { id, articles, evidence: [] };
    scoreRows(cluster);
    const evidence = storyEvidence(members, cluster, links, score);
    for (const i of cluster) {
      const docs = docsOf(i);
      if (docs.length > 1)
        evidence.push(`identical text: ${docs.map((d) => `"${d.article.source}"`).join(', ')}`);
    }
    evidence.push(...apartEvidence(members, clusters, ci, score, params));
    return { id, articles, evidence };
  });
}

/**
 * The stories of articles known to form one candidate group (the store keeps
 * each article's group, see src/store/placement.ts), with their story features
 * already computed: the candidate step is skipped, and the result equals
 * `clusterStories` of the same articles. `explain` says which stories need
 * their evidence written out (the store writes only the stories that
 * changed; the others get an empty list, which it never reads).
 */
export function clusterGroup(
  members: { doc: AnnotatedArticle; features: StoryFeatures }[],
  params: ClusterParams = DEFAULT_CLUSTER_PARAMS,
  reuse: GroupReuse = {},
): Story[] {
  const sorted = [...members].sort((x, y) =>
    x.doc.article.id < y.doc.article.id ? -1 : x.doc.article.id > y.doc.article.id ? 1 : 0,
  );
  return storiesOfGroup(sorted, () => [], params, reuse);
}

function titleOf(m: Member): string {
  return m.doc.article.title || m.doc.article.source;
}

/** Why a story holds its articles: the strongest links that connect it (a maximum spanning tree). */
function storyEvidence(
  members: Member[],
  cluster: number[],
  links: (i: number, j: number) => StoryLink,
  score: (i: number, j: number) => number,
): string[] {
  if (cluster.length === 1) return ['no other text shares enough of its story features'];
  const pairs: [number, number][] = [];
  for (let x = 0; x < cluster.length; x++) {
    for (let y = x + 1; y < cluster.length; y++) pairs.push([cluster[x]!, cluster[y]!]);
  }
  // Ordered by the pair scores already computed; the full link (with its
  // shared features, costly to list) is built only for the tree's edges.
  pairs.sort(([a, b], [c, d]) => score(c, d) - score(a, b) || a - c || b - d);
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

/** How many of the closest other stories of the group a story's evidence names. */
const APART_SHOWN = 3;

/**
 * Why a story was kept apart from the most similar other stories of its
 * candidate group (average pair score below the link threshold, and which
 * stated facts differed). Only the closest few are named: a large group (a
 * season of political news) holds a hundred stories, and listing every one
 * would cost a pass over all their pairs for a line nobody reads.
 */
function apartEvidence(
  members: Member[],
  clusters: number[][],
  ci: number,
  score: (i: number, j: number) => number,
  params: ClusterParams,
): string[] {
  const mine = clusters[ci]!;
  const averages: { cj: number; avg: number }[] = [];
  for (let cj = 0; cj < clusters.length; cj++) {
    if (cj === ci) continue;
    let sum = 0;
    for (const i of mine) for (const j of clusters[cj]!) sum += score(i, j);
    averages.push({ cj, avg: sum / (mine.length * clusters[cj]!.length) });
  }
  averages.sort((x, y) => y.avg - x.avg || x.cj - y.cj);
  return averages.slice(0, APART_SHOWN).map(({ cj, avg }) => {
    const found: string[] = [];
    for (const i of mine)
      for (const j of clusters[cj]!)
        contradictions(members[i]!.features, members[j]!.features, params, found);
    const differed = new Set(found);
    const other = titleOf(members[clusters[cj]![0]!]!);
    const why = differed.size ? `; differed ${[...differed].slice(0, 3).join(', ')}` : '';
    return `kept apart from the story of "${other}": average score ${avg.toFixed(2)} below the link threshold${why}`;
  });
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
