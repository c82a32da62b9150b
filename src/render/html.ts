/**
 * The self-contained HTML report: one file with the web app's own bundle and
 * stylesheet inlined and the report embedded as JSON data, so the dossier can
 * be mailed or archived and shows the same views as `crosscheck serve`.
 *
 * Safety: the report is untrusted text. It goes into a
 * `<script type="application/json">` block with every `<`, `>`, `&`, U+2028
 * and U+2029 escaped as `\uXXXX`, so no content can close the block or open
 * markup; the bundle renders it as text nodes only. A CSP meta tag allows just
 * the page's own inline script and style (by SHA-256 hash) and no origin at all.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Esbuild from 'esbuild';
import type { Report } from '../core/index.ts';
import { renderMarkdown } from './markdown.ts';

export interface WebAssets {
  js: string;
  css: string;
}

export interface HtmlOptions {
  /**
   * The Markdown rendering offered as a download inside the page (default:
   * `renderMarkdown(report)`); `null` leaves the download out.
   */
  markdown?: string | null;
}

/** The package root (where package.json and web/ live), from src/ or dist/src/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'web'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('renderHtml: cannot find the crosscheck package root (web/ beside package.json)');
}

/** esbuild options of the front-end bundle; web/build.ts uses the same ones. */
export function webBuildOptions(root: string): {
  entryPoints: Record<string, string>;
  outdir: string;
  bundle: true;
  format: 'iife';
  platform: 'browser';
  target: string[];
  jsx: 'automatic';
  jsxImportSource: string;
  minify: boolean;
  legalComments: 'none';
  logLevel: 'warning';
  entryNames: string;
} {
  return {
    entryPoints: { app: path.join(root, 'web/src/main.tsx') },
    outdir: path.join(root, 'web/dist'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    entryNames: '[name]',
  };
}

let cached: WebAssets | undefined;

/**
 * The built front end. Normally built by `npm install` (prepare); when the
 * build output is missing (a fresh checkout run without install scripts) it is
 * built here, synchronously, with the esbuild that tsx already brings.
 */
export function webAssets(): WebAssets {
  if (cached) return cached;
  const root = packageRoot();
  const dist = path.join(root, 'web/dist');
  const jsPath = path.join(dist, 'app.js');
  const cssPath = path.join(dist, 'app.css');
  if (!existsSync(jsPath) || !existsSync(cssPath)) {
    const require = createRequire(import.meta.url);
    const esbuild = require('esbuild') as typeof Esbuild;
    mkdirSync(dist, { recursive: true });
    const result = esbuild.buildSync({ ...webBuildOptions(root), write: false });
    for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
  }
  cached = { js: readFileSync(jsPath, 'utf8'), css: readFileSync(cssPath, 'utf8') };
  return cached;
}

/** JSON that is safe inside a `<script>` element: nothing in it can end the element or start markup. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The Content-Security-Policy of the self-contained report. */
export function reportCsp(js: string, css: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256(js)}'`,
    `style-src 'sha256-${sha256(css)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const { js, css } = webAssets();
  // Neither closing tag can occur inside the inlined code (esbuild escapes it in
  // strings already); the guard keeps a future bundle from breaking the page.
  const script = js.replace(/<\/(script)/gi, '<\\/$1');
  const style = css.replace(/<\/(style)/gi, '<\\/$1');
  const title =
    report.stories
      .map((s) => s.title)
      .filter(Boolean)
      .join(' · ') || 'crosscheck report';
  const markdown = options.markdown === undefined ? renderMarkdown(report) : options.markdown;
  const payload = scriptSafeJson({ report, ...(markdown !== null ? { markdown } : {}) });
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${reportCsp(script, style)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${escapeHtml(`${report.generator.name} ${report.generator.version}`)}">`,
    `<title>${escapeHtml(title)} — crosscheck</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<div id="app"><noscript>This report needs JavaScript to show its views; the data is in the crosscheck-report block of this file.</noscript></div>',
    `<script type="application/json" id="crosscheck-report">${payload}</script>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
