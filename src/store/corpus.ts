/**
 * The corpus logic, written once over `Db`: add an article (annotate it alone,
 * place it among the stories it could join, recompute only those dossiers),
 * keep every revision, answer story and revision queries.
 */
import type {
  AnnotatedArticle,
  Article,
  ArticleSummary,
  Dossier,
  Finding,
  FindingKind,
  Story,
} from '../core/index.ts';
import { diagnostic, stableId } from '../core/index.ts';
import { annotate } from '../annotate/index.ts';
import { articleOrder, clusterGroup, ClusterMemo, PairScoreCache } from '../cluster/index.ts';
import { buildDossier } from '../dossier/index.ts';
import { summarizeArticle } from '../ingest/index.ts';
import type { Db, Queryable } from './db.ts';
import { changedPassages, type ChangedPassage } from './changes.ts';
import {
  CLUSTER_VIEW_SQL,
  candidateGroups,
  featuresFromJson,
  featuresToJson,
  isCandidatePair,
  placementFeatures,
  placementKeys,
  type ClusterView,
  type StoredFeatures,
} from './placement.ts';
import type { StoryFeatures } from '../cluster/index.ts';
import type {
  AddArticleOptions,
  AddOptions,
  AddResult,
  ListStoriesOptions,
  Revision,
  RevisionChange,
  Store,
  StoreInfo,
  StorySummary,
} from './types.ts';

/**
 * What placing and summarising an article read of it: id, source, title and
 * the metadata kept in their own columns. A candidate group is re-clustered
 * on every add that joins it, so its members are loaded this light (no text,
 * no annotations); their story features come from the feature cache, filled
 * from the cluster view only for articles this process has not seen.
 */
type ArticleHead = Pick<Article, 'id' | 'source' | 'title'> & {
  meta: Pick<Article['meta'], 'published' | 'outlet' | 'url'>;
};

/** A head from its fields; a missing metadata field (undefined, or NULL in a row) is left out. */
function makeHead(
  { id, source, title }: Pick<Article, 'id' | 'source' | 'title'>,
  published: string | null | undefined,
  outlet: string | null | undefined,
  url: string | null | undefined,
): ArticleHead {
  return {
    id,
    source,
    title,
    meta: {
      ...(published != null ? { published } : {}),
      ...(outlet != null ? { outlet } : {}),
      ...(url != null ? { url } : {}),
    },
  };
}

function headOf(article: Article): ArticleHead {
  const { published, outlet, url } = article.meta;
  return makeHead(article, published, outlet, url);
}

/** A current article as loaded for (re)building its story. */
interface StoredArticle {
  head: ArticleHead;
  revision: number;
  previousId?: string;
  lineage: string;
  addedAt: string;
  changes?: ChangedPassage[];
  /** Story it belonged to when loaded. */
  storyId?: string;
  groupId?: string;
}

interface HeadRow {
  id: string;
  lineage: string;
  revision: number;
  previous_id: string | null;
  is_current: boolean;
  source: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  title: string;
  story_id: string | null;
  group_id: string | null;
  added_at: Date | string;
  changes: ChangedPassage[] | null;
}

interface ArticleRow extends HeadRow {
  article: Article;
  annotated: Omit<ClusterView, 'article'>;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

/** JSON parameter that both engines pass through unchanged (cast in SQL with `::text::jsonb`). */
const json = (value: unknown): string => JSON.stringify(value);

function toStored(row: HeadRow): StoredArticle {
  return {
    head: makeHead(row, row.published, row.outlet, row.url),
    revision: row.revision,
    previousId: row.previous_id ?? undefined,
    lineage: row.lineage,
    addedAt: iso(row.added_at),
    changes: row.changes ?? undefined,
    storyId: row.story_id ?? undefined,
    groupId: row.group_id ?? undefined,
  };
}

/**
 * Revisions of a story's articles become `update` findings citing both texts;
 * the replaced versions join the dossier's articles, marked `replacedBy`, so
 * that the old text those findings cite is there to show.
 */
function markRevisions(
  dossier: Dossier,
  articles: StoredArticle[],
  previousVersions: Map<string, Article>,
): Dossier {
  const extra: Finding[] = [];
  const replaced: ArticleSummary[] = [];
  for (const stored of articles) {
    if (!stored.previousId || !stored.changes?.length) continue;
    const article = stored.head;
    const previous = previousVersions.get(stored.previousId);
    if (previous) replaced.push({ ...summarizeArticle(previous), replacedBy: article.id });
    const who = article.meta.outlet ?? article.source;
    const basis = `revision ${stored.revision} of ${stored.lineage} (article ${article.id}, stored ${stored.addedAt}) replaced revision ${stored.revision - 1} (article ${stored.previousId})`;
    stored.changes.forEach((change, index) => {
      const before = change.before?.text;
      const after = change.after?.text;
      const summary =
        before && after
          ? `${who} revised: “${before}” → “${after}”`
          : after
            ? `${who} added in a revision: “${after}”`
            : `${who} removed in a revision: “${before ?? ''}”`;
      extra.push({
        id: `revision-${stableId(`${article.id}:${index}`, 12)}`,
        kind: 'update',
        summary,
        claims: [
          ...(change.before
            ? [
                {
                  articleId: stored.previousId!,
                  text: change.before.text,
                  span: change.before.span,
                },
              ]
            : []),
          ...(change.after
            ? [{ articleId: article.id, text: change.after.text, span: change.after.span }]
            : []),
        ],
        slots: { matched: ['source'], differed: ['text'] },
        independentSources: 1,
        upstream: [],
        evidence: [`from a revision: ${basis}`],
      });
    });
    // Findings resting on a passage the revision changed say so.
    for (const finding of dossier.findings) {
      for (const claim of finding.claims) {
        if (claim.articleId !== article.id) continue;
        for (const change of stored.changes) {
          if (!change.after) continue;
          const [start, end] = change.after.span;
          if (claim.span[0] < end && start < claim.span[1]) {
            finding.evidence.push(
              change.before
                ? `changed by revision ${stored.revision} of ${who}: previously “${change.before.text}”`
                : `added by revision ${stored.revision} of ${who}`,
            );
          }
        }
      }
    }
  }
  return extra.length
    ? {
        ...dossier,
        articles: [...dossier.articles, ...replaced],
        findings: [...dossier.findings, ...extra],
      }
    : dossier;
}

function outletOf(article: ArticleHead): string | undefined {
  if (article.meta.outlet) return article.meta.outlet;
  if (article.meta.url) {
    try {
      return new URL(article.meta.url).hostname.replace(/^www\./, '');
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function summaryFields(dossier: Dossier | undefined, articles: StoredArticle[]) {
  const outlets = [
    ...new Set(articles.map((a) => outletOf(a.head)).filter((o): o is string => !!o)),
  ].sort();
  const seen = articles
    .map((a) => {
      const published = a.head.meta.published;
      const time = published ? Date.parse(published) : NaN;
      return Number.isNaN(time) ? a.addedAt : new Date(time).toISOString();
    })
    .sort();
  const counts: Partial<Record<FindingKind, number>> = {};
  for (const finding of dossier?.findings ?? [])
    counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
  return {
    outlets,
    firstSeen: seen[0] ?? new Date(0).toISOString(),
    lastSeen: seen[seen.length - 1] ?? new Date(0).toISOString(),
    conflicts: counts.conflict ?? 0,
    counts,
  };
}

const REVISION_COLUMNS = `id, lineage, revision, previous_id, is_current, source, url, title, story_id, group_id, added_at, changes`;

const HEAD_COLUMNS = `${REVISION_COLUMNS}, outlet, published`;

const VIEW_COLUMNS = `${HEAD_COLUMNS}, article, ${CLUSTER_VIEW_SQL} AS annotated`;

/** Current members of candidate groups, light (see ArticleHead). */
async function loadGroupArticles(tx: Queryable, groupIds: string[]): Promise<StoredArticle[]> {
  if (groupIds.length === 0) return [];
  const rows = await tx.query<HeadRow>(
    `SELECT ${HEAD_COLUMNS} FROM articles WHERE is_current AND group_id = ANY($1::text[]) ORDER BY id`,
    [groupIds],
  );
  return rows.map(toStored);
}

/**
 * Story features of stored articles, by article id. An id is the hash of the
 * text and the features a function of its annotations, so an entry never goes
 * stale; it saves re-reading and re-tokenising every neighbour on every add.
 */
class FeatureCache {
  private readonly entries = new Map<string, StoryFeatures>();
  constructor(private readonly limit = 50_000) {}
  get(id: string): StoryFeatures | undefined {
    return this.entries.get(id);
  }
  /** Features of a stored article that `ensure` has loaded (a miss is a bug). */
  ofStored(id: string): StoryFeatures {
    const features = this.entries.get(id);
    if (!features) throw new Error(`store: story features of ${id} were not loaded (bug)`);
    return features;
  }
  /**
   * Reads the stored features of the listed articles this cache lacks; an
   * article stored before features were (schema < 4) is read in the cluster
   * view, its features computed and written back, so the next process reads
   * them.
   */
  async ensure(tx: Queryable, ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.entries.has(id));
    if (missing.length === 0) return;
    const stored = await tx.query<{ id: string; story_features: StoredFeatures | null }>(
      `SELECT id, story_features FROM articles WHERE id = ANY($1::text[])`,
      [missing],
    );
    for (const row of stored)
      if (row.story_features) this.put(featuresFromJson(row.id, row.story_features));
    const older = stored.filter((row) => !row.story_features).map((row) => row.id);
    if (older.length === 0) return;
    const rows = await tx.query<{ article: Article; annotated: ArticleRow['annotated'] }>(
      `SELECT article, ${CLUSTER_VIEW_SQL} AS annotated FROM articles WHERE id = ANY($1::text[])`,
      [older],
    );
    const computed = rows.map((row) => this.of({ ...row.annotated, article: row.article }));
    await tx.query(
      `UPDATE articles SET story_features = u.features::jsonb
         FROM unnest($1::text[], $2::text[]) AS u(id, features) WHERE articles.id = u.id`,
      [computed.map((f) => f.articleId), computed.map((f) => json(featuresToJson(f)))],
    );
  }
  private put(features: StoryFeatures): void {
    if (this.entries.size >= this.limit) {
      // Oldest first: a Map iterates in insertion order.
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(features.articleId, features);
  }
  of(annotated: ClusterView): StoryFeatures {
    const id = annotated.article.id;
    let features = this.entries.get(id);
    if (!features) {
      features = placementFeatures(annotated);
      this.put(features);
    }
    return features;
  }
}

/** Sets `group_id` on the listed articles whose group differs (unchanged rows are not rewritten). */
async function setGroup(tx: Queryable, groupId: string, articleIds: string[]): Promise<void> {
  await tx.query(
    `UPDATE articles SET group_id = $1 WHERE id = ANY($2::text[]) AND group_id IS DISTINCT FROM $1`,
    [groupId, articleIds],
  );
}

/**
 * Candidate groups after an add (returned as lists of member ids). A new
 * article only adds candidate links, so
 * the groups it joins become one: the largest keeps its id and only the other
 * groups' rows change. A revision also removes the old version, which can split
 * its group, so there the groups of the neighbourhood are recomputed; each part
 * keeps the id most of its members had, when no other part took it first.
 */
async function saveGroups(
  tx: Queryable,
  members: StoredArticle[],
  self: string,
  joined: string[],
  revision: boolean,
  features: (m: StoredArticle) => StoryFeatures,
): Promise<string[][]> {
  if (!revision) {
    const size = new Map<string, number>();
    for (const m of members) if (m.groupId) size.set(m.groupId, (size.get(m.groupId) ?? 0) + 1);
    const keep = [...joined].sort(
      (a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || a.localeCompare(b),
    )[0];
    const groupId = keep ?? stableId(`group ${self}`);
    await setGroup(
      tx,
      groupId,
      members.filter((m) => m.groupId !== groupId).map((m) => m.head.id),
    );
    return [members.map((m) => m.head.id)];
  }
  const previousGroup = new Map(members.map((m) => [m.head.id, m.groupId]));
  const parts = candidateGroups(members.map(features)).sort(
    (a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id),
  );
  const taken = new Set<string>();
  for (const part of parts) {
    const votes = new Map<string, number>();
    for (const id of part.members) {
      const old = previousGroup.get(id);
      if (old && !taken.has(old)) votes.set(old, (votes.get(old) ?? 0) + 1);
    }
    const inherited = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const groupId = inherited ?? part.id;
    taken.add(groupId);
    await setGroup(
      tx,
      groupId,
      part.members.filter((id) => previousGroup.get(id) !== groupId),
    );
  }
  return parts.map((part) => part.members);
}

async function loadStoryArticles(
  tx: Queryable,
  storyId: string,
): Promise<{ members: StoredArticle[]; full: AnnotatedArticle[] }> {
  const rows = await tx.query<ArticleRow & { full: Omit<AnnotatedArticle, 'article'> }>(
    `SELECT ${VIEW_COLUMNS}, annotated AS full FROM articles WHERE is_current AND story_id = $1 ORDER BY id`,
    [storyId],
  );
  return {
    members: rows.map(toStored),
    full: rows.map((row) => ({ ...row.full, article: row.article })),
  };
}

/** Whole annotations of stored articles, by id. */
async function loadAnnotated(tx: Queryable, ids: string[]): Promise<Map<string, AnnotatedArticle>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ article: Article; annotated: Omit<AnnotatedArticle, 'article'> }>(
    `SELECT article, annotated FROM articles WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.article.id, { ...row.annotated, article: row.article }]));
}

/** Writes a story, its dossier, findings and entities (replacing any previous row). */
async function saveStory(tx: Queryable, story: Story, members: StoredArticle[]): Promise<void> {
  const previousIds = members
    .filter((m) => m.previousId && m.changes?.length)
    .map((m) => m.previousId!);
  const previousVersions = previousIds.length
    ? await tx.query<{ article: Article }>(
        `SELECT article FROM articles WHERE id = ANY($1::text[]) ORDER BY id`,
        [previousIds],
      )
    : [];
  const dossier = markRevisions(
    buildDossier(story),
    members,
    new Map(previousVersions.map((row) => [row.article.id, row.article])),
  );
  const fields = summaryFields(dossier, members);
  await tx.query(`DELETE FROM stories WHERE id = $1`, [story.id]);
  await tx.query(
    `INSERT INTO stories (id, title, article_count, outlets, first_seen, last_seen, conflicts, finding_counts, dossier, evidence, updated_at)
     VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7, $8::text::jsonb, $9::text::jsonb, $10::text::jsonb, now())`,
    [
      story.id,
      dossier.title,
      members.length,
      json(fields.outlets),
      fields.firstSeen,
      fields.lastSeen,
      fields.conflicts,
      json(fields.counts),
      json(dossier),
      json(story.evidence),
    ],
  );
  const { findings, entities } = dossier;
  await tx.query(
    `INSERT INTO findings (story_id, id, kind, summary)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
     ON CONFLICT DO NOTHING`,
    [
      story.id,
      findings.map((f) => f.id),
      findings.map((f) => f.kind),
      findings.map((f) => f.summary),
    ],
  );
  await tx.query(
    `INSERT INTO entities (story_id, id, type, name)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
     ON CONFLICT DO NOTHING`,
    [story.id, entities.map((e) => e.id), entities.map((e) => e.type), entities.map((e) => e.name)],
  );
  await tx.query(`UPDATE articles SET story_id = $1 WHERE id = ANY($2::text[])`, [
    story.id,
    members.map((m) => m.head.id),
  ]);
}

/**
 * Writes a story whose dossier waits for the end of the batch: its row (with
 * the clustering evidence, membership and the counts that need no dossier)
 * and its articles' story id, marked stale. `rebuildStory` fills it in.
 */
async function saveStaleStory(
  tx: Queryable,
  story: Story,
  members: StoredArticle[],
): Promise<void> {
  const fields = summaryFields(undefined, members);
  await tx.query(`DELETE FROM stories WHERE id = $1`, [story.id]);
  await tx.query(
    `INSERT INTO stories (id, title, article_count, outlets, first_seen, last_seen, conflicts, finding_counts, dossier, evidence, stale, updated_at)
     VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, 0, '{}'::jsonb, '{}'::jsonb, $7::text::jsonb, true, now())`,
    [
      story.id,
      story.articles[0]?.article.title ?? '',
      members.length,
      json(fields.outlets),
      fields.firstSeen,
      fields.lastSeen,
      json(story.evidence),
    ],
  );
  await tx.query(`UPDATE articles SET story_id = $1 WHERE id = ANY($2::text[])`, [
    story.id,
    members.map((m) => m.head.id),
  ]);
}

/** Rebuilds a stored story's dossier from its current articles; false when it has none left. */
async function rebuildStory(tx: Queryable, id: string): Promise<boolean> {
  const { members, full } = await loadStoryArticles(tx, id);
  if (members.length === 0) {
    await tx.query(`DELETE FROM stories WHERE id = $1`, [id]);
    return false;
  }
  const evidence = await tx.query<{ evidence: string[] }>(
    `SELECT evidence FROM stories WHERE id = $1`,
    [id],
  );
  // In the order clustering gives a story's articles, as an immediate add writes them.
  const articles = [...full].sort(articleOrder);
  await saveStory(tx, { id, articles, evidence: evidence[0]?.evidence ?? [] }, members);
  return true;
}

/**
 * Re-clusters the neighbourhood (whole candidate groups, `parts`, each a list
 * of member ids) and replaces those stories by the result. Returns the ids
 * written.
 */
async function replaceStories(
  tx: Queryable,
  oldStoryIds: string[],
  members: StoredArticle[],
  parts: string[][],
  features: (m: StoredArticle) => StoryFeatures,
  reuse: { cache: PairScoreCache; memo: ClusterMemo },
  loaded: Map<string, AnnotatedArticle>,
  deferDossiers: boolean,
): Promise<string[]> {
  const byId = new Map(members.map((m) => [m.head.id, m]));
  // Clustering reads the members' features and heads; the stories it returns
  // hold the heads and get their whole annotations back below.
  // Each part is one candidate group, so clusterGroup skips the candidate step.
  const stories = parts.flatMap((part) =>
    clusterGroup(
      part.map((id) => {
        const m = byId.get(id)!;
        // Given the features, clustering reads only the article's id, title,
        // source and date (ordering, evidence); the head stands in for the
        // whole annotation, which the stories get back below.
        return { doc: { article: m.head } as unknown as AnnotatedArticle, features: features(m) };
      }),
      undefined,
      {
        ...reuse,
        // A story with an old id has the same articles, so it is not rewritten.
        explain: (id) => !oldStoryIds.includes(id),
      },
    ),
  );
  const newIds = new Set(stories.map((s) => s.id));
  // Same id = same article set = same dossier: nothing to recompute.
  const changed = stories.filter((story) => !oldStoryIds.includes(story.id));
  const written: string[] = [];
  if (deferDossiers) {
    for (const story of changed) {
      await saveStaleStory(
        tx,
        story,
        story.articles.map((a) => byId.get(a.article.id)!),
      );
      written.push(story.id);
    }
  }
  const missing = (deferDossiers ? [] : changed)
    .flatMap((story) => story.articles.map((a) => a.article.id))
    .filter((id) => !loaded.has(id));
  const full = new Map([...loaded, ...(await loadAnnotated(tx, missing))]);
  for (const story of deferDossiers ? [] : changed) {
    await saveStory(
      tx,
      { ...story, articles: story.articles.map((a) => full.get(a.article.id)!) },
      story.articles.map((a) => byId.get(a.article.id)!),
    );
    written.push(story.id);
  }
  for (const oldId of oldStoryIds) {
    if (newIds.has(oldId)) continue;
    // The story that took most of the old one's articles inherits its id.
    const oldMembers = new Set(members.filter((m) => m.storyId === oldId).map((m) => m.head.id));
    const heir = stories
      .map((s) => ({
        id: s.id,
        shared: s.articles.filter((a) => oldMembers.has(a.article.id)).length,
      }))
      .sort((a, b) => b.shared - a.shared || a.id.localeCompare(b.id))[0];
    await tx.query(`DELETE FROM stories WHERE id = $1`, [oldId]);
    if (heir) {
      await tx.query(`UPDATE story_aliases SET new_id = $2 WHERE new_id = $1`, [oldId, heir.id]);
      await tx.query(
        `INSERT INTO story_aliases (old_id, new_id) VALUES ($1, $2)
         ON CONFLICT (old_id) DO UPDATE SET new_id = EXCLUDED.new_id`,
        [oldId, heir.id],
      );
    }
  }
  await tx.query(`DELETE FROM story_aliases WHERE old_id = ANY($1::text[])`, [[...newIds]]);
  return written;
}

export function createCorpus(db: Db): Store {
  const featureCache = new FeatureCache();
  // Keyed by the cache's feature objects, so they only help while those stay cached.
  const clusterReuse = { cache: new PairScoreCache(), memo: new ClusterMemo() };
  async function addArticle(article: Article, options: AddArticleOptions = {}): Promise<AddResult> {
    let annotated: AnnotatedArticle;
    try {
      // Annotation is the costly part and needs no lock: done before the transaction.
      annotated = annotate(article);
    } catch (error) {
      return {
        outcome: 'rejected',
        source: article.source,
        recomputed: [],
        diagnostics: [
          diagnostic(
            'store',
            'annotate-failed',
            `could not annotate: ${error instanceof Error ? error.message : String(error)}`,
            {
              severity: 'error',
              source: article.source,
              articleId: article.id,
            },
          ),
        ],
      };
    }
    return addAnnotated(annotated, options);
  }

  /**
   * Every add rewrites its stories' rows, leaving dead row versions. A server
   * vacuums them itself; embedded PGlite runs no autovacuum, so the store does.
   */
  let writesSinceVacuum = 0;
  async function vacuumNowAndThen(): Promise<void> {
    if (db.kind !== 'pglite' || ++writesSinceVacuum < 50) return;
    writesSinceVacuum = 0;
    // One statement at a time: several in one call run as one transaction, and VACUUM refuses that.
    for (const table of ['stories', 'findings', 'entities', 'articles'])
      await db.exec(`VACUUM ANALYZE ${table}`);
  }

  async function addAnnotated(
    annotated: AnnotatedArticle,
    options: AddArticleOptions = {},
  ): Promise<AddResult> {
    const result = await placeAnnotated(annotated, options.deferDossier ?? false);
    if (result.outcome === 'added' || result.outcome === 'revised') await vacuumNowAndThen();
    return result;
  }

  async function placeAnnotated(
    annotated: AnnotatedArticle,
    deferDossier: boolean,
  ): Promise<AddResult> {
    const { article } = annotated;
    const features = featureCache.of(annotated);
    const keys = placementKeys(features);
    const lineage = article.meta.url ?? article.source;
    const { article: _article, ...annotations } = annotated;
    return db.transaction(async (tx): Promise<AddResult> => {
      const known = await tx.query<{
        story_id: string | null;
        is_current: boolean;
        lineage: string;
      }>(`SELECT story_id, is_current, lineage FROM articles WHERE id = $1`, [article.id]);
      if (known.length > 0) {
        return {
          outcome: 'unchanged',
          articleId: article.id,
          source: article.source,
          storyId: (await storyOfIn(tx, article.id)) ?? undefined,
          recomputed: [],
          diagnostics: [],
        };
      }
      const previous = (
        await tx.query<ArticleRow>(
          `SELECT ${VIEW_COLUMNS} FROM articles WHERE lineage = $1 AND is_current`,
          [lineage],
        )
      )[0];
      let revision = 1;
      let changes: ChangedPassage[] | undefined;
      if (previous) {
        revision = previous.revision + 1;
        changes = changedPassages(previous.article.text, article.text);
        await tx.query(`UPDATE articles SET is_current = false WHERE id = $1`, [previous.id]);
        await tx.query(`DELETE FROM article_keys WHERE article_id = $1`, [previous.id]);
      }
      const inserted = await tx.query<{ added_at: Date | string }>(
        `INSERT INTO articles (id, lineage, revision, previous_id, is_current, source, url, outlet, published, title, changes, article, annotated, story_features)
         VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8, $9, $10::text::jsonb, $11::text::jsonb, $12::text::jsonb, $13::text::jsonb)
         RETURNING added_at`,
        [
          article.id,
          lineage,
          revision,
          previous?.id ?? null,
          article.source,
          article.meta.url ?? null,
          article.meta.outlet ?? null,
          article.meta.published ?? null,
          article.title,
          changes ? json(changes) : null,
          json(article),
          json(annotations),
          json(featuresToJson(features)),
        ],
      );
      await tx.query(
        `INSERT INTO article_keys (article_id, key) SELECT $1, k FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING`,
        [article.id, keys],
      );
      // Stored articles sharing a signature key; those the cluster rules would
      // link as candidates bring their whole candidate group into the
      // neighbourhood. Only neighbours of groups not joined yet are compared,
      // and their features come from the cache when this process has seen them.
      const neighbours = await tx.query<{ id: string; group_id: string | null }>(
        `SELECT id, group_id FROM articles
          WHERE is_current AND id <> $2
            AND id IN (SELECT article_id FROM article_keys WHERE key = ANY($1::text[]))
          ORDER BY id`,
        [keys, article.id],
      );
      const groups = new Set<string>();
      if (previous?.group_id) groups.add(previous.group_id);
      await featureCache.ensure(
        tx,
        neighbours.filter((n) => n.group_id && !groups.has(n.group_id)).map((n) => n.id),
      );
      const joined: string[] = [];
      for (const row of neighbours) {
        if (!row.group_id || groups.has(row.group_id)) continue;
        const theirs = featureCache.get(row.id);
        if (theirs && isCandidatePair(features, theirs)) {
          groups.add(row.group_id);
          joined.push(row.group_id);
        }
      }
      const self: StoredArticle = {
        head: headOf(article),
        revision,
        previousId: previous?.id,
        lineage,
        addedAt: iso(inserted[0]!.added_at),
        changes,
      };
      const members = [...(await loadGroupArticles(tx, [...groups])), self];
      await featureCache.ensure(
        tx,
        members.map((m) => m.head.id),
      );
      const featuresOf = (m: StoredArticle) => featureCache.ofStored(m.head.id);
      const parts = await saveGroups(tx, members, article.id, joined, !!previous, featuresOf);
      const oldStoryIds = new Set(members.map((m) => m.storyId).filter((x): x is string => !!x));
      if (previous?.story_id) oldStoryIds.add(previous.story_id);
      const recomputed = await replaceStories(
        tx,
        [...oldStoryIds].sort(),
        members,
        parts,
        featuresOf,
        clusterReuse,
        new Map([[article.id, annotated]]),
        deferDossier,
      );
      return {
        outcome: previous ? 'revised' : 'added',
        articleId: article.id,
        source: article.source,
        storyId: (await storyOfIn(tx, article.id)) ?? undefined,
        recomputed,
        ...(previous ? { revises: previous.id } : {}),
        diagnostics: [],
      };
    });
  }

  /** Rebuilds a story's dossier if it is (still, under the lock) stale; true when rebuilt. */
  function rebuildIfStale(id: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const stale = await tx.query(`SELECT 1 FROM stories WHERE id = $1 AND stale`, [id]);
      return stale.length > 0 && (await rebuildStory(tx, id));
    });
  }

  /**
   * Rebuilds every story whose dossier was left for later (by a batch, or by
   * a batch that was cut off), one transaction each. Another process may be
   * flushing too: a story is rebuilt only if still stale under the lock.
   */
  async function flushDossiers(): Promise<string[]> {
    const rebuilt: string[] = [];
    for (;;) {
      const next = (
        await db.query<{ id: string }>(`SELECT id FROM stories WHERE stale ORDER BY id LIMIT 1`)
      )[0];
      if (!next) return rebuilt;
      if (await rebuildIfStale(next.id)) rebuilt.push(next.id);
      await vacuumNowAndThen();
    }
  }

  async function storyOfIn(q: Queryable, articleId: string): Promise<string | undefined> {
    const rows = await q.query<{ story_id: string | null }>(
      `SELECT c.story_id FROM articles a JOIN articles c ON c.lineage = a.lineage AND c.is_current
        WHERE a.id = $1`,
      [articleId],
    );
    return rows[0]?.story_id ?? undefined;
  }

  async function resolveStoryId(id: string): Promise<string | undefined> {
    const exact = await db.query<{ id: string }>(`SELECT id FROM stories WHERE id = $1`, [id]);
    if (exact[0]) return exact[0].id;
    const alias = await db.query<{ new_id: string }>(
      `SELECT new_id FROM story_aliases WHERE old_id = $1`,
      [id],
    );
    if (alias[0]) return alias[0].new_id;
    if (id.length >= 4 && /^[0-9a-f]+$/.test(id)) {
      const prefixed = await db.query<{ id: string }>(
        `SELECT id FROM stories WHERE id LIKE $1 || '%' LIMIT 2`,
        [id],
      );
      if (prefixed.length === 1) return prefixed[0]!.id;
    }
    return undefined;
  }

  const store: Store = {
    kind: db.kind,
    addArticle,
    addAnnotated,
    async addArticles(articles: Article[], options: AddOptions = {}) {
      const results: AddResult[] = [];
      for (const article of articles) {
        const result = await addArticle(article, { deferDossier: true });
        options.onResult?.(result);
        results.push(result);
      }
      await flushDossiers();
      return results;
    },
    flushDossiers,
    async listStories(options: ListStoriesOptions = {}): Promise<StorySummary[]> {
      // Counts of findings come from dossiers: none may be waiting.
      await flushDossiers();
      const rows = await db.query<{
        id: string;
        title: string;
        article_count: number;
        outlets: string[];
        first_seen: string;
        last_seen: string;
        conflicts: number;
        finding_counts: Partial<Record<FindingKind, number>>;
        updated_at: Date | string;
      }>(
        `SELECT id, title, article_count, outlets, first_seen, last_seen, conflicts, finding_counts, updated_at
           FROM stories ORDER BY last_seen DESC, id LIMIT $1 OFFSET $2`,
        [options.limit ?? 100, options.offset ?? 0],
      );
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        articles: r.article_count,
        outlets: r.outlets,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        openConflicts: r.conflicts,
        findings: r.finding_counts,
        updatedAt: iso(r.updated_at),
      }));
    },
    async getStory(id: string) {
      const resolved = await resolveStoryId(id);
      if (!resolved) return undefined;
      await rebuildIfStale(resolved);
      const rows = await db.query<{ dossier: Dossier }>(
        `SELECT dossier FROM stories WHERE id = $1`,
        [resolved],
      );
      return rows[0]?.dossier;
    },
    storyOf: (articleId) => storyOfIn(db, articleId),
    async revisions(ref: string): Promise<Revision[]> {
      const match = await db.query<{ lineage: string }>(
        `SELECT lineage FROM articles
          WHERE id = $1 OR url = $1 OR source = $1 OR lineage = $1 OR (length($1) >= 6 AND id LIKE $1 || '%')
          LIMIT 2`,
        [ref],
      );
      const lineages = new Set(match.map((m) => m.lineage));
      if (lineages.size !== 1) return [];
      const rows = await db.query<Omit<ArticleRow, 'article' | 'annotated'>>(
        `SELECT ${REVISION_COLUMNS} FROM articles WHERE lineage = $1 ORDER BY revision`,
        [[...lineages][0]],
      );
      return rows.map((row) => ({
        number: row.revision,
        articleId: row.id,
        source: row.source,
        ...(row.url ? { url: row.url } : {}),
        title: row.title,
        addedAt: iso(row.added_at),
        ...(row.previous_id ? { previousId: row.previous_id } : {}),
        ...(row.changes
          ? {
              changes: row.changes.flatMap((c): RevisionChange[] => [
                ...(c.before ? [{ kind: 'removed' as const, text: c.before.text }] : []),
                ...(c.after ? [{ kind: 'added' as const, text: c.after.text }] : []),
              ]),
            }
          : {}),
        current: row.is_current,
      }));
    },
    async getArticle(id: string) {
      const rows = await db.query<{ article: Article }>(
        `SELECT article FROM articles WHERE id = $1`,
        [id],
      );
      return rows[0]?.article;
    },
    async recomputeStory(id: string) {
      await db.transaction((tx) => rebuildStory(tx, id));
    },
    async info(): Promise<StoreInfo> {
      const [counts] = await db.query<{ articles: number; stories: number; version: string }>(
        `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM stories)::int AS stories,
                (SELECT value FROM crosscheck_meta WHERE key = 'schema_version') AS version`,
      );
      return {
        kind: db.kind,
        location: db.location,
        schemaVersion: Number(counts?.version),
        articles: counts?.articles ?? 0,
        stories: counts?.stories ?? 0,
        sizeBytes: await db.sizeBytes(),
      };
    },
    close: () => db.close(),
  };
  return store;
}
