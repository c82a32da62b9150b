/**
 * What changed between two versions of an article, as sentence-level passages
 * with spans into each version, so a revision's findings can cite both texts.
 */
import { diffSentences } from 'diff';
import type { Span } from '../core/index.ts';

export interface ChangedPassage {
  /** Passage of the older version (absent when the newer one only adds). */
  before?: { text: string; span: Span };
  /** Passage of the newer version (absent when the newer one only removes). */
  after?: { text: string; span: Span };
}

/** Sentence diff of `before` → `after`; a removal followed by an addition is one replacement. */
export function changedPassages(before: string, after: string): ChangedPassage[] {
  const passages: ChangedPassage[] = [];
  let oldAt = 0;
  let newAt = 0;
  let pending: ChangedPassage | undefined;
  const flush = () => {
    if (pending) passages.push(pending);
    pending = undefined;
  };
  for (const part of diffSentences(before, after)) {
    const length = part.value.length;
    const trimmed = part.value.trim();
    const lead = part.value.length - part.value.trimStart().length;
    if (part.removed) {
      flush();
      if (trimmed)
        pending = {
          before: { text: trimmed, span: [oldAt + lead, oldAt + lead + trimmed.length] },
        };
      oldAt += length;
    } else if (part.added) {
      if (trimmed) {
        const after_ = {
          text: trimmed,
          span: [newAt + lead, newAt + lead + trimmed.length] as Span,
        };
        if (pending && !pending.after) pending.after = after_;
        else {
          flush();
          pending = { after: after_ };
        }
      }
      newAt += length;
      flush();
    } else {
      flush();
      oldAt += length;
      newAt += length;
    }
  }
  flush();
  return passages;
}
