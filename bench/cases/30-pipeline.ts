/**
 * The whole pipeline on ECB+ documents: ingest → annotate → cluster → align →
 * dossier, at n = 100, 250, 500 and all 982 documents, so growth is visible.
 * Each size runs in a fresh Node process so its peak memory is its own. The
 * documents are taken in a fixed interleaved order (round-robin over topics),
 * so every size mixes many stories, as a news stream would.
 *
 * `pairs compared` is what the clustering's signature blocking compared,
 * against the n(n-1)/2 of comparing every article with every other.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { annotate } from '../../src/annotate/index.ts';
import { StoryIndex } from '../../src/cluster/index.ts';
import { buildDossier } from '../../src/dossier/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { readEcbPlus } from '../../eval/ecbplus.ts';
import { fmt, measure, table } from '../shared.ts';

const SIZES = [100, 250, 500, 982];

interface RunResult {
  n: number;
  seconds: Record<'ingest' | 'annotate' | 'cluster' | 'alignDossier' | 'total', number>;
  peakRssMB: number;
  stories: number;
  claims: number;
  findings: number;
  comparisons: number;
  largestGroup: number;
}

/** Round-robin over topics, documents of a topic in name order. */
function interleaved(n: number) {
  const byTopic = new Map<number, ReturnType<typeof readEcbPlus>>();
  for (const d of readEcbPlus()) {
    let list = byTopic.get(d.topic);
    if (!list) byTopic.set(d.topic, (list = []));
    list.push(d);
  }
  const lists = [...byTopic.values()];
  const out: ReturnType<typeof readEcbPlus> = [];
  for (let round = 0; out.length < n; round++) {
    let added = false;
    for (const list of lists) {
      const d = list[round];
      if (d && out.length < n) {
        out.push(d);
        added = true;
      }
    }
    if (!added) break;
  }
  return out;
}

async function run(n: number): Promise<RunResult> {
  const docs = interleaved(n);
  const stageSeconds = { ingest: 0, annotate: 0, cluster: 0, alignDossier: 0, total: 0 };
  let stories = 0;
  let claims = 0;
  let findings = 0;
  let comparisons = 0;
  let largestGroup = 0;
  const { seconds, peakRssMB } = await measure(async () => {
    let t = performance.now();
    const lap = (): number => {
      const now = performance.now();
      const s = (now - t) / 1000;
      t = now;
      return s;
    };
    const { articles } = await ingest(
      docs.map((d) => ({ record: { title: d.title, text: d.text }, label: `ecbplus:${d.name}` })),
    );
    stageSeconds.ingest = lap();
    const annotated = articles.map((a) => annotate(a));
    claims = annotated.reduce((sum, a) => sum + a.claims.length, 0);
    stageSeconds.annotate = lap();
    const index = new StoryIndex();
    for (const a of annotated) index.add(a);
    const grouped = index.stories();
    comparisons = index.comparisons;
    largestGroup = index.groupSizes()[0] ?? 0;
    stories = grouped.length;
    stageSeconds.cluster = lap();
    for (const story of grouped) findings += buildDossier(story).findings.length;
    stageSeconds.alignDossier = lap();
  });
  stageSeconds.total = seconds;
  return {
    n: docs.length,
    seconds: stageSeconds,
    peakRssMB,
    stories,
    claims,
    findings,
    comparisons,
    largestGroup,
  };
}

export async function bench(): Promise<{ title: string; markdown: string }> {
  await Promise.resolve();
  const self = fileURLToPath(import.meta.url);
  const results: RunResult[] = [];
  for (const n of SIZES) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--run', String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const line = out.trim().split('\n').pop() ?? '{}';
    results.push(JSON.parse(line) as RunResult);
  }
  const rows = results.map((r) => [
    r.n,
    fmt(r.seconds.ingest, 2),
    fmt(r.seconds.annotate, 2),
    fmt(r.seconds.cluster, 2),
    fmt(r.seconds.alignDossier, 2),
    fmt(r.seconds.total, 2),
    fmt(r.n / r.seconds.total, 1),
    fmt(r.peakRssMB, 0),
    r.stories,
    r.claims,
    r.findings,
    `${r.comparisons} / ${(r.n * (r.n - 1)) / 2}`,
    r.largestGroup,
  ]);
  return {
    title: 'Pipeline on ECB+ (ingest → annotate → cluster → align → dossier)',
    markdown: [
      table(
        [
          'docs',
          'ingest s',
          'annotate s',
          'cluster s',
          'align+dossier s',
          'total s',
          'docs/s',
          'peak RSS MB',
          'stories',
          'claims',
          'findings',
          'pairs compared / all pairs',
          'largest candidate group',
        ],
        rows,
      ),
      '',
      'Each size in a fresh process (peak RSS includes Node, the wink model and the gazetteers). ' +
        'Documents interleaved round-robin over the 43 topics.',
    ].join('\n'),
  };
}

const runArg = process.argv.indexOf('--run');
if (runArg >= 0 && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[runArg + 1]);
  run(n)
    .then((r) => console.log(JSON.stringify(r)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
