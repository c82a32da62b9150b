/**
 * Comparing two reported figures. A figure is a range, not a point: "about
 * 100" and "almost 100" overlap, so both can be true; 143 and 144 dead cannot.
 * Figures are compared only when they count the same thing: the same measure
 * (casualties, arrests...) or, lacking one, the same counted noun and the same
 * predicate family.
 */
import type { Bounds, Quantity } from '../core/index.ts';

/** Predicate lemmas that report one outcome (a death toll is "killed" or "died"). */
const PREDICATE_FAMILIES: Record<string, string> = {
  die: 'death',
  kill: 'death',
  dead: 'death',
  death: 'death',
  perish: 'death',
  wound: 'injury',
  injure: 'injury',
  hurt: 'injury',
  arrest: 'arrest',
  detain: 'arrest',
  apprehend: 'arrest',
  hold: 'arrest',
  charge: 'charge',
  evacuate: 'evacuate',
  displace: 'evacuate',
  happen: 'occur',
  occur: 'occur',
  explode: 'explode',
  blast: 'explode',
  detonate: 'explode',
  warn: 'warn',
  alert: 'warn',
  tip: 'warn',
  claim: 'claim',
  say: 'say',
  tell: 'say',
  state: 'say',
};

/** True when two predicate lemmas name one kind of happening (or one is unknown). */
export function samePredicateFamily(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  return family(a) === family(b);
}

/** Measures whose figure is a running total of one outcome: two values cannot both stand. */
const TOTAL_MEASURES = new Set([
  'casualties',
  'deaths',
  'death',
  'dead',
  'killed',
  'injured',
  'injuries',
  'wounded',
]);

function family(predicate: string | undefined): string | undefined {
  if (!predicate) return undefined;
  return PREDICATE_FAMILIES[predicate] ?? predicate;
}

/** True when the two figures count the same thing, with the slots that decided. */
export function sameMeasure(
  a: Quantity,
  b: Quantity,
): { same: boolean; matched: string[]; differed: string[] } {
  const matched: string[] = [];
  const differed: string[] = [];
  // The replaced figure of a change ("rose from 12 to 14") is not what the
  // article reports now: only its new value is weighed against other figures.
  if (a.change === 'from' || b.change === 'from')
    return { same: false, matched, differed: ['change'] };
  if (a.measure && b.measure) (a.measure === b.measure ? matched : differed).push('measure');
  const fa = family(a.predicate);
  const fb = family(b.predicate);
  if (fa && fb) (fa === fb ? matched : differed).push('predicate');
  if (a.counted && b.counted) (a.counted === b.counted ? matched : differed).push('counted');
  const decisive =
    matched.includes('measure') || matched.includes('predicate') || matched.includes('counted');
  const blocking = differed.includes('measure') || differed.includes('predicate');
  return { same: decisive && !blocking, matched, differed };
}

export function isTotalMeasure(q: Quantity): boolean {
  if (q.measure && (TOTAL_MEASURES.has(q.measure) || q.measure.startsWith('casualties')))
    return true;
  return family(q.predicate) === 'death' || family(q.predicate) === 'injury';
}

function interval(bounds: Bounds): [number, number] {
  return [bounds.low ?? Number.NEGATIVE_INFINITY, bounds.high ?? Number.POSITIVE_INFINITY];
}

export type ValueRelation = 'equal' | 'overlap' | 'part-of' | 'disjoint';

/**
 * How two figures of one measure relate: the same range; overlapping ranges
 * (both can be true); one a part of an open-ended total ("four gunmen" within
 * "at least eight suspects", for counts that add up rather than running
 * totals); or disjoint.
 */
export function relateValues(a: Quantity, b: Quantity): ValueRelation {
  const [la, ha] = interval(a.bounds);
  const [lb, hb] = interval(b.bounds);
  if (la === lb && ha === hb && a.value === b.value) return 'equal';
  const overlap =
    Math.max(la, lb) < Math.min(ha, hb) ||
    (Math.max(la, lb) === Math.min(ha, hb) &&
      (la >= lb ? a.bounds.lowInclusive : b.bounds.lowInclusive) &&
      (ha <= hb ? a.bounds.highInclusive : b.bounds.highInclusive));
  if (overlap) return 'overlap';
  if (!isTotalMeasure(a) && !isTotalMeasure(b)) {
    const counted = a.counted && b.counted && a.counted !== b.counted;
    if (
      (hb === Number.POSITIVE_INFINITY && ha <= lb) ||
      (ha === Number.POSITIVE_INFINITY && hb <= la)
    )
      return 'part-of';
    if (counted && (ha <= lb || hb <= la)) return 'part-of';
  }
  return 'disjoint';
}

export function describeValue(q: Quantity): string {
  const { low, high } = q.bounds;
  const range = low === high ? `${low}` : `${low ?? '…'}–${high ?? '…'}`;
  return `"${q.text}" (${range}${q.counted ? ` ${q.counted}` : ''})`;
}
