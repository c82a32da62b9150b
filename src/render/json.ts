import type { Report } from '../core/index.ts';

/** The JSON report (schema/dossier.schema.json), pretty-printed, newline-terminated. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
