/**
 * What alignment compares about a claim: its story-level entities, its event
 * anchors (the specific places, facilities, events and dates it is about,
 * inherited from the nearest preceding sentence when the claim names none),
 * its quantities and its content terms.
 */
import { pushTo } from '../core/collections.ts';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { AnnotatedArticle, Claim, EntityType, Quantity, TimeRef } from '../core/index.ts';
import type { Resolution } from '../resolve/index.ts';
import { canonicalOrgTokens } from '../resolve/aliases.ts';
import { nameTokens } from '../resolve/names.ts';
import { countryCode, placeCountries } from '../annotate/gazetteer.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as countries.LocaleData);

/** Entity kinds that locate an event. */
const ANCHOR_TYPES: ReadonlySet<EntityType> = new Set(['place', 'facility', 'event']);
/** How many sentences back a claim without anchors looks for the event it is about. */
const ANCHOR_LOOKBACK = 6;

const STOPWORDS = new Set(
  (
    'a an the and or but of in on at to for from by with about into over after before during as ' +
    'is are was were be been being has have had do does did will would could should may might can ' +
    'that this these those it its they them their he him his she her we our you your i me my ' +
    'which who whom whose what when where while than then there here also not no nor so such ' +
    'said says say told according reported reports one two three some any all both each other ' +
    'more most very just even only own same up out if because since until'
  ).split(' '),
);

/** Light suffix stripping so "bombings"/"bombing", "arrested"/"arrests" meet. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('es') && /(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

export function contentTerms(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .map(stem);
}

const countryCache = new Map<string, boolean>();
/** True when a place name is a country (a weak anchor: many events share one). */
export function isCountry(name: string): boolean {
  const cached = countryCache.get(name);
  if (cached !== undefined) return cached;
  const tokens = canonicalOrgTokens(name, nameTokens(name)).tokens;
  const title = tokens.map((t) => (t[0] ?? '').toUpperCase() + t.slice(1)).join(' ');
  const result =
    countries.getAlpha2Code(title, 'en') !== undefined ||
    countries.getAlpha2Code(name.replace(/^the\s+/i, ''), 'en') !== undefined;
  countryCache.set(name, result);
  return result;
}

export interface ClaimNode {
  key: string;
  doc: AnnotatedArticle;
  claim: Claim;
  /** Story-level entity ids named in the claim. */
  entities: Set<string>;
  /** Specific anchors: story entity ids of places/facilities/events (not countries). */
  places: Set<string>;
  /** Country entity ids (weak anchors). */
  countries: Set<string>;
  /** Resolved dates (ISO prefixes) of the claim's own time expressions. */
  dates: string[];
  /** True when `places` were taken from a preceding sentence. */
  inherited: boolean;
  quantities: Quantity[];
  times: TimeRef[];
  terms: string[];
  /** Date of an "as of" expression: when the claim's figure held. */
  asOf?: string;
  /** Publication date of the article, when known. */
  published?: string;
}

/**
 * One article's mentions and claims by sentence, and the anchors of whole
 * sentences: read once per article, so a claim's look-back to earlier
 * sentences costs the sentences it reads, not a pass over the whole article
 * (a long text with thousands of claims would otherwise be quadratic).
 */
interface SentenceIndex {
  mentions: Map<number, AnnotatedArticle['mentions']>;
  claims: Map<number, Claim[]>;
  /** Anchors of a whole sentence (no claim), as `anchorsOf` gives them. */
  anchors: Map<number, Anchors>;
}

function sentenceIndex(doc: AnnotatedArticle): SentenceIndex {
  const mentions = new Map<number, AnnotatedArticle['mentions']>();
  for (const m of doc.mentions) pushTo(mentions, m.sentence, m);
  const claims = new Map<number, Claim[]>();
  for (const c of doc.claims) pushTo(claims, c.sentence, c);
  return { mentions, claims, anchors: new Map() };
}

function entityIdsInSentence(
  doc: AnnotatedArticle,
  index: SentenceIndex,
  sentence: number,
  resolution: Resolution,
  claim?: Claim,
) {
  // A sentence split into several claims ("X claimed the Peru bombings, and
  // police said Y carried out the arena shooting"): each claim keeps the
  // names inside its own span and those outside every claim (the framing),
  // not the names of its sibling claims.
  const siblings = claim ? (index.claims.get(sentence) ?? []).filter((c) => c.id !== claim.id) : [];
  const inSibling = (span: [number, number]) =>
    claim !== undefined && !insideClaim(claim, span) && siblings.some((c) => insideClaim(c, span));
  return (index.mentions.get(sentence) ?? [])
    .filter((m) => !inSibling(m.span))
    .map((m) => ({ id: resolution.globalId(doc.article.id, m.entityId), mention: m }))
    .filter((x): x is { id: string; mention: (typeof doc.mentions)[number] } => x.id !== undefined);
}

/** Event nouns a country name can premodify as the place of the event ("the Peru bombings"). */
const EVENT_NOUN_AFTER =
  /^\s+(?:\w+(?:ings?|tions?|sions?|acks?|aults?|ures?|ts?)|blasts?|war|quake|crash|fire|strikes?|raids?|floods?)\b/i;

/**
 * True when a country is named as where something happened ("attacks in
 * Chile", "the Peru bombings"), not as a party ("Chile accused Peru").
 */
function isLocative(text: string, span: readonly [number, number]): boolean {
  const before = text.slice(Math.max(0, span[0] - 12), span[0]);
  const after = text.slice(span[1], span[1] + 24);
  return /\b(?:in|inside|across)\s+(?:the\s+)?$/i.test(before) || EVENT_NOUN_AFTER.test(after);
}

interface Anchors {
  places: Set<string>;
  countries: Set<string>;
  countryCodes: Set<string>;
  placeCodes: Map<string, ReadonlySet<string>>;
}

function anchorsOf(
  doc: AnnotatedArticle,
  index: SentenceIndex,
  sentence: number,
  resolution: Resolution,
  claim?: Claim,
): Anchors {
  const known = claim ? undefined : index.anchors.get(sentence);
  if (known) return known;
  const places = new Set<string>();
  const countryIds = new Set<string>();
  /** ISO codes of the countries named, and of the countries each specific place lies in. */
  const countryCodes = new Set<string>();
  const placeCodes = new Map<string, ReadonlySet<string>>();
  for (const { id, mention } of entityIdsInSentence(doc, index, sentence, resolution, claim)) {
    if (!ANCHOR_TYPES.has(mention.type)) continue;
    if (mention.type === 'place' && isCountry(mention.text)) {
      countryIds.add(id);
      const code = countryCode(mention.text.replace(/^the\s+/i, ''));
      if (code && isLocative(doc.article.text, mention.span)) countryCodes.add(code);
    } else {
      places.add(id);
      if (mention.type === 'place') placeCodes.set(id, placeCountries(mention.text));
    }
  }
  const anchors = { places, countries: countryIds, countryCodes, placeCodes };
  if (!claim) index.anchors.set(sentence, anchors);
  return anchors;
}

/** Mentions that fall inside a claim span (a sentence may hold several claims). */
function insideClaim(claim: Claim, span: [number, number]): boolean {
  return claim.span[0] <= span[0] && span[1] <= claim.span[1];
}

/** A time expression introduced by "as of"/"as at". */
function isAsOf(doc: AnnotatedArticle, time: TimeRef): boolean {
  const before = doc.article.text.slice(Math.max(0, time.span[0] - 8), time.span[0]);
  return /\bas (?:of|at)\s*$/i.test(before) || /^as (?:of|at)\b/i.test(time.text);
}

export function buildClaimNodes(docs: AnnotatedArticle[], resolution: Resolution): ClaimNode[] {
  const nodes: ClaimNode[] = [];
  const related = relatedEntities(resolution);
  const expand = (ids: Set<string>) =>
    new Set([...ids].flatMap((id) => [id, ...(related.get(id) ?? [])]));
  for (const doc of docs) {
    const index = sentenceIndex(doc);
    const quantityById = new Map(doc.quantities.map((q) => [q.id, q]));
    const timeById = new Map(doc.times.map((t) => [t.id, t]));
    for (const claim of doc.claims) {
      const sentence = doc.sentences[claim.sentence];
      if (sentence && sentence.kind !== 'body') continue;
      const own = anchorsOf(doc, index, claim.sentence, resolution, claim);
      let places = own.places;
      let inherited = false;
      // A claim that names no place at all ("143 people died") is about the
      // event the preceding sentences located; a claim that names only countries
      // is about something national and keeps only those weak anchors.
      if (places.size === 0 && own.countries.size === 0) {
        for (let back = 1; back <= ANCHOR_LOOKBACK && claim.sentence - back >= 0; back++) {
          const prev = anchorsOf(doc, index, claim.sentence - back, resolution);
          if (prev.places.size > 0) {
            places = prev.places;
            inherited = true;
            break;
          }
        }
      } else if (places.size === 0 && own.countryCodes.size > 0) {
        // "claimed the Peru bombings" after a sentence that placed the
        // bombings in Arequipa: a claim naming only a country speaks
        // of the event the text last placed inside that country, if any.
        for (let back = 1; back <= ANCHOR_LOOKBACK && claim.sentence - back >= 0; back++) {
          const prev = anchorsOf(doc, index, claim.sentence - back, resolution);
          const inside = [...prev.placeCodes]
            .filter(([, codes]) => [...codes].some((c) => own.countryCodes.has(c)))
            .map(([id]) => id);
          if (inside.length > 0) {
            places = new Set(inside);
            inherited = true;
            break;
          }
        }
      }
      const times = claim.timeIds
        .map((id) => timeById.get(id))
        .filter((t): t is TimeRef => t !== undefined);
      const asOf = times.find((t) => t.start && isAsOf(doc, t))?.start;
      const entityIds = new Set(
        (index.mentions.get(claim.sentence) ?? [])
          .filter((m) => insideClaim(claim, m.span))
          .map((m) => resolution.globalId(doc.article.id, m.entityId))
          .filter((id): id is string => id !== undefined),
      );
      for (const local of claim.entities) {
        const id = resolution.globalId(doc.article.id, local);
        if (id) entityIds.add(id);
      }
      nodes.push({
        key: `${doc.article.id}:${claim.id}`,
        doc,
        claim,
        entities: entityIds,
        places: expand(places),
        countries: own.countries,
        // An "as of" date says when a figure held, not when the event happened.
        dates: times
          .filter((t) => !isAsOf(doc, t))
          .map((t) => t.start?.slice(0, 10))
          .filter((d): d is string => !!d),
        ...(asOf ? { asOf } : {}),
        inherited,
        quantities: claim.quantityIds
          .map((id) => quantityById.get(id))
          .filter((q): q is Quantity => q !== undefined),
        times,
        terms: [...new Set(contentTerms(claim.text))],
        ...(doc.article.meta.published ? { published: doc.article.meta.published } : {}),
      });
    }
  }
  return nodes;
}

/** Two ISO date prefixes are compatible when one contains the other (2024-01 ⊇ 2024-01-03). */
export function datesCompatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

export interface AnchorCheck {
  /** The two claims are about one event as far as places and dates tell. */
  same: boolean;
  shared: string[];
  differed: string[];
}

/**
 * Event context check: the claims must share a specific anchor (a place,
 * facility or event other than a country, or a compatible date) and must not
 * contradict (dates on both sides that cannot be one day; specific places on
 * both sides with none in common).
 */
export function compareAnchors(
  a: ClaimNode,
  b: ClaimNode,
  names: (id: string) => string,
): AnchorCheck {
  const shared: string[] = [];
  const differed: string[] = [];
  const sharedPlaces = [...a.places].filter((p) => b.places.has(p));
  for (const p of sharedPlaces) shared.push(names(p));
  if (a.places.size > 0 && b.places.size > 0 && sharedPlaces.length === 0)
    differed.push(
      `places ${[...a.places].map(names).join(', ')} / ${[...b.places].map(names).join(', ')}`,
    );
  const sharedDates = a.dates.filter((d) => b.dates.some((e) => datesCompatible(d, e)));
  for (const d of sharedDates) shared.push(d);
  if (a.dates.length > 0 && b.dates.length > 0 && sharedDates.length === 0)
    differed.push(`dates ${a.dates.join(', ')} / ${b.dates.join(', ')}`);
  const sharedCountries = [...a.countries].filter((c) => b.countries.has(c));
  const specific = sharedPlaces.length > 0 || sharedDates.length > 0;
  for (const c of sharedCountries) shared.push(names(c));
  return { same: specific && differed.length === 0, shared, differed };
}

/**
 * Entities an event entity is named after ("Crocus City Hall shooting" → the
 * hall, "Dorvant bridge collapse" → Dorvant), both ways, so that claims naming
 * the event and claims naming the place meet.
 */
export function relatedEntities(resolution: Resolution): Map<string, string[]> {
  // Index names once; each event name then looks up its own word prefixes.
  const byName = new Map<string, string[]>();
  for (const e of resolution.entities) {
    if (e.type === 'person') continue;
    for (const v of new Set(e.variants.map((x) => x.toLowerCase()))) pushTo(byName, v, e.id);
  }
  const related = new Map<string, string[]>();
  for (const event of resolution.entities) {
    if (event.type !== 'event') continue;
    const found = new Set<string>();
    for (const name of event.variants) {
      const words = name.toLowerCase().split(' ');
      for (let k = 1; k < words.length; k++)
        for (const id of byName.get(words.slice(0, k).join(' ')) ?? [])
          if (id !== event.id) found.add(id);
    }
    for (const id of found) {
      pushTo(related, event.id, id);
      pushTo(related, id, event.id);
    }
  }
  return related;
}

/** The outlet of an article, or (unknown outlet) the article's file or record name. */
export function outletOf(doc: AnnotatedArticle): string {
  if (doc.article.meta.outlet) return doc.article.meta.outlet;
  const name = doc.article.source.split(/[\\/]/).pop() ?? doc.article.source;
  return `article ${name || doc.article.id}`;
}
