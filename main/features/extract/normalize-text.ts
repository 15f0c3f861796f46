import type { Span } from '../../../shared/domain/facts.js';

/**
 * The item's text folded with NFKC for matching (full-width digits and letters, ㈱, half-width katakana, Kangxi
 * radicals such as ⽣), with a map back to the ORIGINAL text: NFKC changes lengths (㈱ → (株), ｶﾞ → ガ), and
 * every fact's evidence must point into the text the officer sees.
 *
 * Rules run on `text`; `toOriginalSpan` turns a span of `text` into a span of `original`.
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** Where the title ends in `text` (the title, a blank line, then the body: see itemText). */
  readonly titleEnd: number;
  /** The pieces NFKC changed, in order; between them the two texts run in step, unit for unit. */
  readonly changes: readonly Change[];
}

interface Change {
  normStart: number;
  normEnd: number;
  origStart: number;
  origEnd: number;
}

// Only characters in these blocks can change under NFKC (Latin-1 and spacing marks, general punctuation to
// miscellaneous symbols, CJK radicals, the ideographic space, combining and spacing kana marks, compatibility
// CJK, half-width and full-width forms, astral characters). Everything else is copied as is: on generated
// 1,500-character notices, the first version (a loop over every character with per-character offset arrays) cost
// ~100 µs per item, this scan ~14 µs.
// The class lists combining marks (U+0300–036F, U+3099–309A) on purpose, as code points to find, not to combine.
// eslint-disable-next-line no-misleading-character-class
const CANDIDATE = /[\u00a0-\u036f\u2000-\u2bff\u2e80-\u2fdf\u3000\u3099-\u309f\u30ff\u3130-\u33ff\ua700-\ua7ff\uf900-\ufaff\ufb00-\ufb4f\ufe00-\ufe6f\uff00-\uffef]|[\ud800-\udbff][\udc00-\udfff]/g;

const folded = new Map<string, string>();

function fold(piece: string): string {
  let out = folded.get(piece);
  if (out === undefined) {
    out = piece.normalize('NFKC');
    if (folded.size < 20_000) folded.set(piece, out);
  }
  return out;
}

function isCombiningMark(code: number): boolean {
  return (code >= 0x0300 && code <= 0x036f) || code === 0x3099 || code === 0x309a || code === 0xff9e || code === 0xff9f;
}

export function normalizeText(original: string, titleLength = original.length): NormalizedText {
  const parts: string[] = [];
  const changes: Change[] = [];
  let origDone = 0;
  let normLength = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(original); m !== null; m = CANDIDATE.exec(original)) {
    let start = m.index;
    // A combining mark folds with the character before it (か + ゙ → が).
    if (isCombiningMark(original.charCodeAt(start)) && start - 1 >= origDone) start--;
    let end = m.index + m[0].length;
    while (end < original.length && isCombiningMark(original.charCodeAt(end))) end++;
    CANDIDATE.lastIndex = end;
    const source = original.slice(start, end);
    const piece = fold(source);
    if (piece === source) continue;
    if (start > origDone) {
      parts.push(original.slice(origDone, start));
      normLength += start - origDone;
    }
    changes.push({ normStart: normLength, normEnd: normLength + piece.length, origStart: start, origEnd: end });
    parts.push(piece);
    normLength += piece.length;
    origDone = end;
  }
  if (origDone < original.length) parts.push(original.slice(origDone));
  const text = changes.length === 0 ? original : parts.join('');
  return { original, text, titleEnd: toNormalOffset(changes, Math.min(titleLength, original.length)), changes };
}

function toNormalOffset(changes: readonly Change[], orig: number): number {
  let norm = orig;
  for (const c of changes) {
    if (c.origStart >= orig) break;
    norm = orig >= c.origEnd ? c.normEnd + (orig - c.origEnd) : c.normEnd;
  }
  return norm;
}

/** The last change that starts at or before `norm` (binary search), or -1. */
function changeAt(changes: readonly Change[], norm: number): number {
  let lo = 0;
  let hi = changes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((changes[mid]?.normStart ?? 0) <= norm) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function originalStart(changes: readonly Change[], norm: number): number {
  const c = changes[changeAt(changes, norm)];
  if (c === undefined) return norm;
  return norm < c.normEnd ? c.origStart : c.origEnd + (norm - c.normEnd);
}

function originalEnd(changes: readonly Change[], normEnd: number): number {
  // The end of the character at normEnd - 1: a folded piece ends where its source ends.
  const last = normEnd - 1;
  const c = changes[changeAt(changes, last)];
  if (c === undefined) return normEnd;
  return last < c.normEnd ? c.origEnd : c.origEnd + (normEnd - c.normEnd);
}

/** A span of the normalised text as a span of the original (never splitting a folded character). */
export function toOriginalSpan(norm: NormalizedText, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, norm.text.length));
  const e = Math.max(s, Math.min(end, norm.text.length));
  const oStart = Math.min(originalStart(norm.changes, s), norm.original.length);
  const oEnd = e > s ? Math.min(originalEnd(norm.changes, e), norm.original.length) : oStart;
  return { start: oStart, end: Math.max(oStart, oEnd) };
}
