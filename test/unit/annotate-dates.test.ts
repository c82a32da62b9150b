import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeCertainty } from '../../src/core/index.ts';
import { run } from './annotate-helpers.ts';

const PUBLISHED = '2023-10-11'; // a Wednesday

test('dates resolved against the publication date (table)', () => {
  const cases: { text: string; expect: [string, string | undefined, TimeCertainty][] }[] = [
    {
      text: 'The dam failed on September 9, 2023 after heavy rain.',
      expect: [['September 9, 2023', '2023-09-09', 'stated']],
    },
    { text: 'The mayor resigned on Monday.', expect: [['on Monday', '2023-10-09', 'inferred']] },
    { text: 'Prices rose last month.', expect: [['last month', '2023-09', 'inferred']] },
    { text: 'This morning the mayor spoke.', expect: [['This morning', '2023-10-11', 'inferred']] },
    {
      text: 'The ship docked on August 3 in the bay.',
      expect: [['August 3', '2023-08-03', 'inferred']],
    },
    {
      text: 'The firm was founded in 1998 by two brothers.',
      expect: [['1998', '1998', 'stated']],
    },
    {
      text: 'Talks will resume on Friday.',
      expect: [['on Friday', '2023-10-13', 'inferred']],
    },
  ];
  // A part of the day with no day is no date; with one it is.
  for (const text of [
    'The morning shift was unloading a barge.',
    'By the evening, the fire was out.',
  ])
    assert.deepEqual(run(text, { published: PUBLISHED }).times, [], text);
  assert.equal(
    run('The fire was out by Monday evening.', { published: PUBLISHED }).times[0]?.start,
    '2023-10-09',
  );
  // "weekday" as a plain noun is no date.
  assert.deepEqual(run('Buses run every weekday.', { published: PUBLISHED }).times, []);
  for (const c of cases) {
    const a = run(c.text, { published: PUBLISHED });
    assert.deepEqual(
      a.times.map((t) => [t.text, t.start, t.certainty]),
      c.expect,
      c.text,
    );
    for (const t of a.times) assert.equal(c.text.slice(t.span[0], t.span[1]), t.text);
  }
});

test('relative days count from the previous date in the text', () => {
  const a = run(
    'The storm reached the coast on June 2, 2022. The next day, roads closed. On the same day, schools shut.',
    { published: '2022-06-10' },
  );
  const [stated, next, same] = a.times;
  assert.equal(stated?.start, '2022-06-02');
  assert.equal(stated?.certainty, 'stated');
  assert.equal(next?.start, '2022-06-03');
  assert.equal(next?.anchor, `in-text:${stated?.id ?? ''}`);
  assert.equal(same?.start, '2022-06-03');
  assert.equal(same?.anchor, `in-text:${next?.id ?? ''}`);
});

test('without a publication date, relative dates stay unresolved — never today', () => {
  const a = run(
    'The minister spoke on Tuesday. Prices fell last month. The law dates from March 3.',
  );
  assert.ok(a.times.length >= 3);
  for (const t of a.times) {
    assert.equal(t.certainty, 'unresolved', t.text);
    assert.equal(t.start, undefined, t.text);
  }
  assert.equal(a.diagnostics.filter((d) => d.ruleId === 'date-unresolved').length, a.times.length);
  const thisYear = String(new Date().getUTCFullYear());
  assert.ok(!a.times.some((t) => t.start?.startsWith(thisYear)));
});

test('a clock time with no day takes the day the text last dated, else the publication day', () => {
  const a = run('The tanker ran aground on Monday. The crew called for help at 6 a.m.', {
    published: PUBLISHED,
  });
  const [day, time] = a.times;
  assert.equal(time?.start, '2023-10-09T06:00');
  assert.equal(time?.anchor, `in-text:${day?.id ?? ''}`);
  // With no day in the text before it, the publication day.
  const b = run('The crew called for help at 6 a.m.', { published: PUBLISHED });
  assert.equal(b.times[0]?.start, '2023-10-11T06:00');
  assert.equal(b.times[0]?.anchor, 'published');
});

test('a month and day with no year borrow the year of an earlier stated date', () => {
  const a = run('Voting began on May 2, 2019. Results came on May 9.');
  const later = a.times.find((t) => t.text === 'May 9');
  assert.equal(later?.start, '2019-05-09');
  assert.equal(later?.certainty, 'inferred');
});

test('expressions relative to an event are kept unresolved', () => {
  const a = run(
    'Two weeks beforehand, the police had warned the club. Days before the match, fans gathered.',
    {
      published: PUBLISHED,
    },
  );
  const texts = a.times.map((t) => [t.text, t.certainty]);
  assert.deepEqual(texts, [
    ['Two weeks beforehand', 'unresolved'],
    ['Days before the match', 'unresolved'],
  ]);
});

test('an invalid publication date is reported, not guessed', () => {
  const a = run('The port reopened on Monday.', { published: 'yesterday-ish' });
  assert.ok(a.diagnostics.some((d) => d.ruleId === 'published-invalid'));
  assert.equal(a.times[0]?.certainty, 'unresolved');
});

test('no dates in plain text with numbers and capitalised words', () => {
  const a = run('Seven boats and 40 nets were counted by May Ellis at the Sunday Market hall.', {
    published: PUBLISHED,
  });
  assert.deepEqual(
    a.times.map((t) => t.text),
    [],
  );
});

test('expressions relative to an event count from the last day the text dated (table)', () => {
  const cases: {
    text: string;
    expect: [string, string | undefined, string | undefined, string | undefined][];
  }[] = [
    {
      text: 'The club was attacked on June 2, 2022. Two weeks beforehand, the police had warned it.',
      expect: [
        ['June 2, 2022', '2022-06-02', undefined, 'stated'],
        ['Two weeks beforehand', '2022-05-19', undefined, 'week'],
      ],
    },
    {
      text: 'Gunmen stormed the hall on Friday. A few days before the attack, the embassy issued a warning.',
      expect: [
        ['on Friday', '2023-10-06', undefined, 'published'],
        ['A few days before the attack', '2023-10-02', '2023-10-04', 'day'],
      ],
    },
    {
      text: 'The dam broke on May 5, 2021. Days earlier, engineers saw cracks.',
      expect: [
        ['May 5, 2021', '2021-05-05', undefined, 'stated'],
        ['Days earlier', '2021-04-26', '2021-05-03', 'day'],
      ],
    },
    {
      text: 'The dam broke on May 5, 2021. Three days after the collapse, the town was evacuated.',
      expect: [
        ['May 5, 2021', '2021-05-05', undefined, 'stated'],
        ['Three days after the collapse', '2021-05-08', undefined, 'day'],
      ],
    },
  ];
  for (const c of cases) {
    const a = run(c.text, { published: PUBLISHED });
    const [anchor, relative] = a.times;
    assert.deepEqual(
      a.times.map((t) => [
        t.text,
        t.start,
        t.end,
        t.certainty === 'inferred' && t.anchor?.startsWith('in-text:')
          ? t.granularity
          : (t.anchor ?? t.certainty),
      ]),
      c.expect,
      c.text,
    );
    assert.equal(relative?.certainty, 'inferred', c.text);
    assert.equal(relative?.anchor, `in-text:${anchor?.id ?? ''}`, c.text);
    assert.ok(!a.diagnostics.some((d) => d.ruleId === 'date-unresolved'), c.text);
  }
});

test('an event-relative expression with no dated day before it stays unresolved', () => {
  // The publication date is no anchor for "days before the attack": the attack's day is unknown.
  for (const text of [
    'Days before the attack, the embassy issued a warning. The attack came on Friday.',
    'A few weeks earlier, the firm had cut its staff.',
  ]) {
    const a = run(text, { published: PUBLISHED });
    const relative = a.times[0];
    assert.equal(relative?.certainty, 'unresolved', text);
    assert.equal(relative?.start, undefined, text);
    assert.ok(
      a.diagnostics.some(
        (d) => d.ruleId === 'date-unresolved' && d.span?.[0] === relative?.span[0],
      ),
      text,
    );
  }
});

test('a bare number after "at", "to" or "from" is a figure, not a clock time', () => {
  const cases: [string, string[]][] = [
    ['The death toll now stands at 14.', []],
    ['The death toll increased from 12 to 14.', []],
    ['The death toll climbed to 14 on Tuesday.', ['on Tuesday']],
    // Clock times keep their marker and stay times.
    ['The blast came at 9 a.m. on Monday.', ['at 9 a.m. on Monday']],
    ['The train left at 09:07.', ['at 09:07']],
  ];
  for (const [text, expected] of cases) {
    const a = run(text, { published: PUBLISHED });
    assert.deepEqual(
      a.times.map((t) => t.text),
      expected,
      text,
    );
  }
});

test('the event day, not the day of a report, anchors an event-relative date', () => {
  const cases: { text: string; relative: string; start: string | undefined; anchor?: string }[] = [
    // "told reporters on June 9" dates the report; the attack is June 2.
    {
      text: 'The attack came on June 2, 2022. Officials told reporters on June 9, 2022 that they had been warned. Days before the attack, guards left.',
      relative: 'Days before the attack',
      start: '2022-05-24',
      anchor: 'June 2, 2022',
    },
    // A date of the event in the same sentence wins, even after the expression.
    {
      text: 'The bridge opened on May 1, 2020. Days before the attack on June 2, 2022, guards left.',
      relative: 'Days before the attack',
      start: '2022-05-24',
      anchor: 'June 2, 2022',
    },
    // A bare "beforehand" speaks of what was just said: a date three sentences back is no anchor.
    {
      text: 'The bridge opened on May 1, 2020. Traffic grew. Tolls rose. Two weeks beforehand, the council met.',
      relative: 'Two weeks beforehand',
      start: undefined,
    },
    // "Three days later" carries the story's clock on from the last dated day, however far back.
    {
      text: 'The storm hit on June 2, 2022. Roads flooded. Rivers rose. Three days later, the army arrived. The day after, it left.',
      relative: 'Three days later',
      start: '2022-06-05',
      anchor: 'June 2, 2022',
    },
    {
      text: 'The storm hit on June 2, 2022. Roads flooded. Rivers rose. Three days later, the army arrived. The day after, it left.',
      relative: 'The day after',
      start: '2022-06-06',
      anchor: 'Three days later',
    },
    // A report date alone is no anchor.
    {
      text: 'Reuters reported on Monday that the plot was found. Days before the attack, guards left.',
      relative: 'Days before the attack',
      start: undefined,
    },
  ];
  for (const c of cases) {
    const a = run(c.text, { published: PUBLISHED });
    const relative = a.times.find((t) => t.text === c.relative);
    assert.ok(relative, c.text);
    assert.equal(relative.start, c.start, c.text);
    const anchor = a.times.find((t) => `in-text:${t.id}` === relative.anchor);
    assert.equal(anchor?.text, c.anchor, c.text);
    assert.equal(relative.certainty, c.start ? 'inferred' : 'unresolved', c.text);
  }
});
