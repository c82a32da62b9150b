import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CliUsageError, parseGivenMetadata, parseSize } from '../../src/cli/options.ts';

test('--outlet / --published: for all inputs, or FILE=VALUE for one file', () => {
  const given = parseGivenMetadata({
    outlet: ['Bay Times', 'b.html=Island Post', 'reports/c.txt=Harbour Radio', 'Fish=Chips Weekly'],
    published: ['2024-04-01', '001_story.txt=2024-04-02', 'a.json=Tue, 02 Apr 2024 09:30:00 GMT'],
  });
  assert.deepEqual(given.meta, { outlet: 'Fish=Chips Weekly', published: '2024-04-01' });
  assert.deepEqual(given.fileMeta, {
    'b.html': { outlet: 'Island Post' },
    'reports/c.txt': { outlet: 'Harbour Radio' },
    '001_story.txt': { published: '2024-04-02' },
    'a.json': { published: '2024-04-02T09:30:00Z' },
  });
});

test('bad metadata values are usage errors naming the option', () => {
  const cases: [Parameters<typeof parseGivenMetadata>[0], RegExp][] = [
    [{ published: ['yesterday'] }, /--published "yesterday": not a date/],
    [{ published: ['a.txt=soon'] }, /--published "a.txt=soon": not a date/],
    [{ outlet: ['a.txt=  '] }, /--outlet "a.txt= {2}": the value is empty/],
  ];
  for (const [values, message] of cases) {
    assert.throws(
      () => parseGivenMetadata(values),
      (error: unknown) => {
        assert.ok(error instanceof CliUsageError);
        assert.match(error.message, message);
        return true;
      },
    );
  }
});

test('--max-size accepts bytes and units, refuses anything else', () => {
  const good: [string, number][] = [
    ['100000', 100000],
    ['500kB', 512000],
    ['5MB', 5 * 2 ** 20],
    ['1.5 mb', 1.5 * 2 ** 20],
    ['1G', 2 ** 30],
  ];
  for (const [raw, bytes] of good) assert.equal(parseSize(raw), bytes, raw);
  for (const raw of ['', 'huge', '-5MB', '0', '5 TB', 'MB']) {
    assert.throws(() => parseSize(raw), /is not a (positive )?size/, raw);
  }
});
