/**
 * Language identification with franc (trigram profiles), on the body text only:
 * bylines and credits are names, which say little about the language.
 */
import { franc } from 'franc';
import { data } from 'franc/data.js';
import { iso6393To1 } from 'iso-639-3';

/** Below this many letters franc's guess is not reliable enough to report. */
const MIN_LETTERS = 40;

/**
 * franc's languages that have an ISO 639-1 code: the report can only name those,
 * and comparing against half the profiles halves the time.
 */
const CANDIDATES = [
  ...new Set(Object.values(data).flatMap((script) => Object.keys(script))),
].filter((code) => iso6393To1[code] !== undefined);

/** ISO 639-1 code of the text's language, or `und`. */
export function detectLanguage(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  // franc reads a sample; more than a few thousand characters adds time, not accuracy.
  const code = franc(text.slice(0, 2000), { minLength: MIN_LETTERS, only: CANDIDATES });
  return iso6393To1[code] ?? 'und';
}

/** Normalises a language given as metadata ("en", "EN-gb", "eng") to ISO 639-1. */
export function normalizeLanguage(value: string): string | undefined {
  const code = value.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(code)) return code;
  if (/^[a-z]{3}$/.test(code)) return iso6393To1[code];
  return undefined;
}
