/**
 * Dates and times, with chrono-node plus a few refiners of our own.
 *
 * Resolution, in order:
 * - a date whose text names its year (and month/day down to its granularity) is
 *   `stated`: "March 22, 2024", "January 2024", "in 2016";
 * - an expression relative to an earlier date of the story ("the next day",
 *   "on the same day", "a day later", "two days earlier") is resolved against the
 *   previous resolved date in the text (`anchor: in-text:<id>`), `inferred`;
 * - a clock time with no day ("at 9 a.m.") takes the day the text last dated,
 *   `anchor: in-text:<id>`, `inferred`;
 * - anything else that needs completing ("on Monday", "last month", "January 3")
 *   is resolved against `Article.meta.published` (`anchor: published`),
 *   `inferred`; a month and day with no year and no publication date borrow the
 *   year of the previous stated date in the text;
 * - an expression relative to an event rather than a date ("a few days before
 *   the attack", "two weeks beforehand", "days earlier") counts from the most
 *   recent day the text dated before it (the event it speaks of), `inferred`,
 *   `anchor: in-text:<id>`, as a range (`start`..`end`) when the amount is vague;
 * - anything with no anchor at all is kept `unresolved` with a
 *   `date-unresolved` diagnostic.
 * chrono is never allowed to fall back on today's date: every call gets an
 * explicit reference instant, and with no anchor the result is not used.
 *
 * A weekday with no "next"/"this"/"coming" and no future marker in the sentence
 * is taken as the most recent such day on or before the anchor: news reports
 * what happened.
 */
import * as chrono from 'chrono-node';
import type { ParsedResult } from 'chrono-node';
import type { Span, TimeGranularity, TimeRef } from '../core/index.ts';
import { diagnostic } from '../core/index.ts';
import type { AnnotationContext } from './context.ts';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_RE = new RegExp(`\\b${MONTH}\\b`, 'i');
const YEAR_RE = /\b(?:1[89]|20)\d{2}\b/;
const NUMERIC_DATE_RE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/;
const WEEKDAY_RE = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const TIME_OF_DAY_OF =
  /^(?:the\s+)?(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i;
/** Relative to an earlier date of the story, not to the publication date. */
const IN_TEXT_RELATIVE =
  /\b(?:(?:the\s+)?(?:next|following|previous|preceding)\s+(?:day|morning|evening|night|week)|(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(?:day|days|week|weeks|month|months)\s+(?:later|earlier|after(?:wards)?)|the\s+day\s+(?:before|after))\b/i;
const SAME_DAY = /\b(?:on\s+)?(?:the\s+same\s+day|that\s+(?:same\s+)?day)\b/gi;
/** "two weeks beforehand", "days before the attack": relative to an event, not a date. */
const EVENT_RELATIVE =
  /\b(?:(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|few|several|some|\d+)\s+)?(?:hours?|days?|weeks?|months?|years?)\s+(?:beforehand|before|after|prior\s+to|earlier|later)\b(?:\s+(?:the|an?|his|her|its|their)\s+[\p{L}-]+)?/giu;
/**
 * What SAME_DAY, EVENT_RELATIVE and BARE_YEAR cannot match without: a plain
 * scan that rules most texts out at a fraction of the cost of the patterns'
 * optional leading words.
 */
const MAY_SAME_DAY = /day/i;
const MAY_EVENT_RELATIVE =
  /(?:hour|day|week|month|year)s?\s+(?:before|after|prior|earlier|later)/iu;
const MAY_BARE_YEAR = /(?:1[89]|20)\d\d/;
const BARE_YEAR =
  /\b(?:in|since|by|until|till|during|from|through|before|after|of|the)\s+((?:1[89]|20)\d{2})\b(?![,.]?\d)/gi;
/** What marks a number as a clock time: "09:07", "9 a.m.", "9pm", "14h", "1400 GMT", "noon". */
const CLOCK_MARKER =
  /\d[:.]\d\d|\b\d{1,2}\s*(?:[ap]\.?\s?m\b\.?|h\b|hrs?\b|hours\b|o'?clock)|\b(?:gmt|utc|noon|midnight|midday)\b/i;
/** A clock time with no word for a day ("at 9 a.m.", "shortly after 09:07"; not "9 a.m. tomorrow"). */
const CLOCK_ONLY =
  /^(?!.*\b(?:today|tonight|yesterday|tomorrow|this|last|next|morning|afternoon|evening|night)\b)/i;
/** A bare number (or number range) at either edge of a chrono match, with its preposition. */
const BARE_HOUR_EDGES = [
  /^(?:(?:at|from|to|until|till|by|around|about)\s+)?\d{1,2}(?:\s*(?:to|-|–|and)\s*\d{1,2})?(?!\d)\s*/i,
  /\s*(?:(?:at|from|to|until|till|by|around|about)\s+)?\b\d{1,2}(?:\s*(?:to|-|–|and)\s*\d{1,2})?$/i,
];
/** Words before a date that make it the date of a report ("Reuters reported on Monday"). */
const REPORT_DATE =
  /\b(?:reported|reports|said|says|told|announced|stated|wrote|added|confirmed|tweeted|posted|published|disclosed|revealed)\b(?:\s+[\p{L}'’-]+)?(?:\s+(?:on|late|early|last|this))*\s*$/iu;
const FUTURE_MARKER = /\b(?:will|shall|'ll|going to|due to|scheduled|plans? to|expected to)\b/i;
const WEEKDAY_FORWARD = /\b(?:next|this|coming)\s+\w*day\b/i;

interface Resolved {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  granularity: TimeGranularity;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function iso(r: Resolved): string | undefined {
  if (r.year === undefined) return undefined;
  if (r.granularity === 'year') return pad(r.year, 4);
  if (r.month === undefined) return pad(r.year, 4);
  if (r.granularity === 'month') return `${pad(r.year, 4)}-${pad(r.month)}`;
  const day = `${pad(r.year, 4)}-${pad(r.month)}-${pad(r.day ?? 1)}`;
  if (r.granularity === 'time' && r.hour !== undefined)
    return `${day}T${pad(r.hour)}:${pad(r.minute ?? 0)}`;
  return day;
}

function toDate(r: Resolved): Date | undefined {
  if (r.year === undefined) return undefined;
  return new Date(Date.UTC(r.year, (r.month ?? 1) - 1, r.day ?? 1, 12));
}

/** Parses an ISO publication date; undefined when absent or invalid. */
export function publishedInstant(published: string | undefined): Date | undefined {
  if (!published) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim());
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function granularityOf(result: ParsedResult): TimeGranularity {
  const c = result.start;
  const text = result.text;
  if (c.isCertain('hour')) return 'time';
  if (c.isCertain('day') || c.isCertain('weekday')) {
    return /\bweeks?\b/i.test(text) ? 'week' : 'day';
  }
  if (/\bweeks?\b/i.test(text)) return 'week';
  if (/\b(?:days?|yesterday|today|tonight|tomorrow|morning|afternoon|evening|night)\b/i.test(text))
    return 'day';
  if (c.isCertain('month') || /\bmonths?\b/i.test(text)) return 'month';
  return 'year';
}

function componentsOf(result: ParsedResult, granularity: TimeGranularity): Resolved {
  const c = result.start;
  return {
    year: c.get('year') ?? undefined,
    month: c.get('month') ?? undefined,
    day: c.get('day') ?? undefined,
    hour: c.get('hour') ?? undefined,
    minute: c.get('minute') ?? undefined,
    granularity,
  };
}

/** True when the text itself names everything down to its granularity. */
function statedIn(text: string, granularity: TimeGranularity): boolean {
  if (NUMERIC_DATE_RE.test(text)) return true;
  if (!YEAR_RE.test(text)) return false;
  if (granularity === 'year') return true;
  if (!MONTH_RE.test(text)) return false;
  return granularity === 'month' || /\b\d{1,2}(?:st|nd|rd|th)?\b/.test(text.replace(YEAR_RE, ''));
}

interface Candidate {
  span: Span;
  text: string;
  sentence: number;
  kind: 'chrono' | 'same-day' | 'event-relative' | 'year';
  result?: ParsedResult;
  year?: number;
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Candidates of one sentence, in text order, overlaps resolved (first and longest wins). */
function candidatesOf(sentenceText: string, offset: number, sentence: number): Candidate[] {
  const found: Candidate[] = [];
  // A fixed reference: the parse is only used for the shape of each match here;
  // values are recomputed against the real anchor below.
  const results = chrono.parse(sentenceText, { instant: PROBE, timezone: 'UTC' });
  for (let i = 0; i < results.length; i += 1) {
    const r = results[i];
    if (!r) continue;
    // Not dates: "weekday" as a common noun; a bare weekday inside a name
    // ("the Sunday Market", "Sunday Times").
    if (/^weekdays?$/i.test(r.text)) continue;
    // Durations and "now" are not points in time: "for 40 years", "in 24 years".
    if (
      /^(?:for|in|within|over|after)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\w+ty)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)$/i.test(
        r.text,
      ) ||
      /^(?:right\s+)?now$/i.test(r.text) ||
      // A part of the day with no day ("the morning shift", "by the evening")
      // names no date: chrono would give it the reference day's year.
      /^(?:(?:in|by|during|at|the|late|early)\s+)*(?:morning|afternoon|evening|night)$/i.test(
        r.text.replace(/[\s,.;:]+$/u, ''),
      )
    )
      continue;
    if (
      /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|night|tonight)$/i.test(
        r.text,
      ) &&
      /^\s+\p{Lu}/u.test(sentenceText.slice(r.index + r.text.length, r.index + r.text.length + 3))
    )
      continue;
    let start = r.index;
    // chrono sometimes keeps a trailing comma or period ("in January, including").
    let text = r.text.replace(/[\s,.;:]+$/u, '');
    // A bare number read as an hour ("rose to 14 on Tuesday", "stands at 14",
    // "from 12 to 14") is a figure, not a clock time: English news writes times
    // with a colon, "a.m."/"p.m.", "h" or "GMT". Drop the number; keep any day
    // left ("on Tuesday").
    if (r.start.isCertain('hour') && !CLOCK_MARKER.test(text)) {
      const trimmed = BARE_HOUR_EDGES.reduce((acc, re) => acc.replace(re, ''), text);
      if (trimmed === text) continue;
      const inner = trimmed
        ? chrono.parse(trimmed, { instant: PROBE, timezone: 'UTC' })[0]
        : undefined;
      if (!inner || inner.start.isCertain('hour')) continue;
      start += text.indexOf(trimmed) + inner.index;
      found.push({
        span: [offset + start, offset + start + inner.text.length],
        text: inner.text,
        sentence,
        kind: 'chrono',
        result: inner,
      });
      continue;
    }
    // "evening of March 22, 2024": chrono drops the date; keep only the date part.
    const lead = TIME_OF_DAY_OF.exec(text);
    if (lead) {
      const inner = chrono.parse(text.slice(lead[0].length), { instant: PROBE, timezone: 'UTC' });
      const first = inner[0];
      if (first) {
        start += lead[0].length + first.index;
        text = first.text;
        found.push({
          span: [offset + start, offset + start + text.length],
          text,
          sentence,
          kind: 'chrono',
          result: first,
        });
        continue;
      }
    }
    // "March 22 this year": one date whose year comes from "this year".
    const next = results[i + 1];
    if (
      next &&
      /^(?:this|last|next)\s+year$/i.test(next.text) &&
      /^\s*$/.test(sentenceText.slice(r.index + r.text.length, next.index)) &&
      !YEAR_RE.test(r.text)
    ) {
      const merged = sentenceText.slice(r.index, next.index + next.text.length);
      const reparsed = chrono.parse(merged, { instant: PROBE, timezone: 'UTC' })[0];
      found.push({
        span: [offset + r.index, offset + next.index + next.text.length],
        text: merged,
        sentence,
        kind: 'chrono',
        result: reparsed?.text === merged ? reparsed : r,
      });
      i += 1;
      continue;
    }
    found.push({
      span: [offset + start, offset + start + text.length],
      text,
      sentence,
      kind: 'chrono',
      result: r,
    });
  }
  const extra: Candidate[] = [];
  for (const m of MAY_SAME_DAY.test(sentenceText) ? sentenceText.matchAll(SAME_DAY) : []) {
    extra.push({
      span: [offset + m.index, offset + m.index + m[0].length],
      text: m[0],
      sentence,
      kind: 'same-day',
    });
  }
  for (const m of MAY_EVENT_RELATIVE.test(sentenceText)
    ? sentenceText.matchAll(EVENT_RELATIVE)
    : []) {
    // "two weeks before March 22" is chrono's; only event-relative ones are ours.
    const tail = sentenceText.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (MONTH_RE.test(m[0]) || /^\s*(?:\d|the\s+\d)/.test(tail)) continue;
    extra.push({
      span: [offset + m.index, offset + m.index + m[0].length],
      text: m[0],
      sentence,
      kind: 'event-relative',
    });
  }
  for (const m of MAY_BARE_YEAR.test(sentenceText) ? sentenceText.matchAll(BARE_YEAR) : []) {
    const year = m[1] ?? '';
    const at = m.index + m[0].length - year.length;
    extra.push({
      span: [offset + at, offset + at + year.length],
      text: year,
      sentence,
      kind: 'year',
      year: Number(year),
    });
  }
  // Event-relative expressions win over chrono's reading of them ("A few days
  // before" resolved against the reference instant would be a guess).
  const eventual = extra.filter((c) => c.kind === 'event-relative');
  const out = [
    ...eventual,
    ...found.filter((c) => !eventual.some((e) => overlaps(e.span, c.span))),
  ];
  for (const c of extra) {
    if (c.kind !== 'event-relative' && !out.some((o) => overlaps(o.span, c.span))) out.push(c);
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** Characters of a batch handed to chrono at once: its cost grows faster than the input. */
const BATCH = 2000;
/** Overlap between windows cut from one sentence longer than a batch. */
const OVERLAP = 200;
/** Characters on each side of a date read for tense. */
const CONTEXT = 300;

/**
 * Candidates over the whole text, parsed in batches of whole sentences up to
 * `BATCH` characters; a longer sentence is cut into overlapping windows at
 * spaces, and a match is kept by the window where it starts before the overlap.
 * chrono on one 256 KB string is several times slower per character than on
 * 2 KB pieces, so batching keeps the time linear in the input.
 */
function batchedCandidates(
  text: string,
  sentences: readonly { span: Span; index: number }[],
): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < sentences.length) {
    const first = sentences[i];
    if (!first) break;
    const start = first.span[0];
    let end = first.span[1];
    let j = i + 1;
    while (j < sentences.length && (sentences[j]?.span[1] ?? 0) - start <= BATCH) {
      end = sentences[j]?.span[1] ?? end;
      j += 1;
    }
    if (end - start <= BATCH) {
      out.push(...candidatesOf(text.slice(start, end), start, -1));
    } else {
      // One sentence longer than a batch: overlapping windows cut at spaces.
      let from = start;
      while (from < end) {
        let to = Math.min(end, from + BATCH);
        if (to < end) {
          const space = text.lastIndexOf(' ', to);
          if (space > from + OVERLAP * 2) to = space;
        }
        const keepBefore = to < end ? to - OVERLAP : end;
        for (const c of candidatesOf(text.slice(from, to), from, -1)) {
          if (c.span[0] < keepBefore || to >= end) out.push(c);
        }
        if (to >= end) break;
        let next = Math.max(from + 1, keepBefore);
        const space = text.indexOf(' ', next);
        if (space > 0 && space < to) next = space + 1;
        from = next;
      }
    }
    i = j;
  }
  // Windows overlap: keep one candidate per start.
  const seen = new Set<number>();
  return out.filter((c) => (seen.has(c.span[0]) ? false : (seen.add(c.span[0]), true)));
}

/** How many units a count word stands for, as a range: "a few days" is 2–4 days. */
const EVENT_AMOUNTS: Record<string, [number, number]> = {
  the: [1, 1],
  a: [1, 1],
  an: [1, 1],
  one: [1, 1],
  two: [2, 2],
  three: [3, 3],
  four: [4, 4],
  five: [5, 5],
  six: [6, 6],
  seven: [7, 7],
  eight: [8, 8],
  nine: [9, 9],
  ten: [10, 10],
  'a few': [2, 4],
  few: [2, 4],
  several: [3, 7],
  some: [2, 9],
};

/**
 * The range an event-relative expression points at, counted from `anchor`:
 * "two weeks beforehand" → the week two weeks before; "a few days before the
 * attack" → 2–4 days before; a bare plural ("days earlier") → 2–9 units.
 * Hours stay within the anchor's day or the one next to it.
 */
function eventRelativeRange(
  text: string,
  anchor: Date,
): { start: string; end: string; granularity: TimeGranularity } | undefined {
  const m =
    /^(?:(a\s+few|\w+)\s+)?(hour|day|week|month|year)(s?)\s+(beforehand|before|prior|earlier|after|later)/i.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const count = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const unit = (m[2] ?? 'day').toLowerCase();
  const plural = m[3] === 's';
  let amount: [number, number] | undefined;
  if (/^\d+$/.test(count)) amount = [Number(count), Number(count)];
  else if (count) amount = EVENT_AMOUNTS[count];
  else amount = plural ? [2, 9] : [1, 1];
  if (!amount) return undefined;
  const sign = /^(?:after|later)$/i.test(m[4] ?? '') ? 1 : -1;
  const shift = (n: number): Date => {
    const d = new Date(anchor.getTime());
    if (unit === 'hour') d.setUTCHours(d.getUTCHours() + sign * Math.ceil(n / 24) * 24);
    else if (unit === 'day') d.setUTCDate(d.getUTCDate() + sign * n);
    else if (unit === 'week') d.setUTCDate(d.getUTCDate() + sign * 7 * n);
    else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + sign * n);
    else d.setUTCFullYear(d.getUTCFullYear() + sign * n);
    return d;
  };
  const granularity: TimeGranularity =
    unit === 'week' ? 'week' : unit === 'month' ? 'month' : unit === 'year' ? 'year' : 'day';
  const asIso = (d: Date): string =>
    iso({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      granularity,
    }) ?? '';
  // Hours: the anchor's day and the day the hours may reach into.
  const near = unit === 'hour' ? anchor : shift(amount[0]);
  const far = shift(amount[1]);
  const [first, last] = sign < 0 ? [far, near] : [near, far];
  return { start: asIso(first), end: asIso(last), granularity };
}

/** Reference instant for shape-only parses; never reported. */
const PROBE = new Date(Date.UTC(2000, 0, 5, 12));

/**
 * chrono's readings of date texts against anchor instants, kept across calls:
 * the same expressions ("Tuesday", "last year") come back against the same
 * anchors (the publication day, the date before), and a parse costs far more
 * than a lookup. chrono's reading depends only on the text, the instant and the
 * time zone, and the results are only read, so sharing them changes nothing.
 */
const readings = new Map<string, ParsedResult | null>();
/** Readings kept before the table is emptied: bounds its memory in a long-running process. */
const MAX_READINGS = 20_000;

function parseAt(text: string, instant: Date): ParsedResult | undefined {
  const key = `${instant.getTime()} ${text}`;
  const known = readings.get(key);
  if (known !== undefined) return known ?? undefined;
  const result = chrono.parse(text, { instant, timezone: 'UTC' }, { forwardDate: false })[0];
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(key, result ?? null);
  return result;
}

/** Resolves a chrono match against an anchor instant; applies the past bias for weekdays. */
function resolveAt(
  candidate: Candidate,
  instant: Date,
  sentenceText: string,
): Resolved | undefined {
  const r = parseAt(candidate.text, instant);
  if (!r) return undefined;
  const granularity = granularityOf(r);
  const resolved = componentsOf(r, granularity);
  if (
    WEEKDAY_RE.test(candidate.text) &&
    !r.start.isCertain('day') &&
    !WEEKDAY_FORWARD.test(candidate.text) &&
    !FUTURE_MARKER.test(sentenceText)
  ) {
    const date = toDate(resolved);
    if (date && date.getTime() > instant.getTime() + 12 * 3600 * 1000) {
      date.setUTCDate(date.getUTCDate() - 7);
      resolved.year = date.getUTCFullYear();
      resolved.month = date.getUTCMonth() + 1;
      resolved.day = date.getUTCDate();
    }
  }
  return resolved;
}

/** Finds and resolves the dates of an article; see the module comment for the rules. */
export function extractDates(ctx: AnnotationContext): void {
  const { article } = ctx;
  const text = article.text;
  const published = publishedInstant(article.meta.published);
  if (article.meta.published && !published) {
    ctx.diagnostics.push(
      diagnostic(
        'annotate',
        'published-invalid',
        `publication date '${article.meta.published}' is not an ISO date; relative dates stay unresolved`,
        { articleId: article.id, source: article.source },
      ),
    );
  }
  /** The last resolved day-or-finer date: the anchor of "the next day". */
  let previous: TimeRef | undefined;
  let previousResolved: Resolved | undefined;
  /** Event-relative expressions, resolved after the loop. */
  const eventRelative: TimeRef[] = [];
  /** Every resolved day of the text, in order: the candidate anchors of those. */
  const days: DatedDay[] = [];
  /** The last date that states its year: lends it to "March 23" when nothing else can. */
  let lastYear: { ref: TimeRef; year: number } | undefined;

  // chrono reads the whole text in one call (far cheaper than one call per
  // sentence); each match is then placed in its sentence, and one that would
  // cross a sentence end is dropped.
  const sentences = ctx.sentences;
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = sentences[mid];
      if (!s) break;
      if (s.span[0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  for (const c of batchedCandidates(text, sentences)) {
    const si = sentenceAt(c.span[0]);
    const sentence = sentences[si];
    if (!sentence || c.span[1] > sentence.span[1]) continue;
    c.sentence = sentence.index;
    // The words around the date, for the future-tense check; bounded so that a
    // very long sentence does not make each date cost its whole length.
    const sentenceText = text.slice(
      Math.max(sentence.span[0], c.span[0] - CONTEXT),
      Math.min(sentence.span[1], c.span[1] + CONTEXT),
    );
    {
      const ref: TimeRef = {
        id: `t${ctx.times.length + 1}`,
        span: c.span,
        text: c.text,
        sentence: sentence.index,
        certainty: 'unresolved',
      };
      let resolved: Resolved | undefined;
      let why = '';
      if (c.kind === 'event-relative') {
        // Resolved once every date of the text is known (its event may be dated later in the sentence).
        eventRelative.push(ref);
        ctx.times.push(ref);
        continue;
      }
      if (c.kind === 'year') {
        resolved = { year: c.year, granularity: 'year' };
        ref.certainty = 'stated';
      } else if (c.kind === 'same-day') {
        if (previous && previousResolved) {
          resolved = { ...previousResolved };
          ref.certainty = 'inferred';
          ref.anchor = `in-text:${previous.id}`;
        } else why = 'no earlier date in the text to refer to';
      } else if (c.result) {
        const granularity = granularityOf(c.result);
        if (statedIn(c.text, granularity)) {
          resolved = componentsOf(c.result, granularity);
          ref.certainty = 'stated';
        } else if (IN_TEXT_RELATIVE.test(c.text)) {
          const anchorDate = previousResolved ? toDate(previousResolved) : undefined;
          if (previous && anchorDate) {
            resolved = resolveAt(c, anchorDate, sentenceText);
            ref.certainty = 'inferred';
            ref.anchor = `in-text:${previous.id}`;
          } else why = 'relative to an earlier date, and the text gives none';
        } else if (
          previous &&
          previousResolved &&
          CLOCK_ONLY.test(c.text) &&
          c.result.start.isCertain('hour') &&
          !c.result.start.isCertain('day') &&
          !c.result.start.isCertain('weekday')
        ) {
          // "shortly after 9 a.m." with no day: the day the text last spoke of,
          // not the publication day (news reports the event's hours).
          const anchorDate = toDate(previousResolved);
          if (anchorDate) resolved = resolveAt(c, anchorDate, sentenceText);
          ref.certainty = 'inferred';
          ref.anchor = `in-text:${previous.id}`;
        } else if (published) {
          resolved = resolveAt(c, published, sentenceText);
          ref.certainty = 'inferred';
          ref.anchor = 'published';
        } else if (lastYear && c.result.start.isCertain('month') && !WEEKDAY_RE.test(c.text)) {
          resolved = resolveAt(c, new Date(Date.UTC(lastYear.year, 6, 1, 12)), sentenceText);
          if (resolved) resolved.year = lastYear.year;
          ref.certainty = 'inferred';
          ref.anchor = `in-text:${lastYear.ref.id}`;
        } else why = 'no publication date to resolve it against';
      }
      if (resolved) {
        const start = iso(resolved);
        if (start) {
          ref.start = start;
          ref.granularity = resolved.granularity;
        } else {
          ref.certainty = 'unresolved';
          delete ref.anchor;
        }
      }
      if (ref.certainty === 'unresolved') {
        ctx.diagnostics.push(
          diagnostic(
            'annotate',
            'date-unresolved',
            `date '${c.text}' left unresolved: ${why || 'no anchor'}`,
            {
              severity: 'info',
              articleId: article.id,
              span: c.span,
            },
          ),
        );
      } else if (resolved && resolved.granularity !== 'year' && resolved.granularity !== 'month') {
        previous = ref;
        previousResolved = resolved;
        const date = toDate(resolved);
        const lead = text.slice(Math.max(sentence.span[0], c.span[0] - 60), c.span[0]);
        if (date) days.push({ ref, date, report: REPORT_DATE.test(lead) });
      }
      if (ref.certainty === 'stated' && resolved?.year !== undefined) {
        lastYear = { ref, year: resolved.year };
      }
      ctx.times.push(ref);
    }
  }
  for (const ref of eventRelative) resolveEventRelative(ctx, ref, days);
}

/** A resolved day of the text, and whether it dates a report rather than an event. */
interface DatedDay {
  ref: TimeRef;
  date: Date;
  report: boolean;
}

/**
 * "Days before the attack", "two weeks beforehand": counted from the day of the
 * event spoken of. That day is, in order: a day dated in the same sentence
 * ("days before the attack on June 2"); for an expression that names its event
 * ("before the attack"), the most recent day the text dated before it; for
 * "three days later" / "days earlier", which carry the story's clock on, the
 * last day dated before it; for a bare "beforehand", which points at what the
 * text has just said, a day dated in the previous sentence. Days that date a report
 * ("Reuters reported on Monday") are not the event's. With none, unresolved.
 */
function resolveEventRelative(ctx: AnnotationContext, ref: TimeRef, days: DatedDay[]): void {
  const events = days.filter((d) => !d.report);
  const namesEvent = /\s(?:the|an?|his|her|its|their)\s+[\p{L}-]+$/u.test(ref.text);
  const sameSentence = events
    .filter((d) => d.ref.sentence === ref.sentence)
    .sort(
      (a, b) => Math.abs(a.ref.span[0] - ref.span[0]) - Math.abs(b.ref.span[0] - ref.span[0]),
    )[0];
  const before = events.filter((d) => d.ref.span[0] < ref.span[0]);
  // "Three days later" / "two days earlier" carry the story's own narrative
  // clock on from the last day it dated, however far back; "beforehand" points
  // at what was just said.
  const narrative = !namesEvent && /\b(?:later|earlier|after)$/i.test(ref.text);
  const anyBefore = days.filter((d) => d.ref.span[0] < ref.span[0]);
  const anchor =
    sameSentence ??
    (namesEvent
      ? before[before.length - 1]
      : narrative
        ? (before[before.length - 1] ?? anyBefore[anyBefore.length - 1])
        : before.filter((d) => d.ref.sentence === ref.sentence - 1).pop());
  const range = anchor ? eventRelativeRange(ref.text, anchor.date) : undefined;
  if (anchor && range) {
    ref.start = range.start;
    if (range.end !== range.start) ref.end = range.end;
    ref.granularity = range.granularity;
    ref.certainty = 'inferred';
    ref.anchor = `in-text:${anchor.ref.id}`;
    // One resolved day carries the clock on for the next ("three days later ...
    // the day after").
    if (range.granularity === 'day' && range.end === range.start) {
      const date = new Date(`${range.start}T12:00:00Z`);
      const at = days.findIndex((d) => d.ref.span[0] > ref.span[0]);
      days.splice(at < 0 ? days.length : at, 0, { ref, date, report: false });
    }
    return;
  }
  ctx.diagnostics.push(
    diagnostic(
      'annotate',
      'date-unresolved',
      `date '${ref.text}' left unresolved: relative to an event, and the text gives no date for that event before it`,
      { severity: 'info', articleId: ctx.article.id, span: ref.span },
    ),
  );
}
