import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignClaims, relateValues } from '../../src/align/index.ts';
import { resolveEntities } from '../../src/resolve/index.ts';
import { buildProvenance } from '../../src/provenance/index.ts';
import type { AnnotatedArticle, Bounds, Finding, Quantity } from '../../src/core/index.ts';
import { buildArticle } from '../fixtures/reconcile/build.ts';
import { harbourStory } from '../fixtures/reconcile/harbour-story.ts';
import { annotate } from '../../src/annotate/index.ts';
import { makeArticle } from './annotate-helpers.ts';
import {
  partA,
  partB,
  relayA,
  relayB,
  updateEarly,
  updateLate,
} from '../fixtures/reconcile/small-stories.ts';

function align(docs: AnnotatedArticle[]): Finding[] {
  const resolution = resolveEntities(docs);
  const provenance = buildProvenance(docs, resolution);
  return alignClaims(docs, resolution, { originOf: provenance.originOf });
}

const withText = (f: Finding, words: string) => f.claims.some((c) => c.text.includes(words));

function quantity(
  value: number,
  low: number | null,
  high: number | null,
  extra: Partial<Quantity> = {},
): Quantity {
  const bounds: Bounds = { low, high, lowInclusive: true, highInclusive: true };
  return { id: 'q', span: [0, 1], text: String(value), sentence: 0, value, bounds, ...extra };
}

const relations: [string, Quantity, Quantity, string][] = [
  [
    '143 vs 144 dead',
    quantity(143, 143, 143, { measure: 'casualties' }),
    quantity(144, 144, 144, { measure: 'casualties' }),
    'disjoint',
  ],
  [
    'about 100 vs almost 100',
    quantity(100, 90, 110, { measure: 'casualties' }),
    quantity(100, 90, 100, { measure: 'casualties' }),
    'overlap',
  ],
  ['35 vs 35', quantity(35, 35, 35), quantity(35, 35, 35), 'equal'],
  [
    'four gunmen vs at least eight suspects',
    quantity(4, 4, 4, { counted: 'gunman', measure: 'arrests' }),
    quantity(8, 8, null, { counted: 'suspect', measure: 'arrests' }),
    'part-of',
  ],
  [
    '10 dead vs at least 12 dead (a toll is a running total)',
    quantity(10, 10, 10, { measure: 'casualties' }),
    quantity(12, 12, null, { measure: 'casualties' }),
    'disjoint',
  ],
];
for (const [name, a, b, expected] of relations)
  void test(`relateValues: ${name} → ${expected}`, () =>
    assert.equal(relateValues(a, b), expected));

void test('harbour story: conflict on the toll of one blast, compatible on the earlier collapse, never across events', () => {
  const findings = align(harbourStory());
  const toll = findings.filter((f) => withText(f, 'killing 12') || withText(f, 'killed 13'));
  assert.equal(toll.length, 1);
  assert.equal(toll[0]?.kind, 'conflict');
  assert.ok(withText(toll[0], 'killing 12') && withText(toll[0], 'killed 13'));
  assert.ok(toll[0]?.slots?.differed.includes('value'));
  assert.ok(toll[0]?.slots?.matched.includes('event context'));
  // One governor quoted under two spellings is one origin.
  assert.equal(toll[0]?.independentSources, 1);

  const collapse = findings.filter((f) => withText(f, 'about 40') || withText(f, 'Almost 40'));
  assert.equal(collapse.length, 1);
  assert.equal(collapse[0]?.kind, 'compatible');

  // Negative: no finding pairs a figure of the blast with one of the collapse.
  for (const f of findings)
    assert.ok(
      !(
        (withText(f, 'killing 12') || withText(f, 'killed 13')) &&
        (withText(f, 'about 40') || withText(f, 'Almost 40'))
      ),
    );

  // The agency report relayed by two outlets is one source.
  const tank = findings.find((f) => withText(f, 'fuel tank'));
  assert.equal(tank?.kind, 'agreement');
  assert.equal(tank?.independentSources, 1);
  assert.deepEqual(tank?.upstream, ['Coastline Wire']);

  // Responsibility: claimed by the Front, blamed on another group by a minister.
  const responsibility = findings.find((f) => f.summary.startsWith('Responsibility contested'));
  assert.ok(responsibility, findings.map((f) => f.summary).join('\n'));
  assert.equal(responsibility.kind, 'conflict');
  assert.match(responsibility.summary, /Northern Liberation Front/);
  assert.match(responsibility.summary, /Southern Union \(blamed per Oskar Tellan\)/);

  // The court order is told by one outlet only.
  const court = findings.find((f) => withText(f, 'ordered'));
  assert.equal(court?.kind, 'unique');
  assert.equal(court?.claims.length, 1);
});

void test('an official toll that rises between two publication dates is an update', () => {
  const findings = align([buildArticle(updateEarly), buildArticle(updateLate)]);
  const toll = findings.filter((f) => f.kind !== 'unique');
  assert.equal(toll.length, 1);
  assert.equal(toll[0]?.kind, 'update');
  assert.match(toll[0]?.summary ?? '', /"9".*2031-08-02.*superseded by "14".*2031-08-04/);
});

void test('the same two tolls on one publication date are a conflict, not an update', () => {
  const findings = align([
    buildArticle(updateEarly),
    buildArticle({ ...updateLate, published: updateEarly.published }),
  ]);
  assert.deepEqual(
    findings.filter((f) => f.kind !== 'unique').map((f) => f.kind),
    ['conflict'],
  );
});

void test('four gunmen detained and at least eight suspects arrested are compatible, not a conflict', () => {
  const findings = align([buildArticle(partA), buildArticle(partB)]);
  assert.ok(!findings.some((f) => f.kind === 'conflict'));
  const linked = findings.find((f) => f.claims.length === 2);
  assert.equal(linked?.kind, 'compatible');
});

void test('two outlets relaying one agency count once; the plain facts each outlet adds stay unique', () => {
  const findings = align([buildArticle(relayA), buildArticle(relayB)]);
  const shut = findings.find((f) => withText(f, 'stay shut'));
  assert.equal(shut?.claims.length, 2);
  assert.equal(shut?.independentSources, 1);
  assert.deepEqual(shut?.upstream, ['Meridian Press']);
});

void test('findings are the same whatever the article order', () => {
  const docs = harbourStory();
  const key = (fs: Finding[]) => fs.map((f) => `${f.id} ${f.kind}`).sort();
  assert.deepEqual(key(align(docs)), key(align([...docs].reverse())));
});

void test('an outlet giving one figure twice (lead and quote) joins one finding; its own figures are not weighed against each other', () => {
  const wire = buildArticle({
    outlet: 'Wire One',
    published: '2031-11-02',
    title: 'Mine collapse in Ostrava Vale',
    body: [
      'A mine collapsed in Ostrava Vale on November 2, killing at least 7 workers, officials said.',
      '"At least seven miners have died," the mine director Pavel Marek said in Ostrava Vale.',
    ],
    entities: [
      { type: 'place', name: 'Ostrava Vale' },
      { type: 'person', name: 'Pavel Marek' },
    ],
    quantities: [
      {
        text: 'at least 7',
        value: 7,
        high: null,
        hedge: 'at least',
        counted: 'worker',
        predicate: 'kill',
        measure: 'casualties',
      },
      {
        text: 'At least seven',
        value: 7,
        high: null,
        hedge: 'at least',
        counted: 'miner',
        predicate: 'die',
        measure: 'casualties',
      },
    ],
    times: [{ text: 'November 2', start: '2031-11-02', certainty: 'stated' }],
    predicates: { collapsed: 'kill', died: 'die' },
  });
  const paper = buildArticle({
    outlet: 'Valley Paper',
    published: '2031-11-02',
    title: 'Ostrava Vale mine disaster',
    body: ['Exactly 5 workers were killed in the Ostrava Vale mine collapse on November 2.'],
    entities: [{ type: 'place', name: 'Ostrava Vale' }],
    quantities: [
      { text: 'Exactly 5', value: 5, counted: 'worker', predicate: 'kill', measure: 'casualties' },
    ],
    times: [{ text: 'November 2', start: '2031-11-02', certainty: 'stated' }],
    predicates: { killed: 'kill' },
  });
  const findings = align([wire, paper]).filter((f) => f.kind !== 'unique');
  assert.equal(findings.length, 1, findings.map((f) => f.summary).join('\n'));
  assert.equal(findings[0]?.kind, 'conflict');
  assert.equal(findings[0]?.claims.length, 3);
});

void test('"as of" dates order two figures published the same day: an update', () => {
  const early = buildArticle({
    outlet: 'Delta Post',
    published: '2031-12-05',
    title: 'Storm in Brenmoor',
    body: ['As of December 3, the storm in Brenmoor had killed 6 people, the county office said.'],
    entities: [{ type: 'place', name: 'Brenmoor' }],
    quantities: [
      { text: '6', value: 6, counted: 'people', predicate: 'kill', measure: 'casualties' },
    ],
    times: [{ text: 'December 3', start: '2031-12-03', certainty: 'stated' }],
    chains: [{ sentence: 'As of December 3', chain: ['the county office'], kind: 'organization' }],
    predicates: { killed: 'kill' },
  });
  const late = buildArticle({
    outlet: 'Delta Echo',
    published: '2031-12-05',
    title: 'Brenmoor storm toll',
    body: ['The storm in Brenmoor had killed 9 people as of December 5, the county office said.'],
    entities: [{ type: 'place', name: 'Brenmoor' }],
    quantities: [
      { text: '9', value: 9, counted: 'people', predicate: 'kill', measure: 'casualties' },
    ],
    times: [{ text: 'December 5', start: '2031-12-05', certainty: 'stated' }],
    chains: [
      { sentence: 'The storm in Brenmoor', chain: ['the county office'], kind: 'organization' },
    ],
    predicates: { killed: 'kill' },
  });
  const linked = align([early, late]).filter((f) => f.kind !== 'unique');
  assert.equal(linked.length, 1, linked.map((f) => f.summary).join('\n'));
  assert.equal(linked[0]?.kind, 'update');
  assert.match(linked[0]?.summary ?? '', /"6".*2031-12-03.*"9".*2031-12-05/);
});

const polarity = (second: string, modality: 'negated' | 'asserted') => [
  buildArticle({
    outlet: 'First Crier',
    title: 'Harbor bridge',
    body: ['The Selmon harbor bridge was closed to traffic on Friday after the storm.'],
    entities: [{ type: 'facility', name: 'Selmon harbor bridge' }],
    times: [{ text: 'Friday', start: '2031-06-06', certainty: 'inferred' }],
    predicates: { closed: 'close' },
  }),
  buildArticle({
    outlet: 'Second Crier',
    title: 'Harbor bridge open',
    body: [second],
    entities: [{ type: 'facility', name: 'Selmon harbor bridge' }],
    times: [{ text: 'Friday', start: '2031-06-06', certainty: 'inferred' }],
    chains: [{ sentence: 'Selmon', chain: [], modality }],
    predicates: { closed: 'close' },
  }),
];

void test('the same predicate asserted by one outlet and negated by another is a conflict', () => {
  const findings = align(
    polarity(
      'The Selmon harbor bridge was not closed to traffic on Friday after the storm.',
      'negated',
    ),
  );
  const linked = findings.filter((f) => f.kind !== 'unique');
  assert.equal(linked.length, 1);
  assert.equal(linked[0]?.kind, 'conflict');
  assert.ok(linked[0]?.slots?.differed.includes('polarity'));
});

void test('negative: the same assertion twice is an agreement, not a conflict', () => {
  const findings = align(
    polarity(
      'The Selmon harbor bridge was closed to traffic on Friday after the storm passed.',
      'asserted',
    ),
  );
  assert.deepEqual(
    findings.filter((f) => f.kind !== 'unique').map((f) => f.kind),
    ['agreement'],
  );
});

void test('a responsibility claim about another event in the same sentence stays out of the contest', () => {
  // The first clause is about bombings the text placed in Arequipa (Peru); the
  // second clause, in the same sentence, is about the arena shooting.
  const a = annotate({
    ...makeArticle(
      [
        'Arena attack',
        'Last year a bomb exploded in the Peruvian city of Arequipa, killing 20 people.',
        'The Ember Brigade claimed responsibility for the Peru bombings, and police sources said the Ember Brigade carried out the March 4 shooting at the Tollbridge Arena.',
        'The Ember Brigade claimed responsibility for the shooting at the Tollbridge Arena on Friday.',
      ].join('\n\n'),
      { published: '2033-03-08' },
    ),
    id: 'a',
    source: 'a.txt',
  });
  const b = annotate({
    ...makeArticle(
      [
        'Ministry blames Grey Hand',
        'The Interior Ministry accused the Grey Hand of organising the attack on the Tollbridge Arena.',
      ].join('\n\n'),
      { published: '2033-03-08' },
    ),
    id: 'b',
    source: 'b.txt',
  });
  const docs = [a, b];
  const findings = alignClaims(docs, resolveEntities(docs));
  const contest = findings.find((f) => f.summary.startsWith('Responsibility contested'));
  assert.ok(contest, 'the arena shooting is contested');
  assert.ok(contest.claims.some((c) => /Grey Hand/.test(c.text)));
  assert.ok(contest.claims.some((c) => /carried out the March 4 shooting/.test(c.text)));
  assert.ok(
    !contest.claims.some((c) => /Peru bombings/.test(c.text)),
    contest.claims.map((c) => c.text).join(' | '),
  );
});
