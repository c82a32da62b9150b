/**
 * `crosscheck serve [--port 8080] [--host 127.0.0.1]`: the HTTP API and the web app.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { startServer } from '../../server/index.ts';
import { addStoreOptions, openStoreFromFlags, type StoreFlags } from './add.ts';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export function register(program: Command): void {
  const command = program
    .command('serve')
    .description(
      'serve the HTTP API and the web app (loopback unless --host; an exposed server needs CROSSCHECK_TOKEN)',
    )
    .option('--port <port>', 'port to listen on (0 picks a free one)', port, 8080)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--threads <n>', 'analysis worker threads (default: one per core)', positive)
    .option('--timeout <ms>', 'longest analysis before a request fails with `timeout`', positive);
  // The story routes use the corpus store, opened on their first use.
  addStoreOptions(command).action(
    async (
      opts: { port: number; host: string; threads?: number; timeout?: number } & StoreFlags,
    ) => {
      const server = await startServer({
        port: opts.port,
        host: opts.host,
        token: process.env.CROSSCHECK_TOKEN || undefined,
        threads: opts.threads,
        limits: opts.timeout ? { timeoutMs: opts.timeout } : {},
        store: () => openStoreFromFlags(opts),
      });
      console.log(`crosscheck serve: listening on ${server.url}`);
      const stop = (): void => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
  );
}
