/**
 * The pairwise same-event decision: do two claims from different articles speak
 * of the same event instance (the same shooting, the same arrest)?
 *
 * Read from each claim (./event-words.ts): its event words (verbs and event
 * nouns, lemmatised and folded across nominalisation, "explosion" = "explode",
 * "shooting" = "shoot", then into synonym classes: kill / shoot / die, arrest /
 * detain, quake / tremor), its participants (names), its content words with
 * their reference rarity, its calendar days and weekdays, its figures and its
 * place in the article. The decision adds up fixed slot weights (a logistic
 * model fitted on ECB+ train topics, threshold fixed on train+dev:
 * eval/sections/31-ecbplus-alignment.ts) and reports every slot that counted.
 * Between claims that each report one event, stated days that differ veto a
 * match, and so do kinds of event that are different classes (the quake and
 * the aftershock, the shooting and the arrest); in longer claims that report
 * several events such differences are reported but only the weights decide.
 * The decision is meant for claims of one story: a shared kind of
 * event with nothing contradicting it is then mostly the same event.
 */
import type { AnnotatedArticle, Claim, Span } from '../core/index.ts';
import { tokenize } from '../annotate/index.ts';
import { normalizeName } from '../cluster/features.ts';
import { rarity } from '../cluster/rarity.ts';
import { classesOf, eventKey, isEventNoun, isLightVerb } from './event-words.ts';

export interface ClaimRef {
  doc: AnnotatedArticle;
  claim: Claim;
}

/** A match is shared by every caller that compares the same two claims (cached): read-only. */
export interface EventMatch {
  /** True when the two claims are taken to be about the same real event or fact. */
  readonly same: boolean;
  readonly score: number;
  /** Slots that matched (predicate, agent, patient, place, time, counted...) and that differed. */
  readonly matched: readonly string[];
  readonly differed: readonly string[];
  readonly evidence: readonly string[];
}

export interface EventProfile {
  /** Event key (lemma folded across nominalisation) → the word that evoked it. */
  events: Map<string, string>;
  /** Event class (./event-words.ts) → the word that evoked it. */
  classes: Map<string, string>;
  /** Participant name keys → their reference rarity. */
  names: Map<string, number>;
  /** Content word keys → their reference rarity (the weights of the wording cosine). */
  terms: Map<string, number>;
  days: Set<string>;
  weekdays: Set<string>;
  figures: Set<number>;
  /** Index of the claim's sentence in its article (0: title). */
  position: number;
}

const profiles = new WeakMap<Claim, EventProfile>();

/**
 * Profiles kept across dossier builds, by article, publication date and claim:
 * the store rebuilds a story's dossier on every add, from annotations read
 * back from the database (new objects each time), and reading a claim's
 * profile re-tokenises its text, the largest single cost of a rebuild. An
 * article id is the hash of its text, and the profile is a function of the
 * text, the date its times resolve against, and the claim. Oldest first out
 * past the limit (a profile is a few small maps).
 */
const profilesByKey = new Map<string, EventProfile>();
const PROFILE_CACHE_LIMIT = 50_000;

function profileKey({ doc, claim }: ClaimRef): string {
  return `${doc.article.id}\u0000${doc.article.meta.published ?? ''}\u0000${claim.id}\u0000${claim.span[0]}:${claim.span[1]}`;
}

/**
 * Tunables and slot weights of the decision. The weights are a logistic model
 * fitted on the sentence pairs of ECB+ train topics (rounded); the threshold
 * is the one that keeps recall at 0.85 on train+dev pairs, vetoes applied. Slots
 * like the article position and the count of event words are priors: within
 * one story, lead sentences and eventful sentences mostly report the main event.
 */
export const SAME_EVENT_PARAMS = {
  /** A name token at least this rare (log inverse reference frequency) is a participant. */
  nameRarity: 9,
  /** Content words at least this rare weigh in the wording cosine. */
  termRarity: 7,
  weights: {
    bias: -0.41,
    /** A shared event word (same lemma or nominalisation). */
    sharedEvent: 0.29,
    /** Times the rarity/10 of the rarest shared event word. */
    eventSpecificity: 0.3,
    /** A shared event class (synonyms: killed / shot dead). */
    sharedClass: 0.97,
    /** Per shared participant name, up to three. */
    sharedName: 0.17,
    /** Times the rarity-weighted cosine of the content words. */
    wording: 2.41,
    sharedWeekday: 0.55,
    sharedFigure: 0.4,
    /** Both claims in the title or first sentence of their articles. */
    bothLead: 0.17,
    /** Times the later claim's sentence index / 10 (capped at 10). */
    laterPosition: -0.27,
    /** Times the earlier claim's sentence index / 10 (capped at 10). */
    earlierPosition: -1.4,
    /** Times min(event words of either claim, 6) / 6: eventful claims share more. */
    eventful: 1.48,
    /** Both claims name participants, none shared. */
    namesDiffer: -0.32,
    /** One claim has no event word: the predicate slot cannot decide. */
    noEventWord: 0.54,
  },
  /**
   * Claims with at most this many event words report one event, named once
   * or with a participle or two ("struck, destroying"): between two such
   * claims, kinds of event or stated days that differ veto a match. A longer
   * claim (a whole sentence) reports several events, and a kind or day of one
   * of them that differs says nothing about the others: there the difference
   * is reported but does not veto (on ECB+ train sentence pairs that differ
   * in kind, more share an event than not).
   */
  vetoMaxEvents: 3,
  threshold: 0.27,
};

const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/gi;

/** What a claim says happened, to whom, when: read once per claim and cached. */
export function eventProfile(ref: ClaimRef): EventProfile {
  const cached = profiles.get(ref.claim);
  if (cached) return cached;
  const key = profileKey(ref);
  const kept = profilesByKey.get(key);
  if (kept) {
    profiles.set(ref.claim, kept);
    return kept;
  }
  const { claim, doc } = ref;
  const offset = doc.article.text.startsWith(claim.text, claim.span[0]) ? claim.span[0] : -1;
  const mentionAt = (at: number) =>
    offset < 0
      ? undefined
      : doc.mentions.find((m) => m.span[0] <= offset + at && offset + at < m.span[1]);
  const letters = [...claim.text.matchAll(/\p{L}+/gu)];
  const capitalised = letters.filter((m) => /^\p{Lu}/u.test(m[0])).length;
  const headline = letters.length >= 3 && capitalised / letters.length >= 0.6;
  // Title case hides verbs and nouns from the tagger ("Quake Kills 10"): a
  // headline is read in sentence case, words inside entity mentions kept.
  const text = headline
    ? claim.text.replace(/\p{L}+/gu, (w: string, at: number) =>
        mentionAt(at) || w.toLowerCase().length !== w.length ? w : w.toLowerCase(),
      )
    : claim.text;
  const tokens = tokenize(text);
  const events = new Map<string, string>();
  const classes = new Map<string, string>();
  const names = new Map<string, number>();
  const terms = new Map<string, number>();
  const addEvent = (key: string, surface: string): void => {
    events.set(key, surface);
    for (const c of classesOf(key)) classes.set(c, surface);
  };
  for (let i = 0; i < tokens.count; i++) {
    const value = tokens.value[i] ?? '';
    if (!/^\p{L}/u.test(value)) continue;
    const pos = tokens.pos[i] ?? '';
    const lemma = (tokens.lemma[i] ?? '').toLowerCase();
    const normal = (tokens.normal[i] ?? '').toLowerCase();
    const mention = mentionAt(tokens.start[i] ?? 0);
    if (pos === 'PROPN' || (mention && /^\p{Lu}/u.test(value))) {
      const r = rarity(normal);
      if (value.length >= 2 && r >= SAME_EVENT_PARAMS.nameRarity)
        names.set(normalizeName(value), r);
      continue;
    }
    const key = eventKey(lemma);
    const known =
      classesOf(key).length > 0
        ? key
        : classesOf(eventKey(normal)).length > 0
          ? eventKey(normal)
          : undefined;
    const r = rarity(lemma);
    const content = pos === 'NOUN' || pos === 'VERB' || pos === 'ADJ' || pos === 'ADV';
    if (content && r >= SAME_EVENT_PARAMS.termRarity && lemma.length > 2) terms.set(key, r);
    if (known !== undefined && (pos === 'VERB' || pos === 'NOUN' || pos === 'ADJ'))
      addEvent(known, value);
    else if (pos === 'VERB' && !isLightVerb(lemma) && lemma.length > 2) addEvent(key, value);
    else if (
      pos === 'NOUN' &&
      !mention &&
      // The head of a proper name ("Ostrel province", "Harlow mint") names a thing.
      tokens.pos[i - 1] !== 'PROPN' &&
      lemma.length > 3 &&
      isEventNoun(lemma)
    )
      addEvent(key, value);
  }
  if (claim.predicate && !isLightVerb(claim.predicate.toLowerCase()))
    addEvent(eventKey(claim.predicate), claim.predicate);
  const entityName = new Map(doc.entities.map((e) => [e.id, e.name]));
  for (const id of [...claim.entities, ...claim.places]) {
    const name = entityName.get(id);
    if (!name) continue;
    for (const part of name.split(/\s+/)) {
      const r = rarity(part.toLowerCase());
      if (part.length >= 2 && r >= SAME_EVENT_PARAMS.nameRarity) names.set(normalizeName(part), r);
    }
  }
  const days = new Set<string>();
  const timeIds = new Set(claim.timeIds);
  for (const t of doc.times) {
    if (timeIds.has(t.id) && t.start && (t.granularity === 'day' || t.granularity === 'time'))
      days.add(t.start.slice(0, 10));
  }
  const weekdays = new Set((claim.text.match(WEEKDAY) ?? []).map((w) => w.toLowerCase()));
  const figures = new Set<number>();
  const quantityIds = new Set(claim.quantityIds);
  for (const q of doc.quantities) if (quantityIds.has(q.id)) figures.add(q.value);
  const profile: EventProfile = {
    events,
    classes,
    names,
    terms,
    days,
    weekdays,
    figures,
    position: Math.max(0, claim.sentence),
  };
  profiles.set(claim, profile);
  if (profilesByKey.size >= PROFILE_CACHE_LIMIT)
    profilesByKey.delete(profilesByKey.keys().next().value!);
  profilesByKey.set(key, profile);
  return profile;
}

/** Cosine of two rarity-weighted word sets. */
function wordingCosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, w] of a) {
    na += w * w;
    const v = b.get(k);
    if (v !== undefined) dot += w * v;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function inside(span: Span, outer: Span): boolean {
  return span[0] >= outer[0] && span[1] <= outer[1];
}

/**
 * A claim spanning a whole stretch of text (usually one sentence), carrying
 * every entity, time and figure annotated in it: the sentence-level use of
 * `sameEvent`, for texts or sentences the claim builder made no claim of.
 */
export function spanClaim(doc: AnnotatedArticle, span: Span): Claim {
  const own = doc.claims.filter((c) => inside(c.span, span) || inside(span, c.span));
  return {
    id: `span-${span[0]}-${span[1]}`,
    articleId: doc.article.id,
    sentence: doc.sentences.find((s) => inside(span, s.span))?.index ?? -1,
    span,
    text: doc.article.text.slice(span[0], span[1]),
    entities: [...new Set(own.flatMap((c) => c.entities))],
    places: [...new Set(own.flatMap((c) => c.places))],
    timeIds: doc.times.filter((t) => inside(t.span, span)).map((t) => t.id),
    quantityIds: doc.quantities.filter((q) => inside(q.span, span)).map((q) => q.id),
    modality: 'asserted',
    chain: [],
    quoted: false,
  };
}

/**
 * Matches kept across dossier builds, by the two profiles (in order): a match
 * reads nothing but the two profiles, which are themselves kept by claim key,
 * so a story rebuilt after an add compares again only the pairs with the new
 * article's claims. Dropped all at once past the limit.
 */
let matchesByProfile = new WeakMap<EventProfile, Map<EventProfile, EventMatch>>();
let matchesKept = 0;
const MATCH_CACHE_LIMIT = 500_000;

/** Decides whether two claims from different articles speak of the same event. */
export function sameEvent(a: ClaimRef, b: ClaimRef): EventMatch {
  const pa = eventProfile(a);
  const pb = eventProfile(b);
  let row = matchesByProfile.get(pa);
  const kept = row?.get(pb);
  if (kept) return kept;
  const match = matchProfiles(pa, pb);
  if (matchesKept >= MATCH_CACHE_LIMIT) {
    matchesByProfile = new WeakMap();
    matchesKept = 0;
    row = undefined;
  }
  if (!row) matchesByProfile.set(pa, (row = new Map<EventProfile, EventMatch>()));
  row.set(pb, match);
  matchesKept += 1;
  return match;
}

function matchProfiles(pa: EventProfile, pb: EventProfile): EventMatch {
  const w = SAME_EVENT_PARAMS.weights;
  const matched: string[] = [];
  const differed: string[] = [];
  const evidence: string[] = [];
  const sharedEvents = [...pa.events.keys()].filter((k) => pb.events.has(k));
  const sharedClasses = [...pa.classes.keys()].filter((c) => pb.classes.has(c));
  const sharedNames = [...pa.names.keys()].filter((n) => pb.names.has(n));
  const sharedDays = [...pa.days].filter((d) => pb.days.has(d));
  const sharedWeekdays = [...pa.weekdays].filter((d) => pb.weekdays.has(d));
  const sharedFigures = [...pa.figures].filter((f) => pb.figures.has(f));
  const dayConflict = pa.days.size > 0 && pb.days.size > 0 && sharedDays.length === 0;
  const position = (p: number) => Math.min(10, p) / 10;

  let score = w.bias;
  if (sharedEvents.length > 0 || sharedClasses.length > 0) {
    matched.push('predicate');
    if (sharedEvents.length > 0) {
      const specificity = Math.max(...sharedEvents.map((k) => rarity(k))) / 10;
      score += w.sharedEvent + w.eventSpecificity * specificity;
    }
    if (sharedClasses.length > 0) score += w.sharedClass;
    const words = sharedEvents.length > 0 ? sharedEvents : sharedClasses;
    const mapA = sharedEvents.length > 0 ? pa.events : pa.classes;
    const mapB = sharedEvents.length > 0 ? pb.events : pb.classes;
    evidence.push(
      `event ${words
        .slice(0, 3)
        .map((k) => `${mapA.get(k)}/${mapB.get(k)}`)
        .join(', ')}`,
    );
  } else if (pa.events.size > 0 && pb.events.size > 0) {
    differed.push('predicate');
  }
  // Both name a known kind of event and the kinds differ (the quake and the
  // aftershock, the shooting and the arrest): two events.
  const kindsDiffer =
    sharedEvents.length === 0 &&
    sharedClasses.length === 0 &&
    pa.classes.size > 0 &&
    pb.classes.size > 0;
  if (kindsDiffer)
    evidence.push(
      `different kinds ${[...pa.classes.keys()].join('/')} vs ${[...pb.classes.keys()].join('/')}`,
    );
  if (pa.events.size === 0 || pb.events.size === 0) score += w.noEventWord;
  score += (w.eventful * Math.min(6, pa.events.size, pb.events.size)) / 6;
  if (sharedNames.length > 0) {
    matched.push('participants');
    score += w.sharedName * Math.min(3, sharedNames.length);
    evidence.push(`shared names ${sharedNames.slice(0, 4).join(', ')}`);
  } else if (pa.names.size > 0 && pb.names.size > 0) {
    differed.push('participants');
    score += w.namesDiffer;
  }
  const wording = wordingCosine(pa.terms, pb.terms);
  if (wording > 0) {
    score += w.wording * wording;
    if (wording >= 0.2) {
      matched.push('wording');
      evidence.push(`wording overlap ${wording.toFixed(2)}`);
    }
  }
  if (sharedDays.length > 0) {
    matched.push('time');
    evidence.push(`same day ${sharedDays.join(', ')}`);
  } else if (sharedWeekdays.length > 0) {
    matched.push('time');
    score += w.sharedWeekday;
    evidence.push(`same weekday ${sharedWeekdays.join(', ')}`);
  }
  if (dayConflict) {
    differed.push('time');
    evidence.push(`different days ${[...pa.days].join('/')} vs ${[...pb.days].join('/')}`);
  }
  if (sharedFigures.length > 0) {
    matched.push('figures');
    score += w.sharedFigure;
    evidence.push(`same figures ${sharedFigures.join(', ')}`);
  }
  if (pa.position <= 1 && pb.position <= 1) {
    matched.push('lead');
    score += w.bothLead;
  }
  score +=
    w.laterPosition * position(Math.max(pa.position, pb.position)) +
    w.earlierPosition * position(Math.min(pa.position, pb.position));
  // Between claims of one event each, stated days that differ, or kinds of
  // event that differ, are two events whatever else is shared.
  const singleEvents =
    pa.events.size <= SAME_EVENT_PARAMS.vetoMaxEvents &&
    pb.events.size <= SAME_EVENT_PARAMS.vetoMaxEvents;
  const vetoed = singleEvents && (dayConflict || kindsDiffer);
  const same = !vetoed && score >= SAME_EVENT_PARAMS.threshold;
  return { same, score, matched, differed, evidence };
}
