/**
 * sameEvent on fictional sentences (written for these tests): synonyms of one
 * event match across outlets; the events of one story (the shooting and the
 * arrest, the quake and the aftershock) are told apart; stated days that
 * differ veto a match; a shared generic verb alone is not enough.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotate } from '../../src/annotate/index.ts';
import { classesOf, eventKey } from '../../src/align/event-words.ts';
import { sameEvent, spanClaim, type ClaimRef } from '../../src/align/similarity.ts';
import { ingest } from '../../src/ingest/index.ts';

async function refOf(text: string, sentence: string, published = '2025-03-10'): Promise<ClaimRef> {
  const { articles } = await ingest([
    { record: { text, published }, label: sentence.slice(0, 20) },
  ]);
  const article = articles[0];
  assert.ok(article, 'fixture ingested');
  const doc = annotate(article);
  const start = doc.article.text.indexOf(sentence);
  assert.ok(start >= 0, `fixture sentence found: ${sentence}`);
  return { doc, claim: spanClaim(doc, [start, start + sentence.length]) };
}

const MINT_A = `Gunman shoots two guards at Harlow mint

A gunman shot dead two security guards at the Harlow mint on Monday, police said.
Hours later officers arrested Dario Velk, 34, at a motel near Brenton.`;
const MINT_B = `Two guards killed in Harlow mint attack

Two guards were killed when a gunman opened fire at the Harlow mint, police chief Maren Oduya said.
Police detained Dario Velk at a Brenton motel the same evening.`;
const QUAKE = `Strong earthquake hits Valmora

A strong earthquake struck Valmora in Ostrel province, destroying the grain market.`;
const AFTERSHOCK = `Aftershock rattles Valmora

A strong aftershock rattled Valmora in Ostrel province, frightening residents.`;
const ARREST_MARCH = `Smuggler held

Customs officers arrested Corvin Aldous at the Dunmore docks on March 3, 2025.`;
const ARREST_MAY = `Smuggler held again

Customs officers arrested Corvin Aldous at the Dunmore docks on May 9, 2025.`;
const GENERIC_A = `Local news

Police arrested a man on the high street.`;
const GENERIC_B = `Other local news

Police arrested a woman near the station.`;
const NAMED_A = `Local news

Police arrested Dario Velk on the high street.`;
const NAMED_B = `Other local news

Police arrested Dario Velk near the station.`;

const cases: { name: string; a: [string, string]; b: [string, string]; same: boolean }[] = [
  {
    name: 'shot dead ~ killed (one shooting, two wordings)',
    a: [
      MINT_A,
      'A gunman shot dead two security guards at the Harlow mint on Monday, police said.',
    ],
    b: [
      MINT_B,
      'Two guards were killed when a gunman opened fire at the Harlow mint, police chief Maren Oduya said.',
    ],
    same: true,
  },
  {
    name: 'arrested ~ detained (one arrest)',
    a: [MINT_A, 'Hours later officers arrested Dario Velk, 34, at a motel near Brenton.'],
    b: [MINT_B, 'Police detained Dario Velk at a Brenton motel the same evening.'],
    same: true,
  },
  {
    name: 'the shooting is not the arrest',
    a: [
      MINT_A,
      'A gunman shot dead two security guards at the Harlow mint on Monday, police said.',
    ],
    b: [MINT_B, 'Police detained Dario Velk at a Brenton motel the same evening.'],
    same: false,
  },
  {
    name: 'the arrest is not the shooting (other direction)',
    a: [MINT_A, 'Hours later officers arrested Dario Velk, 34, at a motel near Brenton.'],
    b: [
      MINT_B,
      'Two guards were killed when a gunman opened fire at the Harlow mint, police chief Maren Oduya said.',
    ],
    same: false,
  },
  {
    name: 'the quake is not the aftershock',
    a: [
      QUAKE,
      'A strong earthquake struck Valmora in Ostrel province, destroying the grain market.',
    ],
    b: [
      AFTERSHOCK,
      'A strong aftershock rattled Valmora in Ostrel province, frightening residents.',
    ],
    same: false,
  },
  {
    name: 'one arrest wording, different stated days: two arrests',
    a: [
      ARREST_MARCH,
      'Customs officers arrested Corvin Aldous at the Dunmore docks on March 3, 2025.',
    ],
    b: [ARREST_MAY, 'Customs officers arrested Corvin Aldous at the Dunmore docks on May 9, 2025.'],
    same: false,
  },
];

describe('sameEvent', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const a = await refOf(...c.a);
      const b = await refOf(...c.b);
      const match = sameEvent(a, b);
      assert.equal(match.same, c.same, match.evidence.join('; '));
      if (c.same) assert.ok(match.matched.includes('predicate'));
      // The decision is symmetric.
      assert.equal(sameEvent(b, a).same, match.same);
    });
  }

  it('weighs shared participants: a named arrest outranks two arrests of unnamed people', async () => {
    const named = sameEvent(
      await refOf(NAMED_A, 'Police arrested Dario Velk on the high street.'),
      await refOf(NAMED_B, 'Police arrested Dario Velk near the station.'),
    );
    const unnamed = sameEvent(
      await refOf(GENERIC_A, 'Police arrested a man on the high street.'),
      await refOf(GENERIC_B, 'Police arrested a woman near the station.'),
    );
    assert.ok(named.score > unnamed.score, `${named.score} > ${unnamed.score}`);
    assert.ok(named.matched.includes('participants'), named.matched.join(','));
    assert.ok(!unnamed.matched.includes('participants'), unnamed.matched.join(','));
    // The unnamed pair rests on the kind of event: the predicate slot says so.
    assert.ok(unnamed.matched.includes('predicate'), unnamed.evidence.join('; '));
  });

  it('says which slots matched and which differed', async () => {
    const a = await refOf(
      ARREST_MARCH,
      'Customs officers arrested Corvin Aldous at the Dunmore docks on March 3, 2025.',
    );
    const b = await refOf(
      ARREST_MAY,
      'Customs officers arrested Corvin Aldous at the Dunmore docks on May 9, 2025.',
    );
    const match = sameEvent(a, b);
    assert.ok(match.matched.includes('participants'), match.matched.join(','));
    assert.ok(match.differed.includes('time'), match.differed.join(','));
  });
  it('vetoes differing kinds only between claims of one event each', async () => {
    // A blast and the collapse it caused, each told in a sentence of several
    // events: the kinds differ, but so much else is shared that it is one event.
    const blast = `Tower blast\n\nA gas explosion tore through the Corlin tower on Hadley Street early on Sunday, hurling debris across the market square and shattering windows.`;
    const collapse = `Corlin tower\n\nPart of the Corlin tower on Hadley Street collapsed early on Sunday after the gas leak, trapping tenants and scattering debris across the market square.`;
    const long = sameEvent(
      await refOf(blast, blast.split('\n\n')[1] ?? ''),
      await refOf(collapse, collapse.split('\n\n')[1] ?? ''),
    );
    assert.ok(long.same, long.evidence.join('; '));
    assert.ok(long.differed.includes('predicate'), long.differed.join(','));
    assert.ok(
      long.evidence.some((e) => e.startsWith('different kinds')),
      long.evidence.join('; '),
    );
    // The same two kinds in claims of one event each: two events.
    const short = sameEvent(
      await refOf(blast, 'A gas explosion tore through the Corlin tower'),
      await refOf(collapse, 'Part of the Corlin tower on Hadley Street collapsed'),
    );
    assert.equal(short.same, false, short.evidence.join('; '));
  });
});

describe('event words', () => {
  it('folds nominalisations and irregular forms onto one key', () => {
    const pairs: [string, string][] = [
      ['shooting', 'shoot'],
      ['explosion', 'explode'],
      ['election', 'elect'],
      ['appointment', 'appoint'],
      ['seizure', 'seize'],
      ['death', 'die'],
      ['arrival', 'arrive'],
    ];
    for (const [noun, verb] of pairs)
      assert.equal(eventKey(noun), eventKey(verb), `${noun} / ${verb}`);
    assert.notEqual(eventKey('aftershock'), eventKey('quake'));
  });

  it('puts synonyms in one kind and keeps different kinds apart', () => {
    const kinds = (w: string) => classesOf(eventKey(w));
    const shared = (a: string, b: string) => kinds(a).some((k) => kinds(b).includes(k));
    assert.ok(shared('kill', 'shoot'));
    assert.ok(shared('arrest', 'detain'));
    assert.ok(shared('earthquake', 'tremor'));
    assert.ok(!shared('earthquake', 'aftershock'));
    assert.ok(!shared('shoot', 'arrest'));
    // One contest seen from both sides; a suicide is a death, not a killing.
    assert.ok(shared('beat', 'lose') && shared('defeat', 'loss'));
    assert.ok(shared('suicide', 'die') && !shared('suicide', 'murder'));
    // "fire" is a dismissal or a blaze.
    assert.ok(shared('fire', 'sack') && shared('fire', 'blaze'));
  });

  it('reads a title-case headline as words, not names', async () => {
    const a = await refOf(
      `Strong Quake Kills Nine In Valmora\n\nRescuers searched the rubble.`,
      'Strong Quake Kills Nine In Valmora',
    );
    const b = await refOf(
      `Valmora tremor\n\nA strong tremor killed nine people in Valmora on Sunday.`,
      'A strong tremor killed nine people in Valmora on Sunday.',
    );
    const match = sameEvent(a, b);
    assert.ok(match.matched.includes('predicate'), match.evidence.join('; '));
    assert.ok(match.same, match.evidence.join('; '));
  });
});
