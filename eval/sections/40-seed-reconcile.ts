/**
 * Reconciliation on the two seed articles (`published: 2024-04-01`): what the
 * dossier holds (stories, entities merged across outlets, findings by kind,
 * timeline), and the findings the issue's acceptance checks look for, as the
 * pipeline prints them. The checks themselves are asserted in
 * test/corpus/seeds-acceptance.test.ts; this section shows the figures.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeReport } from '../../src/index.ts';
import type { Finding, FindingKind } from '../../src/core/index.ts';
import { SEEDS, table } from '../shared.ts';

function short(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\|/g, '/').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export async function evaluate(): Promise<{ title: string; markdown: string }> {
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(SEEDS, f));
  const report = await analyzeReport(files, { meta: { published: '2024-04-01' } });
  const lines: string[] = [];
  lines.push(
    `Stories: ${report.stories.length} (articles per story: ${report.stories.map((s) => s.articles.length).join(', ')}).`,
    '',
  );
  const kinds: FindingKind[] = ['agreement', 'compatible', 'update', 'conflict', 'unique'];
  const rows = report.stories.map((s, i) => [
    i + 1,
    s.entities.length,
    s.entities.filter((e) => e.articles.length > 1).length,
    s.entities.filter((e) => e.variants.length > 1).length,
    ...kinds.map((k) => s.findings.filter((f) => f.kind === k).length),
    s.timeline.filter((t) => t.date !== null).length,
    s.timeline.filter((t) => t.date === null).length,
    s.provenance.edges.filter((e) => e.kind === 'copies').length,
  ]);
  lines.push(
    table(
      [
        'story',
        'entities',
        'in both outlets',
        'with variants',
        ...kinds,
        'dated events',
        'undated',
        'copies edges',
      ],
      rows,
    ),
    '',
  );
  const story = report.stories[0];
  if (story) {
    // Claims are cited by article letter and offsets, never by their words: the
    // seed text stays in ../shared and out of this committed table.
    const letter = new Map(story.articles.map((a, i) => [a.id, String.fromCharCode(65 + i)]));
    const cite = (claims: { articleId: string; span: [number, number] }[]) =>
      claims.map((c) => `${letter.get(c.articleId) ?? '?'}:${c.span[0]}–${c.span[1]}`).join(', ');
    const values = (f: Finding) =>
      [...new Set(f.claims.flatMap((c) => (c.values ?? []).map((v) => v.text)))].join(' / ');
    // A finding about who did it compares parties, not the figures its claims
    // happen to carry: it shows the slot that differed instead.
    const compared = (f: Finding) =>
      f.kind === 'conflict' && !(f.slots?.differed ?? []).includes('value')
        ? `differed: ${(f.slots?.differed ?? []).join(', ')}`
        : values(f);
    const shown = story.findings.filter(
      (f: Finding) => f.kind !== 'unique' && f.kind !== 'agreement',
    );
    lines.push(
      `Articles: ${story.articles.map((a) => `${letter.get(a.id) ?? '?'} = ${a.source.split('/').pop() ?? ''}`).join(', ')}.`,
      '',
      'Findings other than agreement and unique:',
      '',
      table(
        ['kind', 'values compared', 'claims (article:offsets)', 'independent sources', 'upstream'],
        shown.map((f) => [
          f.kind,
          short(compared(f), 60),
          short(cite(f.claims), 120),
          f.independentSources,
          short(f.upstream.join('; '), 60),
        ]),
      ),
      '',
      'Entities merged under several names:',
      '',
      table(
        ['type', 'name', 'variants', 'why'],
        story.entities
          .filter((e) => e.variants.length > 1)
          .map((e) => [
            e.type,
            e.name,
            short(e.variants.join(', '), 70),
            short(e.evidence[0] ?? '', 90),
          ]),
      ),
      '',
      'Timeline (dated):',
      '',
      table(
        ['date', 'certainty', 'claims', 'claims (article:offsets)'],
        story.timeline
          .filter((t) => t.date !== null)
          .map((t) => [t.date ?? '', t.certainty, t.claims.length, short(cite(t.claims), 90)]),
      ),
    );
  }
  return {
    title: 'Seed reconciliation (dossier of the two seed articles)',
    markdown: lines.join('\n'),
  };
}
