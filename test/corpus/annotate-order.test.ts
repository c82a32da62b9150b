/**
 * Annotation does not depend on reading order, on real news text: the ECB+ test
 * documents (topics 36-45) annotated in corpus order and again in reverse order
 * give the same annotations. wink-nlp learns unknown tokens while it reads; a
 * possessive first met at the end of a sentence used to stay one token in
 * every later document (see src/annotate/nlp.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEcbPlus, TEST_TOPICS, toArticle } from '../../eval/ecbplus.ts';
import { annotate } from '../../src/annotate/index.ts';

test('ECB+ test documents annotate the same in corpus order and in reverse order', () => {
  const articles = readEcbPlus({ topics: TEST_TOPICS }).map(toArticle);
  assert.ok(articles.length > 150, `read ${articles.length} ECB+ test documents`);
  const forward = articles.map((a) => JSON.stringify(annotate(a)));
  const differing: string[] = [];
  for (let i = articles.length - 1; i >= 0; i--) {
    const article = articles[i]!;
    if (JSON.stringify(annotate(article)) !== forward[i]) differing.push(article.id);
  }
  assert.deepEqual(
    differing,
    [],
    `annotated differently in reverse order: ${differing.join(', ')}`,
  );
});
