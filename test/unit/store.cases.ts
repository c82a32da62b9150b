/**
 * The store conformance suite: every adapter (PGlite, PostgreSQL) must pass
 * these cases. store.test.ts runs them once per adapter. Texts are fictional.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, ArticleMetadata, ArticleSummary } from '../../src/core/index.ts';
import { stableId } from '../../src/core/index.ts';
import { annotate } from '../../src/annotate/index.ts';
import { clusterStories } from '../../src/cluster/index.ts';
import type { Db } from '../../src/store/db.ts';
import { LATEST_SCHEMA_VERSION } from '../../src/store/schema.ts';
import { StoreError, type Store } from '../../src/store/index.ts';

export interface StoreAdapter {
  name: string;
  /** Opens the adapter's store (the same one each call, until `reset`). */
  open(): Promise<Store>;
  /** Raw access to the same database (store closed meanwhile), for tampering. */
  raw(): Promise<Db>;
  /** Wipes the store so the next `open` starts empty. */
  reset(): Promise<void>;
  /** Puts something that is not a crosscheck store where the next `open` looks. */
  makeForeign(): Promise<void>;
  /** Whether two stores may be open on it at once (PostgreSQL: yes, PGlite: refused). */
  concurrentWriters: boolean;
}

/** Fictional article as the ingest stage would give it. */
export function fictionalArticle(
  source: string,
  text: string,
  meta: ArticleMetadata = {},
): Article {
  const title = text.split('\n')[0] ?? '';
  return {
    id: stableId(text),
    source,
    format: 'text',
    title,
    text,
    blocks: [
      { kind: 'title', span: [0, title.length] },
      { kind: 'body', span: [title.length + 1, text.length] },
    ],
    language: 'en',
    meta,
    diagnostics: [],
  };
}

const FLOOD_1 = fictionalArticle(
  'daily/flood.txt',
  'Floods hit Marrowby\nThe river Tolley burst its banks in Marrowby on Tuesday, the Marrowby council said. Forty homes were flooded and 120 people were moved to the Marrowby school hall.',
  { outlet: 'Marrowby Daily', published: '2031-04-08' },
);
const FLOOD_2 = fictionalArticle(
  'herald/tolley.txt',
  'Tolley floods Marrowby homes\nFirefighters in Marrowby rescued 12 people after the river Tolley rose overnight. Mayor Ines Calloway said about 150 people had left their homes.',
  { outlet: 'Tolley Herald', published: '2031-04-09', url: 'https://herald.example/tolley-floods' },
);
const FIRE_1 = fictionalArticle(
  'gazette/mill.txt',
  'Fire destroys Quenby mill\nA fire destroyed the old Harcastle mill in Quenby on Sunday night. Quenby fire chief Olu Rasmussen said nobody was hurt.',
  { outlet: 'Quenby Gazette', published: '2031-05-02' },
);
const FLOOD_1_REVISED = fictionalArticle(
  'daily/flood.txt',
  'Floods hit Marrowby\nThe river Tolley burst its banks in Marrowby on Tuesday, the Marrowby council said. Sixty homes were flooded and 120 people were moved to the Marrowby school hall.',
  { outlet: 'Marrowby Daily', published: '2031-04-08' },
);

/** The fixtures above, for other store tests. */
export const FICTIONAL_ARTICLES = [FLOOD_1, FLOOD_2, FIRE_1, FLOOD_1_REVISED];

export function runStoreConformance(adapter: StoreAdapter): void {
  const withStore = async (work: (store: Store) => Promise<void>) => {
    const store = await adapter.open();
    try {
      await work(store);
    } finally {
      await store.close();
    }
  };

  test(`${adapter.name}: a new article is added and opens a story`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      const result = await store.addArticle(FLOOD_1);
      assert.equal(result.outcome, 'added');
      assert.equal(result.articleId, FLOOD_1.id);
      assert.ok(result.storyId);
      assert.deepEqual(result.recomputed, [result.storyId]);
      const stories = await store.listStories();
      assert.equal(stories.length, 1);
      assert.equal(stories[0]!.articles, 1);
      assert.deepEqual(stories[0]!.outlets, ['Marrowby Daily']);
      assert.equal(stories[0]!.firstSeen.slice(0, 10), '2031-04-08');
      const dossier = await store.getStory(result.storyId);
      assert.deepEqual(
        dossier?.articles.map((a) => a.id),
        [FLOOD_1.id],
      );
    });
  });

  test(`${adapter.name}: the same text twice is stored once, under any source`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      assert.equal((await store.addArticle(FLOOD_1)).outcome, 'added');
      const again = await store.addArticle(FLOOD_1);
      assert.equal(again.outcome, 'unchanged');
      assert.deepEqual(again.recomputed, []);
      const copy = await store.addArticle({ ...FLOOD_1, source: 'elsewhere/copy.txt' });
      assert.equal(copy.outcome, 'unchanged');
      const info = await store.info();
      assert.equal(info.articles, 1);
      assert.equal(info.stories, 1);
    });
  });

  test(`${adapter.name}: the store's stories equal batch clustering of the same articles`, async () => {
    await adapter.reset();
    const articles = [FIRE_1, FLOOD_2, FLOOD_1];
    await withStore(async (store) => {
      for (const article of articles) await store.addArticle(article);
      const batch = clusterStories(articles.map((a) => annotate(a)));
      const stored = await store.listStories();
      assert.deepEqual(stored.map((s) => s.id).sort(), batch.map((s) => s.id).sort());
      for (const story of batch) {
        const dossier = await store.getStory(story.id);
        assert.deepEqual(
          dossier?.articles.map((a) => a.id).sort(),
          story.articles.map((a) => a.article.id).sort(),
        );
      }
    });
  });

  test(`${adapter.name}: deferred dossiers equal immediate ones once flushed or read`, async () => {
    const articles = [FLOOD_1, FIRE_1, FLOOD_2];
    await adapter.reset();
    const immediate = new Map<string, unknown>();
    await withStore(async (store) => {
      for (const article of articles) await store.addArticle(article);
      for (const story of await store.listStories())
        immediate.set(story.id, await store.getStory(story.id));
    });
    await adapter.reset();
    await withStore(async (store) => {
      const results = [];
      for (const article of articles)
        results.push(await store.addArticle(article, { deferDossier: true }));
      const floodStory = results[2]!.storyId!;
      // Reading a stale story rebuilds it first.
      assert.deepEqual(await store.getStory(floodStory), immediate.get(floodStory));
      const rebuilt = await store.flushDossiers();
      assert.ok(!rebuilt.includes(floodStory), 'a story rebuilt on read is not rebuilt again');
      assert.deepEqual(rebuilt, [results[1]!.storyId!], 'the fire story was still waiting');
      assert.deepEqual(await store.flushDossiers(), [], 'nothing left to rebuild');
      const stories = await store.listStories();
      assert.deepEqual(stories.map((s) => s.id).sort(), [...immediate.keys()].sort());
      for (const story of stories)
        assert.deepEqual(await store.getStory(story.id), immediate.get(story.id), story.id);
    });
  });

  test(`${adapter.name}: a batch's stale dossiers survive reopening and are rebuilt then`, async () => {
    await adapter.reset();
    let storyId: string | undefined;
    await withStore(async (store) => {
      storyId = (await store.addArticle(FIRE_1, { deferDossier: true })).storyId;
    });
    const raw = await adapter.raw();
    try {
      const rows = await raw.query<{ stale: boolean }>(`SELECT stale FROM stories`);
      assert.deepEqual(
        rows.map((r) => r.stale),
        [true],
      );
    } finally {
      await raw.close();
    }
    await withStore(async (store) => {
      const summaries = await store.listStories();
      assert.equal(summaries[0]?.id, storyId);
      assert.deepEqual(
        (await store.getStory(storyId!))?.articles.map((a) => a.id),
        [FIRE_1.id],
      );
    });
  });

  test(`${adapter.name}: an article stored without story features gets them written back when read`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      await store.addArticle(FLOOD_1);
      await store.addArticle(FIRE_1);
    });
    // As a store written before schema v4 holds them.
    const raw = await adapter.raw();
    try {
      await raw.query(`UPDATE articles SET story_features = NULL`);
    } finally {
      await raw.close();
    }
    await withStore(async (store) => {
      await store.addArticle(FLOOD_2);
      const batch = clusterStories([FLOOD_1, FIRE_1, FLOOD_2].map((a) => annotate(a)));
      const stored = await store.listStories();
      assert.deepEqual(stored.map((s) => s.id).sort(), batch.map((s) => s.id).sort());
    });
    const check = await adapter.raw();
    try {
      const rows = await check.query<{ id: string; has: boolean }>(
        `SELECT id, story_features IS NOT NULL AS has FROM articles WHERE id = ANY($1::text[])`,
        [[FLOOD_1.id, FLOOD_2.id]],
      );
      assert.deepEqual(
        rows.map((r) => r.has),
        [true, true],
        'the neighbour read on the way has its features stored now',
      );
    } finally {
      await check.close();
    }
  });

  test(`${adapter.name}: changed text at the same source is a revision, with what changed`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      await store.addArticle(FLOOD_1);
      const revised = await store.addArticle(FLOOD_1_REVISED);
      assert.equal(revised.outcome, 'revised');
      assert.equal(revised.revises, FLOOD_1.id);
      const revisions = await store.revisions('daily/flood.txt');
      assert.deepEqual(
        revisions.map((r) => [r.number, r.articleId, r.current]),
        [
          [1, FLOOD_1.id, false],
          [2, FLOOD_1_REVISED.id, true],
        ],
      );
      assert.deepEqual(revisions[1]!.changes, [
        {
          kind: 'removed',
          text: 'Forty homes were flooded and 120 people were moved to the Marrowby school hall.',
        },
        {
          kind: 'added',
          text: 'Sixty homes were flooded and 120 people were moved to the Marrowby school hall.',
        },
      ]);
      // Looking up by either revision's id finds the same lineage.
      assert.equal((await store.revisions(FLOOD_1.id)).length, 2);
      const dossier = await store.getStory(revised.storyId!);
      assert.deepEqual(
        dossier?.articles.map((a) => [a.id, a.replacedBy]),
        [
          [FLOOD_1_REVISED.id, undefined],
          [FLOOD_1.id, FLOOD_1_REVISED.id],
        ],
        'the revision replaces the old version in its story; the old text stays, marked replaced',
      );
      const update = dossier?.findings.find(
        (f) => f.kind === 'update' && f.evidence.some((e) => e.includes('revision 2')),
      );
      assert.ok(update, 'the revision shows as an update finding');
      assert.deepEqual(
        update.claims.map((c) => [c.articleId, c.text.slice(0, 5)]),
        [
          [FLOOD_1.id, 'Forty'],
          [FLOOD_1_REVISED.id, 'Sixty'],
        ],
      );
      for (const claim of update.claims) {
        const cited: ArticleSummary | undefined = dossier?.articles.find(
          (a) => a.id === claim.articleId,
        );
        assert.ok(cited, `the dossier holds the text of ${claim.articleId}`);
        assert.equal(cited.text.slice(...claim.span), claim.text, 'spans point into each version');
      }
      assert.equal(await store.storyOf(FLOOD_1.id), revised.storyId);
    });
  });

  test(`${adapter.name}: the same URL under another source is a revision too`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      await store.addArticle(FLOOD_2);
      const moved = fictionalArticle(
        'mirror/other-name.html',
        FLOOD_2.text.replace('12 people', '14 people'),
        FLOOD_2.meta,
      );
      const result = await store.addArticle(moved);
      assert.equal(result.outcome, 'revised');
      const revisions = await store.revisions('https://herald.example/tolley-floods');
      assert.equal(revisions.length, 2);
      assert.equal((await store.info()).articles, 2);
    });
  });

  test(`${adapter.name}: unknown stories and articles are absent, not errors`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      await store.addArticle(FIRE_1);
      assert.equal(await store.getStory('0000000000000000'), undefined);
      assert.equal(await store.getStory('no-such-story'), undefined);
      assert.deepEqual(await store.revisions('never/seen.txt'), []);
      assert.equal(await store.getArticle('ffffffffffffffff'), undefined);
      assert.equal(await store.storyOf('ffffffffffffffff'), undefined);
    });
  });

  test(`${adapter.name}: a story id prefix and an outgrown story id still find the story`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      const first = await store.addArticle(FLOOD_1);
      const oldId = first.storyId!;
      assert.ok(await store.getStory(oldId.slice(0, 8)));
      const second = await store.addArticle(FLOOD_2);
      if (second.storyId !== oldId) {
        const dossier = await store.getStory(oldId);
        assert.equal(
          dossier?.id,
          (await store.storyOf(FLOOD_1.id)) ?? '',
          'an old id resolves to the story that absorbed it',
        );
      }
    });
  });

  test(`${adapter.name}: what was stored is there after reopening`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      await store.addArticles([FLOOD_1, FIRE_1]);
    });
    await withStore(async (store) => {
      const info = await store.info();
      assert.equal(info.articles, 2);
      assert.equal(info.schemaVersion, LATEST_SCHEMA_VERSION);
      assert.deepEqual(await store.getArticle(FIRE_1.id), FIRE_1);
      assert.equal((await store.addArticle(FIRE_1)).outcome, 'unchanged');
    });
  });

  test(`${adapter.name}: a store written by a newer crosscheck is refused and left alone`, async () => {
    await adapter.reset();
    await withStore(async (store) => {
      await store.addArticle(FIRE_1);
    });
    const raw = await adapter.raw();
    await raw.query(`UPDATE crosscheck_meta SET value = '99' WHERE key = 'schema_version'`);
    await raw.close();
    await assert.rejects(adapter.open(), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.equal(error.ruleId, 'store-too-new');
      assert.match(error.message, /schema version 99.*newer crosscheck/);
      return true;
    });
    const check = await adapter.raw();
    const rows = await check.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles`);
    await check.close();
    assert.equal(rows[0]!.n, 1, 'nothing was dropped or migrated');
  });

  test(`${adapter.name}: a foreign database or directory is reported, not overwritten`, async () => {
    await adapter.reset();
    await adapter.makeForeign();
    await assert.rejects(adapter.open(), (error: unknown) => {
      assert.ok(error instanceof StoreError);
      assert.equal(error.ruleId, 'store-foreign');
      return true;
    });
  });

  test(`${adapter.name}: two writers at once lose nothing and duplicate nothing (or the second is refused)`, async () => {
    await adapter.reset();
    const first = await adapter.open();
    try {
      if (!adapter.concurrentWriters) {
        await assert.rejects(adapter.open(), (error: unknown) => {
          assert.ok(error instanceof StoreError);
          assert.equal(error.ruleId, 'store-locked');
          return true;
        });
        return;
      }
      const second = await adapter.open();
      try {
        const all = [FLOOD_1, FLOOD_2, FIRE_1];
        const [a, b] = await Promise.all([
          first.addArticles(all),
          second.addArticles([...all].reverse()),
        ]);
        const outcomes = [...a, ...b].map((r) => r.outcome).sort();
        assert.deepEqual(outcomes, [
          'added',
          'added',
          'added',
          'unchanged',
          'unchanged',
          'unchanged',
        ]);
        assert.equal((await first.info()).articles, 3);
        const batch = clusterStories(all.map((x) => annotate(x)));
        assert.deepEqual(
          (await first.listStories()).map((s) => s.id).sort(),
          batch.map((s) => s.id).sort(),
        );
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
}
