/**
 * The JSON report is the public contract: schema/dossier.schema.json must accept
 * real reports, refuse broken ones, and describe exactly the fields of the
 * contract interfaces in src/core/types.ts (read with the TypeScript parser, so a
 * field added to one and not the other fails here).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ts from 'typescript';
import { analyzeReport } from '../../src/index.ts';
import { fixtureReport } from './render-fixture.ts';

interface JsonSchema {
  $defs: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
}

const schemaPath = new URL('../../schema/dossier.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as JsonSchema;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function errors(value: unknown): string {
  return validate(value) ? '' : ajv.errorsText(validate.errors);
}

test('a complete hand-made report validates', () => {
  assert.equal(errors(fixtureReport()), '');
});

test('broken reports are refused', () => {
  const cases: [string, (r: ReturnType<typeof fixtureReport>) => void][] = [
    ['missing schemaVersion', (r) => delete (r as Partial<typeof r>).schemaVersion],
    [
      'unknown finding kind',
      (r) => ((r.stories[0]!.findings[0] as { kind: string }).kind = 'rumour'),
    ],
    [
      'span of one number',
      (r) => ((r.stories[0]!.findings[0]!.claims[0] as { span: number[] }).span = [3]),
    ],
    ['negative offset', (r) => (r.stories[0]!.findings[0]!.claims[0]!.span = [-1, 4])],
    ['language not ISO 639-1', (r) => (r.stories[0]!.articles[0]!.language = 'english')],
    ['published not ISO 8601', (r) => (r.stories[0]!.articles[0]!.published = 'last Tuesday')],
    [
      'unknown field on an article',
      (r) => Object.assign(r.stories[0]!.articles[0]!, { mood: 'calm' }),
    ],
    [
      'independentSources not an integer',
      (r) => (r.stories[0]!.findings[0]!.independentSources = 1.5),
    ],
    ['diagnostic rule id not kebab-case', (r) => (r.diagnostics[0]!.ruleId = 'Empty Input')],
  ];
  for (const [name, breakIt] of cases) {
    const report = fixtureReport();
    breakIt(report);
    assert.notEqual(errors(report), '', `should be refused: ${name}`);
  }
});

test('a report analysed from fictional files of every format validates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-schema-'));
  writeFileSync(
    join(dir, 'a.txt'),
    'Storm cuts power in Harwick\n\nBy Lena Ortiz\n\nA storm cut power to about 4,000 homes in Harwick on Sunday, the utility said.\n',
  );
  writeFileSync(
    join(dir, 'b.json'),
    JSON.stringify({
      title: 'Harwick without power',
      text: 'Some 4,000 homes in Harwick lost power during the storm, officials said on Sunday.',
      outlet: 'Harwick Herald',
      published: '2024-10-06',
      desk: 'metro',
    }),
  );
  writeFileSync(join(dir, 'c.txt'), '   \n');
  const report = await analyzeReport([dir]);
  assert.equal(errors(report), '');
  assert.equal(
    report.stories.reduce((n, s) => n + s.articles.length, 0),
    2,
  );
  assert.equal(report.diagnostics.length, 1);
});

/** Property names (and which are optional) of each interface in src/core/types.ts. */
function interfaceMembers(): Map<string, Map<string, boolean>> {
  const file = new URL('../../src/core/types.ts', import.meta.url);
  const source = ts.createSourceFile(
    'types.ts',
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const members = new Map<string, Map<string, boolean>>();
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    const fields = new Map<string, boolean>();
    for (const member of node.members) {
      if (ts.isPropertySignature(member) && member.name && ts.isIdentifier(member.name)) {
        fields.set(member.name.text, member.questionToken !== undefined);
      }
    }
    members.set(node.name.text, fields);
  });
  return members;
}

test('the schema describes exactly the fields of the contract types', () => {
  const members = interfaceMembers();
  for (const [name, definition] of Object.entries(schema.$defs)) {
    const fields = members.get(name);
    if (!fields || !definition.properties) continue;
    const inSchema = new Set(Object.keys(definition.properties));
    assert.deepEqual([...inSchema].sort(), [...fields.keys()].sort(), `fields of ${name}`);
    const required = [...fields].filter(([, optional]) => !optional).map(([field]) => field);
    assert.deepEqual(
      [...(definition.required ?? [])].sort(),
      required.sort(),
      `required fields of ${name}`,
    );
  }
  for (const name of [
    'Report',
    'Dossier',
    'ArticleSummary',
    'Finding',
    'FindingClaim',
    'Diagnostic',
  ]) {
    assert.ok(schema.$defs[name], `schema defines ${name}`);
  }
});
