/**
 * Cuts an article's text into segments at every claim span, so the view can
 * highlight the selected finding's claims and make every claim clickable
 * without ever writing markup into the text (the text stays a text node).
 */
import type { Span } from '../../src/core/types.ts';

export interface SpanOwner {
  span: Span;
  findingId: string;
}

export interface Segment {
  start: number;
  end: number;
  /** Findings whose claims cover this segment, in the order they were given. */
  findingIds: string[];
}

/** True when the span is a non-empty `[start, end)` range inside a text of this length. */
export function validSpan(span: Span, length: number): boolean {
  const [start, end] = span;
  return (
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length
  );
}

/**
 * Segments covering `[0, length)` exactly once. Spans outside the text or
 * empty are skipped: a bad span must not hide the rest of the article.
 */
export function segmentText(length: number, owners: SpanOwner[]): Segment[] {
  const usable = owners.filter((o) => validSpan(o.span, length));
  const cuts = new Set<number>([0, length]);
  for (const { span } of usable) {
    cuts.add(span[0]);
    cuts.add(span[1]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const findingIds: string[] = [];
    for (const o of usable) {
      if (o.span[0] <= start && o.span[1] >= end && !findingIds.includes(o.findingId)) {
        findingIds.push(o.findingId);
      }
    }
    segments.push({ start, end, findingIds });
  }
  return segments;
}
