/**
 * Counted quantities: a number (digits, words, "1.5m", "dozens"), the hedge that
 * bounds it, the noun it counts, the verb it is about, and a coarse measure so
 * that only like is compared with like later.
 *
 * Bounds by hedge (documented here because alignment relies on them):
 * - exact "143" → [143, 143]
 * - "at least", "no fewer than", "a minimum of" → [v, ∞)
 * - "more than", "over", "above", "upwards of", "in excess of", "just over" → (v, ∞)
 * - "fewer than", "less than", "under", "below", "just under" → [0, v)
 * - "up to", "at most", "no more than", "as many as", "a maximum of" → [0, v]
 * - "about", "around", "some", "approximately", "roughly", "an estimated",
 *   "nearly", "almost", "close to": "about"-like hedges give v ± 10 % ([0.9v, 1.1v]);
 *   "almost", "nearly", "close to" give [0.9v, v) — short of v, within 10 %
 * - "between a and b", "a to b", "a-b" → [a, b]
 * - "dozens" → [24, 100), "scores" → [40, 100), "hundreds" → [200, 1000),
 *   "thousands" → [2000, 10⁶), "tens of thousands" → [20000, 10⁵),
 *   "millions" → [2·10⁶, 10⁹)
 * Not counts: ordinals, years, numbers inside dates and times, clock times,
 * phone-like digit groups, "one" used as a pronoun ("one of the sources").
 */
import type { Bounds, Quantity, Span } from '../core/index.ts';
import type { AnnotationContext } from './context.ts';
import { tokenAt, type TokenTable } from './nlp.ts';
import { CARDINAL_WORDS } from '../core/words.ts';

const SKIPPED_KINDS = new Set(['byline', 'credit', 'dateline']);

/** Number words below one hundred, plus "dozen". */
const UNITS: Readonly<Record<string, number>> = { ...CARDINAL_WORDS, dozen: 12 };
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  b: 1e9,
  k: 1e3,
  tn: 1e12,
};
const VAGUE: Record<string, { value: number; bounds: Bounds }> = {
  dozens: { value: 24, bounds: { low: 24, high: 100, lowInclusive: true, highInclusive: false } },
  scores: { value: 40, bounds: { low: 40, high: 100, lowInclusive: true, highInclusive: false } },
  hundreds: {
    value: 200,
    bounds: { low: 200, high: 1000, lowInclusive: true, highInclusive: false },
  },
  thousands: {
    value: 2000,
    bounds: { low: 2000, high: 1e6, lowInclusive: true, highInclusive: false },
  },
  millions: {
    value: 2e6,
    bounds: { low: 2e6, high: 1e9, lowInclusive: true, highInclusive: false },
  },
};

type HedgeKind = 'at-least' | 'more-than' | 'less-than' | 'at-most' | 'about' | 'almost';
/** Hedges as lower-case word sequences, longest first. */
const HEDGES: [string, HedgeKind][] = (
  [
    ['no fewer than', 'at-least'],
    ['no less than', 'at-least'],
    ['a minimum of', 'at-least'],
    ['at least', 'at-least'],
    ['in excess of', 'more-than'],
    ['upwards of', 'more-than'],
    ['more than', 'more-than'],
    ['just over', 'more-than'],
    ['over', 'more-than'],
    ['above', 'more-than'],
    ['fewer than', 'less-than'],
    ['less than', 'less-than'],
    ['just under', 'less-than'],
    ['under', 'less-than'],
    ['below', 'less-than'],
    ['no more than', 'at-most'],
    ['a maximum of', 'at-most'],
    ['as many as', 'at-most'],
    ['at most', 'at-most'],
    ['up to', 'at-most'],
    ['an estimated', 'about'],
    ['approximately', 'about'],
    ['roughly', 'about'],
    ['around', 'about'],
    ['about', 'about'],
    ['some', 'about'],
    ['close to', 'almost'],
    ['almost', 'almost'],
    ['nearly', 'almost'],
  ] as [string, HedgeKind][]
).sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);
/** The hedges' words, split once: they are matched before every number. */
const HEDGE_WORDS: [string, HedgeKind, string[]][] = HEDGES.map(([words, kind]) => [
  words,
  kind,
  words.split(' '),
]);

const MEASURE_BY_PREDICATE: Record<string, string> = {
  die: 'casualties-dead',
  kill: 'casualties-dead',
  murder: 'casualties-dead',
  perish: 'casualties-dead',
  slay: 'casualties-dead',
  execute: 'casualties-dead',
  behead: 'casualties-dead',
  drown: 'casualties-dead',
  injure: 'casualties-injured',
  wound: 'casualties-injured',
  hurt: 'casualties-injured',
  hospitalize: 'casualties-injured',
  hospitalise: 'casualties-injured',
  arrest: 'arrests',
  detain: 'arrests',
  apprehend: 'arrests',
  capture: 'arrests',
  charge: 'arrests',
  evacuate: 'evacuated',
  displace: 'displaced',
  rescue: 'rescued',
};
const MEASURE_BY_NOUN: Record<string, string> = {
  dead: 'casualties-dead',
  death: 'casualties-dead',
  fatality: 'casualties-dead',
  body: 'casualties-dead',
  injured: 'casualties-injured',
  wounded: 'casualties-injured',
  injury: 'casualties-injured',
  casualty: 'casualties',
  arrest: 'arrests',
  percent: 'percent',
  '%': 'percent',
  dollar: 'money',
  euro: 'money',
  pound: 'money',
  rouble: 'money',
  ruble: 'money',
  yuan: 'money',
  rupee: 'money',
  source: 'sources',
  day: 'duration',
  week: 'duration',
  month: 'duration',
  year: 'duration',
  hour: 'duration',
  minute: 'duration',
  vote: 'votes',
};
const PEOPLE = new Set(
  (
    'people person man woman child boy girl suspect gunman terrorist soldier civilian resident ' +
    'worker member fighter militant attacker citizen migrant refugee student officer policeman ' +
    'police passenger victim hostage prisoner detainee adult teenager journalist official ' +
    'employee protester demonstrator voter individual agent troop staff guard doctor patient'
  ).split(' '),
);
/** Adjectives that stand for the counted people ("144 dead", "20 wounded"). */
const ADJ_HEADS = new Set(['dead', 'injured', 'wounded', 'missing', 'killed', 'hurt']);
/** Nouns whose plural is the singular. */
const SAME_PLURAL = new Set([
  'people',
  'police',
  'staff',
  'personnel',
  'cattle',
  'aircraft',
  'sheep',
  'fish',
  'deer',
  'crew',
  'livestock',
  'military',
  'youth',
]);
/** Verbs too general to say what a count is about. */
const LIGHT_VERBS = new Set(['be', 'have', 'include', 'do', 'get', 'make']);
/** How many sentences back "the four" may look for what four counted. */
const ANAPHORA_WINDOW = 10;
/** ...and at most this many earlier counts, so a text full of numbers stays linear. */
const ANAPHORA_MAX_BACK = 30;
const CURRENCY = new Set(['$', '£', '€', '¥', '₽', 'US$']);

/** Words that may start a number (everything else is skipped without a closer look). */
const NUMBER_WORDS = new Set([...Object.keys(UNITS), ...Object.keys(VAGUE), 'tens']);

const isDigits = (v: string): boolean => /^\d[\d,]*(?:\.\d+)?$/.test(v);

/** Parses digits with thousands separators, and a glued scale ("1.5m", "3bn"). */
export function parseNumber(v: string): number | undefined {
  const m = /^(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|b|tn)?$/i.exec(v);
  if (!m) return undefined;
  const digits = m[1] ?? '';
  if (digits.includes(',') && !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)) return undefined;
  const base = Number(digits.replace(/,/g, ''));
  const scale = m[2] ? (SCALES[m[2].toLowerCase()] ?? 1) : 1;
  return Number.isFinite(base) ? base * scale : undefined;
}

function boundsFor(value: number, hedge: HedgeKind | undefined): Bounds {
  switch (hedge) {
    case 'at-least':
      return { low: value, high: null, lowInclusive: true, highInclusive: false };
    case 'more-than':
      return { low: value, high: null, lowInclusive: false, highInclusive: false };
    case 'less-than':
      return { low: 0, high: value, lowInclusive: true, highInclusive: false };
    case 'at-most':
      return { low: 0, high: value, lowInclusive: true, highInclusive: true };
    case 'about':
      return {
        low: round(value * 0.9),
        high: round(value * 1.1),
        lowInclusive: true,
        highInclusive: true,
      };
    case 'almost':
      return { low: round(value * 0.9), high: value, lowInclusive: true, highInclusive: false };
    default:
      return { low: value, high: value, lowInclusive: true, highInclusive: true };
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

interface NumberRead {
  first: number;
  last: number;
  value: number;
  vague?: Bounds;
  currency?: boolean;
}

/** Reads a number starting at token i (digits, words, scales); undefined if none. */
function readNumber(t: TokenTable, i: number, end: number): NumberRead | undefined {
  const v = t.value[i] ?? '';
  const lower = v.toLowerCase();
  let value: number | undefined;
  let last = i;
  if (isDigits(v) || /^\d[\d,.]*(?:k|m|mn|bn|b|tn)$/i.test(v)) {
    value = parseNumber(v);
    // "1.5m": wink splits "1.5" and "m".
    const n = i + 1;
    if (value !== undefined && n < end && t.start[n] === t.end[i]) {
      const s = SCALES[(t.value[n] ?? '').toLowerCase()];
      if (s && /^[a-z]+$/i.test(t.value[n] ?? '')) {
        value *= s;
        last = n;
      }
    }
  } else if (UNITS[lower] !== undefined && lower !== 'dozen') {
    value = UNITS[lower];
    // "twenty five", "twenty-five"
    const hy = /^(\w+)-(\w+)$/.exec(lower);
    if (hy) value = (UNITS[hy[1] ?? ''] ?? 0) + (UNITS[hy[2] ?? ''] ?? 0);
  } else if (/^\w+-\w+$/.test(lower)) {
    const [a, b] = lower.split('-');
    const tens = UNITS[a ?? ''];
    const unit = UNITS[b ?? ''];
    if (tens !== undefined && unit !== undefined && tens >= 20 && unit < 10) value = tens + unit;
  } else if (VAGUE[lower]) {
    const vague = VAGUE[lower];
    // "tens of thousands"
    return { first: i, last: i, value: vague.value, vague: vague.bounds };
  } else if (lower === 'tens' && t.value[i + 2]?.toLowerCase() === 'thousands') {
    return {
      first: i,
      last: i + 2,
      value: 20000,
      vague: { low: 20000, high: 1e5, lowInclusive: true, highInclusive: false },
    };
  } else if (lower === 'dozen' && ['a', 'A'].includes(t.value[i - 1] ?? '')) {
    value = 12;
  }
  if (value === undefined) return undefined;
  // Following scale words: "1.5 million", "two hundred", "three thousand".
  for (let n = last + 1; n < end; n += 1) {
    if (t.pos[n] === 'SPACE') break;
    const w = (t.value[n] ?? '').toLowerCase();
    if (['hundred', 'thousand', 'million', 'billion', 'trillion', 'bn', 'mn'].includes(w)) {
      value *= SCALES[w] ?? 1;
      last = n;
    } else if (
      UNITS[w] !== undefined &&
      w !== 'dozen' &&
      value >= 20 &&
      value % 10 === 0 &&
      UNITS[w] < 10
    ) {
      value += UNITS[w] ?? 0;
      last = n;
    } else break;
  }
  const prev = t.value[i - 1] ?? '';
  return { first: i, last, value, currency: CURRENCY.has(prev) };
}

/**
 * Verbs that move a running figure to a new value: "the death toll has risen
 * to 14", "deaths fell from 20 to 9". The figure after "to" is current; the
 * one after "from" is the value it replaced.
 */
const CHANGE_VERBS = new Set(
  (
    'rise climb increase grow jump soar mount swell surge climb leap shoot edge creep go ' +
    'fall drop decline decrease dip sink slip plunge tumble shrink'
  ).split(' '),
);
/** Verbs that move or state a figure named by their object: "raised the toll to 14", "put the death toll at 12". */
const OBJECT_VERBS = new Set(
  'raise lower revise update bring push take put estimate place set peg increase cut reduce'.split(
    ' ',
  ),
);
/** Verbs that state where a figure is: "the toll stands at 14", "reached 14". */
const AT_VERBS = new Set(['stand', 'remain', 'stay', 'be']);
const REACH_VERBS = new Set(['reach', 'hit']);
/** Adverbs that mark a figure as one given before the current one. */
const SUPERSEDED = new Set(['earlier', 'previously', 'initially', 'originally', 'first']);
/** Nouns that name a running figure rather than what it counts: "death toll", "number of people killed". */
const FIGURE_NOUNS = new Set(['toll', 'number', 'count', 'tally', 'total', 'figure']);

/** What a change or statement of a figure says the figure counts, read from its subject or object. */
interface FigureFrame {
  /** True when a figure noun ("toll", "number of") names it, rather than a plain count noun. */
  figureNoun?: boolean;
  /** 'from' for the replaced figure of "from 12 to 14"; 'to' for a new value. */
  role?: 'from' | 'to';
  counted?: string;
  countedSpan?: Span;
  predicate?: string;
  measure?: string;
}

/** Lower-case singular of a noun token ("Arrests" tagged PROPN by wink → "arrest"). */
function singularAt(t: TokenTable, k: number): string {
  const lemma = (t.lemma[k] ?? t.value[k] ?? '').toLowerCase();
  if (t.pos[k] === 'NOUN' || MEASURE_BY_NOUN[lemma] || PEOPLE.has(lemma)) return lemma;
  if (/ies$/.test(lemma)) return lemma.replace(/ies$/, 'y');
  if (/[^s]s$/.test(lemma)) return lemma.slice(0, -1);
  return lemma;
}

/**
 * Reads the noun phrase in tokens [from, to) as the name of a figure: "the
 * death toll" → casualties-dead; "the number of people arrested" → people,
 * arrest, arrests; "arrests" → arrest; "the dead" → dead. Undefined when the
 * phrase names nothing countable (a pronoun, a verb).
 */
function figureNamedBy(t: TokenTable, from: number, to: number): FigureFrame | undefined {
  let k = from;
  while (k < to && ['DET', 'PRON', 'NUM'].includes(t.pos[k] ?? '')) k += 1;
  // "the dead", "the injured": an adjective standing for the people.
  const adj = lowerAt(t, k);
  if (k < to && ADJ_HEADS.has(adj) && !['NOUN', 'PROPN'].includes(t.pos[k + 1] ?? '')) {
    return {
      counted: adj,
      countedSpan: [t.start[k] ?? 0, t.end[k] ?? 0],
      ...(MEASURE_BY_NOUN[adj] ? { measure: MEASURE_BY_NOUN[adj] } : {}),
    };
  }
  while (k < to && t.pos[k] === 'ADJ') k += 1;
  if (k >= to || !['NOUN', 'PROPN'].includes(t.pos[k] ?? '')) return undefined;
  const first = k;
  while (k + 1 < to && ['NOUN', 'PROPN'].includes(t.pos[k + 1] ?? '')) k += 1;
  const head = singularAt(t, k);
  const span = (i: number): Span => [t.start[i] ?? 0, t.end[i] ?? 0];
  if (!FIGURE_NOUNS.has(head)) {
    // Only a count rises to a number of itself: "arrests rose to 30", "cases
    // climbed to 90"; "the price rose to 3" or "the river rose to 4" measure
    // something the number does not name.
    const plural = /s$/i.test(t.value[k] ?? '') && head !== lowerAt(t, k);
    if (!plural && !MEASURE_BY_NOUN[head] && !PEOPLE.has(head)) return undefined;
    const measure = MEASURE_BY_NOUN[head] ?? (PEOPLE.has(head) ? 'people' : head);
    return { counted: head, countedSpan: span(k), measure };
  }
  // "death toll", "casualty count": the modifier says what is counted.
  for (let m = first; m < k; m += 1) {
    const modifier = singularAt(t, m);
    const measure = MEASURE_BY_NOUN[modifier] ?? MEASURE_BY_PREDICATE[t.lemma[m] ?? ''];
    if (measure) return { measure, figureNoun: true };
  }
  // "number of people killed", "number of dead", "number of arrests".
  if (lowerAt(t, k + 1) === 'of') {
    let n = k + 2;
    while (n < to && (t.pos[n] === 'DET' || (t.pos[n] === 'ADJ' && !ADJ_HEADS.has(lowerAt(t, n)))))
      n += 1;
    const w = lowerAt(t, n);
    if (ADJ_HEADS.has(w) || (t.pos[n] === 'VERB' && MEASURE_BY_PREDICATE[t.lemma[n] ?? ''])) {
      const measure = MEASURE_BY_NOUN[w] ?? MEASURE_BY_PREDICATE[t.lemma[n] ?? ''];
      return {
        counted: w,
        countedSpan: span(n),
        figureNoun: true,
        ...(measure ? { measure } : {}),
      };
    }
    if (['NOUN', 'PROPN'].includes(t.pos[n] ?? '')) {
      const counted = singularAt(t, n);
      const participle = t.pos[n + 1] === 'VERB' ? (t.lemma[n + 1] ?? '').toLowerCase() : '';
      const byVerb = MEASURE_BY_PREDICATE[participle];
      const measure =
        (PEOPLE.has(counted) || !MEASURE_BY_NOUN[counted]) && byVerb
          ? byVerb
          : (MEASURE_BY_NOUN[counted] ?? (PEOPLE.has(counted) ? 'people' : counted));
      return {
        counted,
        countedSpan: span(n),
        figureNoun: true,
        ...(byVerb ? { predicate: participle } : {}),
        measure,
      };
    }
    return undefined;
  }
  // A bare "toll" in news is the death toll ("the toll rose to 14").
  if (head === 'toll') return { measure: 'casualties-dead', figureNoun: true };
  return undefined;
}

/** Index of the first token of the clause that ends before token `before`. */
function clauseStart(t: TokenTable, before: number, floor: number): number {
  let k = before - 1;
  while (k >= floor) {
    const w = lowerAt(t, k);
    const pos = t.pos[k] ?? '';
    if (/^[,;:—–(")“”]$/.test(w) || pos === 'SCONJ' || w === 'that' || w === 'which') break;
    k -= 1;
  }
  return k + 1;
}

/**
 * A figure after a change or a statement of a figure ("risen to 14", "from 12
 * to 14", "stands at 14", "reached 14", "put the death toll at 12"), with what
 * its subject or object says it counts. `at` is the first token of the figure
 * (its hedge included).
 */
function figureFrame(
  t: TokenTable,
  at: number,
  floor: number,
  end: number,
): FigureFrame | undefined {
  const before = lowerAt(t, at - 1);
  let role: FigureFrame['role'];
  let k = at - 2;
  if (before === 'to') {
    role = 'to';
    // "from 12 to 14": step over the earlier figure.
    let n = k;
    while (n >= floor && t.pos[n] === 'NUM') n -= 1;
    if (n < k && lowerAt(t, n) === 'from') k = n - 1;
  } else if (before === 'from') {
    role = 'from';
    // Only a change that goes on to a new value: "from 12 to 14".
    let n = at;
    while (n < end && t.pos[n] !== 'ADP') n += 1;
    if (lowerAt(t, n) !== 'to' || t.pos[n + 1] !== 'NUM') return undefined;
  } else if (before === 'at') {
    role = undefined;
  } else {
    k = at - 1;
  }
  while (k >= floor && (t.pos[k] === 'ADV' || /^(?:up|down)$/.test(lowerAt(t, k)))) k -= 1;
  if (k < floor) return undefined;
  const lemma = (t.lemma[k] ?? '').toLowerCase();
  let verb = -1;
  let object: [number, number] | undefined;
  if (t.pos[k] === 'VERB' || t.pos[k] === 'AUX') {
    const fits =
      before === 'at'
        ? AT_VERBS.has(lemma) || OBJECT_VERBS.has(lemma)
        : before === 'to' || before === 'from'
          ? CHANGE_VERBS.has(lemma)
          : REACH_VERBS.has(lemma);
    if (!fits) return undefined;
    verb = k;
  } else if ((before === 'to' || before === 'at') && ['NOUN', 'PROPN'].includes(t.pos[k] ?? '')) {
    // "raised the death toll to 14", "put the death toll at 12": the object names the figure.
    let n = k;
    while (n >= floor && ['NOUN', 'PROPN', 'ADJ', 'DET', 'PART'].includes(t.pos[n] ?? '')) n -= 1;
    if (n < floor || t.pos[n] !== 'VERB' || !OBJECT_VERBS.has((t.lemma[n] ?? '').toLowerCase()))
      return undefined;
    object = [n + 1, k + 1];
    verb = n;
  } else return undefined;
  // "had earlier put the death toll at 12", "initially rose to 9": a figure the
  // text gives as superseded, like the "from" of a change.
  for (let a = verb - 1; a >= floor && ['AUX', 'ADV', 'PART'].includes(t.pos[a] ?? ''); a -= 1)
    if (SUPERSEDED.has(lowerAt(t, a))) role = 'from';
  let named: FigureFrame | undefined;
  if (object) named = figureNamedBy(t, object[0], object[1]);
  else {
    // The subject: the clause before the verb and its auxiliaries.
    let s = verb - 1;
    while (s >= floor && ['AUX', 'ADV', 'PART'].includes(t.pos[s] ?? '')) s -= 1;
    named = figureNamedBy(t, clauseStart(t, s + 1, floor), s + 1);
  }
  if (!named) return undefined;
  return { ...named, ...(role ? { role } : {}) };
}

/** True when `at` lies in one of `spans` (sorted by start, non-overlapping): binary search. */
function inSpans(spans: Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid];
    if (!s) break;
    if (at < s[0]) hi = mid - 1;
    else if (at >= s[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Finds the counted quantities of an article. */
export function extractQuantities(ctx: AnnotationContext): void {
  const { article, tokens: t } = ctx;
  const text = article.text;
  const dateSpans = ctx.times.map((x) => x.span).sort((a, b) => a[0] - b[0]);
  for (const sentence of ctx.sentences) {
    if (SKIPPED_KINDS.has(sentence.kind)) continue;
    const first = tokenAt(t, sentence.span[0]);
    const end = tokenAt(t, sentence.span[1]);
    for (let i = first; i < end; i += 1) {
      const v = t.value[i] ?? '';
      if (!startsWithDigit(v) && !NUMBER_WORDS.has(v.toLowerCase()) && !isHyphenPair(v)) continue;
      if (inSpans(dateSpans, t.start[i] ?? 0)) continue;
      const read = readNumber(t, i, end);
      if (!read) continue;
      const q = interpret(ctx, t, text, read, first, end, sentence.index);
      i = read.last;
      if (!q) continue;
      ctx.quantities.push({ ...q, id: `q${ctx.quantities.length + 1}` });
      // A range ("10 to 20") used the second number too: go on after it.
      i = Math.max(i, tokenAt(t, q.span[1]) - 1);
    }
  }
}

/** `/^\d/`, without a regex run for each token of the text. */
function startsWithDigit(v: string): boolean {
  const c = v.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** `/^\w+-\w+$/` ("twenty-five"), tried only on tokens with a hyphen. */
function isHyphenPair(v: string): boolean {
  return v.includes('-') && /^\w+-\w+$/.test(v);
}

function lowerAt(t: TokenTable, i: number): string {
  return (t.value[i] ?? '').toLowerCase();
}

function interpret(
  ctx: AnnotationContext,
  t: TokenTable,
  text: string,
  read: NumberRead,
  floor: number,
  end: number,
  sentence: number,
): Omit<Quantity, 'id'> | undefined {
  const { first, last, value } = read;
  const raw = t.value[first] ?? '';
  const next = last + 1 < end ? last + 1 : -1;
  const nextV = next >= 0 ? lowerAt(t, next) : '';
  const prevV = first - 1 >= floor ? lowerAt(t, first - 1) : '';
  // Clock times, phone-like groups, decimals glued to letters, scores "3-1".
  if (nextV === ':' || /^(?:a\.?m\.?|p\.?m\.?|gmt|utc|o'clock|hrs)$/.test(nextV)) return undefined;
  if ((nextV === '-' || nextV === '/') && /^\d/.test(t.value[next + 1] ?? '')) return undefined;
  if (prevV === '-' || prevV === '/' || prevV === '#' || prevV === 'no.') return undefined;
  // Years: four digits in the usual range with nothing counted after them.
  if (/^(?:1[5-9]|20)\d\d$/.test(raw) && last === first) {
    const after = next >= 0 ? t.pos[next] : '';
    if (
      after !== 'NOUN' ||
      /^(?:election|campaign|race|budget|census|season|olympics|level)s?$/.test(nextV)
    )
      return undefined;
  }
  // "one" as a pronoun: "one of the sources", "One said".
  if (/^one$/i.test(raw) && last === first) {
    if (next < 0 || t.pos[next] !== 'NOUN') return undefined;
  }
  // Numbers inside names: "Apollo 11", "Section 8", "Twenty20".
  if (
    /^\d/.test(raw) &&
    first - 1 >= floor &&
    t.pos[first - 1] === 'PROPN' &&
    t.start[first] !== t.end[first - 1]
  ) {
    if (next < 0 || (t.pos[next] !== 'NOUN' && t.pos[next] !== 'ADJ')) return undefined;
  }
  // Ordinal suffix glued ("3rd") is tokenised apart by wink.
  if (/^(?:st|nd|rd|th)$/.test(nextV) && t.start[next] === t.end[last]) return undefined;

  // Hedge before the number.
  let hedge: string | undefined;
  let hedgeKind: HedgeKind | undefined;
  let hedgeStart = first;
  for (const [words, kind, parts] of HEDGE_WORDS) {
    const at = first - parts.length;
    if (at < floor) continue;
    let ok = true;
    for (let k = 0; k < parts.length && ok; k += 1) if (lowerAt(t, at + k) !== parts[k]) ok = false;
    if (ok) {
      hedge = words;
      hedgeKind = kind;
      hedgeStart = at;
      break;
    }
  }
  // "has gone up to 14", "climbed up to 14": the particle of a change verb, not a bound.
  if (
    hedge === 'up to' &&
    t.pos[hedgeStart - 1] === 'VERB' &&
    CHANGE_VERBS.has((t.lemma[hedgeStart - 1] ?? '').toLowerCase())
  ) {
    hedge = undefined;
    hedgeKind = undefined;
    hedgeStart = first;
  }
  let bounds: Bounds = read.vague ?? boundsFor(value, hedgeKind);
  let spanEnd = last;
  const frame = figureFrame(t, hedgeStart, floor, end);
  // Ranges: "between 10 and 20", "10 to 20", "10-20"; not "rose from 12 to 14".
  if (
    frame?.role !== 'from' &&
    (nextV === 'to' || nextV === 'and' || (nextV === '-' && t.start[next] === t.end[last]))
  ) {
    const other = next + 1 < end ? readNumber(t, next + 1, end) : undefined;
    const between = lowerAt(t, first - 1) === 'between';
    if (other && other.value > value && (nextV !== 'and' || between)) {
      bounds = { low: value, high: other.value, lowInclusive: true, highInclusive: true };
      hedge = between ? 'between' : 'range';
      if (between) hedgeStart = first - 1;
      spanEnd = other.last;
    }
  }

  // What is counted: the noun after the number, past adjectives, participles, "more".
  let counted: string | undefined;
  let countedSpan: Span | undefined;
  let headIndex = -1;
  let partitive = false;
  for (let k = spanEnd + 1, seen = 0; k < end && seen < 4; k += 1, seen += 1) {
    const pos = t.pos[k] ?? '';
    const w = lowerAt(t, k);
    if (pos === 'SPACE') break;
    // "thousands of shootings", "dozens of shops": the noun after "of" is counted.
    if (w === 'of' && read.vague && seen === 0 && t.pos[k + 1] === 'NOUN') {
      headIndex = k + 1;
      break;
    }
    if (
      w === 'of' &&
      (lowerAt(t, k + 1) === 'the' || lowerAt(t, k + 1) === 'them' || lowerAt(t, k + 1) === 'those')
    ) {
      partitive = true;
      break;
    }
    if (
      pos === 'NOUN' ||
      (pos === 'PROPN' && seen === 0 && /^\p{Lu}\p{Ll}+s$/u.test(t.value[k] ?? ''))
    ) {
      // Keep going over noun compounds: the head is the last noun ("security officials").
      headIndex = k;
      while (
        headIndex + 1 < end &&
        t.pos[headIndex + 1] === 'NOUN' &&
        t.start[headIndex + 1] !== t.end[headIndex]
      )
        headIndex += 1;
      break;
    }
    if (w === '%' || w === 'percent') {
      headIndex = k;
      break;
    }
    if (pos === 'ADJ' && ADJ_HEADS.has(w)) {
      headIndex = k;
      // "144 dead" stops here; "four dead soldiers" goes on to the noun.
      if (t.pos[k + 1] !== 'NOUN') break;
      continue;
    }
    if (
      pos === 'ADJ' ||
      (pos === 'VERB' && /(?:ed|en)$/.test(w)) ||
      w === 'more' ||
      w === 'other' ||
      w === 'additional' ||
      w === 'further' ||
      w === 'per'
    )
      continue;
    break;
  }
  if (headIndex >= 0) {
    const w = lowerAt(t, headIndex);
    counted =
      w === '%' ? 'percent' : ADJ_HEADS.has(w) ? w : (t.lemma[headIndex] ?? w).toLowerCase();
    countedSpan = [t.start[headIndex] ?? 0, t.end[headIndex] ?? 0];
    // More than one of something takes a plural noun: "911 caller", "Route 66
    // exit" are labels, not counts.
    const after = t.value[headIndex + 1] ?? '';
    const phraseEnds =
      after !== '-' && !['CCONJ', 'NOUN', 'ADJ', 'PROPN'].includes(t.pos[headIndex + 1] ?? '');
    const singular =
      phraseEnds &&
      t.pos[headIndex] === 'NOUN' &&
      counted === w &&
      !w.endsWith('s') &&
      !SAME_PLURAL.has(w);
    if (singular && value !== 1 && !read.vague && !/^(?:percent|per|dozen)$/.test(w))
      return undefined;
  }
  if (read.currency && !counted) counted = 'dollar';
  if (read.currency && counted && MEASURE_BY_NOUN[counted] !== 'money') counted = 'dollar';

  // Anaphora: "The four", "All four", "Three of the four": what an earlier count counted.
  let inherited: Quantity | undefined;
  if (!counted) {
    let target = value;
    if (partitive) {
      const after = readNumber(t, spanEnd + 3, end);
      if (after) target = after.value;
      else {
        // "one of the terrorists": the noun after "of the".
        const k = spanEnd + 3;
        if (t.pos[k] === 'NOUN') {
          counted = (t.lemma[k] ?? '').toLowerCase();
          countedSpan = [t.start[k] ?? 0, t.end[k] ?? 0];
        }
      }
    }
    if (!counted) {
      for (let k = ctx.quantities.length - 1; k >= 0; k -= 1) {
        const earlier = ctx.quantities[k];
        if (!earlier) continue;
        if (sentence - earlier.sentence > ANAPHORA_WINDOW) break;
        if (ctx.quantities.length - k > ANAPHORA_MAX_BACK) break;
        if (earlier.value === target && earlier.counted) {
          inherited = earlier;
          counted = earlier.counted;
          break;
        }
      }
    }
  }
  // A figure after a change ("the death toll has risen to 14"): its subject says
  // what it counts, unless the number names something itself ("to 5 percent").
  if (frame && (!counted || PEOPLE.has(counted))) {
    if (!counted && frame.counted) {
      counted = frame.counted;
      if (frame.countedSpan) countedSpan = frame.countedSpan;
    }
  }
  if (!counted && !hedge && !read.vague && !frame?.measure) {
    // A bare number counting nothing ("the 2-1 vote", "page 4"): not a count we can compare.
    if (!/^(?:the|all|some|those|these)$/.test(prevV)) return undefined;
  }

  // The predicate: a verb just before the phrase (object) or after the counted noun (subject).
  let predicate: string | undefined;
  let b = hedgeStart - 1;
  while (b >= floor && (t.pos[b] === 'DET' || t.pos[b] === 'ADV' || t.pos[b] === 'SPACE')) b -= 1;
  if (b >= floor && t.pos[b] === 'VERB' && !LIGHT_VERBS.has(t.lemma[b] ?? ''))
    predicate = t.lemma[b];
  if (!predicate) {
    let k = (headIndex >= 0 ? headIndex : spanEnd) + 1;
    if (partitive) k += 3;
    for (let steps = 0; k < end && steps < 10; k += 1, steps += 1) {
      const pos = t.pos[k] ?? '';
      const w = t.value[k] ?? '';
      if (w === ',') {
        // Skip one parenthetical ", all foreign citizens,".
        let j = k + 1;
        while (j < end && j < k + 8 && t.value[j] !== ',' && t.pos[j] !== 'VERB') j += 1;
        if (t.value[j] === ',') {
          k = j;
          continue;
        }
        break;
      }
      if (pos === 'PUNCT' || pos === 'SCONJ' || pos === 'CCONJ') break;
      if (pos === 'VERB' && !LIGHT_VERBS.has(t.lemma[k] ?? '')) {
        predicate = t.lemma[k];
        break;
      }
      if (pos === 'AUX' || pos === 'ADV' || pos === 'PART' || pos === 'SPACE') continue;
      if (pos === 'ADP' && steps > 0) break;
    }
  }
  if (predicate) predicate = predicate.toLowerCase();
  // In a change the verb moves the figure ("rose"); the outcome it counts comes
  // from the subject ("people killed"), or stays unnamed ("death toll").
  // "The death toll rose to 14 people" counts what the toll counts; in
  // "rescuers reached 14 people" a plain subject and a count of its own are a
  // verb and its object, not a figure and what it counts.
  const framed =
    frame?.measure !== undefined &&
    (counted === frame.counted || (frame.figureNoun === true && PEOPLE.has(counted ?? '')));
  if (framed) predicate = frame?.predicate;

  // Measure: by what is counted, then by the predicate for counts of people.
  let measure: string | undefined;
  const byNoun = counted ? MEASURE_BY_NOUN[counted] : undefined;
  const byVerb = predicate ? MEASURE_BY_PREDICATE[predicate] : undefined;
  if (read.currency) measure = 'money';
  else if (framed) measure = frame?.measure;
  else if (byNoun && byNoun !== 'sources' && byNoun !== 'duration') measure = byNoun;
  else if ((counted === undefined || PEOPLE.has(counted)) && byVerb) measure = byVerb;
  else if (byNoun) measure = byNoun;
  else if (counted && PEOPLE.has(counted)) measure = 'people';
  else if (inherited?.measure)
    measure = inherited.measure === 'arrests' && byVerb ? byVerb : inherited.measure;
  else if (counted) measure = counted;

  const spanStart = hedge && hedge !== 'range' ? (t.start[hedgeStart] ?? 0) : (t.start[first] ?? 0);
  const span: Span = [spanStart, t.end[spanEnd] ?? 0];
  return {
    span,
    text: text.slice(span[0], span[1]),
    sentence,
    value,
    bounds,
    ...(hedge ? { hedge } : {}),
    ...(counted ? { counted } : {}),
    ...(countedSpan ? { countedSpan } : {}),
    ...(predicate ? { predicate } : {}),
    ...(measure ? { measure } : {}),
    ...(framed && frame?.role ? { change: frame.role } : {}),
  };
}
