// Evidence spans point into the item's text (shared/domain/facts.ts itemText: title, blank line, body).
// These helpers cut that text into plain segments for React text nodes — never HTML — so a highlighted
// body stays as inert as the plain one.
import type { Span } from '../../../shared/domain/facts.js';

export interface Segment {
  text: string;
  /** 'active' for the fact the officer is looking at, 'evidence' for any other fact's text. */
  mark: 'none' | 'evidence' | 'active';
  /** Offset of the segment in the item's text (stable React key). */
  start: number;
}

/** Where the body starts inside the item's text. */
export function bodyOffset(title: string, body: string): number {
  return body.length > 0 ? title.length + 2 : title.length;
}

function clamp(spans: readonly Span[], from: number, to: number): Span[] {
  return spans
    .map((s) => ({ start: Math.max(from, Math.min(s.start, s.end)), end: Math.min(to, Math.max(s.start, s.end)) }))
    .filter((s) => s.end > s.start);
}

/**
 * Splits text[from, to) of the item's text into segments marked by the spans that cover them. Spans may
 * overlap or run past the range (a stale span after an edit): they are clipped, never trusted.
 */
export function markSegments(
  itemText: string,
  from: number,
  to: number,
  evidence: readonly Span[],
  active: readonly Span[],
): Segment[] {
  const end = Math.min(to, itemText.length);
  const ev = clamp(evidence, from, end);
  const act = clamp(active, from, end);
  const cuts = new Set<number>([from, end]);
  for (const s of [...ev, ...act]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] as number;
    const stop = points[i + 1] as number;
    if (stop <= start) continue;
    const inside = (spans: Span[]) => spans.some((s) => s.start <= start && stop <= s.end);
    const mark = inside(act) ? 'active' : inside(ev) ? 'evidence' : 'none';
    const previous = segments[segments.length - 1];
    if (previous && previous.mark === mark) previous.text += itemText.slice(start, stop);
    else segments.push({ text: itemText.slice(start, stop), mark, start });
  }
  return segments;
}

const SENTENCE_END = /[。！？!?\n]/;

/** The sentence around a span, for the tooltip of a fact ("hovering a fact shows the sentence"). */
export function sentenceAround(itemText: string, span: Span, maxLength = 240): string {
  let start = Math.max(0, Math.min(span.start, itemText.length));
  let end = Math.max(start, Math.min(span.end, itemText.length));
  while (start > 0 && !SENTENCE_END.test(itemText[start - 1] ?? '') && span.start - start < maxLength / 2) start -= 1;
  while (end < itemText.length && !SENTENCE_END.test(itemText[end] ?? '') && end - span.end < maxLength / 2) end += 1;
  if (end < itemText.length && itemText[end] !== '\n') end += 1; // keep the 。
  return itemText.slice(start, end).trim();
}
