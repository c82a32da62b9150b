/**
 * Named entities: proper-noun chunks from wink's POS tags, typed from evidence,
 * then grouped into article-local entities.
 *
 * Extractors and refiners, in order:
 * 1. chunk: runs of capitalised words (wink PROPN, or any capitalised content
 *    word inside a sentence), joined across tight hyphens ("State-Khorasan") and
 *    across "of" after a head that takes it ("Ministry of Defence"); possessive
 *    "'s" is cut off and noted; a leading title becomes a role ("General X").
 *    A sentence's first word counts only when wink tags it PROPN or a gazetteer
 *    knows it; in headline-case lines every word must be PROPN.
 * 2. type: each piece of evidence votes with a weight (gazetteer 5, defining
 *    cue 4, head word 3, city list 2, name shape 1); the heaviest type wins.
 * 3. events: a name followed by an event noun ("the Crocus City massacre") is an
 *    event mention covering both; a facility inside it is kept as well.
 * 4. group into entities: same name (after folding case, dots, hyphens and
 *    "of"); gazetteer aliases (US = United States, Isis = Islamic State);
 *    definitions in the text ("X (Y)", "X, or Y,"); acronyms by initials;
 *    surnames to full names; possessives. A name that extends another with "-B"
 *    or "of B" is a branch: kept apart, `parentId` set.
 * 5. every mention takes its entity's type (the heaviest evidence over all its
 *    mentions), and roles found in apposition ("X, the Kremlin spokesman") are
 *    attached to the person.
 * Byline, credit and dateline blocks are never read for entities.
 */
import type {
  AliasEvidence,
  EntityType,
  LocalEntity,
  Mention,
  Sentence,
  Span,
} from '../core/index.ts';
import type { AnnotationContext } from './context.ts';
import {
  ACRONYM_EXPANSIONS,
  EVENT_NOUNS,
  FACILITY_HEADS,
  FACILITY_NOUNS,
  GROUP_NOUNS,
  GROUP_OF_NOUNS,
  KNOWN_GROUPS,
  KNOWN_ORGANIZATIONS,
  NOT_NAMES,
  OF_HEADS,
  ORG_HEADS,
  ORG_NOUNS,
  PERSON_TITLES,
  PLACE_HEADS,
  PLACE_NOUNS,
  PLACE_OF_NOUNS,
  ROLE_NOUNS,
  countryCode,
  isCity,
  isDemonym,
  isRegion,
  nameKey,
} from './gazetteer.ts';
import { tokenAt, type TokenTable } from './nlp.ts';

const SKIPPED_KINDS = new Set(['byline', 'credit', 'dateline']);
const FUNCTION_POS = new Set([
  'DET',
  'PRON',
  'ADP',
  'CCONJ',
  'SCONJ',
  'PART',
  'NUM',
  'PUNCT',
  'SYM',
  'INTJ',
  'SPACE',
  'AUX',
]);
const NAME_PARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'bin', 'ibn', 'abu', 'bint']);
/** Marks after which a capitalised word may be capitalised only for starting a sentence. */
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—', '–', '-', '«', '„']);
const SPACED_PARTICLES = new Set([
  'de',
  'del',
  'della',
  'da',
  'di',
  'van',
  'von',
  'der',
  'den',
  'du',
  'dos',
  'bin',
  'ibn',
]);
const APOSTROPHES = new Set(["'", '’', 'ʼ', '‘']);
const SPEECH_VERBS = new Set(['say', 'tell', 'add', 'announce', 'state', 'claim', 'warn', 'deny']);

const WEIGHT = { gazetteer: 5, defining: 4, head: 3, city: 2, shape: 1, none: 0 } as const;

interface Vote {
  type: EntityType;
  weight: number;
  evidence: string;
}

interface Chunk {
  first: number;
  last: number;
  span: Span;
  text: string;
  sentence: number;
  possessive: boolean;
  acronym: boolean;
  votes: Vote[];
  roles: string[];
  /** Canonical key from a gazetteer (country code, known organisation or group). */
  gazKey?: string;
  gazName?: string;
  /** Words before a title ("Police" in "Police Commissioner X"): kept only with strong evidence. */
  roleBody?: boolean;
  /** True when the chunk opens its sentence (capitalised for that reason alone, maybe). */
  initial?: boolean;
  /** Event mention built from this name + an event noun. */
  event?: boolean;
}

const isAcronymText = (v: string): boolean =>
  /^(?:\p{Lu}\.){2,6}$/u.test(v) || /^\p{Lu}{2,6}s?$/u.test(v);

interface Known {
  key: string;
  name: string;
  type: EntityType;
}
let knownIndex: Map<string, Known> | undefined;
/** Memo of lookups by surface text; names repeat a lot within and across articles. */
const knownMemo = new Map<string, Known | null>();
const MEMO_LIMIT = 50000;

function knownLookup(text: string): Known | undefined {
  const memo = knownMemo.get(text);
  if (memo !== undefined) return memo ?? undefined;
  if (knownMemo.size > MEMO_LIMIT) knownMemo.clear();
  const found = knownLookupUncached(text);
  knownMemo.set(text, found ?? null);
  return found;
}

function knownLookupUncached(text: string): Known | undefined {
  if (!knownIndex) {
    knownIndex = new Map();
    // Later entries do not override earlier ones: groups first, then organisations.
    const put = (alias: string, value: Known) => {
      const k = nameKey(alias);
      if (!knownIndex?.has(k)) knownIndex?.set(k, value);
    };
    for (const [name, aliases] of Object.entries(KNOWN_GROUPS)) {
      const value: Known = { key: `group:${nameKey(name)}`, name, type: 'group' };
      for (const a of [name, ...aliases]) put(a, value);
    }
    for (const [name, aliases] of Object.entries(KNOWN_ORGANIZATIONS)) {
      const value: Known = { key: `org:${nameKey(name)}`, name, type: 'organization' };
      for (const a of [name, ...aliases]) put(a, value);
    }
  }
  const hit = knownIndex.get(nameKey(text));
  if (hit) return hit;
  return knownLookupRest(text);
}

function knownLookupRest(text: string): Known | undefined {
  const expansion = ACRONYM_EXPANSIONS[text];
  if (expansion) return { key: `org:${nameKey(expansion)}`, name: expansion, type: 'organization' };
  const code = countryCode(text);
  if (code) return { key: `country:${code}`, name: text, type: 'place' };
  return undefined;
}

/** Folds the forms one name takes: case, dots, apostrophes, "A-B" = "A of B" = "A B". */
function foldKey(text: string): string {
  return nameKey(text)
    .replace(/^the /, '')
    .replace(/\s*-\s*/g, ' ')
    .replace(/ of (?:the )?/g, ' ');
}

function nextWordIndex(t: TokenTable, i: number, limit: number): number {
  let j = i + 1;
  while (j < limit && t.pos[j] === 'SPACE') j += 1;
  return j < limit ? j : -1;
}

function prevWordIndex(t: TokenTable, i: number, floor: number): number {
  let j = i - 1;
  while (j >= floor && t.pos[j] === 'SPACE') j -= 1;
  return j >= floor ? j : -1;
}

/** `/^\p{Lu}/u` with the regex left for non-ASCII first letters: it runs on every token. */
function startsUpper(v: string): boolean {
  const c = v.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(v);
}

/** Finds the name chunks of one sentence. */
function chunksOf(
  text: string,
  t: TokenTable,
  sentence: Sentence,
  firstToken: number,
  endToken: number,
): Chunk[] {
  const chunks: Chunk[] = [];
  const isWordCap = (i: number): boolean => {
    const v = t.value[i] ?? '';
    return startsUpper(v) && !NOT_NAMES.has(v.replace(/\.$/, ''));
  };
  // Headline case: most longer words capitalised → trust only PROPN.
  let longWords = 0;
  let capWords = 0;
  for (let i = firstToken; i < endToken; i += 1) {
    const v = t.value[i] ?? '';
    if (t.type[i] === 'word' && v.length > 3) {
      longWords += 1;
      if (startsUpper(v)) capWords += 1;
    }
  }
  const headline = longWords >= 4 && capWords / longWords > 0.7;
  // Index of the first word token of the sentence (after opening quotes/brackets).
  let initial = firstToken;
  while (initial < endToken && (t.pos[initial] === 'PUNCT' || t.pos[initial] === 'SPACE'))
    initial += 1;

  const accepts = (i: number, inside: boolean): boolean => {
    const v = t.value[i] ?? '';
    if (!isWordCap(i)) return false;
    if (t.type[i] !== 'word' && t.type[i] !== 'unk') return false;
    if (/^I['’]/.test(v)) return false;
    if (isAcronymText(v)) return v !== 'I';
    const pos = t.pos[i] ?? '';
    if (headline || (i === initial && !inside)) {
      return pos === 'PROPN' || knownLookup(v) !== undefined;
    }
    return !FUNCTION_POS.has(pos);
  };

  let i = firstToken;
  while (i < endToken) {
    let start = i;
    // "al-Qaeda": a lower-case particle tightly hyphenated to a capitalised word.
    const particle =
      NAME_PARTICLES.has(t.value[i] ?? '') &&
      t.value[i + 1] === '-' &&
      t.start[i + 1] === t.end[i] &&
      i + 2 < endToken &&
      isWordCap(i + 2);
    if (!particle && !accepts(i, false)) {
      i += 1;
      continue;
    }
    let last = particle ? i + 2 : i;
    for (;;) {
      const n = last + 1;
      if (n >= endToken) break;
      const v = t.value[n] ?? '';
      const gap = (t.start[n] ?? 0) > (t.end[last] ?? 0);
      if (t.pos[n] === 'SPACE') break;
      if (gap && accepts(n, true)) {
        last = n;
        continue;
      }
      // A middle initial: "Robert C. Scott" (wink may split "C" and ".").
      if (gap && /^\p{Lu}\.?$/u.test(v)) {
        let k = n + 1;
        if (!v.endsWith('.') && t.value[k] === '.' && t.start[k] === t.end[n]) k += 1;
        if (
          (v.endsWith('.') || k > n + 1) &&
          k < endToken &&
          (t.start[k] ?? 0) > (t.end[k - 1] ?? 0) &&
          /^\p{Lu}\p{Ll}/u.test(t.value[k] ?? '')
        ) {
          last = k;
          continue;
        }
      }
      // Lower-case particles inside personal names: "Bill de Blasio", "Ludwig van Dorn".
      if (
        gap &&
        SPACED_PARTICLES.has(v) &&
        n + 1 < endToken &&
        (t.start[n + 1] ?? 0) > (t.end[n] ?? 0) &&
        accepts(n + 1, true) &&
        !isAcronymText(t.value[n + 1] ?? '')
      ) {
        last = n + 1;
        continue;
      }
      // Tight hyphen between capitalised parts: "State-Khorasan", "Isis-K".
      if (
        (v === '-' || v === '‐') &&
        !gap &&
        n + 1 < endToken &&
        t.start[n + 1] === t.end[n] &&
        /^\p{Lu}/u.test(t.value[n + 1] ?? '')
      ) {
        last = n + 1;
        continue;
      }
      // "of" after a head that takes it: "Ministry of Defence", "State of Khorasan".
      if (v === 'of' && OF_HEADS.has(t.value[last] ?? '')) {
        let k = n + 1;
        if (t.value[k] === 'the') k += 1;
        if (k < endToken && accepts(k, true)) {
          last = k;
          continue;
        }
      }
      break;
    }
    // A leading title becomes a role: "General Qasem Suleimani", "FSB Director X".
    let role: string | undefined;
    let titleEnd = -1;
    for (let k = start; k < last; k += 1) {
      if (PERSON_TITLES.has((t.value[k] ?? '').replace(/\.$/, ''))) titleEnd = k;
    }
    if (titleEnd >= start) {
      const rest = t.value[last] ?? '';
      const restIsName =
        !ORG_HEADS.has(rest) &&
        !FACILITY_HEADS.has(rest) &&
        !PLACE_HEADS.has(rest) &&
        countryCode(text.slice(t.start[titleEnd + 1] ?? 0, t.end[last] ?? 0)) === undefined;
      if (restIsName) {
        // Words before the title name the body the person serves ("FSB" in "FSB Director").
        let titleStart = titleEnd;
        while (
          titleStart > start &&
          PERSON_TITLES.has((t.value[titleStart - 1] ?? '').replace(/\.$/, ''))
        )
          titleStart -= 1;
        if (titleStart > start) {
          const body = makeChunk(text, t, sentence, start, titleStart - 1);
          body.roleBody = true;
          if (body.acronym)
            body.votes.push({
              type: 'organization',
              weight: WEIGHT.head,
              evidence: `before-title:${t.value[titleStart] ?? ''}`,
            });
          chunks.push(body);
        }
        role = text.slice(t.start[start] ?? 0, t.end[titleEnd] ?? 0);
        start = titleEnd + 1;
      }
    }
    const chunk = makeChunk(text, t, sentence, start, last);
    const before = prevWordIndex(t, start, firstToken);
    // A name quoted on its own (a band "Piknik", an operation "Iron Dome") is
    // capitalised as a name, not as the start of a sentence.
    const quotedAlone =
      before >= 0 &&
      /^["“‘'«]$/.test(t.value[before] ?? '') &&
      /^["”’'»]$/.test(text[chunk.span[1]] ?? '');
    chunk.initial = !quotedAlone && (before < 0 || OPENERS.has(t.value[before] ?? ''));
    if (role) {
      chunk.roles.push(role);
      chunk.votes.push({ type: 'person', weight: WEIGHT.defining, evidence: `title:${role}` });
    }
    // Possessive: "Iran's", "Russia’s", "Iranʼs" (wink splits the last as ʼ + s).
    const p = last + 1;
    if (
      (t.value[p] === "'s" || t.value[p] === '’s' || t.value[p] === 'ʼs') &&
      t.start[p] === t.end[last]
    ) {
      chunk.possessive = true;
    } else if (
      APOSTROPHES.has(t.value[p] ?? '') &&
      t.start[p] === t.end[last] &&
      t.value[p + 1] === 's' &&
      t.start[p + 1] === t.end[p]
    ) {
      chunk.possessive = true;
    }
    chunks.push(chunk);
    i = last + 1;
  }
  return chunks;
}

function makeChunk(
  text: string,
  t: TokenTable,
  sentence: Sentence,
  first: number,
  last: number,
): Chunk {
  const span: Span = [t.start[first] ?? 0, t.end[last] ?? 0];
  const surface = text.slice(span[0], span[1]);
  return {
    first,
    last,
    span,
    text: surface,
    sentence: sentence.index,
    possessive: false,
    acronym: first === last && isAcronymText(surface),
    votes: [],
    roles: [],
  };
}

/** Collects the typing evidence of a chunk from the gazetteers and its context. */
function classify(text: string, t: TokenTable, c: Chunk, floor: number, limit: number): void {
  const lastWord = t.value[c.last] ?? '';
  const known = knownLookup(c.text);
  if (known) {
    c.gazKey = known.key;
    c.gazName = known.name;
    c.votes.push({
      type: known.type,
      weight: WEIGHT.gazetteer,
      evidence: known.key.startsWith('country:')
        ? `gazetteer:country ${known.key.slice(8)}`
        : `gazetteer:${known.name}`,
    });
  } else {
    // A branch of a known group: "Isis-Khorasan" → group.
    const head = c.text.split(/\s*-\s*|\s+of\s+(?:the\s+)?/)[0] ?? '';
    const parent = head !== c.text ? knownLookup(head) : undefined;
    if (parent?.type === 'group') {
      c.votes.push({
        type: 'group',
        weight: WEIGHT.defining,
        evidence: `branch-of:${parent.name}`,
      });
    }
  }
  // The head is the last word, or the word before "of" ("Ministry of Water").
  let orgHead = ORG_HEADS.has(lastWord) ? lastWord : undefined;
  for (let k = c.first + 1; k <= c.last && !orgHead; k += 1) {
    const before = t.value[k - 1] ?? '';
    if (t.value[k] === 'of' && ORG_HEADS.has(before)) orgHead = before;
  }
  // A head word alone ("Police", "Army") is a common noun, not a name.
  const multiWord = c.first !== c.last;
  if (orgHead && multiWord)
    c.votes.push({ type: 'organization', weight: WEIGHT.head, evidence: `org-head:${orgHead}` });
  if (FACILITY_HEADS.has(lastWord) && multiWord)
    c.votes.push({ type: 'facility', weight: WEIGHT.head, evidence: `facility-head:${lastWord}` });
  if (PLACE_HEADS.has(lastWord) && c.first !== c.last)
    c.votes.push({ type: 'place', weight: WEIGHT.head, evidence: `place-head:${lastWord}` });

  // Words after the name (skip a possessive ending).
  let n = nextWordIndex(t, c.last, limit);
  if (c.possessive && n >= 0) n = nextWordIndex(t, t.value[n] === 's' ? n + 1 : n, limit);
  const next1 = n >= 0 ? (t.value[n] ?? '') : '';
  const n2 = n >= 0 ? nextWordIndex(t, n, limit) : -1;
  const next2 = n2 >= 0 ? (t.value[n2] ?? '') : '';
  const lowerNext = (w: string) => w !== '' && /^\p{Ll}/u.test(w);
  if (!c.possessive) {
    const after = [next1, lowerNext(next1) ? next2 : ''].filter(lowerNext);
    const group = after.find((w) => GROUP_NOUNS.has(w));
    if (group)
      c.votes.push({ type: 'group', weight: WEIGHT.defining, evidence: `group-noun:${group}` });
    const org = after.find((w) => ORG_NOUNS.has(w));
    if (org)
      c.votes.push({ type: 'organization', weight: WEIGHT.defining, evidence: `org-noun:${org}` });
    const facility = after.find((w) => FACILITY_NOUNS.has(w));
    if (facility)
      c.votes.push({
        type: 'facility',
        weight: WEIGHT.defining,
        evidence: `facility-noun:${facility}`,
      });
    if (lowerNext(next1) && PLACE_NOUNS.has(next1))
      c.votes.push({ type: 'place', weight: WEIGHT.head, evidence: `place-noun:${next1}` });
    if (lowerNext(next1) && EVENT_NOUNS.has(next1)) c.event = true;
  }
  // Words before the name.
  const p1 = prevWordIndex(t, c.first, floor);
  const prev1 = p1 >= 0 ? (t.value[p1] ?? '') : '';
  const p2 = p1 >= 0 ? prevWordIndex(t, p1, floor) : -1;
  const p3 = p2 >= 0 ? prevWordIndex(t, p2, floor) : -1;
  if (prev1 === 'of' || (prev1 === 'the' && t.value[p2] === 'of')) {
    const noun = prev1 === 'of' ? (t.value[p2] ?? '') : (t.value[p3] ?? '');
    if (PLACE_OF_NOUNS.has(noun.toLowerCase()))
      c.votes.push({ type: 'place', weight: WEIGHT.defining, evidence: `place-of:${noun} of` });
    if (GROUP_OF_NOUNS.has(noun.toLowerCase())) {
      // Armed words ("militants of") define a group; "members of" only leans to one.
      const armed = GROUP_NOUNS.has(noun.toLowerCase());
      c.votes.push({
        type: 'group',
        weight: armed ? WEIGHT.defining : WEIGHT.head,
        evidence: `group-of:${noun} of`,
      });
    }
  }
  // A title just before the name that the chunk did not take in ("Mr. Obama").
  if (
    c.roles.length === 0 &&
    p1 >= 0 &&
    PERSON_TITLES.has(prev1.replace(/\.$/, '')) &&
    /^\p{Lu}/u.test(prev1)
  ) {
    c.votes.push({ type: 'person', weight: WEIGHT.defining, evidence: `title:${prev1}` });
  }
  const located = ['in', 'near', 'from', 'outside', 'to'].includes(prev1);
  // Many town names are also common words ("Police", "Mobile"): a lone word that
  // opens its sentence counts as a city only after a locative preposition.
  const city =
    (located || !(c.initial && c.first === c.last)) && (isCity(c.text) || isRegion(c.text));
  if (city) {
    c.votes.push({
      type: 'place',
      weight: located ? WEIGHT.defining : WEIGHT.city,
      evidence: located ? `gazetteer:city after "${prev1}"` : 'gazetteer:city',
    });
  } else if (['in', 'near', 'outside'].includes(prev1) && c.first === c.last && !known) {
    // "in Krasnohorsk": a lone unknown name after a locative preposition.
    c.votes.push({ type: 'place', weight: WEIGHT.shape + 1, evidence: `after "${prev1}"` });
  }
  // Apposition: "X, the Kremlin spokesman," / "X, a senior official".
  if (next1 === ',' && n2 >= 0) {
    let k = n2;
    if (['the', 'a', 'an', 'its', 'his', 'her', 'their'].includes(t.value[k] ?? '')) {
      const roleStart = k;
      let roleNoun = -1;
      for (let m = k + 1; m < Math.min(limit, k + 6); m += 1) {
        const w = t.value[m] ?? '';
        if (t.pos[m] === 'PUNCT' || t.pos[m] === 'VERB' || t.pos[m] === 'AUX') break;
        if (ROLE_NOUNS.has(w.toLowerCase())) roleNoun = m;
      }
      if (roleNoun > roleStart) {
        const nextAfter = nextWordIndex(t, roleNoun, limit);
        const closes =
          nextAfter < 0 || [',', '.', ';', ')', '—'].includes(t.value[nextAfter] ?? '');
        if (closes) {
          const role = text.slice(t.start[roleStart + 1] ?? 0, t.end[roleNoun] ?? 0);
          c.roles.push(role);
          c.votes.push({ type: 'person', weight: WEIGHT.defining, evidence: `apposition:${role}` });
        }
      }
      k = roleStart;
    }
  }
  // Name shape: two to four proper nouns with no head word.
  // Not led by a place: "Virginia Democrats", "Hampton Roads" are not people.
  const words = c.text.split(/\s+/);
  const ledByPlace =
    words.length > 1 &&
    (countryCode(words[0] ?? '') !== undefined ||
      // Regions share names with people ("Vladimir"); only a plural after one is a tell.
      (isRegion(words[0] ?? '') && /[^s]s$/.test(words[words.length - 1] ?? '')));
  if (
    !known &&
    !ledByPlace &&
    words.length >= 2 &&
    words.length <= 4 &&
    !c.text.includes('-') &&
    words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}\.$/u.test(w)) &&
    /^\p{Lu}\p{Ll}/u.test(words[words.length - 1] ?? '')
  ) {
    let allPropn = true;
    for (let k = c.first; k <= c.last; k += 1) {
      const initial = /^\p{Lu}?\.?$/u.test(t.value[k] ?? '');
      if (t.pos[k] !== 'PROPN' && !initial) allPropn = false;
    }
    if (allPropn) c.votes.push({ type: 'person', weight: WEIGHT.shape, evidence: 'name-shape' });
  }
  // A lone name that speaks ("Peskov said") leans to person, weakly.
  // Places seldom speak: this outweighs a city or region of the same name.
  if (n >= 0 && SPEECH_VERBS.has(t.lemma[n] ?? '') && !known && !c.acronym) {
    c.votes.push({ type: 'person', weight: WEIGHT.city + 1, evidence: `speaker:${next1}` });
  }
}

function best(votes: Vote[]): { type: EntityType; weight: number } {
  return heaviest([votes]);
}

/** The type with the heaviest vote over the vote lists of several chunks (ties: first seen). */
function heaviest(lists: readonly Vote[][]): { type: EntityType; weight: number } {
  const sum = new Map<EntityType, number>();
  for (const votes of lists) {
    for (const v of votes) sum.set(v.type, Math.max(sum.get(v.type) ?? 0, v.weight));
  }
  let type: EntityType = 'other';
  let weight = 0;
  for (const [k, w] of sum) {
    if (w > weight) {
      type = k;
      weight = w;
    }
  }
  return { type, weight };
}

/** Initials of a name per hyphen part: "Islamic State-Khorasan" → "IS-K". */
function initials(name: string): string {
  return name
    .split(/\s*-\s*/)
    .map((part) =>
      part
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join(''),
    )
    .join('-');
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r] ?? r;
    let x = i;
    while (this.parent[x] !== r) {
      const next = this.parent[x] ?? r;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    return true;
  }
}

/** Recognises the entities of an article and groups their mentions. */
export function extractEntities(ctx: AnnotationContext): void {
  const { article, tokens: t } = ctx;
  const text = article.text;
  const chunks: Chunk[] = [];
  for (const sentence of ctx.sentences) {
    if (SKIPPED_KINDS.has(sentence.kind)) continue;
    const first = tokenAt(t, sentence.span[0]);
    const end = tokenAt(t, sentence.span[1]);
    for (const c of chunksOf(text, t, sentence, first, end)) {
      classify(text, t, c, first, end);
      chunks.push(c);
    }
  }

  // Definitions in the text: "X (Y)" and "X, or Y,".
  const defined: [number, number, string][] = [];
  for (let i = 0; i + 1 < chunks.length; i += 1) {
    const a = chunks[i];
    const b = chunks[i + 1];
    if (!a || !b || a.sentence !== b.sentence) continue;
    const between = text.slice(a.span[1], b.span[0]);
    const after = text.slice(b.span[1], b.span[1] + 1);
    if (/^\s*\($/.test(between) && after === ')') defined.push([i, i + 1, `(${b.text})`]);
    else if (
      /^,\s*or\s+$/.test(between) &&
      /^[,.;)]?$/.test(after) &&
      (b.acronym || nameKey(b.text).startsWith(nameKey(a.text).split(/[\s-]/)[0] ?? '\u0000'))
    )
      defined.push([i, i + 1, `, or ${b.text}`]);
  }

  // Event mentions: name + event noun; the name stays a mention only when it is a facility.
  const mentionsDraft: {
    chunk: Chunk;
    span: Span;
    text: string;
    type: EntityType;
    weight: number;
    evidence: string[];
    key: string;
    weak?: boolean;
  }[] = [];
  const chunkMention = new Map<number, number>();
  chunks.forEach((c, idx) => {
    const own = best(c.votes);
    const evidence = c.votes.map((v) => v.evidence);
    if (
      c.event &&
      // "the Iran bombings": a country or city with an event noun stays a place.
      !(own.type === 'place' && c.votes.some((v) => v.evidence.startsWith('gazetteer:'))) &&
      own.type !== 'person' &&
      own.type !== 'group' &&
      own.type !== 'organization'
    ) {
      const n = nextWordIndex(t, c.last, t.count);
      const end = t.end[n] ?? c.span[1];
      const eventText = text.slice(c.span[0], end);
      mentionsDraft.push({
        chunk: c,
        span: [c.span[0], end],
        text: eventText,
        type: 'event',
        weight: WEIGHT.defining,
        evidence: [`event-noun:${t.value[n] ?? ''}`],
        key: `event:${foldKey(eventText)}`,
      });
      if (own.type !== 'facility' && own.type !== 'place') return;
    }
    // A lone capitalised word with no evidence at all is too weak to report when it
    // is not tagged PROPN or opens its sentence ("Days before..."); nationality
    // words describe, they do not name.
    if (c.roleBody && own.weight < WEIGHT.head) return;
    // Party and state tags of US politicians: "(D-Va.)", "R-Texas".
    if (/^[DRI]-/.test(c.text) || c.text === 'D' || c.text === 'R') return;
    let weak = false;
    if (c.first === c.last && !c.acronym && own.weight < WEIGHT.gazetteer) {
      if (isDemonym(c.text)) return;
      // Kept only if a later step links it to a better-attested name.
      weak = own.weight === 0 && (t.pos[c.first] !== 'PROPN' || c.initial === true);
    }
    chunkMention.set(idx, mentionsDraft.length);
    mentionsDraft.push({
      chunk: c,
      span: c.span,
      text: c.text,
      type: own.type,
      weight: own.weight,
      evidence: evidence.length > 0 ? evidence : ['capitalised-name'],
      key: c.gazKey ?? knownBranchKey(c.text) ?? `name:${foldKey(c.text)}`,
      weak,
    });
  });

  const uf = new UnionFind(mentionsDraft.length);
  const reasons = new Map<number, AliasEvidence>();
  const byKey = new Map<string, number>();
  mentionsDraft.forEach((m, i) => {
    const prior = byKey.get(m.key);
    if (prior === undefined) byKey.set(m.key, i);
    else {
      uf.union(prior, i);
      if (nameKey(mentionsDraft[prior]?.text ?? '') !== nameKey(m.text)) {
        reasons.set(i, {
          name: m.text,
          reason: m.chunk.gazKey ? 'gazetteer' : 'same-name',
          detail: m.chunk.gazKey ? `${m.text} = ${m.chunk.gazName ?? ''}` : undefined,
        });
      }
    }
  });
  for (const [ai, bi, how] of defined) {
    const a = chunkMention.get(ai);
    const b = chunkMention.get(bi);
    if (a === undefined || b === undefined) continue;
    if (uf.union(a, b)) {
      reasons.set(b, {
        name: mentionsDraft[b]?.text ?? '',
        reason: 'defined-in-text',
        detail: `${mentionsDraft[a]?.text ?? ''} ${how}`,
      });
    }
  }
  // Indexes built once, so that linking stays linear in the number of mentions:
  // initials of multi-word names, and surnames of multi-word person names.
  const byInitials = new Map<string, number>();
  const bySurname = new Map<string, number>();
  const surnames: [string, number][] = [];
  mentionsDraft.forEach((o, j) => {
    if (o.type === 'event' || !o.text.includes(' ')) return;
    const ini = initials(o.text);
    if (!byInitials.has(ini)) byInitials.set(ini, j);
    if (o.type === 'person') {
      const surname = nameKey(o.text.split(/\s+/).pop() ?? '');
      if (!bySurname.has(surname)) {
        bySurname.set(surname, j);
        surnames.push([surname, j]);
      }
    }
  });
  // Acronyms by initials ("IS" ↔ "Islamic State", "IS-K" ↔ "Islamic State-Khorasan").
  mentionsDraft.forEach((m, i) => {
    if (!m.chunk.acronym && !/^\p{Lu}{1,5}(?:-\p{Lu}{1,3})+$/u.test(m.text)) return;
    const letters = m.text.replace(/\./g, '').replace(/s$/, '');
    const target = byInitials.get(letters);
    if (target !== undefined && target !== i && uf.union(target, i)) {
      reasons.set(i, {
        name: m.text,
        reason: 'acronym',
        detail: `initials of ${mentionsDraft[target]?.text ?? ''}`,
      });
    }
  });
  // Surnames to full names ("Peskov" → "Dmitry Peskov").
  mentionsDraft.forEach((m, i) => {
    if (m.text.includes(' ') || m.chunk.acronym || m.weight >= WEIGHT.gazetteer) return;
    const target = bySurname.get(nameKey(m.text));
    if (target !== undefined && target !== i && uf.union(target, i)) {
      // Being a person's surname is evidence too ("Clinton" is also a town).
      m.chunk.votes.push({ type: 'person', weight: WEIGHT.defining, evidence: 'surname' });
      reasons.set(i, {
        name: m.text,
        reason: 'short-form',
        detail: `surname of ${mentionsDraft[target]?.text ?? ''}`,
      });
    }
  });

  // Inflected or misspelt surnames: a lone name that is a surname less its last
  // one or two letters ("Fariduni" → "Faridun"), at least six letters long.
  const groupSize = new Map<number, number>();
  mentionsDraft.forEach((_, i) => groupSize.set(uf.find(i), (groupSize.get(uf.find(i)) ?? 0) + 1));
  const tried = new Map<string, number | null>();
  mentionsDraft.forEach((m, i) => {
    if (m.text.includes(' ') || m.chunk.acronym || m.weight >= WEIGHT.head || m.text.length < 6)
      return;
    if ((groupSize.get(uf.find(i)) ?? 0) > 1 && uf.find(i) === i) return;
    if (uf.find(i) !== i) return;
    const k = nameKey(m.text);
    let target = tried.get(k);
    if (target === undefined) {
      target = null;
      for (const [surname, j] of surnames) {
        if (surname !== k && surname.startsWith(k) && surname.length - k.length <= 2) {
          target = j;
          break;
        }
      }
      tried.set(k, target);
    }
    if (target !== null && uf.union(target, i)) {
      reasons.set(i, {
        name: m.text,
        reason: 'string-similarity',
        detail: `prefix of the surname in ${mentionsDraft[target]?.text ?? ''}`,
      });
    }
  });

  // Build entities.
  const groups = new Map<number, number[]>();
  mentionsDraft.forEach((_, i) => {
    const r = uf.find(i);
    const list = groups.get(r) ?? [];
    list.push(i);
    groups.set(r, list);
  });
  for (const [root, members] of [...groups]) {
    if (members.length === 1 && mentionsDraft[root]?.weak) groups.delete(root);
  }
  const entityOf = new Map<number, LocalEntity>();
  const roots = [...groups.keys()].sort((a, b) => a - b);
  for (const root of roots) {
    const members = groups.get(root) ?? [];
    const isEvent = members.some((i) => mentionsDraft[i]?.type === 'event');
    const type: EntityType = isEvent
      ? 'event'
      : heaviest(members.map((i) => mentionsDraft[i]?.chunk.votes ?? [])).type;
    const variants = [...new Set(members.map((i) => mentionsDraft[i]?.text ?? ''))];
    const gazName = members
      .map((i) => mentionsDraft[i]?.chunk.gazName)
      .find((n) => n && n.includes(' '));
    const name =
      gazName && variants.some((v) => nameKey(v) === nameKey(gazName))
        ? gazName
        : ([...variants].sort(
            (a, b) =>
              Number(isAcronymText(a)) - Number(isAcronymText(b)) ||
              b.split(/\s+/).length - a.split(/\s+/).length ||
              b.length - a.length,
          )[0] ?? '');
    const aliases: AliasEvidence[] = [];
    for (const i of members) {
      const r = reasons.get(i);
      if (r && !aliases.some((a) => a.name === r.name && a.reason === r.reason)) aliases.push(r);
      const m = mentionsDraft[i];
      if (
        m?.chunk.possessive &&
        !aliases.some((a) => a.reason === 'possessive' && a.name === m.text)
      )
        aliases.push({ name: `${m.text}'s`, reason: 'possessive' });
    }
    const entity: LocalEntity = {
      id: `e${ctx.entities.length + 1}`,
      type,
      name,
      variants,
      mentionIds: [],
      aliases,
      roles: [...new Set(members.flatMap((i) => mentionsDraft[i]?.chunk.roles ?? []))],
    };
    ctx.entities.push(entity);
    for (const i of members) entityOf.set(i, entity);
  }

  // Branches: "A-B" / "A of B" where A is another entity → parentId.
  const entityByKey = new Map<string, LocalEntity>();
  for (const o of ctx.entities) {
    for (const ov of o.variants) {
      const k = knownLookup(ov)?.key ?? `name:${foldKey(ov)}`;
      if (!entityByKey.has(k)) entityByKey.set(k, o);
    }
  }
  for (const e of ctx.entities) {
    if (e.type !== 'group' && e.type !== 'organization') continue;
    for (const v of e.variants) {
      const head = v.split(/\s*-\s*|\s+of\s+(?:the\s+)?/)[0] ?? '';
      if (head === v || head === '') continue;
      const headKey = knownLookup(head)?.key ?? `name:${foldKey(head)}`;
      const parent = entityByKey.get(headKey);
      if (parent && parent !== e) {
        e.parentId = parent.id;
        break;
      }
    }
  }

  // Roles that name a person elsewhere in the article: "the Kremlin spokesman"
  // after "Dmitry Peskov, the Kremlin spokesman". Only apposition roles of two or
  // more words, and only when one person holds the role.
  const pending: {
    span: Span;
    text: string;
    entity: LocalEntity;
    sentence: number;
    evidence: string[];
  }[] = [];
  mentionsDraft.forEach((m, i) => {
    const entity = entityOf.get(i);
    if (entity)
      pending.push({
        span: m.span,
        text: m.text,
        entity,
        sentence: m.chunk.sentence,
        evidence: m.evidence,
      });
  });
  const holders = new Map<string, LocalEntity[]>();
  for (const e of ctx.entities) {
    if (e.type !== 'person') continue;
    for (const r of e.roles) if (r.includes(' ')) holders.set(r, [...(holders.get(r) ?? []), e]);
  }
  const body = ctx.sentences.filter((x) => !SKIPPED_KINDS.has(x.kind));
  const lower = holders.size > 0 ? text.toLowerCase() : '';
  for (const [role, people] of holders) {
    const person = people[0];
    if (people.length !== 1 || !person) continue;
    const needle = `the ${role}`.toLowerCase();
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const start = at + 4;
      const end = start + role.length;
      // Skip the apposition that defined it ("Name, the role") and words running on.
      if (/,\s*$/.test(text.slice(Math.max(0, at - 2), at))) continue;
      if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      const sentence = body.find((x) => x.span[0] <= start && end <= x.span[1]);
      if (!sentence) continue;
      if (pending.some((p) => p.span[0] < end && start < p.span[1])) continue;
      pending.push({
        span: [start, end],
        text: text.slice(start, end),
        entity: person,
        sentence: sentence.index,
        evidence: [`role:${role}`],
      });
      if (!person.aliases.some((x) => x.reason === 'role' && x.name === role)) {
        person.aliases.push({ name: role, reason: 'role', detail: 'role given in apposition' });
      }
      if (!person.variants.includes(role)) person.variants.push(role);
    }
  }

  // Mentions in text order, each with its entity's type.
  pending.sort((a, b) => a.span[0] - b.span[0]);
  for (const m of pending) {
    const mention: Mention = {
      id: `m${ctx.mentions.length + 1}`,
      span: m.span,
      text: m.text,
      type: m.entity.type,
      entityId: m.entity.id,
      sentence: m.sentence,
      evidence: m.evidence,
    };
    m.entity.mentionIds.push(mention.id);
    ctx.mentions.push(mention);
  }
}

/** Key of a branch of a known group written with an alias: "Isis-Khorasan" → "islamic state khorasan". */
function knownBranchKey(text: string): string | undefined {
  const parts = text.split(/(\s*-\s*|\s+of\s+(?:the\s+)?)/);
  const head = parts[0] ?? '';
  if (parts.length < 3) return undefined;
  const known = knownLookup(head);
  if (!known || known.type !== 'group') return undefined;
  return `name:${foldKey(`${known.name} ${parts.slice(2).join(' ')}`)}`;
}
