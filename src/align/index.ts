/**
 * Claim alignment across the articles of one story, and the type of each
 * finding: agreement, compatible, update, conflict or unique.
 *
 * 1. Candidate pairs come from a blocking index (story entities, measures,
 *    dates, rare terms); claims of one article are never paired; no all-pairs.
 * 2. A pair is linked when it is about the same fact: comparable figures
 *    (same measure, same event context: shared specific place or date, no
 *    contradicting anchor) or close wording (IDF-weighted term overlap), with
 *    the cluster helper's `sameEvent` as a further signal. Figures of one
 *    measure in different event contexts are never linked (one attack's toll
 *    is not another's).
 * 3. Linked claims are grouped greedily, best link first, one claim per
 *    article per finding.
 * 4. Each group is typed from its values, times and modality; claims left
 *    alone are unique. Responsibility ("who was behind it") is read apart and
 *    reported as contested when the parties named cannot all be behind it.
 */
import { pushTo } from '../core/collections.ts';
import type {
  AnnotatedArticle,
  Finding,
  FindingClaim,
  FindingKind,
  FindingValue,
  Quantity,
} from '../core/index.ts';
import { stableId } from '../core/index.ts';
import type { Resolution } from '../resolve/index.ts';
import { sameEvent } from './similarity.ts';
import {
  buildClaimNodes,
  compareAnchors,
  datesCompatible,
  outletOf,
  type ClaimNode,
} from './features.ts';
import {
  samePredicateFamily,
  describeValue,
  isTotalMeasure,
  relateValues,
  sameMeasure,
  type ValueRelation,
} from './values.ts';
import { partySides, readResponsibility, type ResponsibilityClaim } from './responsibility.ts';

export { buildClaimNodes, compareAnchors, contentTerms, type ClaimNode } from './features.ts';
export { relateValues, sameMeasure } from './values.ts';

/** IDF-weighted Dice overlap at or above which two claims word the same fact. */
export const TEXT_LINK = 0.45;
/** Lower wording overlap accepted when the figures or `sameEvent` already agree on the fact. */
const TEXT_SUPPORT = 0.12;
/** Posting lists longer than this are too common to block on. */
const MAX_POSTING = 60;

export interface OriginOf {
  /** Upstream origin of a claim (the agency or source it comes from), for independence counts. */
  (doc: AnnotatedArticle, claimId: string): string;
}

export interface AlignStats {
  claims: number;
  /** Claim pairs from different articles scored after blocking. */
  candidatePairs: number;
  /** Claim pairs from different articles an all-pairs aligner would score. */
  allPairs: number;
  links: number;
}

export interface AlignOptions {
  originOf?: OriginOf;
  /** Filled with counts of the run, for benchmarks. */
  stats?: AlignStats;
}

interface Link {
  a: ClaimNode;
  b: ClaimNode;
  score: number;
  matched: string[];
  differed: string[];
  evidence: string[];
  /** Comparable figure pair, when the link rests on figures. */
  values?: [Quantity, Quantity];
}

/**
 * The story's term weights (inverse document frequency over its claims) with
 * each claim's term set and weight sum read once: a story of seventy articles
 * scores a hundred thousand claim pairs.
 */
class Wording {
  readonly weights = new Map<string, number>();
  private readonly sets = new Map<ClaimNode, Set<string>>();
  private readonly sums = new Map<ClaimNode, number>();
  constructor(nodes: ClaimNode[]) {
    const df = new Map<string, number>();
    for (const n of nodes) for (const t of n.terms) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, d] of df) this.weights.set(t, Math.log(1 + nodes.length / d));
  }
  sum(terms: string[]): number {
    return terms.reduce((s, t) => s + (this.weights.get(t) ?? 0), 0);
  }
  private termSet(n: ClaimNode): Set<string> {
    let set = this.sets.get(n);
    if (!set) this.sets.set(n, (set = new Set(n.terms)));
    return set;
  }
  private total(n: ClaimNode): number {
    let sum = this.sums.get(n);
    if (sum === undefined) this.sums.set(n, (sum = this.sum(n.terms)));
    return sum;
  }
  /** Dice overlap of two claims' terms, each term weighted by its idf. */
  dice(a: ClaimNode, b: ClaimNode): { score: number; shared: string[] } {
    const bs = this.termSet(b);
    const shared = a.terms.filter((t) => bs.has(t));
    const total = this.total(a) + this.total(b);
    return { score: total === 0 ? 0 : (2 * this.sum(shared)) / total, shared };
  }
}

function blockingKeys(node: ClaimNode, df: Map<string, number>, maxDf: number): string[] {
  const keys: string[] = [];
  for (const e of node.entities) keys.push(`e:${e}`);
  for (const p of node.places) keys.push(`p:${p}`);
  for (const d of node.dates) keys.push(`d:${d.slice(0, 7)}`);
  for (const q of node.quantities) keys.push(`m:${q.measure ?? q.counted ?? 'n'}`);
  for (const t of node.terms) if ((df.get(t) ?? 0) <= maxDf) keys.push(`t:${t}`);
  return keys;
}

function candidatePairs(nodes: ClaimNode[]): [ClaimNode, ClaimNode][] {
  const df = new Map<string, number>();
  for (const n of nodes) for (const t of n.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const maxDf = Math.max(2, Math.ceil(nodes.length * 0.1));
  const postings = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (const key of blockingKeys(n, df, maxDf)) {
      const list = postings.get(key) ?? [];
      list.push(i);
      postings.set(key, list);
    }
  });
  const seen = new Set<number>();
  const pairs: [ClaimNode, ClaimNode][] = [];
  for (const list of postings.values()) {
    if (list.length > MAX_POSTING) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        const a = nodes[i];
        const b = nodes[j];
        if (!a || !b || a.doc === b.doc) continue;
        const code = i * nodes.length + j;
        if (seen.has(code)) continue;
        seen.add(code);
        pairs.push([a, b]);
      }
  }
  return pairs;
}

/** Figure pairs of one measure between two claims. */
function comparableValues(a: ClaimNode, b: ClaimNode) {
  const out: { qa: Quantity; qb: Quantity; matched: string[]; differed: string[] }[] = [];
  for (const qa of a.quantities)
    for (const qb of b.quantities) {
      const m = sameMeasure(qa, qb);
      if (m.same) out.push({ qa, qb, matched: m.matched, differed: m.differed });
    }
  return out;
}

function linkPair(a: ClaimNode, b: ClaimNode, wording: Wording, names: (id: string) => string) {
  const anchors = compareAnchors(a, b, names);
  const text = wording.dice(a, b);
  const values = comparableValues(a, b);
  const event = sameEvent({ doc: a.doc, claim: a.claim }, { doc: b.doc, claim: b.claim });
  const matched = new Set<string>(event.matched);
  const differed = new Set<string>(event.differed);
  const evidence: string[] = [];
  if (anchors.shared.length > 0) {
    matched.add('event context');
    evidence.push(`same event context: ${anchors.shared.join(', ')}`);
  }
  if (anchors.differed.length > 0) {
    differed.add('event context');
    evidence.push(`different event context: ${anchors.differed.join('; ')}`);
  }
  if (a.claim.predicate && b.claim.predicate)
    (a.claim.predicate === b.claim.predicate ? matched : differed).add('predicate');
  const sharedEntities = [...a.entities].filter((e) => b.entities.has(e));
  if (sharedEntities.length > 0) {
    matched.add('participants');
    evidence.push(`shared entities: ${sharedEntities.map(names).join(', ')}`);
  }

  // Figures of one measure: linked only within one event context.
  if (values.length > 0) {
    if (!anchors.same) return undefined;
    const best = values[0];
    if (!best) return undefined;
    if (text.score < TEXT_SUPPORT && !event.same && a.claim.predicate !== b.claim.predicate)
      return undefined;
    for (const s of best.matched) matched.add(s);
    for (const s of best.differed) differed.add(s);
    evidence.push(
      `figures count the same thing: ${describeValue(best.qa)} / ${describeValue(best.qb)}`,
    );
    return {
      a,
      b,
      score: 1 + text.score + (event.same ? 0.5 : 0),
      matched: [...matched],
      differed: [...differed],
      evidence,
      values: [best.qa, best.qb] as [Quantity, Quantity],
    } satisfies Link;
  }
  // Claims that each carry a figure, of different measures or events, are different facts.
  if (a.quantities.length > 0 && b.quantities.length > 0 && !anchors.same) return undefined;
  if (anchors.differed.length > 0) return undefined;
  // sameEvent alone links events, not facts: two claims about one blast may
  // still say different things. With little shared wording, it takes a
  // shared date or a shared participant as well.
  const sharedDate = a.dates.some((d) => b.dates.some((e) => datesCompatible(d, e)));
  const linked =
    text.score >= TEXT_LINK ||
    (event.same &&
      text.score >= TEXT_SUPPORT &&
      samePredicateFamily(a.claim.predicate, b.claim.predicate) &&
      (text.score >= 2 * TEXT_SUPPORT || sharedDate || sharedEntities.length > 0));
  if (!linked) return undefined;
  evidence.push(`wording overlap ${text.score.toFixed(2)} (${text.shared.slice(0, 8).join(', ')})`);
  if (event.same) evidence.push(...event.evidence.map((e) => `same event: ${e}`));
  matched.add('wording');
  return {
    a,
    b,
    score: text.score + (event.same ? 0.5 : 0),
    matched: [...matched],
    differed: [...differed],
    evidence,
  } satisfies Link;
}

function findingValues(node: ClaimNode, focus?: Quantity): FindingValue[] {
  const qs = focus ? [focus] : node.quantities;
  return qs.map((q) => ({
    text: q.text,
    value: q.value,
    bounds: q.bounds,
    ...(q.counted ? { counted: q.counted } : {}),
    ...(q.measure ? { measure: q.measure } : {}),
  }));
}

function findingClaim(node: ClaimNode, focus?: Quantity): FindingClaim {
  const { claim, doc } = node;
  const attribution = claim.attributionId
    ? doc.attributions.find((a) => a.id === claim.attributionId)
    : undefined;
  const values = findingValues(node, focus);
  return {
    articleId: doc.article.id,
    claimId: claim.id,
    text: claim.text,
    span: claim.span,
    ...(attribution || claim.chain.length > 1
      ? {
          attribution: {
            source: attribution?.source.text ?? claim.chain[claim.chain.length - 1] ?? '',
            ...(attribution ? { cue: attribution.cue.text, direct: attribution.direct } : {}),
            chain: claim.chain,
          },
        }
      : {}),
    modality: claim.modality,
    ...(values.length > 0 ? { values } : {}),
  };
}

function shorten(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The time a figure holds for: an "as of" date in the claim, else the publication date. */
export function figureTime(n: ClaimNode): string | undefined {
  return n.asOf ?? n.published;
}

function laterOf(a: ClaimNode, b: ClaimNode): { earlier: ClaimNode; later: ClaimNode } | undefined {
  const when = figureTime;
  const wa = when(a);
  const wb = when(b);
  if (!wa || !wb || wa === wb) return undefined;
  return wa < wb ? { earlier: a, later: b } : { earlier: b, later: a };
}

function outletName(n: ClaimNode): string {
  return outletOf(n.doc);
}

function sourceKind(n: ClaimNode): string {
  const attribution = n.claim.attributionId
    ? n.doc.attributions.find((a) => a.id === n.claim.attributionId)
    : undefined;
  return attribution?.source.kind ?? 'outlet';
}

interface Typed {
  kind: FindingKind;
  summary: string;
  evidence: string[];
  differed: string[];
  /**
   * Pairs inside a conflicting group that pass the update test on their own
   * (same kind of source, later publication): a group can hold a conflict and
   * an update at once, and the update must not be hidden by the conflict.
   */
  updates?: { earlier: ClaimNode; later: ClaimNode }[];
}

/** Types a group of linked claims from its figures, times and modality. */
function typeGroup(members: ClaimNode[], links: Link[], focus: Map<string, Quantity>): Typed {
  const valued = members.filter((m) => focus.has(m.key));
  if (links.some((l) => l.values) && valued.length >= 2) {
    const pairs: {
      a: ClaimNode;
      b: ClaimNode;
      qa: Quantity;
      qb: Quantity;
      relation: ValueRelation;
    }[] = [];
    for (let i = 0; i < valued.length; i++)
      for (let j = i + 1; j < valued.length; j++) {
        const a = valued[i] as ClaimNode;
        const b = valued[j] as ClaimNode;
        // An article's own figures are not weighed against each other.
        if (a.doc === b.doc) continue;
        const qa = focus.get(a.key) as Quantity;
        const qb = focus.get(b.key) as Quantity;
        pairs.push({ a, b, qa, qb, relation: relateValues(qa, qb) });
      }
    const describe = (p: { qa: Quantity; qb: Quantity; a: ClaimNode; b: ClaimNode }) =>
      `${describeValue(p.qa)} (${outletName(p.a)}) vs ${describeValue(p.qb)} (${outletName(p.b)})`;
    const disjoint = pairs.filter((p) => p.relation === 'disjoint');
    // Disjoint figures published at different times by the same kind of source are an update.
    const conflicts = disjoint.filter(
      (p) => !laterOf(p.a, p.b) || sourceKind(p.a) !== sourceKind(p.b),
    );
    if (conflicts.length > 0) {
      const first = conflicts[0] as (typeof pairs)[number];
      const updates = disjoint
        .filter((p) => !conflicts.includes(p))
        .map((p) => laterOf(p.a, p.b))
        .filter((u): u is { earlier: ClaimNode; later: ClaimNode } => u !== undefined);
      return {
        updates,
        kind: 'conflict',
        summary: `Conflicting figures: ${conflicts.map(describe).join('; ')}`,
        evidence: [
          `values cannot both be true for the same ${isTotalMeasure(first.qa) ? 'running total' : 'count'} at the same time`,
          ...(conflicts.some((p) => !figureTime(p.a) || !figureTime(p.b))
            ? [
                'publication date unknown for an outlet: an update could not be told from a conflict',
              ]
            : conflicts.some((p) => laterOf(p.a, p.b))
              ? [
                  'published at different times but by different kinds of source: not taken as an update',
                ]
              : []),
        ],
        differed: ['value'],
      };
    }
    if (disjoint.length > 0) {
      const ordered = [...valued].sort((x, y) =>
        (figureTime(x) ?? '').localeCompare(figureTime(y) ?? ''),
      );
      const earliest = ordered[0] as ClaimNode;
      const latest = ordered[ordered.length - 1] as ClaimNode;
      return {
        kind: 'update',
        summary: `Figure updated: ${describeValue(focus.get(earliest.key) as Quantity)} (${figureTime(earliest)}) superseded by ${describeValue(focus.get(latest.key) as Quantity)} (${figureTime(latest)})`,
        evidence: [
          `same kind of source (${sourceKind(earliest)}) at different publication dates; the later figure supersedes`,
        ],
        differed: ['value', 'time'],
      };
    }
    const first = pairs[0];
    if (first && pairs.every((p) => p.relation === 'equal'))
      return {
        kind: 'agreement',
        summary: `Same figure: ${describe(first)}`,
        evidence: ['values equal'],
        differed: [],
      };
    const partOf = pairs.some((p) => p.relation === 'part-of');
    if (first)
      return {
        kind: 'compatible',
        summary: `Compatible figures: ${describe(first)}`,
        evidence: [
          partOf
            ? 'one count can be part of the other, open-ended total'
            : 'the ranges overlap: both can be true',
        ],
        differed: ['value'],
      };
  }
  // Wording links: a negated and an asserted version of one predicate contradict.
  const negated = members.filter((m) => m.claim.modality === 'negated');
  const asserted = members.filter((m) => m.claim.modality !== 'negated');
  if (
    negated.length > 0 &&
    asserted.length > 0 &&
    negated.some((n) =>
      asserted.some((a) => a.claim.predicate && a.claim.predicate === n.claim.predicate),
    )
  )
    return {
      kind: 'conflict',
      summary: `Contradictory assertions: ${shorten(members[0]?.claim.text ?? '', 100)}`,
      evidence: ['the same predicate is asserted by one outlet and negated by another'],
      differed: ['polarity'],
    };
  return {
    kind: 'agreement',
    summary: shorten(members[0]?.claim.text ?? ''),
    evidence: [],
    differed: [],
  };
}

class Groups {
  private readonly parent = new Map<string, string>();
  private readonly docs = new Map<string, Set<string>>();
  find(k: string): string {
    let at = k;
    while (this.parent.has(at) && this.parent.get(at) !== at) at = this.parent.get(at) ?? at;
    return at;
  }
  private readonly members = new Map<string, ClaimNode[]>();
  add(n: ClaimNode) {
    this.parent.set(n.key, n.key);
    this.docs.set(n.key, new Set([n.doc.article.id]));
    this.members.set(n.key, [n]);
  }
  membersOf(k: string): ClaimNode[] {
    return this.members.get(this.find(k)) ?? [];
  }
  private merge(ra: string, rb: string) {
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(drop, keep);
    this.docs.set(keep, new Set([...(this.docs.get(ra) ?? []), ...(this.docs.get(rb) ?? [])]));
    this.members.set(keep, [...(this.members.get(ra) ?? []), ...(this.members.get(rb) ?? [])]);
    this.members.delete(drop);
  }
  /**
   * Joins two groups of figures even when an article has a claim in both, as
   * long as each such article's figures agree with themselves (the lead and a
   * quote of one wire story both giving "at least 12").
   */
  tryJoinConsistent(
    a: string,
    b: string,
    consistent: (x: ClaimNode, y: ClaimNode) => boolean,
  ): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    const ma = this.members.get(ra) ?? [];
    const mb = this.members.get(rb) ?? [];
    for (const x of ma) for (const y of mb) if (x.doc === y.doc && !consistent(x, y)) return false;
    this.merge(ra, rb);
    return true;
  }
  /** Joins two groups unless they already hold a claim of the same article. */
  tryJoin(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    const da = this.docs.get(ra) ?? new Set();
    const db = this.docs.get(rb) ?? new Set();
    for (const d of db) if (da.has(d)) return false;
    this.merge(ra, rb);
    return true;
  }
}

function independence(nodes: ClaimNode[], originOf?: OriginOf) {
  const origins = nodes.map((n) =>
    originOf
      ? originOf(n.doc, n.claim.id)
      : (n.claim.chain[1] ?? n.claim.chain[0] ?? n.doc.article.id),
  );
  // Origins are told apart case-insensitively ("Reuters" relayed by two outlets is one).
  const count = new Map<string, { label: string; n: number }>();
  for (const o of origins) {
    const key = o.toLowerCase();
    const entry = count.get(key) ?? { label: o, n: 0 };
    entry.n += 1;
    count.set(key, entry);
  }
  const upstream = [...count.values()]
    .sort((x, y) => y.n - x.n || x.label.localeCompare(y.label))
    .map((e) => e.label);
  return { independentSources: count.size, upstream };
}

function responsibilityFindings(
  nodes: ClaimNode[],
  resolution: Resolution,
  names: (id: string) => string,
  originOf?: OriginOf,
): { findings: Finding[]; used: Set<string> } {
  const read = nodes
    .map((n) => readResponsibility(n, resolution))
    .filter((r): r is ResponsibilityClaim => r !== undefined);
  // A sentence whose claims were cut without the responsibility clause ("Russia,
  // which has arrested..., has accused X of orchestrating it") is read whole.
  const readSentences = new Set(
    read.map((r) => `${r.node.doc.article.id}:${r.node.claim.sentence}`),
  );
  const firstOfSentence = new Map<string, ClaimNode>();
  for (const n of nodes) {
    const key = `${n.doc.article.id}:${n.claim.sentence}`;
    if (!readSentences.has(key) && !firstOfSentence.has(key)) firstOfSentence.set(key, n);
  }
  for (const n of firstOfSentence.values()) {
    const sentence = n.doc.sentences[n.claim.sentence];
    if (!sentence) continue;
    const whole: ClaimNode = {
      ...n,
      claim: {
        ...n.claim,
        span: sentence.span,
        text: n.doc.article.text.slice(sentence.span[0], sentence.span[1]),
        chain: n.claim.chain.slice(0, 1),
      },
    };
    const r = readResponsibility(whole, resolution);
    if (r) read.push({ ...r, node: whole, sentenceOf: n.key });
  }
  // Group the claims by event: linked when their anchors say one event.
  const groups: ResponsibilityClaim[][] = [];
  const located = (r: ResponsibilityClaim) => r.node.places.size > 0 || r.node.dates.length > 0;
  for (const r of read.filter(located)) {
    const group = groups.find(
      (g) =>
        g.some((x) => compareAnchors(x.node, r.node, names).same) &&
        g.every((x) => compareAnchors(x.node, r.node, names).differed.length === 0),
    );
    if (group) group.push(r);
    else groups.push([r]);
  }
  // "accused X of orchestrating the attack": a claim that locates nothing speaks
  // of the story's main event, the one most responsibility claims are about.
  const unlocated = read.filter((r) => !located(r));
  if (unlocated.length > 0) {
    const main = [...groups].sort((a, b) => b.length - a.length)[0];
    if (main) main.push(...unlocated);
    else groups.push(unlocated);
  }
  const findings: Finding[] = [];
  const used = new Set<string>();
  for (const group of groups) {
    const sides = partySides(
      group.flatMap((g) => g.parties),
      resolution,
    );
    const bySide = new Map<string, ResponsibilityClaim[]>();
    for (const r of group) {
      const side = [...new Set(r.parties.map((p) => sides.get(p) ?? p))].sort().join('+');
      pushTo(bySide, side, r);
    }
    const articles = new Set(group.map((g) => g.node.doc.article.id));
    if (bySide.size < 2 && articles.size < 2) continue;
    const sideLines = [...bySide.values()].map((claims) => {
      const parties = [...new Set(claims.flatMap((c) => c.parties))].map(names).join(', ');
      const sources = [
        ...new Set(claims.map((c) => `${c.cue} per ${c.source}${c.via ? ` via ${c.via}` : ''}`)),
      ].join('; ');
      return `${parties} (${sources})`;
    });
    const contested = bySide.size >= 2;
    for (const r of group) used.add(r.sentenceOf ?? r.node.key);
    const claimNodes = group.map((g) => g.node);
    findings.push({
      id: `f${stableId(
        `responsibility ${claimNodes
          .map((n) => n.key)
          .sort()
          .join(' ')}`,
        12,
      )}`,
      kind: contested ? 'conflict' : 'agreement',
      summary: contested
        ? `Responsibility contested: ${sideLines.join(' vs ')}`
        : `Responsibility: ${sideLines.join('')}`,
      claims: claimNodes.map((n) => findingClaim(n)),
      slots: { matched: ['event'], differed: contested ? ['responsible party'] : [] },
      ...independence(claimNodes, originOf),
      evidence: [
        contested
          ? 'the parties named responsible are neither one entity nor an organisation and its branch'
          : 'every claim names the same party (or its branch)',
        ...sideLines.map((s) => `side: ${s}`),
      ],
    });
  }
  return { findings, used };
}

/** Aligns the claims of a story's articles and types every finding. */
export function alignClaims(
  docs: AnnotatedArticle[],
  resolution: Resolution,
  options: AlignOptions = {},
): Finding[] {
  const nodes = buildClaimNodes(docs, resolution);
  const byId = new Map(resolution.entities.map((e) => [e.id, e.name]));
  const names = (id: string) => byId.get(id) ?? id;
  const wording = new Wording(nodes);
  const candidates = candidatePairs(nodes);
  const links = candidates
    .map(([a, b]) => linkPair(a, b, wording, names))
    .filter((l): l is Link => l !== undefined)
    .sort((x, y) => y.score - x.score || (x.a.key + x.b.key).localeCompare(y.a.key + y.b.key));

  if (options.stats) {
    const perDoc = new Map<AnnotatedArticle, number>();
    for (const n of nodes) perDoc.set(n.doc, (perDoc.get(n.doc) ?? 0) + 1);
    const same = [...perDoc.values()].reduce((sum, k) => sum + (k * (k - 1)) / 2, 0);
    Object.assign(options.stats, {
      claims: nodes.length,
      candidatePairs: candidates.length,
      allPairs: (nodes.length * (nodes.length - 1)) / 2 - same,
      links: links.length,
    });
  }
  const groups = new Groups();
  for (const n of nodes) groups.add(n);
  const accepted: Link[] = [];
  const focusOf = new Map<string, Quantity>();
  const setFocus = (l: Link) => {
    if (!l.values) return;
    if (!focusOf.has(l.a.key)) focusOf.set(l.a.key, l.values[0]);
    if (!focusOf.has(l.b.key)) focusOf.set(l.b.key, l.values[1]);
  };
  const rejected: Link[] = [];
  for (const link of links)
    if (groups.tryJoin(link.a.key, link.b.key)) {
      accepted.push(link);
      setFocus(link);
    } else rejected.push(link);
  // Figures of one measure and event told twice in one article join one finding
  // when the article's figures agree with each other.
  for (const link of rejected) {
    if (!link.values) continue;
    const fits = (n: ClaimNode, q: Quantity) => (focusOf.get(n.key) ?? q) === q;
    if (!fits(link.a, link.values[0]) || !fits(link.b, link.values[1])) continue;
    const consistent = (x: ClaimNode, y: ClaimNode) => {
      const qx =
        focusOf.get(x.key) ??
        (x === link.a ? link.values?.[0] : x === link.b ? link.values?.[1] : undefined);
      const qy =
        focusOf.get(y.key) ??
        (y === link.a ? link.values?.[0] : y === link.b ? link.values?.[1] : undefined);
      // A claim without a figure (a wording match) cannot contradict one.
      return qx === undefined || qy === undefined || relateValues(qx, qy) !== 'disjoint';
    };
    if (groups.tryJoinConsistent(link.a.key, link.b.key, consistent)) {
      accepted.push(link);
      setFocus(link);
    }
  }

  const linksByRoot = new Map<string, Link[]>();
  for (const l of accepted) {
    const root = groups.find(l.a.key);
    pushTo(linksByRoot, root, l);
  }
  const members = new Map<string, ClaimNode[]>();
  for (const n of nodes) {
    const root = groups.find(n.key);
    pushTo(members, root, n);
  }
  const responsibility = responsibilityFindings(nodes, resolution, names, options.originOf);
  const findings: Finding[] = [...responsibility.findings];
  for (const [root, group] of members) {
    const keys = new Set(group.map((g) => g.key));
    const groupLinks = linksByRoot.get(root) ?? [];
    if (group.length === 1) {
      const only = group[0] as ClaimNode;
      if (responsibility.used.has(only.key)) continue;
      findings.push({
        id: `f${stableId(`unique ${only.key}`, 12)}`,
        kind: 'unique',
        summary: shorten(only.claim.text),
        claims: [findingClaim(only)],
        ...independence([only], options.originOf),
        evidence: [`reported only by ${outletOf(only.doc)}`],
      });
      continue;
    }
    const focus = new Map<string, Quantity>();
    for (const n of group) {
      const q = focusOf.get(n.key);
      if (q) focus.set(n.key, q);
    }
    const typed = typeGroup(group, groupLinks, focus);
    const matched = [...new Set(groupLinks.flatMap((l) => l.matched))].sort();
    const differed = [
      ...new Set([...groupLinks.flatMap((l) => l.differed), ...typed.differed]),
    ].sort();
    findings.push({
      id: `f${stableId(`aligned ${[...keys].sort().join(' ')}`, 12)}`,
      kind: typed.kind,
      summary: typed.summary,
      claims: group.map((n) => findingClaim(n, focus.get(n.key))),
      slots: { matched: matched.filter((m) => !differed.includes(m)), differed },
      ...independence(group, options.originOf),
      evidence: [...typed.evidence, ...new Set(groupLinks.flatMap((l) => l.evidence))],
    });
    for (const { earlier, later } of typed.updates ?? []) {
      const before = focus.get(earlier.key) as Quantity;
      const after = focus.get(later.key) as Quantity;
      findings.push({
        id: `f${stableId(`update ${earlier.key} ${later.key}`, 12)}`,
        kind: 'update',
        summary: `Figure updated: ${describeValue(before)} (${figureTime(earlier)}) superseded by ${describeValue(after)} (${figureTime(later)})`,
        claims: [findingClaim(earlier, before), findingClaim(later, after)],
        slots: {
          matched: matched.filter((m) => !differed.includes(m)),
          differed: ['time', 'value'],
        },
        ...independence([earlier, later], options.originOf),
        evidence: [
          `same kind of source (${sourceKind(earlier)}) at different publication dates; the later figure supersedes`,
          'taken apart from a conflicting figure in the same group of aligned claims',
        ],
      });
    }
  }
  const order: FindingKind[] = ['conflict', 'update', 'compatible', 'agreement', 'unique'];
  return findings.sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      (a.claims[0]?.articleId ?? '').localeCompare(b.claims[0]?.articleId ?? '') ||
      (a.claims[0]?.span[0] ?? 0) - (b.claims[0]?.span[0] ?? 0),
  );
}
