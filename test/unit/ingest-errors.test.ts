/**
 * Every kind of bad input: one diagnostic naming the input and the reason, and
 * the good file given beside it is still analysed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, type IngestOptions } from '../../src/ingest/index.ts';
import { GOOD_TEXT, tempFiles } from './ingest-helpers.ts';

interface BadCase {
  name: string;
  /** Creates the bad input in `dir` and returns the path to give to ingest. */
  make: (dir: string) => string;
  ruleId: string;
  message: RegExp;
  options?: IngestOptions;
}

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
]);

const cases: BadCase[] = [
  {
    name: 'missing file',
    make: (d) => join(d, 'nope.txt'),
    ruleId: 'file-missing',
    message: /^no such file$/,
  },
  {
    name: 'unreadable file (symlink loop)',
    make: (d) => {
      symlinkSync(join(d, 'loop-b.txt'), join(d, 'loop-a.txt'));
      symlinkSync(join(d, 'loop-a.txt'), join(d, 'loop-b.txt'));
      return join(d, 'loop-a.txt');
    },
    ruleId: 'file-unreadable',
    message: /cannot read \(ELOOP\)/,
  },
  {
    name: 'directory without supported files',
    make: (d) => {
      mkdirSync(join(d, 'pictures'));
      tempWrite(join(d, 'pictures', 'photo.png'), PNG);
      tempWrite(join(d, 'pictures', 'notes.csv'), 'a,b\n');
      return join(d, 'pictures');
    },
    ruleId: 'directory-without-articles',
    message: /directory holds no supported files \(\.txt, .*\.html/,
  },
  {
    name: 'empty file',
    make: (d) => tempWrite(join(d, 'empty.txt'), ''),
    ruleId: 'empty-input',
    message: /^empty file$/,
  },
  {
    name: 'whitespace only',
    make: (d) => tempWrite(join(d, 'blank.txt'), ' \n\t\n  \n'),
    ruleId: 'empty-input',
    message: /only whitespace/,
  },
  {
    name: 'binary data',
    make: (d) => tempWrite(join(d, 'image.txt'), PNG),
    ruleId: 'binary-data',
    message: /binary data .*not a text document/,
  },
  {
    name: 'not UTF-8, encoding undetectable',
    make: (d) =>
      tempWrite(
        join(d, 'garbled.txt'),
        new Uint8Array([
          0x52, 0x65, 0x70, 0x20, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x98, 0x81, 0x8d, 0x9d, 0x0a,
        ]),
      ),
    ruleId: 'encoding-undetected',
    message: /not UTF-8 and the encoding could not be determined/,
  },
  {
    name: 'HTML without an article',
    make: (d) =>
      tempWrite(
        join(d, 'menu.html'),
        '<html><head><title>Menu</title><script>var x = "a long script that is not an article at all";</script></head>' +
          '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>',
      ),
    ruleId: 'html-no-article',
    message: /HTML page holds no article text/,
  },
  {
    name: 'malformed JSON, with the line',
    make: (d) =>
      tempWrite(
        join(d, 'broken.json'),
        '{\n  "title": "Ferry",\n  "text": "Ferries resumed" oops\n}\n',
      ),
    ruleId: 'json-malformed',
    message: /^malformed JSON at line 3: /,
  },
  {
    name: 'malformed JSON Lines record, with the line',
    make: (d) =>
      tempWrite(
        join(d, 'feed.jsonl'),
        `${JSON.stringify({ title: 'Other ferry news', text: GOOD_TEXT.replace('Wednesday', 'Friday') })}\n{"title": \n`,
      ),
    ruleId: 'json-malformed',
    message: /^malformed JSON at line 2: /,
  },
  {
    name: 'JSON record without text or html',
    make: (d) =>
      tempWrite(
        join(d, 'record.json'),
        JSON.stringify({ title: 'Only a title', outlet: 'Bay News' }),
      ),
    ruleId: 'empty-input',
    message: /record has no text and no html/,
  },
  {
    name: 'JSON record with a field of the wrong type',
    make: (d) => tempWrite(join(d, 'typed.json'), JSON.stringify({ title: 'Ferry', text: 42 })),
    ruleId: 'record-invalid',
    message: /record field "text" must be a string/,
  },
  {
    name: 'over the size limit',
    make: (d) =>
      tempWrite(join(d, 'long.txt'), `Long report\n\n${'The ferry sailed on time. '.repeat(40)}`),
    ruleId: 'over-size-limit',
    message: /^file is 1\.0 kB, over the \d+ bytes limit \(raise it with --max-size\)$/,
    options: { maxBytes: GOOD_TEXT.length + 10 },
  },
];

function tempWrite(path: string, content: string | Uint8Array): string {
  writeFileSync(path, content);
  return path;
}

for (const badCase of cases) {
  test(`bad input — ${badCase.name}: one diagnostic, the good file beside it is analysed`, async () => {
    const dir = tempFiles({ 'good.txt': GOOD_TEXT });
    const bad = badCase.make(dir);
    const good = join(dir, 'good.txt');
    const result = await ingest([bad, good], badCase.options);

    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(result.diagnostics));
    const [error] = errors;
    assert.equal(error?.ruleId, badCase.ruleId);
    assert.equal(error?.source, bad, 'the diagnostic names the input');
    assert.match(error?.message ?? '', badCase.message);
    assert.ok(!(error?.message ?? '').includes('\n'), 'one line');

    const sources = result.articles.map((a) => a.source);
    assert.ok(sources.includes(good), `good file analysed: ${sources.join(', ')}`);
    assert.ok(!sources.includes(bad), 'the bad input gives no article');
  });
}

test('good inputs give no error diagnostics (negative case)', async () => {
  const dir = tempFiles({
    'good.txt': GOOD_TEXT,
    'good.json': JSON.stringify({ title: 'T', text: GOOD_TEXT }),
  });
  const result = await ingest([dir]);
  assert.deepEqual(
    result.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  assert.equal(result.articles.length, 2);
});
