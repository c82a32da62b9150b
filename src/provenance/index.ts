/**
 * Provenance of a story: who says what on whose authority.
 *
 * - Citation graph from the claims' attribution chains: outlet → article →
 *   intermediary (an agency, a channel, a document) → original sources.
 *   Anonymous sources are scoped under whoever relays them, so "three sources"
 *   of one Reuters report are one node whichever outlet relays them.
 * - Copy detection without citation: long word n-grams shared outside
 *   quotations (quotes of a common source are not copying), and near-verbatim
 *   paragraphs → `copies` edges, from the later article to the earlier.
 * - `originOf(doc, claim)`: the upstream origin that makes two reports one
 *   source: the outermost relay after the outlet (Reuters), else the source
 *   itself (a named person counts once whoever quotes them; an anonymous
 *   source only within its article), else the outlet, or the outlet copied.
 */
import { pushTo } from '../core/collections.ts';
import type {
  AnnotatedArticle,
  Attribution,
  Claim,
  ProvenanceEdge,
  ProvenanceNode,
  ProvenanceNodeKind,
  Span,
} from '../core/index.ts';
import type { Resolution } from '../resolve/index.ts';
import { outletOf } from '../align/features.ts';

export { outletOf };

/** Word n-gram length for copy detection: long enough that common phrases do not repeat by chance. */
export const SHINGLE = 8;
/** Shared n-grams outside quotations from which an article is taken to copy another. */
export const MIN_SHARED_SHINGLES = 4;
/** Share of a paragraph's n-grams found in another article that makes it near-verbatim. */
export const PARAGRAPH_CONTAINMENT = 0.6;

/** Relays whose reports other outlets pass on: agencies, channels, broadcasters. */
const RELAY_WORDS =
  /\b(reuters|associated press|\bap\b|afp|agence france|interfax|tass|ria|xinhua|bloomberg|dpa|efe|ansa|anadolu|news agency|agency|press|wire|news|channel|tv|television|broadcaster|newspaper|times|post|telegraph|guardian|bbc|cnn)\b/i;
const PRONOUN = /^(he|she|they|it|we|i|him|her|them)$/i;
const FIRST_PERSON = /^(we|i|us|me)$/i;
const THING_PRONOUN = /^(it|they|them)$/i;
/** Entity kinds an "it"/"they" source can stand for (a ministry, a group, a country). */
const THING_TYPES = new Set(['organization', 'group', 'place']);
/** Sentences back from the pronoun in which its antecedent is looked for. */
const ANTECEDENT_SENTENCES = 2;
const DOCUMENT_WORDS =
  /\b(video|footage|statement|report|document|footage|recording|filing|papers|letter|post)\b/i;

export interface ProvenanceResult {
  nodes: ProvenanceNode[];
  edges: ProvenanceEdge[];
  originOf: (doc: AnnotatedArticle, claimId: string) => string;
  /** `copier articleId → copied articleId`. */
  copies: Map<string, string>;
}

function norm(label: string): string {
  return label
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/['’]s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isAnonymous(label: string, attribution?: Attribution): boolean {
  if (attribution?.source.anonymous && norm(attribution.source.text) === norm(label)) return true;
  // "a senior security official", "three sources": a description without a proper name.
  const words = label.trim().split(/\s+/).slice(1);
  const named = words.some((w) => /^\p{Lu}/u.test(w));
  return (
    !named &&
    // Unnamed people, and unnamed documents ("the latest data", "figures"): no
    // reader can tell whose they are, so they count within who relays them.
    /\b(sources?|officials?|insiders?|diplomats?|people|person|officers?|one|data|figures|statistics|estimates)\b/i.test(
      label,
    )
  );
}

function kindOf(
  label: string,
  position: number,
  last: boolean,
  attribution?: Attribution,
): ProvenanceNodeKind {
  if (DOCUMENT_WORDS.test(label) && !/\bsources?\b/i.test(label)) return 'document';
  if (RELAY_WORDS.test(label)) return 'agency';
  if (last && attribution?.source.kind === 'outlet') return 'agency';
  if (attribution?.intermediary && norm(attribution.intermediary.text) === norm(label))
    return 'intermediary';
  if (!last && position > 0) return 'intermediary';
  return 'source';
}

/** The chain of a claim: from the claim itself, or rebuilt from its attribution's parents. */
function chainOf(doc: AnnotatedArticle, claim: Claim): string[] {
  if (claim.chain.length > 0) return claim.chain;
  const names: string[] = [];
  let at = claim.attributionId
    ? doc.attributions.find((a) => a.id === claim.attributionId)
    : undefined;
  const seen = new Set<string>();
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    names.unshift(at.source.text);
    if (at.intermediary) names.unshift(at.intermediary.text);
    at = at.parentId ? doc.attributions.find((a) => a.id === at?.parentId) : undefined;
  }
  return [outletOf(doc), ...names];
}

// ---------------------------------------------------------------------------
// Copy detection

function wordsWithOffsets(text: string, from: number, to: number): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text))
    out.push({ word: m[0].toLowerCase(), at: m.index });
  return out;
}

function quoteSpans(doc: AnnotatedArticle): Span[] {
  const spans: Span[] = doc.quotes.map((q) => q.span);
  // Quotation marks the annotator did not pair still mark someone else's words.
  for (const m of doc.article.text.matchAll(/["“«„][^"”»“\n]{10,}["”»]/g))
    spans.push([m.index, m.index + m[0].length]);
  return spans;
}

interface Shingled {
  doc: AnnotatedArticle;
  /** Shingle hash → paragraph index, for shingles outside quotations. */
  shingles: Map<string, number>;
  paragraphSizes: number[];
}

function shingle(doc: AnnotatedArticle): Shingled {
  const quotes = quoteSpans(doc);
  const inQuote = (at: number) => quotes.some(([s, e]) => s <= at && at < e);
  const shingles = new Map<string, number>();
  const paragraphSizes: number[] = [];
  doc.article.blocks.forEach((block) => {
    if (block.kind !== 'body') return;
    const words = wordsWithOffsets(doc.article.text, block.span[0], block.span[1]);
    const index = paragraphSizes.length;
    let count = 0;
    for (let i = 0; i + SHINGLE <= words.length; i++) {
      const first = words[i];
      const last = words[i + SHINGLE - 1];
      if (!first || !last || inQuote(first.at) || inQuote(last.at)) continue;
      const key = words
        .slice(i, i + SHINGLE)
        .map((w) => w.word)
        .join(' ');
      if (!shingles.has(key)) shingles.set(key, index);
      count++;
    }
    paragraphSizes.push(count);
  });
  return { doc, shingles, paragraphSizes };
}

function earlierOf(
  a: AnnotatedArticle,
  b: AnnotatedArticle,
): [earlier: AnnotatedArticle, later: AnnotatedArticle] {
  const pa = a.article.meta.published ?? '';
  const pb = b.article.meta.published ?? '';
  if (pa !== pb && pa && pb) return pa < pb ? [a, b] : [b, a];
  return a.article.id < b.article.id ? [a, b] : [b, a];
}

/** Pairs of articles sharing long word sequences outside quotations. */
export function detectCopies(
  docs: AnnotatedArticle[],
): { from: AnnotatedArticle; to: AnnotatedArticle; evidence: string[] }[] {
  const shingled = docs.map(shingle);
  const index = new Map<string, number[]>();
  shingled.forEach((s, i) => {
    for (const key of s.shingles.keys()) pushTo(index, key, i);
  });
  const shared = new Map<string, string[]>();
  for (const [key, list] of index) {
    if (list.length < 2 || list.length > 20) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const pair = `${list[x]} ${list[y]}`;
        pushTo(shared, pair, key);
      }
  }
  const out: { from: AnnotatedArticle; to: AnnotatedArticle; evidence: string[] }[] = [];
  for (const [pair, keys] of shared) {
    const [i, j] = pair.split(' ').map(Number) as [number, number];
    const a = shingled[i];
    const b = shingled[j];
    if (!a || !b) continue;
    const [earlier, later] = earlierOf(a.doc, b.doc);
    const laterShingles = later === a.doc ? a : b;
    const perParagraph = new Map<number, number>();
    for (const k of keys) {
      const p = laterShingles.shingles.get(k);
      if (p !== undefined) perParagraph.set(p, (perParagraph.get(p) ?? 0) + 1);
    }
    const verbatim = [...perParagraph].filter(
      ([p, n]) =>
        (laterShingles.paragraphSizes[p] ?? 0) > 0 &&
        n / (laterShingles.paragraphSizes[p] ?? 1) >= PARAGRAPH_CONTAINMENT,
    );
    if (keys.length < MIN_SHARED_SHINGLES && verbatim.length === 0) continue;
    const evidence = [`${keys.length} shared ${SHINGLE}-word sequences outside quotations`];
    if (verbatim.length > 0) evidence.push(`${verbatim.length} near-verbatim paragraph(s)`);
    evidence.push(`e.g. “${keys[0] ?? ''}”`);
    out.push({ from: later, to: earlier, evidence });
  }
  return out;
}

// ---------------------------------------------------------------------------

/** Builds the citation graph of a story and the origin function used for independence. */
export function buildProvenance(
  docs: AnnotatedArticle[],
  resolution?: Resolution,
): ProvenanceResult {
  const nodes = new Map<string, ProvenanceNode>();
  const edges = new Map<string, ProvenanceEdge>();
  const addNode = (node: ProvenanceNode) => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
    return node.id;
  };
  const addEdge = (from: string, to: string, kind: ProvenanceEdge['kind'], evidence: string) => {
    const key = `${from}→${to}:${kind}`;
    const edge = edges.get(key);
    if (edge) {
      if (!edge.evidence.includes(evidence) && edge.evidence.length < 8)
        edge.evidence.push(evidence);
    } else edges.set(key, { from, to, kind, evidence: [evidence] });
  };
  // A named source is one origin under all its spellings: use the story entity's name.
  // Indexed once: story entity name by id, and by (article, surface form).
  const nameById = new Map<string, string>();
  const nameBySurface = new Map<string, string>();
  for (const e of resolution?.entities ?? []) {
    nameById.set(e.id, e.name);
    for (const articleId of e.articles)
      for (const v of e.variants) {
        const key = `${articleId}\u0000${v}`;
        if (!nameBySurface.has(key)) nameBySurface.set(key, e.name);
      }
  }
  const entityName = (doc: AnnotatedArticle, label: string, attribution?: Attribution) => {
    if (!resolution) return undefined;
    const local = attribution?.source.entityId;
    const id = local ? resolution.globalId(doc.article.id, local) : undefined;
    const byId = id ? nameById.get(id) : undefined;
    return byId ?? nameBySurface.get(`${doc.article.id}\u0000${label}`);
  };

  const origins = new Map<string, string>();
  const copies = new Map<string, string>();
  for (const copy of detectCopies(docs)) {
    copies.set(copy.from.article.id, copy.to.article.id);
    addEdge(
      `a:${copy.from.article.id}`,
      `a:${copy.to.article.id}`,
      'copies',
      copy.evidence.join('; '),
    );
  }

  for (const doc of docs) {
    const outlet = outletOf(doc);
    const outletId = addNode({ id: `o:${norm(outlet)}`, kind: 'outlet', label: outlet });
    const articleId = addNode({
      id: `a:${doc.article.id}`,
      kind: 'article',
      label: doc.article.title || doc.article.source,
      articleId: doc.article.id,
    });
    addEdge(outletId, articleId, 'publishes', doc.article.source);
    let lastNamed: string | undefined;
    for (const claim of [...doc.claims].sort((x, y) => x.span[0] - y.span[0])) {
      const attribution = claim.attributionId
        ? doc.attributions.find((a) => a.id === claim.attributionId)
        : undefined;
      // "told the Ledger" in the Ledger's own article names the outlet, not a relay.
      const own = norm(outlet);
      const chain = chainOf(doc, claim)
        .slice(1)
        .filter((item) => norm(item) !== own && !own.endsWith(` ${norm(item)}`))
        .filter((item, i, all) => i === 0 || norm(item) !== norm(all[i - 1] ?? ''));
      // "We are told...", "I asked..." outside any quotation is the writer: the
      // outlet itself, not an upstream source.
      const sourceSpan = attribution?.source.span;
      if (
        chain.length > 0 &&
        FIRST_PERSON.test((chain[chain.length - 1] ?? '').trim()) &&
        sourceSpan &&
        !doc.quotes.some((q) => q.span[0] <= sourceSpan[0] && sourceSpan[1] <= q.span[1])
      )
        chain.pop();
      let parent = articleId;
      let scope = '';
      let origin: string | undefined;
      chain.forEach((raw, position) => {
        const last = position === chain.length - 1;
        let label = entityName(doc, raw, last ? attribution : undefined) ?? raw;
        // "it said": an organisation, group or country named before it. The
        // subject is the likeliest antecedent ("The ministry detained a manager
        // of the firm, who it said..."), so the first such name of the pronoun's
        // own sentence, else of the nearest sentence before that has one.
        if (last && THING_PRONOUN.test(label.trim()) && sourceSpan && attribution) {
          const candidates = doc.mentions.filter(
            (m) =>
              THING_TYPES.has(m.type) &&
              m.span[1] <= sourceSpan[0] &&
              m.sentence <= attribution.sentence &&
              m.sentence >= attribution.sentence - ANTECEDENT_SENTENCES,
          );
          const nearest = Math.max(...candidates.map((m) => m.sentence));
          const antecedent = candidates
            .filter((m) => m.sentence === nearest)
            .sort((x, y) => x.span[0] - y.span[0])[0];
          if (antecedent) {
            const id = resolution?.globalId(doc.article.id, antecedent.entityId);
            label = (id ? nameById.get(id) : undefined) ?? antecedent.text;
          }
        }
        // "he said": the pronoun stands for the person the article last quoted by name.
        if (PRONOUN.test(label.trim())) label = lastNamed ?? label;
        else if (last && attribution?.source.kind === 'person') lastNamed = label;
        const anonymous = isAnonymous(raw, last ? attribution : undefined);
        const kind = kindOf(label, position, last, attribution);
        // Anonymous sources are only identifiable within whoever relays them.
        const id = anonymous
          ? `s:${scope || doc.article.id}/${norm(label)}`
          : `${kind === 'source' ? 's' : 'i'}:${norm(label)}`;
        addNode({ id, kind, label, ...(anonymous ? { anonymous: true } : {}) });
        addEdge(parent, id, position === 0 ? 'cites' : 'quotes', shortText(claim.text));
        if (origin === undefined)
          origin = anonymous ? `${label} (${scope ? nodes.get(scope)?.label : outlet})` : label;
        scope = id;
        parent = id;
      });
      origins.set(`${doc.article.id}:${claim.id}`, origin ?? outlet);
    }
  }

  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const originOf = (doc: AnnotatedArticle, claimId: string): string => {
    const own = origins.get(`${doc.article.id}:${claimId}`) ?? outletOf(doc);
    if (own !== outletOf(doc)) return own;
    // A claim the outlet states itself, in an article copied from another, is the other's.
    let at = doc.article.id;
    const seen = new Set<string>();
    while (copies.has(at) && !seen.has(at)) {
      seen.add(at);
      at = copies.get(at) ?? at;
    }
    const source = byId.get(at);
    return source ? outletOf(source) : own;
  };
  return { nodes: [...nodes.values()], edges: [...edges.values()], originOf, copies };
}

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}
