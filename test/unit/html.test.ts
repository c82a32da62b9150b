/**
 * The self-contained HTML report and the view helpers it shares with the web
 * app: data embedded so that no report text can become markup, a CSP whose
 * hashes match the page's own inline code, no remote reference, and claim
 * spans cut into highlightable segments.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { renderHtml, reportCsp, scriptSafeJson } from '../../src/render/html.ts';
import { segmentText, validSpan } from '../../web/src/highlight.ts';
import { fixtureReport, hostileReport } from '../fixtures/report-fixture.ts';

const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

describe('scriptSafeJson', () => {
  const cases: { name: string; value: unknown; forbidden: RegExp }[] = [
    {
      name: 'closing script tag',
      value: { t: '</script><script>alert(1)</script>' },
      forbidden: /<\/script/i,
    },
    { name: 'comment opener', value: { t: '<!-- x' }, forbidden: /<!--/ },
    { name: 'markup', value: ['<img src=x onerror=alert(1)>'], forbidden: /</ },
    { name: 'ampersand entity', value: '&lt;', forbidden: /&/ },
    { name: 'line separators', value: 'a\u2028b\u2029c', forbidden: /[\u2028\u2029]/ },
  ];
  for (const c of cases) {
    it(`escapes ${c.name} and round-trips`, () => {
      const out = scriptSafeJson(c.value);
      assert.doesNotMatch(out, c.forbidden);
      assert.deepEqual(JSON.parse(out), c.value);
    });
  }
  it('leaves ordinary text readable', () => {
    assert.equal(scriptSafeJson({ t: 'Nine died' }), '{"t":"Nine died"}');
  });
});

describe('renderHtml', () => {
  const page = renderHtml(hostileReport(), { markdown: '# md </script><script>alert(1)</script>' });
  // Parsed without running scripts: what the markup itself would create.
  const dom = new JSDOM(page);
  const doc = dom.window.document;

  it('embeds the report as data that parses back unchanged', () => {
    const data = doc.getElementById('crosscheck-report');
    assert.equal(data?.getAttribute('type'), 'application/json');
    const parsed = JSON.parse(data?.textContent ?? '') as { report: unknown; markdown: string };
    assert.deepEqual(parsed.report, JSON.parse(JSON.stringify(hostileReport())));
    assert.equal(parsed.markdown, '# md </script><script>alert(1)</script>');
  });

  it('hostile report text creates no element', () => {
    assert.equal(doc.querySelectorAll('script').length, 2, 'the data block and the app only');
    for (const tag of [
      'img',
      'iframe',
      'a',
      'svg',
      'b',
      'div[style]',
      'object',
      'embed',
      'link',
      'base',
    ]) {
      assert.equal(doc.querySelectorAll(tag).length, 0, `<${tag}> from report text`);
    }
    assert.equal(doc.querySelectorAll('style').length, 1);
  });

  it('title is escaped text', () => {
    assert.match(doc.title, /<img src=x onerror=/);
    assert.doesNotMatch(page.split('</title>')[0] ?? '', /<img/);
  });

  it('the CSP allows exactly the inline script and style by hash, and no origin', () => {
    const csp =
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ??
      '';
    const scripts = [...doc.querySelectorAll('script')].filter((s) => !s.hasAttribute('type'));
    const style = doc.querySelector('style')?.textContent ?? '';
    assert.equal(scripts.length, 1);
    assert.ok(
      csp.includes(`'sha256-${sha(scripts[0]?.textContent ?? '')}'`),
      'script hash matches',
    );
    assert.ok(csp.includes(`'sha256-${sha(style)}'`), 'style hash matches');
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    assert.equal(csp, reportCsp(scripts[0]?.textContent ?? '', style));
  });

  it('references nothing outside the file', () => {
    for (const el of doc.querySelectorAll('[src], [href]')) {
      assert.fail(`external reference: ${el.outerHTML.slice(0, 80)}`);
    }
    assert.doesNotMatch(
      page.replace(doc.getElementById('crosscheck-report')?.textContent ?? '', ''),
      /<link\b/,
    );
  });

  it('a plain report renders too, with its Markdown unless left out', () => {
    const withMarkdown =
      new JSDOM(renderHtml(fixtureReport())).window.document.getElementById('crosscheck-report')
        ?.textContent ?? '';
    assert.match(
      (JSON.parse(withMarkdown) as { markdown: string }).markdown,
      /Footbridge collapse over the Orlen canal/,
    );
    const plain = renderHtml(fixtureReport(), { markdown: null });
    assert.match(
      plain,
      /<title>Footbridge collapse over the Orlen canal, Veldmark — crosscheck<\/title>/,
    );
    const data =
      new JSDOM(plain).window.document.getElementById('crosscheck-report')?.textContent ?? '';
    assert.deepEqual(
      Object.keys(JSON.parse(data) as object),
      ['report'],
      'no Markdown download without Markdown',
    );
  });
});

describe('segmentText', () => {
  it('cuts at every span edge and covers the text exactly once', () => {
    const segments = segmentText(20, [
      { span: [2, 8], findingId: 'a' },
      { span: [5, 12], findingId: 'b' },
    ]);
    assert.deepEqual(segments, [
      { start: 0, end: 2, findingIds: [] },
      { start: 2, end: 5, findingIds: ['a'] },
      { start: 5, end: 8, findingIds: ['a', 'b'] },
      { start: 8, end: 12, findingIds: ['b'] },
      { start: 12, end: 20, findingIds: [] },
    ]);
  });

  const bad: { name: string; span: [number, number] }[] = [
    { name: 'empty', span: [4, 4] },
    { name: 'reversed', span: [6, 3] },
    { name: 'past the end', span: [5, 25] },
    { name: 'negative', span: [-1, 3] },
    { name: 'fractional', span: [1.5, 3] },
  ];
  for (const b of bad) {
    it(`skips a ${b.name} span and keeps the rest`, () => {
      assert.equal(validSpan(b.span, 20), false);
      const segments = segmentText(20, [
        { span: b.span, findingId: 'bad' },
        { span: [10, 15], findingId: 'good' },
      ]);
      assert.equal(
        segments.some((s) => s.findingIds.includes('bad')),
        false,
      );
      assert.deepEqual(
        segments.map((s) => [s.start, s.end]),
        [
          [0, 10],
          [10, 15],
          [15, 20],
        ],
      );
    });
  }

  it('the same finding twice over one stretch is listed once', () => {
    const segments = segmentText(10, [
      { span: [0, 10], findingId: 'x' },
      { span: [0, 10], findingId: 'x' },
    ]);
    assert.deepEqual(segments, [{ start: 0, end: 10, findingIds: ['x'] }]);
  });

  it('every fixture claim span covers the claim text', () => {
    const story = fixtureReport().stories[0]!;
    for (const f of story.findings) {
      for (const c of f.claims) {
        const article = story.articles.find((a) => a.id === c.articleId)!;
        assert.equal(article.text.slice(c.span[0], c.span[1]), c.text);
      }
    }
  });
});
