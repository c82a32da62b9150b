/** Metadata values given by users or found in inputs, checked and normalised. */
import type { ArticleMetadata, Diagnostic } from '../core/index.ts';
import { diagnostic } from '../core/index.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time for a published value, or undefined. Values in
 * another format that `Date` understands unambiguously (RFC 2822 dates of feeds
 * and meta tags) are converted.
 */
export function normalizePublished(value: string): string | undefined {
  const trimmed = value.trim();
  if (ISO_DATE.test(trimmed)) return trimmed;
  if (!/\d{4}/.test(trimmed)) return undefined;
  const parsed = new Date(trimmed);
  if (Number.isNaN(parsed.getTime())) return undefined;
  if (!trimmed.includes(':')) {
    // A date without a time is a calendar day in the writer's zone, not an instant.
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
  }
  return parsed
    .toISOString()
    .replace(/T00:00:00\.000Z$/, '')
    .replace(/\.000Z$/, 'Z');
}

/**
 * Merges metadata layers, later layers winning field by field, and records
 * where each field came from. Invalid published dates are dropped with a diagnostic.
 */
export function mergeMetadata(
  layers: { meta: ArticleMetadata | undefined; origin: string }[],
  source: string,
  diagnostics: Diagnostic[],
): ArticleMetadata {
  const merged: ArticleMetadata = { origin: {} };
  for (const { meta, origin } of layers) {
    if (!meta) continue;
    for (const field of ['outlet', 'byline', 'published', 'url'] as const) {
      let value = meta[field]?.trim();
      if (!value) continue;
      if (field === 'published') {
        const iso = normalizePublished(value);
        if (!iso) {
          diagnostics.push(
            diagnostic(
              'ingest',
              'published-invalid',
              `published date "${value}" (${origin}) is not a date; ignored`,
              {
                severity: 'warning',
                source,
              },
            ),
          );
          continue;
        }
        value = iso;
      }
      merged[field] = value;
      merged.origin = { ...merged.origin, [field]: meta.origin?.[field] ?? origin };
    }
    if (meta.extra) merged.extra = { ...merged.extra, ...meta.extra };
  }
  return merged;
}
