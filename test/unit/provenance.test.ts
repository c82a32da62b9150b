import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildProvenance, detectCopies } from '../../src/provenance/index.ts';
import { resolveEntities } from '../../src/resolve/index.ts';
import { buildArticle } from '../fixtures/reconcile/build.ts';
import { relayA, relayB, relayCopy } from '../fixtures/reconcile/small-stories.ts';
import { harbourStory } from '../fixtures/reconcile/harbour-story.ts';
import { run } from './annotate-helpers.ts';

void test('an article that repeats another paragraph without citing it copies it (later → earlier)', () => {
  const a = buildArticle(relayA);
  const copy = buildArticle(relayCopy);
  const copies = detectCopies([copy, a]);
  assert.equal(copies.length, 1);
  assert.equal(copies[0]?.from, copy);
  assert.equal(copies[0]?.to, a);
  assert.match(copies[0]?.evidence.join(' ') ?? '', /shared 8-word sequences/);
});

void test('negative: two outlets telling one fact in their own words do not copy each other', () => {
  assert.deepEqual(detectCopies([buildArticle(relayA), buildArticle(relayB)]), []);
  assert.deepEqual(detectCopies(harbourStory()), []);
});

void test('negative: the same quotation in two articles is not copying', () => {
  const quote =
    '“We will rebuild every single house that the river took from us this spring,” the mayor said.';
  const one = buildArticle({ title: 'One', outlet: 'One', body: [quote, 'Rain is expected.'] });
  const two = buildArticle({
    title: 'Two',
    outlet: 'Two',
    body: ['Residents returned home.', quote],
  });
  assert.deepEqual(detectCopies([one, two]), []);
});

void test('citation graph: outlet → article → agency → anonymous sources scoped under the agency', () => {
  const docs = [buildArticle(relayA), buildArticle(relayB), buildArticle(relayCopy)];
  const { nodes, edges, originOf } = buildProvenance(docs, resolveEntities(docs));
  const agency = nodes.filter((n) => n.label === 'Meridian Press');
  assert.equal(agency.length, 1);
  assert.equal(agency[0]?.kind, 'agency');
  const engineers = nodes.filter((n) => n.label === 'three engineers');
  assert.equal(engineers.length, 1, 'one node: the same engineers of one agency report');
  assert.equal(engineers[0]?.anonymous, true);
  assert.ok(
    edges.some((e) => e.kind === 'quotes' && e.from === agency[0]?.id && e.to === engineers[0]?.id),
  );
  assert.equal(edges.filter((e) => e.kind === 'publishes').length, 3);
  const copyEdge = edges.find((e) => e.kind === 'copies');
  assert.equal(copyEdge?.from, `a:${docs[2]?.article.id}`);
  assert.equal(copyEdge?.to, `a:${docs[0]?.article.id}`);

  // Origins: the relayed claim comes from the agency; the copier's own text from the copied outlet.
  const [a, b, copy] = docs;
  assert.ok(a && b && copy);
  const relayed = (d: typeof a) => d.claims.find((c) => c.text.includes('stay shut'))?.id ?? '';
  assert.equal(originOf(a, relayed(a)), 'Meridian Press');
  assert.equal(originOf(b, relayed(b)), 'Meridian Press');
  assert.equal(originOf(copy, copy.claims[0]?.id ?? ''), 'Bay Times');
  assert.equal(originOf(b, b.claims[0]?.id ?? ''), 'Coast Daily');
});

void test('a pronoun source is the person last quoted by name; the outlet naming itself is no relay', () => {
  const doc = buildArticle({
    outlet: 'The Hill Times',
    title: 'Reservoir level falls',
    body: [
      'The reservoir is at its lowest level in a decade, said Lena Ferro, the water board chief.',
      'She said rationing would start in June.',
      'An engineer told the Times that the dam was safe.',
    ],
    entities: [{ type: 'person', name: 'Lena Ferro' }],
    chains: [
      { sentence: 'The reservoir is', chain: ['Lena Ferro'], kind: 'person' },
      { sentence: 'She said', chain: ['She'], kind: 'person' },
      { sentence: 'An engineer told', chain: ['Times', 'An engineer'] },
    ],
  });
  const { nodes, edges, originOf } = buildProvenance([doc], resolveEntities([doc]));
  assert.ok(!nodes.some((n) => n.label === 'She'));
  assert.ok(!nodes.some((n) => n.label === 'Times'), 'the Times is the outlet itself');
  const rationing = doc.claims.find((c) => c.text.startsWith('She said'));
  assert.equal(originOf(doc, rationing?.id ?? ''), 'Lena Ferro');
  const engineer = nodes.find((n) => n.label === 'An engineer');
  assert.equal(engineer?.anonymous, true);
  assert.ok(
    edges.some(
      (e) => e.kind === 'cites' && e.from === `a:${doc.article.id}` && e.to === engineer?.id,
    ),
  );
});

void test('pronoun and document sources: the writer is the outlet, "it" is the subject named before, unnamed data counts within the article', () => {
  const doc = run(
    [
      'Fire at Lornwick mill',
      'We are talking about a fire at the Lornwick flour mill that destroyed two warehouses.',
      'The Tavrel Interior Ministry detained a manager of the Corvane Milling Company, who it said had ignored safety warnings.',
      'According to the latest figures, 14 workers were hurt in the fire.',
    ].join('\n\n'),
    { published: '2035-02-02' },
  );
  const docs = [doc];
  const { originOf } = buildProvenance(docs, resolveEntities(docs));
  const claimWith = (pattern: RegExp) => {
    const claim = doc.claims.find((c) => pattern.test(c.text));
    assert.ok(claim, `a claim matching ${String(pattern)}`);
    return originOf(doc, claim.id);
  };
  const outlet = 'article test.txt';
  // Whether or not the annotator reads "We are talking about" as a report, the
  // writer's words are the outlet's own.
  assert.equal(claimWith(/destroyed two warehouses/), outlet);
  assert.match(claimWith(/ignored safety warnings/), /Tavrel Interior Ministry/);
  assert.doesNotMatch(claimWith(/ignored safety warnings/), /Corvane/);
  assert.match(claimWith(/14 workers were hurt/), /latest figures \(article test\.txt\)/);
});
