/**
 * Parsing of the metadata and size options shared by commands that read
 * articles: `--outlet NAME` / `--published DATE` for every input, and
 * `--outlet FILE=NAME` / `--published FILE=DATE` for one file (matched by path
 * or file name). Given metadata wins over what is found in the files.
 */
import { InvalidArgumentError } from 'commander';
import type { ArticleMetadata } from '../core/index.ts';
import { normalizePublished } from '../ingest/metadata.ts';

export type MetaField = 'outlet' | 'published' | 'byline' | 'url';

export interface GivenMetadata {
  meta: ArticleMetadata;
  fileMeta: Record<string, ArticleMetadata>;
}

/** A bad option value found after parsing; main() prints it and exits 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Splits `FILE=VALUE` from `VALUE`. The part before `=` is a file when it names
 * one of the inputs or looks like a file name (has an extension or a slash).
 */
function splitFileValue(raw: string): { file?: string; value: string } {
  const eq = raw.indexOf('=');
  if (eq <= 0) return { value: raw };
  const file = raw.slice(0, eq);
  if (/[\\/]|\.\w{1,6}$/.test(file)) return { file, value: raw.slice(eq + 1) };
  return { value: raw };
}

export function parseGivenMetadata(values: Partial<Record<MetaField, string[]>>): GivenMetadata {
  const given: GivenMetadata = { meta: {}, fileMeta: {} };
  for (const field of ['outlet', 'published', 'byline', 'url'] as const) {
    for (const raw of values[field] ?? []) {
      const { file, value } = splitFileValue(raw);
      let clean = value.trim();
      if (clean === '') throw new CliUsageError(`--${field} "${raw}": the value is empty`);
      if (field === 'published') {
        const iso = normalizePublished(clean);
        if (!iso) {
          throw new CliUsageError(
            `--published "${raw}": not a date (use ISO 8601, e.g. 2024-04-01 or 2024-04-01T09:30Z)`,
          );
        }
        clean = iso;
      }
      if (file) given.fileMeta[file] = { ...given.fileMeta[file], [field]: clean };
      else given.meta[field] = clean;
    }
  }
  return given;
}

/** "5MB", "500kB", "1.5 MB", "2000000" → bytes. */
export function parseSize(raw: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(raw);
  if (!match) throw new InvalidArgumentError(`"${raw}" is not a size (e.g. 5MB, 500kB, 100000)`);
  const units: Record<string, number> = {
    b: 1,
    k: 1024,
    kb: 1024,
    m: 2 ** 20,
    mb: 2 ** 20,
    g: 2 ** 30,
    gb: 2 ** 30,
  };
  const bytes = Number(match[1]) * (units[(match[2] ?? 'b').toLowerCase()] ?? 1);
  if (!Number.isFinite(bytes) || bytes <= 0)
    throw new InvalidArgumentError(`"${raw}" is not a positive size`);
  return Math.floor(bytes);
}
