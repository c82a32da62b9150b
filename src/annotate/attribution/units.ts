/**
 * Reading units for attribution: sentences (from ctx.sentences, or a simple
 * fallback splitter when the sentence layer gave none), merged when a quotation
 * runs across a sentence boundary inside one paragraph, and tokenised with
 * offsets.
 */
import type { BlockKind, Sentence, Span } from '../../core/index.ts';
import type { QuoteSpan } from '../quotes.ts';
import { paragraphSpans } from '../quotes.ts';
import type { TokenTable } from '../nlp.ts';
import { tokenAt } from '../nlp.ts';
import { MONTH_ABBREVIATIONS } from '../../core/words.ts';
import { CUE_FORMS, PRONOUNS } from './lexicon.ts';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Word (letters/digits) or punctuation. */
  word: boolean;
}

export interface Unit {
  /** Indices of the sentences the unit covers (first is the unit's sentence). */
  sentences: number[];
  span: Span;
  kind: BlockKind;
  /** Paragraph index (counted over the whole text). */
  paragraph: number;
  tokens: Token[];
}

/** Titles before a name keep their period as part of the token ("Ms. Acosta"). */
const TITLE_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'capt',
  'rev',
  'adm',
  'maj',
  'cmdr',
  'supt',
  'pres',
  'jr',
  'sr',
  'st',
  'messrs',
]);

/** Words whose period does not end a sentence: titles, months, and common short forms. */
const ABBREVIATIONS = new Set([
  ...TITLE_ABBREVIATIONS,
  ...MONTH_ABBREVIATIONS,
  'no',
  'vs',
  'inc',
  'corp',
  'co',
  'ltd',
  'u.s',
  'u.n',
  'u.k',
  'e.g',
  'i.e',
  'etc',
  'ft',
  'mt',
  'd.c',
  'a.m',
  'p.m',
  'fig',
]);

/**
 * Fallback sentence splitter used only when the sentence layer produced nothing:
 * ends a sentence at . ! ? (and closing quotes or brackets after them) followed by
 * a space and an upper-case letter, digit or opening quote, except after a known
 * abbreviation or a single initial.
 */
export function fallbackSentences(
  text: string,
  blocks: { kind: BlockKind; span: Span }[],
): Sentence[] {
  const sentences: Sentence[] = [];
  const blockList =
    blocks.length > 0 ? blocks : [{ kind: 'body' as BlockKind, span: [0, text.length] as Span }];
  blockList.forEach((block, blockIndex) => {
    const blockText = text.slice(block.span[0], block.span[1]);
    for (const [pStart, pEnd] of paragraphSpans(blockText)) {
      const base = block.span[0];
      let start = pStart;
      const re = /[.!?]+["”’')\]]*(?=\s+["“‘([]?[\p{Lu}\p{N}])/gu;
      const para = blockText.slice(pStart, pEnd);
      for (let m = re.exec(para); m !== null; m = re.exec(para)) {
        const at = pStart + m.index;
        const before = blockText.slice(start, at);
        const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
        if (m[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) {
          continue;
        }
        const end = at + m[0].length;
        sentences.push({
          index: sentences.length,
          span: [base + start, base + end],
          block: blockIndex,
          kind: block.kind,
        });
        start = end;
        while (start < pEnd && /\s/.test(blockText[start] ?? '')) start++;
      }
      if (start < pEnd) {
        sentences.push({
          index: sentences.length,
          span: [base + start, base + pEnd],
          block: blockIndex,
          kind: block.kind,
        });
      }
    }
  });
  return sentences;
}

// `` and '' are one quotation mark each (newswire style); in ''' the double mark is the
// last two apostrophes (a single mark closing inside a double one).
const TOKEN_RE =
  /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[.'’ʼ&-](?=[\p{L}\p{N}]))*\.?|''(?!')|``|[^\s\p{L}\p{N}]/gu;

/** Tokens of text[start, end) with absolute offsets. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m !== null; m = TOKEN_RE.exec(slice)) {
    let value = m[0];
    // Keep the final period of abbreviations ("U.S.") but not a sentence stop.
    if (
      value.length > 1 &&
      value.endsWith('.') &&
      !TITLE_ABBREVIATIONS.has(value.slice(0, -1).toLowerCase()) &&
      !/\.\p{L}+\.$/u.test(value) &&
      !/^\p{Lu}\.$/u.test(value)
    ) {
      value = value.slice(0, -1);
    }
    const s = start + m.index;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start: s,
      end: s + value.length,
      word: hasWordChar(value),
    });
    if (value.length < m[0].length) {
      tokens.push({
        text: '.',
        lower: '.',
        start: s + value.length,
        end: s + m[0].length,
        word: false,
      });
    }
  }
  return tokens;
}

/*
 * Character-class tests with an ASCII fast path: the Unicode regexes they stand
 * for cost more than the rest of the tokenising, and almost every character in
 * news text is ASCII. Any other character goes to the regex, so the answers are
 * the same.
 */

/** ASCII \s: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Whether text[from, to) is all whitespace (checked in place: no slice per token). */
function onlySpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code < 128 ? !isAsciiSpace(code) : !/\s/u.test(text[k] ?? '')) return false;
  }
  return true;
}

const SPACE_RUN_RE = /^\s+$/u;
const PLAIN_WORD_RE = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*$/u;
const LONE_MARK_RE = /^[^\s\p{L}\p{N}]$/u;
const HAS_WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** `SPACE_RUN_RE.test(value)`. */
function isSpaceRun(value: string): boolean {
  if (value === '') return false;
  for (let k = 0; k < value.length; k++) {
    const code = value.charCodeAt(k);
    if (code >= 128) return SPACE_RUN_RE.test(value);
    if (!isAsciiSpace(code)) return false;
  }
  return true;
}

/** `PLAIN_WORD_RE.test(value)`: letters, digits (and marks after the first). */
function isPlainWord(value: string): boolean {
  if (value === '') return false;
  for (let k = 0; k < value.length; k++) {
    const code = value.charCodeAt(k);
    if (code >= 128) return PLAIN_WORD_RE.test(value);
    if (!isAsciiLetterOrDigit(code)) return false;
  }
  return true;
}

/** `LONE_MARK_RE.test(value)`: one character that is neither space, letter nor digit. */
function isLoneMark(value: string): boolean {
  const code = value.charCodeAt(0);
  if (value.length !== 1 || code >= 128) return LONE_MARK_RE.test(value);
  return !isAsciiSpace(code) && !isAsciiLetterOrDigit(code);
}

/** `HAS_WORD_CHAR_RE.test(value)`: some letter or digit. */
function hasWordChar(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const code = value.charCodeAt(k);
    if (code >= 128) return HAS_WORD_CHAR_RE.test(value);
    if (isAsciiLetterOrDigit(code)) return true;
  }
  return false;
}

/** Marks that `TOKEN_RE` may join to a word or to each other ("U.S.", "don't", "''"). */
const JOINING_MARKS = new Set(['.', "'", '’', 'ʼ', '&', '-', '`']);

/**
 * Pushes the tokens of the chunk table[i..j] when they are plain words and lone
 * marks that `tokenize` would split the same way: no two words touching, no
 * joining mark, except a sentence period after a word that is no title ("said."
 * but not "Mr." or "J."), with no word after it. Returns false (pushing
 * nothing) for any other chunk, which then goes through `tokenize`.
 */
function pushSimpleChunk(
  text: string,
  table: TokenTable,
  i: number,
  j: number,
  tokens: Token[],
): boolean {
  // The text itself, not wink's value: a token wink rewrote must not change the output.
  const values: string[] = [];
  for (let k = i; k <= j; k++) values.push(text.slice(table.start[k] ?? 0, table.end[k] ?? 0));
  let prevWord = '';
  for (let k = 0; k < values.length; k++) {
    const value = values[k] ?? '';
    if (isPlainWord(value)) {
      if (prevWord !== '') return false;
      prevWord = value;
      continue;
    }
    if (!isLoneMark(value)) return false;
    if (JOINING_MARKS.has(value)) {
      const sentencePeriod =
        value === '.' &&
        prevWord !== '' &&
        !TITLE_ABBREVIATIONS.has(prevWord.toLowerCase()) &&
        !/^\p{Lu}$/u.test(prevWord) &&
        (k === values.length - 1 || !isPlainWord(values[k + 1] ?? ''));
      if (!sentencePeriod) return false;
    }
    prevWord = '';
  }
  for (let k = 0; k < values.length; k++) {
    const value = values[k] ?? '';
    const start = table.start[i + k] ?? 0;
    const word = isPlainWord(value);
    tokens.push({
      text: value,
      lower: word ? value.toLowerCase() : value,
      start,
      end: start + value.length,
      word,
    });
  }
  return true;
}

/**
 * Tokens of text[start, end) read off the shared wink token table instead of
 * scanning the text again. The table fixes where the whitespace-separated chunks
 * lie; a chunk that is one plain word or one punctuation mark becomes a token as
 * it is, and only the rest ("U.S.", "Mr.", "don't", "State-Khorasan") go through
 * `tokenize`, whose tokens never cross whitespace (a chunk running over an edge
 * of the span is cut there first). The result is the same as
 * `tokenize(text, start, end)`; undefined when the table does not cover the
 * span cleanly (text between tokens that is not space).
 */
export function tokensFromTable(
  text: string,
  table: TokenTable,
  start: number,
  end: number,
): Token[] | undefined {
  const tokens: Token[] = [];
  const isSpace = (k: number): boolean => isSpaceRun(table.value[k] ?? '');
  let i = tokenAt(table, start);
  // A token running over the start: its chunk is clipped to the span below.
  if (i > 0 && (table.end[i - 1] ?? 0) > start) i--;
  let cursor = start;
  while (i < table.count && (table.start[i] ?? 0) < end) {
    // Whitespace tokens (line breaks kept by wink) only separate chunks.
    if (isSpace(i)) {
      i++;
      continue;
    }
    // One chunk: tokens that touch each other with no space between.
    let j = i;
    let chunkEnd = table.end[i] ?? 0;
    while (
      j + 1 < table.count &&
      table.start[j + 1] === chunkEnd &&
      (table.end[j + 1] ?? 0) > chunkEnd &&
      !isSpace(j + 1)
    ) {
      j++;
      chunkEnd = table.end[j] ?? chunkEnd;
    }
    const from = Math.max(start, table.start[i] ?? 0);
    const to = Math.min(end, chunkEnd);
    if (!onlySpace(text, cursor, from)) return undefined;
    const whole = from === (table.start[i] ?? 0) && to === chunkEnd;
    const value = whole && i === j ? text.slice(from, to) : '';
    if (whole && i === j && isPlainWord(value)) {
      tokens.push({ text: value, lower: value.toLowerCase(), start: from, end: to, word: true });
    } else if (whole && i === j && isLoneMark(value)) {
      tokens.push({ text: value, lower: value, start: from, end: to, word: false });
    } else if (!(whole && pushSimpleChunk(text, table, i, j, tokens)) && to > from)
      tokens.push(...tokenize(text, from, to));
    cursor = Math.max(cursor, to);
    i = j + 1;
  }
  if (!onlySpace(text, cursor, end)) return undefined;
  return tokens;
}

/** Whether a top-level quotation (from index `q` on) ends at `end`, bar trailing spaces. */
function endsWithQuote(text: string, end: number, sorted: QuoteSpan[], q: number): boolean {
  let e = end;
  while (e > 0 && /\s/u.test(text[e - 1] ?? '')) e--;
  for (let k = q; k < sorted.length && (sorted[k]?.span[0] ?? 0) < e; k++)
    if (sorted[k]?.span[1] === e) return true;
  return false;
}

/**
 * Whether a sentence break between `prevEnd` and `start` falls inside an abbreviation
 * or a bracket: the next sentence opens with a comma, semicolon or closing bracket, or
 * with the rest of a dotted abbreviation ("C.), a member of ..."), or the last one ends
 * on a party-and-state tag cut short ("(D-W.").
 */
function splitAbbreviation(text: string, prevEnd: number, start: number): boolean {
  const head = text.slice(start, start + 8);
  if (/^[,;)\]]/u.test(head)) return true;
  if (/^\p{Lu}\.(?:\p{Lu}\.)*[),]/u.test(head)) return true;
  return /\(\p{Lu}-\p{Lu}\.$/u.test(text.slice(Math.max(0, prevEnd - 8), prevEnd));
}

/** Words that open a clause after a cue ("said he would", "said that"): not a short tag. */
const CLAUSE_WORDS = new Set([...PRONOUNS, 'that', 'this', 'the', 'a', 'an', 'it', 'there']);

/**
 * Whether a sentence is only a speech tag ("Lee said.", "Mr. Roe asked.", "Lee said
 * Tuesday."): at most eight words, a reporting verb, and at most two words after it
 * that do not open a clause. Such a tag after a quotation that closed the sentence
 * before ("…?” Lee said.") belongs to that quotation.
 */
function isSpeechTag(sentenceText: string): boolean {
  const words = sentenceText.match(/[\p{L}\p{N}’']+/gu) ?? [];
  if (words.length < 2 || words.length > 20) return false;
  if (!/^\p{Lu}/u.test(sentenceText.trimStart())) return false;
  if (/["“”«»]|''|``/u.test(sentenceText)) return false;
  for (let k = 1; k < Math.min(words.length, 8); k++) {
    if (CUE_FORMS.get((words[k] as string).toLowerCase()) === undefined) continue;
    const after = words.slice(k + 1).map((w) => w.toLowerCase());
    if (after.length <= 2 && !after.some((w) => CLAUSE_WORDS.has(w)))
      return k + 1 + after.length <= 8;
    // "… Lee said as she left the stage.": an adjunct clause or phrase, not what was said.
    return TAG_ADJUNCTS.has(after[0] ?? '') && !after.includes('that');
  }
  return false;
}

const TAG_ADJUNCTS = new Set([
  'as',
  'when',
  'while',
  'after',
  'before',
  'during',
  'of',
  'in',
  'on',
  'at',
]);

/**
 * Sentences grouped into units so that no quotation is cut in two; each unit
 * tokenised, from the shared token table when there is one.
 */
export function buildUnits(
  text: string,
  sentences: Sentence[],
  quotes: QuoteSpan[],
  table?: TokenTable,
  paragraphs: Span[] = paragraphSpans(text),
): Unit[] {
  const paragraphOf = (offset: number): number => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((paragraphs[mid]?.[0] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const units: Unit[] = [];
  let current: Omit<Unit, 'tokens'> | undefined;
  let q = 0;
  const sorted = quotes.filter((x) => x.depth === 0 && !x.multiParagraph);
  for (const sentence of sentences) {
    const paragraph = paragraphOf(sentence.span[0]);
    if (current !== undefined && current.paragraph === paragraph) {
      // Join when a quotation opened in the unit so far ends inside this sentence.
      const [uStart, uEnd] = current.span;
      while (q < sorted.length && (sorted[q]?.span[1] ?? 0) <= uStart) q++;
      let crossing = false;
      for (let k = q; k < sorted.length && (sorted[k]?.span[0] ?? 0) < uEnd; k++) {
        if ((sorted[k]?.span[1] ?? 0) > uEnd) {
          crossing = true;
          break;
        }
      }
      // "Sen. Ann Roe (D-N." + "Y.) said ...": a break inside an abbreviation or before a
      // comma or bracket is no sentence end.
      if (!crossing && splitAbbreviation(text, uEnd, sentence.span[0])) crossing = true;
      // "…?” Lee said.": a quotation closes the unit and a bare speech tag follows.
      if (
        !crossing &&
        sorted[q] !== undefined &&
        endsWithQuote(text, uEnd, sorted, q) &&
        isSpeechTag(text.slice(sentence.span[0], sentence.span[1]))
      )
        crossing = true;
      if (crossing) {
        current.span = [uStart, sentence.span[1]];
        current.sentences.push(sentence.index);
        continue;
      }
    }
    // "He said:" ending a paragraph, and the next paragraph opens with the quotation it
    // introduces: one unit, so the quotation is the content of the colon's cue.
    if (
      current !== undefined &&
      paragraph === current.paragraph + 1 &&
      current.kind === sentence.kind &&
      /:\s*$/u.test(text.slice(current.span[0], current.span[1])) &&
      /^["“'‘`]/u.test(text.slice(sentence.span[0], sentence.span[0] + 1))
    ) {
      current.span = [current.span[0], sentence.span[1]];
      current.sentences.push(sentence.index);
      current.paragraph = paragraph;
      continue;
    }
    if (current !== undefined) units.push({ ...current, tokens: [] });
    current = {
      sentences: [sentence.index],
      span: [...sentence.span],
      kind: sentence.kind,
      paragraph,
    };
  }
  if (current !== undefined) units.push({ ...current, tokens: [] });
  const useTable = table !== undefined && table.count > 0;
  for (const unit of units) {
    unit.tokens =
      (useTable ? tokensFromTable(text, table, unit.span[0], unit.span[1]) : undefined) ??
      tokenize(text, unit.span[0], unit.span[1]);
  }
  return units;
}
