/**
 * Cost of reconciliation (resolve → provenance → align → timeline) as the
 * number of articles in ONE story grows: the ECB+ documents, annotated once
 * outside the timing, are treated as a single story of n = 100, 250, 500, 982
 * articles, the worst case for an aligner (clustering would split them). The
 * table shows the claim pairs scored after blocking next to the pairs an
 * all-pairs aligner would score, so the growth of the blocked cost is visible.
 */
import type { AnnotatedArticle } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { resolveEntities } from '../../src/resolve/index.ts';
import { buildProvenance } from '../../src/provenance/index.ts';
import { alignClaims, type AlignStats } from '../../src/align/index.ts';
import { buildTimeline } from '../../src/dossier/timeline.ts';
import { readEcbPlus, toArticle } from '../../eval/ecbplus.ts';
import { fmt, measure, table } from '../shared.ts';

const SIZES = [100, 250, 500, 982];

export async function bench(): Promise<{ title: string; markdown: string }> {
  const documents = readEcbPlus();
  const annotated: AnnotatedArticle[] = documents.map((d) => annotate(toArticle(d)));
  const rows: (string | number)[][] = [];
  for (const size of SIZES) {
    const docs = annotated.slice(0, Math.min(size, annotated.length));
    const stats: AlignStats = { claims: 0, candidatePairs: 0, allPairs: 0, links: 0 };
    const run = await measure(() => {
      const resolution = resolveEntities(docs);
      const provenance = buildProvenance(docs, resolution);
      const findings = alignClaims(docs, resolution, { originOf: provenance.originOf, stats });
      const timeline = buildTimeline(docs, resolution);
      return {
        entities: resolution.entities.length,
        findings: findings.length,
        timeline: timeline.length,
      };
    });
    rows.push([
      docs.length,
      stats.claims,
      stats.allPairs,
      stats.candidatePairs,
      fmt((100 * stats.candidatePairs) / Math.max(1, stats.allPairs), 2),
      run.result.entities,
      run.result.findings,
      fmt(run.seconds, 2),
      fmt((1000 * run.seconds) / docs.length, 2),
      fmt(run.peakRssMB, 0),
    ]);
  }
  return {
    title: 'Reconciliation cost as one story grows (ECB+ documents as a single story)',
    markdown: [
      'Annotation is done once before timing. Time covers entity resolution, provenance (with copy',
      'detection), claim alignment and the timeline. "pairs scored" are the cross-article claim pairs',
      'left by blocking (shared story entities, places, months, measures, rare terms; keys held by',
      'more than 60 claims are dropped); "all pairs" is what comparing every claim with every other',
      'would cost.',
      '',
      table(
        [
          'articles',
          'claims',
          'all pairs',
          'pairs scored',
          '% of all',
          'entities',
          'findings',
          'seconds',
          'ms / article',
          'peak RSS MB',
        ],
        rows,
      ),
    ].join('\n'),
  };
}
