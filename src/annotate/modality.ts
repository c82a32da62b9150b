/**
 * Modality of a statement: asserted (the article's own voice), reported (someone
 * said it), hedged (possibility, allegation, hearsay) or negated (denial or a
 * negated main statement). Negation wins over hedging, hedging over reporting.
 */
import type { Modality } from '../core/index.ts';

/** Cue lemmas that deny the content. */
const DENIAL_CUES = new Set(['deny', 'dismiss', 'reject', 'refute']);
/** Cue lemmas that put the content in doubt. */
const HEDGING_CUES = new Set([
  'claim',
  'allege',
  'suggest',
  'speculate',
  'believe',
  'think',
  'estimate',
  'predict',
  'hint',
]);

const NEGATION =
  /\b(?:not|never|no|none|nothing|nobody|neither|nor|without|cannot|denied|denies|deny|denying|lacked|lacks|lacking|refused|rejected|dismissed)\b|n[’']t\b/iu;
const HEDGES =
  /\b(?:possible|possibly|possibility|reportedly|allegedly|alleged|purportedly|apparently|claimed|claims|may|might|could|perhaps|likely|unlikely|probably|presumably|suspected|unconfirmed|unverified|rumou?red|believed|thought to|seems?|seemed|appears?|appeared|suggests?|suggested|estimated|expected to|said to be)\b/iu;

/**
 * The same patterns without the `i` flag, for lower-cased text: a
 * case-insensitive alternation is several times slower. Lower-casing gives
 * the same matches as long as the text has no character that case-folds onto
 * an ASCII letter or changes length when lower-cased (ſ, K, İ...):
 * `FOLDS_ODDLY` sends any text with other non-ASCII characters than common
 * punctuation to the original patterns.
 */
const NEGATION_LOWER = new RegExp(NEGATION.source, 'u');
const HEDGES_LOWER = new RegExp(HEDGES.source, 'u');
const FOLDS_ODDLY = /[^\p{ASCII}‘’“”–—…]/u;

/**
 * The last text read and its lower-cased form (undefined when it folds oddly):
 * `modalityOf` asks for negation and then hedges on the same claim text.
 */
let lastText = '';
let lastLower: string | undefined = '';

function matches(text: string, pattern: RegExp, lowerPattern: RegExp): boolean {
  if (text !== lastText) {
    lastText = text;
    lastLower = FOLDS_ODDLY.test(text) ? undefined : text.toLowerCase();
  }
  return lastLower === undefined ? pattern.test(text) : lowerPattern.test(lastLower);
}

/** Whether text holds a negation of its statement. */
export function hasNegation(text: string): boolean {
  return matches(text, NEGATION, NEGATION_LOWER);
}

/** Whether text holds a hedge word. */
export function hasHedge(text: string): boolean {
  return matches(text, HEDGES, HEDGES_LOWER);
}

/**
 * Modality of a statement with the given text; `cueLemma` is the reporting verb
 * when the statement is attributed.
 */
export function modalityOf(text: string, cueLemma?: string, cueText?: string): Modality {
  if (cueLemma !== undefined && DENIAL_CUES.has(cueLemma)) return 'negated';
  if (cueText !== undefined && hasNegation(cueText)) return 'negated';
  if (hasNegation(text)) return 'negated';
  if (cueLemma !== undefined && HEDGING_CUES.has(cueLemma)) return 'hedged';
  if (hasHedge(text)) return 'hedged';
  return cueLemma === undefined ? 'asserted' : 'reported';
}
