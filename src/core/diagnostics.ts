import type { Diagnostic, Severity, Span, Stage } from './types.ts';

/** Builds a diagnostic record; stages call this instead of throwing for bad input. */
export function diagnostic(
  stage: Stage,
  ruleId: string,
  message: string,
  place: { severity?: Severity; source?: string; articleId?: string; span?: Span } = {},
): Diagnostic {
  const { severity = 'warning', ...rest } = place;
  return { stage, ruleId, severity, message, ...rest };
}

/** Error for misuse of the library API (not for bad input): names the call. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
