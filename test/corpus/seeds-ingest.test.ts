/**
 * The issue's acceptance check on the two seed articles (read from ../shared, never
 * copied): `crosscheck compare ../shared/seeds/*.txt --format json` validates
 * against the schema, lists both articles with titles and language `en`, sets
 * apart the byline of 000 and the caption and credit of 001.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ArticleSummary, Report } from '../../src/core/index.ts';
import { SEEDS } from '../../eval/shared.ts';

const BIN = fileURLToPath(new URL('../../bin/crosscheck.js', import.meta.url));
const schema = JSON.parse(
  readFileSync(new URL('../../schema/dossier.schema.json', import.meta.url), 'utf8'),
) as object;
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));

function compareJson(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'compare', ...seedFiles, '--format', 'json'],
      { maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('compare seeds --format json: valid report, titles, byline and caption/credit set apart, English', async () => {
  const { code, stdout, stderr } = await compareJson();
  assert.equal(code, 0, stderr);
  const report = JSON.parse(stdout) as Report;
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 5)));
  assert.deepEqual(report.diagnostics, []);

  const articles = report.stories.flatMap((s) => s.articles);
  assert.equal(articles.length, 2);
  const seed = (prefix: string): ArticleSummary => {
    const found = articles.find((a) => a.source.includes(`/${prefix}_`));
    assert.ok(found, prefix);
    return found;
  };
  const first = seed('000');
  const second = seed('001');
  for (const article of [first, second]) {
    assert.equal(article.language, 'en');
    assert.ok(article.title.length > 20);
    // The title is the file's first line, and every span set apart is text of the file.
    const file = readFileSync(article.source, 'utf8');
    assert.equal(article.text, file);
    assert.equal(article.title, file.split('\n')[0]);
    for (const block of article.apart)
      assert.equal(file.slice(block.span[0], block.span[1]), block.text);
  }

  // 000: the byline on line 3 (a person's name), and it is the article's byline.
  const bylines = first.apart.filter((b) => b.kind === 'byline');
  assert.equal(bylines.length, 1);
  assert.equal(first.text.split('\n')[2], bylines[0]?.text);
  assert.equal(first.byline, bylines[0]?.text);
  assert.ok(
    !first.apart.some((b) => b.kind === 'caption' || b.kind === 'credit'),
    '000 has no picture',
  );

  // 001: lines 3-4 are a caption, then a caption sharing its line with a picture credit.
  const lines = second.text.split('\n');
  const captions = second.apart.filter((b) => b.kind === 'caption').map((b) => b.text);
  const credits = second.apart.filter((b) => b.kind === 'credit').map((b) => b.text);
  assert.equal(captions.length, 2);
  assert.equal(captions[0], lines[2]);
  assert.ok(lines[3]?.startsWith(captions[1] ?? '-'));
  assert.equal(credits.length, 1);
  assert.ok(lines[3]?.endsWith(credits[0] ?? '-'));
  assert.ok(!second.apart.some((b) => b.kind === 'byline'), '001 has no byline');

  // Body paragraphs are not set apart (negative check): nothing long is set apart.
  for (const article of [first, second]) {
    for (const block of article.apart) assert.ok(block.text.length < 150, block.text);
  }
});
