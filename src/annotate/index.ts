/**
 * Annotation: one article in, stand-off layers out. Extractors run in a fixed
 * order, each reading what the earlier ones produced (see `context.ts`).
 */
import type { AnnotatedArticle, Article } from '../core/index.ts';
import { diagnostic } from '../core/index.ts';
import { buildClaims } from '../claims/index.ts';
import { extractAttributions } from './attribution.ts';
import type { AnnotationContext } from './context.ts';
import { extractDates } from './dates.ts';
import { extractEntities } from './entities.ts';
import { tokenize } from './nlp.ts';
import { extractQuantities } from './quantities.ts';
import { splitSentences } from './sentences.ts';

export type { AnnotationContext } from './context.ts';
export { tokenize } from './nlp.ts';
export type { TokenTable } from './nlp.ts';
export type { Paragraph } from './sentences.ts';

/** Languages whose text the English rules can read. `und` is tried, with a check of the script. */
const SUPPORTED = new Set(['en', 'und']);

/** Share of letters in Latin script below which an undetermined text is not taken for English. */
const MIN_LATIN_SHARE = 0.5;

function latinShare(text: string): number {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 1;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return latin / letters;
}

/** Builds the shared context: tokens, paragraphs and sentences. */
export function prepare(article: Article): AnnotationContext {
  const tokens = tokenize(article.text);
  const { paragraphs, sentences, diagnostics } = splitSentences(
    article.text,
    article.blocks,
    tokens,
    article.id,
  );
  return {
    article,
    tokens,
    paragraphs,
    sentences,
    mentions: [],
    entities: [],
    quantities: [],
    times: [],
    diagnostics,
  };
}

/** Annotates one article: sentences, entities, dates, quantities, attributions, claims. */
export function annotate(article: Article): AnnotatedArticle {
  const ctx = prepare(article);
  const language = article.language || 'und';
  const english =
    SUPPORTED.has(language) && (language === 'en' || latinShare(article.text) >= MIN_LATIN_SHARE);
  if (english) {
    extractEntities(ctx);
    extractDates(ctx);
    extractQuantities(ctx);
  } else {
    ctx.diagnostics.push(
      diagnostic(
        'annotate',
        'language-not-supported',
        `language ${language === 'und' ? 'undetermined (mostly non-Latin script)' : `'${language}'`}: only sentences are annotated; entities, numbers, dates and attributions need English`,
        { severity: 'warning', articleId: article.id, source: article.source },
      ),
    );
  }
  const { attributions, quotes } = english
    ? extractAttributions(ctx)
    : { attributions: [], quotes: [] };
  const claims = buildClaims(ctx, attributions, quotes);
  // The token table and paragraphs stay behind: they are working data, large, and derivable.
  return {
    article,
    sentences: ctx.sentences,
    mentions: ctx.mentions,
    entities: ctx.entities,
    quantities: ctx.quantities,
    times: ctx.times,
    quotes,
    attributions,
    claims,
    diagnostics: ctx.diagnostics,
  };
}
