/**
 * The command line as a user runs it (a child process through bin/crosscheck.js):
 * formats, metadata options, exit status 0 / 1 / 2, one line per rejected input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Report } from '../../src/core/index.ts';
import { GOOD_TEXT, tempFiles } from './ingest-helpers.ts';

const BIN = fileURLToPath(new URL('../../bin/crosscheck.js', import.meta.url));
const schema = JSON.parse(
  readFileSync(new URL('../../schema/dossier.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without colour settings, so each test sets its own. */
const uncoloured = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key !== 'NO_COLOR' && key !== 'FORCE_COLOR'),
);

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...uncoloured, ...env }, maxBuffer: 32 * 2 ** 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const OTHER = GOOD_TEXT.replace('Wednesday', 'Thursday').replace('About 3,000', 'Some 2,500');

test('--help lists the commands and the exit codes; --version prints the version', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /compare \[options\] <inputs\.\.\.>/);
  assert.match(help.stdout, /example/);
  assert.match(
    help.stdout,
    /Exit status: 0 all inputs analysed, 1 some inputs rejected, 2 usage error/,
  );
  const version = await run(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
});

test('usage errors exit 2 with a message', async () => {
  const cases: [string[], RegExp][] = [
    [['compare'], /missing required argument 'inputs'/],
    [['compare', 'a.txt', '--format', 'pdf'], /argument 'pdf' is invalid/],
    [['compare', 'a.txt', '--published', 'soon'], /--published "soon": not a date/],
    [['compare', 'a.txt', '--max-size', 'huge'], /"huge" is not a size/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ];
  for (const [args, message] of cases) {
    const result = await run(args);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
  }
});

test('compare --format json: schema-valid report, metadata for all and per file, exit 0', async () => {
  const dir = tempFiles({ 'a.txt': GOOD_TEXT, 'b.txt': OTHER });
  const result = await run([
    'compare',
    dir,
    '--format',
    'json',
    '--outlet',
    'Bay Wire',
    '--published',
    '2024-06-12',
    '--published',
    'b.txt=2024-06-13',
    '--outlet',
    `${join(dir, 'b.txt')}=Island Post`,
  ]);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout) as Report;
  assert.ok(validate(report), JSON.stringify(validate.errors));
  const articles = report.stories.flatMap((s) => s.articles);
  const byFile = (name: string) => articles.find((a) => a.source.endsWith(name));
  assert.equal(articles.length, 2);
  assert.deepEqual(
    [byFile('a.txt')?.outlet, byFile('a.txt')?.published],
    ['Bay Wire', '2024-06-12'],
  );
  assert.deepEqual(
    [byFile('b.txt')?.outlet, byFile('b.txt')?.published],
    ['Island Post', '2024-06-13'],
  );
  assert.equal(result.stderr, '');
});

test('a rejected input: exit 1, one stderr line naming it, the good file still in the report', async () => {
  const dir = tempFiles({ 'good.txt': GOOD_TEXT, 'blank.txt': '  \n' });
  const missing = join(dir, 'missing.txt');
  const result = await run([
    'compare',
    join(dir, 'good.txt'),
    join(dir, 'blank.txt'),
    missing,
    '--format',
    'md',
  ]);
  assert.equal(result.code, 1);
  assert.deepEqual(result.stderr.trim().split('\n'), [
    `crosscheck: ${join(dir, 'blank.txt')}: file holds only whitespace`,
    `crosscheck: ${missing}: no such file`,
  ]);
  assert.match(result.stdout, /\| A \| Ferry service resumes in Marlow Bay \|/);
  assert.match(result.stdout, /## Inputs with problems/);
});

test('terminal summary is plain when piped, coloured only when forced; --out writes a file', async () => {
  const dir = tempFiles({ 'a.txt': GOOD_TEXT });
  const plain = await run(['compare', join(dir, 'a.txt')]);
  assert.equal(plain.code, 0);
  assert.match(plain.stdout, /1 story from 1 article/);
  assert.ok(!plain.stdout.includes('\u001b['), 'no escape codes in a pipe');
  const forced = await run(['compare', join(dir, 'a.txt')], { FORCE_COLOR: '1' });
  assert.ok(forced.stdout.includes('\u001b['));
  const noColor = await run(['compare', join(dir, 'a.txt')], { FORCE_COLOR: '1', NO_COLOR: '1' });
  assert.ok(!noColor.stdout.includes('\u001b['), 'NO_COLOR wins');

  const out = join(dir, 'reports', 'dossier.md');
  const written = await run(['compare', join(dir, 'a.txt'), '--format', 'md', '--out', out]);
  assert.equal(written.code, 0);
  assert.equal(written.stdout, '');
  assert.match(readFileSync(out, 'utf8'), /^# crosscheck report/);
});

test('example: compares the bundled story and writes JSON and Markdown reports', async () => {
  const outDir = join(tempFiles({}), 'out');
  const result = await run(['example', '--out-dir', outDir]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /from 5 articles/);
  assert.ok(existsSync(join(outDir, 'example.md')));
  const report = JSON.parse(readFileSync(join(outDir, 'example.json'), 'utf8')) as Report;
  assert.ok(validate(report), JSON.stringify(validate.errors));
  const articles = report.stories.flatMap((s) => s.articles);
  const wire = articles.find((a) => a.source.endsWith('01-cws-wire.txt'));
  assert.equal(wire?.outlet, 'CWS', 'manifest metadata applied');
  const html = articles.find((a) => a.source.endsWith('.html'));
  assert.equal(html?.outlet, 'The Northern Ledger', 'HTML metadata read');
  assert.ok(html?.apart.some((b) => b.kind === 'credit'));
});
