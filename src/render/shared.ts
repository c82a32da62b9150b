/** Helpers shared by the text renderers (Markdown, terminal). */
import type { Diagnostic, Dossier, Finding, FindingKind, Span } from '../core/index.ts';

/** Order in which findings are shown: what needs a journalist's attention first. */
export const FINDING_ORDER: FindingKind[] = [
  'conflict',
  'update',
  'compatible',
  'agreement',
  'unique',
];

export const FINDING_TITLES: Record<FindingKind, string> = {
  conflict: 'Conflicts',
  update: 'Updates',
  compatible: 'Compatible accounts',
  agreement: 'Agreements',
  unique: 'Reported by one article only',
};

export function groupFindings(findings: Finding[]): { kind: FindingKind; findings: Finding[] }[] {
  return FINDING_ORDER.map((kind) => ({
    kind,
    findings: findings.filter((f) => f.kind === kind),
  })).filter((group) => group.findings.length > 0);
}

/** Short labels A, B, C… for the articles of a story, by article id. */
export function articleLabels(dossier: Dossier): Map<string, string> {
  const labels = new Map<string, string>();
  dossier.articles.forEach((article, i) => labels.set(article.id, letterLabel(i)));
  return labels;
}

function letterLabel(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26
    ? (letters[index] ?? '?')
    : `${letters[Math.floor(index / 26) - 1] ?? '?'}${letters[index % 26] ?? '?'}`;
}

export function spanText(span: Span): string {
  return `${span[0]}–${span[1]}`;
}

/** One line of text: whitespace collapsed, cut at `max` characters with an ellipsis. */
export function oneLine(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export function diagnosticLine(d: Diagnostic): string {
  const place = d.source ? `${d.source}: ` : '';
  return `${place}${d.message} [${d.stage}/${d.ruleId}]`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
