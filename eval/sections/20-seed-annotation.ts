/**
 * Entities, quantities and dates on the two seed articles against the team's
 * gold (eval/gold/seeds/<stem>.{entities,quantities,dates}.json).
 *
 * Matching:
 * - entities: exact span and type (also reported: exact span, any type);
 * - quantities: overlapping span and the same value; of those, how many have
 *   the gold bounds, counted noun and measure;
 * - dates: overlapping span, same resolved start (or both unresolved) and the
 *   same certainty (also reported: overlapping span alone).
 * The articles go through the real ingest with `published: 2024-04-01`; a
 * second pass without it counts the dates resolved with no anchor (must be 0
 * of those needing one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnnotatedArticle, Bounds, Span } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { ROOT, SEEDS, fmt, prf, table } from '../shared.ts';

interface GoldEntities {
  mentions: { span: Span; label: string; type: string }[];
}
interface GoldQuantities {
  quantities: {
    span: Span;
    label: string;
    value: number;
    bounds: Bounds;
    counted: string;
    measure: string;
  }[];
}
interface GoldDates {
  published: string;
  dates: { span: Span; label: string; start: string | null; certainty: string }[];
}

const STEMS = ['000_330fe37ef13ba6bb', '001_21fe304e66ed8b2c'];

function gold<T>(stem: string, layer: string): T {
  return JSON.parse(
    readFileSync(join(ROOT, 'eval', 'gold', 'seeds', `${stem}.${layer}.json`), 'utf8'),
  ) as T;
}

const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];
const sameBounds = (a: Bounds, b: Bounds): boolean =>
  a.low === b.low &&
  a.high === b.high &&
  a.lowInclusive === b.lowInclusive &&
  a.highInclusive === b.highInclusive;

/** Greedy one-to-one matching: each gold item takes the first unused prediction it accepts. */
function match<G, P>(gold: G[], predicted: P[], accepts: (g: G, p: P) => boolean): [G, P][] {
  const used = new Set<number>();
  const pairs: [G, P][] = [];
  for (const g of gold) {
    const k = predicted.findIndex((p, i) => !used.has(i) && accepts(g, p));
    if (k >= 0) {
      used.add(k);
      pairs.push([g, predicted[k] as P]);
    }
  }
  return pairs;
}

async function annotated(stem: string, published?: string): Promise<AnnotatedArticle> {
  const { articles } = await ingest([join(SEEDS, `${stem}.txt`)], {
    meta: published ? { published } : {},
  });
  const article = articles[0];
  if (!article) throw new Error(`seed ${stem} did not ingest`);
  return annotate(article);
}

export async function evaluate(): Promise<{ title: string; markdown: string }> {
  const rows: (string | number)[][] = [];
  const totals = {
    ent: [0, 0, 0],
    entSpan: [0, 0, 0],
    qty: [0, 0, 0],
    date: [0, 0, 0],
    dateSpan: [0, 0, 0],
  };
  let qtyBounds = 0;
  let qtyCounted = 0;
  let qtyMeasure = 0;
  let qtyMatched = 0;
  const misses: string[] = [];
  let anchorless = 0;
  let anchorlessNeeding = 0;
  const add = (key: keyof typeof totals, tp: number, fp: number, fn: number): void => {
    totals[key][0] = (totals[key][0] ?? 0) + tp;
    totals[key][1] = (totals[key][1] ?? 0) + fp;
    totals[key][2] = (totals[key][2] ?? 0) + fn;
  };
  for (const stem of STEMS) {
    const a = await annotated(stem, '2024-04-01');
    const ge = gold<GoldEntities>(stem, 'entities').mentions;
    const typed = match(
      ge,
      a.mentions,
      (g, p) => g.span[0] === p.span[0] && g.span[1] === p.span[1] && g.type === p.type,
    );
    const spanOnly = match(
      ge,
      a.mentions,
      (g, p) => g.span[0] === p.span[0] && g.span[1] === p.span[1],
    );
    add('ent', typed.length, a.mentions.length - typed.length, ge.length - typed.length);
    add(
      'entSpan',
      spanOnly.length,
      a.mentions.length - spanOnly.length,
      ge.length - spanOnly.length,
    );
    for (const g of ge) {
      if (!typed.some(([x]) => x === g))
        misses.push(`${stem.slice(0, 3)} entity missed: ${g.label} (${g.type})`);
    }
    for (const p of a.mentions) {
      if (!typed.some(([, x]) => x === p))
        misses.push(`${stem.slice(0, 3)} entity extra: ${p.text} (${p.type})`);
    }

    const gq = gold<GoldQuantities>(stem, 'quantities').quantities;
    const mq = match(gq, a.quantities, (g, p) => overlaps(g.span, p.span) && g.value === p.value);
    add('qty', mq.length, a.quantities.length - mq.length, gq.length - mq.length);
    for (const [g, p] of mq) {
      qtyMatched += 1;
      if (sameBounds(g.bounds, p.bounds)) qtyBounds += 1;
      if (g.counted === p.counted) qtyCounted += 1;
      else
        misses.push(
          `${stem.slice(0, 3)} quantity ${g.label}: counted ${p.counted ?? '—'} (gold ${g.counted})`,
        );
      if (g.measure === p.measure) qtyMeasure += 1;
      else
        misses.push(
          `${stem.slice(0, 3)} quantity ${g.label}: measure ${p.measure ?? '—'} (gold ${g.measure})`,
        );
    }
    for (const g of gq)
      if (!mq.some(([x]) => x === g))
        misses.push(`${stem.slice(0, 3)} quantity missed: ${g.label}`);
    for (const p of a.quantities)
      if (!mq.some(([, x]) => x === p))
        misses.push(`${stem.slice(0, 3)} quantity extra: ${p.text}`);

    const gd = gold<GoldDates>(stem, 'dates').dates;
    const md = match(
      gd,
      a.times,
      (g, p) =>
        overlaps(g.span, p.span) &&
        (g.start ?? undefined) === p.start &&
        g.certainty === p.certainty,
    );
    const mdSpan = match(gd, a.times, (g, p) => overlaps(g.span, p.span));
    add('date', md.length, a.times.length - md.length, gd.length - md.length);
    add('dateSpan', mdSpan.length, a.times.length - mdSpan.length, gd.length - mdSpan.length);
    for (const g of gd) {
      if (!md.some(([x]) => x === g)) {
        const p = mdSpan.find(([x]) => x === g)?.[1];
        misses.push(
          `${stem.slice(0, 3)} date ${g.label}: ${p ? `${p.start ?? 'unresolved'} ${p.certainty}` : 'missed'} (gold ${g.start ?? 'unresolved'} ${g.certainty})`,
        );
      }
    }
    for (const p of a.times)
      if (!mdSpan.some(([, x]) => x === p))
        misses.push(`${stem.slice(0, 3)} date extra: ${p.text}`);

    // Without a publication date nothing that needs one may be resolved.
    const bare = await annotated(stem);
    for (const t of bare.times) {
      const g = gd.find((x) => overlaps(x.span, t.span));
      if (g && g.certainty !== 'stated') {
        anchorlessNeeding += 1;
        if (t.anchor === 'published') anchorless += 1;
      }
    }

    const e = prf(typed.length, a.mentions.length - typed.length, ge.length - typed.length);
    const q = prf(mq.length, a.quantities.length - mq.length, gq.length - mq.length);
    const d = prf(md.length, a.times.length - md.length, gd.length - md.length);
    rows.push([
      stem,
      fmt(e.p),
      fmt(e.r),
      fmt(e.f1),
      fmt(q.p),
      fmt(q.r),
      fmt(q.f1),
      fmt(d.p),
      fmt(d.r),
      fmt(d.f1),
    ]);
  }
  const f = (k: keyof typeof totals) =>
    prf(totals[k][0] ?? 0, totals[k][1] ?? 0, totals[k][2] ?? 0);
  const e = f('ent');
  const q = f('qty');
  const d = f('date');
  rows.push([
    'both seeds',
    fmt(e.p),
    fmt(e.r),
    fmt(e.f1),
    fmt(q.p),
    fmt(q.r),
    fmt(q.f1),
    fmt(d.p),
    fmt(d.r),
    fmt(d.f1),
  ]);
  const es = f('entSpan');
  const ds = f('dateSpan');
  const markdown = [
    'Command: `npm run eval -- 20-seed` (published date given as 2024-04-01). Gold: `eval/gold/seeds/`.',
    '',
    table(
      [
        'seed',
        'entity P',
        'entity R',
        'entity F1',
        'qty P',
        'qty R',
        'qty F1',
        'date P',
        'date R',
        'date F1',
      ],
      rows,
    ),
    '',
    `- Entities with exact span, any type: F1 ${fmt(es.f1)} (typed: ${fmt(e.f1)}; ${totals.ent[0]} of ${(totals.ent[0] ?? 0) + (totals.ent[2] ?? 0)} gold mentions).`,
    `- Quantities matched (overlapping span, same value): ${qtyMatched}; bounds as gold ${qtyBounds}/${qtyMatched}, counted noun ${qtyCounted}/${qtyMatched}, measure ${qtyMeasure}/${qtyMatched}.`,
    `- Dates by span alone: F1 ${fmt(ds.f1)}. Typed match needs the same resolved start and certainty.`,
    `- Without a publication date: ${anchorless} of ${anchorlessNeeding} dates that need an anchor were resolved against one (must be 0: they stay unresolved or borrow an in-text anchor).`,
    '',
    misses.length > 0
      ? `Differences from gold:\n\n${misses.map((m) => `- ${m}`).join('\n')}`
      : 'No differences from gold.',
  ].join('\n');
  return { title: 'Seed annotation: entities, quantities, dates', markdown };
}
