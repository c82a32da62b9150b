/**
 * Typing the paragraphs of an article: title, byline, dateline, heading, caption,
 * credit, body. Only body blocks are the article's own statements; the others are
 * kept with their offsets and the reason they were set apart.
 *
 * The rules are general layout conventions of news text (a short name-only line
 * under the headline is a byline; "- Name/Agency" at the end of a line is a
 * picture credit; an unpunctuated line beside a credit is its caption; a short
 * unpunctuated line followed by paragraphs is a heading). They run in a fixed
 * order: candidates from the layout, then credits, captions, header lines
 * (byline, dateline), datelines inside the first paragraph, headings.
 */
import type { Block, BlockKind, Span } from '../core/index.ts';

/** A paragraph or line before it is typed; `hint` comes from markup (HTML tags). */
export interface Unit {
  span: Span;
  hint?: BlockKind;
  evidence?: string;
}

const FINAL_PUNCTUATION = /[.!?…:;,"”’'»)\]]$/u;
const NAME_PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'de',
  'del',
  'della',
  'den',
  'der',
  'di',
  'du',
  'el',
  'la',
  'le',
  'ter',
  'van',
  'von',
]);
/** Words that make a short capitalised line a section label rather than a person's name. */
const LABEL_WORDS = new Set(
  (
    'news breaking latest live update updates world politics analysis opinion exclusive video ' +
    'videos photos gallery sport sports business home europe asia africa americas editorial ' +
    'comment features culture science health technology economy top stories more related ' +
    'read also see share follow subscribe advertisement'
  ).split(' '),
);
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** Month names as written in datelines ("March 3", "Dec. 14"). */
const MONTHS_CAPITALISED = MONTHS.split('|')
  .map((m) => m[0]!.toUpperCase() + m.slice(1))
  .join('|');
const WEEKDAYS = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';

/** Capitalised name-like word: "Olha", "O'Neill", "Jean-Luc", "J.", "McKay". */
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}’'-]*\p{Ll}[\p{L}’'-]*|\p{Lu}\.)$/u;

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function isNameSequence(text: string): boolean {
  const parts = words(text);
  const named = parts.filter((w) => !NAME_PARTICLES.has(w));
  if (named.length < 2 || named.length > 4 || parts.length > 5) return false;
  return named.every((w) => NAME_WORD.test(w) && !LABEL_WORDS.has(w.toLowerCase()));
}

/** "By Jane Doe", "Jane Doe", "Jane Doe and John Roe", "Jane Doe, Reuters", "Jane Doe | Kyiv". */
export function bylineEvidence(line: string): string | undefined {
  const byPrefix = /^by\s+/i.exec(line);
  const rest = byPrefix ? line.slice(byPrefix[0].length) : line;
  if (FINAL_PUNCTUATION.test(rest) && !rest.endsWith(')')) return undefined;
  const [names = '', affiliation] = rest.split(/\s*[,|–—]\s*|\s+-\s+/, 2);
  const people = names.split(/\s+(?:and|&)\s+/);
  if (!people.every(isNameSequence)) {
    return undefined;
  }
  if (affiliation !== undefined && !/^\p{Lu}/u.test(affiliation)) return undefined;
  const count = words(people[0] ?? '').length;
  return byPrefix
    ? `"By" line naming ${people.length > 1 ? 'people' : 'a person'} before the body`
    : `short line of ${count} capitalised name-like words right after the title`;
}

/** A line that is only a date or a publication stamp. */
export function isDateLine(line: string): boolean {
  const stamp = new RegExp(
    `^(?:(?:published|updated|posted|last updated|first published)\\s*:?\\s*(?:on\\s+)?)?` +
      `(?:${WEEKDAYS},?\\s+)?(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|` +
      `\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}(?:[T ][\\d:.]+Z?)?)` +
      `(?:[,\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?(?:\\s*[A-Z]{2,4})?)?\\s*$`,
    'i',
  );
  const time = /^(?:published|updated|posted)\s*:?\s*/i;
  return stamp.test(line) || (time.test(line) && line.length < 60 && /\d/.test(line));
}

/**
 * "KYIV, March 3 (Reuters) - ", "WASHINGTON (AP) — ", "LONDON — " at the start of a
 * paragraph: upper-case place, optional date and agency, then a dash.
 */
const DATELINE = new RegExp(
  `^\\p{Lu}[\\p{Lu}.'’ -]{1,40}(?:,\\s*\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)?)?` +
    `(?:,\\s*(?:(?:${MONTHS_CAPITALISED})\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:${MONTHS_CAPITALISED})))?` +
    `(?:\\s*\\([\\p{Lu}][\\p{L}\\s/&-]{1,30}\\))?\\s*[-–—]\\s+`,
  'u',
);

export function datelinePrefix(paragraph: string): number {
  const match = DATELINE.exec(paragraph);
  if (!match) return 0;
  // The place must be written in capitals: that is what tells a dateline from a sentence.
  const place = /^[\p{Lu}.'’ -]+/u.exec(match[0])?.[0].trim() ?? '';
  if (place.replace(/[^\p{Lu}]/gu, '').length < 3) return 0;
  return match[0].length;
}

/** Where a trailing picture credit starts in a line, and where the caption before it ends. */
export function splitCredit(
  line: string,
): { captionEnd: number; creditStart: number; evidence: string } | undefined {
  const slash = /\s+[-–—|]\s+((?:[\p{Lu}][\p{L}.’'-]*\s?){1,4}\/\s?[\p{Lu}][\p{L}.&’' -]*)$/u.exec(
    line,
  );
  if (slash) {
    return {
      captionEnd: slash.index,
      creditStart: line.length - (slash[1] ?? '').length,
      evidence: 'line ends in "- Name/Agency", a picture credit',
    };
  }
  const paren =
    /\s*(\((?:[^()]*\b(?:Photos?|Photograph|Pictures?|Images?|Credit|Illustration)\b[^()]*)\))$/iu.exec(
      line,
    );
  if (paren) {
    return {
      captionEnd: paren.index,
      creditStart: line.length - (paren[1] ?? '').length,
      evidence: 'line ends in a parenthesised picture credit',
    };
  }
  const labelled =
    /(?:^|\s+)((?:Photo(?:graph)?s?|Pictures?|Images?|Credit|Illustration)\s*(?::|by)\s*[^.!?]{2,80})$/iu.exec(
      line,
    );
  if (labelled) {
    return {
      captionEnd: labelled.index,
      creditStart: line.length - (labelled[1] ?? '').length,
      evidence: 'line ends in a "Photo: …" credit',
    };
  }
  return undefined;
}

function isBodyLike(line: string): boolean {
  return words(line).length >= 12 || (FINAL_PUNCTUATION.test(line) && words(line).length >= 5);
}

function isHeadingLike(line: string): boolean {
  const count = words(line).length;
  if (count === 0 || count > 15 || !/^[\p{Lu}\d]/u.test(line) || !/\p{L}{2}/u.test(line))
    return false;
  // A speaker label ("Q:", "SMITH:") opens an exchange of a transcript, not a section.
  if (/^(?:[QA]|[\p{Lu}][\p{Lu} .'-]+):\s/u.test(line)) return false;
  if (line.endsWith('?')) return count >= 3 && count <= 12;
  return !FINAL_PUNCTUATION.test(line);
}

/**
 * Types units that are in text order; the first unit is the title. Returns blocks
 * (a caption line with a trailing credit gives two blocks).
 */
export function typeUnits(text: string, units: Unit[]): Block[] {
  const lines = units.map((u) => text.slice(u.span[0], u.span[1]));
  const kinds: (BlockKind | undefined)[] = units.map((u) => u.hint);
  const evidence: (string | undefined)[] = units.map((u) => u.evidence);
  const credits = new Map<number, { captionEnd: number; creditStart: number }>();

  // 1. Title.
  if (units.length > 0 && kinds[0] === undefined) {
    kinds[0] = 'title';
    evidence[0] ??= 'first non-empty line';
  }

  // 2. Picture credits, alone or after a caption on the same line.
  lines.forEach((line, i) => {
    if (kinds[i] !== undefined && kinds[i] !== 'caption') return;
    const split = words(line).length <= 45 ? splitCredit(line) : undefined;
    if (!split) return;
    if (split.captionEnd === 0) {
      kinds[i] = 'credit';
      evidence[i] = split.evidence;
    } else {
      kinds[i] = 'caption';
      evidence[i] = `${split.evidence}; the words before it are the caption`;
      credits.set(i, split);
    }
  });

  // 3. Captions: an unpunctuated descriptive line next to a credit or caption.
  for (let pass = 0; pass < 2; pass++) {
    lines.forEach((line, i) => {
      if (kinds[i] !== undefined) return;
      const neighbour = [i - 1, i + 1].find(
        (j) => kinds[j] === 'credit' || (kinds[j] === 'caption' && j > 0),
      );
      if (neighbour === undefined || FINAL_PUNCTUATION.test(line) || words(line).length < 4) return;
      kinds[i] = 'caption';
      evidence[i] = `line without final punctuation beside a picture ${kinds[neighbour]}`;
    });
  }

  // 4. Header lines between the title and the first body paragraph.
  let firstBody = lines.findIndex((line, i) => kinds[i] === undefined && isBodyLike(line));
  if (firstBody < 0) firstBody = lines.length;
  for (let i = 1; i < firstBody; i++) {
    if (kinds[i] !== undefined) continue;
    const line = lines[i] ?? '';
    const byline = bylineEvidence(line);
    if (byline) {
      kinds[i] = 'byline';
      evidence[i] = byline;
    } else if (isDateLine(line)) {
      kinds[i] = 'dateline';
      evidence[i] = 'line holding only a date or publication stamp before the body';
    }
  }

  // 5. Headings: short unpunctuated lines followed by a body paragraph.
  lines.forEach((line, i) => {
    if (kinds[i] !== undefined || !isHeadingLike(line)) return;
    const next = lines.slice(i + 1).find((_, k) => kinds[i + 1 + k] !== 'caption');
    const nextIndex = next === undefined ? -1 : lines.indexOf(next, i + 1);
    if (nextIndex < 0 || kinds[nextIndex] !== undefined || !isBodyLike(next ?? '')) return;
    kinds[i] = 'heading';
    evidence[i] = 'short line without final punctuation followed by body paragraphs';
  });

  const blocks: Block[] = [];
  units.forEach((unit, i) => {
    const kind = kinds[i] ?? 'body';
    const split = credits.get(i);
    if (split) {
      const [start] = unit.span;
      blocks.push({
        kind: 'caption',
        span: [start, start + split.captionEnd],
        evidence: evidence[i],
      });
      blocks.push({
        kind: 'credit',
        span: [start + split.creditStart, unit.span[1]],
        evidence: evidence[i]?.replace(/; the words before it are the caption$/, ''),
      });
      return;
    }
    if (kind === 'body' && i === firstBody) {
      const prefix = datelinePrefix(lines[i] ?? '');
      if (prefix > 0) {
        const [start, end] = unit.span;
        const datelineText = (lines[i] ?? '').slice(0, prefix).trimEnd();
        blocks.push({
          kind: 'dateline',
          span: [start, start + datelineText.length],
          evidence: 'capitalised place (date, agency) and a dash opening the first paragraph',
        });
        blocks.push({ kind: 'body', span: [start + prefix, end], evidence: 'paragraph' });
        return;
      }
    }
    blocks.push({ kind, span: unit.span, evidence: evidence[i] ?? 'paragraph' });
  });
  return blocks;
}

/** Paragraph units of plain text: lines, or a whole blank-line paragraph when hard-wrapped. */
export function textUnits(text: string): Unit[] {
  const units: Unit[] = [];
  const paragraphs = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (const match of text.matchAll(paragraphs)) {
    const start = match.index;
    const lineSpans: Span[] = [];
    let offset = start;
    for (const line of match[0].split('\n')) {
      const lead = line.length - line.trimStart().length;
      lineSpans.push([offset + lead, offset + line.trimEnd().length]);
      offset += line.length + 1;
    }
    const lines = lineSpans.map(([s, e]) => text.slice(s, e));
    if (lines.length > 1 && isHardWrapped(lines)) {
      const first = lineSpans[0];
      const last = lineSpans[lineSpans.length - 1];
      if (first && last) units.push({ span: [first[0], last[1]] });
    } else {
      for (const span of lineSpans) units.push({ span });
    }
  }
  return units;
}

/** Lines broken inside sentences: a line ending mid-sentence followed by a lower-case start. */
function isHardWrapped(lines: string[]): boolean {
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (/[\p{L}\d,;-]$/u.test(line) && /^[\p{Ll}\d(]/u.test(next)) return true;
  }
  const lengths = lines.slice(0, -1).map((l) => l.length);
  const longest = Math.max(...lengths);
  return (
    lines.length >= 3 && longest <= 100 && lengths.every((n) => n >= 0.75 * longest && n >= 40)
  );
}
