// The bundled example is the showcase: it must show a conflict and, beside it,
// an update between two figures of the same kind of source at two dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeReport } from '../../src/index.ts';
import { examplesDir, readManifest } from '../../src/cli/commands/example.ts';

test('the example story holds both a figure conflict and a figure update', async () => {
  const dir = examplesDir();
  const articles = join(dir, 'articles');
  const fileMeta = Object.fromEntries(
    Object.entries(readManifest(dir).articles).map(([file, meta]) => [join(articles, file), meta]),
  );
  const report = await analyzeReport([articles], { fileMeta });
  const findings = report.stories.flatMap((s) => s.findings);
  const values = (kind: string) =>
    findings
      .filter((f) => f.kind === kind)
      .map((f) => f.claims.flatMap((c) => (c.values ?? []).map((v) => v.value)));
  const updates = values('update');
  assert.ok(updates.length > 0, 'an update finding');
  for (const pair of updates) {
    // An update pairs two different figures, never a figure with itself.
    assert.equal(new Set(pair).size >= 2, true, JSON.stringify(pair));
  }
  assert.ok(values('conflict').length > 0, 'a conflict finding');
  // The unrelated fire stays a story of its own.
  assert.ok(report.stories.length >= 2);
});
