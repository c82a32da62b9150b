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
import type { ItemToken, Model, WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * One of the vocabularies wink grows while it reads: value → index, and the
 * values in index order (`index` is the next free one, i.e. the list's length).
 */
interface Vocabulary {
  hash: Record<string, number>;
  list: (string | undefined)[];
  index: number;
}

/** The parts of wink's core model (`model.core()`) that reading changes. */
interface CoreModel {
  features: Record<string, Vocabulary>;
}

/**
 * A wink instance and what is needed to forget what it learned.
 *
 * wink adds every token it has not met (out-of-vocabulary words, numbers, odd
 * punctuation) to its lexicon while reading, and its tokenizer then treats them
 * as known words. A possessive at the end of a sentence ("the Keeper's.") is
 * split off its full stop as one word and learned whole; from then on the same
 * possessive stays one token in every text, though read first it is split into
 * "Keeper" + "'s". Dotted and hyphenated forms go through the same known-word
 * checks. So without care, how a text is tokenised depends on what was read
 * before it. After each text the learned entries that could do so are taken
 * out of the lookup hashes again, so every text is tokenised as against the
 * model's own vocabulary.
 *
 * Words of plain ASCII letters stay learned (`KEPT`): re-learning them costs
 * the feature extraction again in every text, and knowing them changes no
 * tokenisation. wink asks whether a string is known only to decide whether to
 * split it: at punctuation ("(Word", "Word)"), at periods ("approx.", "U.S.")
 * and at hyphens. A string of letters alone, known or not, comes out as that one
 * word either way; the strings whose knowing matters hold a period, a hyphen,
 * an apostrophe or other punctuation, and those are forgotten. A kept word's
 * features are what wink would extract for it again (they depend on the string
 * alone), so its tags do not change either.
 *
 * Forgotten lexemes cannot be cut off the lexeme list: wink keeps their
 * features in a private array it only appends to, in lexeme order, so the list
 * must keep its length for new lexemes to line up with their features. Their
 * strings are dropped (nothing reads them once a text's tokens are extracted),
 * and the instance is rebuilt once learned slots, dead or kept, pass
 * `REBUILD_AFTER`. The smaller vocabularies derived from new lexemes (prefix,
 * suffix, shape) are only referenced from lexeme features, never asked by the
 * tokenizer, and are kept with the kept words that refer to them.
 */
interface Reader {
  nlp: WinkMethods;
  lexeme: Vocabulary;
  /** Lexeme count of the model itself: indexes from here on were learned. */
  lexemeBase: number;
  /** First lexeme index not yet rolled back. */
  lexemeMark: number;
}

/**
 * Learned lexeme slots (dead after their text, or kept words) after which the
 * instance is rebuilt. Each costs well under 100 bytes; a news article leaves
 * about 80, fewer once its plain words are known. The
 * bound also keeps lexeme indexes well below 1,050,000, where wink's sentence,
 * entity and POS machines start using codes of their own.
 */
const REBUILD_AFTER = 200_000;

let reader: Reader | undefined;

/**
 * The model's custom-entity meta model, loaded once. Its loader stringifies the
 * module-level JSON and keeps the string in the same variable, so each further
 * call escapes it once more: the string about doubles per wink instance until
 * `JSON.stringify` throws a RangeError. crosscheck does not use custom entities;
 * wink reads the meta model on every instantiation all the same.
 */
let customEntityMetaModel: unknown;

/** The model's lemmatizer: `(normal form, POS, wink's cache) → lemma`. */
type Lemmatize = (value: string, pos: string, cache: unknown) => string;
/** wink's typings leave the addon `unknown`; the model's own is this function. */
const modelLemmatize = model.addons.lemmatize as Lemmatize;

/**
 * Lemmas the model's lemmatizer found, by POS and normal form. wink calls it
 * for every adjective, noun and verb the lexicon gives no single lemma for,
 * each time it is met (its suffix rules ask the lexicon for each candidate
 * base form). Its answer depends on the form, the POS and the model's own
 * vocabulary alone (`hasSamePOS` counts no learned word), so a form keeps its
 * lemma across texts and wink instances.
 */
const lemmaMemo = new Map<string, Map<string, string>>([
  ['ADJ', new Map()],
  ['NOUN', new Map()],
  ['VERB', new Map()],
]);
/** Forms remembered per POS before that table is emptied: bounds its memory. */
const LEMMA_MEMO_LIMIT = 50_000;

function rememberedLemma(value: string, pos: string, cache: unknown): string {
  const memo = lemmaMemo.get(pos);
  // Other POS come back unchanged at no cost.
  if (memo === undefined) return modelLemmatize(value, pos, cache);
  let lemma = memo.get(value);
  if (lemma === undefined) {
    lemma = modelLemmatize(value, pos, cache);
    if (memo.size >= LEMMA_MEMO_LIMIT) memo.clear();
    memo.set(value, lemma);
  }
  return lemma;
}

/**
 * A new wink-nlp instance. Sentiment, negation scopes and wink's own NER are
 * left out of the pipe: crosscheck recognises entities, numbers and dates
 * itself and reads negation from the words of a claim (modality.ts), and the
 * three would cost time on every article for nothing. Negation marks only a
 * flag of its own on tokens and sentences; tokens, POS tags and sentences are
 * the same without it.
 */
function build(): Reader {
  let core: CoreModel | undefined;
  // The model is wrapped to get hold of the core model the instance reads into.
  const tracked: Model = {
    ...model,
    core: () => {
      core = (model.core as () => CoreModel)();
      return core;
    },
    metaCER: () => {
      customEntityMetaModel ??= (model.metaCER as () => unknown)();
      return customEntityMetaModel;
    },
    addons: { ...model.addons, lemmatize: rememberedLemma },
  };
  const nlp = winkNLP(tracked, ['sbd', 'pos']);
  if (!core) throw new Error('wink-nlp did not load its core model');
  const lexeme = core.features.lexeme;
  if (!lexeme) throw new Error('wink-nlp core model has no lexeme vocabulary');
  return {
    nlp,
    lexeme,
    lexemeBase: lexeme.list.length,
    lexemeMark: lexeme.list.length,
  };
}

/** Learned lexemes that stay known: plain ASCII words (see `Reader`). */
const KEPT = /^[A-Za-z]+$/;

/** Takes what wink learned since the last call, but plain words, out of its lexicon. */
function rollBack(current: Reader): void {
  const { hash, list } = current.lexeme;
  for (let i = current.lexemeMark; i < list.length; i++) {
    const value = list[i];
    if (value === undefined || KEPT.test(value)) continue;
    delete hash[value];
    list[i] = undefined;
  }
  current.lexemeMark = list.length;
}

/** The wink instance to read the next text with, clean of earlier texts. */
function wink(): Reader {
  if (reader && reader.lexeme.list.length - reader.lexemeBase > REBUILD_AFTER) reader = undefined;
  reader ??= build();
  return reader;
}

/** Lexeme slots wink's lexicon holds beyond the model's own (dead ones included). */
export function learnedLexemeSlots(): number {
  return reader ? reader.lexeme.list.length - reader.lexemeBase : 0;
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
  /** wink's sentences as inclusive token ranges `[first, last]`. */
  sentences: [number, number][];
}

/** How far past the whitespace after a token the next one is looked for. */
const SEARCH_WINDOW = 256;

/** Reads a text with wink-nlp and returns its token table. */
export function tokenize(text: string): TokenTable {
  const current = wink();
  try {
    return readTokens(current.nlp, text);
  } finally {
    // Everything is extracted: what wink learned from this text must not shape the next one.
    rollBack(current);
  }
}

function readTokens(nlp: WinkMethods, text: string): TokenTable {
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
      while (past < text.length && isSpaceAt(text, past)) past++;
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
    sentences,
  };
}

/** `/\s/u` on the character at `at`, without running the regex on ASCII (nearly every call). */
function isSpaceAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/u.test(text[at] ?? '');
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
