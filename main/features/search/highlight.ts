// Hits of the search terms in the original text, as segments the renderer shows as text nodes: the
// imported text is hostile, so highlighting must never go through HTML.
import type { HighlightSegment } from './board-query.js';
import { findHits, normalizeForSearch, type HitRange } from '../../../shared/domain/search-text.js';

export { findHits };

/**
 * The search form of one UTF-16 unit when it stands alone and maps to exactly one character that nothing
 * composes with: NFKC and lower case ('（' → '(', 'Ａ' → 'a', 'ｶ' → 'カ'). null
 * sends the text to findHits: marks and the half-width (semi-)voiced marks (they join the character before
 * them), Hangul (jamo compose), controls, surrogates, and anything outside the ranges card text is written
 * in (ASCII, CJK symbols and kana, the common kanji, half- and full-width forms). Computed once per code
 * unit, on first sight.
 */
const searchForms = new Map<number, string | null>();
const DIRECT_RANGES: readonly [number, number][] = [[0x09, 0x0d], [0x20, 0x7e], [0x3000, 0x30ff], [0x4e00, 0x9fff], [0xff00, 0xff9d], [0xffe0, 0xffef]];
const WHITE = /^\s$/u;
const JOINS = /[\p{M}\p{Cc}\u3099-\u309c\u1100-\u11ff\u3130-\u318f]/u;

function searchFormOf(code: number): string | null {
  let form = searchForms.get(code);
  if (form !== undefined) return form;
  form = null;
  if (DIRECT_RANGES.some(([from, to]) => code >= from && code <= to)) {
    const ch = String.fromCharCode(code);
    // Kept as it is: no term of the direct path holds white space, so it only has to stop a match.
    if (WHITE.test(ch)) form = ch;
    else {
      const folded = ch.normalize('NFKC').toLowerCase();
      if (folded.length === 1 && !JOINS.test(ch) && !JOINS.test(folded) && !WHITE.test(folded)) form = folded;
    }
  }
  searchForms.set(code, form);
  return form;
}

/**
 * Hits found without the offset map of findHits (which costs ~0.5 µs per character: the 250 card snippets
 * of a common word took 25-40 ms), where that map is one character to one: every character of the text has
 * a one-character search form (above) and no term holds a space. White space folds to single spaces in the
 * normalised text, but a term without a space never matches across it, so a hit found in the text mapped
 * character by character is the same hit findHits finds, at the same original offsets. null where this
 * does not hold.
 */
function findHitsDirect(original: string, terms: readonly string[]): HitRange[] | null {
  if (terms.some((term) => term.includes(' '))) return null;
  let text = '';
  let copied = 0;
  for (let i = 0; i < original.length; i++) {
    const form = searchFormOf(original.charCodeAt(i));
    if (form === null) return null;
    if (form !== original[i]) {
      text += original.slice(copied, i) + form;
      copied = i + 1;
    }
  }
  text = copied === 0 ? original : text + original.slice(copied);
  const ranges: HitRange[] = [];
  for (const term of terms) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      ranges.push({ start: at, end: at + term.length });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HitRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** findHits, by the direct path where it gives the same ranges. */
export function findHitsFast(original: string, terms: readonly string[]): HitRange[] {
  if (terms.length === 0 || original.length === 0) return [];
  return findHitsDirect(original, terms) ?? findHits(original, terms);
}

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
  const hits = findHitsFast(original, terms);
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
  const direct = findHitsDirect(original, terms);
  const first = direct ? (direct[0]?.start ?? null) : firstHitStart(original, terms);
  if (first === null) return null;
  const from = clusterStart(original, Math.max(0, first - BEFORE));
  const to = Math.min(original.length, clusterStart(original, Math.min(original.length, first + AFTER)));
  const window = original.slice(from, to);
  const segments = toSegments(window, findHitsFast(window, terms));
  if (from > 0) segments.unshift({ text: '…', hit: false });
  if (to < original.length) segments.push({ text: '…', hit: false });
  return segments;
}
