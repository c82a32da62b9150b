/**
 * The pairwise same-event decision: do two claims from different articles speak
 * of the same event instance (the same shooting, the same arrest)?
 *
 * Read from each claim: its event words (the claim predicate and the verbs and
 * event nouns of its text, lemmatised, folded into synonym classes: kill /
 * shoot / die, arrest / detain / apprehend, quake / earthquake / tremor), its
 * participants (entity names and proper nouns), its calendar days and figures.
 * Two claims are one event when they share an event class and nothing
 * contradicts it (stated days that differ), and the shared class is backed by
 * a shared participant, day or figure, or is itself specific (not a light or
 * generic verb). Kinds of event that are different classes (the quake and the
 * aftershock, the shooting and the arrest) never match on the class alone.
 * The thresholds were fixed on ECB+ train and dev topics
 * (eval/sections/31-ecbplus-alignment.ts).
 */
import type { AnnotatedArticle, Claim, Span } from '../core/index.ts';
import { tokenize } from '../annotate/index.ts';
import { normalizeName } from '../cluster/features.ts';
import { rarity } from '../cluster/rarity.ts';

export interface ClaimRef {
  doc: AnnotatedArticle;
  claim: Claim;
}

export interface EventMatch {
  /** True when the two claims are taken to be about the same real event or fact. */
  same: boolean;
  score: number;
  /** Slots that matched (predicate, agent, patient, place, time, counted...) and that differed. */
  matched: string[];
  differed: string[];
  evidence: string[];
}

/**
 * Synonym classes of event words (lemmas). The first word names the class.
 * Kept to general news vocabulary; every class is a kind of event that several
 * outlets word differently.
 */
const EVENT_CLASSES: string[][] = [
  [
    'kill',
    'shoot',
    'die',
    'dead',
    'death',
    'murder',
    'slay',
    'gun',
    'fatal',
    'killing',
    'shooting',
    'homicide',
    'massacre',
    'hang',
    'suicide',
  ],
  ['die', 'pass', 'death', 'dead', 'obituary', 'suicide', 'hang'],
  ['wound', 'injure', 'hurt', 'injury', 'wounded', 'injured'],
  ['arrest', 'detain', 'apprehend', 'custody', 'nab', 'capture', 'seize', 'detention', 'catch'],
  ['charge', 'indict', 'accuse', 'indictment', 'prosecute'],
  ['convict', 'sentence', 'jail', 'imprison', 'conviction', 'guilty'],
  ['quake', 'earthquake', 'tremor', 'temblor', 'seismic', 'jolt', 'shake'],
  ['aftershock'],
  [
    'attack',
    'assault',
    'strike',
    'raid',
    'bombing',
    'bomb',
    'blast',
    'explosion',
    'explode',
    'airstrike',
  ],
  ['dismiss', 'fire', 'sack', 'oust', 'axe', 'firing', 'dismissal', 'ouster'],
  ['resign', 'quit', 'resignation'],
  ['appoint', 'hire', 'name', 'tap', 'appointment', 'nominate', 'nomination', 'replace', 'succeed'],
  ['elect', 'election', 'vote'],
  ['win', 'beat', 'defeat', 'victory', 'lose', 'loss', 'triumph'],
  ['rehab', 'rehabilitation', 'treatment', 'enter', 'admit', 'check'],
  ['release', 'unveil', 'launch', 'introduce', 'announce', 'debut', 'issue'],
  ['acquire', 'buy', 'purchase', 'acquisition', 'takeover', 'deal', 'merger', 'merge'],
  ['crash', 'collide', 'collision', 'derail', 'wreck'],
  ['hijack', 'pirate', 'piracy', 'hijacking'],
  ['rescue', 'save', 'evacuate', 'evacuation'],
  ['blaze', 'fire', 'burn', 'wildfire', 'flame'],
  ['flood', 'flooding', 'storm', 'hurricane', 'cyclone', 'typhoon'],
  ['damage', 'cut', 'sever', 'break', 'destroy'],
  ['find', 'discover', 'discovery', 'locate', 'uncover'],
  ['escape', 'flee', 'breakout'],
  ['rob', 'robbery', 'heist', 'steal', 'theft', 'burglary', 'loot'],
  ['place', 'put'],
  ['offer', 'bid', 'proposal', 'propose'],
];

/** Verbs that carry no event of their own (copulas, light and reporting verbs). */
const LIGHT = new Set([
  'be',
  'have',
  'do',
  'say',
  'tell',
  'report',
  'accord',
  'get',
  'make',
  'take',
  'go',
  'come',
  'add',
  'state',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'give',
  'put',
  'include',
  'become',
  'seem',
  'appear',
  'know',
  'think',
  'believe',
  'want',
  'need',
  'use',
  'see',
  'look',
  'let',
  'keep',
  'begin',
  'start',
  'continue',
  'remain',
  'try',
]);

/** Event word → the classes it belongs to ("fire": dismissal or blaze). */
const CLASS_OF = new Map<string, string[]>();
for (const words of EVENT_CLASSES) {
  const head = words[0] ?? '';
  for (const w of words) CLASS_OF.set(w, [...(CLASS_OF.get(w) ?? []), head]);
}

/** Nominal suffixes that mark event nouns ("explosion", "appointment", "shooting"). */
const EVENT_NOUN = /(?:tion|sion|ment|ing|ure|ery|ault|ack)$/;

export interface EventProfile {
  /** Event class → the words that evoked it. */
  events: Map<string, string>;
  names: Set<string>;
  days: Set<string>;
  figures: Set<number>;
}

const profiles = new WeakMap<Claim, EventProfile>();

function eventClasses(lemma: string): string[] {
  return CLASS_OF.get(lemma) ?? [lemma];
}

/** Tunables of the decision, fixed on ECB+ train/dev. */
export const SAME_EVENT_PARAMS = {
  /** Nouns at least this rare (log inverse reference frequency) count as event words. */
  nounRarity: 9,
  /** In a headline, a capitalised word more common than this is read as a word, not a name. */
  nameRarity: 12,
  /** A shared event word at least this rare needs no other backing. */
  specificRarity: 11,
  /** Whether a shared event must be backed by a shared name, day, figure or a specific word. */
  requireBacking: true,
};

/** What a claim says happened, to whom, when: read once per claim and cached. */
export function eventProfile(ref: ClaimRef): EventProfile {
  const cached = profiles.get(ref.claim);
  if (cached) return cached;
  const { claim, doc } = ref;
  const events = new Map<string, string>();
  const names = new Set<string>();
  // Names too common to tell events apart ("The", sentence-initial words wink
  // tags PROPN) are dropped; the rest are keyed as story clustering keys them.
  const addName = (token: string): void => {
    if (token.length >= 2 && rarity(token.toLowerCase()) >= 9) names.add(normalizeName(token));
  };
  const tokens = tokenize(claim.text);
  // Words inside entity mentions ("Ostrel province", "Harlow mint") name things, not events.
  const offset = doc.article.text.startsWith(claim.text, claim.span[0]) ? claim.span[0] : -1;
  const inMention = (i: number): boolean => {
    if (offset < 0) return false;
    const at = offset + (tokens.start[i] ?? 0);
    return doc.mentions.some((m) => m.span[0] <= at && at < m.span[1]);
  };
  let words = 0;
  let capitalised = 0;
  for (let i = 0; i < tokens.count; i++) {
    const v = tokens.value[i] ?? '';
    if (!/^\p{L}/u.test(v)) continue;
    words += 1;
    if (/^\p{Lu}/u.test(v)) capitalised += 1;
  }
  const headline = words >= 3 && capitalised / words >= 0.6;
  for (let i = 0; i < tokens.count; i++) {
    const pos = tokens.pos[i] ?? '';
    const lemma = (tokens.lemma[i] ?? '').toLowerCase();
    const normal = (tokens.normal[i] ?? '').toLowerCase();
    const known = CLASS_OF.has(lemma) ? lemma : CLASS_OF.has(normal) ? normal : undefined;
    if (pos === 'PROPN') {
      // Headlines capitalise every word ("Earthquake Levels Villages"): there an
      // ordinary English word is read as a word, not as a name.
      const ordinary = headline && rarity(normal) < SAME_EVENT_PARAMS.nameRarity;
      if (!ordinary) {
        addName(tokens.value[i] ?? '');
        continue;
      }
      if (known !== undefined) {
        for (const c of eventClasses(known)) events.set(c, tokens.value[i] ?? known);
      } else if (rarity(normal) >= SAME_EVENT_PARAMS.nounRarity && normal.length > 3) {
        events.set(normal, tokens.value[i] ?? normal);
      }
      continue;
    }
    const surface = tokens.value[i] ?? lemma;
    const add = (word: string): void => {
      for (const c of eventClasses(word)) events.set(c, surface);
    };
    if (known !== undefined && (pos === 'VERB' || pos === 'NOUN' || pos === 'ADJ')) add(known);
    else if (pos === 'VERB' && !LIGHT.has(lemma) && lemma.length > 2) add(lemma);
    else if (
      pos === 'NOUN' &&
      !inMention(i) &&
      // The head of a proper name ("Ostrel province", "Harlow mint") names a thing.
      tokens.pos[i - 1] !== 'PROPN' &&
      lemma.length > 3 &&
      (EVENT_NOUN.test(lemma) || rarity(lemma) >= SAME_EVENT_PARAMS.nounRarity)
    )
      add(lemma);
  }
  if (claim.predicate) {
    const p = claim.predicate.toLowerCase();
    if (!LIGHT.has(p)) for (const c of eventClasses(p)) events.set(c, claim.predicate);
  }
  const entityName = new Map(doc.entities.map((e) => [e.id, e.name]));
  for (const id of [...claim.entities, ...claim.places]) {
    const name = entityName.get(id);
    if (name) for (const part of name.split(/\s+/)) addName(part);
  }
  const days = new Set<string>();
  const timeIds = new Set(claim.timeIds);
  for (const t of doc.times) {
    if (timeIds.has(t.id) && t.start && (t.granularity === 'day' || t.granularity === 'time'))
      days.add(t.start.slice(0, 10));
  }
  const figures = new Set<number>();
  const quantityIds = new Set(claim.quantityIds);
  for (const q of doc.quantities) if (quantityIds.has(q.id)) figures.add(q.value);
  const profile = { events, names, days, figures };
  profiles.set(claim, profile);
  return profile;
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

/** Decides whether two claims from different articles speak of the same event. */
export function sameEvent(a: ClaimRef, b: ClaimRef): EventMatch {
  const pa = eventProfile(a);
  const pb = eventProfile(b);
  const matched: string[] = [];
  const differed: string[] = [];
  const evidence: string[] = [];
  const sharedEvents = [...pa.events.keys()].filter((c) => pb.events.has(c));
  const sharedNames = [...pa.names].filter((n) => pb.names.has(n));
  const sharedDays = [...pa.days].filter((d) => pb.days.has(d));
  const sharedFigures = [...pa.figures].filter((f) => pb.figures.has(f));
  const dayConflict = pa.days.size > 0 && pb.days.size > 0 && sharedDays.length === 0;

  let score = 0;
  if (sharedEvents.length > 0) {
    matched.push('predicate');
    score += 2;
    evidence.push(
      `event ${sharedEvents
        .slice(0, 3)
        .map((c) => `${pa.events.get(c)}/${pb.events.get(c)}`)
        .join(', ')}`,
    );
  } else if (pa.events.size > 0 && pb.events.size > 0) {
    differed.push('predicate');
  }
  if (sharedNames.length > 0) {
    matched.push('participants');
    score += Math.min(1.5, 0.5 * sharedNames.length);
    evidence.push(`shared names ${sharedNames.slice(0, 4).join(', ')}`);
  }
  if (sharedDays.length > 0) {
    matched.push('time');
    score += 1;
    evidence.push(`same day ${sharedDays.join(', ')}`);
  }
  if (dayConflict) {
    differed.push('time');
    score -= 3;
    evidence.push(`different days ${[...pa.days].join('/')} vs ${[...pb.days].join('/')}`);
  }
  if (sharedFigures.length > 0) {
    matched.push('figures');
    score += 0.5;
    evidence.push(`same figures ${sharedFigures.join(', ')}`);
  }
  const specific = sharedEvents.some((c) => rarity(c) >= SAME_EVENT_PARAMS.specificRarity);
  const backed =
    !SAME_EVENT_PARAMS.requireBacking ||
    sharedNames.length > 0 ||
    sharedDays.length > 0 ||
    sharedFigures.length > 0 ||
    specific;
  const same = sharedEvents.length > 0 && !dayConflict && backed;
  return { same, score, matched, differed, evidence };
}
