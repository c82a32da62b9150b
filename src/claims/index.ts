/**
 * Claims: the checkable statements of an article, built from its body sentences.
 *
 * Pieces come from two places, in this order:
 * 1. attributions — the reported content is a claim of its source (a quotation
 *    is a claim of its speaker). When the content is no clause of its own
 *    ("IS claimed responsibility for the attack", "X accused Y of Z") the whole
 *    speech act is the claim, with the reporting verb as predicate, owned by
 *    the enclosing attribution (or by the article).
 * 2. the rest of each sentence — what the article states in its own voice,
 *    split at coordinated clauses that have a subject and a verb of their own.
 * Each piece gets its predicate lemma, entities, places, times, quantities,
 * modality and the attribution chain (outlet first).
 */
import type {
  Attribution,
  Claim,
  Modality,
  Quote,
  Sentence,
  Span,
  TimeRef,
} from '../core/index.ts';
import type { AnnotationContext } from '../annotate/context.ts';
import { modalityOf } from '../annotate/modality.ts';
import { JOINED_QUOTATIONS_PATTERN, QUOTATION_PATTERN } from '../annotate/quotes.ts';
import { cueLemma } from '../annotate/attribution/lexicon.ts';
import { fallbackSentences } from '../annotate/attribution/units.ts';
import { SentenceFiling, SentenceFrames } from './filing.ts';

/** Nothing but quotations joined by commas or a conjunction. */
const QUOTATIONS_ONLY = new RegExp(`^\\s*${JOINED_QUOTATIONS_PATTERN}\\s*$`, 'u');
/** Between a source and its cue: a comma and a relative pronoun, then the clause ("the US, which publicly warned"). */
const RELATIVE_AFTER_SOURCE = /^\s*,\s*(?:which|who)\b[^,;:.!?]*$/i;

/**
 * Reporting verbs whose object is a noun phrase rather than a clause ("claimed
 * responsibility for X", "accused X of Y", "warned of X"): the speech act is the claim.
 */
const NOUN_PHRASE_CONTENT = new Set([
  'claim',
  'accuse',
  'warn',
  'deny',
  'call',
  'blame',
  'describe',
  'announce',
]);

/** Pieces shorter than this many words are fragments, not statements. */
const MIN_WORDS = 3;

interface Piece {
  span: Span;
  sentence: number;
  attribution?: Attribution;
  /** The speech act itself is the statement: predicate is the cue's lemma. */
  speechAct?: { lemma: string; agentSpan?: Span };
  quoted: boolean;
  modality?: Modality;
}

function contains(outer: Span, inner: Span): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

/** Subtracts spans from a span; returns the remaining pieces in order. */
function subtract(span: Span, holes: Span[]): Span[] {
  const sorted = holes.filter((h) => h[1] > span[0] && h[0] < span[1]).sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  let from = span[0];
  for (const [s, e] of sorted) {
    if (s > from) out.push([from, s]);
    from = Math.max(from, e);
  }
  if (from < span[1]) out.push([from, span[1]]);
  return out;
}

const LEADING_CONNECTIVE =
  /^(?:(?:and|but|or|while|whereas|so|yet|that|which|who|as|because|although|though|then)\b\s*)+/iu;

/** One character trimmed off the end of a span. */
const TRAILING = /^[\s,;:.—–\-"“”‘([]$/u;

/** Trims punctuation, quotation marks and connectives off the ends of a span. */
function tidy(text: string, span: Span): Span {
  let [s, e] = span;
  for (let guard = 0; guard < 4; guard++) {
    const slice = text.slice(s, e);
    const lead = /^[\s,;:.—–\-"“”‘’()[\]]+/u.exec(slice)?.[0].length ?? 0;
    s += lead;
    const rest = text.slice(s, e);
    const conn = LEADING_CONNECTIVE.exec(rest)?.[0].length ?? 0;
    s += conn;
    // Scanned back from the end: a `[...]+$` regex would retry from every run of such characters.
    let tail = 0;
    while (e - tail > s && TRAILING.test(text[e - tail - 1] ?? '')) tail++;
    e -= tail;
    if (lead === 0 && conn === 0 && tail === 0) break;
  }
  return [s, Math.max(s, e)];
}

/**
 * Puts back a quotation mark `tidy` took off when the claim holds its partner:
 * a claim that opens a quotation ("no comment" was all she said) or ends inside
 * one (called it "the worst in years.") keeps both marks, so its text never
 * shows half a quotation. A sentence-final mark inside the quotation comes
 * along with the closing one.
 */
function balanceQuotes(text: string, span: Span): Span {
  let [s, e] = span;
  const said = text.slice(s, e);
  const count = (mark: string) => said.split(mark).length - 1;
  const closingAfter = (mark: string): number | undefined => {
    const at = /[.!?,]/u.test(text[e] ?? '') ? e + 1 : e;
    return text[at] === mark ? at + 1 : undefined;
  };
  if (count('“') > count('”')) e = closingAfter('”') ?? e;
  else if (count('”') > count('“') && text[s - 1] === '“') s -= 1;
  if (count('"') % 2 === 1) {
    const first = said.indexOf('"');
    // The lone mark closes a quotation when a word ends right before it.
    const closes = first > 0 && /[\p{L}\p{N}.,!?]/u.test(said[first - 1] ?? '');
    if (closes && text[s - 1] === '"') s -= 1;
    else if (!closes) e = closingAfter('"') ?? e;
  }
  return [s, e];
}

/**
 * Whether the text has at least `n` whitespace-separated words holding a letter
 * or digit. Reads only as far as the `n`th such word; ASCII by code, other
 * characters by `\s` and `[\p{L}\p{N}]` as regexes read them.
 */
function hasWords(text: string, n: number): boolean {
  if (n <= 0) return true;
  let found = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let space: boolean;
    let letterOrDigit: boolean;
    if (code < 0x80) {
      space = code === 0x20 || (code >= 0x09 && code <= 0x0d);
      letterOrDigit =
        (code >= 0x30 && code <= 0x39) ||
        (code >= 0x41 && code <= 0x5a) ||
        (code >= 0x61 && code <= 0x7a);
    } else {
      const char = String.fromCodePoint(text.codePointAt(i) ?? code);
      if (char.length === 2) i++;
      space = /\s/u.test(char);
      letterOrDigit = !space && LETTER_OR_DIGIT.test(char);
    }
    if (space) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (letterOrDigit && !counted) {
      counted = true;
      found += 1;
      if (found >= n) return true;
    }
  }
  return false;
}
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Token index range [from, to) of a span in the shared token table. */
function tokenRange(ctx: AnnotationContext, span: Span): [number, number] {
  const t = ctx.tokens;
  let lo = 0;
  let hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.start[mid] ?? 0) < span[0]) lo = mid + 1;
    else hi = mid;
  }
  // Token ends rise with their starts: the end of the range is a bisection too.
  let end = t.count;
  let from = lo;
  while (from < end) {
    const mid = (from + end) >>> 1;
    if ((t.end[mid] ?? 0) <= span[1]) from = mid + 1;
    else end = mid;
  }
  return [lo, end];
}

function hasVerb(ctx: AnnotationContext, span: Span): boolean {
  if (ctx.tokens === undefined || ctx.tokens.count === 0) return true;
  const [a, b] = tokenRange(ctx, span);
  for (let i = a; i < b; i++) {
    const pos = ctx.tokens.pos[i];
    if (pos === 'VERB' || pos === 'AUX') return true;
  }
  return false;
}

/**
 * Main predicate: the first full verb of the span that is not a reporting verb
 * (the content's own event), else the first full verb.
 */
function predicateOf(
  ctx: AnnotationContext,
  span: Span,
): { lemma: string; at: number } | undefined {
  if (ctx.tokens === undefined || ctx.tokens.count === 0) return undefined;
  const [a, b] = tokenRange(ctx, span);
  let fallback: { lemma: string; at: number } | undefined;
  for (let i = a; i < b; i++) {
    if (ctx.tokens.pos[i] !== 'VERB') continue;
    const lemma = (ctx.tokens.lemma[i] ?? ctx.tokens.normal[i] ?? '').toLowerCase();
    const at = ctx.tokens.start[i] ?? span[0];
    if (cueLemma(lemma) === undefined) return { lemma, at };
    fallback ??= { lemma, at };
  }
  if (fallback !== undefined) return fallback;
  // No full verb ("radical Islamists were involved"): the auxiliary carries the clause.
  for (let i = a; i < b; i++) {
    if (ctx.tokens.pos[i] === 'AUX')
      return {
        lemma: (ctx.tokens.lemma[i] ?? '').toLowerCase(),
        at: ctx.tokens.start[i] ?? span[0],
      };
  }
  return undefined;
}

/**
 * Splits an asserted stretch at coordinated clauses with a subject of their own:
 * "; " always, ", and|but|while|whereas" when a noun phrase and a verb follow.
 */
function splitClauses(ctx: AnnotationContext, text: string, span: Span): Span[] {
  const slice = text.slice(span[0], span[1]);
  const cuts: number[] = [];
  const re = /;\s+|,\s+(?:and|but|while|whereas|yet)\s+/gu;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const after = span[0] + m.index + m[0].length;
    // The next clause up to its first comma or semicolon (searched, not split off the rest).
    const stop = /[,;]/gu;
    stop.lastIndex = m.index + m[0].length;
    const windowEnd = stop.exec(slice)?.index ?? slice.length;
    const window = slice.slice(m.index + m[0].length, windowEnd);
    if (
      m[0].startsWith(';') ||
      (hasWords(window, 2) && hasSubjectAndVerb(ctx, [after, after + window.length]))
    ) {
      cuts.push(span[0] + m.index, after);
    }
  }
  if (cuts.length === 0) return [span];
  const out: Span[] = [];
  let from = span[0];
  for (let i = 0; i < cuts.length; i += 2) {
    out.push([from, cuts[i] ?? from]);
    from = cuts[i + 1] ?? from;
  }
  out.push([from, span[1]]);
  return out;
}

function startsWithVerb(ctx: AnnotationContext, span: Span): boolean {
  if (ctx.tokens === undefined || ctx.tokens.count === 0) return false;
  const [a] = tokenRange(ctx, span);
  return ctx.tokens.pos[a] === 'VERB';
}

function hasSubjectAndVerb(ctx: AnnotationContext, span: Span): boolean {
  if (ctx.tokens === undefined || ctx.tokens.count === 0) return false;
  const [a, b] = tokenRange(ctx, span);
  const first = ctx.tokens.pos[a];
  if (!['DET', 'PROPN', 'PRON', 'NOUN', 'NUM', 'ADJ'].includes(first ?? '')) return false;
  for (let i = a + 1; i < b; i++) {
    const pos = ctx.tokens.pos[i];
    if (pos === 'VERB' || pos === 'AUX') return true;
  }
  return false;
}

/** Source names outer → inner, the outlet first. */
function chainOf(
  attribution: Attribution | undefined,
  byId: Map<string, Attribution>,
  outlet: string,
): string[] {
  const path: Attribution[] = [];
  const seen = new Set<string>();
  for (
    let a = attribution;
    a !== undefined && !seen.has(a.id);
    a = a.parentId === undefined ? undefined : byId.get(a.parentId)
  ) {
    seen.add(a.id);
    path.unshift(a);
  }
  const chain = [outlet];
  for (const a of path) {
    const last = chain[chain.length - 1];
    const inter = a.intermediary?.text;
    if (inter !== undefined && inter !== last && !chain.includes(inter)) chain.push(inter);
    if (a.source.text !== chain[chain.length - 1]) chain.push(a.source.text);
  }
  return chain;
}

/** Builds the checkable claims of an article from its annotated sentences. */
export function buildClaims(
  ctx: AnnotationContext,
  attributions: Attribution[],
  quotes: Quote[],
): Claim[] {
  const { article } = ctx;
  const text = article.text;
  const sentences: Sentence[] =
    ctx.sentences.length > 0 ? ctx.sentences : fallbackSentences(text, article.blocks);
  const byId = new Map(attributions.map((a) => [a.id, a]));
  const outlet = article.meta.outlet ?? 'the article';
  const sentenceAt = (offset: number): Sentence | undefined => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((sentences[mid]?.span[0] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = sentences[lo];
    return s !== undefined && s.span[0] <= offset && offset < s.span[1] ? s : undefined;
  };
  // Per-sentence indexes keep the work linear in the article's length: an attribution
  // is filed under the sentence of its cue and under the sentence where its content starts;
  // each sentence's list is searched by bisection, so a run-on sentence stays linear too.
  const sentenceIndexAt = (offset: number): number | undefined => sentenceAt(offset)?.index;
  const byCueSentence = new SentenceFiling(attributions, sentenceIndexAt, (a) => a.cue.span);
  const byContentSentence = new SentenceFiling(
    attributions,
    sentenceIndexAt,
    (a) => a.content.span,
  );
  const mentionsBySentence = new SentenceFiling(ctx.mentions, sentenceIndexAt, (m) => m.span);
  const timesBySentence = new SentenceFiling(ctx.times, sentenceIndexAt, (t) => t.span);
  const quantitiesBySentence = new SentenceFiling(ctx.quantities, sentenceIndexAt, (q) => q.span);
  const quotesBySentence = new SentenceFiling(quotes, sentenceIndexAt, (q) => q.span);
  /** The sentences a span touches, from `back` sentences before its first. */
  const sentenceRange = (span: Span, back = 0): [number, number] => {
    const first = (sentenceAt(span[0])?.index ?? 0) - back;
    const last = sentenceAt(Math.max(span[0], span[1] - 1))?.index ?? first + back;
    return [first, last];
  };
  const innermostHolding = (span: Span, except?: Attribution): Attribution | undefined => {
    let best: Attribution | undefined;
    // A content holding the span starts in the span's sentence or, for a quotation or
    // a "This was reported" content, a few sentences before; of those, the 50 starting
    // last before the span (nesting is shallow, and a run-on sentence stays linear).
    const [first, last] = sentenceRange(span, 3);
    for (const a of byContentSentence.lastStartingBy(first, last, span[0], 50)) {
      if (a === except || !contains(a.content.span, span)) continue;
      if (
        best === undefined ||
        a.content.span[1] - a.content.span[0] < best.content.span[1] - best.content.span[0]
      )
        best = a;
    }
    return best;
  };
  // Attributions by cue start: "is there a cue between these offsets" is a bisection.
  const byCue = [...attributions].sort((x, y) => x.cue.span[0] - y.cue.span[0]);
  const cueBetween = (a: Attribution, from: number, to: number): boolean => {
    let lo = 0;
    let hi = byCue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((byCue[mid] as Attribution).cue.span[0] < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < byCue.length; i++) {
      const o = byCue[i] as Attribution;
      if (o.cue.span[0] >= to) break;
      if (o !== a && o.cue.span[1] <= to) return true;
    }
    return false;
  };
  const children = new Map<string, Attribution[]>();
  for (const a of attributions) {
    if (a.parentId === undefined) continue;
    const list = children.get(a.parentId);
    if (list === undefined) children.set(a.parentId, [a]);
    else list.push(a);
  }
  // Everything an attribution covers: source, cue and content (wherever they sit).
  const reach = (a: Attribution): Span => {
    const source = a.source.span;
    // A source named before a relative clause that holds the cue ("a warning
    // from the US, which warned of an attack"): the name belongs to the
    // sentence around it too, so only the relative clause is taken out.
    const relative =
      source !== undefined &&
      source[1] <= a.cue.span[0] &&
      RELATIVE_AFTER_SOURCE.test(text.slice(source[1], a.cue.span[0]));
    const start = Math.min(
      relative ? source[1] : (source?.[0] ?? a.cue.span[0]),
      a.cue.span[0],
      a.content.span[0],
    );
    return [start, Math.max(a.cue.span[1], a.content.span[1], relative ? 0 : (source?.[1] ?? 0))];
  };

  /** A content made of several quotations ("Run" and "Hide") says each of them: one span each. */
  const eachQuotation = (part: Span): Span[] => {
    const said = text.slice(part[0], part[1]);
    if (!QUOTATIONS_ONLY.test(said)) return [part];
    const spans = [...said.matchAll(new RegExp(QUOTATION_PATTERN, 'gu'))].map((m): Span => [
      part[0] + m.index,
      part[0] + m.index + m[0].length,
    ]);
    return spans.length > 1 ? spans : [part];
  };

  const pieces: Piece[] = [];
  // 1. attributed contents and speech acts
  for (const a of attributions) {
    const lemma = cueLemma(a.cue.text) ?? 'say';
    const contentText = text.slice(a.content.span[0], a.content.span[1]);
    const clausal =
      /^\s*(?:that\b|["“«])/u.test(contentText) ||
      a.direct ||
      (!NOUN_PHRASE_CONTENT.has(lemma) && hasVerb(ctx, a.content.span));
    if (!clausal && a.source.span !== undefined) {
      // A shared subject ("X claimed A and called it B") starts only the first speech act.
      const sourceEnd = a.source.span[1];
      const span: Span = [
        cueBetween(a, sourceEnd, a.cue.span[0])
          ? a.cue.span[0]
          : Math.min(a.source.span[0], a.cue.span[0]),
        a.content.span[1],
      ];
      const sentence = sentenceAt(a.cue.span[0]);
      if (sentence === undefined) continue;
      const owner = a.parentId === undefined ? undefined : byId.get(a.parentId);
      const piece: Piece = {
        span,
        sentence: sentence.index,
        quoted: false,
        speechAct: { lemma, agentSpan: a.source.span },
      };
      if (owner !== undefined) piece.attribution = owner;
      pieces.push(piece);
      continue;
    }
    const holes = (children.get(a.id) ?? [])
      .filter((c) => contains(a.content.span, c.cue.span))
      .map(reach);
    for (const part of subtract(a.content.span, holes).flatMap(eachQuotation)) {
      const sentence = sentenceAt(part[0]);
      if (sentence === undefined) continue;
      // A quotation's content lies inside its span: holding the span is enough.
      const quoted = quotesBySentence.holds(...sentenceRange(part, 3), part);
      pieces.push({
        span: part,
        sentence: sentence.index,
        attribution: a,
        quoted: quoted || a.direct,
        modality: a.modality,
      });
    }
  }
  // 2. the article's own statements: each sentence minus its attributions
  for (const sentence of sentences) {
    const holes = byCueSentence.all(sentence.index).map(reach);
    // Contents of attributions made elsewhere ("This was reported to ...") stay claims of this sentence.
    for (const part of subtract(sentence.span, holes)) {
      for (const clause of splitClauses(ctx, text, part)) {
        // A stretch opening with a verb is a participial frame ("Asked about the report"), not a statement.
        if (startsWithVerb(ctx, tidy(text, clause))) continue;
        const piece: Piece = { span: clause, sentence: sentence.index, quoted: false };
        const holder = innermostHolding(clause);
        if (holder !== undefined) {
          piece.attribution = holder;
          piece.modality = holder.modality;
        }
        pieces.push(piece);
      }
    }
  }

  const piecesPerSentence = new Map<number, Piece[]>();
  for (const p of pieces) {
    const list = piecesPerSentence.get(p.sentence);
    if (list === undefined) piecesPerSentence.set(p.sentence, [p]);
    else list.push(p);
  }
  // Built on first use, once per sentence.
  const framesOf = new Map<number, { times: TimeRef[]; frames: SentenceFrames<Piece, TimeRef> }>();
  const claims: Claim[] = [];
  const seen = new Set<string>();
  const prefix = article.id.slice(0, 8);
  for (const piece of pieces.sort((x, y) => x.span[0] - y.span[0] || y.span[1] - x.span[1])) {
    const sentence = sentences[piece.sentence];
    if (sentence === undefined || sentence.kind !== 'body') continue;
    const span = balanceQuotes(text, tidy(text, piece.span));
    const claimText = text.slice(span[0], span[1]);
    if (!hasWords(claimText, MIN_WORDS) || !hasVerb(ctx, span)) continue;
    const key = `${span[0]}:${span[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const touched = sentenceRange(span);
    const inSpan = mentionsBySentence.inside(...touched, span);
    const predicate =
      piece.speechAct !== undefined
        ? { lemma: piece.speechAct.lemma, at: piece.span[0] }
        : predicateOf(ctx, span);
    const agentMention = piece.speechAct?.agentSpan
      ? inSpan.find((m) => contains(piece.speechAct?.agentSpan as Span, m.span))
      : inSpan.find(
          (m) => m.type !== 'place' && (predicate === undefined || m.span[1] <= predicate.at),
        );
    const patientMention = inSpan.find(
      (m) =>
        m !== agentMention &&
        m.type !== 'place' &&
        predicate !== undefined &&
        m.span[0] > predicate.at,
    );
    let timeIds = timesBySentence.inside(...touched, span).map((t) => t.id);
    if (timeIds.length === 0) {
      // A time elsewhere in the sentence ("On March 23, ...") frames its only clause.
      let framed = framesOf.get(sentence.index);
      if (framed === undefined) {
        const times = timesBySentence
          .all(sentence.index)
          .filter((t) => contains(sentence.span, t.span));
        framed = {
          times,
          frames: new SentenceFrames(times, piecesPerSentence.get(sentence.index) ?? []),
        };
        framesOf.set(sentence.index, framed);
      }
      const others = (piecesPerSentence.get(piece.sentence)?.length ?? 1) - 1;
      timeIds = (others === 0 ? framed.times : framed.frames.framing(piece, span[0])).map(
        (t) => t.id,
      );
    }
    const attribution = piece.attribution;
    const modality: Modality =
      piece.speechAct !== undefined
        ? attribution === undefined
          ? 'asserted'
          : 'reported'
        : piece.modality !== undefined && attribution !== undefined
          ? mergeModality(piece.modality, modalityOf(claimText, cueLemma(attribution.cue.text)))
          : modalityOf(claimText);
    const claim: Claim = {
      id: `${prefix}-c${claims.length + 1}`,
      articleId: article.id,
      sentence: piece.sentence,
      span,
      text: claimText,
      entities: [...new Set(inSpan.map((m) => m.entityId))],
      places: [...new Set(inSpan.filter((m) => m.type === 'place').map((m) => m.entityId))],
      timeIds,
      quantityIds: quantitiesBySentence.inside(...touched, span).map((q) => q.id),
      modality,
      chain: chainOf(attribution, byId, outlet),
      quoted: piece.quoted,
    };
    if (predicate !== undefined) claim.predicate = predicate.lemma;
    if (agentMention !== undefined) claim.agent = agentMention.entityId;
    if (patientMention !== undefined) claim.patient = patientMention.entityId;
    if (attribution !== undefined) claim.attributionId = attribution.id;
    claims.push(claim);
  }
  return claims;
}

/** The stronger of two modalities: negated > hedged > reported > asserted. */
function mergeModality(a: Modality, b: Modality): Modality {
  const rank: Record<Modality, number> = { asserted: 0, reported: 1, hedged: 2, negated: 3 };
  return rank[a] >= rank[b] ? a : b;
}
