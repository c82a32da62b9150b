/**
 * Load on `crosscheck serve`: concurrent POST /api/analyze with the seed pair
 * (read from ../shared/seeds now, never stored) for a bounded time, from this
 * process (autocannon) against a server in a child process on loopback. A
 * third process polls GET /api/health every 100 ms during the run, to show
 * the event loop stays free while every worker thread is busy. Reports
 * requests/s, latency p50/p99, errors, the server's peak RSS (VmHWM, worker
 * threads included) and health latency idle and saturated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT, SEEDS, fmt, table } from '../shared.ts';

const DURATION_S = 20;
const CONNECTIONS = 4;

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error('bench server-load: server did not start within 60 s')),
      60_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`bench server-load: server exited (${String(code)})`)),
    );
  });
}

/** Polls /api/health from its own process; prints the latencies (ms) as JSON when done. */
function healthProbe(url: string, seconds: number): Promise<number[]> {
  const script = `
    const end = Date.now() + ${seconds * 1000};
    const times = [];
    while (Date.now() < end) {
      const t = performance.now();
      try { const r = await fetch(${JSON.stringify(`${url}/api/health`)}); await r.text(); times.push(performance.now() - t); }
      catch { times.push(-1); }
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(JSON.stringify(times));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', () => resolve(JSON.parse(out || '[]') as number[]));
  });
}

function percentile(values: number[], p: number): number {
  const sorted = values.filter((v) => v >= 0).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function peakRssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export async function bench(): Promise<{ title: string; markdown: string }> {
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  const body = JSON.stringify({ articles: seeds.map((text) => ({ text })) });
  const { child, url } = await startServer();
  try {
    const warm = await fetch(`${url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (!warm.ok)
      throw new Error(
        `bench server-load: warm-up request failed: ${warm.status} ${await warm.text()}`,
      );
    await warm.text();

    const idle = await healthProbe(url, 3);
    const probe = healthProbe(url, DURATION_S);
    const result = await autocannon({
      url: `${url}/api/analyze`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 60,
    });
    const busy = await probe;
    // The machine is shared: the load average says how much of the CPU the run had.
    const load = loadavg()[0] ?? NaN;
    const peak = peakRssMB(child.pid!);
    const completed = result.requests.total;
    const markdown = [
      `Server: \`crosscheck serve\` in a child process (piscina, one worker thread per core: ${((await (await fetch(`${url}/api/health`)).json()) as { workers: { threads: number } }).workers.threads}); client: autocannon in the bench process, ${CONNECTIONS} connections for ${DURATION_S} s on loopback; body: the two seed articles (${fmt(body.length / 1024, 1)} KB).`,
      '',
      `Load average (1 min) at the end of the run: ${fmt(load, 2)} (the machine is shared; idle and saturated health latency are measured in the same conditions).`,
      '',
      table(
        [
          'requests/s',
          'completed',
          'latency p50 ms',
          'latency p99 ms',
          'errors',
          'non-2xx',
          'timeouts',
          'server peak RSS MB',
        ],
        [
          [
            fmt(result.requests.average, 2),
            String(completed),
            String(result.latency.p50),
            String(result.latency.p99),
            String(result.errors),
            String(result.non2xx),
            String(result.timeouts),
            fmt(peak, 0),
          ],
        ],
      ),
      '',
      table(
        ['GET /api/health', 'samples', 'p50 ms', 'p99 ms', 'max ms', 'failed'],
        [
          [
            'idle',
            String(idle.length),
            fmt(percentile(idle, 50), 1),
            fmt(percentile(idle, 99), 1),
            fmt(Math.max(...idle), 1),
            String(idle.filter((v) => v < 0).length),
          ],
          [
            'saturated (during the load)',
            String(busy.length),
            fmt(percentile(busy, 50), 1),
            fmt(percentile(busy, 99), 1),
            fmt(Math.max(...busy), 1),
            String(busy.filter((v) => v < 0).length),
          ],
        ],
      ),
    ].join('\n');
    return { title: 'HTTP server under load (POST /api/analyze, seed pair)', markdown };
  } finally {
    child.kill('SIGTERM');
  }
}
