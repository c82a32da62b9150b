/**
 * PolNeAR dev split: attribution source, cue and content spans against the
 * annotators' brat files, exact and token-overlap P/R/F1, overall and per
 * publisher. Rules were developed on the train split only; see eval/polnear.ts
 * for how offsets are read and spans matched.
 */
import { f1Of, scorePolnear, ROLES } from '../polnear.ts';
import type { Counts } from '../polnear.ts';
import { fmt, table } from '../shared.ts';

function cells(c: Counts): string[] {
  const e = f1Of(c.exact);
  const o = f1Of(c.overlap);
  return [fmt(e.p), fmt(e.r), fmt(e.f1), fmt(o.p), fmt(o.r), fmt(o.f1)];
}

export async function evaluate(): Promise<{ title: string; markdown: string }> {
  await Promise.resolve();
  const score = scorePolnear('dev');
  const overall = ROLES.map((role) => [role, score.gold[role], ...cells(score.byRole[role])]);
  const perPublisher: (string | number)[][] = [];
  for (const [publisher, roles] of [...score.byPublisher].sort((a, b) =>
    a[0].localeCompare(b[0]),
  )) {
    const row: (string | number)[] = [publisher];
    for (const role of ROLES) {
      const e = f1Of(roles[role].exact);
      const o = f1Of(roles[role].overlap);
      row.push(`${fmt(e.f1)} / ${fmt(o.f1)}`);
    }
    perPublisher.push(row);
  }
  const markdown = [
    `${score.docs} dev articles (first annotator's file per article). Exact: equal spans after trimming white space and \`.,;:\`; overlap: at least one shared word token (a span with no word, such as a headline colon used as cue, is one token matched by a shared character), one-to-one. Attributions nested inside a quotation are left out (PolNeAR does not annotate them).`,
    '',
    table(
      ['span', 'gold', 'exact P', 'exact R', 'exact F1', 'overlap P', 'overlap R', 'overlap F1'],
      overall,
    ),
    '',
    'Per publisher (F1 exact / overlap):',
    '',
    table(['publisher', 'source', 'cue', 'content'], perPublisher),
    '',
    'For reference, BBC Citron reports 56.7 exact / 83.2 overlap F1 on all quote spans of PARC 3.0 (a different corpus and scheme).',
  ].join('\n');
  return { title: 'PolNeAR attribution (dev split)', markdown };
}
