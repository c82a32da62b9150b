import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, withBlocks } from './annotate-helpers.ts';

const sentencesOf = (text: string): string[] =>
  run(text).sentences.map((s) => text.slice(s.span[0], s.span[1]));

test('sentence splitting: table of cases', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'abbreviations do not end sentences',
      text: 'The U.S. Navy met Gen. Orwin Tal on Jan. 4 in the port. Talks ended late.',
      expected: ['The U.S. Navy met Gen. Orwin Tal on Jan. 4 in the port.', 'Talks ended late.'],
    },
    {
      name: 'a quotation closed in the paragraph stays in one sentence with its speaker',
      text: '"The river rose fast. We left at night," said Mara Linde. The town was empty.',
      expected: [
        '"The river rose fast. We left at night," said Mara Linde.',
        'The town was empty.',
      ],
    },
    {
      name: 'curly quotes too',
      text: 'She said: “It is over. We go home.” Then she left.',
      expected: ['She said: “It is over. We go home.”', 'Then she left.'],
    },
    {
      name: 'blank lines separate paragraphs',
      text: 'First line of text\n\nSecond paragraph here.',
      expected: ['First line of text', 'Second paragraph here.'],
    },
    {
      name: 'a wrapped line (next starts lower case) continues the sentence',
      text: 'The council voted on the\nnew budget on Tuesday.',
      expected: ['The council voted on the\nnew budget on Tuesday.'],
    },
    {
      name: 'a line break before a capitalised line ends it',
      text: 'Storm hits the coast\nBy Ana Ruiz',
      expected: ['Storm hits the coast', 'By Ana Ruiz'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(sentencesOf(c.text), c.expected, c.name);
  }
});

test('sentence offsets index the text exactly, and paragraphs are numbered', () => {
  const text = 'Alpha beta.  Gamma delta!\n\n“Quoted words,” he said.';
  const a = run(text);
  for (const s of a.sentences) {
    const slice = text.slice(s.span[0], s.span[1]);
    assert.equal(slice, slice.trim());
    assert.ok(slice.length > 0);
  }
  assert.deepEqual(
    a.sentences.map((s) => s.paragraph),
    [0, 0, 1],
  );
});

test('block kinds are kept: byline and caption sentences are not body', () => {
  const { text, blocks } = withBlocks([
    ['title', 'Floods close the valley road'],
    ['byline', 'Tomas Brill'],
    ['body', 'Water covered the road on Monday. Crews worked all night.'],
    ['caption', 'A truck stuck in the water'],
  ]);
  const a = run(text, { blocks });
  assert.deepEqual(
    a.sentences.map((s) => s.kind),
    ['title', 'byline', 'body', 'body', 'caption'],
  );
  assert.deepEqual(
    a.sentences.map((s) => s.block),
    [0, 1, 2, 2, 3],
  );
});

test('bad input: empty text, no sentence, unbalanced quotes, very long sentence', () => {
  const empty = run('');
  assert.equal(empty.sentences.length, 0);
  assert.ok(empty.diagnostics.some((d) => d.ruleId === 'no-sentences'));

  const blank = run('   \n\n  \n');
  assert.equal(blank.sentences.length, 0);
  assert.ok(blank.diagnostics.some((d) => d.ruleId === 'no-sentences'));

  // An opening quote that never closes must not swallow the rest of the paragraph.
  const unbalanced = sentencesOf('He said "we will stay. The mayor left. Nobody knew why.');
  assert.equal(unbalanced.length, 3);

  const long = `${'word '.repeat(12000)}end`;
  const a = run(long);
  assert.equal(a.sentences.length, 1);
  assert.ok(a.diagnostics.some((d) => d.ruleId === 'sentence-very-long'));
});

test('Cyrillic and Arabic script inside English text do not break offsets', () => {
  const text = 'The mayor of Ostrava, Петр Новак, spoke. The sign read مرحبا in the square.';
  const a = run(text);
  assert.equal(a.sentences.length, 2);
  assert.equal(
    text.slice(a.sentences[1]?.span[0], a.sentences[1]?.span[1]),
    'The sign read مرحبا in the square.',
  );
});

test('a non-English article gets a language diagnostic and only sentences', () => {
  const a = run('Le maire de la ville a parlé lundi. Douze personnes sont venues.', {
    language: 'fr',
  });
  assert.ok(a.diagnostics.some((d) => d.ruleId === 'language-not-supported'));
  assert.equal(a.sentences.length, 2);
  assert.equal(a.mentions.length, 0);
  assert.equal(a.quantities.length, 0);
  // Undetermined language in another script is caught too.
  const ru = run('Мэр города выступил в понедельник. Пришли двенадцать человек.', {
    language: 'und',
  });
  assert.ok(ru.diagnostics.some((d) => d.ruleId === 'language-not-supported'));
});
