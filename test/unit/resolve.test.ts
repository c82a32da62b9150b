import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNames, foldToken, resolveEntities } from '../../src/resolve/index.ts';
import type { EntityType } from '../../src/core/index.ts';
import { harbourStory } from '../fixtures/reconcile/harbour-story.ts';

// [a, b, type, expected reason or undefined when the two must stay apart]
const pairs: [string, string, EntityType, string | undefined][] = [
  ['Krasnohorsk', 'Krasnogorsk', 'place', 'transliteration'],
  ['Vyshhorod', 'Vyshgorod', 'place', 'transliteration'],
  ['Qasem Suleimani', 'Qassem Soleimani', 'person', 'string-similarity'],
  ['Dalerjon Mirzoev', 'Dalerdzhon Mirzoyev', 'person', 'string-similarity'],
  ['Saidakrami Rachabalizoda', 'Rachabalizod', 'person', 'short-form'],
  ['Shamsidin Fariduni', 'Faridun', 'person', 'short-form'],
  ['Dmitry Peskov', 'Peskov', 'person', 'short-form'],
  ['Evgeniy Razumniy', 'Yevgeny Razumny', 'person', 'transliteration'],
  ['Файзов', 'Fayzov', 'person', 'transliteration'],
  ['Isis-K', 'Islamic State-Khorasan', 'group', 'alias-table'],
  ['IS-K', 'Islamic State of Khorasan', 'group', 'alias-table'],
  ['ISIS-K', 'Islamic State of Khorasan', 'group', 'alias-table'],
  ['IS', 'Islamic State', 'group', 'alias-table'],
  ['NLF', 'Northern Liberation Front', 'group', 'acronym'],
  ['Crocus City', 'Crocus City Hall', 'facility', 'short-form'],
  ['Iran', 'Iran', 'organization', 'same-name'],
  ['Crocus City massacre', 'Crocus City Hall massacre', 'event', 'short-form'],
  ['Crocus City Hall shooting', 'Crocus City Hall massacre', 'event', undefined],
  ['Dorvant bridge collapse', 'Dorvant mine collapse', 'event', undefined],
  // Negative cases: must never merge.
  ['Muhammadsobir Faizov', 'Shamsidin Fariduni', 'person', undefined],
  ['Faizov', 'Fariduni', 'person', undefined],
  ['Nodir Kamolov', 'Nodir Kamoliddinov', 'person', undefined],
  ['Anna Petrova', 'Maria Petrova', 'person', undefined],
  ['Islamic State', 'Islamic State-Khorasan', 'group', undefined],
  ['Moscow', 'Moscow region', 'place', undefined],
  ['Peskov', 'Peskov', 'place', 'same-name'],
  ['Jordan', 'Jordan', 'person', 'same-name'],
];

for (const [a, b, type, expected] of pairs) {
  void test(`compareNames: ${a} / ${b} (${type}) → ${expected ?? 'apart'}`, () => {
    const result = compareNames(a, b, type);
    assert.equal(result.merge?.reason, expected, JSON.stringify(result));
    if (expected) assert.ok(result.merge?.detail.length, 'a merge carries its detail');
  });
}

void test('compareNames: a person never merges with a place of the same name', () => {
  assert.equal(compareNames('Jordan', 'Jordan', 'person', 'place').merge, undefined);
});

void test('compareNames: Islamic State-Khorasan is a branch of Islamic State', () => {
  assert.equal(compareNames('Islamic State-Khorasan', 'Islamic State', 'group').branch, 'a-of-b');
  assert.equal(compareNames('IS', 'Isis-K', 'group').branch, 'b-of-a');
});

void test('foldToken applies the romanisation table', () => {
  assert.equal(foldToken('krasnohorsk'), foldToken('krasnogorsk'));
  assert.equal(foldToken('qassem'), foldToken('qasem'));
  assert.notEqual(foldToken('faizov'), foldToken('fariduni'));
});

void test('resolveEntities merges across outlets and scripts, with reasons', () => {
  const docs = harbourStory();
  const { entities, globalId, credits } = resolveEntities(docs);
  const byVariant = (v: string) => entities.filter((e) => e.variants.includes(v));

  const port = byVariant('Vyshhorod');
  assert.equal(port.length, 1);
  assert.ok(port[0]?.variants.includes('Vyshgorod'));
  assert.equal(port[0]?.articles.length, 3);
  assert.ok(
    port[0]?.evidence.some((e) => e.startsWith('transliteration')),
    port[0]?.evidence.join('|'),
  );

  const governor = byVariant('Bakhtiyor Nazarzoda');
  assert.equal(governor.length, 1);
  assert.ok(governor[0]?.variants.includes('Bakhtiyor Nazarzod'));

  const suspect = byVariant('Dzhamshed Kurbonov');
  assert.equal(suspect.length, 1);
  assert.deepEqual(
    [...(suspect[0]?.variants ?? [])].sort(),
    ['Dzhamshed Kurbonov', 'Jamshed Kurbonov', 'Курбонов'].sort(),
  );

  // Negative: similar names of two different people stay apart.
  const kamolov = byVariant('Nodir Kamolov');
  assert.equal(kamolov.length, 1);
  assert.ok(!kamolov[0]?.variants.includes('Nodir Kamoliddinov'));

  // The branch stays apart from its parent organisation and is linked to it.
  const front = byVariant('Northern Liberation Front');
  const coastal = byVariant('Northern Liberation Front-Coastal');
  assert.equal(front.length, 1);
  assert.equal(coastal.length, 1);
  assert.notEqual(front[0]?.id, coastal[0]?.id);
  assert.ok(front[0]?.variants.includes('NLF'));
  assert.deepEqual(coastal[0]?.links, [{ relation: 'branch-of', entityId: front[0]?.id }]);

  // Credits are not story persons.
  assert.equal(byVariant('Marta Quellin').length, 0);
  assert.equal(byVariant('Ilse Varnow').length, 0);
  assert.deepEqual(credits.map((c) => c.name).sort(), ['Ilse Varnow', 'Marta Quellin']);

  // Every article-local entity of the story maps to a story entity.
  const a = docs[0];
  assert.ok(a);
  const local = a.entities.find((e) => e.name === 'Vyshhorod');
  assert.equal(globalId(a.article.id, local?.id ?? ''), port[0]?.id);
});

void test('resolveEntities is independent of article order', () => {
  const docs = harbourStory();
  const forward = resolveEntities(docs).entities.map(
    (e) => `${e.id} ${[...e.variants].sort().join('|')}`,
  );
  const backward = resolveEntities([...docs].reverse()).entities.map(
    (e) => `${e.id} ${[...e.variants].sort().join('|')}`,
  );
  assert.deepEqual([...forward].sort(), [...backward].sort());
});
