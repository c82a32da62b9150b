/** Builds articles from fictional test text for the annotate tests. */
import type { AnnotatedArticle, Article, Block, BlockKind } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';

export function makeArticle(
  text: string,
  options: { published?: string; language?: string; blocks?: Block[] } = {},
): Article {
  return {
    id: 'test',
    source: 'test.txt',
    format: 'text',
    title: text.split('\n')[0] ?? '',
    text,
    blocks: options.blocks ?? [],
    language: options.language ?? 'en',
    meta: options.published ? { published: options.published } : {},
    diagnostics: [],
  };
}

export function run(
  text: string,
  options: { published?: string; language?: string; blocks?: Block[] } = {},
): AnnotatedArticle {
  return annotate(makeArticle(text, options));
}

/** Blocks from `[kind, text]` lines joined by blank lines; returns text and blocks. */
export function withBlocks(parts: [BlockKind, string][]): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  for (const [kind, part] of parts) {
    if (text) text += '\n\n';
    blocks.push({ kind, span: [text.length, text.length + part.length] });
    text += part;
  }
  return { text, blocks };
}
