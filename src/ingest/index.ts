/**
 * Ingest: paths, directories and records → normalised, typed `Article`s.
 * Bad inputs become one diagnostic each (naming the input and the reason) and
 * the other inputs go on. Reading files is the only I/O.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { Article, ArticleMetadata, Diagnostic, InputFormat } from '../core/index.ts';
import { diagnostic, stableId, UsageError } from '../core/index.ts';
import { textUnits, typeUnits, type Unit } from './blocks.ts';
import { declaredHtmlCharset, decodeBytes } from './decode.ts';
import { extractHtml } from './html.ts';
import { detectLanguage, normalizeLanguage } from './language.ts';
import { mergeMetadata } from './metadata.ts';
import { normalizeText } from './normalize.ts';

export { summarizeArticle } from './summary.ts';
export { normalizeText } from './normalize.ts';

/** One input of `analyze`: a path, or a record of the ingest record shape. */
export type IngestInput =
  | string
  | { path: string; meta?: ArticleMetadata }
  | { record: ArticleRecord; label?: string; meta?: ArticleMetadata };

/** The JSON / JSON Lines record shape (also the HTTP API's article shape). */
export interface ArticleRecord {
  title?: string;
  text?: string;
  html?: string;
  url?: string;
  outlet?: string;
  byline?: string;
  published?: string;
  language?: string;
  [field: string]: unknown;
}

export interface IngestOptions {
  /** Metadata for every input; wins over what is detected (per-input `meta` wins over this). */
  meta?: ArticleMetadata;
  /**
   * Metadata for single files, keyed by path or file name (`001_x.txt`); wins
   * over `meta`. Applies to files found in directories too.
   */
  fileMeta?: Record<string, ArticleMetadata>;
  /** Largest input accepted, in bytes (default 5 MB). */
  maxBytes?: number;
}

export interface IngestResult {
  articles: Article[];
  diagnostics: Diagnostic[];
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** File extensions read from directories, by format. */
export const SUPPORTED_EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

const RECORD_FIELDS = new Set([
  'title',
  'text',
  'html',
  'url',
  'outlet',
  'byline',
  'published',
  'language',
]);

interface Context {
  options: IngestOptions;
  articles: Article[];
  diagnostics: Diagnostic[];
  seen: Map<string, string>;
}

export async function ingest(
  inputs: IngestInput[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  if (!Array.isArray(inputs)) throw new UsageError('ingest(inputs): inputs must be an array');
  const context: Context = { options, articles: [], diagnostics: [], seen: new Map() };
  for (const input of inputs) {
    if (typeof input === 'string') await ingestPath(context, input, undefined, true);
    else if ('path' in input) await ingestPath(context, input.path, input.meta, true);
    else if ('record' in input)
      ingestRecord(context, input.record, input.label ?? 'record', input.meta);
    else
      throw new UsageError('ingest(inputs): each input is a path, {path, meta} or {record, label}');
  }
  return { articles: context.articles, diagnostics: context.diagnostics };
}

function reject(context: Context, source: string, ruleId: string, message: string): void {
  context.diagnostics.push(diagnostic('ingest', ruleId, message, { severity: 'error', source }));
}

function formatOf(path: string): InputFormat | undefined {
  return SUPPORTED_EXTENSIONS[extname(path).toLowerCase()];
}

async function ingestPath(
  context: Context,
  path: string,
  meta: ArticleMetadata | undefined,
  explicit: boolean,
): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      reject(context, path, 'file-missing', 'no such file');
    else reject(context, path, 'file-unreadable', `cannot read (${code ?? 'error'})`);
    return;
  }
  if (info.isDirectory()) {
    const files = await supportedFiles(path);
    if (files.length === 0) {
      reject(
        context,
        path,
        'directory-without-articles',
        `directory holds no supported files (${Object.keys(SUPPORTED_EXTENSIONS).join(', ')})`,
      );
    }
    for (const file of files) await ingestPath(context, file, meta, false);
    return;
  }
  if (!info.isFile()) {
    reject(context, path, 'file-unreadable', 'not a regular file');
    return;
  }
  const maxBytes = context.options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > maxBytes) {
    reject(
      context,
      path,
      'over-size-limit',
      `file is ${megabytes(info.size)}, over the ${megabytes(maxBytes)} limit (raise it with --max-size)`,
    );
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    reject(context, path, 'file-unreadable', `cannot read (${code})`);
    return;
  }
  meta = { ...meta, ...fileMetaFor(context.options.fileMeta, path) };
  // Files named on the command line are read as plain text whatever their extension.
  const format = formatOf(path) ?? (explicit ? 'text' : undefined);
  if (!format) return;
  const decoded = decodeBytes(bytes, format === 'html' ? declaredHtmlCharset(bytes) : undefined);
  if (!decoded.ok) {
    reject(context, path, decoded.ruleId, decoded.reason);
    return;
  }
  const notes: Diagnostic[] = [];
  if (decoded.how === 'declared' || decoded.how === 'detected') {
    notes.push(
      diagnostic(
        'ingest',
        'encoding-converted',
        `decoded as ${decoded.encoding} (${decoded.how})`,
        {
          severity: 'info',
          source: path,
        },
      ),
    );
  }
  const raw = decoded.text;
  if (raw.trim() === '') {
    reject(
      context,
      path,
      'empty-input',
      bytes.length === 0 ? 'empty file' : 'file holds only whitespace',
    );
    return;
  }
  switch (format) {
    case 'text':
      addText(context, { source: path, raw, format: 'text', meta, notes });
      return;
    case 'html':
      addHtml(context, { source: path, format: 'html', html: raw, meta, notes });
      return;
    case 'json':
      parseJsonFile(context, path, raw, meta);
      return;
    case 'jsonl':
      parseJsonLines(context, path, raw, meta);
      return;
    case 'feed':
      reject(context, path, 'unsupported-format', 'feeds are read by the `add` command');
      return;
  }
}

/** Metadata given for one file: by exact path, resolved path or file name. */
function fileMetaFor(
  fileMeta: Record<string, ArticleMetadata> | undefined,
  path: string,
): ArticleMetadata | undefined {
  if (!fileMeta) return undefined;
  const absolute = resolve(path);
  let found: ArticleMetadata | undefined;
  for (const [key, meta] of Object.entries(fileMeta)) {
    if (key === path || resolve(key) === absolute || key === basename(path))
      found = { ...found, ...meta };
  }
  return found;
}

async function supportedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && formatOf(e.name) !== undefined)
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (file) =>
        !relative(dir, file)
          .split(/[\\/]/)
          .some((part) => part.startsWith('.')),
    )
    .sort();
}

function megabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 2 ** 20) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

// ---------------------------------------------------------------------------
// Building articles
// ---------------------------------------------------------------------------

interface Draft {
  source: string;
  format: InputFormat;
  notes: Diagnostic[];
  /** Metadata found in the input (record fields, HTML meta), below the caller's. */
  detected?: ArticleMetadata;
  meta: ArticleMetadata | undefined;
  language?: string;
  /** The page's own `lang` attribute: often a site template's, so used only when detection fails. */
  pageLanguage?: string;
}

function addText(context: Context, draft: Draft & { raw: string; title?: string }): void {
  let text = normalizeText(draft.raw);
  const title = draft.title ? normalizeText(draft.title).trim() : undefined;
  if (title && !text.trimStart().startsWith(title)) text = `${title}\n\n${text}`;
  const units = textUnits(text);
  finish(context, draft, text, units);
}

function addHtml(context: Context, draft: Draft & { html: string; url?: string }): void {
  const url = draft.url ?? draft.meta?.url ?? draft.detected?.url;
  let extraction;
  try {
    extraction = extractHtml(draft.html, url && /^https?:/.test(url) ? url : undefined);
  } catch (error) {
    reject(context, draft.source, 'html-unreadable', `HTML could not be parsed (${String(error)})`);
    return;
  }
  if (!extraction) {
    reject(context, draft.source, 'html-no-article', 'HTML page holds no article text');
    return;
  }
  const units: Unit[] = [];
  let text = '';
  for (const piece of extraction.pieces) {
    const content = normalizeText(piece.text);
    if (text !== '') text += '\n\n';
    units.push({
      span: [text.length, text.length + content.length],
      hint: piece.hint,
      evidence: piece.evidence,
    });
    text += content;
  }
  finish(
    context,
    {
      ...draft,
      format: 'html',
      // Record fields (explicit) win over what the page says about itself.
      detected: { ...extraction.meta, ...withoutUndefined(draft.detected) },
      pageLanguage: extraction.language,
    },
    text,
    units,
  );
}

function withoutUndefined(meta: ArticleMetadata | undefined): ArticleMetadata {
  return Object.fromEntries(Object.entries(meta ?? {}).filter(([, v]) => v !== undefined));
}

function finish(context: Context, draft: Draft, text: string, units: Unit[]): void {
  if (text.trim() === '') {
    reject(context, draft.source, 'empty-input', 'no text');
    return;
  }
  const id = stableId(text);
  const duplicate = context.seen.get(id);
  if (duplicate !== undefined) {
    context.diagnostics.push(
      diagnostic('ingest', 'duplicate-article', `same text as ${duplicate}; read once`, {
        severity: 'warning',
        source: draft.source,
        articleId: id,
      }),
    );
    return;
  }
  context.seen.set(id, draft.source);

  const blocks = typeUnits(text, units);
  const titleBlock = blocks.find((b) => b.kind === 'title');
  const title = titleBlock ? text.slice(titleBlock.span[0], titleBlock.span[1]) : '';
  const diagnostics: Diagnostic[] = draft.notes.map((d) => ({ ...d, articleId: id }));
  const meta = mergeMetadata(
    [
      { meta: draft.detected, origin: 'detected' },
      { meta: context.options.meta, origin: 'given' },
      { meta: draft.meta, origin: 'given' },
    ],
    draft.source,
    diagnostics,
  );
  // A byline line found in the text is the byline when nothing better was given.
  const bylineBlock = blocks.find((b) => b.kind === 'byline');
  if (!meta.byline && bylineBlock) {
    meta.byline = text.slice(bylineBlock.span[0], bylineBlock.span[1]).replace(/^by\s+/i, '');
    meta.origin = { ...meta.origin, byline: 'text' };
  }

  const bodyText = blocks
    .filter((b) => b.kind === 'body' || b.kind === 'title')
    .map((b) => text.slice(b.span[0], b.span[1]))
    .join('\n');
  const given = draft.language ? normalizeLanguage(draft.language) : undefined;
  const detected = given ?? detectLanguage(bodyText);
  const page = draft.pageLanguage ? normalizeLanguage(draft.pageLanguage) : undefined;
  const language = detected === 'und' && page ? page : detected;
  meta.origin = {
    ...meta.origin,
    language: given ? 'given' : language === detected ? 'detected' : 'html:lang',
  };
  if (language === 'und') {
    diagnostics.push(
      diagnostic(
        'ingest',
        'language-undetermined',
        'language could not be determined (text too short)',
        {
          severity: 'info',
          source: draft.source,
          articleId: id,
        },
      ),
    );
  }
  if (Object.keys(meta.origin ?? {}).length === 0) delete meta.origin;
  context.articles.push({
    id,
    source: draft.source,
    format: draft.format,
    title,
    text,
    blocks,
    language,
    meta,
    diagnostics,
  });
}

// ---------------------------------------------------------------------------
// JSON and JSON Lines
// ---------------------------------------------------------------------------

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `JSON.parse` with the failure located: line number and V8's reason. */
function parseJson(raw: string): { value: unknown } | { line: number; reason: string } {
  try {
    return { value: JSON.parse(raw) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const line =
      position === undefined ? lineAt(raw, raw.trimEnd().length) : lineAt(raw, Number(position));
    const reason = message
      .replace(/,? ?"[^"]*"? is not valid JSON$/, '')
      .replace(/ in JSON at position \d+.*$/, '');
    return { line, reason };
  }
}

function parseJsonFile(
  context: Context,
  path: string,
  raw: string,
  meta: ArticleMetadata | undefined,
): void {
  const parsed = parseJson(raw);
  if (!('value' in parsed)) {
    reject(
      context,
      path,
      'json-malformed',
      `malformed JSON at line ${parsed.line}: ${parsed.reason}`,
    );
    return;
  }
  const value = parsed.value;
  const records = Array.isArray(value)
    ? value
    : value !== null &&
        typeof value === 'object' &&
        Array.isArray((value as { articles?: unknown }).articles)
      ? (value as { articles: unknown[] }).articles
      : [value];
  records.forEach((record, i) => {
    const label = records.length === 1 ? path : `${path}#${i + 1}`;
    ingestRecord(context, record, label, meta, 'json');
  });
}

function parseJsonLines(
  context: Context,
  path: string,
  raw: string,
  meta: ArticleMetadata | undefined,
): void {
  const lines = normalizeText(raw).split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    const label = `${path}:${i + 1}`;
    if (!('value' in parsed)) {
      reject(context, path, 'json-malformed', `malformed JSON at line ${i + 1}: ${parsed.reason}`);
      return;
    }
    ingestRecord(context, parsed.value, label, meta, 'jsonl');
  });
}

function ingestRecord(
  context: Context,
  value: unknown,
  label: string,
  meta: ArticleMetadata | undefined,
  format: 'json' | 'jsonl' = 'json',
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    reject(context, label, 'record-invalid', 'record is not an object {title, text | html, ...}');
    return;
  }
  const record = value as Record<string, unknown>;
  for (const field of RECORD_FIELDS) {
    if (
      record[field] !== undefined &&
      record[field] !== null &&
      typeof record[field] !== 'string'
    ) {
      reject(context, label, 'record-invalid', `record field "${field}" must be a string`);
      return;
    }
  }
  const str = (field: string): string | undefined =>
    typeof record[field] === 'string' ? record[field] : undefined;
  const text = str('text');
  const html = str('html');
  if ((text === undefined || text.trim() === '') && (html === undefined || html.trim() === '')) {
    reject(context, label, 'empty-input', 'record has no text and no html');
    return;
  }
  const size = Buffer.byteLength(text ?? html ?? '', 'utf8');
  const maxBytes = context.options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    reject(
      context,
      label,
      'over-size-limit',
      `record is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit`,
    );
    return;
  }
  const extra = Object.fromEntries(
    Object.entries(record).filter(([key]) => !RECORD_FIELDS.has(key)),
  );
  const detected: ArticleMetadata = {
    outlet: str('outlet'),
    byline: str('byline'),
    published: str('published'),
    url: str('url'),
    origin: { outlet: 'record', byline: 'record', published: 'record', url: 'record' },
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
  const draft: Draft = {
    source: label,
    format: html !== undefined && (text === undefined || text.trim() === '') ? 'html' : format,
    notes: [],
    detected,
    meta,
    language: str('language'),
  };
  if (draft.format === 'html' && html !== undefined) {
    addHtml(context, { ...draft, html, url: str('url') });
  } else {
    addText(context, { ...draft, raw: text ?? '', title: str('title') });
  }
}
