import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJson, renderMarkdown, renderTerminal, useColor } from '../../src/render/index.ts';
import { escapeMarkdown } from '../../src/render/markdown.ts';
import { fixtureReport } from './render-fixture.ts';

// eslint-disable-next-line no-control-regex -- looking for ANSI escapes is the point
const ANSI = /\u001b\[/;

test('JSON renderer round-trips the report', () => {
  const report = fixtureReport();
  assert.deepEqual(JSON.parse(renderJson(report)), report);
  assert.ok(renderJson(report).endsWith('\n'));
});

test('Markdown lists findings grouped by kind, conflicts first, unique last', () => {
  const md = renderMarkdown(fixtureReport());
  const conflicts = md.indexOf('#### Conflicts (1)');
  const agreements = md.indexOf('#### Agreements (1)');
  const unique = md.indexOf('#### Reported by one article only (1)');
  assert.ok(conflicts > 0 && conflicts < agreements && agreements < unique, md);
  assert.ok(!md.includes('#### Updates'), 'no empty groups');
});

test('Markdown cites every claim by article label and span, with its chain and values', () => {
  const md = renderMarkdown(fixtureReport());
  assert.match(
    md,
    /A \(111–165\): “At least 3 people were rescued, the fire service said\.” \[At least 3\] — via Valley Wire → the fire service/,
  );
  assert.match(md, /B \(37–97\): “Five people were rescued/);
  assert.match(md, /2 independent sources; upstream: the fire service/);
  assert.match(md, /matched: predicate, counted; differed: value/);
});

test('Markdown shows articles, what was set apart, entities, timeline, provenance and diagnostics', () => {
  const md = renderMarkdown(fixtureReport());
  for (const expected of [
    '| A | Flood closes bridge in Lenfield | Valley Wire | 2024-05-07 | Kara Voss | en | inputs/wire.txt |',
    '- A byline (33–45): “By Kara Voss”',
    '- B credit (124–138): “Ian Moor/Agency”',
    '| Lenfield | place | Lenfeld | A B | same-name: Lenfield |',
    '- **2024-05-07** (inferred) River water reached the old bridge — A 47–110',
    '- **undated** (unresolved) Bridge closed',
    '- Valley Wire —cites→ the fire service',
    '- warning B 60–67: date could not be resolved `annotate/date-unresolved`',
    '- **error** inputs/blank.txt: file holds only whitespace `ingest/empty-input`',
  ]) {
    assert.ok(md.includes(expected), `missing: ${expected}\n${md}`);
  }
});

test('Markdown escapes markup from article text', () => {
  const md = renderMarkdown(fixtureReport());
  assert.ok(md.includes('vs 5 \\| \\<b\\>'), 'pipe and angle brackets escaped');
  assert.ok(!md.includes('<b>'));
  const table: [string, string][] = [
    ['a|b', 'a\\|b'],
    ['*x*', '\\*x\\*'],
    ['line\nbreak', 'line break'],
    ['plain words', 'plain words'],
  ];
  for (const [input, output] of table) assert.equal(escapeMarkdown(input), output);
});

test('Markdown of an empty report says so instead of inventing content', () => {
  const md = renderMarkdown({ ...fixtureReport(), stories: [], diagnostics: [] });
  assert.match(md, /0 stories from 0 articles/);
  assert.ok(!md.includes('## Story'));
  assert.ok(!md.includes('Inputs with problems'));
});

test('terminal summary: conflicts in full before counted agreements, rejected inputs named', () => {
  const text = renderTerminal(fixtureReport(), { color: false });
  assert.ok(!ANSI.test(text), 'no colour when not asked for');
  assert.match(text, /1 story from 2 articles, 1 input rejected/);
  assert.match(text, /error inputs\/blank\.txt: file holds only whitespace/);
  assert.ok(text.indexOf('Conflicts (1)') < text.indexOf('Agreements (1)'));
  assert.match(
    text,
    /A: “At least 3 people were rescued, the fire service said\.” — Valley Wire → the fire service/,
  );
  assert.match(text, /credit: Ian Moor\/Agency/);
  assert.match(text, /Lenfield place, in AB; also Lenfeld/);
  assert.match(text, /date-unresolved B: date could not be resolved/);
  assert.match(text, /Who cites whom \(1\)\n {4}Valley Wire —cites→ the fire service/);
  assert.match(text, /2024-05-07 \(inferred\) River water reached the old bridge/);
});

test('terminal summary samples long groups and strips control characters from article text', () => {
  const report = fixtureReport();
  const story = report.stories[0];
  assert.ok(story);
  const unique = story.findings[0];
  assert.ok(unique);
  story.findings = Array.from({ length: 12 }, (_, i) => ({
    ...unique,
    id: `u${i}`,
    summary: `claim ${i}\u001b[31m`,
  }));
  const text = renderTerminal(report, { color: false, perKind: 5 });
  assert.match(text, /… and 7 more/);
  assert.ok(!ANSI.test(text), 'escape sequences from the text are removed');
});

test('terminal summary is coloured only when asked', () => {
  assert.ok(ANSI.test(renderTerminal(fixtureReport(), { color: true })));
});

test('useColor: TTY only, NO_COLOR honoured, FORCE_COLOR and TERM=dumb respected', () => {
  const cases: [boolean, Record<string, string | undefined>, boolean][] = [
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ];
  for (const [isTTY, env, expected] of cases) {
    assert.equal(useColor({ isTTY }, env), expected, JSON.stringify({ isTTY, env }));
  }
});

void test('an earlier version of a revised article is labelled as such and not counted as an article', () => {
  const report = fixtureReport();
  const story = report.stories[0]!;
  const current = story.articles[1]!;
  story.articles.push({ ...current, id: 'a2-old', replacedBy: current.id });
  const markdown = renderMarkdown(report);
  assert.match(markdown, /\(earlier version, replaced by B\)/);
  assert.doesNotMatch(markdown, /3 articles/);
  const terminal = renderTerminal(report, { color: false });
  assert.match(terminal, /earlier version, replaced by \[B\]/);
  assert.doesNotMatch(terminal, /3 articles/);
});
