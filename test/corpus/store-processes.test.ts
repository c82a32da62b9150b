/**
 * The store under real processes: `add` killed mid-way leaves every article
 * fully stored or absent; two `add`s on one PostgreSQL store lose and
 * duplicate nothing; two `worker`s share a queue. Articles are fictional,
 * generated here from templates.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { postgresAnswers, TEST_DATABASE_URL } from '../postgres-server.ts';
import { openPglite, type Db } from '../../src/store/db.ts';
import { openStore } from '../../src/store/index.ts';

const BIN = resolve(import.meta.dirname, '../../bin/crosscheck.js');
const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-proc-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const TOWNS = [
  'Marrowby',
  'Quenby',
  'Harlowe',
  'Dunmere',
  'Ostrell',
  'Pellack',
  'Wendle',
  'Corrith',
];
const EVENTS = [
  (t: string, n: number) =>
    `Fire at ${t} depot\nA fire broke out at the ${t} bus depot on Friday, the ${t} fire service said. ${n} buses were destroyed and ${n + 3} firefighters attended.`,
  (t: string, n: number) =>
    `${t} council election\nVoters in ${t} elected ${n} new councillors on Thursday. Turnout in ${t} was ${30 + n} percent, the returning officer said.`,
  (t: string, n: number) =>
    `Bridge opens in ${t}\nThe new ${t} footbridge over the Sallow opened on Monday. It cost ${n} million crowns, the ${t} mayor said.`,
  (t: string, n: number) =>
    `${t} nurses strike\nNurses at ${t} General Hospital walked out on Wednesday over pay. ${n * 10} nurses joined the ${t} strike, their union said.`,
  (t: string, n: number) =>
    `Storm damage in ${t}\nA storm tore roofs off ${n * 4} houses in ${t} overnight. ${t} police closed ${n} roads.`,
];

function writeArticles(dir: string): number {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  TOWNS.forEach((town, ti) =>
    EVENTS.forEach((event, ei) => {
      writeFileSync(join(dir, `${town.toLowerCase()}-${ei}.txt`), event(town, ti + ei + 2) + '\n');
      count++;
    }),
  );
  return count;
}

const inputs = join(scratch, 'inputs');
const TOTAL = writeArticles(inputs);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
}

/** Runs the CLI; `killAfterLines` SIGKILLs it after that many output lines plus a random delay. */
function runCli(args: string[], killAfterLines?: number): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      lines.push(...parts);
      if (killAfterLines !== undefined && lines.length >= killAfterLines) {
        // Land somewhere inside the next article's work, not right at a boundary.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 400));
        killAfterLines = undefined;
      }
    });
    child.stderr.resume();
    child.on('exit', (code, signal) => done({ code, signal, lines }));
  });
}

/**
 * Every stored article is whole: current, in a story that lists it, indexed;
 * counts agree. A batch rebuilds dossiers at its end, so after a kill a story
 * may be marked stale (its dossier not yet rebuilt): then it must still exist
 * and count the article, and `staleStories` collects it.
 */
async function assertWhole(db: Db, staleStories?: Set<string>): Promise<number> {
  const articles = await db.query<{ id: string; story_id: string | null; group_id: string | null }>(
    `SELECT id, story_id, group_id FROM articles WHERE is_current`,
  );
  for (const a of articles) {
    assert.ok(a.story_id, `article ${a.id} has a story`);
    assert.ok(a.group_id, `article ${a.id} has a candidate group`);
    const story = await db.query<{ dossier: { articles: { id: string }[] }; stale: boolean }>(
      `SELECT dossier, stale FROM stories WHERE id = $1`,
      [a.story_id],
    );
    assert.ok(story[0], `story ${a.story_id} of article ${a.id} exists`);
    if (story[0].stale) {
      assert.ok(staleStories, `story ${a.story_id} was left stale by a run that completed`);
      staleStories.add(a.story_id);
      continue;
    }
    assert.ok(
      story[0].dossier.articles.some((x) => x.id === a.id),
      `story lists article ${a.id}`,
    );
  }
  const counts = await db.query<{ id: string; article_count: number; n: number }>(
    `SELECT s.id, s.article_count, (SELECT count(*)::int FROM articles a WHERE a.is_current AND a.story_id = s.id) AS n FROM stories s`,
  );
  for (const c of counts) assert.equal(c.article_count, c.n, `story ${c.id} counts its articles`);
  const orphans = await db.query(
    `SELECT article_id FROM article_keys k LEFT JOIN articles a ON a.id = k.article_id WHERE a.id IS NULL`,
  );
  assert.equal(orphans.length, 0);
  return articles.length;
}

test('add killed at several points: each article fully stored or absent, and a rerun completes', async () => {
  const data = join(scratch, 'killed');
  let stored = 0;
  for (const killAfter of [1, 6, 14]) {
    const run = await runCli(['add', inputs, '--data', data], killAfter);
    assert.equal(run.signal, 'SIGKILL', `the add was killed after ${killAfter} lines`);
    const reported = run.lines.filter((l) => /^(added|unchanged)\s/.test(l)).length;
    const stale = new Set<string>();
    const db = await openPglite(data);
    try {
      const now = await assertWhole(db, stale);
      assert.ok(now >= stored, 'nothing stored before was lost');
      assert.ok(now >= reported - 0, 'every article reported as added is there');
      stored = now;
    } finally {
      await db.close();
    }
    // A reader never sees a stale dossier: reading the story rebuilds it.
    const store = await openStore({ data });
    try {
      for (const id of stale) {
        const dossier = await store.getStory(id);
        assert.ok(dossier?.articles.length, `stale story ${id} rebuilt when read`);
      }
    } finally {
      await store.close();
    }
  }
  const final = await runCli(['add', inputs, '--data', data]);
  assert.equal(final.code, 0);
  const db = await openPglite(data);
  try {
    assert.equal(await assertWhole(db), TOTAL);
  } finally {
    await db.close();
  }
});

const url = TEST_DATABASE_URL;
const postgres = await postgresAnswers();
if (!postgres) console.log(`# PostgreSQL process tests skipped: no server answers at ${url}`);

async function dropSchemas(...schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

async function storeCounts(
  schema: string,
): Promise<{ articles: number; distinct: number; stale: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = await client.query<{ articles: number; distinct: number; stale: number }>(
    `SELECT count(*)::int AS articles, count(DISTINCT lineage)::int AS distinct,
            (SELECT count(*)::int FROM ${schema}.stories WHERE stale) AS stale
       FROM ${schema}.articles`,
  );
  await client.end();
  return rows.rows[0]!;
}

test(
  'two add processes on one PostgreSQL store at once lose nothing and duplicate nothing',
  { skip: !postgres },
  async () => {
    const schema = `crosscheck_two_${process.pid}`;
    try {
      const args = ['add', inputs, '--db', url, '--schema', schema];
      const [a, b] = await Promise.all([runCli(args), runCli(args)]);
      assert.equal(a.code, 0);
      assert.equal(b.code, 0);
      const outcomes = [...a.lines, ...b.lines].map((l) => l.split(/\s+/)[0]);
      assert.equal(outcomes.filter((o) => o === 'added').length, TOTAL);
      assert.equal(outcomes.filter((o) => o === 'unchanged').length, TOTAL);
      assert.deepEqual(await storeCounts(schema), { articles: TOTAL, distinct: TOTAL, stale: 0 });
    } finally {
      await dropSchemas(schema, `${schema}_pgboss`);
    }
  },
);

test(
  'two workers take queued articles from PostgreSQL and store each once',
  { skip: !postgres },
  async () => {
    const schema = `crosscheck_workers_${process.pid}`;
    try {
      const queued = await runCli(['add', inputs, '--queue', '--db', url, '--schema', schema]);
      assert.equal(queued.code, 0);
      assert.match(queued.lines.join('\n'), new RegExp(`queued ${TOTAL} articles`));
      const worker = ['worker', '--db', url, '--schema', schema, '--exit-when-idle'];
      const [w1, w2] = await Promise.all([runCli(worker), runCli(worker)]);
      assert.equal(w1.code, 0);
      assert.equal(w2.code, 0);
      const done = [...w1.lines, ...w2.lines].filter((l) => l.startsWith('added'));
      assert.equal(done.length, TOTAL, 'each queued article stored by exactly one worker');
      console.log(`# worker 1 stored ${w1.lines.length}, worker 2 stored ${w2.lines.length}`);
      assert.deepEqual(await storeCounts(schema), { articles: TOTAL, distinct: TOTAL, stale: 0 });
    } finally {
      await dropSchemas(schema, `${schema}_pgboss`);
    }
  },
);
