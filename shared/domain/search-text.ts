// The search box's terms and where they occur, shared by main (the index, the query, the cards'
// highlights) and the renderer (the hits marked in the open item's detail), so both find exactly the same
// hits. One normalisation for everything search compares: "ＵＳＢ" finds "usb", "ｶﾞｽ" finds "ガス" and
// "１，０００件" finds "1,000件" the same way everywhere (domain.md: NFKC for matching, show the original).
// The little language: words are AND-ed, "quoted phrases" keep their spaces, a leading - excludes a word
// or a "phrase". Plain TypeScript: no Node, no DOM.

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

export interface ParsedSearch {
  /** Normalised terms every hit contains (words and phrases alike: a term is a substring to find). */
  include: string[];
  /** Normalised terms no hit contains. */
  exclude: string[];
}

/** Beyond these the query is a paste accident, not a search; the rest is ignored. */
export const MAX_TERMS = 16;
export const MAX_TERM_CHARS = 200;

// Quotes as typed on Japanese keyboards too: ＂ becomes " under NFKC, “ ” do not.
const QUOTE = /["\u201c\u201d]/u;

/** Splits the raw input into terms; runs before normalisation so that quotes are seen as typed. */
function splitTerms(input: string): { text: string; negated: boolean }[] {
  const source = input.normalize('NFKC');
  const terms: { text: string; negated: boolean }[] = [];
  let i = 0;
  while (i < source.length) {
    while (i < source.length && /\s/u.test(source[i]!)) i++;
    if (i >= source.length) break;
    let negated = false;
    // A "-" followed by a space or nothing is a dash to search for, not an exclusion of nothing.
    if (source[i] === '-' && i + 1 < source.length && !/\s/u.test(source[i + 1]!)) {
      negated = true;
      i++;
    }
    if (QUOTE.test(source[i]!)) {
      // A phrase runs to the next quote, or to the end when the officer never closed it.
      i++;
      const start = i;
      while (i < source.length && !QUOTE.test(source[i]!)) i++;
      terms.push({ text: source.slice(start, i), negated });
      i++;
    } else {
      const start = i;
      while (i < source.length && !/\s/u.test(source[i]!)) i++;
      terms.push({ text: source.slice(start, i), negated });
    }
  }
  return terms;
}

export function parseSearch(input: string): ParsedSearch {
  const parsed: ParsedSearch = { include: [], exclude: [] };
  for (const term of splitTerms(input.slice(0, MAX_TERMS * (MAX_TERM_CHARS + 3)))) {
    // Normalised again after the cut, which may have split a surrogate pair.
    const text = normalizeForSearch(normalizeForSearch(term.text).slice(0, MAX_TERM_CHARS));
    if (text.length === 0 || parsed.include.length + parsed.exclude.length >= MAX_TERMS) continue;
    const list = term.negated ? parsed.exclude : parsed.include;
    if (!list.includes(text)) list.push(text);
  }
  return parsed;
}

export interface HitRange {
  start: number;
  end: number;
}

/** Ranges of `original` whose normalised form is one of `terms` (normalised), merged and in order. */
export function findHits(original: string, terms: readonly string[]): HitRange[] {
  if (terms.length === 0 || original.length === 0) return [];
  // Most cards of a search hit in one field only: the native check spares mapping the others.
  const plain = normalizeForSearch(original);
  if (!terms.some((term) => plain.includes(term))) return [];
  const normalized = normalizeWithOffsets(original);
  if (!normalized) return [];
  const ranges: HitRange[] = [];
  for (const term of terms) {
    for (let at = normalized.text.indexOf(term); at !== -1; at = normalized.text.indexOf(term, at + 1)) {
      ranges.push({ start: normalized.starts[at]!, end: normalized.ends[at + term.length - 1]! });
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
