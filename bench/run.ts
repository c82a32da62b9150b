/**
 * `npm run bench [-- case...]`: runs each bench case in bench/cases (files sorted
 * by name, each exporting `bench()` that returns a Markdown section) and prints
 * them. Benchmarks measure; they never pass or fail on a time.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './shared.ts';

interface BenchModule {
  bench: () => Promise<{ title: string; markdown: string }>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = join(ROOT, 'bench', 'cases');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .filter((f) => only.length === 0 || only.some((name) => f.includes(name)));
  console.log(`# crosscheck bench — node ${process.version}, ${new Date().toISOString()}\n`);
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
    const section = await mod.bench();
    console.log(`## ${section.title}\n\n${section.markdown}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
