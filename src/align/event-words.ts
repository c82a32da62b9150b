/**
 * Event words: how a verb or an event noun is keyed so that its wordings meet
 * ("exploded" / "explosion", "shot" / "shooting", "died" / "death"), and the
 * small table of news event kinds that outlets word differently (kill / shoot /
 * slay, arrest / detain / apprehend, quake / tremor / temblor). Classes are
 * general news vocabulary, never words of one story; a word may belong to
 * several kinds ("fire": a dismissal or a blaze). Different kinds (the quake
 * and the aftershock, the shooting and the arrest) stay different classes.
 */

/** Kinds of news event; the first word names the class. */
const EVENT_CLASSES: string[][] = [
  [
    'kill',
    'shoot',
    'die',
    'death',
    'dead',
    'murder',
    'slay',
    'gun',
    'fatal',
    'homicide',
    'massacre',
    'stab',
    'execute',
    'assassinate',
  ],
  // A suicide is a death: the two wordings of one event stay one kind.
  ['die', 'dead', 'death', 'pass', 'perish', 'succumb', 'obituary', 'fatal', 'suicide'],
  ['suicide', 'hang'],
  ['wound', 'injure', 'hurt', 'injury', 'wounded', 'injured'],
  [
    'arrest',
    'detain',
    'apprehend',
    'custody',
    'nab',
    'capture',
    'detention',
    'catch',
    'bust',
    'jail',
  ],
  ['charge', 'indict', 'accuse', 'indictment', 'prosecute', 'allege'],
  ['convict', 'sentence', 'imprison', 'conviction', 'guilty', 'jail', 'prison'],
  ['quake', 'earthquake', 'tremor', 'temblor', 'seismic', 'jolt', 'shake', 'magnitude'],
  ['aftershock'],
  [
    'attack',
    'assault',
    'strike',
    'raid',
    'bomb',
    'blast',
    'explode',
    'airstrike',
    'shell',
    'massacre',
  ],
  ['dismiss', 'fire', 'sack', 'oust', 'axe', 'dismissal', 'ouster', 'layoff'],
  ['resign', 'quit', 'resignation'],
  [
    'appoint',
    'hire',
    'name',
    'tap',
    'nominate',
    'replace',
    'succeed',
    'pick',
    'choose',
    'select',
    'sign',
  ],
  ['elect', 'vote', 'poll', 'ballot'],
  // One contest has a winner and a loser: "A beat B" and "B lost to A" are one event.
  ['win', 'beat', 'defeat', 'victory', 'triumph', 'champion', 'lose', 'loss'],
  ['rehab', 'rehabilitation', 'treatment', 'enter', 'admit', 'check', 'clinic'],
  ['release', 'unveil', 'launch', 'introduce', 'announce', 'debut', 'issue'],
  ['acquire', 'buy', 'purchase', 'acquisition', 'takeover', 'deal', 'merger', 'merge'],
  ['crash', 'collide', 'collision', 'derail', 'wreck', 'accident'],
  ['hijack', 'pirate', 'piracy'],
  ['rescue', 'save', 'evacuate'],
  ['blaze', 'fire', 'burn', 'wildfire', 'flame', 'arson', 'inferno'],
  ['flood', 'storm', 'hurricane', 'cyclone', 'typhoon'],
  ['damage', 'destroy', 'collapse', 'raze', 'level'],
  ['find', 'discover', 'discovery', 'locate', 'uncover'],
  ['escape', 'flee', 'breakout', 'lam', 'fugitive'],
  ['rob', 'robbery', 'heist', 'steal', 'theft', 'burglary', 'loot'],
  ['offer', 'bid', 'proposal', 'propose'],
  ['riot', 'protest', 'unrest', 'demonstrate', 'clash', 'rally'],
];

/** Nominalisations and forms the suffix rules cannot fold. */
const IRREGULAR: Record<string, string> = {
  death: 'die',
  dead: 'die',
  deadly: 'die',
  explosion: 'explode',
  collision: 'collide',
  decision: 'decide',
  invasion: 'invade',
  detention: 'detain',
  seizure: 'seize',
  arrival: 'arrive',
  departure: 'depart',
  robbery: 'rob',
  theft: 'steal',
  loss: 'lose',
  sale: 'sell',
  purchase: 'buy',
  discovery: 'discover',
  recovery: 'recover',
  delivery: 'deliver',
  victory: 'win',
  injury: 'injure',
  wounded: 'wound',
  injured: 'injure',
  shot: 'shoot',
  gunfire: 'shoot',
  election: 'elect',
  resignation: 'resign',
  acquisition: 'acquire',
  conviction: 'convict',
  testimony: 'testify',
  trial: 'try',
  earthquake: 'quake',
  temblor: 'quake',
  tremor: 'quake',
};

/** Verbs that carry no event of their own (copulas, light and reporting verbs). */
const LIGHT = new Set(
  (
    'be have do say tell report accord get make take go come add state will would can could may ' +
    'might must shall should give put include become seem appear know think believe want need ' +
    'use see look let keep begin start continue remain try announce confirm note explain ' +
    'comment ask speak write call'
  ).split(' '),
);

/** Nominal suffixes that mark event nouns ("explosion", "appointment", "shooting"). */
const EVENT_NOUN = /(?:tion|sion|ment|ing|ure|ery|al|ault|ack|ence|ance|age|sis)$/;

/**
 * The key of an event word (a lemma): irregular forms by table, then the
 * nominal suffix, a final "e" and a doubled final consonant stripped, so that
 * "shooting" = "shoot", "election" = "elect", "appointment" = "appoint",
 * "seize" = "seizure".
 */
export function eventKey(lemma: string): string {
  const word = lemma.toLowerCase();
  // Irregular forms go through the same rules as the words they stand for.
  let key = IRREGULAR[word] ?? word;
  if (key.length > 6 && key.endsWith('ing')) key = key.slice(0, -3);
  else if (key.length > 7 && key.endsWith('ation')) key = key.slice(0, -5);
  else if (key.length > 6 && /[ts]ion$/.test(key)) key = key.slice(0, -3);
  else if (key.length > 7 && key.endsWith('ment')) key = key.slice(0, -4);
  else if (key.length > 6 && key.endsWith('ure')) key = key.slice(0, -3);
  else if (key.length > 6 && key.endsWith('al') && !key.endsWith('ial')) key = key.slice(0, -2);
  if (key.length > 4 && key.endsWith('e')) key = key.slice(0, -1);
  if (key.length > 4 && /([bdgmnprt])\1$/.test(key)) key = key.slice(0, -1);
  return key;
}

/** Event key → the classes it belongs to. */
const CLASS_OF = new Map<string, string[]>();
for (const words of EVENT_CLASSES) {
  const head = words[0] ?? '';
  for (const w of words) {
    const key = eventKey(w);
    const known = CLASS_OF.get(key) ?? [];
    if (!known.includes(head)) CLASS_OF.set(key, [...known, head]);
  }
}

/** The event classes of an event key (empty when the word is in no class). */
export function classesOf(key: string): string[] {
  return CLASS_OF.get(key) ?? [];
}

export function isLightVerb(lemma: string): boolean {
  return LIGHT.has(lemma);
}

export function isEventNoun(lemma: string): boolean {
  return EVENT_NOUN.test(lemma);
}
