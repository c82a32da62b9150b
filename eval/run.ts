/**
 * `npm run eval [-- section...]`: runs every evaluation section in eval/sections
 * (files sorted by name, each exporting `evaluate()`), prints the tables and
 * writes them to eval/RESULTS.md with the command that produced them.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, requireShared } from './shared.ts';

export interface EvalSection {
  title: string;
  markdown: string;
}

interface SectionModule {
  evaluate: () => Promise<EvalSection>;
}

async function main(): Promise<void> {
  requireShared();
  const only = process.argv.slice(2);
  const dir = join(ROOT, 'eval', 'sections');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .filter((f) => only.length === 0 || only.some((name) => f.includes(name)));
  const parts: string[] = [];
  for (const file of files) {
    const started = performance.now();
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as SectionModule;
    const section = await mod.evaluate();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const text = `## ${section.title}\n\n${section.markdown}\n\n_(${file}, ${seconds} s)_\n`;
    console.log(text);
    parts.push(text);
  }
  if (only.length === 0) {
    const header = [
      '# Evaluation results',
      '',
      'Produced by `npm run eval` (node --import tsx eval/run.ts) on the machine the commit was made on;',
      `last run ${new Date().toISOString()}. Data is read from ../shared; nothing of it is in this repo.`,
      '',
    ].join('\n');
    writeFileSync(join(ROOT, 'eval', 'RESULTS.md'), `${header}\n${parts.join('\n')}`);
    console.log('wrote eval/RESULTS.md');
  }
}

main().catch((error: unknown) => {
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
