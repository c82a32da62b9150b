/**
 * wink-nlp learns every unknown token into its lexicon while reading, and its
 * tokenizer then takes learned forms as known words. These tests check that a
 * text is tokenised and annotated the same whatever was read before it.
 * Each test file runs in a process of its own, so the first read here is a
 * read by a clean instance.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnedLexemeSlots, tokenize } from '../../src/annotate/nlp.ts';
import { run } from './annotate-helpers.ts';

// A possessive that ends a sentence ("the Ferryman's.") is split off its full
// stop as one whole token, so wink learns "Ferryman's" as a word; read later,
// the same possessive mid-sentence would then stay one token instead of
// "Ferryman" + "'s".
const teaching = "The brass lantern on the shelf was the Ferryman’s. The oar was the Ferryman's.";
const later = "The Ferryman's lantern was lit at dusk by Ostra Vell, the Ferryman's daughter.";

test('a possessive is split the same before and after a text that ends with it', () => {
  const first = tokenize(later);
  assert.ok(first.value.includes("'s"), `read first: ${first.value.join('|')}`);
  assert.ok(!first.value.includes("Ferryman's"));
  tokenize(teaching);
  const again = tokenize(later);
  assert.deepEqual(again.value, first.value);
  assert.deepEqual(again.pos, first.pos);
  assert.deepEqual([...again.start], [...first.start]);
});

test('annotation of a text does not depend on what was annotated before', () => {
  const text =
    "Harbour master Ilse Crane said on Tuesday that the Ferryman's boat had sunk near Orlen Pier. " +
    "Two crew were rescued, the Coastguard's office said. Officials at Orlen-Vasko Port denied it.";
  const others = [
    "The cargo was the Coastguard's. The pier belongs to Orlen-Vasko.",
    '"Orlen-Vasko Port" reopened (the Ferryman\'s) and the Coastguard\'s.',
    'Mr. Tallis-Grey left; Tallis-Grey\'s office, the "Coastguard\'s", stayed shut.',
    // Plain words stay learned: known or not, they must come out the same next to punctuation.
    'Crane (Ilse) met Orlen, Vasko and Ferryman at the Pier; Coastguard Orlen.Vasko said so.',
  ];
  const first = JSON.stringify(run(text, { published: '2025-03-04' }));
  for (const other of others) run(other, { published: '2025-03-04' });
  const again = JSON.stringify(run(text, { published: '2025-03-04' }));
  assert.equal(again, first);
});

test('learned slots stay bounded, and reading goes on after wink is rebuilt', () => {
  // Enough unknown words to pass the rebuild bound (200,000 learned lexeme slots) in a few
  // texts: plain words stay learned, so each text brings new ones, with forms that are forgotten.
  const letters = (n: number): string =>
    n.toString(36).replace(/\d/g, (d) => 'klmnopqrst'[Number(d)] ?? '');
  const filler = (k: number): string => {
    const words: string[] = [];
    for (let i = 0; i < 55_000; i++)
      words.push(`Qz${letters(k)}x${letters(i)}${i % 2 ? '.a' : ''}`);
    return `${words.join(' ')}.`;
  };
  const first = tokenize(later);
  let most = 0;
  for (let k = 0; k < 5; k++) {
    tokenize(filler(k));
    most = Math.max(most, learnedLexemeSlots());
  }
  assert.ok(most > 200_000, `the filler texts left ${most} learned slots`);
  assert.deepEqual(tokenize(later).value, first.value);
  assert.ok(learnedLexemeSlots() < 1000, 'the instance was rebuilt before the last read');
});
