import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline } from '../../src/dossier/timeline.ts';
import { resolveEntities } from '../../src/resolve/index.ts';
import { harbourStory } from '../fixtures/reconcile/harbour-story.ts';
import { run } from './annotate-helpers.ts';

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

void test('one article naming the same event twice on one date gives one event; two things on one day stay two', () => {
  const text = [
    'Gunmen attack Tollbridge arena',
    'The Ember Brigade carried out the March 4 shooting at the Tollbridge Arena, its leader said on Friday.',
    'On the evening of March 4, 2033, a shooting broke out at the Tollbridge Arena in Wexmoor before a concert.',
    'On March 6, a video of the shooting at the Tollbridge Arena appeared online.',
    'On March 6, a court in Wexmoor charged two men over the attack.',
  ].join('\n\n');
  const doc = run(text, { published: '2033-03-10' });
  const timeline = buildTimeline([doc], resolveEntities([doc]));
  const on = (date: string) => timeline.filter((e) => e.date === date);
  assert.equal(on('2033-03-04').length, 1, JSON.stringify(on('2033-03-04')));
  assert.equal(on('2033-03-04')[0]?.certainty, 'stated');
  assert.equal(on('2033-03-04')[0]?.claims.length, 2);
  // The stated claim tells the event in its own words, so it is the summary.
  assert.match(on('2033-03-04')[0]?.summary ?? '', /^On the evening of March 4/);
  assert.equal(on('2033-03-06').length, 2, 'the video and the court are two events');
});
