import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeReport, SCHEMA_VERSION } from '../../src/index.ts';

test('analyzeReport on no inputs gives an empty report with the schema version', async () => {
  const report = await analyzeReport([]);
  assert.equal(report.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(report.stories, []);
});
