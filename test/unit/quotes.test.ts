import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../src/annotate/quotes.ts';

/** Text of each quotation's content, in order. */
function contents(text: string): string[] {
  return findQuotes(text).quotes.map((q) => text.slice(q.contentSpan[0], q.contentSpan[1]));
}

const cases: { name: string; text: string; quotes: string[]; unbalanced?: number }[] = [
  {
    name: 'straight double quotes',
    text: 'The mayor said "the bridge will open in May" on Friday.',
    quotes: ['the bridge will open in May'],
  },
  {
    name: 'curly double quotes',
    text: '“We are ready,” the coach said.',
    quotes: ['We are ready,'],
  },
  {
    name: 'single quotes nested in double quotes',
    text: '“She told me ‘never again’ and left,” he said.',
    quotes: ['She told me ‘never again’ and left,', 'never again'],
  },
  {
    name: 'two apostrophes as a double quotation mark',
    text: "''The vote is close,'' Ms. Vance said. ''We will see.''",
    quotes: ['The vote is close,', 'We will see.'],
  },
  {
    name: 'two backticks open and two apostrophes close a quotation',
    text: "``The vote is close,'' Ms. Vance said.",
    quotes: ['The vote is close,'],
  },
  {
    name: 'three apostrophes close a single quotation inside a double one',
    text: "''He told me, 'not yet,''' the clerk said.",
    quotes: ["He told me, 'not yet,'"],
  },
  {
    name: 'three apostrophes open a double quotation with a single one inside',
    text: "'''Harbour Nights' was my first film,'' the actor said.",
    quotes: ["'Harbour Nights' was my first film,"],
  },
  {
    name: 'two-apostrophe quotation running over a paragraph break',
    text: "''The harbour is closed.\n\n''We expect to reopen on Monday,'' the pilot said.",
    quotes: ["The harbour is closed.\n\n''We expect to reopen on Monday,"],
  },
  {
    name: 'plural possessives, elided years and a lone backtick are not marks',
    text: "The players' union met in the '90s and the clerks' office used `code` names.",
    quotes: [],
  },
  {
    name: 'two apostrophes glued to a word with nothing open are a stray closer',
    text: "The pier was closed'' and nobody knew why.",
    quotes: [],
    unbalanced: 1,
  },
  {
    name: 'apostrophes are not quotation marks',
    text: 'The council’s plan and the town’s budget were approved.',
    quotes: [],
  },
  {
    name: 'a quotation running over a paragraph break',
    text: '“The harbour is closed. Boats must wait.\n\n“We expect to reopen on Monday,” the pilot said.',
    quotes: ['The harbour is closed. Boats must wait.\n\n“We expect to reopen on Monday,'],
  },
  {
    name: 'an opening mark never closed gives a diagnostic',
    text: 'The pilot said “the harbour is closed.\n\nNothing more was said.',
    quotes: [],
    unbalanced: 1,
  },
  {
    name: 'a stray closing mark gives a diagnostic',
    text: 'The harbour is closed” and nobody knows why.',
    quotes: [],
    unbalanced: 1,
  },
];

for (const c of cases) {
  test(`quotes: ${c.name}`, () => {
    assert.deepEqual(contents(c.text), c.quotes);
    const diagnostics = findQuotes(c.text).diagnostics.filter(
      (d) => d.ruleId === 'quote-unbalanced',
    );
    assert.equal(diagnostics.length, c.unbalanced ?? 0);
  });
}

test('quotes: a quotation in two-apostrophe marks over paragraphs is marked multi-paragraph', () => {
  const text = "''The harbour is closed.\n\n''Boats must wait,'' the pilot said.";
  const [quote] = findQuotes(text).quotes;
  assert.ok(quote);
  assert.equal(quote.multiParagraph, true);
  assert.deepEqual(quote.span, [0, text.indexOf(' the pilot')]);
});

test('quotes: outer span includes the marks, nesting depth is recorded', () => {
  const text = 'He said: “Call it ‘done’.”';
  const [outer, inner] = findQuotes(text).quotes;
  assert.ok(outer && inner);
  assert.equal(text.slice(outer.span[0], outer.span[1]), '“Call it ‘done’.”');
  assert.equal(outer.depth, 0);
  assert.equal(inner.depth, 1);
});

test('quotes: a 200,000-character paragraph of unbalanced marks finishes', () => {
  const text = '“a '.repeat(70_000);
  const { quotes, diagnostics } = findQuotes(text);
  assert.ok(quotes.length < 70_000);
  assert.ok(diagnostics.length > 0);
});
