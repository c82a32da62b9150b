/**
 * Paragraphs and sentences over `Article.text`, per block.
 *
 * wink-nlp proposes sentence ends; they are then refined in a fixed order:
 * 1. paragraphs first — a sentence never crosses a block or a paragraph;
 * 2. a proposed end inside a quotation that closes in the same paragraph is
 *    dropped, so a quoted passage stays in one sentence with its speaker
 *    (`"It is over. We go home," she said.`);
 * 3. a proposed end followed by a lower-case word is dropped (an abbreviation
 *    wink did not know, "approx. five"), and so is one after a single capital
 *    and a period (a middle initial, "Robert C. Scott");
 * 4. a line break inside a paragraph ends a sentence unless the next line starts
 *    in lower case (hard-wrapped text).
 */
import type { Block, BlockKind, Diagnostic, Sentence, Span } from '../core/index.ts';
import { diagnostic } from '../core/index.ts';
import type { TokenTable } from './nlp.ts';

export interface Paragraph {
  index: number;
  span: Span;
  block: number;
  kind: BlockKind;
}

/** Sentences longer than this get an info diagnostic: claims built from them are coarse. */
const LONG_SENTENCE = 5000;

const OPEN_DOUBLE = new Set(['“', '«', '„']);
const CLOSE_DOUBLE = new Set(['”', '»']);

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\u00a0' || c === '\f' || c === '\v';

/** Blocks of the article, or one body block over the whole text when ingest gave none. */
export function blocksOf(text: string, blocks: Block[]): Block[] {
  return blocks.length > 0 ? blocks : [{ kind: 'body', span: [0, text.length] }];
}

/** Trims whitespace off both ends of `[start, end)`; returns null when nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s += 1;
  while (e > s && isSpace(text[e - 1])) e -= 1;
  return s < e ? [s, e] : null;
}

/**
 * Splits each block into paragraphs: at blank lines, and at a single line break
 * unless the next line starts with a lower-case letter (a wrapped line).
 */
export function paragraphsOf(text: string, blocks: Block[]): Paragraph[] {
  const out: Paragraph[] = [];
  blocksOf(text, blocks).forEach((block, blockIndex) => {
    const [bStart, bEnd] = block.span;
    let segStart = bStart;
    let i = text.indexOf('\n', bStart);
    while (i >= 0 && i < bEnd) {
      // Look at the next line: blank → paragraph end; lower-case start → wrapped.
      let j = i + 1;
      while (j < bEnd && (text[j] === ' ' || text[j] === '\t')) j += 1;
      const next = text[j];
      const blank = next === '\n' || j >= bEnd;
      const continues = !blank && next !== undefined && /\p{Ll}/u.test(next);
      if (!continues) {
        const span = trimSpan(text, segStart, i);
        if (span) out.push({ index: out.length, span, block: blockIndex, kind: block.kind });
        segStart = i + 1;
      }
      i = text.indexOf('\n', i + 1);
    }
    const span = trimSpan(text, segStart, bEnd);
    if (span) out.push({ index: out.length, span, block: blockIndex, kind: block.kind });
  });
  return out;
}

/**
 * Ranges `[open, close]` (indexes of the marks) of double-quoted passages that
 * open and close inside `[start, end)`. Unbalanced marks give no range.
 */
export function closedQuotes(text: string, start: number, end: number): Span[] {
  const ranges: Span[] = [];
  let curlyOpen = -1;
  let curlyDepth = 0;
  let straightOpen = -1;
  const stop = start < 0 ? start : Math.min(end, text.length);
  for (let i = start; i < stop; i += 1) {
    // Every quotation mark but '"' lies outside ASCII: the rest of ASCII is skipped unread.
    const code = text.charCodeAt(i);
    if (code < 0x80 && code !== 0x22) continue;
    const c = text[i] ?? '';
    if (OPEN_DOUBLE.has(c)) {
      if (curlyDepth === 0) curlyOpen = i;
      curlyDepth += 1;
    } else if (CLOSE_DOUBLE.has(c)) {
      if (curlyDepth > 0) {
        curlyDepth -= 1;
        if (curlyDepth === 0) ranges.push([curlyOpen, i]);
      }
    } else if (c === '"') {
      if (straightOpen < 0) straightOpen = i;
      else {
        ranges.push([straightOpen, i]);
        straightOpen = -1;
      }
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

export interface SentenceResult {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  diagnostics: Diagnostic[];
}

/** Paragraphs and sentences of a text, from wink's proposals and the refiners above. */
export function splitSentences(
  text: string,
  blocks: Block[],
  tokens: TokenTable,
  articleId?: string,
): SentenceResult {
  const paragraphs = paragraphsOf(text, blocks);
  // wink's proposed sentence ends as character offsets, in text order.
  const proposed: number[] = [];
  for (const [, last] of tokens.sentences) {
    const e = tokens.end[last];
    if (e !== undefined) proposed.push(e);
  }
  const sentences: Sentence[] = [];
  const diagnostics: Diagnostic[] = [];
  let k = 0;
  for (const para of paragraphs) {
    const [pStart, pEnd] = para.span;
    while (k < proposed.length && (proposed[k] ?? 0) <= pStart) k += 1;
    const quotes = closedQuotes(text, pStart, pEnd);
    let q = 0;
    const cuts: number[] = [];
    for (; k < proposed.length && (proposed[k] ?? 0) < pEnd; k += 1) {
      let cut = proposed[k] ?? 0;
      while (q < quotes.length && (quotes[q]?.[1] ?? 0) < cut) q += 1;
      const quote = quotes[q];
      if (quote && quote[0] < cut && cut <= quote[1]) {
        // Inside a closed quotation: keep the passage whole, unless wink only cut
        // before the closing mark, in which case the cut moves after it.
        const rest = text.slice(cut, quote[1]);
        if (/[\p{L}\p{N}]/u.test(rest)) continue;
        cut = quote[1] + 1;
      }
      let n = cut;
      while (n < pEnd && isSpace(text[n])) n += 1;
      if (n < pEnd && /\p{Ll}/u.test(text[n] ?? '')) continue;
      // A middle initial ("Robert C. Scott") is no sentence end.
      if (
        /(?:^|[\s(])\p{Lu}\.$/u.test(text.slice(Math.max(pStart, cut - 3), cut)) &&
        /\p{Lu}/u.test(text[n] ?? '')
      )
        continue;
      if (cut > pStart && cut < pEnd && cut !== cuts[cuts.length - 1]) cuts.push(cut);
    }
    let from = pStart;
    for (const cut of [...cuts, pEnd]) {
      const span = trimSpan(text, from, cut);
      from = cut;
      if (!span) continue;
      sentences.push({
        index: sentences.length,
        span,
        block: para.block,
        kind: para.kind,
        paragraph: para.index,
      });
      if (span[1] - span[0] > LONG_SENTENCE) {
        diagnostics.push(
          diagnostic(
            'annotate',
            'sentence-very-long',
            `sentence of ${span[1] - span[0]} characters: no sentence end found; findings built from it are coarse`,
            { severity: 'info', span, ...(articleId ? { articleId } : {}) },
          ),
        );
      }
    }
  }
  if (!sentences.some((s) => s.kind === 'body')) {
    diagnostics.push(
      diagnostic('annotate', 'no-sentences', 'the article has no body sentence to annotate', {
        ...(articleId ? { articleId } : {}),
      }),
    );
  }
  return { paragraphs, sentences, diagnostics };
}
