/**
 * The served web app: add articles (paste, drop or pick files, or the bundled
 * example), send them to the API, show the report. The API does all analysis.
 */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Report } from '../../src/core/types.ts';
import { ReportView, type Download } from './report-view.tsx';

interface Pending {
  key: number;
  label: string;
  /** A file to upload as is, or a pasted article sent as a JSON record. */
  file?: File;
  record?: Record<string, string>;
}

interface ApiError {
  error: { code: string; message: string };
}

interface StoryRow {
  id: string;
  title: string;
  articles: number;
  outlets: string[];
  openConflicts: number;
  lastSeen?: string;
}

let nextKey = 1;

async function readError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as Partial<ApiError>;
    if (body.error) return `${body.error.message} (${body.error.code})`;
  } catch {
    // not JSON: fall through to the status line
  }
  return `${response.status} ${response.statusText}`;
}

export function App(): JSX.Element {
  const [pending, setPending] = useState<Pending[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tokenRequired, setTokenRequired] = useState(false);
  const [token, setToken] = useState(() => sessionStorage.getItem('crosscheck-token') ?? '');
  const [dragging, setDragging] = useState(false);
  const [paste, setPaste] = useState({ title: '', outlet: '', published: '', text: '' });

  const [stories, setStories] = useState<StoryRow[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function loadStories(): void {
    // The corpus is optional: a server without a store answers 501, and the list stays hidden.
    fetch('/api/stories')
      .then((r) => (r.ok ? (r.json() as Promise<{ stories: StoryRow[] }>) : null))
      .then((body) => setStories(body ? body.stories : null))
      .catch(() => setStories(null));
  }

  useEffect(loadStories, []);

  useEffect(() => {
    fetch('/api/health')
      .then((r) => r.json() as Promise<{ tokenRequired?: boolean }>)
      .then((h) => setTokenRequired(Boolean(h.tokenRequired)))
      .catch(() => setError('The server does not answer /api/health.'));
  }, []);

  function headers(): Record<string, string> {
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  function addFiles(files: FileList | File[]): void {
    const added = [...files].map((file) => ({ key: nextKey++, label: file.name, file }));
    setPending((p) => [...p, ...added]);
  }

  function addPasted(): void {
    if (paste.text.trim() === '') {
      setError('Paste the article text first.');
      return;
    }
    const record: Record<string, string> = { text: paste.text };
    for (const field of ['title', 'outlet', 'published'] as const) {
      if (paste[field].trim() !== '') record[field] = paste[field].trim();
    }
    setPending((p) => [
      ...p,
      {
        key: nextKey++,
        label: paste.title || paste.outlet || `pasted article ${p.length + 1}`,
        record,
      },
    ]);
    setPaste({ title: '', outlet: '', published: '', text: '' });
    setError(null);
  }

  async function run(request: () => Promise<Response>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const response = await request();
      if (!response.ok) {
        setError(await readError(response));
        return;
      }
      setReport((await response.json()) as Report);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function analyze(): void {
    const form = new FormData();
    for (const p of pending) {
      if (p.file) form.append('file', p.file, p.file.name);
      if (p.record) form.append('article', JSON.stringify(p.record));
    }
    void run(() => fetch('/api/analyze', { method: 'POST', body: form, headers: headers() }));
  }

  function addToCorpus(): void {
    const form = new FormData();
    for (const p of pending) {
      if (p.file) form.append('file', p.file, p.file.name);
      if (p.record) form.append('article', JSON.stringify(p.record));
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    fetch('/api/articles', { method: 'POST', body: form, headers: headers() })
      .then(async (response) => {
        if (!response.ok) {
          setError(await readError(response));
          return;
        }
        const body = (await response.json()) as { results: { outcome: string }[] };
        const counts = new Map<string, number>();
        for (const r of body.results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
        setNotice(
          `Corpus: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing added'}.`,
        );
        loadStories();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  }

  function openStory(id: string): void {
    void run(() => fetch(`/api/stories/${encodeURIComponent(id)}`));
  }

  function loadExample(): void {
    void run(() => fetch('/api/example'));
  }

  async function rendered(format: 'markdown' | 'html'): Promise<Blob> {
    const response = await fetch(`/api/render/${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers() },
      body: JSON.stringify(report),
    });
    if (!response.ok) throw new Error(await readError(response));
    return response.blob();
  }

  const downloads: Download[] = report
    ? [
        {
          label: 'JSON',
          filename: 'crosscheck-report.json',
          fetch: () =>
            Promise.resolve(
              new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }),
            ),
        },
        { label: 'Markdown', filename: 'crosscheck-report.md', fetch: () => rendered('markdown') },
        { label: 'HTML', filename: 'crosscheck-report.html', fetch: () => rendered('html') },
      ]
    : [];

  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <h1>crosscheck</h1>
        <p class="tagline">
          Several outlets, one story: what agrees, what conflicts, and who said it.
        </p>
      </header>
      <main id="main">
        <section class="panel inputs" aria-labelledby="inputs-title">
          <h2 id="inputs-title">Articles</h2>
          {tokenRequired ? (
            <label class="token">
              Access token{' '}
              <input
                type="password"
                value={token}
                autoComplete="off"
                onInput={(e) => {
                  const value = e.currentTarget.value;
                  setToken(value);
                  sessionStorage.setItem('crosscheck-token', value);
                }}
              />
            </label>
          ) : null}
          <div class="input-grid">
            <div
              class={`drop${dragging ? ' dragging' : ''}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                if (e.dataTransfer?.files) addFiles(e.dataTransfer.files);
              }}
            >
              <p>Drop article files here (.txt, .html, .json)</p>
              <label class="file-pick">
                or choose files
                <input
                  type="file"
                  name="file"
                  multiple
                  accept=".txt,.text,.md,.html,.htm,.json,.jsonl,text/plain,text/html,application/json"
                  onChange={(e) => {
                    const input = e.currentTarget;
                    if (input.files) addFiles(input.files);
                    input.value = '';
                  }}
                />
              </label>
            </div>
            <form
              class="paste"
              onSubmit={(e) => {
                e.preventDefault();
                addPasted();
              }}
            >
              <div class="paste-meta">
                <label>
                  Title{' '}
                  <input
                    value={paste.title}
                    onInput={(e) => setPaste({ ...paste, title: e.currentTarget.value })}
                  />
                </label>
                <label>
                  Outlet{' '}
                  <input
                    value={paste.outlet}
                    onInput={(e) => setPaste({ ...paste, outlet: e.currentTarget.value })}
                  />
                </label>
                <label>
                  Published{' '}
                  <input
                    type="date"
                    value={paste.published}
                    onInput={(e) => setPaste({ ...paste, published: e.currentTarget.value })}
                  />
                </label>
              </div>
              <label class="paste-text">
                Article text
                <textarea
                  rows={5}
                  value={paste.text}
                  onInput={(e) => setPaste({ ...paste, text: e.currentTarget.value })}
                />
              </label>
              <button type="submit">Add pasted article</button>
            </form>
          </div>
          {pending.length > 0 ? (
            <ul class="pending" aria-label="Articles to analyse">
              {pending.map((p) => (
                <li key={p.key}>
                  {p.label}{' '}
                  <button
                    type="button"
                    class="link"
                    aria-label={`Remove ${p.label}`}
                    onClick={() => setPending((all) => all.filter((x) => x.key !== p.key))}
                  >
                    remove
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy || pending.length === 0}
              onClick={analyze}
            >
              Analyse {pending.length || ''} article{pending.length === 1 ? '' : 's'}
            </button>
            {stories !== null ? (
              <button type="button" disabled={busy || pending.length === 0} onClick={addToCorpus}>
                Add to the corpus
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={loadExample}>
              Load the example story
            </button>
            {busy ? (
              <span class="busy" role="status">
                Analysing…
              </span>
            ) : null}
          </div>
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
          {notice ? (
            <p class="notice" role="status">
              {notice}
            </p>
          ) : null}
        </section>
        {stories !== null && stories.length > 0 ? (
          <section class="panel stories" aria-labelledby="stories-title">
            <h2 id="stories-title">Stories in the corpus</h2>
            <ul>
              {stories.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    class="link"
                    data-story-id={s.id}
                    onClick={() => openStory(s.id)}
                  >
                    {s.title || s.id}
                  </button>{' '}
                  <span class="story-row-meta">
                    {s.articles} article{s.articles === 1 ? '' : 's'} ·{' '}
                    {s.outlets.join(', ') || 'no outlet'}
                    {s.openConflicts > 0
                      ? ` · ${s.openConflicts} conflict${s.openConflicts === 1 ? '' : 's'}`
                      : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {report ? <ReportView report={report} downloads={downloads} /> : null}
      </main>
    </div>
  );
}
