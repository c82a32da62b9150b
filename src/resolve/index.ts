/**
 * Entity resolution across the articles of a story.
 *
 * Article-local entities (from annotate) are merged when their names are one
 * name under a rule that the dossier can show: the same name; an alias or
 * acronym defined in a text or listed in the alias table; a romanisation
 * variant (explicit table in names.ts); a string-distance match gated by the
 * consonant skeleton; a short form (surname alone) that fits exactly one full
 * name. Entity types must agree (a person never merges with a place), and an
 * organisation stays apart from its branch (the branch is linked `branch-of`).
 */
import { pushTo } from '../core/collections.ts';
import type {
  AnnotatedArticle,
  DossierEntity,
  EntityType,
  LocalEntity,
  Mention,
  Span,
} from '../core/index.ts';
import { stableId } from '../core/index.ts';
import { canonicalOrgTokens } from './aliases.ts';
import { matchTokens, nameTokens, plainKey, foldToken } from './names.ts';

export { foldToken, matchTokens, nameTokens, plainKey, skeleton, toLatin } from './names.ts';

/** Entity kinds that name institutions and can be written as acronyms. */
const ORG_TYPES: ReadonlySet<EntityType> = new Set(['organization', 'group']);
/** Words that only say what kind of building a facility is ("Crocus City" = "Crocus City Hall"). */
const FACILITY_WORDS = new Set([
  'hall',
  'centre',
  'center',
  'mall',
  'arena',
  'stadium',
  'airport',
  'station',
  'theatre',
  'theater',
  'building',
  'complex',
]);
/** Block kinds whose names are the article's credits, not the story's actors. */
const CREDIT_KINDS = new Set(['byline', 'credit']);

export type MergeReason =
  | 'same-name'
  | 'alias-table'
  | 'acronym'
  | 'defined-in-text'
  | 'transliteration'
  | 'string-similarity'
  | 'short-form';

export interface NameComparison {
  merge?: { reason: MergeReason; detail: string };
  /** `a-of-b`: the first name is a branch of the second; `b-of-a` the reverse. */
  branch?: 'a-of-b' | 'b-of-a';
}

function initials(tokens: string[]): string {
  return tokens
    .filter((t) => t !== 'of' && t !== 'and' && t !== 'the')
    .map((t) => t[0] ?? '')
    .join('');
}

function isAcronym(name: string): boolean {
  return /^[A-Z]{2,6}$/.test(name.replace(/[.\s]/g, ''));
}

function typesCompatible(a: EntityType, b: EntityType): boolean {
  if (a === b) return true;
  if (a === 'person' || b === 'person') return false;
  return ORG_TYPES.has(a) && ORG_TYPES.has(b);
}

function weakest(reasons: MergeReason[]): MergeReason {
  const order: MergeReason[] = ['string-similarity', 'transliteration', 'same-name'];
  return order.find((r) => reasons.includes(r)) ?? 'same-name';
}

const CYRILLIC = /[\u0400-\u04FF]/;

/** Two names equal once lower-cased and romanised: same name, or a Cyrillic/Latin pair. */
function sameSpelling(a: string, b: string): { reason: MergeReason; detail: string } {
  if (CYRILLIC.test(a) !== CYRILLIC.test(b))
    return { reason: 'transliteration', detail: `${a} = ${b} (Cyrillic to Latin)` };
  return { reason: 'same-name', detail: `${a} = ${b}` };
}

/** Compares two person names (full names token by token, or a surname alone). */
function comparePersons(a: string, b: string): NameComparison {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return {};
  if (ta.join(' ') === tb.join(' ')) return { merge: sameSpelling(a, b) };
  if (ta.length === 1 || tb.length === 1) {
    const [short, full] = ta.length === 1 ? [ta, tb] : [tb, ta];
    const surname = full[full.length - 1] ?? '';
    const only = short[0] ?? '';
    if (full.length < 2 || only.length < 3) return {};
    const match = matchTokens(only, surname);
    if (!match) return {};
    return {
      merge: {
        reason: 'short-form',
        detail: `${ta.length === 1 ? a : b} is the surname of ${ta.length === 1 ? b : a}${
          match.reason === 'same-name' ? '' : ` (${match.detail})`
        }`,
      },
    };
  }
  // Full names: first and last names must both be spellings of one another;
  // middle names or patronymics present on one side only are allowed.
  const first = matchTokens(ta[0] ?? '', tb[0] ?? '');
  const last = matchTokens(ta[ta.length - 1] ?? '', tb[tb.length - 1] ?? '');
  if (!first || !last) return {};
  const reason = weakest([first.reason, last.reason]);
  const details = [first, last].filter((m) => m.reason !== 'same-name').map((m) => m.detail);
  return { merge: { reason, detail: `${a} ~ ${b}: ${details.join('; ') || 'same name'}` } };
}

/** Compares two names of organisations, groups, places, facilities or events. */
function compareOthers(a: string, b: string, typeA: EntityType, typeB: EntityType): NameComparison {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return {};
  if (ta.join(' ') === tb.join(' ')) return { merge: sameSpelling(a, b) };
  const ca = canonicalOrgTokens(a, ta);
  const cb = canonicalOrgTokens(b, tb);
  const ka = ca.tokens.join(' ');
  const kb = cb.tokens.join(' ');
  if (ka === kb) {
    const rows = [...new Set([...ca.applied, ...cb.applied])];
    if (rows.length > 0)
      return {
        merge: { reason: 'alias-table', detail: `${a} = ${b} (alias table: ${rows.join('; ')})` },
      };
    return { merge: { reason: 'same-name', detail: `${a} = ${b}` } };
  }
  const orgs = ORG_TYPES.has(typeA) || ORG_TYPES.has(typeB);
  if (orgs && isAcronym(a) && a.replace(/[.\s]/g, '').toLowerCase() === initials(cb.tokens))
    return { merge: { reason: 'acronym', detail: `${a} = initials of ${b}` } };
  if (orgs && isAcronym(b) && b.replace(/[.\s]/g, '').toLowerCase() === initials(ca.tokens))
    return { merge: { reason: 'acronym', detail: `${b} = initials of ${a}` } };
  // Token-by-token romanisation variants (Krasnohorsk = Krasnogorsk).
  if (ca.tokens.length === cb.tokens.length) {
    const matches = ca.tokens.map((t, i) => matchTokens(t, cb.tokens[i] ?? ''));
    if (matches.every((m) => m !== undefined)) {
      const found = matches.filter((m) => m !== undefined);
      const details = found.filter((m) => m.reason !== 'same-name').map((m) => m.detail);
      return {
        merge: {
          reason: weakest(found.map((m) => m.reason)),
          detail: `${a} ~ ${b}: ${details.join('; ')}`,
        },
      };
    }
  }
  const prefixOf = (short: string[], long: string[]) =>
    short.length < long.length && short.every((t, i) => long[i] === t);
  // A group's name plus a qualifier names a branch of it (Islamic State → Islamic State-Khorasan).
  if (orgs && ca.tokens.length >= 2) {
    if (prefixOf(ca.tokens, cb.tokens)) return { branch: 'b-of-a' };
    if (prefixOf(cb.tokens, ca.tokens)) return { branch: 'a-of-b' };
  }
  if (typeA === 'facility' || typeB === 'facility') {
    const [short, long, shortName, longName] =
      ca.tokens.length < cb.tokens.length
        ? [ca.tokens, cb.tokens, a, b]
        : [cb.tokens, ca.tokens, b, a];
    if (
      short.length >= 2 &&
      prefixOf(short, long) &&
      long.slice(short.length).every((t) => FACILITY_WORDS.has(t))
    )
      return { merge: { reason: 'short-form', detail: `${shortName} is short for ${longName}` } };
  }
  // Events named "<place> <event noun>": one noun, and the places one name or a
  // short form of one facility ("Crocus City massacre" = "Crocus City Hall massacre").
  if (typeA === 'event' && typeB === 'event') {
    const nounA = ca.tokens[ca.tokens.length - 1];
    const nounB = cb.tokens[cb.tokens.length - 1];
    const headA = ca.tokens.slice(0, -1);
    const headB = cb.tokens.slice(0, -1);
    const [short, long] = headA.length <= headB.length ? [headA, headB] : [headB, headA];
    if (
      nounA === nounB &&
      short.length >= 2 &&
      (short.join(' ') === long.join(' ') ||
        (prefixOf(short, long) && long.slice(short.length).every((t) => FACILITY_WORDS.has(t))))
    )
      return {
        merge: {
          reason: 'short-form',
          detail: `${a} and ${b}: one ${nounA ?? 'event'} at one place`,
        },
      };
  }
  return {};
}

/** Compares two names of the given entity types; the rule that decided is in the result. */
export function compareNames(
  a: string,
  b: string,
  typeA: EntityType,
  typeB: EntityType = typeA,
): NameComparison {
  if (!typesCompatible(typeA, typeB)) {
    // Countries act as places and as organisations: only the very same name crosses types.
    if (typeA !== 'person' && typeB !== 'person' && plainKey(a) === plainKey(b) && plainKey(a))
      return { merge: { reason: 'same-name', detail: `${a} = ${b} (${typeA} / ${typeB})` } };
    return {};
  }
  return typeA === 'person' ? comparePersons(a, b) : compareOthers(a, b, typeA, typeB);
}

// ---------------------------------------------------------------------------

interface Node {
  index: number;
  doc: AnnotatedArticle;
  local: LocalEntity;
  names: string[];
  mentions: Mention[];
}

export interface Resolution {
  entities: DossierEntity[];
  /** Story-level entity id of an article-local entity (undefined for credits and unknown ids). */
  globalId: (articleId: string, localId: string) => string | undefined;
  /** Article-local entities left out because they only name the article's credits. */
  credits: { articleId: string; name: string; kind: string }[];
}

function sentenceKind(doc: AnnotatedArticle, mention: Mention): string {
  const sentence = doc.sentences[mention.sentence];
  if (sentence) return sentence.kind;
  const block = doc.article.blocks.find(
    (b) => b.span[0] <= mention.span[0] && mention.span[1] <= b.span[1],
  );
  return block?.kind ?? 'body';
}

/**
 * A name that is a picture or byline credit: in a byline or credit block, or at
 * the end of a caption in the "— Name/Agency" form picture desks use.
 */
function isCreditMention(doc: AnnotatedArticle, mention: Mention): boolean {
  const kind = sentenceKind(doc, mention);
  if (CREDIT_KINDS.has(kind)) return true;
  if (kind !== 'caption' && kind !== 'title') {
    const after = doc.article.text.slice(mention.span[1], mention.span[1] + 40);
    const before = doc.article.text.slice(Math.max(0, mention.span[0] - 4), mention.span[0]);
    if (/^\s*\/\s*[A-Z][\w ]*\s*(\n|$)/.test(after) && /[-–—]\s*$/.test(before)) return true;
    return false;
  }
  const after = doc.article.text.slice(mention.span[1], mention.span[1] + 40);
  return /^\s*\/\s*[A-Z][\w ]*\s*(\n|$)/.test(after);
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Keys under which a node is indexed so that only plausible pairs are compared. */
function blockingKeys(node: Node): string[] {
  const keys = new Set<string>();
  for (const name of node.names) {
    const tokens = nameTokens(name);
    const canonical = canonicalOrgTokens(name, tokens).tokens;
    for (const t of [...tokens, ...canonical]) if (t.length >= 3) keys.add(`t:${foldToken(t)}`);
    // Skeleton of each token catches vowel-only spelling differences.
    for (const t of tokens)
      if (t.length >= 4) keys.add(`s:${foldToken(t).replace(/[aeiouy]/g, '')}`);
    if (isAcronym(name)) keys.add(`a:${name.replace(/[.\s]/g, '').toLowerCase()}`);
    else if (canonical.length >= 2) keys.add(`a:${initials(canonical)}`);
    keys.add(`k:${canonical.join(' ')}`);
  }
  return [...keys];
}

/** Merges the article-local entities of a story into story-level entities, with reasons. */
export function resolveEntities(docs: AnnotatedArticle[]): Resolution {
  const nodes: Node[] = [];
  const credits: Resolution['credits'] = [];
  for (const doc of docs) {
    const byEntity = new Map<string, Mention[]>();
    for (const m of doc.mentions) {
      const list = byEntity.get(m.entityId) ?? [];
      list.push(m);
      byEntity.set(m.entityId, list);
    }
    for (const local of doc.entities) {
      const mentions = byEntity.get(local.id) ?? [];
      if (mentions.length > 0 && mentions.every((m) => isCreditMention(doc, m))) {
        credits.push({ articleId: doc.article.id, name: local.name, kind: local.type });
        continue;
      }
      const names = [
        ...new Set([local.name, ...local.variants, ...local.aliases.map((a) => a.name)]),
      ].filter((n) => n.trim().length > 0);
      nodes.push({ index: nodes.length, doc, local, names, mentions });
    }
  }

  // Candidate pairs from the blocking index; never all pairs.
  const index = new Map<string, number[]>();
  for (const node of nodes)
    for (const key of blockingKeys(node)) {
      const list = index.get(key) ?? [];
      list.push(node.index);
      index.set(key, list);
    }
  const pairs = new Set<string>();
  for (const [key, list] of index) {
    // A word or skeleton this common says little about identity; a full name always counts.
    if (list.length > (key.startsWith('k:') ? 5000 : 120)) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) pairs.add(`${list[i]} ${list[j]}`);
  }

  const uf = new UnionFind(nodes.length);
  const evidence = new Map<number, string[]>();
  const branches: [branch: number, parent: number][] = [];
  const shortForms: { short: number; full: number; detail: string }[] = [];
  const merges: { a: number; b: number; detail: string }[] = [];
  for (const pair of [...pairs].sort()) {
    const [ia, ib] = pair.split(' ').map(Number) as [number, number];
    const a = nodes[ia];
    const b = nodes[ib];
    if (!a || !b) continue;
    const sameDoc = a.doc === b.doc;
    let decided: NameComparison = {};
    for (const na of a.names) {
      for (const nb of b.names) {
        const cmp = compareNames(na, nb, a.local.type, b.local.type);
        if (cmp.merge || cmp.branch) {
          decided = cmp;
          if (cmp.merge && cmp.merge.reason !== 'short-form') break;
        }
      }
      if (decided.merge && decided.merge.reason !== 'short-form') break;
    }
    if (decided.branch) {
      branches.push(decided.branch === 'a-of-b' ? [ia, ib] : [ib, ia]);
    } else if (decided.merge?.reason === 'short-form' && a.local.type === 'person') {
      const aShort = a.names.every((n) => nameTokens(n).length === 1);
      shortForms.push({
        short: aShort ? ia : ib,
        full: aShort ? ib : ia,
        detail: decided.merge.detail,
      });
    } else if (decided.merge) {
      const where = sameDoc ? 'in one article' : 'across articles';
      merges.push({
        a: ia,
        b: ib,
        detail: `${decided.merge.reason} ${where}: ${decided.merge.detail}`,
      });
    }
  }

  // Branch pairs by node, and members by root, so a join checks only its own groups.
  const branchPartners = new Map<number, number[]>();
  for (const [x, y] of branches) {
    pushTo(branchPartners, x, y);
    pushTo(branchPartners, y, x);
  }
  const membersOf = new Map<number, number[]>(nodes.map((n) => [n.index, [n.index]]));
  const blocked = (ra: number, rb: number) =>
    (membersOf.get(ra) ?? []).some((x) =>
      (branchPartners.get(x) ?? []).some((y) => uf.find(y) === rb),
    );
  const join = (a: number, b: number, detail: string) => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb || blocked(ra, rb)) return;
    const lines = [...(evidence.get(ra) ?? []), ...(evidence.get(rb) ?? []), detail];
    const members = [...(membersOf.get(ra) ?? []), ...(membersOf.get(rb) ?? [])];
    uf.union(a, b);
    const root = uf.find(a);
    evidence.set(root, lines);
    membersOf.set(root === ra ? rb : ra, []);
    membersOf.set(root, members);
  };
  for (const m of merges) join(m.a, m.b, m.detail);
  // A bare surname joins a full name only when exactly one person in the story bears it.
  const byShort = new Map<number, { full: number; detail: string }[]>();
  for (const s of shortForms) pushTo(byShort, s.short, s);
  for (const [short, options] of [...byShort].sort((x, y) => x[0] - y[0])) {
    const roots = new Set(options.map((o) => uf.find(o.full)));
    const first = options[0];
    if (roots.size === 1 && first) join(short, first.full, `short-form: ${first.detail}`);
  }

  // Assemble story-level entities.
  const groups = new Map<number, Node[]>();
  for (const node of nodes) {
    const root = uf.find(node.index);
    pushTo(groups, root, node);
  }
  const idOfRoot = new Map<number, string>();
  const byLocal = new Map<string, string>();
  for (const [root, members] of groups) {
    const key = members
      .map((m) => `${m.doc.article.id}:${m.local.id}`)
      .sort()
      .join(' ');
    const id = `e${stableId(key, 12)}`;
    idOfRoot.set(root, id);
    for (const m of members) byLocal.set(`${m.doc.article.id}\u0000${m.local.id}`, id);
  }
  // Article-local parent links (branch → organisation) become story links too.
  for (const node of nodes) {
    if (!node.local.parentId) continue;
    const parent = nodes.find((n) => n.doc === node.doc && n.local.id === node.local.parentId);
    if (parent) branches.push([node.index, parent.index]);
  }

  const entities: DossierEntity[] = [];
  for (const [root, members] of groups) {
    const typeCount = new Map<EntityType, number>();
    for (const m of members)
      typeCount.set(
        m.local.type,
        (typeCount.get(m.local.type) ?? 0) + Math.max(1, m.mentions.length),
      );
    const type = [...typeCount].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'other';
    const names = members.map((m) => m.local.name);
    const name =
      [...names].sort(
        (x, y) =>
          nameTokens(y).length - nameTokens(x).length || y.length - x.length || x.localeCompare(y),
      )[0] ?? '';
    const variants = [...new Set(members.flatMap((m) => [m.local.name, ...m.local.variants]))];
    const mentions: { articleId: string; span: Span; text: string }[] = members
      .flatMap((m) =>
        m.mentions.map((x) => ({ articleId: m.doc.article.id, span: x.span, text: x.text })),
      )
      .sort((x, y) => x.articleId.localeCompare(y.articleId) || x.span[0] - y.span[0]);
    const local = members.flatMap((m) =>
      m.local.aliases
        .filter((a) => a.reason !== 'same-name')
        .map(
          (a) =>
            `${a.reason} within one article: ${a.name} for ${m.local.name}${a.detail ? ` (${a.detail})` : ''}`,
        ),
    );
    const links = [
      ...new Set(
        branches
          .filter(([b]) => uf.find(b) === root)
          .map(([, p]) => idOfRoot.get(uf.find(p)))
          .filter((p): p is string => p !== undefined && p !== idOfRoot.get(root)),
      ),
    ].map((entityId) => ({ relation: 'branch-of', entityId }));
    entities.push({
      id: idOfRoot.get(root) ?? '',
      type,
      name,
      variants,
      articles: [...new Set(members.map((m) => m.doc.article.id))],
      mentions,
      evidence: [...new Set([...(evidence.get(root) ?? []), ...local])],
      ...(links.length > 0 ? { links } : {}),
    });
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  return {
    entities,
    globalId: (articleId, localId) => byLocal.get(`${articleId}\u0000${localId}`),
    credits,
  };
}
