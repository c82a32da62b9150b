/**
 * `crosscheck worker --db URL`: take `add` and `recompute` jobs from the
 * pg-boss queue on the shared PostgreSQL and run them against the store there.
 * Run as many as the database can serve, on as many machines; stop with
 * SIGINT/SIGTERM (jobs in hand finish first).
 */
import type { Command } from 'commander';
import { openQueue } from '../../store/queue.ts';
import { addStoreOptions, withStore, type StoreFlags } from './add.ts';

export function register(program: Command): void {
  const command = program
    .command('worker')
    .description(
      'process queued add/recompute jobs from a shared PostgreSQL store (see add --queue)',
    )
    .option('--concurrency <n>', 'jobs at once in this process (default 1)', (v) =>
      Number.parseInt(v, 10),
    )
    .option('--exit-when-idle', 'stop once the queue is empty (batch runs, tests)');
  addStoreOptions(command).action(
    async (flags: StoreFlags & { concurrency?: number; exitWhenIdle?: boolean }) => {
      const url = flags.db ?? process.env.DATABASE_URL;
      if (!url) {
        process.stderr.write(
          'crosscheck: worker needs a PostgreSQL store (--db or DATABASE_URL)\n',
        );
        process.exitCode = 2;
        return;
      }
      await withStore({ ...flags, db: url }, async (store) => {
        const queue = await openQueue(url, flags.schema);
        let done = 0;
        await queue.work(store, {
          concurrency: flags.concurrency ?? 1,
          onResult: (result) => {
            done++;
            process.stdout.write(
              `${result.outcome.padEnd(9)} ${result.source}${result.storyId ? `  story ${result.storyId}` : ''}\n`,
            );
          },
        });
        process.stderr.write(
          `crosscheck: worker ${process.pid} taking jobs from ${(await store.info()).location}\n`,
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
          if (flags.exitWhenIdle) {
            // Idle = nothing queued for two polls in a row (jobs in hand count as not idle).
            let idle = 0;
            let last = -1;
            const timer = setInterval(() => {
              void queue.pending().then((n) => {
                idle = n === 0 && done === last ? idle + 1 : 0;
                last = done;
                if (idle >= 3) {
                  clearInterval(timer);
                  resolve();
                }
              });
            }, 1000);
          }
        });
        await queue.stop();
        process.stderr.write(`crosscheck: worker ${process.pid} stored ${done} article(s)\n`);
      });
    },
  );
}
