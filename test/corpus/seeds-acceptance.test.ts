/**
 * The ten acceptance checks of issue 4 on the two seed articles, as the issue
 * states them: `analyzeReport(seeds, { meta: { published: '2024-04-01' } })`.
 * The seed texts are read from ../shared; nothing of them is copied here but
 * short labels (names, figures, cue words) to find the findings by.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeReport } from '../../src/index.ts';
import type { Dossier, Finding, FindingClaim } from '../../src/index.ts';
import { SEEDS } from '../../eval/shared.ts';

const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(SEEDS, f));

const reportPromise = analyzeReport(seedFiles, { meta: { published: '2024-04-01' } });

async function story(): Promise<Dossier> {
  const report = await reportPromise;
  const first = report.stories[0];
  assert.ok(first, 'a story');
  return first;
}

async function articleIds(): Promise<{ a000: string; a001: string }> {
  const s = await story();
  const find = (stem: string) => s.articles.find((a) => a.source.includes(stem))?.id ?? '';
  return { a000: find('000_'), a001: find('001_') };
}

const has = (c: FindingClaim, words: string | RegExp) =>
  typeof words === 'string' ? c.text.includes(words) : words.test(c.text);
const claimOf = (f: Finding, article: string, words: string | RegExp) =>
  f.claims.some((c) => c.articleId === article && has(c, words));

void test('1. one story holds both seed articles', async () => {
  const report = await reportPromise;
  assert.equal(report.stories.length, 1);
  assert.equal(report.stories[0]?.articles.length, 2);
});

void test('2. conflict: 143 died (000) vs 144 killed (001), both about the Crocus City Hall attack', async () => {
  const { a000, a001 } = await articleIds();
  const s = await story();
  const conflict = s.findings.find(
    (f) => f.kind === 'conflict' && claimOf(f, a000, /\b143\b/) && claimOf(f, a001, /\b144\b/),
  );
  assert.ok(conflict, s.findings.map((f) => `${f.kind}: ${f.summary}`).join('\n'));
  assert.match(conflict.evidence.join(' '), /Crocus City/);
  assert.ok(conflict.slots?.differed.includes('value'));
});

void test('3. compatible: "about 100" (000) and "almost 100" (001); no finding pairs a Kerman figure with a Crocus figure', async () => {
  const { a000, a001 } = await articleIds();
  const s = await story();
  const kerman = s.findings.find(
    (f) =>
      f.kind === 'compatible' && claimOf(f, a000, 'about 100') && claimOf(f, a001, 'almost 100'),
  );
  assert.ok(kerman, s.findings.map((f) => `${f.kind}: ${f.summary}`).join('\n'));
  for (const f of s.findings) {
    const kermanFigure = f.claims.some((c) => /about 100|almost 100/.test(c.text));
    const crocusFigure = f.claims.some((c) => /\b14[34]\b/.test(c.text));
    assert.ok(!(kermanFigure && crocusFigure), `${f.kind}: ${f.summary}`);
  }
});

void test('4. agreement on the second source (no timing, no target) from one upstream, Reuters; agreement on 35 arrested in Iran in January', async () => {
  const { a000, a001 } = await articleIds();
  const s = await story();
  const secondSource = s.findings.find(
    (f) =>
      f.kind === 'agreement' &&
      claimOf(f, a000, /specific details.*timing.*target/) &&
      claimOf(f, a001, /specific details.*timing.*target/),
  );
  assert.ok(secondSource, s.findings.map((f) => `${f.kind}: ${f.summary}`).join('\n'));
  assert.equal(secondSource.independentSources, 1);
  assert.ok(
    secondSource.upstream.some((u) => /Reuters/.test(u)),
    secondSource.upstream.join(','),
  );
  const arrests = s.findings.find(
    (f) => f.kind === 'agreement' && claimOf(f, a000, /\b35\b/) && claimOf(f, a001, /\b35\b/),
  );
  assert.ok(arrests);
});

void test('5. one group entity for Islamic State-Khorasan / Isis-K, apart from Islamic State; one place for Krasnohorsk/Krasnogorsk', async () => {
  const s = await story();
  const khorasan = s.entities.filter(
    (e) =>
      e.variants.includes('Isis-K') &&
      (e.variants.includes('Islamic State-Khorasan') ||
        e.variants.includes('Islamic State of Khorasan')),
  );
  assert.equal(khorasan.length, 1, JSON.stringify(s.entities.map((e) => e.variants)));
  assert.equal(khorasan[0]?.type, 'group');
  const parent = s.entities.filter((e) => e.variants.includes('Islamic State'));
  assert.equal(parent.length, 1);
  assert.notEqual(parent[0]?.id, khorasan[0]?.id);
  assert.ok(!parent[0]?.variants.some((v) => /Khorasan|-K$/.test(v)));
  const place = s.entities.filter(
    (e) => e.variants.includes('Krasnohorsk') && e.variants.includes('Krasnogorsk'),
  );
  assert.equal(place.length, 1);
  assert.equal(place[0]?.type, 'place');
});

void test('6. persons: each once, with the short forms as variants; byline and picture credit are not story persons', async () => {
  const s = await story();
  const persons = s.entities.filter((e) => e.type === 'person');
  const holding = (name: string) => persons.filter((p) => p.variants.some((v) => v.includes(name)));
  for (const name of [
    'Peskov',
    'Vladimir Putin',
    'Qasem Suleimani',
    'Muhammadsobir Faizov',
    'Shamsidin Fariduni',
    'Saidakrami Rachabalizoda',
    'Dalerjon Mirzoev',
  ])
    assert.equal(
      holding(name).length,
      1,
      `${name}: ${JSON.stringify(persons.map((p) => p.variants))}`,
    );
  assert.ok(holding('Shamsidin Fariduni')[0]?.variants.includes('Faridun'));
  assert.ok(holding('Saidakrami Rachabalizoda')[0]?.variants.includes('Rachabalizod'));
  // Negative: the two men stay two entities.
  assert.notEqual(holding('Muhammadsobir Faizov')[0]?.id, holding('Shamsidin Fariduni')[0]?.id);
  for (const name of ['Olha Bereziuk', 'Evgeniy Razumniy'])
    assert.equal(
      s.entities.filter((e) => e.variants.some((v) => v.includes(name))).length,
      0,
      `${name} must not be a story entity`,
    );
});

void test("7. unique findings: Peskov's answer and the Dagestan arrests (001), the court arrest of the four (000)", async () => {
  const { a000, a001 } = await articleIds();
  const s = await story();
  const unique = s.findings.filter((f) => f.kind === 'unique');
  assert.ok(unique.some((f) => claimOf(f, a001, 'I do not know anything about this')));
  assert.ok(unique.some((f) => claimOf(f, a001, 'Dagestan')));
  assert.ok(unique.some((f) => claimOf(f, a000, /court in Moscow arrested four suspects/)));
});

void test('8. timeline: Kerman, the attack, the claim, the court arrest, the Dagestan arrests and the Reuters report, with certainty', async () => {
  const s = await story();
  const { a001 } = await articleIds();
  const text001 = s.articles.find((a) => a.id === a001)?.text ?? '';
  const on = (date: string) => s.timeline.filter((e) => e.date === date);
  const claims = (date: string) => on(date).flatMap((e) => e.claims);
  assert.ok(on('2024-01-03').length > 0, 'Kerman bombings');
  assert.ok(claims('2024-01-03').some((c) => /Kerman|January 3|Jan 3/.test(c.text)));
  assert.ok(on('2024-03-22').length > 0, 'the attack');
  assert.ok(
    claims('2024-03-23').some((c) => /claimed responsibility/.test(c.text)),
    'claim of responsibility',
  );
  const court = on('2024-03-24').filter((e) => e.claims.some((c) => /court/.test(c.text)));
  assert.equal(court.length, 1, 'court arrest');
  assert.equal(court[0]?.certainty, 'inferred');
  const dagestan = on('2024-03-31').filter((e) =>
    e.claims.some((c) => /Makhachkala|Kaspiysk/.test(c.text)),
  );
  assert.equal(dagestan.length, 1, 'arrests in Makhachkala and Kaspiysk');
  assert.equal(dagestan[0]?.certainty, 'inferred');
  const monday = on('2024-04-01');
  assert.ok(monday.length > 0);
  assert.ok(monday.every((e) => e.certainty === 'inferred'));
  assert.ok(
    claims('2024-04-01').some((c) => /I do not know anything about this/.test(c.text)),
    "Peskov's answer",
  );
  const sentenceOf = (span: [number, number]) => {
    const start = text001.lastIndexOf('\n', span[0]) + 1;
    const end = text001.indexOf('\n', span[1]);
    return text001.slice(start, end < 0 ? undefined : end);
  };
  assert.ok(
    claims('2024-04-01').some(
      (c) => c.articleId === a001 && /Reuters reported/.test(sentenceOf(c.span)),
    ),
    'the Reuters report',
  );
});

void test('9. "four suspects" arrested by a court (000) and "at least eight suspects" (001) are not a conflict', async () => {
  const { a000, a001 } = await articleIds();
  const s = await story();
  assert.ok(
    !s.findings.some(
      (f) =>
        f.kind === 'conflict' &&
        claimOf(f, a000, 'four suspects') &&
        claimOf(f, a001, 'at least eight suspects'),
    ),
  );
});

void test('10. responsibility contested: Islamic State (via Amaq; US intelligence) vs Ukraine, the US and Britain (Russia), each with its source', async () => {
  const s = await story();
  const contested = s.findings.find(
    (f) => f.kind === 'conflict' && /^Responsibility contested/.test(f.summary),
  );
  assert.ok(contested, s.findings.map((f) => `${f.kind}: ${f.summary}`).join('\n'));
  const sides = contested.evidence.filter((e) => e.startsWith('side:'));
  assert.ok(sides.length >= 2);
  const isSide = sides.find((l) => /Islamic State/.test(l) && !/Ukraine/.test(l));
  assert.ok(isSide, sides.join('\n'));
  assert.match(isSide, /Amaq/);
  assert.match(isSide, /intelligence/i);
  const accused = sides.find((l) => /Ukraine/.test(l));
  assert.ok(accused, sides.join('\n'));
  assert.match(accused, /\bUS\b|U\.S\.|United States/);
  assert.match(accused, /Britain|United Kingdom/);
  assert.match(accused, /Russia|Putin/);
});
