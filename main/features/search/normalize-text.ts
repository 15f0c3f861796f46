// One normalisation for everything search compares: the index, the query, the highlighter and the
// brute-force oracle of the tests all call normalizeForSearch, so "ＵＳＢ" finds "usb", "ｶﾞｽ" finds "ガス"
// and "１，０００件" finds "1,000件" the same way everywhere (domain.md: NFKC for matching, show the original).

/** Code points that NFKC may fold into the character before them: combining marks and the half-width (semi-)voiced marks. */
const JOINING_MARK = /[\p{M}\uff9e\uff9f]/u;
const CONTROL = /\p{Cc}/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SURROGATE = /[\ud800-\udfff]/;
// Controls become spaces (the FTS tokenizer splits at them and the oracle must agree), and every run of
// white space and controls becomes one space.
const SPACE_RUN = /[\s\p{Cc}]+/gu;

/** String#toWellFormed, which our ES2023 lib does not declare yet; the test first skips the slow regex. */
function toWellFormed(text: string): string {
  return SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\ufffd') : text;
}

/**
 * NFKC, lower case, controls and every kind of white space as one ASCII space, trimmed. Lone surrogates
 * become U+FFFD first, since SQLite would store them as U+FFFD anyway.
 */
export function normalizeForSearch(text: string): string {
  return toWellFormed(text).normalize('NFKC').toLowerCase().replace(SPACE_RUN, ' ').trim();
}

export interface NormalizedWithOffsets {
  /** Equal to normalizeForSearch(original). */
  text: string;
  /** For each UTF-16 index of `text`, the [start, end) range in `original` it came from. */
  starts: number[];
  ends: number[];
}

/**
 * Normalises cluster by cluster (a character and the marks NFKC may join to it) and remembers where each
 * normalised character came from, so a hit found in normalised text is highlighted in the original.
 * Returns null in the rare text where normalising piecewise differs from normalising the whole (e.g.
 * Hangul jamo composing across clusters): the caller then shows that text without highlights rather than
 * highlighting the wrong characters.
 */
export function normalizeWithOffsets(original: string): NormalizedWithOffsets | null {
  const source = toWellFormed(original);
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingSpace = false;
  let i = 0;
  while (i < source.length) {
    const start = i;
    i += source.codePointAt(i)! > 0xffff ? 2 : 1;
    while (i < source.length && JOINING_MARK.test(source[i]!)) i += 1;
    const piece = normalizePiece(source.slice(start, i));
    for (let k = 0; k < piece.length; k++) {
      const ch = piece[k]!;
      if (WHITESPACE_CHAR.test(ch)) {
        pendingSpace = text.length > 0;
        continue;
      }
      if (pendingSpace) {
        text += ' ';
        starts.push(start);
        ends.push(start);
        pendingSpace = false;
      }
      text += ch;
      starts.push(start);
      ends.push(i);
    }
  }
  return text === normalizeForSearch(original) ? { text, starts, ends } : null;
}

const WHITESPACE_CHAR = /\s/u;
/** Most text repeats a few thousand characters: normalising each once makes highlighting ~10x faster. */
const pieceCache = new Map<string, string>();

function normalizePiece(piece: string): string {
  let normalized = pieceCache.get(piece);
  if (normalized === undefined) {
    normalized = piece.normalize('NFKC').toLowerCase().replace(CONTROL, ' ');
    if (pieceCache.size > 20_000) pieceCache.clear();
    pieceCache.set(piece, normalized);
  }
  return normalized;
}
