/**
 * The seed articles against the team's gold: each layer must keep F1 ≥ 0.9
 * (the aim), and no date needing an anchor may be resolved when the
 * publication date is unknown. Reads ../shared/seeds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { ROOT, SEEDS, prf } from '../../eval/shared.ts';

const STEMS = ['000_330fe37ef13ba6bb', '001_21fe304e66ed8b2c'];
const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];

function gold<T>(stem: string, layer: string): T {
  return JSON.parse(
    readFileSync(join(ROOT, 'eval', 'gold', 'seeds', `${stem}.${layer}.json`), 'utf8'),
  ) as T;
}

function f1<G, P>(gold: G[], predicted: P[], accepts: (g: G, p: P) => boolean): number {
  const used = new Set<number>();
  let tp = 0;
  for (const g of gold) {
    const k = predicted.findIndex((p, i) => !used.has(i) && accepts(g, p));
    if (k >= 0) {
      used.add(k);
      tp += 1;
    }
  }
  return prf(tp, predicted.length - tp, gold.length - tp).f1;
}

for (const stem of STEMS) {
  test(`seed ${stem}: entities, quantities, dates at F1 ≥ 0.9`, async () => {
    const { articles } = await ingest([join(SEEDS, `${stem}.txt`)], {
      meta: { published: '2024-04-01' },
    });
    const article = articles[0];
    assert.ok(article);
    const a = annotate(article);
    const ge = gold<{ mentions: { span: Span; type: string }[] }>(stem, 'entities').mentions;
    const entities = f1(
      ge,
      a.mentions,
      (g, p) => g.span[0] === p.span[0] && g.span[1] === p.span[1] && g.type === p.type,
    );
    const gq = gold<{ quantities: { span: Span; value: number }[] }>(stem, 'quantities').quantities;
    const quantities = f1(
      gq,
      a.quantities,
      (g, p) => overlaps(g.span, p.span) && g.value === p.value,
    );
    const gd = gold<{ dates: { span: Span; start: string | null; certainty: string }[] }>(
      stem,
      'dates',
    ).dates;
    const dates = f1(
      gd,
      a.times,
      (g, p) =>
        overlaps(g.span, p.span) &&
        (g.start ?? undefined) === p.start &&
        g.certainty === p.certainty,
    );
    assert.ok(entities >= 0.9, `entities F1 ${entities}`);
    assert.ok(quantities >= 0.9, `quantities F1 ${quantities}`);
    assert.ok(dates >= 0.9, `dates F1 ${dates}`);
  });

  test(`seed ${stem}: without a publication date nothing is resolved against one`, async () => {
    const { articles } = await ingest([join(SEEDS, `${stem}.txt`)]);
    const article = articles[0];
    assert.ok(article);
    const a = annotate(article);
    assert.ok(a.times.length > 0);
    assert.ok(!a.times.some((t) => t.anchor === 'published'));
    for (const t of a.times) {
      if (t.certainty === 'unresolved') {
        assert.ok(
          a.diagnostics.some((d) => d.ruleId === 'date-unresolved' && d.span?.[0] === t.span[0]),
        );
      }
    }
  });
}
