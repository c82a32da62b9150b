/**
 * Attributions on the two seed articles against the team's gold
 * (eval/gold/seeds/<stem>.attributions.json).
 *
 * Source, cue and content spans are scored like PolNeAR (eval/polnear.ts):
 * exact (after trimming white space and `.,;:`) and by token overlap, one to
 * one. Only predictions whose cue lies in the gold scope (the body) count.
 * Attributions are then paired by overlapping cue, and on those pairs the
 * source count, anonymity, intermediary (overlapping span, or both absent) and
 * direct/indirect are compared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attribution, Span } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { ROOT, SEEDS, fmt, prf, table } from '../shared.ts';
import { scoreSpans } from '../polnear.ts';
import type { Counts } from '../polnear.ts';

interface GoldAttribution {
  source: Span | null;
  sourceLabel: string | null;
  count: number | null;
  anonymous: boolean;
  cue: Span;
  content: Span;
  intermediary: Span | null;
  direct: boolean;
}

interface Gold {
  scope: Span[];
  attributions: GoldAttribution[];
}

const STEMS = ['000_330fe37ef13ba6bb', '001_21fe304e66ed8b2c'];
const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];

type Role = 'source' | 'cue' | 'content';

function emptyCounts(): Counts {
  return { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } };
}

function add(into: Counts, from: Counts): void {
  for (const kind of ['exact', 'overlap'] as const) {
    into[kind].tp += from[kind].tp;
    into[kind].fp += from[kind].fp;
    into[kind].fn += from[kind].fn;
  }
}

export async function evaluate(): Promise<{ title: string; markdown: string }> {
  const totals: Record<Role, Counts> = {
    source: emptyCounts(),
    cue: emptyCounts(),
    content: emptyCounts(),
  };
  const rows: (string | number)[][] = [];
  const slots = { pairs: 0, count: 0, anonymous: 0, intermediary: 0, direct: 0 };
  let goldTotal = 0;
  let predictedTotal = 0;
  for (const stem of STEMS) {
    const gold = JSON.parse(
      readFileSync(join(ROOT, 'eval', 'gold', 'seeds', `${stem}.attributions.json`), 'utf8'),
    ) as Gold;
    const { articles } = await ingest([join(SEEDS, `${stem}.txt`)], {
      meta: { published: '2024-04-01' },
    });
    const article = articles[0];
    if (!article) throw new Error(`seed ${stem} did not ingest`);
    const annotated = annotate(article);
    const text = article.text;
    const inScope = (a: Attribution): boolean =>
      gold.scope.some(([s, e]) => s <= a.cue.span[0] && a.cue.span[1] <= e);
    const predicted = annotated.attributions.filter(inScope);
    goldTotal += gold.attributions.length;
    predictedTotal += predicted.length;
    const goldSpans: Record<Role, Span[][]> = {
      source: gold.attributions.flatMap((g) => (g.source ? [[g.source]] : [])),
      cue: gold.attributions.map((g) => [g.cue]),
      content: gold.attributions.map((g) => [g.content]),
    };
    const predictedSpans: Record<Role, Span[][]> = {
      source: predicted.flatMap((a) => (a.source.span ? [[a.source.span]] : [])),
      cue: predicted.map((a) => [a.cue.span]),
      content: predicted.map((a) => [a.content.span]),
    };
    const row: (string | number)[] = [stem, gold.attributions.length, predicted.length];
    for (const role of ['source', 'cue', 'content'] as Role[]) {
      const c = scoreSpans(text, goldSpans[role], predictedSpans[role]);
      add(totals[role], c);
      const o = prf(c.overlap.tp, c.overlap.fp, c.overlap.fn);
      const e = prf(c.exact.tp, c.exact.fp, c.exact.fn);
      row.push(`${fmt(e.f1)} / ${fmt(o.f1)}`);
    }
    rows.push(row);
    // Slots on attributions paired by overlapping cue.
    const used = new Set<number>();
    for (const g of gold.attributions) {
      const k = predicted.findIndex((p, i) => !used.has(i) && overlaps(p.cue.span, g.cue));
      if (k < 0) continue;
      used.add(k);
      const p = predicted[k] as Attribution;
      slots.pairs++;
      if ((p.source.count ?? null) === g.count) slots.count++;
      if (p.source.anonymous === g.anonymous) slots.anonymous++;
      const pi = p.intermediary?.span;
      if (
        (g.intermediary === null && pi === undefined) ||
        (g.intermediary !== null && pi !== undefined && overlaps(pi, g.intermediary))
      ) {
        slots.intermediary++;
      }
      if (p.direct === g.direct) slots.direct++;
    }
  }
  const totalRow: (string | number)[] = ['all', goldTotal, predictedTotal];
  const detail: (string | number)[][] = [];
  for (const role of ['source', 'cue', 'content'] as Role[]) {
    const e = prf(totals[role].exact.tp, totals[role].exact.fp, totals[role].exact.fn);
    const o = prf(totals[role].overlap.tp, totals[role].overlap.fp, totals[role].overlap.fn);
    totalRow.push(`${fmt(e.f1)} / ${fmt(o.f1)}`);
    detail.push([role, fmt(e.p), fmt(e.r), fmt(e.f1), fmt(o.p), fmt(o.r), fmt(o.f1)]);
  }
  rows.push(totalRow);
  const share = (n: number): string =>
    `${n}/${slots.pairs} (${fmt(n / Math.max(1, slots.pairs), 2)})`;
  const markdown = [
    'Gold: eval/gold/seeds/<seed>.attributions.json (team-written offsets). Articles ingested with `published: 2024-04-01`; predictions counted when their cue lies in the gold scope (the body).',
    '',
    table(
      [
        'seed',
        'gold',
        'predicted',
        'source F1 exact / overlap',
        'cue F1 exact / overlap',
        'content F1 exact / overlap',
      ],
      rows,
    ),
    '',
    'Both seeds together:',
    '',
    table(
      ['span', 'exact P', 'exact R', 'exact F1', 'overlap P', 'overlap R', 'overlap F1'],
      detail,
    ),
    '',
    `On the ${slots.pairs} gold attributions paired with a prediction by overlapping cue: source count right ${share(slots.count)}, anonymity right ${share(slots.anonymous)}, intermediary right (overlapping span, or both none) ${share(slots.intermediary)}, direct/indirect right ${share(slots.direct)}.`,
  ].join('\n');
  return { title: 'Attribution on the seed articles', markdown };
}
