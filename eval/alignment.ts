/**
 * ECB+ claim-alignment scoring shared by eval/sections/31-ecbplus-alignment.ts
 * and its corpus test: pairs of annotated sentences from two different
 * documents of one gold story, both holding event mentions in cross-document
 * chains; positive when they share an event instance.
 */
import type { AnnotatedArticle } from '../src/core/index.ts';
import { sameEvent, spanClaim, type ClaimRef } from '../src/align/similarity.ts';
import { eventInstancesOf, type EcbDocument } from './ecbplus.ts';

export type SentenceMode = 'sentence' | 'claims';

export interface ScoredSentence {
  doc: EcbDocument;
  sentence: number;
  instances: Set<string>;
  refs: ClaimRef[];
}

function inside(span: [number, number], outer: [number, number]): boolean {
  return span[0] >= outer[0] && span[1] <= outer[1];
}

/**
 * The claims a sentence is compared by.
 * - `sentence`: one claim spanning the whole sentence, carrying every entity,
 *   time and figure the annotator found in it and the predicates of the
 *   sentence's claims (what a reader compares when two sentences are shown).
 * - `claims`: the annotator's own claims inside the sentence (the sentence
 *   claim when it built none).
 */
export function sentenceRefs(
  doc: AnnotatedArticle,
  span: [number, number],
  mode: SentenceMode,
): ClaimRef[] {
  const own = doc.claims.filter((c) => inside(c.span, span) || inside(span, c.span));
  const whole = spanClaim(doc, span);
  if (mode === 'claims' && own.length > 0) return own.map((claim) => ({ doc, claim }));
  return [{ doc, claim: whole }];
}

/** The annotated sentences of the documents that hold chained event mentions. */
export function scoredSentences(
  docs: EcbDocument[],
  annotated: Map<string, AnnotatedArticle>,
  mode: SentenceMode,
): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  for (const doc of docs) {
    const ann = annotated.get(doc.name);
    if (!ann) continue;
    for (const sentence of [...doc.annotatedSentences].sort((a, b) => a - b)) {
      const instances = eventInstancesOf(doc, sentence);
      const span = doc.sentences.get(sentence);
      if (instances.size === 0 || !span) continue;
      out.push({ doc, sentence, instances, refs: sentenceRefs(ann, span, mode) });
    }
  }
  return out;
}

export interface AlignmentCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  positives: number;
  negatives: number;
}

/** Scores `link` (by default: sameEvent on any claim pair) over all same-story sentence pairs. */
export function scoreAlignment(
  sentences: ScoredSentence[],
  link: (a: ScoredSentence, b: ScoredSentence) => boolean = (a, b) =>
    a.refs.some((ra) => b.refs.some((rb) => sameEvent(ra, rb).same)),
): AlignmentCounts {
  const counts: AlignmentCounts = { tp: 0, fp: 0, fn: 0, tn: 0, positives: 0, negatives: 0 };
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      const a = sentences[i]!;
      const b = sentences[j]!;
      if (a.doc.name === b.doc.name || a.doc.story !== b.doc.story) continue;
      const gold = [...a.instances].some((x) => b.instances.has(x));
      const predicted = link(a, b);
      if (gold) counts.positives += 1;
      else counts.negatives += 1;
      if (gold && predicted) counts.tp += 1;
      else if (gold) counts.fn += 1;
      else if (predicted) counts.fp += 1;
      else counts.tn += 1;
    }
  }
  return counts;
}
