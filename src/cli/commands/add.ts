/**
 * `crosscheck add <files|dirs|feed.xml|feed-url...>`: put articles into the
 * corpus store. Each article is stored in its own transaction; a progress bar
 * on a terminal, one line per article otherwise. Exit 1 when some input was
 * rejected (named on stderr with the reason), 2 on a usage or store error.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Diagnostic } from '../../core/index.ts';
import { diagnostic } from '../../core/index.ts';
import { ingest, SUPPORTED_EXTENSIONS, type IngestInput } from '../../ingest/index.ts';
import {
  openStore,
  StoreError,
  type AddOutcome,
  type AddResult,
  type Store,
} from '../../store/index.ts';
import { looksLikeFeed, parseFeed } from '../../store/feed.ts';
import { openQueue } from '../../store/queue.ts';
import { addInputOptions, ingestOptions } from './compare.ts';
import type { MetaField } from '../options.ts';

export interface StoreFlags {
  data?: string;
  db?: string;
  schema?: string;
}

/** `--data`, `--db` and `--schema`, shared by every corpus command. */
export function addStoreOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'embedded store directory (default $CROSSCHECK_DATA or ./.crosscheck)')
    .option('--db <url>', 'PostgreSQL store, postgres://… (default $DATABASE_URL)')
    .option('--schema <name>', 'PostgreSQL schema of the store (default public)');
}

export function openStoreFromFlags(flags: StoreFlags): Promise<Store> {
  return openStore({
    ...(flags.data ? { data: flags.data } : {}),
    ...(flags.db ? { db: flags.db } : {}),
    ...(flags.schema ? { schema: flags.schema } : {}),
  });
}

/** Runs a corpus command; store failures (foreign, too new, unreachable) exit 2 with the reason. */
export async function withStore(
  flags: StoreFlags,
  work: (store: Store) => Promise<void>,
): Promise<void> {
  let store: Store;
  try {
    store = await openStoreFromFlags(flags);
  } catch (error) {
    if (error instanceof StoreError) {
      process.stderr.write(`crosscheck: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  try {
    await work(store);
  } finally {
    // PGlite's Emscripten runtime sets process.exitCode when it shuts down: keep ours.
    const exitCode = process.exitCode;
    await store.close();
    process.exitCode = exitCode;
  }
}

const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom']);

/** One unit of work: what one line of progress stands for. */
interface Unit {
  label: string;
  inputs: IngestInput[];
}

async function feedUnits(xml: string, source: string, diagnostics: Diagnostic[]): Promise<Unit[]> {
  const feed = parseFeed(xml, source);
  diagnostics.push(...feed.diagnostics);
  return Promise.resolve(
    feed.items.map((item) => ({
      label: item.label,
      inputs: [{ record: item.record, label: item.label }],
    })),
  );
}

async function fetchUnits(url: string, diagnostics: Diagnostic[]): Promise<Unit[]> {
  let body: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.text();
  } catch (error) {
    diagnostics.push(
      diagnostic(
        'cli',
        'fetch-failed',
        `could not fetch (${error instanceof Error ? error.message : String(error)})`,
        {
          severity: 'error',
          source: url,
        },
      ),
    );
    return [];
  }
  if (looksLikeFeed(body)) return feedUnits(body, url, diagnostics);
  return [{ label: url, inputs: [{ record: { html: body, url }, label: url }] }];
}

async function pathUnits(
  path: string,
  diagnostics: Diagnostic[],
  explicit: boolean,
): Promise<Unit[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    // Let ingest name the problem in its own words.
    return [{ label: path, inputs: [path] }];
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const units: Unit[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      const ext = extname(entry.name).toLowerCase();
      if (entry.isDirectory() || ext in SUPPORTED_EXTENSIONS || FEED_EXTENSIONS.has(ext)) {
        units.push(...(await pathUnits(child, diagnostics, false)));
      }
    }
    if (units.length === 0 && explicit) {
      diagnostics.push(
        diagnostic('cli', 'directory-without-articles', 'directory holds no articles or feeds', {
          severity: 'error',
          source: path,
        }),
      );
    }
    return units;
  }
  const ext = extname(path).toLowerCase();
  if (FEED_EXTENSIONS.has(ext)) {
    const xml = await readFile(path, 'utf8').catch(() => '');
    if (looksLikeFeed(xml)) return feedUnits(xml, path, diagnostics);
    diagnostics.push(
      diagnostic('cli', 'feed-unknown', 'XML file is neither an RSS nor an Atom feed', {
        severity: 'error',
        source: path,
      }),
    );
    return [];
  }
  return [{ label: path, inputs: [path] }];
}

/** Expands the command line into units: files, directory members, feed items, fetched pages. */
export async function expandInputs(inputs: string[], diagnostics: Diagnostic[]): Promise<Unit[]> {
  const units: Unit[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) units.push(...(await fetchUnits(input, diagnostics)));
    else units.push(...(await pathUnits(input, diagnostics, true)));
  }
  return units;
}

interface AddFlags extends StoreFlags, Partial<Record<MetaField, string[]>> {
  maxSize?: number;
  queue?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('add')
    .description('add articles to the corpus: files, directories, RSS/Atom feed files or feed URLs')
    .argument(
      '<inputs...>',
      'article files, directories, feed.xml files, http(s) URLs of feeds or pages',
    )
    .option(
      '--queue',
      'send the articles to the job queue for `crosscheck worker`s instead of storing them here (needs --db)',
    );
  addStoreOptions(addInputOptions(command)).action(async (inputs: string[], flags: AddFlags) => {
    const diagnostics: Diagnostic[] = [];
    const units = await expandInputs(inputs, diagnostics);
    for (const d of diagnostics)
      process.stderr.write(`crosscheck: ${d.source ? `${d.source}: ` : ''}${d.message}\n`);
    let rejected = diagnostics.some((d) => d.severity === 'error');
    const options = ingestOptions(flags);
    if (flags.queue) {
      const url = flags.db ?? process.env.DATABASE_URL;
      if (!url) {
        process.stderr.write(
          'crosscheck: --queue needs a PostgreSQL store (--db or DATABASE_URL)\n',
        );
        process.exitCode = 2;
        return;
      }
      const queue = await openQueue(url, flags.schema);
      let sent = 0;
      try {
        for (const unit of units) {
          const result = await ingest(unit.inputs, options);
          for (const d of result.diagnostics.filter((x) => x.severity === 'error')) {
            rejected = true;
            process.stderr.write(`crosscheck: ${d.source ?? unit.label}: ${d.message}\n`);
          }
          for (const article of result.articles) {
            await queue.enqueueAdd(article);
            sent++;
          }
        }
      } finally {
        await queue.stop();
      }
      process.stdout.write(`queued ${sent} article${sent === 1 ? '' : 's'} for the workers\n`);
      process.exitCode = rejected ? 1 : 0;
      return;
    }
    await withStore(flags, async (store) => {
      const counts: Record<AddOutcome, number> = {
        added: 0,
        revised: 0,
        unchanged: 0,
        rejected: 0,
      };
      const tty = process.stderr.isTTY;
      const bar = tty
        ? new cliProgress.SingleBar(
            {
              format:
                '{bar} {value}/{total} inputs | {rate}/s | ETA {eta_formatted} | {added} added, {revised} revised, {unchanged} unchanged, {rejected} rejected',
              hideCursor: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      const started = performance.now();
      // On a terminal, errors wait until the bar is done so they do not tear it.
      const deferred: string[] = [];
      bar?.start(units.length, 0, { rate: '0.0', ...counts });
      const line = (result: AddResult) => {
        counts[result.outcome]++;
        if (result.outcome === 'rejected') rejected = true;
        if (!tty) {
          const story = result.storyId ? `  story ${result.storyId}` : '';
          process.stdout.write(`${result.outcome.padEnd(9)} ${result.source}${story}\n`);
        }
        for (const d of result.diagnostics.filter((x) => x.severity === 'error')) {
          const message = `crosscheck: ${d.source ?? result.source}: ${d.message}\n`;
          if (bar) deferred.push(message);
          else process.stderr.write(message);
        }
      };
      for (const [index, unit] of units.entries()) {
        const result = await ingest(unit.inputs, options);
        for (const d of result.diagnostics.filter((x) => x.severity === 'error')) {
          line({
            outcome: 'rejected',
            source: d.source ?? unit.label,
            recomputed: [],
            diagnostics: [d],
          });
        }
        // Each article is stored in its own transaction; the dossiers of the
        // stories it changed are rebuilt once, after the last input.
        for (const article of result.articles)
          line(await store.addArticle(article, { deferDossier: true }));
        const seconds = (performance.now() - started) / 1000;
        bar?.update(index + 1, {
          rate: ((index + 1) / Math.max(seconds, 1e-3)).toFixed(1),
          ...counts,
        });
      }
      bar?.stop();
      for (const message of deferred) process.stderr.write(message);
      if (tty) process.stderr.write('rebuilding the dossiers of the stories that changed…\n');
      const rebuilt = await store.flushDossiers();
      const info = await store.info();
      process.stdout.write(
        `${counts.added} added, ${counts.revised} revised, ${counts.unchanged} unchanged, ${counts.rejected} rejected; ${rebuilt.length} story dossiers rebuilt; the corpus holds ${info.articles} article versions in ${info.stories} stories (${info.location})\n`,
      );
      process.exitCode = rejected ? 1 : 0;
    });
  });
}
