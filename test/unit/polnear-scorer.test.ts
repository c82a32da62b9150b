import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreSpans } from '../../eval/polnear.ts';

const TEXT = 'Harbour chief: ferries will run. The chief said so.';
const COLON: [number, number] = [13, 14];
const SAID: [number, number] = [43, 47];

test('polnear scorer: a punctuation-only span matches the same colon by overlap', () => {
  const c = scoreSpans(TEXT, [[COLON]], [[COLON]]);
  assert.deepEqual(c.overlap, { tp: 1, fp: 0, fn: 0 });
  assert.deepEqual(c.exact, { tp: 1, fp: 0, fn: 0 });
});

test('polnear scorer: a punctuation-only span does not match a word elsewhere', () => {
  const c = scoreSpans(TEXT, [[COLON]], [[SAID]]);
  assert.deepEqual(c.overlap, { tp: 0, fp: 1, fn: 1 });
});

test('polnear scorer: a word span covering the colon matches it', () => {
  const c = scoreSpans(TEXT, [[COLON]], [[[8, 14]]]);
  assert.deepEqual(c.overlap, { tp: 1, fp: 0, fn: 0 });
});
