/**
 * Request and response schemas of the HTTP API. The same zod schemas validate
 * requests and generate /api/openapi.json, so the document cannot drift from
 * what the server accepts.
 */
import { z } from '@hono/zod-openapi';

export interface Limits {
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Most articles in one request. */
  maxArticles: number;
  /** Longest article text or HTML, in characters (files: bytes). */
  maxArticleChars: number;
  /** Time one analysis may take before the request fails with `timeout`. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 10 * 1024 * 1024,
  maxArticles: 50,
  maxArticleChars: 1_000_000,
  timeoutMs: 30_000,
};

const optionalText = (description: string, max = 2_000) =>
  z.string().max(max).optional().openapi({ description });

/** One article as the ingest record shape (`ArticleRecord`); no other field is accepted. */
export function articleRecordSchema(limits: Limits) {
  return z
    .strictObject({
      title: optionalText('Headline'),
      text: z
        .string()
        .max(limits.maxArticleChars)
        .optional()
        .openapi({ description: 'Plain text of the article' }),
      html: z
        .string()
        .max(limits.maxArticleChars)
        .optional()
        .openapi({ description: 'HTML of the article page (sanitised and extracted on ingest)' }),
      url: optionalText('Where the article was published'),
      outlet: optionalText('Publishing outlet'),
      byline: optionalText('Author line'),
      published: optionalText('Publication date, ISO 8601', 100),
      language: optionalText('ISO 639-1 code', 20),
    })
    .refine((r) => r.text !== undefined || r.html !== undefined, {
      message: 'an article needs `text` or `html`',
    })
    .openapi('ArticleRecord');
}

export function analyzeRequestSchema(limits: Limits) {
  return z
    .strictObject({
      articles: z.array(articleRecordSchema(limits)).min(1).max(limits.maxArticles),
    })
    .openapi('AnalyzeRequest');
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'too-many-articles' }),
      message: z.string(),
    }),
  })
  .openapi('Error');

/**
 * The report contract (src/core/types.ts, schema/dossier.schema.json). Only
 * its envelope is spelled out here; the stories follow the JSON Schema file.
 */
export const ReportSchema = z
  .looseObject({
    schemaVersion: z.string(),
    generator: z.object({ name: z.string(), version: z.string() }),
    stories: z.array(z.looseObject({ id: z.string(), title: z.string() })),
    diagnostics: z.array(z.looseObject({ ruleId: z.string(), message: z.string() })),
  })
  .openapi('Report', { description: 'See schema/dossier.schema.json for the full story shape.' });

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    tokenRequired: z.boolean(),
    workers: z.object({ threads: z.number(), running: z.number(), queued: z.number() }),
  })
  .openapi('Health');

export type ArticleRecordInput = z.infer<ReturnType<typeof articleRecordSchema>>;
