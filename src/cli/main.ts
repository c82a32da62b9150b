#!/usr/bin/env node
/**
 * crosscheck's command line. Each command lives in src/cli/commands/<name>.ts and
 * registers itself on the program; exit status 0 analysed, 1 some inputs
 * rejected, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { GENERATOR } from '../version.ts';
import * as compare from './commands/compare.ts';
import * as example from './commands/example.ts';
import * as serve from './commands/serve.ts';
import * as add from './commands/add.ts';
import * as stories from './commands/stories.ts';
import * as show from './commands/show.ts';
import * as revisions from './commands/revisions.ts';
import * as worker from './commands/worker.ts';

export function buildProgram(): Command {
  const program = new Command('crosscheck')
    .description(
      "Cross-check several outlets' reports of one story: entities, aligned claims, conflicts, provenance and timeline.",
    )
    .version(GENERATOR.version)
    .exitOverride()
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  crosscheck example\n' +
        '  crosscheck compare reports/ --format md --out dossier.md\n' +
        '  crosscheck compare a.txt b.html --published 2024-04-01 --published b.html=2024-04-02\n' +
        '\nExit status: 0 all inputs analysed, 1 some inputs rejected, 2 usage error.',
    );
  for (const command of [compare, example, serve, add, stories, show, revisions, worker]) {
    command.register(program);
  }
  // Subcommands inherit the exit override so their usage errors reach main().
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; everything else commander rejects is usage.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    console.error(`crosscheck: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

void main(process.argv);
