/**
 * Where analyses run. The server keeps its event loop for I/O (so /api/health
 * answers while every core is busy) and hands the CPU-bound work to a piscina
 * pool of worker threads sized to the cores. Aborting a task (timeout)
 * terminates only that worker; piscina starts a fresh one.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { analyzeReport, type AnalyzeOptions } from '../analyze.ts';
import type { Report } from '../core/index.ts';
import type { IngestInput } from '../ingest/index.ts';

export interface Analyzer {
  /**
   * The report as JSON text. Serialising in the worker keeps the (large)
   * stringify off the event loop; the server sends the text as it is.
   */
  analyze(inputs: IngestInput[], signal: AbortSignal, options?: AnalyzeOptions): Promise<string>;
  stats(): { threads: number; running: number; queued: number };
  close(): Promise<void>;
}

/** Thrown when the pool's queue is full: the server answers 503 `busy`. */
export class BusyError extends Error {}

export interface PoolOptions {
  /** Worker threads (default: the number of cores). */
  threads?: number;
  /** Tasks waiting beyond the running ones before requests are refused (default 64). */
  maxQueue?: number;
}

/** Node flags minus any that load tsx (`--import tsx`, `--import=tsx`, `--loader tsx`). */
function withoutTsx(argv: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((arg === '--import' || arg === '--loader') && argv[i + 1]?.includes('tsx')) {
      i++;
      continue;
    }
    if (/^--(import|loader)=.*tsx/.test(arg)) continue;
    kept.push(arg);
  }
  return kept;
}

export function createPoolAnalyzer(options: PoolOptions = {}): Analyzer {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const maxQueue = options.maxQueue ?? 64;
  const self = import.meta.url;
  const fromSource = self.endsWith('.ts');
  const filename = new URL(fromSource ? './worker.ts' : './worker.js', self).href;
  const pool = new Piscina({
    filename,
    minThreads: threads,
    maxThreads: threads,
    maxQueue,
    idleTimeout: 60_000,
    // From a checkout the worker is TypeScript: load tsx in the worker too,
    // whether the process got it by --import or by tsx's register() API.
    execArgv: fromSource
      ? [...withoutTsx(process.execArgv), '--import', import.meta.resolve('tsx')]
      : process.execArgv,
  });
  let inFlight = 0;
  return {
    async analyze(inputs, signal, options) {
      if (pool.queueSize >= maxQueue)
        throw new BusyError(`analysis queue is full (${maxQueue} waiting)`);
      inFlight++;
      try {
        return (await pool.run({ inputs, options }, { signal })) as string;
      } finally {
        inFlight--;
      }
    },
    stats: () => ({ threads, running: Math.min(inFlight, threads), queued: pool.queueSize }),
    close: () => pool.destroy(),
  };
}

/** Runs analyses in the calling thread: for tests and tiny tools, not for serving. */
export function createInlineAnalyzer(
  run: (inputs: IngestInput[], options?: AnalyzeOptions) => Promise<Report> = (inputs, options) =>
    analyzeReport(inputs, options),
): Analyzer {
  let running = 0;
  return {
    async analyze(inputs, signal, options) {
      signal.throwIfAborted();
      running++;
      try {
        return await new Promise<string>((resolve, reject) => {
          const onAbort = (): void =>
            reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
          signal.addEventListener('abort', onAbort, { once: true });
          run(inputs, options)
            .then((report) => resolve(JSON.stringify(report)), reject)
            .finally(() => signal.removeEventListener('abort', onAbort));
        });
      } finally {
        running--;
      }
    },
    stats: () => ({ threads: 0, running, queued: 0 }),
    close: () => Promise.resolve(),
  };
}
