/**
 * The HTTP API and the web app's pages, as a Hono app (runs on @hono/node-server
 * in `crosscheck serve`, and in-process through `app.request()` in tests).
 *
 * Every failure a client can cause is a 4xx JSON `{error: {code, message}}`
 * naming the input and the reason; analysis runs in worker threads with a
 * deadline, so one bad or slow request never holds up another.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ZodError } from 'zod';
import type { AnalyzeOptions } from '../analyze.ts';
import type { ArticleMetadata, Report } from '../core/index.ts';
import type { IngestInput } from '../ingest/index.ts';
import { packageRoot, renderHtml, webAssets } from '../render/html.ts';
import { renderMarkdown } from '../render/markdown.ts';
import { ingest } from '../ingest/index.ts';
import type { Store } from '../store/index.ts';
import { GENERATOR, SCHEMA_VERSION } from '../version.ts';
import { BusyError, type Analyzer } from './analyzer.ts';
import {
  DEFAULT_LIMITS,
  ErrorSchema,
  HealthSchema,
  ReportSchema,
  analyzeRequestSchema,
  articleRecordSchema,
  type Limits,
} from './schemas.ts';

export interface AppOptions {
  analyzer: Analyzer;
  /**
   * The corpus store behind the story routes, opened on first use (so a
   * server that never lists stories creates no store). Absent: the story
   * routes answer 501.
   */
  store?: () => Promise<Store>;
  limits?: Partial<Limits>;
  /** When set, every POST must carry it (`Authorization: Bearer <token>`). */
  token?: string;
  /** The bundled example story (default: examples/articles with examples/manifest.json). */
  example?: () => ExampleJob;
  /** Renders the Markdown report (default: src/render/markdown.ts); `null` turns the route off. */
  renderMarkdown?: ((report: Report) => string | Promise<string>) | null;
}

export type ErrorStatus = 400 | 401 | 404 | 413 | 415 | 500 | 501 | 503;

/** A failure to report to the client as `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

/** An analysis the server itself sets up: the bundled example. */
export interface ExampleJob {
  inputs: IngestInput[];
  options?: AnalyzeOptions;
}

/**
 * The bundled example as `crosscheck example` runs it: the files of
 * examples/articles with the metadata examples/manifest.json gives them.
 * No example folder: no inputs (the route answers 404).
 */
export function defaultExample(): ExampleJob {
  const dir = path.join(packageRoot(), 'examples');
  const articles = path.join(dir, 'articles');
  if (!existsSync(articles)) return { inputs: [] };
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        articles?: Record<string, ArticleMetadata>;
      })
    : {};
  const fileMeta = Object.fromEntries(
    Object.entries(manifest.articles ?? {}).map(([file, meta]) => [
      path.join(articles, file),
      meta,
    ]),
  );
  const inputs = readdirSync(articles)
    .sort()
    .filter((name) => statSync(path.join(articles, name)).isFile())
    .map((name) => path.join(articles, name));
  return { inputs, options: { fileMeta } };
}

function zodToApiError(error: ZodError, where: string): ApiError {
  const issues = error.issues;
  const at = (p: PropertyKey[]): string =>
    (p.length ? `${where}.${p.map(String).join('.')}` : where).replace(/\.(\d+)/g, '[$1]');
  const unknown = issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && unknown.code === 'unrecognized_keys') {
    return new ApiError(
      400,
      'unknown-field',
      `${at(unknown.path)}: unknown field${unknown.keys.length > 1 ? 's' : ''} ${unknown.keys.map((k) => `\`${k}\``).join(', ')}`,
    );
  }
  for (const issue of issues) {
    const last = issue.path[issue.path.length - 1];
    if (issue.code === 'too_big' && issue.origin === 'array' && last === 'articles') {
      return new ApiError(
        413,
        'too-many-articles',
        `${at(issue.path)}: more than ${String(issue.maximum)} articles in one request`,
      );
    }
    if (
      issue.code === 'too_big' &&
      issue.origin === 'string' &&
      (last === 'text' || last === 'html')
    ) {
      return new ApiError(
        413,
        'article-too-large',
        `${at(issue.path)}: longer than ${String(issue.maximum)} characters`,
      );
    }
    if (issue.code === 'too_small' && issue.origin === 'array' && last === 'articles') {
      return new ApiError(400, 'no-articles', `${at(issue.path)}: at least one article is needed`);
    }
  }
  const first = issues[0];
  return new ApiError(
    400,
    'invalid-request',
    first ? `${at(first.path)}: ${first.message}` : `${where}: invalid`,
  );
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(
      400,
      'malformed-json',
      `${where}: malformed JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The request's article records, from a JSON body or a multipart upload. */
async function readArticles(c: Context, limits: Limits): Promise<IngestInput[]> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const body = parseJson(await c.req.text(), 'request body');
    const parsed = analyzeRequestSchema(limits).safeParse(body);
    if (!parsed.success) throw zodToApiError(parsed.error, 'body');
    return parsed.data.articles.map((record, i) => ({
      record: record,
      label: `articles[${i}]${record.title ? ` (${record.title.slice(0, 80)})` : ''}`,
    }));
  }
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch (error) {
      throw new ApiError(
        400,
        'malformed-multipart',
        `request body: unreadable multipart form (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const inputs: IngestInput[] = [];
    for (const [field, raw] of Object.entries(form)) {
      if (field !== 'file' && field !== 'article') {
        throw new ApiError(
          400,
          'unknown-field',
          `form field \`${field}\`: unknown (expected \`file\` or \`article\`)`,
        );
      }
      for (const [n, value] of (Array.isArray(raw) ? raw : [raw]).entries()) {
        if (typeof value === 'string') {
          if (field === 'file')
            throw new ApiError(400, 'invalid-request', 'form field `file`: expected a file upload');
          inputs.push(
            ...recordsFrom(parseJson(value, `form field article[${n}]`), `article[${n}]`, limits),
          );
        } else {
          inputs.push(...(await fileInputs(value, limits)));
        }
      }
    }
    if (inputs.length === 0)
      throw new ApiError(400, 'no-articles', 'request body: the form holds no `file` or `article`');
    if (inputs.length > limits.maxArticles) {
      throw new ApiError(
        413,
        'too-many-articles',
        `request body: ${inputs.length} articles, more than ${limits.maxArticles}`,
      );
    }
    return inputs;
  }
  throw new ApiError(
    415,
    'unsupported-media-type',
    `content-type \`${type || '(none)'}\`: send application/json or multipart/form-data`,
  );
}

function recordsFrom(value: unknown, where: string, limits: Limits): IngestInput[] {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && 'articles' in value && Array.isArray(value.articles)
      ? (value.articles as unknown[])
      : [value];
  const schema = articleRecordSchema(limits);
  return list.map((item, i) => {
    const label = list.length > 1 ? `${where}[${i}]` : where;
    const parsed = schema.safeParse(item);
    if (!parsed.success) throw zodToApiError(parsed.error, label);
    return { record: parsed.data, label };
  });
}

async function fileInputs(file: File, limits: Limits): Promise<IngestInput[]> {
  const name = file.name || 'upload';
  if (file.size > limits.maxArticleChars) {
    throw new ApiError(
      413,
      'article-too-large',
      `file \`${name}\`: ${file.size} bytes, more than ${limits.maxArticleChars}`,
    );
  }
  const ext = path.extname(name).toLowerCase();
  const mime = file.type.toLowerCase();
  const text = await file.text();
  if (ext === '.json' || mime === 'application/json')
    return recordsFrom(parseJson(text, `file \`${name}\``), name, limits);
  if (ext === '.jsonl' || mime === 'application/x-ndjson') {
    return text
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.trim() !== '')
      .flatMap(({ line, i }) =>
        recordsFrom(parseJson(line, `file \`${name}\` line ${i + 1}`), `${name}:${i + 1}`, limits),
      );
  }
  if (HTML_EXTENSIONS.has(ext) || mime === 'text/html')
    return [{ record: { html: text }, label: name }];
  if (TEXT_EXTENSIONS.has(ext) || mime.startsWith('text/'))
    return [{ record: { text }, label: name }];
  throw new ApiError(
    415,
    'unsupported-media-type',
    `file \`${name}\`: type \`${mime || ext}\` is not an article (send .txt, .html, .json or .jsonl)`,
  );
}

function pageHtml(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crosscheck</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="/assets/app.js"></script>
</body>
</html>
`;
}

/** CSP of the served app: its own script by nonce, its own stylesheet, its own API; nothing remote. */
export function appCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function createApp(options: AppOptions): OpenAPIHono {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { analyzer } = options;
  const example = options.example ?? defaultExample;
  const markdownRenderer =
    options.renderMarkdown === undefined ? renderMarkdown : options.renderMarkdown;
  const tokenDigest = options.token ? digest(options.token) : undefined;
  const app = new OpenAPIHono();

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    if (!c.res.headers.has('Content-Security-Policy'))
      c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  });

  app.onError((error, c) => {
    if (error instanceof ApiError)
      return c.json({ error: { code: error.code, message: error.message } }, error.status);
    console.error(
      `crosscheck serve: ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return c.json(
      { error: { code: 'internal', message: 'internal error; the server log has the details' } },
      500,
    );
  });
  app.notFound((c) =>
    c.json(
      { error: { code: 'not-found', message: `${c.req.method} ${c.req.path}: no such route` } },
      404,
    ),
  );

  // Writes need the token when the server is exposed beyond loopback.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' && tokenDigest) {
      const header = c.req.header('authorization') ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? '';
      if (!timingSafeEqual(digest(given), tokenDigest)) {
        throw new ApiError(
          401,
          'unauthorized',
          'POST needs `Authorization: Bearer <CROSSCHECK_TOKEN>`',
        );
      }
    }
    await next();
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) =>
        c.json(
          {
            error: {
              code: 'body-too-large',
              message: `request body: larger than ${limits.maxBodyBytes} bytes`,
            },
          },
          413,
        ),
    }),
  );

  async function run(
    c: Context,
    inputs: IngestInput[],
    analyzeOptions?: AnalyzeOptions,
  ): Promise<string> {
    const deadline = AbortSignal.timeout(limits.timeoutMs);
    // A client that hangs up cancels its analysis too.
    const signal = AbortSignal.any([deadline, c.req.raw.signal]);
    try {
      return await analyzer.analyze(inputs, signal, analyzeOptions);
    } catch (error) {
      // The client hung up: nobody reads the answer, and it is no server fault.
      if (c.req.raw.signal.aborted && !deadline.aborted)
        throw new ApiError(400, 'client-closed', 'the client closed the request');
      if (deadline.aborted)
        throw new ApiError(
          503,
          'timeout',
          `analysis took longer than ${limits.timeoutMs} ms and was stopped`,
        );
      if (error instanceof BusyError)
        throw new ApiError(503, 'busy', `${error.message}; retry later`);
      throw error;
    }
  }

  const errorResponses = {
    400: {
      description: 'Malformed JSON, unknown field, invalid request',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    401: {
      description: 'Token missing or wrong (exposed server)',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    413: {
      description: 'Body, article count or article size over the limit',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    415: {
      description: 'Unsupported media type',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    503: {
      description: 'Timeout or queue full',
      content: { 'application/json': { schema: ErrorSchema } },
    },
  } as const;

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/analyze',
    summary: 'Analyse articles into dossiers (one per story)',
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: analyzeRequestSchema(limits) },
          'multipart/form-data': {
            schema: z.object({
              file: z
                .string()
                .openapi({
                  type: 'string',
                  format: 'binary',
                  description: 'Article files (.txt, .html, .json, .jsonl); repeatable',
                })
                .optional(),
              article: z
                .string()
                .openapi({ description: 'An ArticleRecord as JSON; repeatable' })
                .optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: { description: 'The report', content: { 'application/json': { schema: ReportSchema } } },
      ...errorResponses,
    },
  });
  const reportJson = (c: Context, json: string) =>
    c.body(json, 200, { 'content-type': 'application/json; charset=utf-8' });
  app.post('/api/analyze', async (c) => reportJson(c, await run(c, await readArticles(c, limits))));

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and worker pool state; answers while analyses run',
    responses: {
      200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
    },
  });
  app.get('/api/health', (c) =>
    c.json({
      status: 'ok' as const,
      version: GENERATOR.version,
      tokenRequired: Boolean(tokenDigest),
      workers: analyzer.stats(),
    }),
  );

  let exampleReport: Promise<string> | undefined;
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/example',
    summary: 'The bundled example story, analysed',
    responses: {
      200: { description: 'The report', content: { 'application/json': { schema: ReportSchema } } },
      404: errorResponses[400],
    },
  });
  app.get('/api/example', async (c) => {
    const job = example();
    const inputs = job.inputs;
    if (inputs.length === 0)
      throw new ApiError(404, 'no-example', 'examples/: no example articles found');
    // The example never changes while the server runs: analyse it once.
    exampleReport ??= run(c, inputs, job.options)
      .then((json) => {
        const report = JSON.parse(json) as Report;
        // Show sources as paths in the project, not where the server is installed.
        const root = packageRoot();
        for (const story of report.stories) {
          for (const article of story.articles) {
            if (path.isAbsolute(article.source))
              article.source = path.relative(root, article.source);
          }
        }
        for (const d of report.diagnostics) {
          if (d.source && path.isAbsolute(d.source)) d.source = path.relative(root, d.source);
        }
        return JSON.stringify(report);
      })
      .catch((error: unknown) => {
        exampleReport = undefined;
        throw error;
      });
    return reportJson(c, await exampleReport);
  });

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/render/{format}',
    summary: 'Render a report as a self-contained HTML file or as Markdown',
    request: {
      params: z.object({ format: z.enum(['html', 'markdown']) }),
      body: { required: true, content: { 'application/json': { schema: ReportSchema } } },
    },
    responses: {
      200: {
        description: 'The rendered report',
        content: { 'text/html': { schema: z.string() }, 'text/markdown': { schema: z.string() } },
      },
      ...errorResponses,
    },
  });
  app.post('/api/render/:format', async (c) => {
    const format = c.req.param('format');
    if (format !== 'html' && format !== 'markdown')
      throw new ApiError(404, 'not-found', `format \`${format}\`: use html or markdown`);
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      throw new ApiError(415, 'unsupported-media-type', 'send the report as application/json');
    }
    const parsed = ReportSchema.safeParse(parseJson(await c.req.text(), 'request body'));
    if (!parsed.success) throw zodToApiError(parsed.error, 'report');
    const report = parsed.data as unknown as Report;
    if (format === 'markdown') {
      if (!markdownRenderer)
        throw new ApiError(501, 'not-available', 'the Markdown renderer is not part of this build');
      const markdown = await markdownRenderer(report);
      return c.body(markdown, 200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': 'attachment; filename="crosscheck-report.md"',
      });
    }
    const markdown = markdownRenderer ? await markdownRenderer(report) : null;
    return c.body(renderHtml(report, { markdown }), 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': 'attachment; filename="crosscheck-report.html"',
    });
  });

  let storePromise: Promise<Store> | undefined;
  async function store(): Promise<Store> {
    if (!options.store)
      throw new ApiError(501, 'no-store', 'this server runs without a corpus store');
    storePromise ??= options.store().catch((error: unknown) => {
      storePromise = undefined;
      throw new ApiError(
        503,
        'store-unavailable',
        `corpus store: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    return storePromise;
  }

  const StorySummarySchema = z
    .looseObject({
      id: z.string(),
      title: z.string(),
      articles: z.number(),
      outlets: z.array(z.string()),
      openConflicts: z.number(),
    })
    .openapi('StorySummary');
  const pageQuery = z.object({
    limit: z.coerce.number().int().min(1).max(500).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/stories',
    summary: 'Stories in the corpus store, most recently updated first',
    request: { query: pageQuery },
    responses: {
      200: {
        description: 'Story list',
        content: {
          'application/json': { schema: z.object({ stories: z.array(StorySummarySchema) }) },
        },
      },
      400: errorResponses[400],
      503: errorResponses[503],
    },
  });
  app.get('/api/stories', async (c) => {
    const query = pageQuery.safeParse(c.req.query());
    if (!query.success) throw zodToApiError(query.error, 'query');
    return c.json({ stories: await (await store()).listStories(query.data) });
  });

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/stories/{id}',
    summary: "One stored story's dossier, wrapped as a report",
    request: { params: z.object({ id: z.string().min(1) }) },
    responses: {
      200: {
        description: 'The report of that story',
        content: { 'application/json': { schema: ReportSchema } },
      },
      404: errorResponses[400],
    },
  });
  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    const dossier = await (await store()).getStory(id);
    if (!dossier) throw new ApiError(404, 'no-such-story', `story \`${id}\`: not in the store`);
    const report: Report = {
      schemaVersion: SCHEMA_VERSION,
      generator: GENERATOR,
      stories: [dossier],
      diagnostics: [],
    };
    return c.json(report);
  });

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/articles',
    summary: 'Add articles to the corpus store (same bodies as /api/analyze)',
    request: {
      body: {
        required: true,
        content: { 'application/json': { schema: analyzeRequestSchema(limits) } },
      },
    },
    responses: {
      200: {
        description: 'What adding each article did, and the inputs rejected',
        content: {
          'application/json': {
            schema: z.object({
              results: z.array(z.looseObject({ outcome: z.string(), source: z.string() })),
              diagnostics: z.array(z.looseObject({})),
            }),
          },
        },
      },
      ...errorResponses,
    },
  });
  app.post('/api/articles', async (c) => {
    const inputs = await readArticles(c, limits);
    const target = await store();
    const { articles, diagnostics } = await ingest(inputs);
    return c.json({ results: await target.addArticles(articles), diagnostics });
  });

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'crosscheck API',
      version: GENERATOR.version,
      description: 'Cross-check several outlets’ reports of one story.',
    },
  });

  app.get('/', (c) => {
    const nonce = randomBytes(16).toString('base64');
    c.header('Content-Security-Policy', appCsp(nonce));
    c.header('Cache-Control', 'no-store');
    return c.html(pageHtml(nonce));
  });
  app.get('/assets/app.js', (c) =>
    c.body(webAssets().js, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  );
  app.get('/assets/app.css', (c) =>
    c.body(webAssets().css, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  );

  return app;
}
