/**
 * Quotation finder: straight and curly double quotes, the newswire/LaTeX forms
 * ``…'' and ''…'' (two backticks or two apostrophes for a double mark), curly
 * single quotes nested inside them, and quotations that run over a paragraph
 * break (news style: a
 * quoted paragraph that goes on leaves its closing mark off and the next
 * paragraph opens with a quotation mark again). Works on the raw text with
 * paragraph spans so it needs no sentence splitter.
 */
import type { Diagnostic, Span } from '../core/index.ts';
import { diagnostic } from '../core/index.ts';

/** A quotation found in the text: outer span includes the marks, content excludes them. */
export interface QuoteSpan {
  span: Span;
  contentSpan: Span;
  /** Nesting depth: 0 for a top-level quote, 1 for a quote inside a quote. */
  depth: number;
  /** True when the quote continued over at least one paragraph break. */
  multiParagraph: boolean;
}

const MARK_RE = /["“”«»„‘’'`]/gu;
const OPEN_DOUBLE = new Set(['“', '«', '„']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const STRAIGHT_DOUBLE = '"';
const OPEN_SINGLE = '‘';
/** Stand-ins for the two-character marks `` and '' (one symbol each in the loop below). */
const OPEN_BACKTICKS = '``';
const TWO_APOSTROPHES = "''";
const CLOSE_SINGLE = '’';

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function isSpaceOrStart(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013/-]/u.test(ch);
}

/** Length of the run of `ch` starting at `at`. */
function runLength(text: string, at: number, ch: string): number {
  let k = at;
  while (text[k] === ch) k++;
  return k - at;
}

/**
 * Width of a two-character double mark (`` or '') at `at`, else 0: a lone
 * apostrophe ("'90s") is no mark.
 */
function pairedMarkAt(text: string, at: number): number {
  return text.startsWith('``', at) || text.startsWith("''", at) ? 2 : 0;
}

/** Paragraph spans: runs of text separated by line breaks. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

interface OpenMark {
  start: number;
  kind: 'double' | 'single';
  /** Start of the quote when it began in an earlier paragraph. */
  firstStart: number;
  multiParagraph: boolean;
  /** Characters of the opening mark (2 for ''). */
  width?: number;
}

/**
 * Finds the quotations in `text`. Diagnostics (`quote-unbalanced`) name the
 * place of an opening mark that never closes or a closing mark without opener.
 */
export function findQuotes(
  text: string,
  paragraphs: Span[] = paragraphSpans(text),
  articleId?: string,
): { quotes: QuoteSpan[]; diagnostics: Diagnostic[] } {
  const quotes: QuoteSpan[] = [];
  const diagnostics: Diagnostic[] = [];
  // A top-level double quote left open at the end of a paragraph, waiting to see
  // whether the next paragraph continues it.
  let carried: OpenMark | undefined;

  const unbalanced = (at: number, message: string): void => {
    diagnostics.push(
      diagnostic('annotate', 'quote-unbalanced', message, {
        severity: 'info',
        span: [at, Math.min(text.length, at + 1)],
        ...(articleId === undefined ? {} : { articleId }),
      }),
    );
  };

  for (const [pStart, pEnd] of paragraphs) {
    const stack: OpenMark[] = [];
    let i = pStart;
    if (carried !== undefined) {
      const first = text[pStart];
      const paired = pairedMarkAt(text, pStart);
      if (
        first === STRAIGHT_DOUBLE ||
        paired > 0 ||
        (first !== undefined && OPEN_DOUBLE.has(first))
      ) {
        // The quotation goes on in this paragraph: keep its first start.
        stack.push({ ...carried, start: pStart, multiParagraph: true });
        i = pStart + Math.max(1, paired);
      } else {
        unbalanced(carried.firstStart, 'opening quotation mark is never closed');
      }
      carried = undefined;
    }
    for (; i < pEnd; i++) {
      // Jump to the next quotation mark (the loop would otherwise look at every character).
      MARK_RE.lastIndex = i;
      const mark = MARK_RE.exec(text);
      if (mark === null || mark.index >= pEnd) break;
      i = mark.index;
      let width = 1;
      let ch = text[i] as string;
      if (ch === '`') {
        // `` opens a double quotation (LaTeX/newswire style); a lone backtick is no mark.
        const run = runLength(text, i, '`');
        if (run < 2) continue;
        width = 2;
        ch = OPEN_BACKTICKS;
      } else if (ch === "'") {
        // Two apostrophes stand for a double mark ('' … '' or `` … ''); a single one is an
        // apostrophe or possessive and never a mark. Three are a double and a single
        // mark together: ,''' closes a single quotation inside a double one (the double
        // mark is the last two), and ''' opens a double one with a single inside (the
        // first two).
        const run = runLength(text, i, "'");
        if (run < 2) continue;
        const doubleOpen = stack.some((m) => m.kind === 'double');
        if (run > 2 && doubleOpen && !isLetterOrDigit(text[i + run])) i += run - 2;
        width = 2;
        ch = TWO_APOSTROPHES;
      }
      const prev = i > 0 ? text[i - 1] : undefined;
      const next = text[i + width];
      const top = stack[stack.length - 1];
      let opens = false;
      let closes = false;
      let kind: 'double' | 'single' = 'double';
      if (OPEN_DOUBLE.has(ch) || ch === OPEN_BACKTICKS) opens = true;
      else if (CLOSE_DOUBLE.has(ch)) closes = true;
      else if (ch === TWO_APOSTROPHES) {
        // Like a straight mark, but it opens only after a space, a bracket or a dash
        // (or at the start): ''…'' glued to a word with nothing open is a stray closer.
        const afterSpace = isSpaceOrStart(prev) || OPEN_DOUBLE.has(prev ?? '');
        if (stack.some((m) => m.kind === 'double')) {
          closes = !isLetterOrDigit(next) || !afterSpace;
          opens = !closes;
        } else if (afterSpace && !/\s/u.test(next ?? ' ')) opens = true;
        else closes = true;
      } else if (ch === STRAIGHT_DOUBLE) {
        // A straight mark closes an open double quote when it is not followed by
        // a word character glued to it; otherwise it opens.
        if (top?.kind === 'double' || stack.some((m) => m.kind === 'double')) {
          closes = !isLetterOrDigit(next) || !isSpaceOrStart(prev);
          opens = !closes;
        } else opens = true;
      } else if (ch === OPEN_SINGLE) {
        kind = 'single';
        opens = isSpaceOrStart(prev) || prev === STRAIGHT_DOUBLE || OPEN_DOUBLE.has(prev ?? '');
      } else if (ch === CLOSE_SINGLE) {
        kind = 'single';
        // ’ is also the apostrophe: it closes only an open single quote and only
        // when no letter follows ("Russia’s" is not a closing mark).
        closes = top?.kind === 'single' && !isLetterOrDigit(next);
      }
      if (opens) {
        stack.push({ start: i, kind, firstStart: i, multiParagraph: false, width });
        i += width - 1;
      } else if (closes) {
        const wanted = ch === CLOSE_SINGLE ? 'single' : 'double';
        let idx = stack.length - 1;
        while (idx >= 0 && stack[idx]?.kind !== wanted) idx--;
        if (idx < 0) {
          if (wanted === 'double') unbalanced(i, 'closing quotation mark without an opening one');
          i += width - 1;
          continue;
        }
        // Marks opened after the matched one and never closed are unbalanced.
        for (const lost of stack.splice(idx + 1)) {
          if (lost.kind === 'double')
            unbalanced(lost.start, 'opening quotation mark is never closed');
        }
        const open = stack.pop() as OpenMark;
        quotes.push({
          span: [open.firstStart, i + width],
          contentSpan: [open.firstStart + (open.width ?? 1), i],
          depth: stack.length,
          multiParagraph: open.multiParagraph,
        });
        i += width - 1;
      }
    }
    // Only a top-level double quote may continue into the next paragraph.
    const bottom = stack[0];
    for (const lost of stack.slice(1)) {
      if (lost.kind === 'double') unbalanced(lost.start, 'opening quotation mark is never closed');
    }
    if (bottom?.kind === 'double') carried = bottom;
  }
  if (carried !== undefined)
    unbalanced(carried.firstStart, 'opening quotation mark is never closed');
  quotes.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  return { quotes, diagnostics };
}

/** One quotation in straight or curly marks, as a regular-expression source. */
export const QUOTATION_PATTERN = '(?:"[^"]*"|“[^”]*”|«[^»]*»)';
/** Quotations joined by commas or a conjunction ("Run" and "Hide"), as a regular-expression source. */
export const JOINED_QUOTATIONS_PATTERN = `${QUOTATION_PATTERN}(?:\\s*(?:,\\s*(?:and|or)?|and|or)\\s*${QUOTATION_PATTERN})*`;
