/**
 * Annotation throughput over all PolNeAR train texts, next to wink-nlp's bare
 * `readDoc` (default pipe) on the same texts in the same run, in wall time and
 * in CPU time; peak memory and live heap while streaming the files one at a
 * time; time per stage; and two bad-input cases
 * showing the whole annotation growing linearly with input size at four doubling
 * sizes (a single paragraph up to 2 MB, one sentence with no end up to 50,000
 * characters). The synthetic texts are generated here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article } from '../../src/core/index.ts';
import { annotate, prepare } from '../../src/annotate/index.ts';
import { extractDates } from '../../src/annotate/dates.ts';
import { extractEntities } from '../../src/annotate/entities.ts';
import { extractQuantities } from '../../src/annotate/quantities.ts';
import { extractAttributions } from '../../src/annotate/attribution.ts';
import { buildClaims } from '../../src/claims/index.ts';
import { DATASETS, fmt, table } from '../shared.ts';

function article(text: string, published?: string): Article {
  return {
    id: 'bench',
    source: 'bench',
    format: 'text',
    title: '',
    text,
    blocks: [],
    language: 'en',
    meta: published ? { published } : {},
    diagnostics: [],
  };
}

const rssMB = (): number => process.memoryUsage.rss() / 2 ** 20;
/** CPU seconds of this process (user + system): steadier than wall time on a shared machine. */
const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * A full garbage collection, to tell live memory from heap V8 has not given back:
 * RSS alone grows with heap slack. `gc` is exposed at run time because the bench
 * runner starts node without `--expose-gc`.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
const liveHeapMB = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** Fictional filler sentences, varied so no cache makes repetition free. */
function syntheticText(chars: number, sentenceEnds: boolean): string {
  const names = [
    'Alder Vance',
    'the Northfield council',
    'Maren Oduya',
    'Port Ellory',
    'the Larch Institute',
  ];
  const verbs = ['said', 'reported', 'announced', 'denied', 'confirmed'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i += 1) {
    const s = `${names[i % 5] ?? ''} ${verbs[i % 5] ?? ''} on Monday that ${(i % 97) + 3} people were hurt near the ${i % 2 === 0 ? 'old mill' : 'river bridge'} in District ${i % 13}${sentenceEnds ? '.' : ','} `;
    parts.push(s);
    size += s.length;
  }
  return parts.join('').slice(0, chars);
}

function timeOnce(work: () => void): number {
  const t = performance.now();
  work();
  return (performance.now() - t) / 1000;
}

// eslint-disable-next-line @typescript-eslint/require-await -- the bench runner's contract is async; this case is synchronous work
export async function bench(): Promise<{ title: string; markdown: string }> {
  const dir = join(DATASETS, 'polnear', 'train', 'text');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const bare = winkNLP(model);
  // Warm both paths (model load, gazetteers, city list) outside the timings.
  annotate(article('Officials in Paris said on Monday that 12 people were hurt.', '2016-01-01'));
  bare.readDoc('Officials in Paris said on Monday that 12 people were hurt.');

  let bytes = 0;
  let tokens = 0;
  let bareSeconds = 0;
  let fullSeconds = 0;
  let bareCpu = 0;
  let fullCpu = 0;
  const stage = { prepare: 0, entities: 0, dates: 0, quantities: 0, attributions: 0, claims: 0 };
  const rssAt: number[] = [];
  const heapAt: number[] = [];
  let peak = rssMB();
  // Each file is read, annotated and dropped before the next: memory stays flat.
  for (const [i, file] of files.entries()) {
    const text = readFileSync(join(dir, file), 'utf8');
    bytes += Buffer.byteLength(text);
    let t = performance.now();
    let c = cpuSeconds();
    const doc = bare.readDoc(text);
    bareSeconds += (performance.now() - t) / 1000;
    bareCpu += cpuSeconds() - c;
    tokens += doc.tokens().length();
    t = performance.now();
    c = cpuSeconds();
    annotate(article(text, '2016-01-01'));
    fullSeconds += (performance.now() - t) / 1000;
    fullCpu += cpuSeconds() - c;
    peak = Math.max(peak, rssMB());
    if ((i + 1) % Math.ceil(files.length / 4) === 0 || i === files.length - 1) {
      rssAt.push(rssMB());
      heapAt.push(liveHeapMB());
    }
  }
  // Stage split on a second pass over a quarter of the files.
  for (const file of files.slice(0, Math.ceil(files.length / 4))) {
    const a = article(readFileSync(join(dir, file), 'utf8'), '2016-01-01');
    let t = performance.now();
    const ctx = prepare(a);
    const lap = (key: keyof typeof stage) => {
      const now = performance.now();
      stage[key] += (now - t) / 1000;
      t = now;
    };
    lap('prepare');
    extractEntities(ctx);
    lap('entities');
    extractDates(ctx);
    lap('dates');
    extractQuantities(ctx);
    lap('quantities');
    const { attributions, quotes } = extractAttributions(ctx);
    lap('attributions');
    buildClaims(ctx, attributions, quotes);
    lap('claims');
  }
  const mb = bytes / 2 ** 20;
  const stageTotal = Object.values(stage).reduce((a, b) => a + b, 0);

  // Linear growth of the whole annotate() at four doubling sizes of the same kind of
  // text (up to a 2 MB paragraph and a 50,000-character sentence with no end). Flat
  // seconds per MB means linear. "attributions + claims" times those two stages on
  // their own in a second run (they were the quadratic part on a run-on sentence),
  // so a blow-up can be placed. Each size takes the best of several runs (two for the
  // paragraph, five for the short sentence), since on a shared machine one run is noisy.
  const growth: (string | number)[][] = [];
  for (const [label, base, ends, runs] of [
    ['single paragraph', 256 * 1024, true, 2],
    ['one sentence, no end', 6250, false, 5],
  ] as const) {
    let firstPerMB = 0;
    let previous = 0;
    for (const factor of [1, 2, 4, 8]) {
      const text = syntheticText(base * factor, ends);
      const mbHere = Buffer.byteLength(text) / 2 ** 20;
      let all = Infinity;
      let later = Infinity;
      for (let run = 0; run < runs; run++) {
        all = Math.min(
          all,
          timeOnce(() => annotate(article(text, '2016-01-01'))),
        );
        const ctx = prepare(article(text, '2016-01-01'));
        extractEntities(ctx);
        extractDates(ctx);
        extractQuantities(ctx);
        later = Math.min(
          later,
          timeOnce(() => {
            const { attributions, quotes } = extractAttributions(ctx);
            buildClaims(ctx, attributions, quotes);
          }),
        );
      }
      const perMB = all / mbHere;
      if (factor === 1) firstPerMB = perMB;
      growth.push([
        label,
        text.length >= 2 ** 20
          ? `${(text.length / 2 ** 20).toFixed(0)} MiB`
          : text.length >= 100 * 1024
            ? `${(text.length / 1024).toFixed(0)} KiB`
            : `${text.length} chars`,
        fmt(all, 3),
        factor === 1 ? '' : fmt(all / previous, 2),
        fmt(perMB, 2),
        fmt(perMB / firstPerMB, 2),
        fmt(later, 3),
      ]);
      previous = all;
    }
  }

  const markdown = [
    `PolNeAR train: ${files.length} texts, ${fmt(mb, 2)} MB, ${tokens} wink tokens. Command: \`npm run bench -- 20-annotate\`.`,
    '',
    table(
      ['run', 'seconds', 'MB/s', 'tokens/s', 'share of bare', 'CPU s', 'share of bare (CPU)'],
      [
        [
          'wink-nlp readDoc (default pipe)',
          fmt(bareSeconds, 2),
          fmt(mb / bareSeconds, 2),
          Math.round(tokens / bareSeconds),
          '1.00',
          fmt(bareCpu, 2),
          '1.00',
        ],
        [
          'crosscheck annotate (all layers)',
          fmt(fullSeconds, 2),
          fmt(mb / fullSeconds, 2),
          Math.round(tokens / fullSeconds),
          fmt(bareSeconds / fullSeconds, 2),
          fmt(fullCpu, 2),
          fmt(bareCpu / fullCpu, 2),
        ],
      ],
    ),
    '',
    'CPU seconds count this process only, so they move less than wall time when other work shares the machine.',
    '',
    `Peak RSS ${fmt(peak, 0)} MB; RSS after each quarter of the files: ${rssAt.map((r) => fmt(r, 0)).join(' → ')} MB (streamed one file at a time). Live heap after a full garbage collection at the same points: ${heapAt.map((r) => fmt(r, 0)).join(' → ')} MB (RSS also holds heap V8 has not returned, and the bare wink instance, which keeps every word it meets).`,
    '',
    'Time per stage (second pass over the first quarter of the files):',
    '',
    table(
      ['stage', 'seconds', 'share'],
      Object.entries(stage).map(([k, v]) => [k, fmt(v, 2), fmt(v / stageTotal, 2)]),
    ),
    '',
    'Growth of the whole `annotate()` with input size (synthetic text, sizes doubling: time should double and seconds per MB stay flat):',
    '',
    table(
      [
        'input',
        'size',
        'annotate s',
        '× previous size',
        's per MB',
        's/MB vs smallest',
        'attributions + claims s',
      ],
      growth,
    ),
  ].join('\n');
  return { title: 'Annotation throughput and memory', markdown };
}
