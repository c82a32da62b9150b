/** `crosscheck show <story>`: one stored story's dossier, in any report format. */
import { Option, type Command } from 'commander';
import { FORMATS, isFormat, render, useColor } from '../../render/index.ts';
import { GENERATOR, SCHEMA_VERSION } from '../../version.ts';
import { addStoreOptions, withStore, type StoreFlags } from './add.ts';
import { writeOutput } from './compare.ts';

export function register(program: Command): void {
  const command = program
    .command('show')
    .description('show a stored story (id, id prefix, or an id it had before it grew)')
    .argument('<story>', 'story id')
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices([...FORMATS])
        .default('terminal'),
    )
    .option('-o, --out <file>', 'write to FILE instead of standard output')
    .option('--no-color', 'no colour in the terminal summary');
  addStoreOptions(command).action(
    async (id: string, flags: StoreFlags & { format: string; out?: string; color?: boolean }) => {
      await withStore(flags, async (store) => {
        const dossier = await store.getStory(id);
        if (!dossier) {
          process.stderr.write(
            `crosscheck: ${id}: no such story in ${(await store.info()).location} (see crosscheck stories)\n`,
          );
          process.exitCode = 1;
          return;
        }
        const report = {
          schemaVersion: SCHEMA_VERSION,
          generator: GENERATOR,
          stories: [dossier],
          diagnostics: [],
        };
        const format = isFormat(flags.format) ? flags.format : 'terminal';
        const output = render(report, format, {
          color: flags.color !== false && !flags.out && useColor(process.stdout),
        });
        if (flags.out) await writeOutput(flags.out, output);
        else process.stdout.write(output);
      });
    },
  );
}
