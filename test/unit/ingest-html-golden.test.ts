/**
 * Golden HTML pages (test/fixtures/ingest-html/<case>/source.html, written by us)
 * with the expected extraction in expected.json: title, metadata, blocks set apart,
 * number of body paragraphs, strings that must (not) reach the text. Add a page
 * with every extraction fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/ingest/index.ts';

interface Expected {
  title: string;
  outlet?: string;
  byline?: string;
  published?: string;
  language: string;
  apart: [string, string][];
  bodyCount: number;
  mustContain?: string[];
  mustNotContain?: string[];
  diagnostics?: string[];
}

const root = fileURLToPath(new URL('../fixtures/ingest-html', import.meta.url));

for (const name of readdirSync(root).sort()) {
  test(`HTML golden page: ${name}`, async () => {
    const expected = JSON.parse(
      readFileSync(join(root, name, 'expected.json'), 'utf8'),
    ) as Expected;
    const { articles, diagnostics } = await ingest([join(root, name, 'source.html')]);
    assert.deepEqual(diagnostics, []);
    const [article] = articles;
    assert.ok(article);
    assert.equal(article.title, expected.title);
    assert.equal(article.meta.outlet, expected.outlet);
    assert.equal(article.meta.byline, expected.byline);
    assert.equal(article.meta.published, expected.published);
    assert.equal(article.language, expected.language);
    const slice = (span: [number, number]) => article.text.slice(span[0], span[1]);
    assert.deepEqual(
      article.blocks
        .filter((b) => b.kind !== 'body' && b.kind !== 'title')
        .map((b) => [b.kind, slice(b.span)]),
      expected.apart,
    );
    assert.equal(article.blocks.filter((b) => b.kind === 'body').length, expected.bodyCount);
    for (const text of expected.mustContain ?? [])
      assert.ok(article.text.includes(text), `contains ${text}`);
    for (const text of expected.mustNotContain ?? [])
      assert.ok(!article.text.includes(text), `must not contain ${text}`);
    assert.deepEqual(
      article.diagnostics.map((d) => d.ruleId),
      expected.diagnostics ?? [],
    );
  });
}
