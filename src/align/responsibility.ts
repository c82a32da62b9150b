/**
 * Who was behind it: claims that assign responsibility for an event (claimed
 * responsibility, carried out, attributed to, accused of orchestrating, blamed
 * for, was behind) are read for the party they name. When the claims of a
 * story name parties that cannot all be behind one event (not the same entity,
 * nor an organisation and its branch), responsibility is contested: a conflict
 * finding that keeps each side with its sources.
 */
import type { Mention } from '../core/index.ts';
import type { ClaimNode } from './features.ts';
import type { Resolution } from '../resolve/index.ts';

/** Entity kinds that can be held responsible. */
const PARTY_TYPES = new Set(['group', 'organization', 'place', 'person']);

interface Pattern {
  /** Cue; the party is in the words captured by `region`. */
  cue: RegExp;
  region: 'before' | 'after' | 'between';
  /** For `between`: the words closing the region ("of orchestrating"). */
  until?: RegExp;
  label: string;
}

const PATTERNS: Pattern[] = [
  {
    cue: /\bclaimed responsibility\b|\bclaims responsibility\b|\bclaiming responsibility\b/i,
    region: 'before',
    label: 'claimed responsibility',
  },
  { cue: /\b(?:was|were) carried out by\b/i, region: 'after', label: 'carried out by' },
  { cue: /\bcarried out\b/i, region: 'before', label: 'carried out' },
  {
    cue: /\battributed (?:the|this|that|it|its)?\s*(?:\w+\s+){0,3}?to\b/i,
    region: 'after',
    label: 'attributed to',
  },
  {
    cue: /\baccus(?:ed|es|ing)\b/i,
    region: 'between',
    until:
      /\bof (?:orchestrating|organi[sz]ing|plotting|being behind|carrying out|masterminding|staging)\b/i,
    label: 'accused of organising',
  },
  { cue: /\bblam(?:ed|es|ing)\b/i, region: 'between', until: /\bfor\b/i, label: 'blamed' },
  {
    cue: /\bclaimed that\b|\bsaid that\b|\bsuggested that\b/i,
    region: 'between',
    until:
      /\b(?:organi[sz]ed|orchestrated|was behind|were behind|carried out|masterminded|staged)\b/i,
    label: 'said was behind',
  },
  { cue: /\b(?:was|were) behind\b/i, region: 'before', label: 'was behind' },
  // Reported content "X organised it" (the speaker is the attribution's source).
  {
    cue: /\b(?:organi[sz]ed|orchestrated|masterminded|plotted|staged) (?:it|the attack|the attacks|the bombing|the massacre)\b/i,
    region: 'before',
    label: 'organised',
  },
];

export interface ResponsibilityClaim {
  node: ClaimNode;
  /** Story entity ids of the parties named responsible. */
  parties: string[];
  cue: string;
  /** Who says so: the attribution's source, or the claim's subject for a self-claim. */
  source: string;
  /** Channel named with "via" ("via its official Amaq news agency"). */
  via?: string;
  /** Key of the claim whose whole sentence was read, when the claim itself held no reading. */
  sentenceOf?: string;
}

function mentionsIn(node: ClaimNode, from: number, to: number): Mention[] {
  return node.doc.mentions.filter(
    (m) => m.span[0] >= from && m.span[1] <= to && PARTY_TYPES.has(m.type),
  );
}

/** Reads the responsibility a claim assigns, if any. */
export function readResponsibility(
  node: ClaimNode,
  resolution: Resolution,
): ResponsibilityClaim | undefined {
  const { claim, doc } = node;
  const text = claim.text;
  const base = claim.span[0];
  for (const pattern of PATTERNS) {
    const cue = pattern.cue.exec(text);
    if (!cue) continue;
    const cueStart = base + cue.index;
    const cueEnd = cueStart + cue[0].length;
    let region: [number, number];
    if (pattern.region === 'before') {
      // The subject: the clause before the cue, after any earlier clause break.
      const head = text.slice(0, cue.index);
      const cut = Math.max(
        head.lastIndexOf(', and '),
        head.lastIndexOf('; '),
        head.lastIndexOf(' that '),
      );
      region = [base + (cut >= 0 ? cut : 0), cueStart];
    } else if (pattern.region === 'after') {
      const tail = text.slice(cue.index + cue[0].length);
      const stop = tail.search(/[,;.]|\band\b(?! the west)/i);
      region = [cueEnd, cueEnd + (stop >= 0 ? Math.max(stop, 1) : tail.length)];
      // "carried out by militants of the Islamic State": the party is the named group.
      if (stop >= 0 && stop < 4) region = [cueEnd, cueEnd + tail.length];
    } else {
      const tail = text.slice(cue.index + cue[0].length);
      const until = pattern.until?.exec(tail);
      if (!until) continue;
      region = [cueEnd, cueEnd + until.index];
    }
    const mentions = mentionsIn(node, region[0], region[1]);
    // A person named as responsible is rare; persons in the subject are usually the speakers.
    const parties = [
      ...new Set(
        mentions
          .filter((m) => m.type !== 'person' || pattern.region !== 'before')
          .map((m) => resolution.globalId(doc.article.id, m.entityId))
          .filter((id): id is string => id !== undefined),
      ),
    ];
    if (parties.length === 0) continue;
    const attributionSource =
      claim.chain.length > 1 ? claim.chain[claim.chain.length - 1] : undefined;
    const subject = doc.mentions.find(
      (m) => m.span[0] >= base && m.span[1] <= cueStart && PARTY_TYPES.has(m.type),
    );
    // The channel may sit outside the claim span, in the rest of its sentence.
    const sentence = doc.sentences[claim.sentence];
    const sentenceText = sentence
      ? doc.article.text.slice(sentence.span[0], sentence.span[1])
      : text;
    const via =
      /\bvia (?:its |their |the )?(?:official )?([A-Z][\w-]*(?: [A-Za-z][\w-]*){0,3})/.exec(
        sentenceText,
      )?.[1];
    const source =
      attributionSource ??
      (pattern.region === 'before' ? subject?.text : subject?.text) ??
      claim.chain[0] ??
      'the article';
    return { node, parties, cue: pattern.label, source, ...(via ? { via } : {}) };
  }
  return undefined;
}

/** Sides: parties that can stand together (one entity, or an organisation and its branch). */
export function partySides(parties: string[], resolution: Resolution): Map<string, string> {
  const parent = new Map<string, string>();
  for (const e of resolution.entities)
    for (const link of e.links ?? [])
      if (link.relation === 'branch-of') parent.set(e.id, link.entityId);
  const root = (id: string) => {
    let at = id;
    const seen = new Set<string>();
    while (parent.has(at) && !seen.has(at)) {
      seen.add(at);
      at = parent.get(at) ?? at;
    }
    return at;
  };
  return new Map(parties.map((p) => [p, root(p)]));
}
