// The search box's little language: words are AND-ed, "quoted phrases" keep their spaces, a leading -
// excludes a word or a "phrase". Whatever the officer types, the FTS5 expression is built here from
// our own tokens only, so no input can reach FTS5 as syntax (NEAR(, ^, :, *, unbalanced quotes…): at
// worst it is searched for literally.
import { phraseExpression, phraseTokens } from './ngram-tokens.js';
import { normalizeForSearch } from './normalize-text.js';

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

/** FTS5 MATCH expression requiring every term, or null when there are none. */
export function matchAll(terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((term) => phraseExpression(phraseTokens(term))).join(' AND ');
}

/** FTS5 MATCH expression for "any of these", used to exclude, or null when there are none. */
export function matchAny(terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((term) => phraseExpression(phraseTokens(term))).join(' OR ');
}

/** The brute-force meaning of a parsed search, against normalised fields: what the index must return. */
export function matchesByScan(search: ParsedSearch, normalizedFields: readonly string[]): boolean {
  const has = (term: string) => normalizedFields.some((field) => field.includes(term));
  return search.include.every(has) && !search.exclude.some(has);
}
