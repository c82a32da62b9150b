/**
 * Incremental placement with the cluster stage's own rules.
 *
 * `clusterStories` decides stories inside candidate groups: connected
 * components of "shares a signature feature and scores ≥ candidateThreshold"
 * (src/cluster). A story depends only on its group's members, so the store
 * keeps each current article's group id and its signature keys. A new article
 * is compared with the stored articles sharing a signature key; the groups it
 * joins (plus, for a revision, the group the old version left) are re-clustered
 * together, and the result equals clustering the whole corpus.
 */
import type { AnnotatedArticle } from '../core/index.ts';
import { stableId } from '../core/index.ts';
import {
  DEFAULT_CLUSTER_PARAMS,
  isCandidatePair as candidatePair,
  storyFeatures,
  type Feature,
  type StoryFeatures,
} from '../cluster/index.ts';

/**
 * What story features read of an annotated article: the article itself, its
 * stated times and its entities (src/cluster/features.ts). The store loads a
 * stored article in this view, a quarter of the full annotations, only when
 * its features are not cached yet; only the members of stories whose dossier
 * is rebuilt are loaded whole. test/unit/store-placement.test.ts fails if
 * story features start reading anything else.
 */
export type ClusterView = Pick<AnnotatedArticle, 'article' | 'times' | 'entities'>;

/** SQL for the cluster view's annotations (the `annotated` column minus the rest). */
export const CLUSTER_VIEW_SQL = `jsonb_build_object('times', annotated->'times', 'entities', annotated->'entities')`;

export function clusterView(annotated: AnnotatedArticle): ClusterView {
  return { article: annotated.article, times: annotated.times, entities: annotated.entities };
}

export function placementFeatures(view: ClusterView): StoryFeatures {
  // Story features read only the cluster view (the test above holds it to that).
  return storyFeatures(view as AnnotatedArticle, DEFAULT_CLUSTER_PARAMS);
}

/** Story features as stored (JSON): the map's entries in their order, so sums run as before. */
export interface StoredFeatures {
  norm: number;
  signature: string[];
  /** [key, kind, label, weight] per feature. */
  features: [string, Feature['kind'], string, number][];
}

export function featuresToJson(f: StoryFeatures): StoredFeatures {
  return {
    norm: f.norm,
    signature: [...f.signature],
    features: [...f.features.values()].map((x) => [x.key, x.kind, x.label, x.weight]),
  };
}

/**
 * The story features of article `articleId` read back; equal to the ones
 * stored (JSON keeps every double exactly, and the entries keep their order).
 */
export function featuresFromJson(articleId: string, stored: StoredFeatures): StoryFeatures {
  return {
    articleId,
    norm: stored.norm,
    signature: new Set(stored.signature),
    features: new Map(
      stored.features.map(([key, kind, label, weight]) => [key, { key, kind, label, weight }]),
    ),
  };
}

/** Keys under which an article is indexed: its signature features. */
export function placementKeys(features: StoryFeatures): string[] {
  return [...features.signature].sort();
}

export function isCandidatePair(a: StoryFeatures, b: StoryFeatures): boolean {
  return candidatePair(a, b, DEFAULT_CLUSTER_PARAMS);
}

/** Candidate groups (connected components) of a set of articles, each with a stable id. */
export function candidateGroups(features: StoryFeatures[]): { id: string; members: string[] }[] {
  const parent = new Map(features.map((f) => [f.articleId, f.articleId]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const byKey = new Map<string, StoryFeatures[]>();
  for (const f of features) {
    const seen = new Set<string>();
    for (const key of f.signature) {
      for (const other of byKey.get(key) ?? []) {
        if (seen.has(other.articleId)) continue;
        seen.add(other.articleId);
        if (find(f.articleId) !== find(other.articleId) && isCandidatePair(f, other)) {
          parent.set(find(f.articleId), find(other.articleId));
        }
      }
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(f);
    }
  }
  const groups = new Map<string, string[]>();
  for (const f of features) {
    const root = find(f.articleId);
    let list = groups.get(root);
    if (!list) groups.set(root, (list = []));
    list.push(f.articleId);
  }
  return [...groups.values()].map((members) => {
    members.sort();
    return { id: stableId(`group ${members.join(' ')}`), members };
  });
}
