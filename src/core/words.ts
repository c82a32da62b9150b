/**
 * English calendar and number words, lower-cased, in one place: the date,
 * quantity, attribution and clustering code each need some of them and used to
 * spell them out separately.
 */

/** Full month names, January first (index + 1 is the month number). */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Month abbreviations as news text writes them ("Sept." and "Sep." both occur). */
export const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/** Weekday names, Monday first. */
export const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** Cardinal number words below one hundred that are written as one word. */
export const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Cardinal words up to `max`, e.g. for counting sources ("three sources"). */
export function cardinalWordsUpTo(max: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(CARDINAL_WORDS).filter(([, value]) => value >= 1 && value <= max),
  );
}
