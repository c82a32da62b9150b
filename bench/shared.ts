/** Helpers for bench cases: timing, peak memory sampling, tables. */
export { table, fmt, SHARED, DATASETS, SEEDS, ROOT } from '../eval/shared.ts';

/** Samples RSS while `work` runs and reports the peak, with elapsed seconds. */
export async function measure<T>(
  work: () => Promise<T> | T,
): Promise<{ result: T; seconds: number; peakRssMB: number; heapUsedMB: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      result,
      seconds,
      peakRssMB: peak / 2 ** 20,
      heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}
