import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline } from '../../src/dossier/timeline.ts';
import { resolveEntities } from '../../src/resolve/index.ts';
import { harbourStory } from '../fixtures/reconcile/harbour-story.ts';

void test('timeline merges dated events across outlets, with certainty, and lists undated ones apart', () => {
  const docs = harbourStory();
  const timeline = buildTimeline(docs, resolveEntities(docs));
  const on = (date: string) => timeline.filter((e) => e.date === date);

  // The blast on May 10: told by two outlets, one event.
  assert.equal(on('2031-05-10').length, 1);
  assert.equal(on('2031-05-10')[0]?.claims.length, 2);
  assert.equal(on('2031-05-10')[0]?.certainty, 'stated');

  // The arrest: "the next day" (inferred) in one outlet, "May 11" (stated) in the other → stated.
  const arrest = on('2031-05-11');
  assert.equal(arrest.length, 1);
  assert.equal(arrest[0]?.claims.length, 2);
  assert.equal(arrest[0]?.certainty, 'stated');

  assert.equal(on('2031-05-12').length, 1);
  // Events are in date order, the undated ones last with date null.
  const dates = timeline.map((e) => e.date);
  const dated = dates.filter((d) => d !== null);
  assert.deepEqual(dated, [...dated].sort());
  const undated = timeline.filter((e) => e.date === null);
  assert.equal(undated.length, 2);
  assert.ok(dates.indexOf(null) > dates.lastIndexOf('2031-05-12'));
  assert.ok(undated.every((e) => e.certainty === 'unresolved'));

  // Negative: no event on a date nobody reported.
  assert.equal(on('2031-05-13').length, 0);
});

void test('a date resolved only from relative expressions is inferred', () => {
  const docs = harbourStory().slice(0, 1);
  const timeline = buildTimeline(docs, resolveEntities(docs));
  assert.equal(timeline.find((e) => e.date === '2031-05-11')?.certainty, 'inferred');
});
