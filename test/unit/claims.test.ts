import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnotatedArticle, BlockKind, Claim } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { makeArticle, withBlocks } from './annotate-helpers.ts';

function article(parts: [BlockKind, string][], outlet?: string): AnnotatedArticle {
  const { text, blocks } = withBlocks(parts);
  const a = makeArticle(text, { blocks, published: '2025-06-02' });
  if (outlet !== undefined) a.meta.outlet = outlet;
  return annotate(a);
}

const texts = (claims: Claim[]): string[] => claims.map((c) => c.text);

const cases: {
  name: string;
  body: string;
  claims: {
    text: string;
    predicate?: string;
    modality?: Claim['modality'];
    chain?: string[];
    quoted?: boolean;
  }[];
}[] = [
  {
    name: 'an asserted event',
    body: 'Floods destroyed forty homes in Marlow on Sunday.',
    claims: [
      {
        text: 'Floods destroyed forty homes in Marlow on Sunday',
        predicate: 'destroy',
        modality: 'asserted',
        chain: ['the article'],
      },
    ],
  },
  {
    name: 'reported content is a claim of its source',
    body: 'The fire service said that two people were rescued.',
    claims: [
      {
        text: 'two people were rescued',
        predicate: 'rescue',
        modality: 'reported',
        chain: ['the article', 'The fire service'],
      },
    ],
  },
  {
    name: 'a quotation is a claim of its speaker',
    body: '“The levee did not break,” the engineer said.',
    claims: [
      {
        text: 'The levee did not break',
        predicate: 'break',
        modality: 'negated',
        quoted: true,
        chain: ['the article', 'the engineer'],
      },
    ],
  },
  {
    name: 'coordinated clauses with their own subjects are two claims',
    body: 'The river rose two metres, and the council closed the bridge.',
    claims: [
      { text: 'The river rose two metres', predicate: 'rise' },
      { text: 'the council closed the bridge', predicate: 'close' },
    ],
  },
  {
    name: 'a claim of responsibility is the speech act itself',
    body: 'The Red Hand group claimed responsibility for the blast.',
    claims: [
      {
        text: 'The Red Hand group claimed responsibility for the blast',
        predicate: 'claim',
        modality: 'asserted',
      },
    ],
  },
  {
    name: 'a source followed by its relative clause stays in the sentence around it',
    body: 'The alert matched an earlier one from the Harbour Board, which warned of a storm surge on Friday.',
    claims: [
      { text: 'The alert matched an earlier one from the Harbour Board', predicate: 'match' },
      // The warning itself is a speech act of the board.
      { text: 'the Harbour Board, which warned of a storm surge on Friday', predicate: 'warn' },
    ],
  },
  {
    name: 'two quotations given as what was said are two claims of the speaker',
    body: 'A guard shouted "We are closing the gate" and "Nobody may leave the hall" in Spanish.',
    claims: [
      { text: 'We are closing the gate', quoted: true, chain: ['the article', 'A guard'] },
      { text: 'Nobody may leave the hall', quoted: true, chain: ['the article', 'A guard'] },
    ],
  },
  {
    name: 'a claim never shows half a quotation',
    body: 'The mayor said "no comment" was all she would offer. The group called the raid "the boldest strike in years."',
    claims: [
      { text: '"no comment" was all she would offer', chain: ['the article', 'The mayor'] },
      { text: 'The group called the raid "the boldest strike in years."', predicate: 'call' },
    ],
  },
  {
    name: 'hedged statement',
    body: 'The blast was possibly caused by a gas leak.',
    claims: [{ text: 'The blast was possibly caused by a gas leak', modality: 'hedged' }],
  },
];

for (const c of cases) {
  test(`claims: ${c.name}`, () => {
    const doc = article([['body', c.body]]);
    assert.deepEqual(
      texts(doc.claims),
      c.claims.map((x) => x.text),
    );
    c.claims.forEach((expected, i) => {
      const got = doc.claims[i] as Claim;
      if (expected.predicate !== undefined) assert.equal(got.predicate, expected.predicate);
      if (expected.modality !== undefined) assert.equal(got.modality, expected.modality);
      if (expected.chain !== undefined) assert.deepEqual(got.chain, expected.chain);
      if (expected.quoted !== undefined) assert.equal(got.quoted, expected.quoted);
      assert.equal(doc.article.text.slice(got.span[0], got.span[1]), got.text);
    });
  });
}

test('claims: titles, bylines, captions and credits make no claims', () => {
  const doc = article([
    ['title', 'Floods hit the valley'],
    ['byline', 'By Ana Reyes'],
    ['caption', 'Rescuers carry a boat through a flooded street in Marlow'],
    ['credit', 'Photo: J. Doe/Example Agency'],
    ['body', 'Floods destroyed forty homes in Marlow on Sunday.'],
  ]);
  assert.deepEqual(texts(doc.claims), ['Floods destroyed forty homes in Marlow on Sunday']);
});

test('claims: fragments without a verb make no claims', () => {
  const doc = article([
    ['body', 'Live updates.'],
    ['body', 'Heavy rain, strong wind, cold nights.'],
  ]);
  assert.deepEqual(texts(doc.claims), []);
});

test('claims: the chain runs outlet → relay → sources, and the claim keeps its attribution', () => {
  const doc = article(
    [['body', 'Three engineers said the dam had cracked, the Valley Courier reported on Monday.']],
    'Morning Post',
  );
  const claim = doc.claims.find((c) => c.text === 'the dam had cracked');
  assert.ok(claim, JSON.stringify(texts(doc.claims)));
  assert.deepEqual(claim.chain, ['Morning Post', 'the Valley Courier', 'Three engineers']);
  const attribution = doc.attributions.find((a) => a.id === claim.attributionId);
  assert.equal(attribution?.source.text, 'Three engineers');
});

test('claims: times and quantities in the claim are linked by id', () => {
  const doc = article([['body', 'The storm killed 12 people on Saturday.']]);
  const [claim] = doc.claims;
  assert.ok(claim);
  assert.deepEqual(
    claim.quantityIds,
    doc.quantities.map((q) => q.id),
  );
  assert.deepEqual(
    claim.timeIds,
    doc.times.map((t) => t.id),
  );
  assert.ok(claim.quantityIds.length > 0 && claim.timeIds.length > 0);
});

test('claims: a time of a speech act frames the claims after it until the next such time', () => {
  const cases: { body: string; claim: string; times: string[] }[] = [
    {
      body: 'The mayor said on Monday that the bridge had closed.',
      claim: 'the bridge had closed',
      times: ['Monday'],
    },
    // Negative: the later statement is framed by "on Friday", not also by "on Tuesday".
    {
      body: 'The mayor said on Tuesday that the bridge had closed, and the council said on Friday that the ferry had stopped.',
      claim: 'the ferry had stopped',
      times: ['Friday'],
    },
  ];
  for (const { body, claim: wanted, times } of cases) {
    const doc = article([['body', body]]);
    const claim = doc.claims.find((c) => c.text === wanted);
    assert.ok(claim, JSON.stringify(texts(doc.claims)));
    const named = claim.timeIds.map((id) => doc.times.find((t) => t.id === id)?.text ?? id);
    assert.deepEqual(
      named.map((n) => n.replace(/^on\s+/iu, '')),
      times,
      body,
    );
  }
});
