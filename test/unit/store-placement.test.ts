/**
 * The store re-clusters a candidate group from each member's cluster view (the
 * article, its times and entities), not from the whole annotation. That is only
 * right while story clustering reads nothing else: these tests fail as soon as
 * it does, and then CLUSTER_VIEW_SQL / clusterView in src/store/placement.ts
 * must take in the new field. Texts are fictional.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnotatedArticle } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { clusterStories, storyFeatures } from '../../src/cluster/index.ts';
import {
  clusterView,
  featuresFromJson,
  featuresToJson,
  placementFeatures,
  type StoredFeatures,
} from '../../src/store/placement.ts';
import { FICTIONAL_ARTICLES, fictionalArticle } from './store.cases.ts';

const annotated = [
  ...FICTIONAL_ARTICLES.slice(0, 3),
  fictionalArticle(
    'courier/tolley-dam.txt',
    'Marrowby counts the cost of the Tolley flood\nEngineer Pavel Okonjo said on 9 April 2031 that the Tolley dam held, but 3 bridges in Marrowby were shut and repairs would cost 2.4 million crowns.',
    { outlet: 'Marrowby Courier', published: '2031-04-10' },
  ),
].map((a) => annotate(a));

test('story features from the cluster view equal those from the whole annotation', () => {
  for (const doc of annotated) {
    assert.deepEqual(placementFeatures(clusterView(doc)), storyFeatures(doc), doc.article.source);
  }
});

test('clustering the cluster views gives the stories of the whole annotations', () => {
  const whole = clusterStories(annotated);
  const views = clusterStories(annotated.map((d) => clusterView(d) as AnnotatedArticle));
  const shape = (stories: typeof whole) =>
    stories.map((s) => ({
      id: s.id,
      articles: s.articles.map((a) => a.article.id),
      evidence: s.evidence,
    }));
  assert.deepEqual(shape(views), shape(whole));
  assert.ok(
    whole.some((s) => s.articles.length > 1),
    'the fixtures form at least one story of several articles',
  );
});

test('stored story features read back equal, entry order included', () => {
  for (const doc of annotated) {
    const features = storyFeatures(doc);
    // Through JSON text, as the store writes and reads them.
    const stored = JSON.parse(JSON.stringify(featuresToJson(features))) as StoredFeatures;
    const back = featuresFromJson(doc.article.id, stored);
    assert.deepEqual(back, features, doc.article.source);
    assert.deepEqual([...back.features.keys()], [...features.features.keys()]);
  }
});
