/**
 * ECB+ claim alignment inside a story: every pair of annotated sentences
 * (ECBplus_coreference_sentences.csv) from two different documents of one gold
 * story in which both hold event mentions (ACTION_* / NEG_*) of cross-document
 * chains; positive when they share an event instance.
 *
 * Sentence-level use of `sameEvent`: each sentence is compared as one claim
 * spanning the sentence, carrying every entity, time and figure the annotator
 * found in it (mode `sentence`); the per-claim use (linked when any claim pair
 * of the two sentences is the same event) is reported beside it. The slot
 * weights of `sameEvent` are a logistic model fitted on train pairs, its
 * threshold was fixed on train+dev and its word classes are general news
 * vocabulary; test topics 36-45 are reported.
 */
import { annotate } from '../../src/annotate/index.ts';
import type { AnnotatedArticle } from '../../src/core/index.ts';
import { scoreAlignment, scoredSentences, type SentenceMode } from '../alignment.ts';
import { readEcbPlus, toArticle, type Split } from '../ecbplus.ts';
import { SAME_EVENT_PARAMS } from '../../src/align/similarity.ts';
import { fmt, prf, table } from '../shared.ts';

export async function evaluate(): Promise<{ title: string; markdown: string }> {
  await Promise.resolve();
  const docs = readEcbPlus();
  const annotated = new Map<string, AnnotatedArticle>();
  for (const d of docs) annotated.set(d.name, annotate(toArticle(d)));
  const rows: (string | number)[][] = [];
  for (const split of ['train', 'dev', 'test'] as Split[]) {
    const sel = docs.filter((d) => d.split === split);
    const floorSentences = scoredSentences(sel, annotated, 'sentence');
    const floor = scoreAlignment(floorSentences, () => true);
    const f = prf(floor.tp, floor.fp, floor.fn);
    rows.push([
      `link everything (${split})`,
      floor.positives,
      floor.negatives,
      fmt(f.p),
      fmt(f.r),
      fmt(f.f1),
      fmt(0),
    ]);
    for (const mode of ['sentence', 'claims'] as SentenceMode[]) {
      const c = scoreAlignment(scoredSentences(sel, annotated, mode));
      const r = prf(c.tp, c.fp, c.fn);
      rows.push([
        `sameEvent, ${mode} (${split})`,
        c.positives,
        c.negatives,
        fmt(r.p),
        fmt(r.r),
        fmt(r.f1),
        fmt(c.negatives ? c.tn / c.negatives : 0),
      ]);
    }
  }
  return {
    title: 'ECB+ claim alignment (same event instance, sentence pairs within a gold story)',
    markdown: [
      table(
        [
          'system (split)',
          'positive pairs',
          'negative pairs',
          'P',
          'R',
          'F1',
          'negatives left unlinked',
        ],
        rows,
      ),
      '',
      '`sentence`: one claim per sentence (the whole sentence with the entities, times and figures annotated in it). ' +
        "`claims`: linked when any pair of the annotator's claims in the two sentences is the same event (the sentence claim when a sentence has none). " +
        `sameEvent adds slot weights (shared event word or kind, names, wording, weekday, figures, article position; fitted on train) and links at a score of ${SAME_EVENT_PARAMS.threshold} or more (fixed on train+dev); between claims of at most ${SAME_EVENT_PARAMS.vetoMaxEvents} event words (one event each) stated days or kinds of event that differ veto a link.`,
    ].join('\n'),
  };
}
