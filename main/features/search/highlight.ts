// Hits of the search terms in the original text, as segments the renderer shows as text nodes: the
// imported text is hostile, so highlighting must never go through HTML.
import type { HighlightSegment } from './board-query.js';
import { findHits, normalizeForSearch, type HitRange } from '../../../shared/domain/search-text.js';

export { findHits };

function toSegments(text: string, hits: readonly HitRange[], from = 0, to = text.length): HighlightSegment[] {
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
/** Bodies are searched for their first hit a chunk at a time: mapping offsets costs ~1 µs per character. */
const CHUNK = 240;

/** Moves an index back to the start of its character (never inside a surrogate pair or before a joining mark). */
function clusterStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && /[\udc00-\udfff\p{M}\uff9e\uff9f]/u.test(text[i]!)) i -= 1;
  return i;
}

/** Start of the first hit in `original`, found without mapping the offsets of the whole text. */
function firstHitStart(original: string, terms: readonly string[]): number | null {
  const longest = Math.max(...terms.map((t) => t.length));
  // A normalised term can stand for several original characters per character (ｶﾞ → ガ).
  const overlap = 3 * longest + 8;
  for (let start = 0; start < original.length; ) {
    const end = Math.min(original.length, clusterStart(original, start + CHUNK));
    const stop = end >= original.length ? original.length : clusterStart(original, Math.min(original.length, end + overlap));
    const piece = original.slice(start, stop);
    const normalized = normalizeForSearch(piece);
    if (terms.some((term) => normalized.includes(term))) {
      const hit = findHits(piece, terms).find((h) => start + h.start < end || end >= original.length);
      if (hit) return start + hit.start;
    }
    if (end >= original.length || end <= start) return null;
    start = end;
  }
  return null;
}

/** A window of a long text around its first hit, "…" marking the cuts; null when no term occurs. */
export function highlightSnippet(original: string, terms: readonly string[]): HighlightSegment[] | null {
  if (terms.length === 0) return null;
  const first = firstHitStart(original, terms);
  if (first === null) return null;
  const from = clusterStart(original, Math.max(0, first - BEFORE));
  const to = Math.min(original.length, clusterStart(original, Math.min(original.length, first + AFTER)));
  const window = original.slice(from, to);
  const segments = toSegments(window, findHits(window, terms));
  if (from > 0) segments.unshift({ text: '…', hit: false });
  if (to < original.length) segments.push({ text: '…', hit: false });
  return segments;
}
