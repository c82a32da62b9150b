/**
 * The terminal summary: what a journalist reads first. Conflicts and updates are
 * shown in full; agreements and unique claims, entities, the timeline and the
 * citation edges are counted and sampled. Colour is
 * used only when asked for (`color: true`); `useColor()` decides that from the
 * stream (a TTY) and the environment (`NO_COLOR`, `FORCE_COLOR`, `TERM=dumb`).
 */
import type { Dossier, FindingKind, Report } from '../core/index.ts';
import {
  articleLabels,
  diagnosticLine,
  FINDING_TITLES,
  groupFindings,
  oneLine,
  plural,
} from './shared.ts';

export interface TerminalOptions {
  color?: boolean;
  /** Findings listed per kind before "… and N more" (default 8; conflicts and updates all). */
  perKind?: number;
}

/** Whether to colour output written to `stream`, following https://no-color.org. */
export function useColor(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta';
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};

const KIND_STYLE: Record<FindingKind, Style> = {
  conflict: 'red',
  update: 'yellow',
  compatible: 'cyan',
  agreement: 'green',
  unique: 'dim',
};
const KIND_MARK: Record<FindingKind, string> = {
  conflict: '✗',
  update: '↻',
  compatible: '≈',
  agreement: '✓',
  unique: '·',
};

/** Removes terminal control characters from text taken from articles. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  const paint = (style: Style, text: string): string =>
    options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
  const perKind = options.perKind ?? 8;
  const out: string[] = [];
  const articleCount = report.stories.reduce(
    (n, s) => n + s.articles.filter((a) => !a.replacedBy).length,
    0,
  );
  const rejected = report.diagnostics.filter((d) => d.severity === 'error').length;
  out.push(
    `${paint('bold', 'crosscheck')}: ${plural(report.stories.length, 'story', 'stories')} from ${plural(articleCount, 'article')}` +
      (rejected > 0 ? paint('red', `, ${plural(rejected, 'input')} rejected`) : ''),
  );
  for (const d of report.diagnostics) {
    out.push(
      `  ${paint(d.severity === 'error' ? 'red' : 'yellow', d.severity)} ${clean(diagnosticLine(d))}`,
    );
  }
  report.stories.forEach((story, i) => out.push('', ...renderStory(story, i + 1, paint, perKind)));
  return `${out.join('\n')}\n`;
}

function renderStory(
  story: Dossier,
  number: number,
  paint: (style: Style, text: string) => string,
  perKind: number,
): string[] {
  const out: string[] = [];
  const labels = articleLabels(story);
  const label = (id: string) => labels.get(id) ?? '?';
  out.push(paint('bold', `Story ${number}: ${clean(oneLine(story.title, 100))}`));
  for (const a of story.articles) {
    const facts = [a.outlet, a.published, a.byline ? `by ${a.byline}` : undefined, a.language]
      .filter((x): x is string => Boolean(x))
      .map(clean);
    out.push(
      `  ${paint('bold', `[${label(a.id)}]`)} ${clean(oneLine(a.title, 90))} ${paint('dim', `(${facts.join(', ')})`)}${a.replacedBy ? paint('dim', ` earlier version, replaced by [${label(a.replacedBy)}]`) : ''}`,
    );
    out.push(`      ${paint('dim', clean(a.source))}`);
    for (const b of a.apart)
      out.push(`      ${paint('dim', `${b.kind}: ${clean(oneLine(b.text, 80))}`)}`);
  }

  const groups = groupFindings(story.findings);
  if (groups.length === 0) out.push(paint('dim', '  No findings.'));
  for (const group of groups) {
    const style = KIND_STYLE[group.kind];
    out.push(
      '',
      `  ${paint(style, paint('bold', `${FINDING_TITLES[group.kind]} (${group.findings.length})`))}`,
    );
    const all = group.kind === 'conflict' || group.kind === 'update';
    const shown = all ? group.findings : group.findings.slice(0, perKind);
    for (const finding of shown) {
      const sources = paint('dim', `[${plural(finding.independentSources, 'independent source')}]`);
      out.push(
        `  ${paint(style, KIND_MARK[group.kind])} ${clean(oneLine(finding.summary, 110))} ${sources}`,
      );
      if (all) {
        for (const claim of finding.claims) {
          const via = claim.attribution?.chain.length
            ? paint('dim', ` — ${claim.attribution.chain.map(clean).join(' → ')}`)
            : '';
          out.push(`      ${label(claim.articleId)}: “${clean(oneLine(claim.text, 100))}”${via}`);
        }
      }
    }
    if (shown.length < group.findings.length) {
      out.push(
        paint(
          'dim',
          `    … and ${group.findings.length - shown.length} more (see the JSON or Markdown report)`,
        ),
      );
    }
  }

  if (story.entities.length > 0) {
    const top = [...story.entities]
      .sort((a, b) => b.articles.length - a.articles.length)
      .slice(0, 10);
    out.push('', `  ${paint('bold', `Entities (${story.entities.length})`)}`);
    for (const e of top) {
      const also = e.variants.filter((v) => v !== e.name);
      out.push(
        `    ${clean(e.name)} ${paint('dim', `${e.type}, in ${e.articles.map(label).join('')}${also.length ? `; also ${also.map(clean).join(', ')}` : ''}`)}`,
      );
    }
  }
  if (story.timeline.length > 0) {
    out.push('', `  ${paint('bold', 'Timeline')}`);
    for (const event of story.timeline) {
      const date = event.date ?? 'undated';
      const mark = event.certainty === 'stated' ? '' : paint('dim', ` (${event.certainty})`);
      out.push(`    ${date}${mark} ${clean(oneLine(event.summary, 100))}`);
    }
  }
  const edges = story.provenance.edges;
  if (edges.length > 0) {
    const nodes = new Map(story.provenance.nodes.map((n) => [n.id, n.label]));
    out.push('', `  ${paint('bold', `Who cites whom (${edges.length})`)}`);
    for (const edge of edges.slice(0, perKind)) {
      const from = clean(oneLine(nodes.get(edge.from) ?? edge.from, 50));
      const to = clean(oneLine(nodes.get(edge.to) ?? edge.to, 50));
      out.push(`    ${from} ${paint('dim', `—${edge.kind}→`)} ${to}`);
    }
    if (edges.length > perKind) out.push(paint('dim', `    … and ${edges.length - perKind} more`));
  }
  const warnings = story.diagnostics.filter((d) => d.severity !== 'info');
  if (warnings.length > 0) {
    out.push('', `  ${paint('bold', `Diagnostics (${warnings.length})`)}`);
    for (const d of warnings.slice(0, perKind)) {
      out.push(
        `    ${paint('yellow', d.ruleId)} ${d.articleId ? `${label(d.articleId)}: ` : ''}${clean(oneLine(d.message, 100))}`,
      );
    }
    if (warnings.length > perKind)
      out.push(paint('dim', `    … and ${warnings.length - perKind} more`));
  }
  return out;
}
