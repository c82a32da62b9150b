/**
 * Scaling out: jobs on a shared PostgreSQL through pg-boss (a maintained job
 * queue with retries and SKIP LOCKED fetching). `add --queue` sends ingested
 * articles as `add` jobs; any number of `crosscheck worker` processes, on any
 * machines that reach the database, annotate and store them. The store's
 * advisory lock keeps placements one at a time, so workers never split or
 * duplicate a story; the costly annotation runs in parallel before the lock.
 */
import PgBoss from 'pg-boss';
import type { Article } from '../core/index.ts';
import type { AddResult, Store } from './types.ts';
import { StoreError } from './types.ts';
import { redactUrl } from './db.ts';

export const ADD_QUEUE = 'crosscheck-add';
export const RECOMPUTE_QUEUE = 'crosscheck-recompute';

export interface AddJob {
  article: Article;
}
export interface RecomputeJob {
  storyId: string;
}

export interface Queue {
  enqueueAdd(article: Article): Promise<string | null>;
  enqueueRecompute(storyId: string): Promise<string | null>;
  /** Jobs waiting (not yet taken) in both queues. */
  pending(): Promise<number>;
  /**
   * Takes jobs and runs them against `store` until `stop`. `onResult` sees
   * every stored article; a failing job is retried by pg-boss (3 times).
   */
  work(
    store: Store,
    options?: { concurrency?: number; onResult?: (result: AddResult) => void },
  ): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss keeps its tables in its own schema, next to the store's. */
export async function openQueue(url: string, schema = 'public'): Promise<Queue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: schema === 'public' ? 'pgboss' : `${schema}_pgboss`,
  });
  boss.on('error', (error: Error) => process.stderr.write(`crosscheck: queue: ${error.message}\n`));
  try {
    await boss.start();
    for (const name of [ADD_QUEUE, RECOMPUTE_QUEUE]) {
      if (!(await boss.getQueue(name)))
        await boss.createQueue(name, { name, retryLimit: 3, retryDelay: 5 });
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new StoreError(
      `${redactUrl(url)}: job queue unavailable (${error instanceof Error ? error.message : String(error)})`,
      'store-unreachable',
    );
  }
  return {
    enqueueAdd: (article) => boss.send(ADD_QUEUE, { article } satisfies AddJob),
    enqueueRecompute: (storyId) =>
      boss.send(RECOMPUTE_QUEUE, { storyId } satisfies RecomputeJob, { singletonKey: storyId }),
    async pending() {
      return (await boss.getQueueSize(ADD_QUEUE)) + (await boss.getQueueSize(RECOMPUTE_QUEUE));
    },
    async work(store, options = {}) {
      const concurrency = Math.max(1, options.concurrency ?? 1);
      for (let i = 0; i < concurrency; i++) {
        await boss.work<AddJob>(
          ADD_QUEUE,
          { pollingIntervalSeconds: 0.5, batchSize: 1 },
          async ([job]) => {
            if (!job) return;
            const result = await store.addArticle(job.data.article);
            options.onResult?.(result);
          },
        );
      }
      await boss.work<RecomputeJob>(
        RECOMPUTE_QUEUE,
        { pollingIntervalSeconds: 0.5, batchSize: 1 },
        async ([job]) => {
          if (job) await store.recomputeStory(job.data.storyId);
        },
      );
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}
