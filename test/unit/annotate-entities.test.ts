import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnotatedArticle, EntityType } from '../../src/core/index.ts';
import { run, withBlocks } from './annotate-helpers.ts';

const mentionTypes = (a: AnnotatedArticle): Map<string, EntityType> =>
  new Map(a.mentions.map((m) => [m.text, m.type]));

test('entity types from evidence: table with must-find and must-not-find', () => {
  const cases: {
    text: string;
    found: [string, EntityType][];
    notFound: string[];
  }[] = [
    {
      text: 'Officials in Portugal and Kenya met in Nairobi on Friday.',
      found: [
        ['Portugal', 'place'],
        ['Kenya', 'place'],
        ['Nairobi', 'place'],
      ],
      notFound: ['Officials', 'Friday'],
    },
    {
      text: 'The Brenn Valley Ministry of Water said the Harlow Dam was safe.',
      found: [
        ['Brenn Valley Ministry of Water', 'organization'],
        ['Harlow Dam', 'facility'],
      ],
      notFound: ['The'],
    },
    {
      text: 'Fighters of the Red Hollow Front attacked the Ostmark Arena concert hall.',
      found: [
        ['Red Hollow Front', 'group'],
        ['Ostmark Arena', 'facility'],
      ],
      notFound: ['Fighters'],
    },
    {
      text: 'Police blamed the Sable Ridge militants for the blast.',
      found: [['Sable Ridge', 'group']],
      notFound: ['Police'],
    },
    {
      text: 'Survivors of the Lindqvist Square massacre gathered again.',
      found: [['Lindqvist Square massacre', 'event']],
      notFound: ['Survivors'],
    },
    {
      text: 'Water reached the town of Velmora, near the Tarsk region.',
      found: [
        ['Velmora', 'place'],
        ['Tarsk', 'place'],
      ],
      notFound: [],
    },
    {
      text: 'General Anselm Roark inspected the troops, and Iranian and British diplomats watched.',
      found: [['Anselm Roark', 'person']],
      notFound: ['General Anselm Roark', 'Iranian', 'British'],
    },
    {
      text: 'The band "Larkspur" played. "Nothing" was left.',
      found: [['Larkspur', 'other']],
      notFound: ['Nothing'],
    },
    {
      text: 'Reuters reported that the Kremlin had not replied.',
      found: [
        ['Reuters', 'organization'],
        ['Kremlin', 'organization'],
      ],
      notFound: [],
    },
  ];
  for (const c of cases) {
    const got = mentionTypes(run(c.text));
    for (const [name, type] of c.found) {
      assert.equal(got.get(name), type, `${name} in: ${c.text} (got ${JSON.stringify([...got])})`);
    }
    for (const name of c.notFound) {
      assert.ok(!got.has(name), `${name} must not be a mention in: ${c.text}`);
    }
  }
});

test('possessives are cut from the span and noted', () => {
  const a = run("Norway's fleet and Chile’s navy sailed. Peru\u02bcs ships stayed.");
  const names = a.mentions.map((m) => m.text);
  assert.deepEqual(names, ['Norway', 'Chile', 'Peru']);
  const norway = a.entities.find((e) => e.name === 'Norway');
  assert.ok(norway?.aliases.some((x) => x.reason === 'possessive'));
});

test('within one article: surnames, acronyms, definitions, gazetteer aliases', () => {
  const text = [
    'Halvard Stroem, the Ministry spokesman, said the National Grain Board was ready.',
    'Stroem added that the NGB had stock for a year.',
    'The Western Dunes Alliance (WDA) denied it; the WDA is small.',
    'The United States and the US were named.',
  ].join(' ');
  const a = run(text);
  const entityOf = (name: string) =>
    a.entities.find((e) => e.variants.includes(name) || e.name === name);
  const person = entityOf('Halvard Stroem');
  assert.equal(person?.type, 'person');
  assert.ok(person?.variants.includes('Stroem'), 'surname joins the full name');
  assert.ok(person?.aliases.some((x) => x.reason === 'short-form' && x.name === 'Stroem'));
  assert.ok(person?.roles.includes('Ministry spokesman'), 'apposition gives the role');

  const board = entityOf('National Grain Board');
  assert.ok(board?.variants.includes('NGB'), 'acronym by initials');
  assert.ok(board?.aliases.some((x) => x.reason === 'acronym'));

  const alliance = entityOf('Western Dunes Alliance');
  assert.ok(alliance?.variants.includes('WDA'));
  assert.ok(alliance?.aliases.some((x) => x.reason === 'defined-in-text'));

  const us = entityOf('United States');
  assert.ok(us?.variants.includes('US'), 'gazetteer alias');
  // Negative: the surname rule never joins two different people or a place.
  assert.notEqual(entityOf('United States')?.id, person?.id);
});

test('a branch keeps its own entity and points at its parent', () => {
  const a = run(
    'The Crimson Banner Movement said its branch, the Crimson Banner Movement-North group, carried out the raid. The Crimson Banner Movement of North denied nothing.',
  );
  const parent = a.entities.find((e) => e.name === 'Crimson Banner Movement');
  const branch = a.entities.find((e) => e.variants.includes('Crimson Banner Movement-North'));
  assert.ok(parent && branch);
  assert.notEqual(parent.id, branch.id);
  assert.equal(branch.parentId, parent.id);
  assert.ok(
    branch.variants.includes('Crimson Banner Movement of North'),
    '"A of B" and "A-B" are one name',
  );
});

test('every mention points at an entity that lists it, with evidence', () => {
  const a = run('Mirela Dunn met Oskar Vail in Lisbon. Dunn left for Porto on Sunday.');
  for (const m of a.mentions) {
    const e = a.entities.find((x) => x.id === m.entityId);
    assert.ok(e?.mentionIds.includes(m.id));
    assert.equal(e?.type, m.type);
    assert.ok(m.evidence.length > 0);
    assert.equal(a.article.text.slice(m.span[0], m.span[1]), m.text);
  }
});

test('byline and credit names are never mentions of the story', () => {
  const { text, blocks } = withBlocks([
    ['title', 'Harbour reopens after storm'],
    ['byline', 'Lucia Fenn'],
    ['body', 'Harbour master Piet Grove said the port of Dunmore reopened on Monday.'],
    ['caption', 'Boats back in Dunmore'],
    ['credit', 'Tess Morrow/Northlight'],
  ]);
  const a = run(text, { blocks });
  const names = a.mentions.map((m) => m.text);
  assert.ok(!names.includes('Lucia Fenn'));
  assert.ok(!names.includes('Tess Morrow'));
  assert.ok(!names.includes('Northlight'));
  assert.ok(names.includes('Piet Grove'));
  assert.ok(names.includes('Dunmore'));
});

test('a role given in apposition names its person later in the article', () => {
  const a = run(
    'Ilse Marten, the harbour spokeswoman, said the gates were shut. Later the harbour spokeswoman said they would open. The mayor, not the spokeswoman, decided.',
  );
  const person = a.entities.find((e) => e.name === 'Ilse Marten');
  assert.ok(person);
  const roleMentions = a.mentions.filter((m) => m.evidence.includes('role:harbour spokeswoman'));
  assert.equal(roleMentions.length, 1, 'the apposition itself is not a second mention');
  assert.equal(roleMentions[0]?.entityId, person.id);
  assert.ok(person.aliases.some((x) => x.reason === 'role'));
  // Negative: a bare "the spokeswoman" is not the two-word role.
  assert.ok(!a.mentions.some((m) => m.text === 'spokeswoman'));
});
