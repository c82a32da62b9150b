/**
 * The corpus store: articles, their revisions, stories and their dossiers, kept
 * across runs. Two adapters share one schema and one set of migrations:
 * PGlite in a data directory (the embedded default) and a PostgreSQL server
 * through `pg`. Both pass test/unit/store.cases.ts.
 */
import type { AnnotatedArticle, Article, Diagnostic, Dossier, FindingKind } from '../core/index.ts';

/** Where the store lives: a PostgreSQL URL wins over a data directory. */
export interface StoreLocation {
  /** PGlite data directory (default `$CROSSCHECK_DATA` or `./.crosscheck`). */
  data?: string;
  /** `postgres://…` URL of a PostgreSQL server (default `$DATABASE_URL`). */
  db?: string;
  /**
   * PostgreSQL schema to use on the server (default `public`). Tests and
   * separate corpora on one database each get their own.
   */
  schema?: string;
}

/** What adding one article did. */
export type AddOutcome =
  /** A text not seen before, under a URL/source not seen before. */
  | 'added'
  /** Same URL or source as a stored article, changed text: a new revision. */
  | 'revised'
  /** The exact text is already stored (same article id): nothing written. */
  | 'unchanged'
  /** The input could not be read or analysed; see `diagnostics`. */
  | 'rejected';

export interface AddResult {
  outcome: AddOutcome;
  /** Article id (hash of the text); absent when rejected. */
  articleId?: string;
  /** Path, URL or label of the input. */
  source: string;
  /** Story the article was placed in (after the add). */
  storyId?: string;
  /**
   * Stories whose dossiers were recomputed (the article's story, and any it
   * left or merged), or, with `deferDossier`, marked to be.
   */
  recomputed: string[];
  /** For a revision: the article id it replaces. */
  revises?: string;
  diagnostics: Diagnostic[];
}

/** One row of `crosscheck stories` / `GET /api/stories`. */
export interface StorySummary {
  id: string;
  title: string;
  articles: number;
  outlets: string[];
  /** ISO date-times: earliest/latest publication date (or time added when undated). */
  firstSeen: string;
  lastSeen: string;
  /** Findings of kind `conflict`. */
  openConflicts: number;
  /** Counts of findings by kind. */
  findings: Partial<Record<FindingKind, number>>;
  updatedAt: string;
}

/** One stored version of an article (same URL or same source, changed text). */
export interface Revision {
  /** 1 for the first version seen. */
  number: number;
  articleId: string;
  source: string;
  url?: string;
  title: string;
  addedAt: string;
  /** Id of the version this one replaced. */
  previousId?: string;
  /** What changed against the previous version: a line diff summary. */
  changes?: RevisionChange[];
  /** True for the version currently in the story. */
  current: boolean;
}

export interface RevisionChange {
  kind: 'added' | 'removed';
  /** The changed passage (a sentence or line) of the newer / older text. */
  text: string;
}

export interface ListStoriesOptions {
  /** Default 100. */
  limit?: number;
  offset?: number;
}

/** Input of `addArticles`: a parsed article (the CLI/server ingest it first). */
export interface AddInput {
  article: Article;
}

export interface AddOptions {
  /** Called after each article is committed (progress bars). */
  onResult?: (result: AddResult) => void;
}

export interface AddArticleOptions {
  /**
   * Mark the changed stories' dossiers stale instead of rebuilding them; a
   * batch calls `flushDossiers` at its end, so a story that takes seventy of
   * the batch's articles is rebuilt once, not seventy times. Readers never see
   * a stale dossier: `getStory` and `listStories` rebuild first.
   */
  deferDossier?: boolean;
}

export interface StoreInfo {
  kind: 'pglite' | 'postgres';
  /** Data directory or URL with the password hidden. */
  location: string;
  schemaVersion: number;
  articles: number;
  stories: number;
  /** Bytes on disk: the data directory, or the schema's tables and indexes. */
  sizeBytes: number;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Store one article: annotate it, place it in a story (or open one),
   * recompute only the affected stories' dossiers, all in one transaction.
   */
  addArticle(article: Article, options?: AddArticleOptions): Promise<AddResult>;
  /**
   * `addArticle` for an article annotated elsewhere (a pool of annotators, or
   * tests that compare with a batch run over the very same annotations).
   */
  addAnnotated(annotated: AnnotatedArticle, options?: AddArticleOptions): Promise<AddResult>;
  /**
   * `addArticle` for each, in order, one transaction per article, with the
   * dossiers deferred and rebuilt once at the end (`flushDossiers`).
   */
  addArticles(articles: Article[], options?: AddOptions): Promise<AddResult[]>;
  /**
   * Rebuilds every dossier left stale by deferred adds (including those of a
   * batch that was cut off); returns the story ids rebuilt.
   */
  flushDossiers(): Promise<string[]>;
  listStories(options?: ListStoriesOptions): Promise<StorySummary[]>;
  /** Dossier of a story, or `undefined` when no such story (accepts an unambiguous id prefix). */
  getStory(id: string): Promise<Dossier | undefined>;
  /** Story id an article (current or past revision) belongs to. */
  storyOf(articleId: string): Promise<string | undefined>;
  /**
   * Every revision of the article's lineage (by article id, id prefix, URL or
   * source), oldest first; empty when unknown.
   */
  revisions(article: string): Promise<Revision[]>;
  /** Stored article by id (current or past revision). */
  getArticle(id: string): Promise<Article | undefined>;
  /** Recompute a story's dossier from its stored articles (worker jobs, repairs). */
  recomputeStory(id: string): Promise<void>;
  info(): Promise<StoreInfo>;
  close(): Promise<void>;
}

/** The store's own failures that are not API misuse (corrupt, foreign, too new). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    message: string,
    readonly ruleId:
      'store-too-new' | 'store-foreign' | 'store-corrupt' | 'store-unreachable' | 'store-locked',
  ) {
    super(message);
  }
}

export type OpenStore = (location?: StoreLocation) => Promise<Store>;
