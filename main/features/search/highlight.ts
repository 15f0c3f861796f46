// Hits of the search terms in the original text, as segments the renderer shows as text nodes: the
// imported text is hostile, so highlighting must never go through HTML.
import type { HighlightSegment } from './board-query.js';
import { normalizeWithOffsets } from './normalize-text.js';

interface Range {
  start: number;
  end: number;
}

/** Ranges of `original` whose normalised form is one of `terms` (normalised), merged and in order. */
export function findHits(original: string, terms: readonly string[]): Range[] {
  if (terms.length === 0 || original.length === 0) return [];
  const normalized = normalizeWithOffsets(original);
  if (!normalized) return [];
  const ranges: Range[] = [];
  for (const term of terms) {
    for (let at = normalized.text.indexOf(term); at !== -1; at = normalized.text.indexOf(term, at + 1)) {
      ranges.push({ start: normalized.starts[at]!, end: normalized.ends[at + term.length - 1]! });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function toSegments(text: string, hits: readonly Range[], from = 0, to = text.length): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = from;
  for (const hit of hits) {
    const start = Math.max(hit.start, from);
    const end = Math.min(hit.end, to);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), hit: false });
  return segments;
}

/** The whole text as segments, or null when no term occurs in it. */
export function highlightText(original: string, terms: readonly string[]): HighlightSegment[] | null {
  const hits = findHits(original, terms);
  return hits.length === 0 ? null : toSegments(original, hits);
}

/** Characters kept around the first hit of a body. */
const BEFORE = 30;
const AFTER = 90;

/** A window of a long text around its first hit, "…" marking the cuts; null when no term occurs. */
export function highlightSnippet(original: string, terms: readonly string[]): HighlightSegment[] | null {
  const hits = findHits(original, terms);
  const first = hits[0];
  if (!first) return null;
  let from = Math.max(0, first.start - BEFORE);
  let to = Math.min(original.length, Math.max(first.end, first.start + AFTER));
  // Never cut a surrogate pair in half.
  if (from > 0 && /[\udc00-\udfff]/.test(original[from]!)) from -= 1;
  if (to < original.length && /[\udc00-\udfff]/.test(original[to]!)) to += 1;
  const segments = toSegments(original, hits, from, to);
  if (from > 0) segments.unshift({ text: '…', hit: false });
  if (to < original.length) segments.push({ text: '…', hit: false });
  return segments;
}
