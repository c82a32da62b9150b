/**
 * Attribution patterns over one reading unit (a sentence, or sentences joined by
 * a quotation). Each reporting-verb cue proposes one candidate, shaped by the
 * first pattern that fits, in this order:
 *   1. according to SRC, CONTENT  /  CONTENT, according to SRC
 *   2. passive: CONTENT was reported (to INTERMEDIARY) (by SRC); "This was ..." points back
 *   3. inverted: "CONTENT," CUE SRC
 *   4. postposed: CONTENT, SRC CUE
 *   5. preposed: SRC CUE (RECIPIENT) (ADJUNCT) (that|:) CONTENT
 * Headline form "SRC: CONTENT" is handled for title units.
 */
import type { Span } from '../../core/index.ts';
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from '../../core/words.ts';
import type { QuoteSpan } from '../quotes.ts';
import type { Token, Unit } from './units.ts';
import {
  ADJUNCT_OPENERS,
  AUXILIARIES,
  CUE_ADVERBS,
  CUE_FORMS,
  DETERMINERS,
  DOCUMENT_HEADS,
  GENERIC_AUDIENCES,
  NON_NP_OPENERS,
  NOUN_LIKE_CUES,
  NP_STOPWORDS,
  OBJECT_CUES,
  PRONOUNS,
  RECIPIENT_VERBS,
  INFINITIVE_CUES,
  RELATIVE_OPENERS,
  STATEMENT_ANAPHORS,
  WEAK_CUES,
} from './lexicon.ts';

export type PatternName =
  | 'according-to'
  | 'passive'
  | 'inverted'
  | 'postposed'
  | 'preposed'
  | 'headline'
  | 'elided-subject'
  | 'nominal';

/** A proposed attribution before chains, groups and modality are worked out. */
export interface Candidate {
  unit: Unit;
  pattern: PatternName;
  lemma: string;
  cue: Span;
  /** Source span; absent for impersonal reports ("it has been reported"). */
  source?: Span;
  content: Span;
  /** Recipient or relay named in the clause ("to Reuters", "via its agency", "told Reuters"). */
  intermediary?: Span;
  /** Content is the previous unit ("This was reported to ... by ..."). */
  contentFromPrevious: boolean;
  direct: boolean;
}

const OPEN_QUOTE_MARKS = new Set(['“', '«', '„', '‘']);
const CLOSE_QUOTE_MARKS = new Set(['”', '»', '’']);
const CLAUSE_PUNCT = new Set([
  "'",
  "''",
  '``',
  ',',
  ';',
  ':',
  '—',
  '–',
  '(',
  ')',
  '[',
  ']',
  '"',
  '“',
  '”',
  '«',
  '»',
  '‘',
  '’',
]);
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', "'s", '’s']);
const ING_PARTICIPLE_OK = new Set([',', '—', '–']);
const MAX_NP = 14;
/** Marks that set off appositives and asides. */
const SEPARATORS = new Set([',', '—', '–']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const FIRST_SECOND_PERSON = new Set(['i', 'we', 'you']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it', 'us', 'me', 'himself', 'herself']);

interface Scope {
  lo: number;
  hi: number;
}

/** Lower-case closed-class word in `set`; "IS" or "US" in capitals is a name, not "is"/"us". */
function isFn(token: Token | undefined, set: Set<string>): boolean {
  if (token === undefined || !set.has(token.lower)) return false;
  return !(
    token.text.length > 1 &&
    token.text === token.text.toUpperCase() &&
    /\p{L}/u.test(token.text)
  );
}

const NEGATIONS = new Set(['not', "n't", 'never']);
/** Aspect verbs that take a reporting verb with "to" into their group ("continued to insist"). */
const ASPECT_VERBS = new Set(['continued', 'continues', 'continue', 'continuing']);
const GO_FORMS = new Set(['went', 'goes', 'go', 'going', 'gone']);
/**
 * Verbs of saying that put their subject after them when a plain clause comes first
 * ("Prices will rise, said the analyst", "…, writes Lee").
 */
const INVERTING_LEMMAS = new Set([
  'say',
  'write',
  'add',
  'note',
  'explain',
  'argue',
  'report',
  'ask',
  'reply',
  'recall',
  'warn',
  'insist',
  'continue',
  'observe',
  'conclude',
  'declare',
  'announce',
  'tweet',
  'claim',
  'contend',
  'counter',
  'suggest',
  'complain',
  'acknowledge',
  'admit',
  'quip',
  'joke',
  'remark',
  'caution',
  'predict',
  'state',
  'wonder',
  'confirm',
  'estimate',
  'agree',
  'respond',
  'concede',
  'assert',
  'maintain',
  'emphasize',
  'emphasise',
  'stress',
  'muse',
  'retort',
  'reiterate',
  'repeat',
  'boast',
  'exclaim',
  'testify',
  'lament',
  'speculate',
  'recount',
  'post',
  'read',
  'opine',
  'posit',
  'imply',
  'indicate',
  'show',
  'find',
]);

/** Reporting verbs whose object is the hearer: "…,” told Reuters" is no inversion. */
const NEVER_INVERTED = new Set(['tell', 'inform', 'assure', 'remind', 'urge', 'thank']);

/**
 * An adverb inside a verb group ("has twice complained", "had basically said"): a
 * listed one, or a lower-case word the tagger reads as an adverb.
 */
function isAdverb(token: Token | undefined): boolean {
  if (token === undefined || !token.word) return false;
  if (isFn(token, CUE_ADVERBS)) return true;
  return (
    !isCapitalised(token) &&
    // "Nearly a third said": the tagger's adverb reading of a share is the subject's head.
    !QUANTIFIER_SUBJECTS.has(token.lower) &&
    posOf?.(token.start) === 'ADV' &&
    !NP_STOPWORDS.has(token.lower) &&
    !NON_NP_OPENERS.has(token.lower)
  );
}

function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && /^\p{Lu}/u.test(token.text);
}

/**
 * Lookups for the unit being read, built once per unit so that no step scans the
 * whole unit per cue (a 50,000-character sentence stays linear).
 */
interface UnitIndex {
  tokens: Token[];
  quoteByStart: Map<number, QuoteSpan>;
  quoteByEnd: Map<number, QuoteSpan>;
  /** Quotations sorted by content start. */
  byContent: QuoteSpan[];
  /** wordPrefix[k]: word tokens before token k. */
  wordPrefix: Int32Array;
  /** Token index of each cue verb, ascending. */
  cueVerbs: number[];
}
let index: UnitIndex | undefined;

function buildIndex(tokens: Token[], quotes: QuoteSpan[]): UnitIndex {
  const quoteByStart = new Map<number, QuoteSpan>();
  const quoteByEnd = new Map<number, QuoteSpan>();
  for (const q of quotes) {
    if (!quoteByStart.has(q.span[0])) quoteByStart.set(q.span[0], q);
    if (!quoteByEnd.has(q.span[1])) quoteByEnd.set(q.span[1], q);
  }
  const wordPrefix = new Int32Array(tokens.length + 1);
  for (let k = 0; k < tokens.length; k++)
    wordPrefix[k + 1] = (wordPrefix[k] ?? 0) + (tokens[k]?.word ? 1 : 0);
  const byContent = [...quotes].sort((a, b) => a.contentSpan[0] - b.contentSpan[0]);
  return { tokens, quoteByStart, quoteByEnd, byContent, wordPrefix, cueVerbs: [] };
}

/** Whether a cue verb lies strictly between token indexes a and b. */
function cueBetween(a: number, b: number): boolean {
  const verbs = index?.cueVerbs ?? [];
  let lo = 0;
  let hi = verbs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((verbs[mid] ?? 0) <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < verbs.length && (verbs[lo] ?? 0) < b;
}

function isQuoteToken(token: Token | undefined, quotes: QuoteSpan[]): 'open' | 'close' | undefined {
  if (token === undefined || token.word) return undefined;
  if (index !== undefined) {
    if (index.quoteByStart.has(token.start)) return 'open';
    if (index.quoteByEnd.has(token.end)) return 'close';
  } else {
    for (const q of quotes) {
      if (q.span[0] === token.start) return 'open';
      if (q.span[1] === token.end) return 'close';
    }
  }
  if (OPEN_QUOTE_MARKS.has(token.text)) return 'open';
  if (CLOSE_QUOTE_MARKS.has(token.text) && token.text !== '’') return 'close';
  return undefined;
}

/** Token range of the innermost quotation content that holds token `i`, else the whole unit. */
function scopeOf(tokens: Token[], i: number, quotes: QuoteSpan[]): Scope {
  const at = tokens[i]?.start ?? 0;
  let best: QuoteSpan | undefined;
  let pool = quotes;
  if (index?.tokens === tokens) {
    // The last few quotations opening before the token (nesting is shallow).
    const sorted = index.byContent;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.contentSpan[0] ?? 0) <= at) lo = mid + 1;
      else hi = mid;
    }
    pool = sorted.slice(Math.max(0, lo - 8), lo);
  }
  for (const q of pool) {
    if (q.contentSpan[0] <= at && at < q.contentSpan[1]) {
      if (
        best === undefined ||
        q.contentSpan[1] - q.contentSpan[0] < best.contentSpan[1] - best.contentSpan[0]
      )
        best = q;
    }
  }
  if (best === undefined) return { lo: 0, hi: tokens.length };
  const [cs, ce] = best.contentSpan;
  let lo = i;
  while (lo > 0 && (tokens[lo - 1]?.start ?? 0) >= cs) lo--;
  let hi = i;
  while (hi < tokens.length && (tokens[hi]?.end ?? 0) <= ce) hi++;
  return { lo, hi };
}

function spanOf(tokens: Token[], from: number, to: number): Span {
  return [tokens[from]?.start ?? 0, tokens[to - 1]?.end ?? 0];
}

/** Index just past the content, dropping final punctuation (but keeping a closing quote). */
function trimEnd(tokens: Token[], lo: number, hi: number): number {
  let end = hi;
  while (end > lo) {
    const t = tokens[end - 1] as Token;
    if (!t.word && (SENTENCE_END.has(t.text) || t.text === ',' || t.text === ';' || t.text === ':'))
      end--;
    else break;
  }
  return end;
}

function trimStart(tokens: Token[], lo: number, hi: number): number {
  let start = lo;
  while (start < hi) {
    const t = tokens[start] as Token;
    if (
      !t.word &&
      (t.text === ',' || t.text === ':' || t.text === ';' || t.text === '—' || t.text === '–')
    )
      start++;
    else break;
  }
  return start;
}

function wordCount(tokens: Token[], lo: number, hi: number): number {
  if (index?.tokens === tokens) {
    if (hi <= lo) return 0;
    return (
      (index.wordPrefix[Math.min(hi, tokens.length)] ?? 0) -
      (index.wordPrefix[Math.max(0, lo)] ?? 0)
    );
  }
  let n = 0;
  for (let k = lo; k < hi; k++) if (tokens[k]?.word) n++;
  return n;
}

/**
 * Part of speech of the word starting at an offset, from the shared wink token
 * table when the caller has one (set for the duration of `candidatesInUnit`).
 */
let posOf: ((offset: number) => string | undefined) | undefined;

/** Whether a lower-case word looks like a finite verb that ends a subject noun phrase. */
function verbLike(token: Token, next: Token | undefined): boolean {
  if (!token.word || isCapitalised(token)) return false;
  const pos = posOf?.(token.start);
  if (pos === 'AUX') return true;
  // A plural cue form the tagger reads as a noun ends no phrase: "refugee advocates said".
  // ("The warning echoed …": a singular "-ing" noun still ends it.)
  if (
    CUE_FORMS.has(token.lower) &&
    !NOUN_LIKE_CUES.has(token.lower) &&
    !(pos === 'NOUN' && /[^s]s$/u.test(token.lower))
  )
    return true;
  // "-ed" followed by a determiner or pronoun is a verb with its object ("showed one").
  if (/ed$/.test(token.lower) && token.lower.length > 4 && next !== undefined) {
    return DETERMINERS.has(next.lower) || PRONOUNS.has(next.lower) || isCapitalised(next);
  }
  return false;
}

/**
 * Noun phrase that ends just before token `end` (exclusive), scanning back to a
 * boundary. Returns its start index, or undefined when no plausible phrase is there.
 */
function npBefore(tokens: Token[], end: number, lo: number): number | undefined {
  let k = end - 1;
  let words = 0;
  while (k >= lo) {
    const t = tokens[k] as Token;
    if (t.text === ')' || t.text === ']') {
      // A bracketed aside inside the phrase: "one of the men (arrested in May)".
      const open = t.text === ')' ? '(' : '[';
      let j = k - 1;
      while (j >= lo && tokens[j]?.text !== open) j--;
      if (j < lo) break;
      k = j - 1;
      continue;
    }
    if (!t.word) {
      if (CLAUSE_PUNCT.has(t.text) || SENTENCE_END.has(t.text)) break;
      if (t.text === '.' || t.text === '?' || t.text === '!') break;
      k--;
      continue;
    }
    if (
      isFn(t, NP_STOPWORDS) &&
      !(t.lower === 'and' && words > 0 && isCapitalised(tokens[k - 1]))
    ) {
      // "and" joins two names ("Putin and his advisers") but ends the phrase after a clause.
      if (t.lower === 'and' || t.lower === 'or') {
        const prev = tokens[k - 1];
        if (
          prev !== undefined &&
          prev.word &&
          !verbLike(prev, t) &&
          words > 0 &&
          !NP_STOPWORDS.has(prev.lower)
        ) {
          k--;
          words++;
          continue;
        }
      }
      break;
    }
    if (verbLike(t, tokens[k + 1])) break;
    words++;
    if (words > MAX_NP) return undefined;
    k--;
  }
  const start = k + 1;
  if (start >= end || wordCount(tokens, start, end) === 0) return undefined;
  // Drop an introductory adverbial glued to the phrase ("On Monday Smith").
  return start;
}

/** Leading noun phrase of the clause starting at `lo` (subject of an elided-subject cue). */
function leadingNp(tokens: Token[], lo: number, hi: number): Span | undefined {
  let start = lo;
  // Skip an introductory phrase closed by a comma ("On Monday, the agency ...").
  const first = tokens[start];
  if (first !== undefined && NON_NP_OPENERS.has(first.lower)) {
    let j = start;
    while (j < hi && j < start + 12 && tokens[j]?.text !== ',') j++;
    if (tokens[j]?.text === ',') start = j + 1;
  }
  let end = start;
  while (end < hi && end < start + 8) {
    const t = tokens[end] as Token;
    if (!t.word) break;
    if (isFn(t, AUXILIARIES) || isFn(t, CUE_ADVERBS) || isFn(t, NP_STOPWORDS)) break;
    if (verbLike(t, tokens[end + 1])) break;
    if (/ed$/.test(t.lower) && end > start && !DETERMINERS.has(tokens[end - 1]?.lower ?? '')) break;
    // The tagger's verb ends the subject ("The captain quit, calling ...").
    if (end > start && posOf?.(t.start) === 'VERB') break;
    end++;
  }
  if (end === start) return undefined;
  return spanOf(tokens, start, end);
}

const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'DET', 'ADJ', 'PRON', 'NUM', 'PART']);

/**
 * Subject of the nearest clause before `end` ("Speaking in Salem, Lee went after
 * Roe, calling him ..." gives "Lee"): the comma- or dash-separated segments are
 * tried from the last one back, and a segment qualifies when it opens with a short
 * run of nominal words followed by the tagger's verb.
 */
function clauseSubject(tokens: Token[], lo: number, end: number): Span | undefined {
  if (posOf === undefined) return undefined;
  let segEnd = end;
  for (let guard = 0; guard < 4 && segEnd > lo; guard++) {
    let s = segEnd - 1;
    // Segments are short; the floor keeps a run-on sentence linear.
    const floor = Math.max(lo, segEnd - 60);
    while (s >= floor && !SEPARATORS.has(tokens[s]?.text ?? '') && tokens[s]?.text !== ';') s--;
    if (s < floor && floor > lo) return undefined;
    const segStart = s + 1;
    let v = segStart;
    let nominal = true;
    while (v < segEnd && v < segStart + 10) {
      const t = tokens[v] as Token;
      if (t.word) {
        const pos = posOf(t.start);
        if (pos === 'VERB' || pos === 'AUX') break;
        if (!SUBJECT_POS.has(pos ?? '') || isFn(t, NON_NP_OPENERS)) {
          nominal = false;
          break;
        }
      } else if (t.text !== '.' && t.text !== "'" && t.text !== '’' && t.text !== '-') {
        nominal = false;
        break;
      }
      v++;
    }
    if (nominal && v > segStart && v < segEnd && wordCount(tokens, segStart, v) > 0)
      return spanOf(tokens, segStart, v);
    segEnd = s;
  }
  return undefined;
}

/** Noun phrase starting at `from`, up to punctuation or a clause word; returns its end index. */
function npAfter(
  tokens: Token[],
  from: number,
  hi: number,
  stopAt: Set<string> = new Set(),
): number {
  let k = from;
  // A noun phrase is short; the bound keeps a run-on sentence linear.
  const limit = Math.min(hi, from + 30);
  while (k < limit) {
    const t = tokens[k] as Token;
    if (!t.word) {
      if (t.text === '(') {
        let j = k + 1;
        while (j < limit && tokens[j]?.text !== ')') j++;
        if (j < limit) {
          k = j + 1;
          continue;
        }
      }
      if (t.text === '-' || t.text === '&' || t.text === "'" || t.text === '’') {
        k++;
        continue;
      }
      break;
    }
    if (k > from && (isFn(t, NP_STOPWORDS) || isFn(t, stopAt) || isFn(t, SUBJECT_PRONOUNS))) break;
    if (k > from && verbLike(t, tokens[k + 1])) break;
    k++;
  }
  return k;
}

const TIME_WORDS = new Set([
  ...WEEKDAY_NAMES,
  'today',
  'yesterday',
  'tonight',
  'week',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
  ...MONTH_NAMES,
  ...MONTH_ABBREVIATIONS,
  'weekend',
  'earlier',
  'later',
  'recently',
]);
const SPEECH_EVENT_NOUNS = new Set([
  'statement',
  'interview',
  'speech',
  'post',
  'tweet',
  'letter',
  'release',
  'conference',
  'briefing',
  'email',
  'message',
  'video',
  'report',
  'appearance',
  'remarks',
  'address',
  'op-ed',
  'filing',
  'memo',
  'podcast',
  'call',
  'rally',
  'hearing',
  'debate',
  'telephone',
  'phone',
  'twitter',
  'facebook',
  'television',
  'radio',
  'broadcast',
  'event',
  'news',
  'town',
  'session',
  'meeting',
  'campaign',
  'program',
  'show',
  'op',
  'note',
  'testimony',
  'documentary',
]);

/**
 * Skips adjuncts after a cue: times ("on Monday", "last week", "in January") and
 * speech events ("in a statement", "in an interview with CNN"). Returns the index
 * after them.
 */
/** Words of a bare time phrase after a cue ("late Thursday", "a few days later"). */
const TIME_PHRASE_WORDS = new Set([
  'late',
  'early',
  'later',
  'earlier',
  'a',
  'few',
  'several',
  'days',
  'weeks',
  'months',
  'ago',
  'the',
  'same',
  'day',
  'even',
]);

/**
 * Whether tokens [from, to) hold only a time phrase or "from" and a place name, with
 * no clause or object: what a byline ("Lee reported from Ely") or a dated report tag
 * leaves after the cue.
 */
function adjunctOnly(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to).filter((t) => t.word);
  if (words.length === 0) return false;
  if (words[0]?.lower === 'from' && words.length > 1)
    return words.slice(1).every((t) => isCapitalised(t));
  return words.every(
    (t) => (TIME_WORDS.has(t.lower) && t.lower !== 'may') || TIME_PHRASE_WORDS.has(t.lower),
  );
}

function skipAdjuncts(tokens: Token[], from: number, hi: number): number {
  let k = from;
  for (let guard = 0; guard < 4 && k < hi; guard++) {
    const t = tokens[k] as Token;
    if (TIME_WORDS.has(t.lower) && t.lower !== 'may') {
      k++;
      continue;
    }
    if (t.lower === 'last' || t.lower === 'this' || t.lower === 'next') {
      if (TIME_WORDS.has(tokens[k + 1]?.lower ?? '')) {
        k += 2;
        continue;
      }
      break;
    }
    if (
      ADJUNCT_OPENERS.has(t.lower) &&
      ['on', 'in', 'at', 'during', 'via', 'through', 'over'].includes(t.lower)
    ) {
      // Look ahead at most 6 tokens for a time word or a speech-event noun.
      let j = k + 1;
      let ok = false;
      while (j < hi && j < k + 7) {
        const u = tokens[j] as Token;
        if (!u.word) break;
        if (TIME_WORDS.has(u.lower) || SPEECH_EVENT_NOUNS.has(u.lower) || /^\d/.test(u.lower))
          ok = true;
        else if (ok && !DETERMINERS.has(u.lower) && !isCapitalised(u)) break;
        if (u.lower === 'that') break;
        j++;
        if (
          ok &&
          (tokens[j]?.lower === 'with' || tokens[j]?.lower === 'on' || tokens[j]?.lower === 'to')
        ) {
          // "in an interview with CNN", "in a post on Facebook"
          j = npAfter(tokens, j + 1, hi, new Set(['that']));
          break;
        }
      }
      if (!ok) break;
      k = j;
      continue;
    }
    break;
  }
  return k;
}

const TAIL_OPENERS = new Set([
  'when',
  'while',
  'as',
  'after',
  'before',
  'at',
  'during',
  'in',
  'on',
  'adding',
  'citing',
  'according',
  'who',
  'whose',
  'which',
  'though',
  'although',
  'referring',
  'noting',
  'urging',
  'speaking',
  'pointing',
  'explaining',
  'smiling',
  'laughing',
  'calling',
  'saying',
  'told',
  'to',
  'last',
  'this',
  'earlier',
  'later',
  'then',
  'recently',
  'back',
  'of',
]);

/** Whether what follows a source is a tail (adjunct, relative clause, participle), not content. */
function startsTail(tokens: Token[], at: number, hi: number): boolean {
  const end = trimEnd(tokens, at, hi);
  if (at >= end) return true;
  const t = tokens[at] as Token;
  if (t.text === ',' || t.text === '—' || t.text === '–' || t.text === '(') return true;
  return TAIL_OPENERS.has(t.lower);
}

/** Weak cues that may take a bare clause as content. */
const CLAUSE_TAKING = new Set([
  'fear',
  'hope',
  'expect',
  'feel',
  'know',
  'see',
  'show',
  'find',
  'agree',
  'learn',
  'worry',
  'add',
  'respond',
  'signal',
  'consider',
  'believe',
  'think',
  'doubt',
  'suspect',
  'guess',
  'reckon',
  'imagine',
  'remember',
  'recognize',
  'recognise',
]);

/** Whether a clause (a subject word, then a verb within a few tokens) starts at token k. */
function clauseStartsAt(tokens: Token[], k: number, hi: number): boolean {
  if (posOf === undefined) return false;
  const first = tokens[k];
  if (first === undefined || !first.word) return false;
  const pos = posOf(first.start);
  if (!['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ'].includes(pos ?? '')) return false;
  if (first.lower === 'it' && tokens[k + 1]?.lower === 'as') return false;
  for (let j = k + 1; j < Math.min(hi, k + 8); j++) {
    const t = tokens[j] as Token;
    if (!t.word) return false;
    const p = posOf(t.start);
    if (p === 'VERB' || p === 'AUX') return true;
  }
  return false;
}

/** Nouns that report a statement when a possessor and a that-clause go with them. */
const NOMINAL_CUES = new Map<string, string>([
  ['claim', 'claim'],
  ['claims', 'claim'],
  ['statement', 'state'],
  ['comment', 'comment'],
  ['comments', 'comment'],
  ['remark', 'remark'],
  ['remarks', 'remark'],
  ['assertion', 'assert'],
  ['warning', 'warn'],
  ['argument', 'argue'],
  ['belief', 'believe'],
  ['view', 'view'],
  ['suggestion', 'suggest'],
  ['insistence', 'insist'],
  ['accusation', 'accuse'],
  ['allegation', 'allege'],
  ['allegations', 'allege'],
  ['promise', 'promise'],
  ['pledge', 'pledge'],
  ['vow', 'vow'],
  ['announcement', 'announce'],
  ['admission', 'admit'],
  ['contention', 'contend'],
  ['prediction', 'predict'],
  ['fear', 'fear'],
  ['fears', 'fear'],
  ['hope', 'hope'],
  ['charge', 'charge'],
  ['report', 'report'],
  ['reports', 'report'],
  ['denial', 'deny'],
  ['insinuation', 'insinuate'],
  ['boast', 'boast'],
]);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);

/**
 * Nouns of stance that name their target or topic after a preposition ("his attacks
 * on Smith", "their concerns about the plan"). Nouns of mere position ("support for",
 * "stance on", "views on") are left out: on news text they name a topic more often
 * than a statement.
 */
const PREP_NOMINAL_CUES = new Map<string, { lemma: string; preps: string[] }>([
  ['criticism', { lemma: 'criticize', preps: ['of'] }],
  ['criticisms', { lemma: 'criticize', preps: ['of'] }],
  ['critique', { lemma: 'criticize', preps: ['of'] }],
  ['attack', { lemma: 'attack', preps: ['on', 'against'] }],
  ['attacks', { lemma: 'attack', preps: ['on', 'against'] }],
  ['praise', { lemma: 'praise', preps: ['for', 'of'] }],
  ['endorsement', { lemma: 'endorse', preps: ['of'] }],
  ['concern', { lemma: 'concern', preps: ['about', 'over'] }],
  ['concerns', { lemma: 'concern', preps: ['about', 'over'] }],
  ['complaint', { lemma: 'complain', preps: ['about'] }],
  ['complaints', { lemma: 'complain', preps: ['about'] }],
  ['warning', { lemma: 'warn', preps: ['about', 'against'] }],
  ['warnings', { lemma: 'warn', preps: ['about', 'against'] }],
  ['condemnation', { lemma: 'condemn', preps: ['of'] }],
  ['denunciation', { lemma: 'denounce', preps: ['of'] }],
  ['rejection', { lemma: 'reject', preps: ['of'] }],
  ['demand', { lemma: 'demand', preps: ['for'] }],
  ['demands', { lemma: 'demand', preps: ['for'] }],
  ['plea', { lemma: 'plead', preps: ['for'] }],
]);

/** The possessor right before a noun at `i` ("his", "Lee's"; one adjective may sit between). */
function possessorBefore(tokens: Token[], i: number): Span | undefined {
  let p = i - 1;
  if (!POSSESSIVES.has(tokens[p]?.lower ?? '') && !/['’]s$/u.test(tokens[p]?.text ?? '')) p = i - 2;
  const owner = tokens[p];
  if (owner === undefined) return undefined;
  if (POSSESSIVES.has(owner.lower)) return [owner.start, owner.end];
  if (/['’]s$/u.test(owner.text) && isCapitalised(owner)) {
    let first = p;
    while (first - 1 >= 0 && isCapitalised(tokens[first - 1]) && tokens[first - 1]?.word) first--;
    return [tokens[first]?.start ?? owner.start, owner.end - 2];
  }
  return undefined;
}

/**
 * Nominal attributions: "his claim that X", "Lee's warning that X" — the possessor
 * is the source, the noun the cue, the that-clause (to the next comma) the content;
 * "his attacks on X" — the noun and its preposition the cue, the object the content.
 */
function nominalCandidates(unit: Unit, tokens: Token[], quotes: QuoteSpan[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1]?.lower ?? '';
    const thatLemma = next === 'that' ? NOMINAL_CUES.get(t.lower) : undefined;
    const prepCue = PREP_NOMINAL_CUES.get(t.lower);
    const withPrep = prepCue !== undefined && prepCue.preps.includes(next);
    if (thatLemma === undefined && !withPrep) continue;
    const { hi } = scopeOf(tokens, i, quotes);
    if (thatLemma !== undefined && !clauseStartsAt(tokens, i + 2, hi)) continue;
    const source = possessorBefore(tokens, i);
    if (source === undefined) continue;
    if (thatLemma !== undefined) {
      let end = i + 2;
      while (end < hi && tokens[end]?.text !== ',' && tokens[end]?.text !== ';') end++;
      end = trimEnd(tokens, i + 1, end);
      if (end - (i + 1) < 3) continue;
      out.push({
        unit,
        pattern: 'nominal',
        lemma: thatLemma,
        cue: [t.start, t.end],
        source,
        content: spanOf(tokens, i + 1, end),
        contentFromPrevious: false,
        direct: false,
      });
      continue;
    }
    // The object of the preposition: a noun phrase, or a quotation.
    const from = i + 2;
    const quote = quoteAt(tokens, from, quotes);
    let end =
      quote !== undefined ? tokenIndexAt(tokens, quote.span[1], from) : npAfter(tokens, from, hi);
    // The phrase ends before the clause's verb ("his attacks on the board drew a reply").
    if (quote === undefined)
      for (let v = from + 1; v < end; v++) {
        const pos = posOf?.(tokens[v]?.start ?? -1);
        if (pos === 'VERB' || pos === 'AUX') {
          end = v;
          break;
        }
      }
    if (end <= from || wordCount(tokens, from, end) === 0) continue;
    out.push({
      unit,
      pattern: 'nominal',
      lemma: prepCue?.lemma ?? t.lower,
      cue: spanOf(tokens, i, i + 2),
      source,
      content: spanOf(tokens, from, trimEnd(tokens, from, end)),
      contentFromPrevious: false,
      direct: quote !== undefined,
    });
  }
  return out;
}

/** Cue hits (sorted by verb index) whose verb lies in [from, to]: a bisection, not a scan. */
function hitsNear(hits: CueHit[], from: number, to: number): CueHit[] {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid] as CueHit).verb < from) lo = mid + 1;
    else hi = mid;
  }
  const out: CueHit[] = [];
  for (let k = lo; k < hits.length && (hits[k] as CueHit).verb <= to; k++)
    out.push(hits[k] as CueHit);
  return out;
}

/** Head nouns of polls and their aggregates, cited with "in" ("leads in the latest poll"). */
const POLL_HEADS = new Set(['poll', 'survey']);

/**
 * "Lee leads Roe by 8 points in the latest poll" / "In a new survey, 40 percent
 * chose Lee": the preposition is the cue, the poll the source, the clause the
 * content. Left alone after a reporting verb ("said in a poll").
 */
function inPolls(
  unit: Unit,
  tokens: Token[],
  quotes: QuoteSpan[],
  hits: CueHit[],
  at: number[],
): Candidate[] {
  const out: Candidate[] = [];
  for (const i of at) {
    const t = tokens[i] as Token;
    if (t.lower !== 'in' || (t.text === 'In' && i > 0)) continue;
    let head = -1;
    // The poll phrase: up to eight words, with "/" and "-" inside names.
    for (let k = i + 1; k < Math.min(tokens.length, i + 10); k++) {
      const u = tokens[k] as Token;
      if (!u.word && !['/', '-', '’', "'", '.', '&'].includes(u.text)) break;
      if (u.word && POLL_HEADS.has(u.lower)) {
        head = k;
        break;
      }
      // Names and modifiers only: "in the latest Harbour Gazette poll", not "in five
      // states going to the polls".
      const pos = u.word ? posOf?.(u.start) : undefined;
      if (pos !== undefined && !['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM'].includes(pos)) break;
    }
    // A particular poll ("a", "the latest"), not "in the polls" at large.
    if (head < 0 || !DETERMINERS.has(tokens[i + 1]?.lower ?? '')) continue;
    if (hitsNear(hits, i - 4, i).some((h) => h.end === i || h.end >= i - 3)) continue;
    const { lo, hi } = scopeOf(tokens, i, quotes);
    if (lo !== 0 || hi !== tokens.length) continue;
    const source = spanOf(tokens, i + 1, head + 1);
    if (i === 0) {
      // "In a new survey, CONTENT": the content follows the phrase's comma.
      let c = head + 1;
      while (c < hi && tokens[c]?.text !== ',' && c < head + 8) c++;
      if (tokens[c]?.text !== ',') continue;
      const end = trimEnd(tokens, c + 1, hi);
      if (wordCount(tokens, c + 1, end) < 3) continue;
      out.push({
        unit,
        pattern: 'according-to',
        lemma: 'according to',
        cue: [t.start, t.end],
        source,
        content: spanOf(tokens, c + 1, end),
        contentFromPrevious: false,
        direct: false,
      });
      continue;
    }
    let start = i;
    while (start > Math.max(lo, i - 80) && !CLAUSE_PUNCT.has(tokens[start - 1]?.text ?? ''))
      start--;
    if (wordCount(tokens, start, i) < 3) continue;
    out.push({
      unit,
      pattern: 'according-to',
      lemma: 'according to',
      cue: [t.start, t.end],
      source,
      content: spanOf(tokens, start, trimEnd(tokens, start, i)),
      contentFromPrevious: false,
      direct: false,
    });
  }
  return out;
}

/** Verbs of appearance: their subject is the topic of the view, not its holder. */
const NO_HOLDER_CUES = new Set(['seem', 'appear']);

/** Past participles that, without an auxiliary, describe their noun ("also known as"). */
const DESCRIBING_PARTICIPLES = new Set(['known', 'expected', 'seen', 'considered', 'viewed']);

function noHolderParticiple(tokens: Token[], hit: CueHit): boolean {
  return hit.groupStart === hit.verb && DESCRIBING_PARTICIPLES.has(tokens[hit.verb]?.lower ?? '');
}

/**
 * Adverbs that mark a clause as hearsay with no named source. ("allegedly" is left
 * out: on news text it mostly qualifies a charge, not a report.)
 */
const HEARSAY_ADVERBS = new Map([['reportedly', 'report']]);

/**
 * "The agency is reportedly planning cuts": the adverb is the cue and its clause
 * the content, with no source. Left to the verb when the adverb sits in a
 * reporting verb's group ("reportedly said").
 */
function hearsayAdverbs(
  unit: Unit,
  tokens: Token[],
  quotes: QuoteSpan[],
  hits: CueHit[],
  at: number[],
): Candidate[] {
  const out: Candidate[] = [];
  for (const i of at) {
    const t = tokens[i] as Token;
    const lemma = HEARSAY_ADVERBS.get(t.text);
    if (lemma === undefined) continue;
    if (hitsNear(hits, i, i + 8).some((h) => h.groupStart <= i)) continue;
    const { lo, hi } = scopeOf(tokens, i, quotes);
    if (lo !== 0 || hi !== tokens.length) continue;
    // The clause: back to the last clause mark, on to the end of the unit.
    let start = i;
    while (start > Math.max(lo, i - 80) && !CLAUSE_PUNCT.has(tokens[start - 1]?.text ?? ''))
      start--;
    const end = trimEnd(tokens, i + 1, hi);
    if (wordCount(tokens, start, end) < 3) continue;
    out.push({
      unit,
      pattern: 'passive',
      lemma,
      cue: [t.start, t.end],
      content: spanOf(tokens, start, end),
      contentFromPrevious: false,
      direct: false,
    });
  }
  return out;
}

/**
 * Verbs whose passive raises the subject of a to-infinitive and leaves the holder of
 * the view unnamed: "is said to", "is expected to", "is believed to", "is known to".
 */
const RAISING_PASSIVES = new Set([
  'say',
  'ask',
  'expect',
  'believe',
  'think',
  'report',
  'allege',
  'know',
  'consider',
  'predict',
  'estimate',
  'rumor',
  'rumour',
  'suspect',
]);

/**
 * "sees the plan as a gamble", "viewed him as weak": a short object, then "as" and a
 * verbless complement up to the next clause mark. "saw the ship as the sun set" has a
 * clause after "as", and "as well as" joins nouns.
 */
function asComplementAfter(tokens: Token[], from: number, hi: number): boolean {
  const limit = Math.min(hi, from + 10);
  for (let k = from + 1; k < limit; k++) {
    const t = tokens[k] as Token;
    if (!t.word) return false;
    if (t.lower !== 'as') continue;
    const next = tokens[k + 1];
    if (
      next === undefined ||
      !next.word ||
      ['well', 'soon', 'much', 'long', 'far', 'if', 'though'].includes(next.lower)
    )
      return false;
    if (SUBJECT_PRONOUNS.has(next.lower)) return false;
    for (let j = k + 1; j < Math.min(hi, k + 12); j++) {
      const w = tokens[j] as Token;
      if (!w.word) break;
      const pos = posOf?.(w.start);
      if (pos === 'VERB' || pos === 'AUX') return false;
    }
    return true;
  }
  return false;
}

/** Verbs of regarding whose passive takes an "as" complement: "is seen as", "was viewed as". */
const COMPLEMENT_PASSIVES = new Set(['see', 'view', 'consider']);

/** Cue forms whose noun reading by the tagger is trusted even after a verb or pronoun. */
const NOUN_FIRST = new Set([
  'attack',
  'attacks',
  'voice',
  'voices',
  'doubt',
  'doubts',
  'protest',
  'protests',
  'challenge',
  'challenges',
  'chant',
  'chants',
  'rant',
  'rants',
  'regret',
  'regrets',
  'suspect',
  'suspects',
  'forecast',
  'forecasts',
  'label',
  'labels',
  'guess',
]);

/**
 * "wants voters to know", "urged the council to act": a short object, then a
 * to-infinitive, after a verb that takes one.
 */
function objectThenInfinitive(tokens: Token[], lemma: string, from: number, hi: number): boolean {
  if (!INFINITIVE_CUES.has(lemma) || posOf === undefined) return false;
  for (let j = from + 1; j < Math.min(hi - 1, from + 5); j++) {
    const t = tokens[j] as Token;
    if (!t.word) return false;
    if (t.lower === 'to') return posOf(tokens[j + 1]?.start ?? -1) === 'VERB';
  }
  return false;
}

/** Verbs of evidence whose subject is a document, poll or record ("the poll shows X"). */
const EVIDENCE_CUES = new Set(['show', 'find', 'suggest', 'indicate', 'reveal']);

/**
 * Whether the subject of an evidence verb is a document, poll or record: its last
 * word, or any word of it ("a Marist poll for the Gazette released last week shows").
 */
function documentShows(
  tokens: Token[],
  lemma: string,
  sourceStart: number | undefined,
  sourceEnd: number,
): boolean {
  if (!EVIDENCE_CUES.has(lemma) || sourceStart === undefined) return false;
  if (DOCUMENT_HEADS.has(tokens[sourceEnd - 1]?.lower ?? '')) return true;
  for (let k = sourceStart; k < sourceEnd; k++) {
    if (DOCUMENT_HEADS.has(tokens[k]?.lower ?? '')) return true;
  }
  return false;
}

/**
 * "“...,” Smith notes." — a name after a quotation or comma and a verb form that
 * ends the clause: a report tag, whatever the tagger read ("notes" as a noun).
 */
function closesPostposedReport(tokens: Token[], i: number, quotes: QuoteSpan[]): boolean {
  const next = tokens[i + 1];
  if (next !== undefined && !(SENTENCE_END.has(next.text) || next.text === ',')) return false;
  if (!(tokens[i]?.lower ?? '').endsWith('s')) return false;
  let j = i - 1;
  while (j >= 0 && j > i - 4 && tokens[j]?.word && isCapitalised(tokens[j])) j--;
  if (j === i - 1 || j < 0) return false;
  const mark = tokens[j];
  return mark?.text === ',' || isQuoteToken(mark, quotes) === 'close';
}

/**
 * "by a reporter whether the plan had failed" after "asked": the agent (a noun phrase,
 * a lower-case title before a name allowed) and the question up to the next comma,
 * opened by a question word or "about".
 */
function askedByAgent(
  tokens: Token[],
  by: number,
  hi: number,
): { agent: Span; question: Span } | undefined {
  const from = by + 1;
  if (!isNpStartToken(tokens[from]) && !titleBeforeName(tokens, from, hi)) return undefined;
  const agentEnd = npAfter(
    tokens,
    from,
    hi,
    new Set([...QUESTION_OPENERS, 'about', 'to', 'on', 'in', 'at', 'during', 'last']),
  );
  if (agentEnd <= from) return undefined;
  let q = skipAdjuncts(tokens, agentEnd, hi);
  if (tokens[q]?.text === ',') q++;
  if (!QUESTION_OPENERS.has(tokens[q]?.lower ?? '') && tokens[q]?.lower !== 'about')
    return undefined;
  let qEnd = q;
  const qLimit = Math.min(hi, q + 80);
  while (qEnd < qLimit && tokens[qEnd]?.text !== ',' && !SENTENCE_END.has(tokens[qEnd]?.text ?? ''))
    qEnd++;
  if (qEnd - q < 3) return undefined;
  return { agent: spanOf(tokens, from, agentEnd), question: spanOf(tokens, q, qEnd) };
}

/**
 * Whether tokens [from, to) hold a verb or a quotation mark (a clause or a quotation,
 * not a bare adjunct). A long stretch counts as a clause without being read.
 */
function hasVerb(tokens: Token[], from: number, to: number): boolean {
  if (to - from > 40 || posOf === undefined) return true;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (!t.word) {
      if (OPEN_QUOTE_MARKS.has(t.text) || CLOSE_QUOTE_MARKS.has(t.text) || t.text === '"')
        return true;
      continue;
    }
    const pos = posOf(t.start);
    if (pos === 'VERB' || pos === 'AUX') return true;
  }
  return false;
}

/** Subordinators that open an adverbial clause before the main clause. */
const ADVERBIAL_SUBORDINATORS = new Set([
  'when',
  'while',
  'although',
  'though',
  'as',
  'after',
  'before',
  'if',
  'because',
  'since',
  'once',
  'unless',
  'whereas',
]);

/**
 * Whether the unit opens with an adverbial clause ("When the crowd cheered, …",
 * "Conceding that …, …", "Horrified at …, …"): a subordinator, or a participle the
 * tagger reads as a verb.
 */
function opensAdverbialClause(tokens: Token[], lo: number): boolean {
  const t = tokens[lo];
  if (t === undefined || !t.word) return false;
  if (ADVERBIAL_SUBORDINATORS.has(t.lower)) return true;
  return /(?:ing|ed)$/u.test(t.lower) && posOf?.(t.start) === 'VERB';
}

/** Quantifiers that stand alone as a subject ("Most say", "Some think"). */
const QUANTIFIER_SUBJECTS = new Set([
  'some',
  'many',
  'most',
  'all',
  'both',
  'few',
  'half',
  'others',
  // Shares of a polled group: "a third say", "a majority say", "40 percent say".
  'third',
  'thirds',
  'quarter',
  'quarters',
  'fifths',
  'majority',
  'minority',
  'plurality',
  'percent',
]);

/**
 * "Six in 10 say …", "Most say …", "economists say …": "say", "think" and "believe"
 * have no noun reading after a number, a bare quantifier or a plural noun, whatever
 * the tagger says ("a say", "the final say" stay nouns).
 */
function countedSubjectSays(
  tokens: Token[],
  i: number,
  lemma: string,
  before: string | undefined,
): boolean {
  if (lemma !== 'say' && lemma !== 'think' && lemma !== 'believe') return false;
  if (/ing$/u.test(tokens[i]?.lower ?? '')) return false;
  const prev = tokens[i - 1];
  if (prev === undefined || !prev.word) return false;
  if (before === 'NUM' || QUANTIFIER_SUBJECTS.has(prev.lower)) return true;
  return before === 'NOUN' && /[^s]s$/u.test(prev.lower);
}

/**
 * "Lee notes that …", "the Harbour Gazette reports: …", "experts caution that …": a
 * cue word after a name or noun, with a that-clause, a colon or a quotation after it,
 * is a verb whatever the tagger says (after a determiner or adjective, "the claims
 * that …" stays a noun).
 */
function namedSubjectThenClause(
  tokens: Token[],
  i: number,
  before: string | undefined,
  quotes: QuoteSpan[],
): boolean {
  if (before !== 'PROPN' && before !== 'NOUN') return false;
  const next = tokens[i + 1];
  // "states that vote later", "reports that track spending": a relative "that" is
  // followed by its verb, a complement "that" by the clause's subject.
  if (next?.lower === 'that') {
    const pos = posOf?.(tokens[i + 2]?.start ?? -1);
    return pos !== 'VERB' && pos !== 'AUX';
  }
  // "the reality show “Star Chef”" names a programme.
  if (/^shows?$/u.test(tokens[i]?.lower ?? '')) return false;
  return next?.text === ':' || quoteAt(tokens, i + 1, quotes) !== undefined;
}

/**
 * "calling Smith a fraud", "called his plan “a disgrace”": an object phrase, then
 * the label the speaker gives it (an indefinite noun phrase or a quotation).
 */
function namesAs(tokens: Token[], from: number, hi: number, quotes: QuoteSpan[]): boolean {
  // "called him divisive": a pronoun object, then a bare adjective or noun.
  const first = tokens[from];
  if (first !== undefined && OBJECT_PRONOUNS.has(first.lower)) {
    const pos = posOf?.(tokens[from + 1]?.start ?? -1);
    if (pos === 'ADJ' || pos === 'NOUN') return true;
  }
  // "called the plan, which ..., “a disgrace”": a quotation a little further on.
  for (let k = from + 1; k < Math.min(hi, from + 14); k++) {
    if (quoteAt(tokens, k, quotes) !== undefined) return true;
    if (SENTENCE_END.has(tokens[k]?.text ?? '') || tokens[k]?.lower === 'that') break;
  }
  const objectEnd = npAfter(tokens, from, hi, new Set(['a', 'an']));
  if (objectEnd <= from || objectEnd - from > 8) return false;
  const next = tokens[objectEnd];
  return (
    next?.lower === 'a' || next?.lower === 'an' || quoteAt(tokens, objectEnd, quotes) !== undefined
  );
}

/** Verbs of saying that report through a participle after a noun ("voters saying that"). */
const PARTICIPLE_REPORTS = new Set(['say', 'claim', 'suggest', 'argue', 'warn', 'insist', 'tell']);

/**
 * "911 calls saying shots had been fired", "an item suggesting that ...": a saying
 * participle right after a noun, with a that-clause, a quotation or a clause after it.
 */
function reducedRelativeReport(
  tokens: Token[],
  i: number,
  lemma: string,
  quotes: QuoteSpan[],
): boolean {
  if (!PARTICIPLE_REPORTS.has(lemma) || posOf === undefined) return false;
  const before = posOf(tokens[i - 1]?.start ?? -1);
  if (before !== 'NOUN' && before !== 'PROPN') return false;
  const next = tokens[i + 1];
  if (next === undefined) return false;
  if (next.lower === 'that' || quoteAt(tokens, i + 1, quotes) !== undefined) return true;
  // A bare clause only when it opens with a pronoun or determiner: "the men saying
  // grace sat down" has a noun object, not a clause.
  const opener = posOf(next.start);
  return (
    lemma !== 'tell' &&
    (opener === 'PRON' || opener === 'DET') &&
    clauseStartsAt(tokens, i + 1, tokens.length)
  );
}

const MAKE_FORMS = new Set(['make', 'makes', 'made', 'making']);

/** Lemma given to "be" + stance adjective cues. */
const STANCE_LEMMA = 'be-stance';

/** Adjectives of attitude that, after "be", report their subject's stance. */
const STANCE_ADJECTIVES = new Set([
  'confident',
  'eager',
  'skeptical',
  'sceptical',
  'concerned',
  'willing',
  'unwilling',
  'critical',
  'aware',
  'convinced',
  'certain',
  'determined',
  'proud',
  'wary',
  'optimistic',
  'pessimistic',
  'hopeful',
  'adamant',
  'unhappy',
  'upset',
  'frustrated',
  'furious',
  'worried',
  'supportive',
  'upbeat',
  'doubtful',
  'dismissive',
  'open',
  'reluctant',
  'keen',
  'insistent',
  'fearful',
  'nervous',
  'anxious',
  'resigned',
]);

/** Words that join a stance adjective to its content. */
const STANCE_LINKS = new Set(['that', 'about', 'of', 'to', 'in', 'over', 'with', 'on', 'toward']);

/**
 * "is confident that", "was deeply skeptical of": "be", at most two adverbs, a
 * stance adjective and its link. Returns the adjective index and the cue end (the
 * preposition belongs to the cue; "that" and "to" open the content).
 */
function stanceAdjectiveCue(
  tokens: Token[],
  i: number,
): { adjective: number; end: number } | undefined {
  // The adjective first (cheap), then the adverbs before it.
  let k = i + 1;
  while (k < i + 4 && !STANCE_ADJECTIVES.has(tokens[k]?.lower ?? '')) k++;
  if (k === i + 4) return undefined;
  for (let a = i + 1; a < k; a++) if (!isAdverb(tokens[a])) return undefined;
  const adjective = tokens[k] as Token;
  const link = tokens[k + 1]?.lower ?? '';
  if (!STANCE_LINKS.has(link)) return undefined;
  // "open to" is a stance; "open on Sunday" is not.
  if (adjective.lower === 'open' && link !== 'to') return undefined;
  return { adjective: k, end: link === 'that' || link === 'to' ? k + 1 : k + 2 };
}

/** Light verbs that report with a noun of speech ("made a statement", "raised concerns"). */
const LIGHT_VERBS = new Set([
  ...MAKE_FORMS,
  'issue',
  'issues',
  'issued',
  'issuing',
  'raise',
  'raises',
  'raised',
  'raising',
  'level',
  'levels',
  'leveled',
  'levelled',
  'leveling',
]);

/** Nouns of speech that a light verb turns into a cue. */
const SPEECH_NOUNS = new Set([
  'statement',
  'statements',
  'comment',
  'comments',
  'remark',
  'remarks',
  'case',
  'point',
  'call',
  'plea',
  'attack',
  'attacks',
  'charge',
  'charges',
  'allegation',
  'allegations',
  'accusation',
  'accusations',
  'reference',
  'references',
  'mention',
  'commitment',
  'promise',
  'promises',
  'pledge',
  'observation',
  'argument',
  'arguments',
  'claim',
  'claims',
  'announcement',
  'prediction',
  'predictions',
  'threat',
  'threats',
  'vow',
  'appeal',
  'demand',
  'demands',
  'apology',
  'warning',
  'warnings',
  'concern',
  'concerns',
  'question',
  'questions',
  'doubts',
  'objections',
  'criticism',
  'secret',
]);

/** Prepositions and "that" that join a light-verb cue to its content. */
const SPEECH_NOUN_LINKS = new Set(['of', 'about', 'on', 'for', 'against', 'to', 'over', 'that']);

/**
 * End (exclusive) of a light-verb cue starting at token i: the verb, at most four
 * determiners, adjectives or adverbs, a noun of speech, and its preposition.
 * "that" stays outside the cue (it opens the content).
 */
function lightVerbCue(tokens: Token[], i: number): number | undefined {
  let k = i + 1;
  for (let guard = 0; guard < 4 && k < tokens.length; guard++) {
    const t = tokens[k] as Token;
    if (!t.word || SPEECH_NOUNS.has(t.lower)) break;
    const pos = posOf?.(t.start);
    if (!(
      DETERMINERS.has(t.lower) ||
      pos === 'ADJ' ||
      pos === 'ADV' ||
      pos === 'DET' ||
      t.lower === 'no'
    ))
      return undefined;
    k++;
  }
  const noun = tokens[k];
  if (noun === undefined || !SPEECH_NOUNS.has(noun.lower)) return undefined;
  // "made no secret of" only; "raised the case" is not speech.
  if (noun.lower === 'secret' && tokens[k - 1]?.lower !== 'no') return undefined;
  const link = tokens[k + 1]?.lower ?? '';
  if (!SPEECH_NOUN_LINKS.has(link)) return undefined;
  // "a case of oak", "a point of order": only "the case for/against/that" argues.
  if ((noun.lower === 'case' || noun.lower === 'point') && link === 'of') return undefined;
  return link === 'that' ? k + 1 : k + 2;
}

/** Prepositions that belong to a cue verb and introduce its content ("voted for"). */
/**
 * Verbs of action that report a stance or a remark only with their particle: "voted
 * against the bill", "weighed in", "focused on jobs", "pushed for a vote", "commented
 * on the case" (each kept on the PolNeAR train split by its own true/false hits).
 */
const PARTICLE_ONLY = new Set(['vote', 'weigh', 'focus', 'push', 'comment']);

const CUE_PARTICLES = new Map<string, string[]>([
  ['vote', ['for', 'against']],
  ['focus', ['on']],
  ['push', ['for']],
  ['comment', ['on']],
  ['side', ['with']],
  ['agree', ['with']],
  ['disagree', ['with']],
  ['apologize', ['for']],
  ['apologise', ['for']],
  ['allude', ['to']],
  ['weigh', ['in']],
  ['respond', ['to']],
  ['lobby', ['for', 'against']],
  ['campaign', ['for', 'against']],
  ['press', ['for']],
  ['complain', ['about']],
  ['worry', ['about']],
  ['care', ['about']],
]);

/**
 * Prepositions and subordinators that open a gerund clause whose subject is the
 * clause's own ("landed in trouble by saying ...", "after saying ...", "while
 * insisting ..."): the gerund is a cue of that subject.
 */
const GERUND_OPENERS = new Set([
  'by',
  'after',
  'before',
  'while',
  'when',
  'since',
  'without',
  'despite',
  'for',
  'from',
  'in',
  'as',
]);

/** Words that open an indirect question ("asked whether ..."). */
const QUESTION_OPENERS = new Set(['whether', 'if', 'who', 'what', 'how', 'why', 'when', 'where']);

/** Words that open a reduced "asked" clause ("when asked whether ..."). */
const ASKED_OPENERS = new Set(['when', 'after', 'once', 'if', 'as', 'before', 'until']);

/** Token indexes that findCues notes for the readers of hearsay adverbs and polls. */
interface CueMarks {
  hearsay: number[];
  inWords: number[];
}

interface CueHit {
  /** Token index of the reporting verb itself. */
  verb: number;
  /** First token of the verb group (auxiliaries included). */
  groupStart: number;
  /** Index after the cue. */
  end: number;
  lemma: string;
}

/**
 * Cue verbs of a unit. `titleCase`: a headline in title case ("Board Of Election
 * Finds"), where a capitalised verb is still a verb and the tagger's noun reading is
 * not trusted.
 */
export function findCues(
  tokens: Token[],
  quotes: QuoteSpan[],
  titleCase = false,
  marks?: CueMarks,
): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.word) continue;
    if (marks !== undefined) {
      if (t.lower === 'in') marks.inWords.push(i);
      else if (HEARSAY_ADVERBS.has(t.text)) marks.hearsay.push(i);
    }
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      hits.push({ verb: i, groupStart: i, end: i + 2, lemma: 'according to' });
      i++;
      continue;
    }
    // "made it clear that", "has made clear that": a light verb with "clear" reports.
    if (MAKE_FORMS.has(t.lower)) {
      const clear = tokens[i + 1]?.lower === 'it' ? i + 2 : i + 1;
      if (tokens[clear]?.lower === 'clear' && tokens[clear + 1]?.lower === 'that') {
        let groupStart = i;
        while (groupStart - 1 >= 0 && isFn(tokens[groupStart - 1], AUXILIARIES)) groupStart--;
        hits.push({ verb: i, groupStart, end: clear + 1, lemma: 'make clear' });
        i = clear;
        continue;
      }
    }
    // "is confident that", "was skeptical of", "are eager to": a stance adjective after "be".
    const stance = BE_FORMS.has(t.lower) ? stanceAdjectiveCue(tokens, i) : undefined;
    if (stance !== undefined) {
      let groupStart = i;
      while (groupStart - 1 >= 0 && isFn(tokens[groupStart - 1], AUXILIARIES)) groupStart--;
      hits.push({ verb: stance.adjective, groupStart, end: stance.end, lemma: STANCE_LEMMA });
      i = stance.end - 1;
      continue;
    }
    // "made several statements about", "raised concerns over", "issued a warning that":
    // a light verb and a noun of speech make one cue, with the preposition after it.
    const light = LIGHT_VERBS.has(t.lower) ? lightVerbCue(tokens, i) : undefined;
    if (light !== undefined) {
      let groupStart = i;
      while (groupStart - 1 >= 0 && isFn(tokens[groupStart - 1], AUXILIARIES)) groupStart--;
      hits.push({ verb: i, groupStart, end: light, lemma: 'remark' });
      i = light - 1;
      continue;
    }
    const lemma = CUE_FORMS.get(t.lower);
    if (lemma === undefined) continue;
    // The tagger knows "reports" in "files its reports" is a noun.
    const pos = titleCase ? undefined : posOf?.(t.start);
    if (pos !== undefined && pos !== 'VERB' && pos !== 'AUX') {
      // A nominal reading only counts after a noun-phrase word ("the report", "finance
      // reports"); after a pronoun or a comma the tagger is overruled ("he notes").
      const before = i > 0 ? posOf?.(tokens[i - 1]?.start ?? -1) : undefined;
      // "the records show", "polls suggest": after a document noun an evidence verb is a verb.
      const documentSubject =
        EVIDENCE_CUES.has(lemma) && DOCUMENT_HEADS.has(tokens[i - 1]?.lower ?? '');
      if (
        (before === undefined || ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP'].includes(before)) &&
        !closesPostposedReport(tokens, i, quotes) &&
        !documentSubject &&
        !namedSubjectThenClause(tokens, i, before, quotes) &&
        !countedSubjectSays(tokens, i, lemma, before)
      )
        continue;
    }
    // Attitude words that are nouns more often than verbs keep the tagger's noun reading
    // ("facing attack ads", "new voices").
    if (pos === 'NOUN' && NOUN_FIRST.has(t.lower)) continue;
    // "think tank" is a noun.
    if (lemma === 'think' && /^tanks?$/u.test(tokens[i + 1]?.lower ?? '')) continue;
    // "thanks to" is a preposition.
    if (t.lower === 'thanks' && tokens[i + 1]?.lower === 'to') continue;
    // "point" and "rail" report only with their particle ("pointed out", "railed against").
    if (lemma === 'point' && !['out', 'to'].includes(tokens[i + 1]?.lower ?? '')) continue;
    if (lemma === 'rail' && tokens[i + 1]?.lower !== 'against') continue;
    // Verbs of action that report a stance only with their particle ("voted against").
    if (
      PARTICLE_ONLY.has(lemma) &&
      CUE_PARTICLES.get(lemma)?.includes(tokens[i + 1]?.lower ?? '') !== true
    )
      continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const scope = scopeOf(tokens, i, quotes);
    // A capitalised form inside a clause is a name or a heading word, not a verb.
    if (isCapitalised(t) && i > scope.lo && !isQuoteToken(prev, quotes) && !titleCase) continue;
    // Nouns: "the report", "his claims", "Reuters' report of".
    if (NOUN_LIKE_CUES.has(t.lower) || /ed$/.test(t.lower)) {
      if (
        prev !== undefined &&
        (DETERMINERS.has(prev.lower) || prev.lower.endsWith("'s") || prev.lower.endsWith('’s'))
      ) {
        if (!(prev.lower === 'one' || prev.lower === 'that')) continue;
      }
      const prev2 = tokens[i - 2];
      if (
        NOUN_LIKE_CUES.has(t.lower) &&
        isCapitalised(prev) &&
        prev2 !== undefined &&
        (DETERMINERS.has(prev2.lower) || prev2.lower.endsWith('’s') || prev2.lower.endsWith("'s"))
      )
        continue;
      // (a noun-like cue before a comma is still a verb: "he adds, ...")
      if (
        NOUN_LIKE_CUES.has(t.lower) &&
        (next?.lower === 'of' || next?.lower === 'for' || next?.lower === 'and')
      ) {
        if (!((lemma === 'claim' || lemma === 'call') && next?.lower === 'for')) continue;
      }
    }
    // "-ing" forms: only as a participial adjunct (", saying ...") or after "was"/"is" or
    // after the object of a verb of perception ("showed him saying").
    if (t.lower.endsWith('ing')) {
      const okAfter =
        prev !== undefined &&
        (ING_PARTICIPLE_OK.has(prev.text) ||
          AUXILIARIES.has(prev.lower) ||
          prev.word ||
          // "… this race,” adding that …": the comma sits inside the quotation.
          isQuoteToken(prev, quotes) === 'close');
      // "Noting that …, Lee said": a participle opening the sentence with a that-clause.
      const opensWithClause =
        i === scope.lo && (next?.lower === 'that' || quoteAt(tokens, i + 1, quotes) !== undefined);
      if (!okAfter && !opensWithClause) continue;
      if (
        prev !== undefined &&
        prev.word &&
        !AUXILIARIES.has(prev.lower) &&
        !isFn(prev, GERUND_OPENERS) &&
        !coordinatedParticiple(tokens, i) &&
        withSubjectStart(tokens, i) === undefined
      ) {
        // "the men saying": accept when the phrase before follows a perception verb.
        let j = i - 1;
        while (
          j > scope.lo &&
          tokens[j]?.word &&
          !['show', 'see', 'hear'].includes(
            CUE_FORMS.get(tokens[j]?.lower ?? '') ??
              (['saw', 'seen', 'heard', 'hears', 'sees'].includes(tokens[j]?.lower ?? '')
                ? 'see'
                : ''),
          )
        )
          j--;
        const anchor = tokens[j];
        const anchorLemma =
          CUE_FORMS.get(anchor?.lower ?? '') ??
          (['saw', 'seen', 'heard', 'hears', 'sees'].includes(anchor?.lower ?? '') ? 'see' : '');
        if (
          (!['show', 'see', 'hear'].includes(anchorLemma) || i - j > 8) &&
          !reducedRelativeReport(tokens, i, lemma, quotes)
        )
          continue;
      }
    }
    // Verb group: auxiliaries and adverbs before the verb ("has also said").
    let g = i;
    let groupStart = i;
    // "went on to say", "continued to insist": the aspect verb and "to" join the group.
    if (tokens[i - 1]?.lower === 'to' && i - 2 >= scope.lo) {
      const aspect = ASPECT_VERBS.has(tokens[i - 2]?.lower ?? '')
        ? i - 2
        : tokens[i - 2]?.lower === 'on' && GO_FORMS.has(tokens[i - 3]?.lower ?? '')
          ? i - 3
          : -1;
      if (aspect >= scope.lo) {
        g = aspect;
        groupStart = aspect;
      }
    }
    while (g - 1 >= scope.lo) {
      const p = tokens[g - 1] as Token;
      if (isFn(p, AUXILIARIES)) {
        groupStart = g - 1;
        g--;
      } else if (isAdverb(p)) g--;
      else break;
    }
    let end = i + 1;
    // Particles that belong to the verb ("pointed out", "called for").
    if (lemma === 'point' || (next?.lower === 'out' && lemma !== 'find')) end = i + 2;
    if (lemma === 'call' && (next?.lower === 'for' || next?.lower === 'on')) end = i + 2;
    if (lemma === 'rail') end = i + 2;
    // "referring to", "talked about", "spoke about": the preposition belongs to the cue.
    if (
      (lemma === 'refer' && next?.lower === 'to') ||
      ((lemma === 'talk' || lemma === 'speak') && next?.lower === 'about') ||
      CUE_PARTICLES.get(lemma)?.includes(next?.lower ?? '') === true
    )
      end = i + 2;
    hits.push({ verb: i, groupStart, end, lemma });
  }
  return hits;
}

/**
 * Start of the subject of an absolute "with" clause ending just before token `i`
 * ("…, with the mayor of Ely calling …"): up to eight words back, none of them a
 * verb or clause word, the first after "with". Undefined when there is none.
 */
function withSubjectStart(tokens: Token[], i: number): number | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 9; j--) {
    const t = tokens[j] as Token;
    if (!t.word) {
      if (t.text === '.' || t.text === '-' || t.text === "'" || t.text === '’') continue;
      return undefined;
    }
    if (t.lower === 'with') return j + 1 < i ? j + 1 : undefined;
    const pos = posOf?.(t.start);
    if (t.lower === 'of') continue;
    if (pos === 'VERB' || pos === 'AUX' || pos === 'ADP' || isFn(t, NP_STOPWORDS)) return undefined;
  }
  return undefined;
}

/**
 * "..., criticizing the plan and calling for a vote": a participle coordinated with an
 * earlier participle or verb of the same clause shares its subject.
 */
function coordinatedParticiple(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev !== undefined && (prev.lower === 'and' || prev.lower === 'or');
}

/** Span of a quotation that opens at token index `k` (content after a cue), if any. */
function quoteAt(tokens: Token[], k: number, quotes: QuoteSpan[]): QuoteSpan | undefined {
  const t = tokens[k];
  if (t === undefined) return undefined;
  if (index?.tokens === tokens) return index.quoteByStart.get(t.start);
  return quotes.find((q) => q.span[0] === t.start);
}

function quoteEndingAt(tokens: Token[], k: number, quotes: QuoteSpan[]): QuoteSpan | undefined {
  const t = tokens[k];
  if (t === undefined) return undefined;
  if (index?.tokens === tokens) return index.quoteByEnd.get(t.end);
  return quotes.find((q) => q.span[1] === t.end);
}

/** Index of the first token starting at or after an offset, -1 if none. */
function firstTokenFrom(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}

/** Index of the token ending at or before an offset. */
function tokenIndexAt(tokens: Token[], offset: number, from: number): number {
  let k = from;
  while (k < tokens.length && (tokens[k]?.end ?? 0) <= offset) k++;
  return k;
}

/**
 * Lower-case words of a title or description right before a name, up to the
 * name's capital ("retired surgeon Ben Lane", "master of ceremonies Asa Tabor"):
 * after a quotation, "said" inverts over them too.
 */
function titleBeforeName(tokens: Token[], from: number, hi: number): boolean {
  for (let k = from; k < Math.min(hi, from + 5); k++) {
    const t = tokens[k];
    if (t === undefined || !t.word) return false;
    if (isCapitalised(t)) return k > from;
    // "said today in Ohio", "said later": an adjunct, not a title.
    if (k === from && (ADJUNCT_OPENERS.has(t.lower) || TIME_WORDS.has(t.lower))) return false;
  }
  return false;
}

function isNpStartToken(t: Token | undefined): boolean {
  if (t === undefined || !t.word) return false;
  return DETERMINERS.has(t.lower) || PRONOUNS.has(t.lower) || isCapitalised(t);
}

/** Finds attribution candidates in one unit. `quotes` are the quotations of the whole text. */
export function candidatesInUnit(
  unit: Unit,
  allQuotes: QuoteSpan[],
  isTitle: boolean,
  partOfSpeech?: (offset: number) => string | undefined,
): Candidate[] {
  posOf = partOfSpeech;
  try {
    return readUnit(unit, allQuotes, isTitle);
  } finally {
    posOf = undefined;
    index = undefined;
  }
}

function readUnit(unit: Unit, allQuotes: QuoteSpan[], isTitle: boolean): Candidate[] {
  const tokens = unit.tokens;
  // Text of the unit from an offset (token texts joined; enough to test a leading word).
  const unitText = (offset: number): string => {
    const k = firstTokenFrom(tokens, offset);
    return k < 0
      ? ''
      : tokens
          .slice(k, k + 2)
          .map((t) => t.text)
          .join(' ');
  };
  if (tokens.length === 0) return [];
  const quotes = allQuotes.filter((q) => q.span[0] >= unit.span[0] && q.span[1] <= unit.span[1]);
  const out: Candidate[] = [];
  index = buildIndex(tokens, quotes);
  const words = isTitle ? tokens.filter((t) => t.word) : [];
  const titleCase =
    words.length >= 4 && words.filter((t) => isCapitalised(t)).length >= 0.75 * words.length;
  const marks: CueMarks = { hearsay: [], inWords: [] };
  const hits = findCues(tokens, quotes, titleCase, marks);
  index.cueVerbs = hits.map((h) => h.verb);

  // Headline "Source: content".
  if (isTitle) {
    const colon = tokens.findIndex((t) => t.text === ':');
    if (
      colon > 0 &&
      colon <= 4 &&
      tokens.slice(0, colon).every((t) => isCapitalised(t)) &&
      colon + 2 < tokens.length
    ) {
      out.push({
        unit,
        pattern: 'headline',
        lemma: 'say',
        cue: spanOf(tokens, colon, colon + 1),
        source: spanOf(tokens, 0, colon),
        content: spanOf(tokens, colon + 1, trimEnd(tokens, colon + 1, tokens.length)),
        contentFromPrevious: false,
        direct: false,
      });
    }
  }

  out.push(...nominalCandidates(unit, tokens, quotes));
  if (marks.hearsay.length > 0)
    out.push(...hearsayAdverbs(unit, tokens, quotes, hits, marks.hearsay));
  if (marks.inWords.length > 0) out.push(...inPolls(unit, tokens, quotes, hits, marks.inWords));

  for (const hit of hits) {
    const scope = scopeOf(tokens, hit.verb, quotes);
    const { lo, hi } = scope;
    const cue = spanOf(tokens, hit.groupStart, hit.end);
    const push = (
      c: Omit<Candidate, 'unit' | 'lemma' | 'cue' | 'direct' | 'contentFromPrevious'> &
        Partial<Candidate>,
    ): void => {
      const content = c.content;
      if (content[1] <= content[0]) return;
      // Direct when a quotation covers the content, "that" before it allowed.
      const lead = /^that\s+/iu.test(unitText(content[0]))
        ? (/^that\s+/iu.exec(unitText(content[0]))?.[0].length ?? 0)
        : 0;
      const opening = [0, 1, -1]
        .map((d) => index?.quoteByStart.get(content[0] + lead + d))
        .find((q) => q !== undefined);
      const direct = opening !== undefined && opening.span[1] >= content[1] - 1;
      out.push({ unit, lemma: hit.lemma, cue, contentFromPrevious: false, direct, ...c });
    };

    // 1. according to
    if (hit.lemma === 'according to') {
      const srcStart = hit.end;
      const srcEnd = npAfter(tokens, srcStart, hi, new Set(['that']));
      if (srcEnd <= srcStart) continue;
      const before = trimEnd(tokens, lo, hit.groupStart);
      // "In addition, according to the agency, X": a verbless opener is no content.
      if (
        wordCount(tokens, lo, hit.groupStart) <= 1 ||
        (!hasVerb(tokens, lo, hit.groupStart) && wordCount(tokens, srcEnd, hi) >= 3)
      ) {
        const cStart = trimStart(tokens, srcEnd, hi);
        const cEnd = trimEnd(tokens, cStart, hi);
        if (cEnd - cStart >= 2)
          push({
            pattern: 'according-to',
            source: spanOf(tokens, srcStart, srcEnd),
            content: spanOf(tokens, cStart, cEnd),
          });
      } else if (before > lo) {
        push({
          pattern: 'according-to',
          source: spanOf(tokens, srcStart, srcEnd),
          content: spanOf(tokens, lo, before),
        });
      }
      continue;
    }

    // 2. passive: "X was reported to Y by Z", "it has been reported", "X is said to ..."
    // "was first reported by", "was never mentioned by": adverbs between "be" and the verb.
    let bv = hit.verb - 1;
    // Only with an agent: "is strongly opposed to" stays a stance of its subject.
    // So with a raised infinitive or complement: "is widely expected to", "was widely seen as".
    const after = tokens[hit.end]?.lower;
    if (
      after === 'by' ||
      (after === 'to' && RAISING_PASSIVES.has(hit.lemma)) ||
      (after === 'as' && COMPLEMENT_PASSIVES.has(hit.lemma))
    )
      while (bv > hit.groupStart && (isAdverb(tokens[bv]) || isFn(tokens[bv], NEGATIONS))) bv--;
    const beforeVerb = tokens[bv];
    if (
      hit.lemma !== STANCE_LEMMA &&
      beforeVerb !== undefined &&
      isFn(beforeVerb, BE_FORMS) &&
      /ed$|said|told|shown|written|thought|found|known|seen/.test(tokens[hit.verb]?.lower ?? '')
    ) {
      let k = hit.end;
      let intermediary: Span | undefined;
      let source: Span | undefined;
      for (let guard = 0; guard < 3 && k < hi; guard++) {
        const t = tokens[k] as Token;
        if (t.lower === 'to' && isNpStartToken(tokens[k + 1])) {
          const e = npAfter(tokens, k + 1, hi, new Set(['by']));
          intermediary = spanOf(tokens, k + 1, e);
          k = e;
        } else if (
          t.lower === 'by' &&
          (isNpStartToken(tokens[k + 1]) || titleBeforeName(tokens, k + 1, hi))
        ) {
          const e = npAfter(tokens, k + 1, hi, new Set(['to']));
          source = spanOf(tokens, k + 1, e);
          k = e;
        } else break;
      }
      const subjectStart = npBefore(tokens, hit.groupStart, lo);
      const subject =
        subjectStart === undefined ? undefined : tokens.slice(subjectStart, hit.groupStart);
      const commaBefore = subjectStart !== undefined && tokens[subjectStart - 1]?.text === ',';
      if (
        subject !== undefined &&
        subject.length === 1 &&
        subject[0]?.lower === 'it' &&
        commaBefore
      ) {
        // "CONTENT, it has been reported."
        const cEnd = trimEnd(tokens, lo, (subjectStart ?? lo) - 1);
        push({ pattern: 'passive', source, intermediary, content: spanOf(tokens, lo, cEnd) });
        continue;
      }
      if (
        subject !== undefined &&
        subjectStart === lo &&
        STATEMENT_ANAPHORS.has(subject[0]?.lower ?? '') &&
        subject.length <= 3 &&
        (source !== undefined || intermediary !== undefined)
      ) {
        // "This was reported to Reuters by three sources." attributes what came before.
        push({
          pattern: 'passive',
          source,
          intermediary,
          content: spanOf(tokens, lo, hit.end),
          contentFromPrevious: true,
        });
        continue;
      }
      if (hit.lemma === 'ask') {
        // "X was asked (by Y), “...?”" / "was asked whether ...": the question is the
        // content, the asker (if named) the source.
        let q = k;
        if (tokens[q]?.text === ',' || tokens[q]?.text === ':') q++;
        const quoted = quoteAt(tokens, q, quotes);
        if (quoted !== undefined) {
          push({ pattern: 'passive', source, content: quoted.span });
          continue;
        }
        if (QUESTION_OPENERS.has(tokens[q]?.lower ?? '')) {
          let qEnd = q;
          const qLimit = Math.min(hi, q + 80);
          while (
            qEnd < qLimit &&
            tokens[qEnd]?.text !== ',' &&
            !SENTENCE_END.has(tokens[qEnd]?.text ?? '')
          )
            qEnd++;
          if (qEnd - q >= 3) {
            push({ pattern: 'passive', source, content: spanOf(tokens, q, qEnd) });
            continue;
          }
        }
      }
      if (source !== undefined && subjectStart !== undefined) {
        push({
          pattern: 'passive',
          source,
          intermediary,
          content: spanOf(tokens, subjectStart, hit.groupStart),
        });
        continue;
      }
      // "The bank, which has held rates, is expected to act": a subject with a clause set
      // off by commas has no plain noun phrase before the verb; the unit's opening clause is
      // the subject when no other cue stands before it.
      const raisedFrom =
        subjectStart ??
        (tokens[hit.groupStart - 1]?.text === ',' &&
        hit.groupStart - lo <= 40 &&
        !hitsNear(hits, lo, hit.groupStart).some((h) => h.verb < hit.groupStart)
          ? lo
          : undefined);
      if (
        ((RAISING_PASSIVES.has(hit.lemma) && tokens[hit.end]?.lower === 'to') ||
          // "The plan is seen as a gamble": a view held by no one named.
          (COMPLEMENT_PASSIVES.has(hit.lemma) && tokens[hit.end]?.lower === 'as')) &&
        raisedFrom !== undefined
      ) {
        // "He is said to have ...", "She is expected to win" — content with no named source.
        const cEnd = trimEnd(tokens, hit.end, hi);
        push({
          pattern: 'passive',
          content: [tokens[raisedFrom]?.start ?? 0, tokens[cEnd - 1]?.end ?? 0],
        });
        continue;
      }
      continue;
    }

    // 3. inverted: "CONTENT," said the source.
    const prevTok = tokens[hit.groupStart - 1];
    const prevIsComma = prevTok?.text === ',';
    const prevQuote = quoteEndingAt(tokens, hit.groupStart - 1, quotes);
    if (
      (prevIsComma || prevQuote !== undefined) &&
      // Inversion never has an auxiliary: "said the source", not "has said the source".
      hit.groupStart === hit.verb &&
      // A participle never inverts: ", calling Smith a fraud" has the subject before it.
      !(tokens[hit.verb]?.lower ?? '').endsWith('ing') &&
      // ", told Reuters": "tell" takes its hearer, not an inverted subject.
      !NEVER_INVERTED.has(hit.lemma) &&
      (isNpStartToken(tokens[hit.end]) ||
        (prevQuote !== undefined && titleBeforeName(tokens, hit.end, hi))) &&
      tokens[hit.end]?.lower !== 'that'
    ) {
      const srcEnd = npAfter(tokens, hit.end, hi);
      const afterSrc = skipAdjuncts(tokens, srcEnd, hi);
      const restWords = wordCount(tokens, afterSrc, trimEnd(tokens, afterSrc, hi));
      const srcWords = wordCount(tokens, hit.end, srcEnd);
      let srcFinal = srcEnd;
      // Appositive after the name: "said John Smith, a spokesman."
      // "said Jane Roe, 59, of Springfield" — a description running to the end.
      if (tokens[srcEnd]?.text === ',') {
        const end = trimEnd(tokens, srcEnd, hi);
        const restCount = wordCount(tokens, srcEnd + 1, end);
        const rest = restCount <= 20 ? tokens.slice(srcEnd + 1, end) : [];
        const clean =
          rest.length > 0 &&
          restCount <= 20 &&
          !rest.some((t) => t.lower === 'that' || isQuoteToken(t, quotes) !== undefined) &&
          !cueBetween(srcEnd, end);
        if (clean) srcFinal = end;
      }
      const afterQuote =
        prevQuote !== undefined ||
        (prevIsComma && quoteEndingAt(tokens, hit.groupStart - 2, quotes) !== undefined) ||
        (prevIsComma && isQuoteToken(tokens[hit.groupStart - 2], quotes) === 'close');
      const tailOk =
        restWords === 0 || srcFinal > srcEnd || (afterQuote && startsTail(tokens, srcEnd, hi));
      // After a plain clause only verbs of saying invert ("…, said Lee"); a stance or act
      // verb after a comma follows its own subject's appositive ("Lee, a senator, denounced
      // the remarks"), and the phrase after it is its object.
      const inverts = afterQuote || INVERTING_LEMMAS.has(hit.lemma);
      if (srcWords > 0 && srcWords <= 10 && tailOk && inverts) {
        let content: Span | undefined;
        if (prevQuote !== undefined) content = prevQuote.span;
        else {
          const cEnd = trimEnd(tokens, lo, hit.groupStart - 1);
          const q = quoteEndingAt(tokens, cEnd - 1, quotes) ?? quoteEndingAt(tokens, cEnd, quotes);
          content =
            q !== undefined && q.span[0] >= (tokens[lo]?.start ?? 0)
              ? [q.span[0], tokens[cEnd - 1]?.end ?? q.span[1]]
              : spanOf(tokens, lo, cEnd);
          if (q !== undefined && q.span[0] >= (tokens[lo]?.start ?? 0))
            content = [tokens[lo]?.start ?? 0, q.span[1]];
        }
        if (content[1] > content[0]) {
          push({ pattern: 'inverted', source: spanOf(tokens, hit.end, srcFinal), content });
          continue;
        }
      }
    }

    // Source before the cue, with appositives and relative clauses set off by commas.
    let sourceStart: number | undefined;
    let sourceEnd = hit.groupStart;
    // Adverbs between subject and verb group ("X also said") are not the subject.
    while (sourceEnd - 1 >= lo && isAdverb(tokens[sourceEnd - 1])) sourceEnd--;
    let elided = false;
    const justBefore = tokens[sourceEnd - 1];
    // "to describe", "likely to say": an infinitive has its subject elsewhere.
    if (justBefore?.lower === 'to') continue;
    if (
      justBefore !== undefined &&
      ((isFn(justBefore, GERUND_OPENERS) && tokens[hit.verb]?.lower.endsWith('ing')) ||
        justBefore.lower === 'and' ||
        justBefore.lower === 'but' ||
        justBefore.lower === 'or' ||
        ((justBefore.text === ',' ||
          justBefore.text === '–' ||
          justBefore.text === '—' ||
          isQuoteToken(justBefore, quotes) === 'close') &&
          tokens[hit.verb]?.lower.endsWith('ing')))
    ) {
      elided = true;
    } else if (SEPARATORS.has(justBefore?.text ?? '') && sourceEnd - 1 > lo) {
      // SRC, APPOSITIVE, CUE   or   SRC, who ..., CUE
      const segments: [number, number][] = [];
      let segEnd = sourceEnd - 1;
      for (let guard = 0; guard < 4 && segEnd > lo; guard++) {
        let s = segEnd - 1;
        const floor = Math.max(lo, segEnd - 40);
        while (
          s >= floor &&
          !SEPARATORS.has(tokens[s]?.text ?? '') &&
          !SENTENCE_END.has(tokens[s]?.text ?? '') &&
          !isQuoteToken(tokens[s], quotes)
        )
          s--;
        segments.push([s + 1, segEnd]);
        if (!SEPARATORS.has(tokens[s]?.text ?? '')) break;
        segEnd = s;
      }
      const firstOf = (seg: [number, number]): Token | undefined => tokens[seg[0]];
      let chosen: number | undefined;
      let appositive: [number, number] | undefined;
      for (let idx = 0; idx < segments.length; idx++) {
        const seg = segments[idx] as [number, number];
        const head = firstOf(seg);
        if (head === undefined) break;
        if (
          RELATIVE_OPENERS.has(head.lower) ||
          (head.lower.endsWith('ing') && !isCapitalised(head))
        )
          continue;
        const words = wordCount(tokens, seg[0], seg[1]);
        // A lower-case appositive ("director of research at X") right after a name.
        const nameBefore = segments[idx + 1];
        const lowerAppositive =
          idx === 0 &&
          nameBefore !== undefined &&
          head.word &&
          !isCapitalised(head) &&
          !NON_NP_OPENERS.has(head.lower) &&
          !isFn(head, NP_STOPWORDS) &&
          words <= 12 &&
          isCapitalised(firstOf(nameBefore)) &&
          !NON_NP_OPENERS.has(firstOf(nameBefore)?.lower ?? '') &&
          wordCount(tokens, nameBefore[0], nameBefore[1]) <= 5;
        if (lowerAppositive) {
          chosen = nameBefore[0];
          appositive = seg;
          break;
        }
        if (!isNpStartToken(head) || NON_NP_OPENERS.has(head.lower) || words > MAX_NP) break;
        if (idx === 0 && segments.length > 1) {
          // Maybe an appositive: take the phrase before it when that is a name.
          const before = segments[1] as [number, number];
          const bHead = firstOf(before);
          if (
            bHead !== undefined &&
            isNpStartToken(bHead) &&
            !NON_NP_OPENERS.has(bHead.lower) &&
            wordCount(tokens, before[0], before[1]) <= 6
          ) {
            chosen = before[0];
            appositive = seg;
            break;
          }
          chosen = seg[0];
          break;
        }
        chosen = seg[0];
        break;
      }
      if (chosen !== undefined) {
        sourceStart = chosen;
        sourceEnd =
          appositive !== undefined
            ? appositive[1]
            : (segments.find((s) => s[0] === chosen)?.[1] ?? sourceEnd);
      }
    } else {
      sourceStart = npBefore(tokens, sourceEnd, lo);
      const stop = tokens[(sourceStart ?? sourceEnd) - 1];
      if (
        sourceStart === undefined &&
        stop !== undefined &&
        (stop.lower === 'which' || stop.lower === 'who') &&
        tokens[sourceEnd - 2]?.text === ','
      ) {
        // "the US, which warned ...": the antecedent is the phrase before the comma.
        let a = sourceEnd - 3;
        const aEnd = sourceEnd - 2;
        while (
          a >= lo &&
          (isCapitalised(tokens[a]) ||
            DETERMINERS.has(tokens[a]?.lower ?? '') ||
            tokens[a]?.text === '.')
        )
          a--;
        if (a + 1 < aEnd) {
          sourceStart = a + 1;
          sourceEnd = aEnd;
        }
      } else if (
        sourceStart !== undefined &&
        stop !== undefined &&
        (stop.lower === 'who' || stop.lower === 'which') &&
        sourceEnd - sourceStart === 1 &&
        PRONOUNS.has(tokens[sourceStart]?.lower ?? '')
      ) {
        // "people who it said were ..." keeps the pronoun as source.
      }
    }

    // "…, with Lee calling the plan a mistake": the noun phrase after "with" is the subject.
    const withStart = tokens[hit.verb]?.lower.endsWith('ing')
      ? withSubjectStart(tokens, hit.groupStart)
      : undefined;
    if (withStart !== undefined && withStart >= lo) {
      sourceStart = withStart;
      sourceEnd = hit.groupStart;
    }

    // What follows the cue.
    let k = hit.end;
    let intermediary: Span | undefined;
    let cueEnd = hit.end;
    if (
      RECIPIENT_VERBS.has(hit.lemma) &&
      k < hi &&
      tokens[k]?.word &&
      !['that', 'of', 'about', 'against', 'to'].includes(tokens[k]?.lower ?? '') &&
      !QUESTION_OPENERS.has(tokens[k]?.lower ?? '')
    ) {
      const rEnd = npAfter(
        tokens,
        k,
        hi,
        new Set([
          'that',
          'about',
          'of',
          'on',
          'in',
          'to',
          'against',
          'not',
          'he',
          'she',
          'they',
          'it',
          'we',
          'i',
          'whether',
          'if',
          'why',
          'how',
          'what',
          // A second noun phrase starts the content: "told reporters the crew was safe".
          'the',
          'a',
          'an',
          'his',
          'her',
          'its',
          'their',
          'this',
        ]),
      );
      const recipient = tokens.slice(k, rEnd);
      if (recipient.length > 0 && recipient.length <= 6) {
        if (recipient.every((t) => GENERIC_AUDIENCES.has(t.lower))) cueEnd = rEnd;
        else if (hit.lemma === 'tell' && recipient.some((t) => isCapitalised(t)))
          intermediary = spanOf(tokens, k, rEnd);
        k = rEnd;
      }
    }
    const afterRecipient = k;
    k = skipAdjuncts(tokens, k, hi);
    if (
      RECIPIENT_VERBS.has(hit.lemma) &&
      ['about', 'of', 'against'].includes(tokens[k]?.lower ?? '')
    )
      k++;
    if (tokens[k]?.text === ',' || tokens[k]?.text === ':') k++;
    const contentStart = k;
    const contentEndRaw = trimEnd(tokens, contentStart, hi);
    const openQuote = quoteAt(tokens, contentStart, quotes);
    const first = tokens[contentStart]?.lower;
    const hasMarker =
      first === 'that' ||
      openQuote !== undefined ||
      tokens[hit.end]?.text === ':' ||
      tokens[k - 1]?.text === ':' ||
      ((hit.lemma === 'ask' || hit.lemma === 'question' || hit.lemma === 'wonder') &&
        (first === 'whether' ||
          first === 'who' ||
          first === 'if' ||
          first === 'why' ||
          first === 'how' ||
          first === 'what')) ||
      (INFINITIVE_CUES.has(hit.lemma) && first === 'to') ||
      (hit.end - hit.verb > 1 &&
        ['refer', 'talk', 'speak', 'call', 'point', 'rail'].includes(hit.lemma)) ||
      (['support', 'oppose'].includes(hit.lemma) &&
        tokens[hit.verb]?.lower.endsWith('ed') !== true) ||
      (hit.lemma === 'worry' && first === 'about') ||
      (COMPLEMENT_PASSIVES.has(hit.lemma) && asComplementAfter(tokens, contentStart, hi)) ||
      (hit.lemma === 'ask' && tokens[contentStart - 1]?.lower === 'about') ||
      objectThenInfinitive(tokens, hit.lemma, contentStart, hi) ||
      documentShows(tokens, hit.lemma, sourceStart, sourceEnd);

    // "urged the council to act", "asked voters to wait": after a recipient, "to" opens
    // the content, not a tail.
    // Likewise right after the cue: "In May, Lee pledged to run" reports "to run", and the
    // adjunct before the subject is no content.
    const infinitiveContent =
      INFINITIVE_CUES.has(hit.lemma) &&
      tokens[skipAdjuncts(tokens, afterRecipient, hi)]?.lower === 'to';
    const infinitiveAfterRecipient = afterRecipient > hit.end && infinitiveContent;
    // 4. postposed: CONTENT, SRC CUE (adjuncts).
    const restWords = wordCount(tokens, contentStart, contentEndRaw);
    const wordsIn = (span: Span): number =>
      wordCount(tokens, firstTokenFrom(tokens, span[0]), tokenIndexAt(tokens, span[1], lo));
    const srcPrev = sourceStart === undefined ? undefined : tokens[sourceStart - 1];
    const srcPrevQuote =
      sourceStart === undefined ? undefined : quoteEndingAt(tokens, sourceStart - 1, quotes);
    // "In May, Lee told reporters about …": a phrase with no verb before the subject is
    // an adjunct, not what was said, when the cue has words of its own after it.
    // So is a verbless phrase ending in a short quoted title ("Sunday on the Morning
    // Show’s “Face the Week,” Lee said that …").
    const titleBefore =
      srcPrevQuote !== undefined &&
      (tokens[lo]?.start ?? 0) < srcPrevQuote.span[0] &&
      wordsIn(srcPrevQuote.contentSpan) <= 5 &&
      !hasVerb(tokens, lo, firstTokenFrom(tokens, srcPrevQuote.span[0]));
    const adjunctBefore =
      sourceStart !== undefined &&
      restWords > 0 &&
      (opensAdverbialClause(tokens, lo) ||
        (srcPrevQuote === undefined ? !hasVerb(tokens, lo, sourceStart - 1) : titleBefore));
    if (
      sourceStart !== undefined &&
      sourceStart > lo &&
      (srcPrev?.text === ',' || srcPrevQuote !== undefined) &&
      !adjunctBefore &&
      (restWords === 0 ||
        (intermediary !== undefined && restWords <= 3) ||
        // Right after a closing quotation the quotation is the content, whatever follows.
        (srcPrevQuote !== undefined && sourceEnd - sourceStart <= 8) ||
        // "Asked about X, Lee said, “...”": a comma or colon opening a quotation is not a tail.
        (startsTail(tokens, skipAdjuncts(tokens, afterRecipient, hi), hi) &&
          !infinitiveContent &&
          !(openQuote !== undefined && srcPrevQuote === undefined && restWords > 0)))
    ) {
      let cEnd = srcPrevQuote !== undefined ? sourceStart : sourceStart - 1;
      cEnd = trimEnd(tokens, lo, cEnd);
      if (
        srcPrevQuote === undefined &&
        tokens[cEnd - 1] !== undefined &&
        isQuoteToken(tokens[cEnd - 1], quotes) === 'close'
      ) {
        // keep the closing mark
      }
      if (cEnd > lo) {
        push({
          pattern: 'postposed',
          source: spanOf(tokens, sourceStart, sourceEnd),
          content: spanOf(tokens, lo, cEnd),
          intermediary,
        });
        if (cueEnd !== hit.end)
          (out[out.length - 1] as Candidate).cue = spanOf(tokens, hit.groupStart, cueEnd);
        continue;
      }
    }

    // "When asked by a reporter whether ...": who asked is the source, the question the content.
    if (
      sourceStart === undefined &&
      tokens[hit.verb]?.lower === 'asked' &&
      tokens[hit.end]?.lower === 'by' &&
      (hit.groupStart === lo || ASKED_OPENERS.has(justBefore?.lower ?? ''))
    ) {
      const asked = askedByAgent(tokens, hit.end, hi);
      if (asked !== undefined) {
        push({ pattern: 'passive', source: asked.agent, content: asked.question });
        continue;
      }
    }

    // 5. preposed: SRC CUE (that|:) CONTENT
    // Belief and perception verbs take a bare clause: "officials fear the storm will hit".
    const clauseFollows = CLAUSE_TAKING.has(hit.lemma) && clauseStartsAt(tokens, contentStart, hi);
    // Outside quotations only, and not for "I"/"we"/"you": those speak in the quoted
    // speaker's voice ("we are talking about a blast"), not as a reported stance.
    const plainObject =
      OBJECT_CUES.has(hit.lemma) &&
      sourceStart !== undefined &&
      lo === 0 &&
      hi === tokens.length &&
      !FIRST_SECOND_PERSON.has(tokens[sourceStart]?.lower ?? '') &&
      !(hit.lemma === 'ask' && tokens[hit.end]?.lower === 'for') &&
      posOf?.(tokens[hit.verb]?.start ?? -1) === 'VERB';
    if (WEAK_CUES.has(hit.lemma) && !hasMarker && !clauseFollows && !plainObject) {
      // "called it “...”": a quotation right after a short object.
      const q =
        quoteAt(tokens, contentStart + 1, quotes) ?? quoteAt(tokens, contentStart + 2, quotes);
      const showsSpeaker =
        hit.lemma === 'show' &&
        hits.some(
          (h) =>
            h.verb > contentStart &&
            h.verb <= contentStart + 9 &&
            (tokens[h.verb]?.lower ?? '').endsWith('ing'),
        );
      if (!(hit.lemma === 'call' && (q !== undefined || namesAs(tokens, contentStart, hi, quotes))))
        if (!showsSpeaker) continue;
    }
    // One word is a report only as a whole quotation set off by a comma or colon
    // ("said, “No.”"); otherwise it is a fragment.
    const setOffQuote =
      openQuote !== undefined &&
      [',', ':'].includes(tokens[contentStart - 1]?.text ?? '') &&
      restWords === 1;
    if (restWords < 2 && !setOffQuote) continue;
    let source: Span | undefined =
      sourceStart === undefined ? undefined : spanOf(tokens, sourceStart, sourceEnd);
    let pattern: PatternName = 'preposed';
    if (
      source === undefined &&
      tokens[hit.verb]?.lower === 'asked' &&
      QUESTION_OPENERS.has(first ?? '') &&
      (hit.groupStart === lo || ASKED_OPENERS.has(justBefore?.lower ?? ''))
    ) {
      // "Asked whether X, she said ...": the question put to the clause's subject; who
      // asked goes unnamed, and the question ends at a comma. ("Asked about the report,"
      // names a topic, not a question, and is left out.)
      let qEnd = contentStart;
      while (qEnd < contentEndRaw && tokens[qEnd]?.text !== ',') qEnd++;
      if (qEnd - contentStart >= 2)
        push({ pattern: 'passive', content: spanOf(tokens, contentStart, qEnd) });
      continue;
    }
    if (source === undefined) {
      if (
        !elided &&
        hit.groupStart > lo &&
        !(justBefore?.lower === 'who' || justBefore?.lower === 'which')
      ) {
        // Something stands before the cue that is not a subject: not an attribution we can read.
        if (!(justBefore !== undefined && (justBefore.text === ',' || justBefore.lower === 'and')))
          continue;
      }
      const previous = [...out]
        .reverse()
        .find((c) => c.unit === unit && c.source !== undefined && c.cue[1] <= cue[0]);
      source =
        previous?.source ??
        clauseSubject(tokens, lo, hit.groupStart) ??
        leadingNp(tokens, lo, hit.groupStart);
      pattern = 'elided-subject';
      if (source === undefined && hit.groupStart === lo && first === 'that') {
        // "Noting that X, Lee said ...": the participle's subject follows its clause.
        let comma = contentStart + 1;
        const commaLimit = Math.min(hi, contentStart + 60);
        while (
          comma < commaLimit &&
          tokens[comma]?.text !== ',' &&
          !isQuoteToken(tokens[comma], quotes)
        )
          comma++;
        const subject = tokens[comma]?.text === ',' ? leadingNp(tokens, comma + 1, hi) : undefined;
        if (subject !== undefined) {
          push({ pattern, source: subject, content: spanOf(tokens, contentStart, comma) });
          continue;
        }
      }
      if (source === undefined) continue;
    }
    let contentEnd = contentEndRaw;
    // "… via its official news agency": the relay, not part of what was said.
    for (let v = contentStart; v < contentEnd; v++) {
      if (tokens[v]?.lower === 'via' && isNpStartToken(tokens[v + 1])) {
        const e = npAfter(tokens, v + 1, contentEnd);
        if (trimEnd(tokens, e, contentEnd) === e || e >= contentEnd) {
          intermediary = spanOf(tokens, v + 1, e);
          contentEnd = trimEnd(tokens, contentStart, v);
        }
        break;
      }
    }
    // The person urged or asked is part of what is asked of them ("urged the council to act").
    let content: Span = spanOf(
      tokens,
      infinitiveAfterRecipient && intermediary === undefined ? hit.end : contentStart,
      contentEnd,
    );
    if (openQuote !== undefined && openQuote.span[1] >= (tokens[contentEnd - 1]?.end ?? 0) - 1)
      content = [openQuote.span[0], Math.max(openQuote.span[1], content[1])];
    if (
      source !== undefined &&
      (NO_HOLDER_CUES.has(hit.lemma) || noHolderParticiple(tokens, hit))
    ) {
      // "The plan seems to work": the subject is what the view is about, not who holds
      // it; the view is the writer's. The content runs from the subject.
      content = [source[0], content[1]];
      source = undefined;
    }
    // "Lee reported from Washington.", "the Post reported late Thursday": a place or time
    // adjunct alone is no content (a byline credit or a report whose content came before).
    if (openQuote === undefined && adjunctOnly(tokens, contentStart, contentEnd)) continue;
    push({ pattern, source, content, intermediary });
    if (cueEnd !== hit.end)
      (out[out.length - 1] as Candidate).cue = spanOf(tokens, hit.groupStart, cueEnd);
  }
  return dropNestedAttitudes(out);
}

/**
 * Attitude predicates whose holder is normally the speaker of a report around them
 * ("she said she believes ...", "he told me he would support ...").
 */
const ATTITUDE_LEMMAS = new Set([
  STANCE_LEMMA,
  'think',
  'believe',
  'want',
  'hope',
  'support',
  'oppose',
  'plan',
  'see',
  'know',
  'feel',
  'expect',
  'fear',
  'worry',
  'prefer',
  'seek',
  'consider',
  'doubt',
  'reckon',
  'suspect',
  'guess',
  'imagine',
  'remember',
  'recognize',
  'recognise',
  'wonder',
  'decide',
]);

/**
 * An attitude inside the indirect content of a speech report is part of what was
 * reported, not a second attribution: "Lee said she believes the vote is fair" is
 * one attribution to Lee whose content holds the belief.
 */
function dropNestedAttitudes(candidates: Candidate[]): Candidate[] {
  const reports = candidates.filter((c) => !ATTITUDE_LEMMAS.has(c.lemma) && !c.direct);
  if (reports.length === 0) return candidates;
  return candidates.filter(
    (c) =>
      !ATTITUDE_LEMMAS.has(c.lemma) ||
      !reports.some((r) => r.content[0] <= c.cue[0] && c.cue[1] <= r.content[1]),
  );
}

export { tokenIndexAt };
