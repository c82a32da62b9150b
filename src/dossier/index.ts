/**
 * One story's reconciled account: entities resolved across outlets, aligned
 * and typed findings, provenance with independence counts, and a timeline.
 */
import type { Diagnostic, Dossier, Story } from '../core/index.ts';
import { diagnostic } from '../core/index.ts';
import { summarizeArticle } from '../ingest/summary.ts';
import { resolveEntities } from '../resolve/index.ts';
import { alignClaims } from '../align/index.ts';
import { buildProvenance } from '../provenance/index.ts';
import { buildTimeline } from './timeline.ts';

export { buildTimeline } from './timeline.ts';

export function buildDossier(story: Story): Dossier {
  const docs = story.articles;
  const first = docs[0]?.article;
  const resolution = resolveEntities(docs);
  const provenance = buildProvenance(docs, resolution);
  const findings = alignClaims(docs, resolution, { originOf: provenance.originOf });
  const timeline = buildTimeline(docs, resolution);

  const diagnostics: Diagnostic[] = docs.flatMap((a) => [
    ...a.article.diagnostics,
    ...a.diagnostics,
  ]);
  for (const credit of resolution.credits)
    diagnostics.push(
      diagnostic(
        'resolve',
        'credit-not-story-entity',
        `“${credit.name}” appears only in a byline or picture credit; left out of the story's entities`,
        {
          severity: 'info',
          articleId: credit.articleId,
        },
      ),
    );
  for (const doc of docs)
    if (doc.claims.length === 0 && doc.article.text.trim().length > 0)
      diagnostics.push(
        diagnostic(
          'align',
          'no-claims',
          'no claims were found in this article, so it contributes no findings',
          {
            severity: 'warning',
            articleId: doc.article.id,
            source: doc.article.source,
          },
        ),
      );
  for (const [copier, copied] of provenance.copies)
    diagnostics.push(
      diagnostic(
        'provenance',
        'copied-text',
        `article ${copier} shares long passages with ${copied} without citing it`,
        {
          severity: 'info',
          articleId: copier,
        },
      ),
    );

  return {
    id: story.id,
    title: first?.title ?? '',
    articles: docs.map(({ article }) => summarizeArticle(article)),
    entities: resolution.entities,
    findings,
    timeline,
    provenance: { nodes: provenance.nodes, edges: provenance.edges },
    diagnostics,
  };
}
