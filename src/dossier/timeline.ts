/**
 * Timeline of a story: the dated events of all its articles merged across
 * outlets. A claim with a resolved time expression places an event on that
 * date (at the expression's granularity); claims on one date that share
 * entities or wording are one event. Certainty is `stated` when any outlet
 * states the date, `inferred` when every date was resolved from a relative
 * expression ("on Monday", "the next day"). Time expressions that could not be
 * resolved list their claims apart, with date `null`.
 */
import type {
  AnnotatedArticle,
  Claim,
  TimeCertainty,
  TimeRef,
  TimelineEvent,
} from '../core/index.ts';
import type { Resolution } from '../resolve/index.ts';
import { contentTerms, relatedEntities } from '../align/features.ts';
import { eventProfile } from '../align/similarity.ts';

/** Dice overlap of content terms above which two claims on one date tell one event. */
const SAME_EVENT_TERMS = 0.2;

/** The date of a time expression at its granularity (2024-01, 2024-03-22...). */
export function timeKey(time: TimeRef): string | null {
  if (!time.start) return null;
  switch (time.granularity) {
    case 'year':
      return time.start.slice(0, 4);
    case 'month':
      return time.start.slice(0, 7);
    case 'time':
      return time.start;
    default:
      return time.start.slice(0, 10);
  }
}

interface Entry {
  doc: AnnotatedArticle;
  claimText: string;
  span: [number, number];
  certainty: TimeCertainty;
  entities: Set<string>;
  terms: Set<string>;
  time: TimeRef;
  predicate?: string;
  /**
   * Event classes the claim evokes (shoot, arrest...), as the alignment reads
   * them; read only when needed, since it tokenises the claim.
   */
  eventKinds: () => ReadonlySet<string>;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function summaryOf(entries: Entry[]): string {
  // A claim that states the date itself tells the event in its own words
  // (others mention it in passing); among those, the shortest says it most
  // plainly. Trimmed for the list.
  const stated = entries.filter((e) => e.certainty === 'stated');
  const text =
    [...(stated.length > 0 ? stated : entries)].sort(
      (a, b) => a.claimText.length - b.claimText.length,
    )[0]?.claimText ?? '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159).trimEnd()}…` : flat;
}

/**
 * Time expressions of a claim: its own, or, when it has none, those of its
 * sentence that no claim of the sentence holds ("On March 23, the group
 * claimed..." where the claim span starts after the date; "..., Reuters
 * reported on Monday" where the date dates the report).
 */
function timeIdsOf(doc: AnnotatedArticle, claim: Claim): string[] {
  if (claim.timeIds.length > 0) return claim.timeIds;
  const siblings = doc.claims.filter((c) => c.sentence === claim.sentence);
  return doc.times
    .filter(
      (t) =>
        t.sentence === claim.sentence &&
        !siblings.some((c) => c.span[0] <= t.span[0] && t.span[1] <= c.span[1]),
    )
    .map((t) => t.id);
}

export function buildTimeline(docs: AnnotatedArticle[], resolution: Resolution): TimelineEvent[] {
  const byDate = new Map<string, Entry[][]>();
  const undated: TimelineEvent[] = [];
  const related = relatedEntities(resolution);
  for (const doc of docs) {
    const timeById = new Map(doc.times.map((t) => [t.id, t]));
    for (const claim of doc.claims) {
      const sentence = doc.sentences[claim.sentence];
      if (sentence && sentence.kind !== 'body') continue;
      const entities = new Set(
        claim.entities
          .map((e) => resolution.globalId(doc.article.id, e))
          .filter((e): e is string => e !== undefined)
          .flatMap((e) => [e, ...(related.get(e) ?? [])]),
      );
      const terms = new Set(contentTerms(claim.text));
      let kinds: ReadonlySet<string> | undefined;
      const eventKinds = (): ReadonlySet<string> =>
        (kinds ??= new Set(eventProfile({ doc, claim }).events.keys()));
      const seenKeys = new Set<string>();
      // One undated entry per claim, naming every expression that could not be dated.
      const unresolvedTexts: string[] = [];
      const undatedBefore = undated.length;
      for (const id of timeIdsOf(doc, claim)) {
        const time = timeById.get(id);
        if (!time) continue;
        const key = timeKey(time);
        const entry: Entry = {
          doc,
          claimText: claim.text,
          span: claim.span,
          certainty: time.certainty,
          entities,
          terms,
          time,
          ...(claim.predicate ? { predicate: claim.predicate } : {}),
          eventKinds,
        };
        if (key === null) {
          unresolvedTexts.push(time.text);
          if (unresolvedTexts.length === 1)
            undated.push({
              date: null,
              certainty: 'unresolved',
              summary: summaryOf([entry]),
              claims: [{ articleId: doc.article.id, span: claim.span, text: claim.text }],
            });
          continue;
        }
        if (seenKeys.has(key)) continue;
        seenKeys.add(key);
        const events = byDate.get(key) ?? [];
        const same = events.find((event) =>
          event.some(
            (e) =>
              dice(e.terms, terms) >= (e.doc === doc ? 2 : 1) * SAME_EVENT_TERMS ||
              // One article telling two things on one day (a video appeared; a
              // court arrested four) tells two events; outlets naming the
              // same participants on one day tell one, and so does one article
              // naming the same participants and the same kind of event twice
              // ("the shooting at the hall" in a summary and in the narrative).
              ([...e.entities].some((x) => entities.has(x)) &&
                (e.doc !== doc ||
                  e.predicate === claim.predicate ||
                  [...e.eventKinds()].some((x) => eventKinds().has(x)))),
          ),
        );
        if (same) same.push(entry);
        else events.push([entry]);
        byDate.set(key, events);
      }
      const undatedEntry = undated[undatedBefore];
      if (undatedEntry && unresolvedTexts.length > 0)
        undatedEntry.summary += ` (${unresolvedTexts.map((t) => `“${t}”`).join(', ')} could not be dated)`;
    }
  }
  const dated: TimelineEvent[] = [];
  for (const [date, events] of byDate)
    for (const entries of events)
      dated.push({
        date,
        certainty: entries.some((e) => e.certainty === 'stated') ? 'stated' : 'inferred',
        summary: summaryOf(entries),
        claims: entries.map((e) => ({
          articleId: e.doc.article.id,
          span: e.span,
          text: e.claimText,
        })),
      });
  dated.sort(
    (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || b.claims.length - a.claims.length,
  );
  return [...dated, ...undated];
}
