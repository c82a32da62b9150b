/**
 * `crosscheck compare <files|dirs...>`: analyse the articles, print or write the
 * report. Exit status 0 when every input was analysed, 1 when some were
 * rejected (each named on stderr with the reason), 2 on a usage error.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { analyzeReport } from '../../analyze.ts';
import type { Report } from '../../core/index.ts';
import type { IngestOptions } from '../../ingest/index.ts';
import { FORMATS, isFormat, render, useColor, type Format } from '../../render/index.ts';
import { collect, parseGivenMetadata, parseSize, type MetaField } from '../options.ts';

export interface CompareFlags {
  format: string;
  out?: string;
  outlet?: string[];
  published?: string[];
  byline?: string[];
  maxSize?: number;
  color?: boolean;
}

/** Adds the options every article-reading command shares. */
export function addInputOptions(command: Command): Command {
  return command
    .option(
      '--outlet <name>',
      'outlet for every input, or FILE=NAME for one file (repeatable)',
      collect,
    )
    .option(
      '--published <date>',
      'publication date (ISO 8601) for every input, or FILE=DATE for one file (repeatable)',
      collect,
    )
    .option(
      '--byline <name>',
      'author for every input, or FILE=NAME for one file (repeatable)',
      collect,
    )
    .option('--max-size <size>', 'largest input file accepted (default 5MB)', parseSize);
}

export function ingestOptions(
  flags: Partial<Record<MetaField, string[]>> & { maxSize?: number },
): IngestOptions {
  const given = parseGivenMetadata(flags);
  return {
    meta: given.meta,
    fileMeta: given.fileMeta,
    ...(flags.maxSize !== undefined ? { maxBytes: flags.maxSize } : {}),
  };
}

/** Exit status for a report: 1 when any input was rejected. */
export function exitStatus(report: Report): number {
  return report.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** One line per rejected input on stderr: `crosscheck: FILE: reason`. */
export function reportRejected(report: Report): void {
  for (const d of report.diagnostics) {
    if (d.severity !== 'error') continue;
    process.stderr.write(`crosscheck: ${d.source ? `${d.source}: ` : ''}${d.message}\n`);
  }
}

export async function writeOutput(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content, 'utf8');
}

export function register(program: Command): void {
  const command = program
    .command('compare')
    .description(
      "compare several outlets' reports: entities, aligned claims, conflicts, sources, timeline",
    )
    .argument('<inputs...>', 'article files (.txt, .html, .json, .jsonl) or directories of them')
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices([...FORMATS])
        .default('terminal'),
    )
    .option('-o, --out <file>', 'write the report to FILE instead of standard output')
    .option('--no-color', 'no colour in the terminal summary (NO_COLOR is honoured too)');
  addInputOptions(command).action(async (inputs: string[], flags: CompareFlags) => {
    const format: Format = isFormat(flags.format) ? flags.format : 'terminal';
    const report = await analyzeReport(inputs, ingestOptions(flags));
    const color = flags.color !== false && !flags.out && useColor(process.stdout);
    const output = render(report, format, { color });
    if (flags.out) {
      await writeOutput(flags.out, output);
      process.stderr.write(`crosscheck: wrote ${flags.out}\n`);
    } else {
      process.stdout.write(output);
    }
    if (format !== 'terminal' || flags.out) reportRejected(report);
    process.exitCode = exitStatus(report);
  });
}
