/**
 * `crosscheck example` (what `npm start` runs): compares the bundled fictional
 * story in examples/articles with the metadata of examples/manifest.json, prints
 * the terminal summary and writes out/example.json, out/example.md and
 * out/example.html.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { analyzeReport } from '../../analyze.ts';
import type { ArticleMetadata } from '../../core/index.ts';
import {
  renderHtml,
  renderJson,
  renderMarkdown,
  renderTerminal,
  useColor,
} from '../../render/index.ts';
import { exitStatus, reportRejected, writeOutput } from './compare.ts';

interface Manifest {
  description?: string;
  articles: Record<string, ArticleMetadata>;
}

/** The checkout or package root: the nearest directory above this file with examples/manifest.json. */
export function examplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'examples', 'manifest.json'))) return join(dir, 'examples');
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('the bundled examples/ folder was not found beside crosscheck');
    dir = parent;
  }
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

export function register(program: Command): void {
  program
    .command('example')
    .description('run compare on the bundled fictional story and write out/example.{json,md,html}')
    .option('--out-dir <dir>', 'where to write the reports', 'out')
    .option('--no-color', 'no colour in the terminal summary (NO_COLOR is honoured too)')
    .action(async (flags: { outDir: string; color?: boolean }) => {
      const dir = examplesDir();
      const manifest = readManifest(dir);
      const articles = join(dir, 'articles');
      const fileMeta = Object.fromEntries(
        Object.entries(manifest.articles).map(([file, meta]) => [join(articles, file), meta]),
      );
      const report = await analyzeReport([articles], { fileMeta });
      // Sources are shown relative to the working directory, as a user would type them.
      for (const story of report.stories) {
        for (const article of story.articles)
          article.source = relative(process.cwd(), article.source);
      }
      const color = flags.color !== false && useColor(process.stdout);
      process.stdout.write(renderTerminal(report, { color }));
      const written: string[] = [];
      for (const [name, render] of [
        ['example.json', renderJson],
        ['example.md', renderMarkdown],
        ['example.html', renderHtml],
      ] as const) {
        const file = join(flags.outDir, name);
        try {
          await writeOutput(file, render(report));
          written.push(file);
        } catch (error) {
          process.stderr.write(
            `crosscheck: ${file} not written: ${error instanceof Error ? error.message : String(error)}\n`,
          );
        }
      }
      process.stdout.write(`\nWrote ${written.join(', ')}\n`);
      reportRejected(report);
      process.exitCode = exitStatus(report);
    });
}
