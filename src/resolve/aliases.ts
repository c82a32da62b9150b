/**
 * Explicit alias table: names that denote one organisation, group or country
 * but share no letters a string distance could find (IS = ISIS = Islamic State;
 * FSB = Federal Security Service). Each row maps a token sequence, as produced
 * by `nameTokens`, to the canonical token sequence it stands for. Rows apply to
 * whole tokens only, longest row first.
 */
interface AliasRow {
  from: string[];
  to: string[];
  /** Only when the name was written in capitals (IS, not the verb "is"). */
  upperOnly?: boolean;
}

const ROWS: AliasRow[] = [
  { from: ['isis'], to: ['islamic', 'state'] },
  { from: ['isil'], to: ['islamic', 'state'] },
  { from: ['daesh'], to: ['islamic', 'state'] },
  { from: ['is'], to: ['islamic', 'state'], upperOnly: true },
  { from: ['iskp'], to: ['islamic', 'state', 'khorasan'] },
  { from: ['islamic', 'state', 'k'], to: ['islamic', 'state', 'khorasan'] },
  { from: ['islamic', 'state', 'khorasan', 'province'], to: ['islamic', 'state', 'khorasan'] },
  { from: ['fsb'], to: ['federal', 'security', 'service'] },
  { from: ['us'], to: ['united', 'states'], upperOnly: true },
  { from: ['u', 's'], to: ['united', 'states'] },
  { from: ['usa'], to: ['united', 'states'] },
  { from: ['america'], to: ['united', 'states'] },
  { from: ['uk'], to: ['united', 'kingdom'] },
  { from: ['u', 'k'], to: ['united', 'kingdom'] },
  { from: ['britain'], to: ['united', 'kingdom'] },
  { from: ['great', 'britain'], to: ['united', 'kingdom'] },
  { from: ['russian', 'federation'], to: ['russia'] },
];

/** Words that describe what kind of group a name is, not which one ("the IS terrorist group"). */
const GENERIC_GROUP_WORDS = new Set(['terrorist', 'group', 'militant', 'militants', 'jihadist']);
/** Function words dropped from organisation names ("Islamic State of Khorasan"). */
const NAME_FUNCTION_WORDS = new Set(['of', 'the', 'and']);

export interface CanonicalName {
  tokens: string[];
  /** Alias rows that fired, for the merge evidence. */
  applied: string[];
}

/**
 * Canonical token sequence of an organisation, group or place name: alias rows
 * applied, generic descriptors and function words dropped.
 */
export function canonicalOrgTokens(original: string, tokens: string[]): CanonicalName {
  const upperWords = new Set(
    original
      .split(/[^A-Za-z]+/)
      .filter((w) => w.length > 1 && w === w.toUpperCase())
      .map((w) => w.toLowerCase()),
  );
  const applied: string[] = [];
  let current = tokens.filter((t) => !NAME_FUNCTION_WORDS.has(t));
  const rows = [...ROWS].sort((a, b) => b.from.length - a.from.length);
  // Two passes: "isis k" first becomes "islamic state k", then "islamic state khorasan".
  for (let pass = 0; pass < 2; pass++) {
    const out: string[] = [];
    for (let i = 0; i < current.length;) {
      const row = rows.find(
        (r) =>
          r.from.every((t, k) => current[i + k] === t) &&
          (!r.upperOnly || r.from.every((t) => upperWords.has(t))),
      );
      if (row) {
        out.push(...row.to);
        applied.push(`${row.from.join(' ')} = ${row.to.join(' ')}`);
        i += row.from.length;
      } else {
        out.push(current[i] ?? '');
        i += 1;
      }
    }
    current = out;
  }
  const trimmed = current.filter((t) => !GENERIC_GROUP_WORDS.has(t));
  return { tokens: trimmed.length > 0 ? trimmed : current, applied: [...new Set(applied)] };
}
