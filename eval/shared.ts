import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `../shared` beside the repository (seeds and datasets; never copied in). */
export const SHARED = process.env.CROSSCHECK_SHARED ?? resolve(ROOT, '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');
export const DATASETS = join(SHARED, 'datasets');

export function requireShared(): void {
  if (!existsSync(SEEDS) || !existsSync(DATASETS)) {
    throw new Error(`shared data not found at ${SHARED} (set CROSSCHECK_SHARED to its path)`);
  }
}

/** Formats a number for a results table. */
export function fmt(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** Markdown table from a header and rows. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Precision, recall and F1 from counts. */
export function prf(tp: number, fp: number, fn: number): { p: number; r: number; f1: number } {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}
