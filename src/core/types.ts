/**
 * Types shared by every stage of crosscheck.
 *
 * Principle: stand-off annotation. Nothing rewrites an article's text; every
 * mention, number, date, quote, attribution and claim points into
 * `Article.text` with a half-open `[start, end)` span of UTF-16 code units
 * (JavaScript string indices).
 */

/** `[start, end)` offsets into an article's normalised text. */
export type Span = [start: number, end: number];

export type Stage =
  | 'ingest'
  | 'annotate'
  | 'claims'
  | 'resolve'
  | 'cluster'
  | 'align'
  | 'provenance'
  | 'dossier'
  | 'render'
  | 'store'
  | 'server'
  | 'cli';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Something a stage could not do, or did with doubt. Diagnostics are data:
 * carried on the article or the dossier and shown by every interface.
 */
export interface Diagnostic {
  stage: Stage;
  /** Stable kebab-case identifier of the rule that fired, e.g. `date-unresolved`. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** The input (path, URL or record label) the diagnostic is about. */
  source?: string;
  articleId?: string;
  span?: Span;
}

// ---------------------------------------------------------------------------
// Ingest
// ---------------------------------------------------------------------------

export type InputFormat = 'text' | 'html' | 'json' | 'jsonl' | 'feed';

/** Structural role of a block (paragraph) of an article. */
export type BlockKind = 'title' | 'byline' | 'dateline' | 'heading' | 'caption' | 'credit' | 'body';

/** A paragraph of the normalised text with its structural role. */
export interface Block {
  kind: BlockKind;
  span: Span;
  /** Why the block got its kind (e.g. `short line of two capitalised words before the body`). */
  evidence?: string;
}

export interface ArticleMetadata {
  outlet?: string;
  byline?: string;
  /** ISO 8601 date or date-time. */
  published?: string;
  url?: string;
  /** Where each metadata field came from: `cli`, `meta:og:site_name`, `json-ld`, `record`, `text`... */
  origin?: Partial<Record<'outlet' | 'byline' | 'published' | 'url' | 'language', string>>;
  /** Fields of a JSON record or a feed item that crosscheck does not interpret, kept as given. */
  extra?: Record<string, unknown>;
}

export interface Article {
  /** Stable hash of the normalised text (and nothing else), hex. */
  id: string;
  /** Path, URL or record label the article came from. */
  source: string;
  format: InputFormat;
  title: string;
  /**
   * Normalised text: Unicode NFC, `\r\n` and `\r` turned into `\n`, BOM removed.
   * Nothing else is changed, so offsets into a plain-text input stay offsets into
   * the file. For HTML the text is the extracted article (title first).
   */
  text: string;
  /** Paragraphs in text order, each typed. Title is the first block. */
  blocks: Block[];
  /** ISO 639-1 code, or `und` when undetermined. */
  language: string;
  meta: ArticleMetadata;
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------
// Annotation (stand-off layers over one article)
// ---------------------------------------------------------------------------

export interface Sentence {
  index: number;
  span: Span;
  /** Index into `Article.blocks`. */
  block: number;
  /** Kind of the block; only `body` sentences are the article's own statements. */
  kind: BlockKind;
  /**
   * Index of the paragraph (a run of lines within a block, ended by a blank line
   * or a line break before a capitalised line). Quotes may run over paragraphs.
   */
  paragraph?: number;
}

export type EntityType =
  'person' | 'organization' | 'group' | 'place' | 'facility' | 'event' | 'other';

export interface Mention {
  id: string;
  span: Span;
  text: string;
  type: EntityType;
  /** Id of the article-local entity this mention belongs to. */
  entityId: string;
  sentence: number;
  /** Cues that made this a mention of this type (gazetteer, role title, org suffix...). */
  evidence: string[];
}

/** Why two names were taken to denote one entity. */
export interface AliasEvidence {
  name: string;
  reason:
    | 'same-name'
    | 'short-form'
    | 'acronym'
    | 'defined-in-text'
    | 'role'
    | 'transliteration'
    | 'string-similarity'
    | 'possessive'
    | 'gazetteer';
  detail?: string;
}

/** An entity within one article. Cross-article merging happens in `resolve`. */
export interface LocalEntity {
  id: string;
  type: EntityType;
  /** Canonical (usually the longest full) name. */
  name: string;
  /** All surface forms used in the article. */
  variants: string[];
  mentionIds: string[];
  aliases: AliasEvidence[];
  /** Role titles seen with the entity ("Kremlin spokesman"). */
  roles: string[];
  /** Parent entity (branch → organisation), article-local id. */
  parentId?: string;
}

/** Numeric bounds; `null` means unbounded on that side. */
export interface Bounds {
  low: number | null;
  high: number | null;
  lowInclusive: boolean;
  highInclusive: boolean;
}

export interface Quantity {
  id: string;
  span: Span;
  text: string;
  sentence: number;
  /** The number as written, parsed (143, 8, 100, 1500000). */
  value: number;
  bounds: Bounds;
  /** Hedge word that set the bounds ("at least", "about", "almost"...). */
  hedge?: string;
  /** Head noun of what is counted ("people", "suspects", "gunmen"), lower-case lemma. */
  counted?: string;
  countedSpan?: Span;
  /** Lemma of the predicate the count is about ("die", "kill", "arrest"). */
  predicate?: string;
  /** Coarse measure class used for comparison: casualties, arrests, people, money, ... */
  measure?: string;
  /**
   * Part of a change of a running figure: "to" for the new value ("has risen to
   * 14"), "from" for the value it replaced ("rose from 12 to 14").
   */
  change?: 'from' | 'to';
}

export type TimeCertainty = 'stated' | 'inferred' | 'unresolved';
export type TimeGranularity = 'year' | 'month' | 'week' | 'day' | 'time';

export interface TimeRef {
  id: string;
  span: Span;
  text: string;
  sentence: number;
  /** ISO date (or date-time) of the start; absent when unresolved. */
  start?: string;
  end?: string;
  granularity?: TimeGranularity;
  certainty: TimeCertainty;
  /** What a relative expression was resolved against: `published`, `in-text:<timeRef id>`. */
  anchor?: string;
}

export interface Quote {
  id: string;
  /** Span including the quotation marks. */
  span: Span;
  /** Span of the quoted words only. */
  contentSpan: Span;
  sentences: number[];
  /** Id of the attribution that gives the speaker, when found. */
  attributionId?: string;
}

export type SourceKind = 'person' | 'organization' | 'outlet' | 'document' | 'anonymous' | 'group';

/** A source or intermediary of a reported statement. */
export interface SourceRef {
  text: string;
  span?: Span;
  kind: SourceKind;
  /** Article-local entity id when the source is a recognised entity. */
  entityId?: string;
  /** How many sources ("three sources" → 3). */
  count?: number;
  anonymous: boolean;
  /**
   * For an anaphoric source ("one of the sources", "a third source", "One"): id of
   * the attribution that introduced the group it belongs to.
   */
  memberOf?: string;
}

export type Modality = 'asserted' | 'reported' | 'hedged' | 'negated';

export interface Attribution {
  id: string;
  sentence: number;
  source: SourceRef;
  cue: { text: string; span: Span };
  content: { span: Span };
  /** Who relays the statement ("Reuters" in "Reuters reported"). */
  intermediary?: SourceRef;
  /** Enclosing attribution id: the chain outlet → Reuters → three sources → ... */
  parentId?: string;
  direct: boolean;
  modality: Modality;
}

/** One checkable statement built from a sentence. */
export interface Claim {
  id: string;
  articleId: string;
  sentence: number;
  span: Span;
  text: string;
  /** Lemma of the main event predicate ("die", "arrest", "claim", "warn"). */
  predicate?: string;
  /** Article-local entity ids of the agent / patient, when found. */
  agent?: string;
  patient?: string;
  /** Article-local entity ids of all participants, places included. */
  entities: string[];
  places: string[];
  timeIds: string[];
  quantityIds: string[];
  modality: Modality;
  /** Innermost attribution; follow `parentId` for the chain. */
  attributionId?: string;
  /** Source names outer → inner, the outlet first ("Telegraph", "Reuters", "three sources"). */
  chain: string[];
  /** True when the claim is the words of a quotation. */
  quoted: boolean;
}

export interface AnnotatedArticle {
  article: Article;
  sentences: Sentence[];
  mentions: Mention[];
  entities: LocalEntity[];
  quantities: Quantity[];
  times: TimeRef[];
  quotes: Quote[];
  attributions: Attribution[];
  claims: Claim[];
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------
// The report contract (see schema/dossier.schema.json)
// ---------------------------------------------------------------------------

export interface ArticleSummary {
  id: string;
  title: string;
  source: string;
  outlet?: string;
  byline?: string;
  published?: string;
  url?: string;
  language: string;
  /** Blocks that are not the article's own statements (byline, caption, credit, heading). */
  apart: { kind: BlockKind; span: Span; text: string }[];
  /** The normalised text, so that every span in the dossier can be shown. */
  text: string;
  /**
   * Set on an earlier version of an article that a revision replaced (the id
   * of the version that did): kept so that revision findings can show the old
   * text they cite; it is not one of the story's current articles.
   */
  replacedBy?: string;
}

export interface DossierEntity {
  id: string;
  type: EntityType;
  name: string;
  variants: string[];
  articles: string[];
  /** Mentions of the entity in each article. */
  mentions: { articleId: string; span: Span; text: string }[];
  /** Why names were merged: one line per merge. */
  evidence: string[];
  /** Related entities (e.g. `branch-of`). */
  links?: { relation: string; entityId: string }[];
}

export type FindingKind = 'agreement' | 'compatible' | 'update' | 'conflict' | 'unique';

export interface FindingValue {
  text: string;
  value?: number;
  bounds?: Bounds;
  counted?: string;
  measure?: string;
}

export interface FindingClaim {
  articleId: string;
  claimId?: string;
  text: string;
  span: Span;
  attribution?: { source: string; cue?: string; chain: string[]; direct?: boolean };
  modality?: Modality;
  values?: FindingValue[];
}

export interface Finding {
  id: string;
  kind: FindingKind;
  summary: string;
  claims: FindingClaim[];
  /** Slot names that matched and that differed across the aligned claims. */
  slots?: { matched: string[]; differed: string[] };
  independentSources: number;
  upstream: string[];
  evidence: string[];
}

export interface TimelineEvent {
  /** ISO date (or date-time); `null` for events listed undated. */
  date: string | null;
  certainty: TimeCertainty;
  summary: string;
  claims: { articleId: string; span: Span; text: string }[];
}

export type ProvenanceNodeKind =
  'outlet' | 'article' | 'intermediary' | 'agency' | 'source' | 'document';
export type ProvenanceEdgeKind = 'publishes' | 'cites' | 'quotes' | 'copies';

export interface ProvenanceNode {
  id: string;
  kind: ProvenanceNodeKind;
  label: string;
  articleId?: string;
  anonymous?: boolean;
}

export interface ProvenanceEdge {
  from: string;
  to: string;
  kind: ProvenanceEdgeKind;
  evidence: string[];
}

export interface Dossier {
  id: string;
  title: string;
  articles: ArticleSummary[];
  entities: DossierEntity[];
  findings: Finding[];
  timeline: TimelineEvent[];
  provenance: { nodes: ProvenanceNode[]; edges: ProvenanceEdge[] };
  diagnostics: Diagnostic[];
}

/** The JSON report: what `compare --format json` writes and `/api/analyze` returns. */
export interface Report {
  schemaVersion: string;
  generator: { name: string; version: string };
  stories: Dossier[];
  /** Diagnostics not tied to one story (rejected inputs, usage). */
  diagnostics: Diagnostic[];
}

/** Articles grouped as one real-world event or development. */
export interface Story {
  id: string;
  articles: AnnotatedArticle[];
  /** Why the articles were grouped (shared entities, dates, figures, terms). */
  evidence: string[];
}
