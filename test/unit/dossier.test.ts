import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDossier } from '../../src/dossier/index.ts';
import { harbourStory } from '../fixtures/reconcile/harbour-story.ts';

void test('buildDossier fills every array of the report and points findings at real spans', () => {
  const docs = harbourStory();
  const dossier = buildDossier({ id: 'story', articles: docs, evidence: [] });
  assert.equal(dossier.articles.length, 3);
  assert.ok(dossier.entities.length >= 8);
  assert.ok(dossier.findings.length >= 5);
  assert.ok(dossier.timeline.length >= 3);
  assert.ok(dossier.provenance.nodes.length >= 6);
  assert.ok(dossier.provenance.edges.length >= 5);
  const texts = new Map(dossier.articles.map((a) => [a.id, a.text]));
  for (const finding of dossier.findings) {
    assert.ok(finding.independentSources >= 1);
    for (const claim of finding.claims)
      assert.equal(texts.get(claim.articleId)?.slice(claim.span[0], claim.span[1]), claim.text);
  }
  for (const entity of dossier.entities)
    for (const m of entity.mentions)
      assert.equal(texts.get(m.articleId)?.slice(m.span[0], m.span[1]), m.text);
  // Credits are reported as diagnostics, not as entities.
  assert.ok(dossier.diagnostics.some((d) => d.ruleId === 'credit-not-story-entity'));
});

void test('an article without claims is said so in a diagnostic', () => {
  const [first] = harbourStory();
  assert.ok(first);
  const dossier = buildDossier({ id: 's', articles: [{ ...first, claims: [] }], evidence: [] });
  assert.ok(
    dossier.diagnostics.some((d) => d.ruleId === 'no-claims' && d.articleId === first.article.id),
  );
  assert.deepEqual(dossier.findings, []);
});
