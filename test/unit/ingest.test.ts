import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ingest } from '../../src/ingest/index.ts';
import type { Article } from '../../src/core/index.ts';
import { GOOD_TEXT, tempFiles } from './ingest-helpers.ts';

async function one(
  files: Record<string, string | Uint8Array>,
  name: string,
  options = {},
): Promise<Article> {
  const dir = tempFiles(files);
  const result = await ingest([join(dir, name)], options);
  assert.deepEqual(result.diagnostics, [], JSON.stringify(result.diagnostics));
  const [article] = result.articles;
  assert.ok(article);
  return article;
}

function blockTexts(article: Article, kind: string): string[] {
  return article.blocks
    .filter((b) => b.kind === kind)
    .map((b) => article.text.slice(b.span[0], b.span[1]));
}

test('plain text: first non-empty line is the title; offsets are file offsets', async () => {
  const article = await one({ 'a.txt': `\n\n${GOOD_TEXT}` }, 'a.txt');
  assert.equal(article.title, 'Ferry service resumes in Marlow Bay');
  assert.equal(article.format, 'text');
  assert.equal(
    article.text,
    readFileSync(join(tempFiles({ 'x.txt': `\n\n${GOOD_TEXT}` }), 'x.txt'), 'utf8'),
  );
  for (const block of article.blocks) {
    const text = article.text.slice(block.span[0], block.span[1]);
    assert.equal(text, text.trim(), 'block spans are trimmed');
    assert.notEqual(text, '');
  }
  assert.equal(article.language, 'en');
  assert.match(article.id, /^[0-9a-f]{16}$/);
});

test('normalisation: BOM removed, CRLF and CR become LF, NFC; id depends only on the text', async () => {
  const decomposed = 'Cafe\u0301 reopens in Marlow Bay';
  const crlf = `\ufeff${decomposed}\r\n\r\nThe cafe\u0301 reopened on Monday after repairs, the owner said.\r`;
  const lf = `Café reopens in Marlow Bay\n\nThe café reopened on Monday after repairs, the owner said.\n`;
  const a = await one({ 'a.txt': crlf }, 'a.txt');
  const b = await one({ 'b.txt': lf }, 'b.txt');
  assert.equal(a.text, lf);
  assert.equal(a.id, b.id, 'same normalised text, same id');
  const c = await one({ 'c.txt': lf.replace('Monday', 'Tuesday') }, 'c.txt');
  assert.notEqual(c.id, a.id);
});

test('legacy encodings: declared in HTML, detected in text, UTF-16 by BOM', async () => {
  const russian =
    'Пожар в порту Вернограда\n\nВ понедельник на складе удобрений произошёл взрыв, погибли по меньшей мере ' +
    'двенадцать человек, сообщил губернатор области журналистам.';
  const html = `<html><head><meta charset="windows-1251"><title>Пожар в порту</title></head><body><article><h1>Пожар в порту Вернограда</h1><p>${russian.split('\n\n')[1]} Спасатели продолжают работу на месте.</p></article></body></html>`;
  const declared = await ingest([
    join(tempFiles({ 'ru.html': iconv.encode(html, 'windows-1251') }), 'ru.html'),
  ]);
  assert.match(declared.articles[0]?.text ?? '', /произошёл взрыв/);
  assert.equal(declared.articles[0]?.language, 'ru');
  assert.match(
    declared.articles[0]?.diagnostics[0]?.message ?? '',
    /decoded as windows-1251 \(declared\)/,
  );

  const detected = await ingest([
    join(tempFiles({ 'ru.txt': iconv.encode(russian, 'windows-1251') }), 'ru.txt'),
  ]);
  assert.equal(detected.articles[0]?.text, russian);
  assert.match(
    detected.articles[0]?.diagnostics[0]?.message ?? '',
    /decoded as windows-1251 \(detected\)/,
  );

  const french =
    "Incendie au port de Vernograd\n\nUne explosion a détruit un entrepôt d'engrais lundi, a déclaré le gouverneur.";
  const latin = await ingest([
    join(tempFiles({ 'fr.txt': iconv.encode(french, 'latin1') }), 'fr.txt'),
  ]);
  assert.equal(latin.articles[0]?.text, french);
  assert.equal(latin.articles[0]?.language, 'fr');

  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(GOOD_TEXT, 'utf-16le')]);
  const wide = await ingest([join(tempFiles({ 'wide.txt': utf16 }), 'wide.txt')]);
  assert.equal(wide.articles[0]?.text, GOOD_TEXT);
});

test('HTML: readability article, metadata from meta, JSON-LD and time; no script, style, nav or comments', async () => {
  const html = `<!doctype html><html lang="en"><head>
    <title>Strike ends | Bay Times</title>
    <meta property="og:site_name" content="Bay Times">
    <meta name="author" content="Nora Quill">
    <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Strike ends at Marlow Bay ferries","datePublished":"2024-06-12T07:00:00Z","publisher":{"@type":"Organization","name":"Bay Times Group"}}]}</script>
    <script>document.title = "SCRIPT TEXT";</script><style>p { color: red } .STYLE-TEXT {}</style>
    </head><body>
    <nav><a href="/">NAV-LINK home</a><a href="/sport">NAV-LINK sport</a></nav>
    <article>
      <h1>Strike ends at Marlow Bay ferries</h1>
      <p>Ferries between Marlow Bay and the islands resumed on Wednesday after a two-day strike, the operator said in a statement on its website.</p>
      <figure><img src="x.jpg"><figcaption>A ferry leaves the harbour on Wednesday (Photo: Ian Moor)</figcaption></figure>
      <h2>Passengers stranded</h2>
      <p>About 3,000 passengers had been stranded during the strike, according to the harbour office, which opened a waiting hall overnight.</p>
      <p>The union said its members had accepted a new pay offer of 4 percent, ending the dispute that began on Monday.</p>
    </article>
    <div id="comments"><p>COMMENT-TEXT I waited six hours at the pier and nobody told us anything at all.</p></div>
    <!-- HTML-COMMENT -->
    </body></html>`;
  const article = await one({ 'bay.html': html }, 'bay.html');
  assert.equal(article.format, 'html');
  assert.equal(article.title, 'Strike ends at Marlow Bay ferries');
  assert.ok(article.text.startsWith(article.title), 'title first');
  for (const junk of ['SCRIPT TEXT', 'STYLE-TEXT', 'NAV-LINK', 'COMMENT-TEXT', 'HTML-COMMENT']) {
    assert.ok(!article.text.includes(junk), `${junk} must not reach the text`);
  }
  assert.equal(article.meta.outlet, 'Bay Times');
  assert.equal(article.meta.origin?.outlet, 'meta:og:site_name');
  assert.equal(article.meta.byline, 'Nora Quill');
  assert.equal(article.meta.published, '2024-06-12T07:00:00Z');
  assert.equal(article.meta.origin?.published, 'json-ld');
  assert.deepEqual(blockTexts(article, 'heading'), ['Passengers stranded']);
  assert.deepEqual(blockTexts(article, 'caption'), ['A ferry leaves the harbour on Wednesday']);
  assert.deepEqual(blockTexts(article, 'credit'), ['(Photo: Ian Moor)']);
  assert.equal(article.language, 'en');
});

test('HTML metadata falls back to <time> when no meta or JSON-LD date is given', async () => {
  const html = `<html><body><article><h1>Pier repairs finished</h1><time datetime="2024-07-01">1 July</time>
    <p>Repairs to the north pier of Marlow Bay were finished on Monday, three weeks ahead of schedule, the council said.</p>
    <p>The pier will reopen to the public on Saturday with a small ceremony, a council spokesman told reporters.</p></article></body></html>`;
  const article = await one({ 'pier.html': html }, 'pier.html');
  assert.equal(article.meta.published, '2024-07-01');
  assert.equal(article.meta.origin?.published, 'html:time');
});

test('JSON and JSON Lines records: fields read, unknown fields kept in meta.extra, title first in the text', async () => {
  const record = {
    title: 'Ferry strike ends',
    text: 'Ferries resumed on Wednesday after a two-day strike, the operator said. About 3,000 people had been stranded.',
    outlet: 'Bay Radio',
    byline: 'Sam Reed',
    published: '2024-06-12',
    url: 'https://bay.example/ferry',
    desk: 'local',
    tags: ['ferry', 'strike'],
  };
  const dir = tempFiles({
    'one.json': JSON.stringify(record),
    'many.json': JSON.stringify({
      articles: [record, { ...record, text: `${record.text} More later.` }],
    }),
    'lines.jsonl': `${JSON.stringify({ ...record, text: `${record.text} Update.` })}\n\n`,
  });
  const result = await ingest([
    join(dir, 'one.json'),
    join(dir, 'many.json'),
    join(dir, 'lines.jsonl'),
  ]);
  const sources = result.articles.map((a) => a.source.slice(dir.length + 1));
  assert.deepEqual(sources, ['one.json', 'many.json#2', 'lines.jsonl:1']);
  assert.match(result.diagnostics[0]?.message ?? '', /same text as .*one\.json; read once/);
  const [article] = result.articles;
  assert.ok(article);
  assert.equal(article.title, 'Ferry strike ends');
  assert.ok(article.text.startsWith('Ferry strike ends\n\nFerries resumed'));
  assert.deepEqual(
    {
      outlet: article.meta.outlet,
      byline: article.meta.byline,
      published: article.meta.published,
      url: article.meta.url,
    },
    {
      outlet: 'Bay Radio',
      byline: 'Sam Reed',
      published: '2024-06-12',
      url: 'https://bay.example/ferry',
    },
  );
  assert.deepEqual(article.meta.extra, { desk: 'local', tags: ['ferry', 'strike'] });
  assert.equal(result.articles[2]?.format, 'jsonl');
});

test('records given directly (the HTTP API path), with html instead of text', async () => {
  const result = await ingest([
    {
      record: {
        html: '<article><h1>Harbour hall opens</h1><p>The new harbour hall in Marlow Bay opened on Friday with room for 400 waiting passengers, the council said.</p></article>',
        outlet: 'Bay Times',
      },
      label: 'request#1',
    },
  ]);
  assert.equal(result.articles[0]?.source, 'request#1');
  assert.equal(result.articles[0]?.title, 'Harbour hall opens');
  assert.equal(result.articles[0]?.meta.outlet, 'Bay Times');
});

test('metadata precedence: per-file over all-inputs over detected; bad dates refused with a diagnostic', async () => {
  const record = { title: 'Ferry', text: GOOD_TEXT, outlet: 'Bay Radio', published: '2024-06-12' };
  const dir = tempFiles({
    'a.json': JSON.stringify(record),
    'b.txt': GOOD_TEXT.replace('Wednesday', 'Thursday'),
  });
  const result = await ingest([dir], {
    meta: { outlet: 'Given Outlet', published: '2024-06-13' },
    fileMeta: { 'b.txt': { published: '2024-06-14' } },
  });
  const [a, b] = result.articles;
  assert.equal(a?.meta.outlet, 'Given Outlet');
  assert.equal(a?.meta.origin?.outlet, 'given');
  assert.equal(a?.meta.published, '2024-06-13');
  assert.equal(b?.meta.published, '2024-06-14');
  assert.equal(b?.meta.outlet, 'Given Outlet');

  const bad = await ingest([join(dir, 'b.txt')], { meta: { published: 'next Tuesday' } });
  assert.equal(bad.articles[0]?.meta.published, undefined);
  assert.match(
    bad.articles[0]?.diagnostics[0]?.message ?? '',
    /published date "next Tuesday" .* is not a date/,
  );
});

test('directories expand to their supported files, sorted, skipping other and hidden files', async () => {
  const dir = tempFiles({
    'b.txt': GOOD_TEXT,
    'a.html': `<article><h1>Pier</h1><p>${GOOD_TEXT.replace('Ferries', 'Boats')}</p></article>`,
    'nested/c.txt': GOOD_TEXT.replace('Wednesday', 'Friday'),
    'notes.csv': 'x,y',
    '.hidden/d.txt': GOOD_TEXT.replace('Wednesday', 'Sunday'),
  });
  const result = await ingest([dir]);
  assert.deepEqual(
    result.articles.map((a) => a.source.slice(dir.length + 1)),
    ['a.html', 'b.txt', 'nested/c.txt'],
  );
});

test('language: detected from the body; und for too little text; given language wins', async () => {
  const german =
    'Fähre fährt wieder\n\nDie Fähren zwischen Marlow Bay und den Inseln fahren seit Mittwoch wieder, teilte der Betreiber mit. ' +
    'Etwa 3000 Fahrgäste saßen während des Streiks fest.';
  const dir = tempFiles({ 'de.txt': german, 'short.txt': 'Ferry back\n\nIt sails.' });
  const result = await ingest([
    join(dir, 'de.txt'),
    join(dir, 'short.txt'),
    { record: { text: `${german} Mehr folgt.`, language: 'de-AT' } },
  ]);
  assert.deepEqual(
    result.articles.map((a) => a.language),
    ['de', 'und', 'de'],
  );
  assert.match(result.articles[1]?.diagnostics[0]?.ruleId ?? '', /language-undetermined/);
});

test("HTML lang attribute: detection wins over a template's lang, lang fills in when text is too short", async () => {
  const german =
    'Die Fähren zwischen Marlow Bay und den Inseln fahren seit Mittwoch wieder, teilte der Betreiber mit. Etwa 3000 Fahrgäste saßen fest.';
  const dir = tempFiles({
    'de.html': `<html lang="en"><body><article><h1>Fähre fährt wieder</h1><p>${german}</p><p>${german.replace('Mittwoch', 'Donnerstag')}</p></article></body></html>`,
    'fr.html':
      '<html lang="fr-FR"><body><article><h1>Bac</h1><p>Le bac repart.</p></article></body></html>',
  });
  const result = await ingest([join(dir, 'de.html'), join(dir, 'fr.html')]);
  assert.deepEqual(
    result.articles.map((a) => [a.language, a.meta.origin?.language]),
    [
      ['de', 'detected'],
      ['fr', 'html:lang'],
    ],
  );
});
