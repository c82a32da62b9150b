/**
 * One schema, versioned migrations, run on open. Each migration runs once, in
 * its own transaction, and bumps `crosscheck_meta.schema_version`; a store whose
 * version is newer than this crosscheck knows is refused, not touched.
 */
import type { Db } from './db.ts';
import { StoreError } from './types.ts';

interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles with revisions, stories with dossiers, findings, entities',
    sql: `
      CREATE TABLE articles (
        id          text PRIMARY KEY,          -- hash of the normalised text
        lineage     text NOT NULL,             -- URL, else source: revisions share it
        revision    integer NOT NULL,
        previous_id text REFERENCES articles(id),
        is_current  boolean NOT NULL,
        source      text NOT NULL,
        url         text,
        outlet      text,
        published   text,
        title       text NOT NULL,
        story_id    text,                      -- story of the current revision
        group_id    text,                      -- candidate group (src/store/placement.ts)
        added_at    timestamptz NOT NULL DEFAULT now(),
        changes     jsonb,                     -- what changed against previous_id
        article     jsonb NOT NULL,            -- the Article
        annotated   jsonb NOT NULL             -- the AnnotatedArticle minus the article
      );
      CREATE UNIQUE INDEX articles_one_current ON articles (lineage) WHERE is_current;
      CREATE UNIQUE INDEX articles_lineage_revision ON articles (lineage, revision);
      CREATE INDEX articles_story ON articles (story_id) WHERE is_current;
      CREATE INDEX articles_group ON articles (group_id) WHERE is_current;

      -- Signature keys of current articles: who could share a story with a new one.
      CREATE TABLE article_keys (
        article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        key        text NOT NULL,
        PRIMARY KEY (key, article_id)
      );
      CREATE INDEX article_keys_article ON article_keys (article_id);

      CREATE TABLE stories (
        id            text PRIMARY KEY,
        title         text NOT NULL,
        article_count integer NOT NULL,
        outlets       jsonb NOT NULL,
        first_seen    text NOT NULL,
        last_seen     text NOT NULL,
        conflicts     integer NOT NULL,
        finding_counts jsonb NOT NULL,
        dossier       jsonb NOT NULL,
        evidence      jsonb NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      );

      -- A story id is the hash of its article set, so it changes as the story
      -- grows; old ids keep resolving to the story that absorbed them.
      CREATE TABLE story_aliases (
        old_id text PRIMARY KEY,
        new_id text NOT NULL
      );

      CREATE TABLE findings (
        story_id text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        id       text NOT NULL,
        kind     text NOT NULL,
        summary  text NOT NULL,
        finding  jsonb NOT NULL,
        PRIMARY KEY (story_id, id)
      );
      CREATE INDEX findings_kind ON findings (kind);

      CREATE TABLE entities (
        story_id text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        id       text NOT NULL,
        type     text NOT NULL,
        name     text NOT NULL,
        entity   jsonb NOT NULL,
        PRIMARY KEY (story_id, id)
      );
      CREATE INDEX entities_name ON entities (lower(name));
    `,
  },
  {
    version: 2,
    description: 'findings and entities index the dossier instead of copying it',
    // Every add rewrites the dossiers of the stories it changes; a second and
    // third copy of each finding and entity doubled that write and the store's
    // size. The full records stay in stories.dossier.
    sql: `
      ALTER TABLE findings DROP COLUMN finding;
      ALTER TABLE entities DROP COLUMN entity;
    `,
  },
  {
    version: 3,
    description: 'stories whose dossier waits for the end of a batch',
    // A batch add (a directory, a feed) places each article in its own
    // transaction but rebuilds each changed story's dossier once, at the end;
    // until then the story row is marked stale, and a reader rebuilds it
    // first. A batch cut off by a crash leaves stale rows, never wrong ones.
    sql: `
      ALTER TABLE stories ADD COLUMN stale boolean NOT NULL DEFAULT false;
      CREATE INDEX stories_stale ON stories (id) WHERE stale;
    `,
  },
  {
    version: 4,
    description: 'story features stored with each article',
    // A new process re-clustering a large candidate group would otherwise
    // compute them again for every member (articles stored before keep NULL
    // and are read the old way).
    sql: `ALTER TABLE articles ADD COLUMN story_features jsonb;`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const META_TABLE = `CREATE TABLE IF NOT EXISTS crosscheck_meta (key text PRIMARY KEY, value text NOT NULL)`;

async function tableNames(db: Db): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
  );
  return rows.map((r) => r.table_name);
}

/** Brings the store to the latest schema; refuses foreign and newer stores. */
export async function migrate(db: Db): Promise<number> {
  const tables = await tableNames(db);
  if (tables.length > 0 && !tables.includes('crosscheck_meta')) {
    throw new StoreError(
      `${db.location}: holds tables that are not crosscheck's (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}); refusing to write into it — use an empty database or another schema`,
      'store-foreign',
    );
  }
  return db.transaction(async (tx) => {
    await tx.query(META_TABLE);
    const app = await tx.query<{ value: string }>(
      `SELECT value FROM crosscheck_meta WHERE key = 'app'`,
    );
    if (app.length === 0) {
      if ((await tx.query(`SELECT 1 FROM crosscheck_meta LIMIT 1`)).length > 0) {
        throw new StoreError(
          `${db.location}: crosscheck_meta has no app record; the store looks corrupt`,
          'store-corrupt',
        );
      }
      await tx.query(
        `INSERT INTO crosscheck_meta (key, value) VALUES ('app', 'crosscheck'), ('schema_version', '0')`,
      );
    } else if (app[0]!.value !== 'crosscheck') {
      throw new StoreError(
        `${db.location}: crosscheck_meta belongs to ${app[0]!.value}`,
        'store-foreign',
      );
    }
    const versionRow = await tx.query<{ value: string }>(
      `SELECT value FROM crosscheck_meta WHERE key = 'schema_version'`,
    );
    const version = Number(versionRow[0]?.value);
    if (!Number.isInteger(version)) {
      throw new StoreError(
        `${db.location}: schema_version is missing or unreadable; the store looks corrupt`,
        'store-corrupt',
      );
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new StoreError(
        `${db.location}: this store has schema version ${version}, written by a newer crosscheck; this crosscheck knows up to version ${LATEST_SCHEMA_VERSION}. Upgrade crosscheck to open it (the store was not changed).`,
        'store-too-new',
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= version) continue;
      await tx.exec(migration.sql);
      await tx.query(`UPDATE crosscheck_meta SET value = $1 WHERE key = 'schema_version'`, [
        String(migration.version),
      ]);
    }
    return LATEST_SCHEMA_VERSION;
  });
}
