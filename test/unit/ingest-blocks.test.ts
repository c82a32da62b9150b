/**
 * Typing of paragraphs: what is set apart (byline, dateline, caption, credit,
 * heading) and what must stay body. Fictional lines, general layout rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textUnits, typeUnits } from '../../src/ingest/blocks.ts';

const BODY =
  'The council voted on Tuesday to close the old market hall for repairs, a spokeswoman said after the meeting.';
const BODY2 =
  'Traders will move to a temporary site near the station, according to the plan approved by 31 votes to 4.';

function typed(text: string): [string, string][] {
  return typeUnits(text, textUnits(text)).map((b) => [b.kind, text.slice(b.span[0], b.span[1])]);
}

/** [description, text, expected [kind, text] pairs that are not body (title included)] */
const cases: [string, string, [string, string][]][] = [
  [
    'two-word name under the title is a byline',
    `Market hall to close\n\nMarta Kovalenko\n\n${BODY}\n\n${BODY2}`,
    [
      ['title', 'Market hall to close'],
      ['byline', 'Marta Kovalenko'],
    ],
  ],
  [
    '"By" line with two authors and an affiliation',
    `Market hall to close\nBy Marta Kovalenko and Jon Eide, Valley Wire\n\n${BODY}`,
    [
      ['title', 'Market hall to close'],
      ['byline', 'By Marta Kovalenko and Jon Eide, Valley Wire'],
    ],
  ],
  [
    'caption line beside a caption+credit line: split into caption and credit',
    `Market hall to close\n\nTraders pack up their stalls on Tuesday evening\nThe hall opened in 1911 - Ian Moor/Valley Pictures\n\n${BODY}`,
    [
      ['title', 'Market hall to close'],
      ['caption', 'Traders pack up their stalls on Tuesday evening'],
      ['caption', 'The hall opened in 1911'],
      ['credit', 'Ian Moor/Valley Pictures'],
    ],
  ],
  [
    'parenthesised and labelled credits',
    `Market hall to close\n\nThe hall at night (Photo: Lena Ortiz)\n\n${BODY}\n\nPhotograph: Valley Pictures\n\n${BODY2}`,
    [
      ['title', 'Market hall to close'],
      ['caption', 'The hall at night'],
      ['credit', '(Photo: Lena Ortiz)'],
      ['credit', 'Photograph: Valley Pictures'],
    ],
  ],
  [
    'short unpunctuated line followed by body is a heading',
    `Market hall to close\n\n${BODY}\n\nWhat happens to the traders\n\n${BODY2}`,
    [
      ['title', 'Market hall to close'],
      ['heading', 'What happens to the traders'],
    ],
  ],
  [
    'question heading of several words',
    `Market hall to close\n\n${BODY}\n\nWhy was the hall closed?\n\n${BODY2}`,
    [
      ['title', 'Market hall to close'],
      ['heading', 'Why was the hall closed?'],
    ],
  ],
  [
    'wire dateline opening the first paragraph, and a date line under the title',
    `Market hall to close\n\nMarch 4, 2025\n\nLENFIELD, March 4 (Valley Wire) - ${BODY}\n\n${BODY2}`,
    [
      ['title', 'Market hall to close'],
      ['dateline', 'March 4, 2025'],
      ['dateline', 'LENFIELD, March 4 (Valley Wire) -'],
    ],
  ],
  // Negative cases: nothing but the title is set apart.
  [
    'ordinary paragraphs stay body',
    `Market hall to close\n\n${BODY}\n\n${BODY2}`,
    [['title', 'Market hall to close']],
  ],
  [
    'a sentence naming a person is not a byline',
    `Market hall to close\n\nMarta Kovalenko said the hall would reopen.\n\n${BODY}`,
    [['title', 'Market hall to close']],
  ],
  [
    'a section label of capitalised words is not a byline',
    `Market hall to close\n\nBreaking News\n\n${BODY}`,
    [
      ['title', 'Market hall to close'],
      ['heading', 'Breaking News'],
    ],
  ],
  [
    'a dash inside a body sentence is not a credit',
    `Market hall to close\n\nThe hall - built by Ian Moor in 1911 - will close on Friday, the council said.\n\n${BODY}`,
    [['title', 'Market hall to close']],
  ],
  [
    'a quoted short reply and a one-word question stay body',
    `Market hall to close\n\n${BODY}\n\n"Never again."\n\nWhy?\n\n${BODY2}`,
    [['title', 'Market hall to close']],
  ],
  [
    'a transcript speaker line is not a heading',
    `Market hall to close\n\n${BODY}\n\nQ: Will the hall reopen?\n\n${BODY2}`,
    [['title', 'Market hall to close']],
  ],
  [
    'a capitalised sentence opening is not a dateline',
    `Market hall to close\n\nTHE council - in a rare move - voted to close the hall on Tuesday.\n\n${BODY2}`,
    [['title', 'Market hall to close']],
  ],
];

for (const [description, text, expected] of cases) {
  test(`blocks: ${description}`, () => {
    const blocks = typed(text);
    assert.deepEqual(
      blocks.filter(([kind]) => kind !== 'body'),
      expected,
    );
    assert.ok(
      blocks.some(([kind]) => kind === 'body'),
      'body paragraphs remain',
    );
  });
}

test('every block carries evidence and a span inside the text', () => {
  const text = `Market hall to close\n\nMarta Kovalenko\n\nThe hall at night (Photo: Lena Ortiz)\n\n${BODY}`;
  for (const block of typeUnits(text, textUnits(text))) {
    assert.ok(block.evidence && block.evidence.length > 0);
    assert.ok(block.span[0] >= 0 && block.span[1] <= text.length && block.span[0] < block.span[1]);
  }
});

test('hard-wrapped paragraphs are one block; separate short lines stay separate', () => {
  const wrapped =
    'Market hall to close\n\nThe council voted on Tuesday to close the old\nmarket hall for repairs, a spokeswoman said\nafter the meeting on the town square.';
  const blocks = typed(wrapped);
  assert.equal(blocks.length, 2);
  assert.equal(blocks[1]?.[1], wrapped.split('\n\n')[1]);
});
