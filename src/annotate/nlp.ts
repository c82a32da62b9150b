/**
 * wink-nlp behind one lazily built instance, and a token table with character
 * offsets into the text it read.
 *
 * wink keeps tokens as indexes into its own arrays and has no character
 * offsets; it does keep every character of the input (its `doc.out()` gives the
 * text back exactly), so each token's value is found in order in the text and
 * its offsets are recorded. The annotators then work on plain arrays.
 */
/* eslint-disable @typescript-eslint/unbound-method -- wink's `its.*` helpers are plain functions, passed to `out()` by design. */
import winkNLP from 'wink-nlp';
import type { ItemToken, WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;

/**
 * The shared wink-nlp instance. Sentiment and wink's own NER are left out of
 * the pipe: crosscheck recognises entities, numbers and dates itself, and the
 * two would cost time on every article for nothing.
 */
export function wink(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return instance;
}

/** Tokens of a text, column-wise, with `[start, end)` offsets into that text. */
export interface TokenTable {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Surface form as in the text. */
  value: string[];
  /** Lower-cased form (wink's `normal`: contractions expanded, e.g. `n't` → `not`). */
  normal: string[];
  lemma: string[];
  /** Universal POS tag (PROPN, NOUN, VERB, NUM, PUNCT, SPACE...). */
  pos: string[];
  /** wink token type: word, number, punctuation, tabCRLF, unk, emoji... */
  type: string[];
  /** True when wink marks the token as negated (in the scope of "not", "never"...). */
  negated: boolean[];
  /** wink's sentences as inclusive token ranges `[first, last]`. */
  sentences: [number, number][];
}

/** How far past the whitespace after a token the next one is looked for. */
const SEARCH_WINDOW = 256;

/** Reads a text with wink-nlp and returns its token table. */
export function tokenize(text: string): TokenTable {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const value = tokens.out(its.value);
  const count = value.length;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  let cursor = 0;
  for (let i = 0; i < count; i += 1) {
    const v = value[i] ?? '';
    // Tokens come in text order; only whitespace (kept by wink as preceding
    // spaces) lies between them, so the search is short and the walk linear.
    let at = cursor;
    if (!text.startsWith(v, cursor)) {
      let past = cursor;
      while (past < text.length && /\s/u.test(text[past] ?? '')) past++;
      // Past the whitespace, or (for a whitespace token) a short way into it. The
      // search never runs to the end of the text: a token wink rewrote would
      // otherwise cost the rest of the text each time.
      const found = text.startsWith(v, past)
        ? past - cursor
        : text.slice(cursor, past + SEARCH_WINDOW).indexOf(v);
      // Never seen: the cursor keeps offsets monotone.
      at = found < 0 ? cursor : cursor + found;
    }
    start[i] = at;
    end[i] = Math.min(text.length, at + v.length);
    cursor = end[i] ?? cursor;
  }
  const sentences = doc
    .sentences()
    .out(its.span)
    .map((s) => [s[0] ?? 0, s[1] ?? 0] as [number, number]);
  return {
    count,
    start,
    end,
    value,
    normal: tokens.out(its.normal),
    // wink's typings declare `lemma` with the model add-ons argument; at run time it is an ordinary token its-function.
    lemma: tokens.out(its.lemma as unknown as typeof its.value),
    pos: tokens.out(its.pos),
    type: tokens.out(its.type),
    negated: tokens.out(its.negationFlag) as unknown as boolean[],
    sentences,
  };
}

/** Index of the first token whose start is ≥ `offset` (binary search), `count` if none. */
export function tokenAt(table: TokenTable, offset: number): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table.start[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type { ItemToken };
