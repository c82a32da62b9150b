/**
 * Ingest throughput over all PolNeAR train texts (../shared/datasets/polnear/
 * train/text): MB of input per second and peak memory, next to a bare
 * `readFile` + UTF-8 decode of the same files in the same run (the floor any
 * ingest sits on). A second row wraps a sample of the same texts in simple HTML
 * pages (generated here) to show what readability over jsdom costs per page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingest, type IngestInput } from '../../src/ingest/index.ts';
import { DATASETS, fmt, measure, table } from '../shared.ts';

const HTML_SAMPLE = 100;

function page(text: string): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const [title = '', ...paragraphs] = text.split(/\n+/).filter((p) => p.trim() !== '');
  return (
    `<!doctype html><html><head><title>${escape(title)}</title><script>var tracking = 1;</script></head>` +
    `<body><nav><a href="/">Home</a></nav><article><h1>${escape(title)}</h1>` +
    paragraphs.map((p) => `<p>${escape(p)}</p>`).join('') +
    '</article><footer>Footer</footer></body></html>'
  );
}

export async function bench(): Promise<{ title: string; markdown: string }> {
  const dir = join(DATASETS, 'polnear', 'train', 'text');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const mb = bytes / 2 ** 20;

  const floor = await measure(async () => {
    let chars = 0;
    for (const file of files) chars += (await readFile(file, 'utf8')).length;
    return chars;
  });
  const text = await measure(() => ingest(files));

  const sample = files.slice(0, HTML_SAMPLE).map((f) => page(readFileSync(f, 'utf8')));
  const htmlBytes = sample.reduce((n, html) => n + Buffer.byteLength(html), 0);
  const inputs: IngestInput[] = sample.map((html, i) => ({ record: { html }, label: `page-${i}` }));
  const html = await measure(() => ingest(inputs));

  const blocks = text.result.articles.reduce((n, a) => n + a.blocks.length, 0);
  const apart = text.result.articles.reduce(
    (n, a) => n + a.blocks.filter((b) => b.kind !== 'body').length,
    0,
  );
  const rows = [
    [
      'readFile + UTF-8 decode (floor)',
      files.length,
      fmt(mb, 2),
      fmt(floor.seconds, 2),
      fmt(mb / floor.seconds, 1),
      '—',
      fmt(floor.peakRssMB, 0),
    ],
    [
      'ingest .txt (decode, normalise, blocks, language)',
      files.length,
      fmt(mb, 2),
      fmt(text.seconds, 2),
      fmt(mb / text.seconds, 2),
      fmt(files.length / text.seconds, 0),
      fmt(text.peakRssMB, 0),
    ],
    [
      `ingest HTML pages (readability over jsdom), first ${sample.length}`,
      sample.length,
      fmt(htmlBytes / 2 ** 20, 2),
      fmt(html.seconds, 2),
      fmt(htmlBytes / 2 ** 20 / html.seconds, 2),
      fmt(sample.length / html.seconds, 0),
      fmt(html.peakRssMB, 0),
    ],
  ];
  return {
    title: 'Ingest throughput (PolNeAR train texts)',
    markdown:
      table(['run', 'docs', 'MB', 'seconds', 'MB/s', 'docs/s', 'peak RSS MB'], rows) +
      `\n\n${text.result.articles.length} articles read (${text.result.diagnostics.length} diagnostics), ` +
      `${blocks} blocks, ${apart} set apart from the body (title, byline, dateline, heading, caption, credit). ` +
      'Peak RSS is of the whole bench process, sampled every 20 ms.',
  };
}
