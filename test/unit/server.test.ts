/**
 * The HTTP API through Hono's in-process `app.request()`: limits and their
 * error codes, the token rule, timeouts, the OpenAPI document and the page's
 * security headers. The analyzer is a stand-in returning the fixture report
 * except in the tests that check records really reach the pipeline.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Report } from '../../src/core/types.ts';
import type { IngestInput } from '../../src/ingest/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import {
  createApp,
  createInlineAnalyzer,
  isLoopback,
  startServer,
  type Limits,
} from '../../src/server/index.ts';
import { fixtureReport } from '../fixtures/report-fixture.ts';

const smallLimits: Partial<Limits> = {
  maxBodyBytes: 4096,
  maxArticles: 3,
  maxArticleChars: 200,
  timeoutMs: 2000,
};

function fakeApp(
  options: {
    markdown?: boolean;
    token?: string;
    limits?: Partial<Limits>;
    run?: (inputs: IngestInput[]) => Promise<Report>;
  } = {},
) {
  const seen: IngestInput[][] = [];
  const app = createApp({
    analyzer: createInlineAnalyzer(
      options.run ??
        ((inputs) => {
          seen.push(inputs);
          return Promise.resolve(fixtureReport());
        }),
    ),
    limits: options.limits ?? smallLimits,
    token: options.token,
    example: () => ({ inputs: [{ record: { text: 'An example.' }, label: 'example' }] }),
    renderMarkdown: options.markdown === false ? null : undefined,
  });
  return { app, seen };
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

function form(entries: [string, string | File][]): RequestInit {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return { method: 'POST', body: data };
}

const text = (n: number): string => 'word '.repeat(Math.ceil(n / 5)).slice(0, n);

describe('POST /api/analyze rejects bad requests with a 4xx JSON error', () => {
  const cases: {
    name: string;
    init: RequestInit;
    status: number;
    code: string;
    mentions?: string;
  }[] = [
    {
      name: 'malformed JSON',
      init: json('{"articles": [{"text": "x"'),
      status: 400,
      code: 'malformed-json',
      mentions: 'request body',
    },
    {
      name: 'unknown top-level field',
      init: json({ articles: [{ text: 'x' }], mode: 'fast' }),
      status: 400,
      code: 'unknown-field',
      mentions: 'mode',
    },
    {
      name: 'unknown article field',
      init: json({ articles: [{ text: 'x', author: 'A' }] }),
      status: 400,
      code: 'unknown-field',
      mentions: 'articles[0]',
    },
    { name: 'no articles', init: json({ articles: [] }), status: 400, code: 'no-articles' },
    {
      name: 'article with neither text nor html',
      init: json({ articles: [{ title: 'only a title' }] }),
      status: 400,
      code: 'invalid-request',
      mentions: 'text',
    },
    {
      name: 'wrong type',
      init: json({ articles: [{ text: 42 }] }),
      status: 400,
      code: 'invalid-request',
    },
    {
      name: 'too many articles',
      init: json({ articles: [1, 2, 3, 4].map((i) => ({ text: `a${i}` })) }),
      status: 413,
      code: 'too-many-articles',
    },
    {
      name: 'article too large',
      init: json({ articles: [{ text: text(201) }] }),
      status: 413,
      code: 'article-too-large',
      mentions: 'articles[0].text',
    },
    {
      name: 'body too large',
      init: json({ articles: [{ text: 'x', title: text(5000) }] }),
      status: 413,
      code: 'body-too-large',
    },
    {
      name: 'unsupported media type',
      init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Nine died.' },
      status: 415,
      code: 'unsupported-media-type',
    },
    {
      name: 'no content type',
      init: { method: 'POST', body: new Uint8Array([1, 2, 3]) },
      status: 415,
      code: 'unsupported-media-type',
    },
    {
      name: 'unknown form field',
      init: form([['notes', 'x']]),
      status: 400,
      code: 'unknown-field',
      mentions: 'notes',
    },
    { name: 'empty form', init: form([]), status: 400, code: 'no-articles' },
    {
      name: 'binary upload',
      init: form([
        ['file', new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' })],
      ]),
      status: 415,
      code: 'unsupported-media-type',
      mentions: 'photo.png',
    },
    {
      name: 'uploaded file too large',
      init: form([['file', new File([text(300)], 'long.txt', { type: 'text/plain' })]]),
      status: 413,
      code: 'article-too-large',
      mentions: 'long.txt',
    },
    {
      name: 'malformed JSON file',
      init: form([['file', new File(['{"text": '], 'broken.json', { type: 'application/json' })]]),
      status: 400,
      code: 'malformed-json',
      mentions: 'broken.json',
    },
    {
      name: 'JSON file with unknown field',
      init: form([
        ['file', new File(['{"text": "x", "tags": []}'], 'a.json', { type: 'application/json' })],
      ]),
      status: 400,
      code: 'unknown-field',
      mentions: 'tags',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { app, seen } = fakeApp();
      const response = await app.request('/api/analyze', c.init);
      assert.equal(response.status, c.status);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, c.code);
      assert.ok(body.error.message.length > 0);
      if (c.mentions)
        assert.match(body.error.message, new RegExp(c.mentions.replace(/[[\]().]/g, '\\$&')));
      assert.equal(seen.length, 0, 'a rejected request must not reach the analyzer');
    });
  }
});

describe('POST /api/analyze accepts good requests', () => {
  it('passes JSON records to the analyzer with labels', async () => {
    const { app, seen } = fakeApp();
    const response = await app.request(
      '/api/analyze',
      json({ articles: [{ text: 'One.', outlet: 'A', title: 'T1' }, { html: '<p>Two.</p>' }] }),
    );
    assert.equal(response.status, 200);
    const report = (await response.json()) as Report;
    assert.equal(report.stories[0]?.findings.length, 5);
    assert.deepEqual(seen[0], [
      { record: { text: 'One.', outlet: 'A', title: 'T1' }, label: 'articles[0] (T1)' },
      { record: { html: '<p>Two.</p>' }, label: 'articles[1]' },
    ]);
  });

  it('turns uploaded files into records by type, and pasted articles too', async () => {
    const { app, seen } = fakeApp();
    const response = await app.request(
      '/api/analyze',
      form([
        ['file', new File(['Plain words.'], 'a.txt', { type: 'text/plain' })],
        ['file', new File(['<p>Markup</p>'], 'b.html', { type: 'text/html' })],
        [
          'file',
          new File(['[{"text": "r1"}, {"text": "r2", "outlet": "O"}]'], 'c.json', {
            type: 'application/json',
          }),
        ],
        ['article', JSON.stringify({ text: 'Pasted.', outlet: 'P' })],
      ]),
    );
    assert.equal(response.status, 413, 'five articles exceed the limit of three');
    const { app: roomy, seen: seenRoomy } = fakeApp({
      limits: { ...smallLimits, maxArticles: 10 },
    });
    const ok = await roomy.request(
      '/api/analyze',
      form([
        ['file', new File(['Plain words.'], 'a.txt', { type: 'text/plain' })],
        ['file', new File(['<p>Markup</p>'], 'b.html', { type: 'text/html' })],
        [
          'file',
          new File(['[{"text": "r1"}, {"text": "r2", "outlet": "O"}]'], 'c.json', {
            type: 'application/json',
          }),
        ],
        ['article', JSON.stringify({ text: 'Pasted.', outlet: 'P' })],
      ]),
    );
    assert.equal(ok.status, 200);
    assert.equal(seen.length, 0);
    assert.deepEqual(seenRoomy[0], [
      { record: { text: 'Plain words.' }, label: 'a.txt' },
      { record: { html: '<p>Markup</p>' }, label: 'b.html' },
      { record: { text: 'r1' }, label: 'c.json[0]' },
      { record: { text: 'r2', outlet: 'O' }, label: 'c.json[1]' },
      { record: { text: 'Pasted.', outlet: 'P' }, label: 'article[0]' },
    ]);
  });

  it('runs the real pipeline on records (no fake analyzer)', async () => {
    const app = createApp({ analyzer: createInlineAnalyzer() });
    const response = await app.request(
      '/api/analyze',
      json({
        articles: [
          {
            title: 'Canal closed',
            text: 'The Orlen canal in Veldmark was closed on Monday, officials said.',
            outlet: 'Ledger',
          },
        ],
      }),
    );
    assert.equal(response.status, 200);
    const report = (await response.json()) as Report;
    assert.equal(report.schemaVersion, '1.0.0');
    const article = report.stories[0]?.articles[0];
    assert.equal(article?.outlet, 'Ledger');
    assert.match(article?.text ?? '', /Orlen canal/);
  });
});

describe('timeouts and isolation', () => {
  it('a slow analysis times out with 503 while another request is answered', async () => {
    const { app } = fakeApp({
      limits: { ...smallLimits, timeoutMs: 100 },
      run: (inputs) => {
        const first = inputs[0];
        const slow = typeof first === 'object' && 'record' in first && first.record.text === 'slow';
        return slow ? new Promise<Report>(() => undefined) : Promise.resolve(fixtureReport());
      },
    });
    // AbortSignal.timeout's timer does not keep a process alive (a listening
    // server does); hold the loop open the way the server would.
    const keepAlive = setInterval(() => undefined, 1000);
    const [slow, fast] = await Promise.all([
      app.request('/api/analyze', json({ articles: [{ text: 'slow' }] })),
      app.request('/api/analyze', json({ articles: [{ text: 'fast' }] })),
    ]).finally(() => clearInterval(keepAlive));
    assert.equal(fast.status, 200);
    assert.equal(slow.status, 503);
    assert.equal(((await slow.json()) as { error: { code: string } }).error.code, 'timeout');
  });

  it('an analyzer crash is a 500 for that request only', async () => {
    const { app } = fakeApp({
      run: (inputs) => {
        const first = inputs[0];
        return typeof first === 'object' && 'record' in first && first.record.text === 'boom'
          ? Promise.reject(new Error('stage failed'))
          : Promise.resolve(fixtureReport());
      },
    });
    const original = console.error;
    console.error = () => undefined; // the server logs the crash; keep the test output clean
    try {
      const crashed = await app.request('/api/analyze', json({ articles: [{ text: 'boom' }] }));
      assert.equal(crashed.status, 500);
      const body = (await crashed.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'internal');
      assert.doesNotMatch(body.error.message, /stage failed/, 'internals stay in the log');
    } finally {
      console.error = original;
    }
    assert.equal(
      (await app.request('/api/analyze', json({ articles: [{ text: 'fine' }] }))).status,
      200,
    );
  });
});

describe('token', () => {
  const cases: { name: string; headers: Record<string, string>; status: number }[] = [
    { name: 'no token', headers: {}, status: 401 },
    { name: 'wrong token', headers: { authorization: 'Bearer nope' }, status: 401 },
    {
      name: 'token of another length',
      headers: { authorization: 'Bearer s3cret-s3cret-s3cret' },
      status: 401,
    },
    { name: 'right token', headers: { authorization: 'Bearer s3cret' }, status: 200 },
  ];
  for (const c of cases) {
    it(`POST with ${c.name} → ${c.status}`, async () => {
      const { app } = fakeApp({ token: 's3cret' });
      const response = await app.request('/api/analyze', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...c.headers },
        body: JSON.stringify({ articles: [{ text: 'x' }] }),
      });
      assert.equal(response.status, c.status);
    });
  }

  it('GET needs no token, and health says one is required', async () => {
    const { app } = fakeApp({ token: 's3cret' });
    const response = await app.request('/api/health');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { tokenRequired: boolean }).tokenRequired, true);
  });

  it('an exposed host without a token is refused before anything listens', async () => {
    await assert.rejects(startServer({ host: '0.0.0.0', port: 0 }), /CROSSCHECK_TOKEN/);
  });

  const hosts: [string, boolean][] = [
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['example.org', false],
  ];
  for (const [host, loopback] of hosts) {
    it(`${host} is ${loopback ? '' : 'not '}loopback`, () =>
      assert.equal(isLoopback(host), loopback));
  }
});

describe('other routes', () => {
  it('GET /api/health answers with the pool state', async () => {
    const { app } = fakeApp();
    const body = (await (await app.request('/api/health')).json()) as {
      status: string;
      tokenRequired: boolean;
    };
    assert.equal(body.status, 'ok');
    assert.equal(body.tokenRequired, false);
  });

  it('GET /api/openapi.json describes the routes from the validating schemas', async () => {
    const { app } = fakeApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: {
        schemas: Record<
          string,
          { additionalProperties?: unknown; properties?: Record<string, { maxLength?: number }> }
        >;
      };
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const route of ['/api/analyze', '/api/health', '/api/example', '/api/render/{format}'])
      assert.ok(doc.paths[route], route);
    const record = doc.components.schemas.ArticleRecord;
    assert.equal(
      record?.additionalProperties,
      false,
      'unknown fields are refused, and documented so',
    );
    assert.equal(
      record?.properties?.text?.maxLength,
      200,
      'the limit in the document is the limit in force',
    );
  });

  it('GET /api/example analyses the example inputs', async () => {
    const { app, seen } = fakeApp();
    assert.equal((await app.request('/api/example')).status, 200);
    assert.deepEqual(seen[0], [{ record: { text: 'An example.' }, label: 'example' }]);
  });

  it('unknown API route is a JSON 404', async () => {
    const { app } = fakeApp();
    const response = await app.request('/api/nothing');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not-found');
  });

  it('POST /api/render/html and /markdown render the posted report', async () => {
    const { app } = fakeApp({ limits: { ...smallLimits, maxBodyBytes: 1_000_000 } });
    const html = await app.request('/api/render/html', json(fixtureReport()));
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    const page = await html.text();
    assert.match(page, /id="crosscheck-report"/);
    const md = await app.request('/api/render/markdown', json(fixtureReport()));
    assert.equal(md.status, 200);
    assert.match(md.headers.get('content-type') ?? '', /text\/markdown/);
    assert.match(await md.text(), /Footbridge collapse over the Orlen canal/);
    const bad = await app.request('/api/render/html', json({ stories: 'no' }));
    assert.equal(bad.status, 400);
    const unknown = await app.request('/api/render/pdf', json(fixtureReport()));
    assert.equal(unknown.status, 404);
  });

  it('markdown is 501 when the renderer is turned off', async () => {
    const { app } = fakeApp({
      markdown: false,
      limits: { ...smallLimits, maxBodyBytes: 1_000_000 },
    });
    assert.equal((await app.request('/api/render/markdown', json(fixtureReport()))).status, 501);
  });

  it('the page carries a nonce CSP that forbids every other script and origin', async () => {
    const { app } = fakeApp();
    const response = await app.request('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    const page = await response.text();
    assert.ok(page.includes(`<script nonce="${nonce}" src="/assets/app.js">`));
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
    const again = (await app.request('/')).headers.get('content-security-policy');
    assert.notEqual(again, csp, 'a fresh nonce per page');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const js = await app.request('/assets/app.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
  });
});

describe('story routes over the corpus store', () => {
  it('adds articles, lists stories and returns one as a report; unknown story is 404', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-server-store-'));
    let opened: Store | undefined;
    const app = createApp({
      analyzer: createInlineAnalyzer(),
      store: async () => (opened = await openStore({ data: dir })),
    });
    try {
      const bad = await app.request('/api/articles', json({ articles: [{ text: 'x', tags: [] }] }));
      assert.equal(bad.status, 400);
      assert.equal(opened, undefined, 'a rejected request does not even open the store');
      const added = await app.request(
        '/api/articles',
        json({
          articles: [
            {
              title: 'Canal closed',
              outlet: 'Ledger',
              text: 'The Orlen canal in Veldmark was closed on Monday after a footbridge collapsed, officials said.',
            },
            {
              title: 'Footbridge falls',
              outlet: 'Coastline',
              text: 'A footbridge collapsed into the Orlen canal in Veldmark, and the canal was closed on Monday.',
            },
          ],
        }),
      );
      assert.equal(added.status, 200);
      const { results } = (await added.json()) as {
        results: { outcome: string; storyId?: string }[];
      };
      assert.deepEqual(
        results.map((r) => r.outcome),
        ['added', 'added'],
      );
      const list = (await (await app.request('/api/stories')).json()) as {
        stories: { id: string; articles: number }[];
      };
      assert.ok(list.stories.length >= 1);
      // The second article may merge or re-key the story: ask the list.
      const storyId = list.stories[0]?.id ?? '';
      assert.ok(results.every((r) => typeof r.storyId === 'string'));
      const one = await app.request(`/api/stories/${storyId}`);
      assert.equal(one.status, 200);
      const report = (await one.json()) as Report;
      assert.equal(report.stories[0]?.id, storyId);
      assert.ok((report.stories[0]?.articles.length ?? 0) >= 1);
      assert.equal((await app.request('/api/stories/ffffffffffffffff')).status, 404);
      assert.equal((await app.request('/api/stories?limit=0')).status, 400);
    } finally {
      await opened?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a store the story routes answer 501', async () => {
    const { app } = fakeApp();
    const response = await app.request('/api/stories');
    assert.equal(response.status, 501);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'no-store');
  });
});
