import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bounds } from '../../src/core/index.ts';
import { parseNumber } from '../../src/annotate/quantities.ts';
import { run } from './annotate-helpers.ts';

const exact = (v: number): Bounds => ({ low: v, high: v, lowInclusive: true, highInclusive: true });

test('quantities: value, bounds, counted, predicate, measure (table)', () => {
  const cases: {
    text: string;
    value: number;
    bounds: Bounds;
    counted?: string;
    predicate?: string;
    measure?: string;
  }[] = [
    {
      text: 'The flood killed 37 people in the valley.',
      value: 37,
      bounds: exact(37),
      counted: 'people',
      predicate: 'kill',
      measure: 'casualties-dead',
    },
    {
      text: 'Police arrested at least nine suspects on the border.',
      value: 9,
      bounds: { low: 9, high: null, lowInclusive: true, highInclusive: false },
      counted: 'suspect',
      predicate: 'arrest',
      measure: 'arrests',
    },
    {
      text: 'More than 80 passengers were injured in the crash.',
      value: 80,
      bounds: { low: 80, high: null, lowInclusive: false, highInclusive: false },
      counted: 'passenger',
      predicate: 'injure',
      measure: 'casualties-injured',
    },
    {
      text: 'About 200 residents left their homes.',
      value: 200,
      bounds: { low: 180, high: 220, lowInclusive: true, highInclusive: true },
      counted: 'resident',
      measure: 'people',
    },
    {
      text: 'Nearly 50 miners died underground.',
      value: 50,
      bounds: { low: 45, high: 50, lowInclusive: true, highInclusive: false },
      counted: 'miner',
      predicate: 'die',
    },
    {
      text: 'The ferry can carry up to five trucks.',
      value: 5,
      bounds: { low: 0, high: 5, lowInclusive: true, highInclusive: true },
      counted: 'truck',
    },
    {
      text: 'The blast left 61 dead and the market burned.',
      value: 61,
      bounds: exact(61),
      counted: 'dead',
      measure: 'casualties-dead',
    },
    {
      text: 'Dozens of shops were damaged by the storm.',
      value: 24,
      bounds: { low: 24, high: 100, lowInclusive: true, highInclusive: false },
    },
    {
      text: 'The company paid 1,000,000 dollars in fines.',
      value: 1000000,
      bounds: exact(1000000),
      counted: 'dollar',
      measure: 'money',
    },
    {
      text: 'The town spent 1.5m euros on the new bridge.',
      value: 1500000,
      bounds: exact(1500000),
      counted: 'euro',
      measure: 'money',
    },
    {
      text: 'Between 10 and 20 boats were lost.',
      value: 10,
      bounds: { low: 10, high: 20, lowInclusive: true, highInclusive: true },
      counted: 'boat',
    },
  ];
  for (const c of cases) {
    const a = run(c.text, { published: '2021-05-04' });
    assert.equal(
      a.quantities.length,
      1,
      `${c.text}: ${JSON.stringify(a.quantities.map((q) => q.text))}`,
    );
    const q = a.quantities[0];
    assert.ok(q);
    assert.equal(q.value, c.value, c.text);
    assert.deepEqual(q.bounds, c.bounds, c.text);
    if (c.counted) assert.equal(q.counted, c.counted, c.text);
    if (c.predicate) assert.equal(q.predicate, c.predicate, c.text);
    if (c.measure) assert.equal(q.measure, c.measure, c.text);
    assert.equal(c.text.slice(q.span[0], q.span[1]), q.text);
  }
});

test('not counts: years, dates, times, ordinals, phone numbers, pronoun "one"', () => {
  const negatives = [
    'The law was passed in 2019 after a long debate.',
    'The vote is on March 14, 2022 in the capital.',
    'The meeting starts at 10:30 in the hall.',
    'She finished third in the race.',
    'Call the office on 555-0134 for details.',
    'One of the sources said the talks failed.',
    'The 3rd battalion moved north.',
    'A 911 caller told police about the car.',
    'Emissions must fall below 2005 levels by the deadline.',
  ];
  for (const text of negatives) {
    const a = run(text, { published: '2022-03-01' });
    assert.deepEqual(
      a.quantities.map((q) => q.text),
      [],
      `no count expected in: ${text}`,
    );
  }
});

test('anaphoric counts take what their antecedent counted', () => {
  const a = run(
    'Guards detained four more men near the gate. The four, all foreign nationals, were arrested at dawn.',
    { published: '2022-03-01' },
  );
  assert.equal(a.quantities.length, 2);
  const [first, second] = a.quantities;
  assert.equal(first?.counted, 'man');
  assert.equal(second?.text, 'four');
  assert.equal(second?.counted, 'man');
  assert.equal(second?.predicate, 'arrest');
  assert.equal(second?.measure, 'arrests');
});

test('parseNumber handles separators and glued scales, and rejects malformed groups', () => {
  const cases: [string, number | undefined][] = [
    ['1,000,000', 1000000],
    ['1.5m', 1500000],
    ['3bn', 3000000000],
    ['12k', 12000],
    ['143', 143],
    ['1,00,0', undefined],
    ['abc', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(parseNumber(input), expected, input);
});

test('a figure after a change verb counts what its subject names (table)', () => {
  const cases: {
    text: string;
    expect: {
      text: string;
      value: number;
      measure?: string;
      predicate?: string;
      change?: string;
    }[];
  }[] = [
    {
      text: 'The death toll has risen to 23, officials said.',
      expect: [{ text: '23', value: 23, measure: 'casualties-dead', change: 'to' }],
    },
    {
      text: 'The death toll rose to 23.',
      expect: [{ text: '23', value: 23, measure: 'casualties-dead', change: 'to' }],
    },
    {
      text: 'The death toll climbed to 23 on Friday.',
      expect: [{ text: '23', value: 23, measure: 'casualties-dead', change: 'to' }],
    },
    {
      text: 'The death toll now stands at 23.',
      expect: [{ text: '23', value: 23, measure: 'casualties-dead' }],
    },
    {
      text: 'The death toll increased from 19 to 23.',
      expect: [
        { text: '19', value: 19, measure: 'casualties-dead', change: 'from' },
        { text: '23', value: 23, measure: 'casualties-dead', change: 'to' },
      ],
    },
    {
      text: 'The number of people arrested rose to seven.',
      expect: [{ text: 'seven', value: 7, measure: 'arrests', predicate: 'arrest', change: 'to' }],
    },
    {
      text: 'The number of people killed in the landslide near the old quarry has risen to 23, the mayor said.',
      expect: [
        { text: '23', value: 23, measure: 'casualties-dead', predicate: 'kill', change: 'to' },
      ],
    },
    {
      text: 'The number of injured climbed to 31.',
      expect: [{ text: '31', value: 31, measure: 'casualties-injured', change: 'to' }],
    },
    {
      text: 'The number of dead has gone up to 23.',
      expect: [{ text: '23', value: 23, measure: 'casualties-dead', change: 'to' }],
    },
    {
      text: 'Arrests have jumped to 30.',
      expect: [{ text: '30', value: 30, measure: 'arrests', change: 'to' }],
    },
    {
      text: 'The mayor put the death toll at 19.',
      expect: [{ text: '19', value: 19, measure: 'casualties-dead' }],
    },
    // A figure the text gives as an earlier one is superseded, like the "from" of a change.
    {
      text: 'The mayor had earlier put the death toll at 19, according to the wire.',
      expect: [{ text: '19', value: 19, measure: 'casualties-dead', change: 'from' }],
    },
    {
      text: 'The toll reached 23 by Friday.',
      expect: [{ text: '23', value: 23, measure: 'casualties-dead' }],
    },
    {
      text: 'Deaths fell from 20 to 9 over the year.',
      expect: [
        { text: '20', value: 20, measure: 'casualties-dead', change: 'from' },
        { text: '9', value: 9, measure: 'casualties-dead', change: 'to' },
      ],
    },
    {
      text: 'The death toll rose to 23 people.',
      expect: [{ text: '23', value: 23, measure: 'casualties-dead', change: 'to' }],
    },
    // A plain subject and a count of its own are a verb and its object.
    {
      text: 'Divers reached 23 people trapped in the cave.',
      expect: [{ text: '23', value: 23, measure: 'people', predicate: 'reach' }],
    },
    // What the number itself names wins over the subject.
    {
      text: 'Turnout rose to 64 percent.',
      expect: [{ text: '64', value: 64, measure: 'percent' }],
    },
  ];
  for (const c of cases) {
    const a = run(c.text, { published: '2021-05-04' });
    const got = a.quantities.map((q) => ({
      text: q.text,
      value: q.value,
      ...(q.measure ? { measure: q.measure } : {}),
      ...(q.predicate ? { predicate: q.predicate } : {}),
      ...(q.change ? { change: q.change } : {}),
    }));
    assert.deepEqual(got, c.expect, c.text);
    for (const q of a.quantities)
      assert.deepEqual(q.bounds, exact(q.value), `${c.text}: a changed figure is exact`);
  }
});

test('no figure from a change verb without a figure or a countable subject', () => {
  const negatives = [
    'He rose to fame in 1998 with a single song.',
    'The river rose to the top of the bank.',
    'It has risen to 14, she said.',
    'The price of bread climbed to 3 after the harvest failed.',
    'The singer stands at 6 on the chart.',
  ];
  for (const text of negatives) {
    const a = run(text, { published: '2022-03-01' });
    assert.deepEqual(
      a.quantities.map((q) => q.text),
      [],
      `no count expected in: ${text}`,
    );
  }
  // A hedge stays a hedge when no change verb comes before it.
  const hedged = run('Up to 14 people died in the fire.', { published: '2022-03-01' });
  assert.equal(hedged.quantities[0]?.hedge, 'up to');
  assert.equal(hedged.quantities[0]?.change, undefined);
});
