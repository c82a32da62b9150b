/**
 * Attribution: who said what, through whom. Quotations are found first, then
 * each reading unit proposes candidates (attribution/patterns.ts); refiners in a
 * fixed order then (1) turn "a video ... showed X saying" into a relay, (2) end a
 * preposed content where a postposed attribution of the same clause begins,
 * (3) nest attributions whose cue lies in another's content (a stance or act there,
 * not a verb of saying, is folded into that content), (4) link anaphoric
 * sources to their group and carry the group's intermediary forward, (5) type
 * sources, count them, set modality, and tie quotations to their speakers.
 */
import type {
  Attribution,
  Mention,
  Quote,
  Sentence,
  SourceKind,
  SourceRef,
  Span,
} from '../core/index.ts';
import { diagnostic } from '../core/index.ts';
import type { AnnotationContext } from './context.ts';
import { findQuotes, JOINED_QUOTATIONS_PATTERN, paragraphSpans } from './quotes.ts';
import { tokenAt } from './nlp.ts';
import { modalityOf } from './modality.ts';
import type { Candidate } from './attribution/patterns.ts';
import { candidatesInUnit } from './attribution/patterns.ts';
import { buildUnits, fallbackSentences, tokenize } from './attribution/units.ts';
import type { Unit } from './attribution/units.ts';
import {
  ANONYMOUS_HEADS,
  DOCUMENT_HEADS,
  NUMBER_WORDS,
  ORDINALS,
  OUTLET_HEADS,
  OUTLET_NAMES,
  PRONOUNS,
} from './attribution/lexicon.ts';

const OUTLET_RE = new RegExp(
  `(?:^|[^\\p{L}])(${[...OUTLET_NAMES]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\p{L}])`,
  'u',
);

/**
 * Verbs of saying: the cues that keep an attribution of their own inside another
 * statement's content (a chain of reporting), unlike stance and act predicates.
 */
const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'report',
  'write',
  'announce',
  'claim',
  'add',
  'declare',
  'cite',
  'state',
  'explain',
  'insist',
  'confirm',
  'acknowledge',
  'admit',
  'assert',
  'tweet',
  'testify',
  'reply',
  'respond',
  'recall',
  'warn',
  'argue',
  'suggest',
  'note',
  'according to',
]);

/** Quotations, then a preposition that opens an adjunct of manner, place or time. */
const QUOTES_THEN_ADJUNCT = new RegExp(
  `^(\\s*${JOINED_QUOTATIONS_PATTERN})\\s+(?:in|during|at|on|from|to|with|before|after|while|through|over|near|into|across|outside|inside)\\b`,
  'u',
);

interface Draft {
  candidate: Candidate;
  id: string;
  sentence: number;
  source: SourceRef;
  intermediary?: SourceRef;
  parent?: Draft;
  /** Group key of the source ("source", "official") for anaphora and relays. */
  groupHead?: string;
  anaphoric: boolean;
  memberOf?: string;
}

function contains(outer: Span, inner: Span): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

/**
 * The first mention (in text order) lying inside `span`. Mentions come sorted by
 * start: a bisection finds the first one starting in the span, so a long text
 * with thousands of sources does not scan every mention per source.
 */
function firstMentionInside(mentions: Mention[], span: Span): Mention | undefined {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as Mention).span[0] < span[0]) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    if (m.span[0] > span[1]) break;
    if (m.span[1] <= span[1]) return m;
  }
  return undefined;
}

/** Describes a source phrase: kind, count, anonymity, group head, anaphora. */
function describeSource(
  text: string,
  span: Span | undefined,
  ctx: AnnotationContext,
): { ref: SourceRef; head?: string; anaphoric: boolean; outletInside?: string } {
  const words = tokenize(text, 0, text.length).filter((t) => t.word);
  const lowers = words.map((w) => w.lower);
  // Head: the first anonymous/document head noun, else the last word before a comma or "of".
  const firstSegment = text.split(/,|\bwho\b|\bwhich\b/u)[0] ?? text;
  const segWords = tokenize(firstSegment, 0, firstSegment.length)
    .filter((t) => t.word)
    .map((t) => t.lower);
  const heads = segWords.filter(
    (w) => ANONYMOUS_HEADS.has(w) || DOCUMENT_HEADS.has(w) || OUTLET_HEADS.has(w),
  );
  // "one of the sources": the head is "sources", not the pronoun "one".
  let head = heads.find((w) => w !== 'one') ?? heads[0];
  const ofIndex = segWords.indexOf('of');
  if (head === undefined)
    head = ofIndex > 0 ? segWords[ofIndex - 1] : segWords[segWords.length - 1];
  const mention = span === undefined ? undefined : firstMentionInside(ctx.mentions, span);
  const outletInside = OUTLET_RE.exec(text)?.[1];
  const hasName =
    words.some((w, i) => i > 0 && /^\p{Lu}/u.test(w.text) && !ORDINALS.has(w.lower)) ||
    (words.length > 0 &&
      /^\p{Lu}/u.test(words[0]?.text ?? '') &&
      !NUMBER_WORDS[lowers[0] ?? ''] &&
      !ORDINALS.has(lowers[0] ?? '') &&
      !['a', 'an', 'the', 'one', 'another', 'some', 'several', 'both'].includes(lowers[0] ?? ''));
  const pronoun = words.length === 1 && PRONOUNS.has(lowers[0] ?? '');
  const isDocument = head !== undefined && DOCUMENT_HEADS.has(head);
  const isOutlet =
    (outletInside !== undefined &&
      outletInside.length >= text.replace(/^the\s+/iu, '').length - 2) ||
    (head !== undefined && OUTLET_HEADS.has(head) && /news|press|agency|media|wire/iu.test(text));
  const anonymousHead = head !== undefined && ANONYMOUS_HEADS.has(head);
  // Named only through an organisation modifier ("a Reuters source", "U.S. officials") still leaves the person unnamed.
  // "Two engineers", "several residents": counted or indefinite people with no name.
  const unnamedPeople =
    !hasName &&
    head !== undefined &&
    mention === undefined &&
    /^(?:a|an|two|three|four|five|six|seven|eight|nine|ten|several|some|many|\d+)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+$/u.test(
      text.trim().replace(/^\p{Lu}/u, (c) => c.toLowerCase()),
    );
  const anonymous =
    !pronoun &&
    !isDocument &&
    !isOutlet &&
    (anonymousHead || unnamedPeople) &&
    (!hasName ||
      /^(?:a|an|one|two|three|four|five|several|some|the|another|\d+)\b/iu.test(text.trim()) ||
      ofIndex >= 0);
  let count: number | undefined;
  const numberWord = lowers.find((w) => NUMBER_WORDS[w] !== undefined || /^\d+$/.test(w));
  if (lowers[0] === 'one' && lowers[1] === 'of') count = 1;
  else if (numberWord !== undefined && (anonymousHead || lowers.length <= 3))
    count = NUMBER_WORDS[numberWord] ?? Number(numberWord);
  else if (head !== undefined && anonymousHead && !head.endsWith('s')) count = 1;
  else if (!anonymousHead && !isDocument) count = 1;
  const anaphoric =
    (lowers[0] === 'one' && (lowers.length === 1 || lowers[1] === 'of')) ||
    lowers.some((w) => ORDINALS.has(w) && w !== 'first' && w !== 'former' && w !== 'latter') ||
    (lowers[0] === 'the' && anonymousHead && lowers.length <= 4) ||
    lowers[0] === 'another';
  let kind: SourceKind;
  if (isOutlet) kind = 'outlet';
  else if (isDocument) kind = 'document';
  else if (anonymous) kind = 'anonymous';
  else if (mention !== undefined)
    kind =
      mention.type === 'person' ? 'person' : mention.type === 'group' ? 'group' : 'organization';
  else if (pronoun) kind = lowers[0] === 'it' || lowers[0] === 'they' ? 'organization' : 'person';
  else if (anonymousHead) kind = 'person';
  else
    kind =
      /\b(?:ministry|service|agency|office|department|government|police|army|committee|council|party|group|campaign|company|court|commission|bureau|authorities|state)\b/iu.test(
        text,
      )
        ? 'organization'
        : 'person';
  const ref: SourceRef = { text, kind, anonymous };
  if (span !== undefined) ref.span = span;
  if (mention !== undefined) ref.entityId = mention.entityId;
  if (count !== undefined && Number.isFinite(count)) ref.count = count;
  const result: { ref: SourceRef; head?: string; anaphoric: boolean; outletInside?: string } = {
    ref,
    anaphoric,
  };
  if (head !== undefined) result.head = head.replace(/s$/u, '');
  if (outletInside !== undefined && !isOutlet) result.outletInside = outletInside;
  return result;
}

function refFromSpan(text: string, span: Span, ctx: AnnotationContext): SourceRef {
  return describeSource(text.slice(span[0], span[1]), span, ctx).ref;
}

/** Finds reported statements: source, cue, content, intermediary, nesting, modality. */
export function extractAttributions(ctx: AnnotationContext): {
  attributions: Attribution[];
  quotes: Quote[];
} {
  const { article } = ctx;
  const text = article.text;
  const paragraphs = paragraphSpans(text);
  const { quotes: quoteSpans, diagnostics } = findQuotes(text, paragraphs, article.id);
  ctx.diagnostics.push(...diagnostics);
  const sentences =
    ctx.sentences.length > 0 ? ctx.sentences : fallbackSentences(text, article.blocks);
  // The shared wink tokens give the units their tokens (absent when a caller built the context by hand).
  const units = buildUnits(text, sentences, quoteSpans, ctx.tokens, paragraphs);
  const titleEnd =
    article.title !== '' && text.trimStart().startsWith(article.title)
      ? text.indexOf(article.title) + article.title.length
      : -1;

  // 1. candidates per unit
  const candidates: Candidate[] = [];
  const table = ctx.tokens as AnnotationContext['tokens'] | undefined;
  // POS of the table token starting at an offset (the last one, when several start there),
  // found by binary search: cheaper than a map of every token when only cue words ask.
  const posAt =
    table !== undefined && table.count > 0
      ? (offset: number): string | undefined => {
          let i = tokenAt(table, offset);
          if (i >= table.count || table.start[i] !== offset) return undefined;
          while (i + 1 < table.count && table.start[i + 1] === offset) i++;
          return table.pos[i] ?? '';
        }
      : undefined;
  // Quotations are sorted by start: each unit takes its own slice (linear overall).
  let qi = 0;
  units.forEach((unit) => {
    const isTitle = unit.kind === 'title' || (unit.span[1] <= titleEnd && unit.paragraph === 0);
    while (qi < quoteSpans.length && (quoteSpans[qi]?.span[0] ?? 0) < unit.span[0]) qi++;
    let qe = qi;
    while (qe < quoteSpans.length && (quoteSpans[qe]?.span[0] ?? 0) < unit.span[1]) qe++;
    candidates.push(...candidatesInUnit(unit, quoteSpans.slice(qi, qe), isTitle, posAt));
  });

  // "This was reported to ... by ...": the content is the previous unit of the same paragraph
  // or, at a paragraph start, the previous paragraph's last unit.
  const unitIndex = new Map<Unit, number>(units.map((u, i) => [u, i]));
  for (const c of candidates) {
    if (!c.contentFromPrevious) continue;
    const idx = unitIndex.get(c.unit) ?? 0;
    const prev = units[idx - 1];
    if (prev === undefined || prev.kind !== c.unit.kind) {
      c.contentFromPrevious = false;
      continue;
    }
    c.content = [prev.span[0], prev.span[1]];
  }

  /** Whether `offset` lies in a quotation that opens at or after `start`. */
  const insideQuoteFrom = (offset: number, start: number): boolean => {
    let lo = 0;
    let hi = quoteSpans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((quoteSpans[mid]?.span[0] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) {
      const q = quoteSpans[k] as (typeof quoteSpans)[number];
      if (q.span[0] < start) break;
      if (q.span[0] < offset && offset < q.span[1]) return true;
    }
    return false;
  };

  // Candidates per unit: every refiner below compares candidates of one unit only.
  const byUnit = new Map<Unit, Candidate[]>();
  for (const c of candidates) {
    const list = byUnit.get(c.unit);
    if (list === undefined) byUnit.set(c.unit, [c]);
    else list.push(c);
  }
  const sameUnit = (c: Candidate): Candidate[] => byUnit.get(c.unit) ?? [];

  // 2. "A video released by X showed Y saying: ...": Y is the source, X relays.
  const dropped = new Set<Candidate>();
  for (const outer of candidates) {
    if (outer.lemma !== 'show' || outer.source === undefined) continue;
    const inner = sameUnit(outer).find(
      (c) =>
        c !== outer &&
        c.source !== undefined &&
        c.source[0] === outer.content[0] &&
        contains(outer.content, c.cue),
    );
    if (inner === undefined) continue;
    dropped.add(outer);
    const sourceText = text.slice(outer.source[0], outer.source[1]);
    const agent =
      /\b(?:released|published|issued|posted|aired|distributed|obtained|shared|broadcast)\s+by\s+(.+)$/u.exec(
        sourceText,
      );
    if (agent?.[1] !== undefined) {
      const start = outer.source[0] + (agent.index + agent[0].length - agent[1].length);
      inner.intermediary = [start, outer.source[1]];
    } else inner.intermediary = outer.source;
  }
  const kept = candidates.filter((c) => !dropped.has(c));

  // 3. a preposed content ends where a postposed attribution of the same clause starts:
  // "X warned of Y, it has been reported" gives X's content "Y", not "Y, it has been reported".
  for (const c of kept) {
    for (const other of sameUnit(c)) {
      if (other === c || dropped.has(other)) continue;
      if (
        other.pattern === 'preposed' ||
        other.pattern === 'elided-subject' ||
        other.pattern === 'headline'
      )
        continue;
      if (
        contains(other.content, c.cue) &&
        c.content[1] > other.content[1] &&
        c.content[0] < other.content[1]
      ) {
        let end = other.content[1];
        while (end > c.content[0] && /[\s,;:]/u.test(text[end - 1] ?? '')) end--;
        c.content = [c.content[0], end];
      }
    }
  }
  // A content ends where a coordinated clause with its own reporting verb begins:
  // "X claimed A, and Y said B" / "X acknowledged A, but have also claimed B".
  for (const c of kept) {
    for (const other of sameUnit(c)) {
      if (other === c || dropped.has(other) || other.cue[0] <= c.cue[1]) continue;
      if (other.pattern !== 'preposed' && other.pattern !== 'elided-subject') continue;
      const start = Math.min(other.source?.[0] ?? other.cue[0], other.cue[0]);
      const from = other.pattern === 'elided-subject' ? other.cue[0] : start;
      if (from <= c.content[0] || from >= c.content[1]) continue;
      // Inside a quotation opened within the content the clause belongs to the quoted
      // speaker: leave it nested.
      if (insideQuoteFrom(from, c.content[0])) continue;
      // Only the few characters before the clause matter for its connective.
      const windowStart = Math.max(c.content[0], from - 40);
      const between = text.slice(windowStart, from);
      const lead =
        /(?:[,;]([”’"]|'')?\s*(?:and|but|while|whereas)?|\s(?:and|but))\s*(?:(?:has|have|had)\s+)?(?:also\s+)?$/u.exec(
          between,
        );
      if (lead === null) continue;
      // "… the pier,” adding that …": the comma sits inside the quotation, which stays.
      let end = windowStart + lead.index + (lead[1] === undefined ? 0 : 2);
      if (lead[1] !== undefined) {
        if (end > c.content[0]) c.content = [c.content[0], end];
        continue;
      }
      while (end > c.content[0] && /[\s,;:]/u.test(text[end - 1] ?? '')) end--;
      if (end > c.content[0]) c.content = [c.content[0], end];
    }
  }
  // Duplicates (one cue read by two patterns) keep the first.
  const seen = new Set<string>();
  const unique = kept.filter((c) => {
    const key = `${c.cue[0]}:${c.cue[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return c.content[1] > c.content[0];
  });
  unique.sort((a, b) => a.cue[0] - b.cue[0]);

  // 4. drafts with sources described, nesting, groups and relays.
  const drafts: Draft[] = unique.map((c, i) => {
    const sentence =
      c.unit.sentences.find((s) => {
        const sp = sentences[s]?.span;
        return sp !== undefined && sp[0] <= c.cue[0] && c.cue[0] < sp[1];
      }) ??
      c.unit.sentences[0] ??
      0;
    let described: ReturnType<typeof describeSource>;
    if (c.source !== undefined)
      described = describeSource(text.slice(c.source[0], c.source[1]), c.source, ctx);
    else
      described = {
        ref: { text: 'unnamed', kind: 'anonymous', anonymous: true },
        anaphoric: false,
      };
    const draft: Draft = {
      candidate: c,
      id: `${article.id.slice(0, 8)}-a${i + 1}`,
      sentence,
      source: described.ref,
      anaphoric: described.anaphoric,
    };
    if (described.head !== undefined) draft.groupHead = described.head;
    if (c.intermediary !== undefined) draft.intermediary = refFromSpan(text, c.intermediary, ctx);
    else if (described.outletInside !== undefined) {
      // "a Reuters source": the outlet named inside the source phrase relays it.
      const at = text.indexOf(described.outletInside, c.source?.[0] ?? 0);
      draft.intermediary = {
        text: described.outletInside,
        kind: 'outlet',
        anonymous: false,
        span: [at, at + described.outletInside.length],
      };
    }
    return draft;
  });

  // Quotations given as the content, then a phrase of manner, place or time ("shouted
  // "Run" and "Hide" in Arabic during the raid"): the words said are the quotations.
  for (const d of drafts) {
    const [from, to] = d.candidate.content;
    const said = QUOTES_THEN_ADJUNCT.exec(text.slice(from, to));
    if (said?.[1] === undefined) continue;
    d.candidate.content = [from, from + said[1].length];
    d.candidate.direct = true;
  }

  // Nesting: the innermost other attribution whose content holds this cue. A content lies in
  // its own unit, or in the unit before for "This was reported ..." — index by that unit.
  const contentUnit = (c: Candidate): Unit =>
    c.contentFromPrevious ? (units[(unitIndex.get(c.unit) ?? 1) - 1] ?? c.unit) : c.unit;
  const byContentUnit = new Map<Unit, Draft[]>();
  for (const d of drafts) {
    const u = contentUnit(d.candidate);
    const list = byContentUnit.get(u);
    if (list === undefined) byContentUnit.set(u, [d]);
    else list.push(d);
  }
  for (const d of drafts) {
    let best: Draft | undefined;
    for (const o of byContentUnit.get(d.candidate.unit) ?? []) {
      if (o === d) continue;
      const oc = o.candidate.content;
      if (!contains(oc, d.candidate.cue)) continue;
      if (contains(oc, o.candidate.cue)) continue;
      if (
        best === undefined ||
        oc[1] - oc[0] < best.candidate.content[1] - best.candidate.content[0]
      )
        best = o;
    }
    if (best !== undefined && !contains(d.candidate.content, best.candidate.cue)) d.parent = best;
  }
  // A stance, act or judgement inside another statement's content is part of what that
  // statement reports, not a statement of its own: in "Lee said Kim opposes the plan"
  // Lee reports Kim's opposition, and in a quotation ("these men who attacked the hall")
  // an act is what the speaker says. Only verbs of saying keep their own attribution
  // there, so chains of reporting ("Reuters reported officials said ...") stay.
  const folded = new Set<Draft>();
  for (const d of drafts) {
    const p = d.parent;
    if (p === undefined || d.candidate.direct) continue;
    if (!SPEECH_LEMMAS.has(d.candidate.lemma)) folded.add(d);
  }
  if (folded.size > 0) {
    const kept = drafts.filter((d) => !folded.has(d));
    kept.forEach((d, i) => {
      let p = d.parent;
      while (p !== undefined && folded.has(p)) p = p.parent;
      if (p === undefined) delete d.parent;
      else d.parent = p;
      d.id = `${article.id.slice(0, 8)}-a${i + 1}`;
    });
    drafts.splice(0, drafts.length, ...kept);
  }

  // Groups: the most recent intermediary set up for a group of sources carries forward to
  // later members of that group ("one of the sources", "a third source", "One said").
  const lastGroupByHead = new Map<string, Draft>();
  let lastGroup: Draft | undefined;
  // Most recent relay per head noun ("source" → Reuters), set by any source of that kind.
  const relays = new Map<string, SourceRef>();
  let lastRelay: SourceRef | undefined;
  for (const d of drafts) {
    // A relay set up explicitly (or by an enclosing outlet report) carries forward to the
    // group; one inherited from an enclosing speaker stays with this statement only.
    let relaySetUp = d.intermediary !== undefined;
    if (d.intermediary === undefined && d.parent !== undefined) {
      const p = d.parent;
      if (p.source.span !== undefined || p.source.text !== 'unnamed') d.intermediary = p.source;
      relaySetUp = p.source.kind === 'outlet' || p.candidate.lemma === 'report';
    }
    const head = d.groupHead;
    if (d.anaphoric) {
      const lone = /^(?:one|another)$/iu.test(d.source.text.trim());
      const group = lone ? lastGroup : head === undefined ? undefined : lastGroupByHead.get(head);
      if (group !== undefined) {
        d.memberOf = group.id;
        if (d.source.count === undefined) d.source.count = 1;
        if (lone) {
          d.source.anonymous = group.source.anonymous;
          if (group.source.anonymous) d.source.kind = 'anonymous';
        }
      }
      const relay = lone ? lastRelay : head === undefined ? undefined : relays.get(head);
      if (d.intermediary === undefined && relay !== undefined) d.intermediary = relay;
    } else if (
      head !== undefined &&
      d.source.anonymous &&
      ((d.source.count ?? 2) > 1 || /s$/u.test(d.source.text.trim()))
    ) {
      lastGroupByHead.set(head, d);
      lastGroup = d;
    }
    if (head !== undefined && d.source.anonymous && d.intermediary !== undefined && relaySetUp) {
      relays.set(head, d.intermediary);
      lastRelay = d.intermediary;
    }
  }

  const attributions: Attribution[] = drafts.map((d) => {
    const c = d.candidate;
    const contentText = text.slice(c.content[0], c.content[1]);
    const cueText = text.slice(c.cue[0], c.cue[1]);
    const source: SourceRef =
      d.memberOf === undefined ? d.source : { ...d.source, memberOf: d.memberOf };
    const a: Attribution = {
      id: d.id,
      sentence: d.sentence,
      source,
      cue: { text: cueText, span: c.cue },
      content: { span: c.content },
      direct: c.direct,
      modality: modalityOf(contentText, c.lemma, cueText),
    };
    if (d.intermediary !== undefined) a.intermediary = d.intermediary;
    if (d.parent !== undefined) a.parentId = d.parent.id;
    return a;
  });

  // 5. quotations, each tied to the innermost attribution whose content holds it.
  const attributionsByUnit = new Map<Unit, Attribution[]>();
  drafts.forEach((d, i) => {
    const u = contentUnit(d.candidate);
    const list = attributionsByUnit.get(u);
    if (list === undefined) attributionsByUnit.set(u, [attributions[i] as Attribution]);
    else list.push(attributions[i] as Attribution);
  });
  /** Index of the last item whose span starts at or before `offset` (items sorted by start). */
  const lastStartingBefore = (items: { span: Span }[], offset: number): number => {
    let lo = 0;
    let hi = items.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((items[mid]?.span[0] ?? 0) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const quotes: Quote[] = quoteSpans.map((q, i) => {
    const inSentences: number[] = [];
    for (let k = Math.max(0, lastStartingBefore(sentences, q.span[0])); k < sentences.length; k++) {
      const sp = (sentences[k] as Sentence).span;
      if (sp[0] >= q.span[1]) break;
      if (q.span[0] < sp[1]) inSentences.push((sentences[k] as Sentence).index);
    }
    const unit = units[lastStartingBefore(units, q.span[0])];
    const quote: Quote = {
      id: `${article.id.slice(0, 8)}-q${i + 1}`,
      span: q.span,
      contentSpan: q.contentSpan,
      sentences: inSentences,
    };
    let best: Attribution | undefined;
    for (const a of unit === undefined ? [] : (attributionsByUnit.get(unit) ?? [])) {
      if (contains(a.content.span, q.span) || contains(a.content.span, q.contentSpan)) {
        if (
          best === undefined ||
          a.content.span[1] - a.content.span[0] < best.content.span[1] - best.content.span[0]
        )
          best = a;
      }
    }
    if (best !== undefined) quote.attributionId = best.id;
    else {
      const words = text
        .slice(q.contentSpan[0], q.contentSpan[1])
        .split(/\s+/u)
        .filter(Boolean).length;
      // Short quotations are names, titles or scare quotes; only a statement lacks a speaker.
      if (words >= 6) {
        ctx.diagnostics.push(
          diagnostic(
            'annotate',
            'quote-without-speaker',
            'quotation with no speaker found in its sentence',
            {
              severity: 'info',
              span: q.span,
              articleId: article.id,
            },
          ),
        );
      }
    }
    return quote;
  });

  return { attributions, quotes };
}
