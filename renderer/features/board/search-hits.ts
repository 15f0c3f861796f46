// Where the board's search terms occur in the open item. The terms are parsed and found by the same code
// main searches and highlights cards with (shared/domain/search-text.ts): phrases are one term, excluded
// terms are never marked (an item shown cannot contain them), and "ＵＳＢ" marks "usb". Done here rather
// than by items.get, so the marks follow the search box at once without asking main again.
import { findHits, parseSearch, type HitRange } from '../../../shared/domain/search-text.js';

export type { HitRange };

/** Hits of the search text's terms in `text`, merged and in order; none for an empty search. */
export function searchHits(text: string, searchText: string): HitRange[] {
  const { include } = parseSearch(searchText);
  return include.length === 0 ? [] : findHits(text, include);
}

/** The search has terms to find (not only exclusions): the detail then says how many hits it has. */
export function hasSearchTerms(searchText: string): boolean {
  return parseSearch(searchText).include.length > 0;
}

export interface HitPiece {
  text: string;
  /** Index of the hit in its list, or null outside every hit. */
  hit: number | null;
  /** Offset of the piece in the whole text (a stable React key). */
  start: number;
}

/**
 * Cuts text[offset, offset + piece.length) — a piece of a larger text, such as one evidence segment of
 * the body — at the hits (given in the larger text's offsets). A hit crossing the piece's edge is cut
 * there: each part keeps the hit's index.
 */
export function cutAtHits(piece: string, offset: number, hits: readonly HitRange[]): HitPiece[] {
  const end = offset + piece.length;
  const pieces: HitPiece[] = [];
  let at = offset;
  hits.forEach((hit, index) => {
    const start = Math.max(hit.start, offset);
    const stop = Math.min(hit.end, end);
    if (stop <= start) return;
    if (start > at) pieces.push({ text: piece.slice(at - offset, start - offset), hit: null, start: at });
    pieces.push({ text: piece.slice(start - offset, stop - offset), hit: index, start });
    at = stop;
  });
  if (at < end) pieces.push({ text: piece.slice(at - offset), hit: null, start: at });
  return pieces;
}

/** Moves to the next (+1) or previous (-1) hit, round from the last to the first and back. */
export function stepHit(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return 0;
  return (((current + step) % count) + count) % count;
}
