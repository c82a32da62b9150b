/** Renderers of the report: JSON (the contract), Markdown, terminal summary, HTML. */
import type { Report } from '../core/index.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderTerminal, useColor } from './terminal.ts';

export { renderHtml, renderJson, renderMarkdown, renderTerminal, useColor };

export const FORMATS = ['terminal', 'json', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export function render(report: Report, format: Format, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'terminal':
      return renderTerminal(report, { color: options.color ?? false });
  }
}
