import type { Article, ArticleSummary, BlockKind } from '../core/index.ts';

/** Block kinds that are not the article's own statements. */
const APART: ReadonlySet<BlockKind> = new Set([
  'byline',
  'dateline',
  'heading',
  'caption',
  'credit',
]);

/** The report's view of an article: metadata, normalised text and the blocks set apart. */
export function summarizeArticle(article: Article): ArticleSummary {
  const { outlet, byline, published, url } = article.meta;
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    ...(outlet !== undefined ? { outlet } : {}),
    ...(byline !== undefined ? { byline } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(url !== undefined ? { url } : {}),
    language: article.language,
    apart: article.blocks
      .filter((block) => APART.has(block.kind))
      .map((block) => ({
        kind: block.kind,
        span: block.span,
        text: article.text.slice(block.span[0], block.span[1]),
      })),
    text: article.text,
  };
}
