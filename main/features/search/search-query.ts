// The search box's little language: words are AND-ed, "quoted phrases" keep their spaces, a leading -
// excludes a word or a "phrase". Whatever the officer types, the FTS5 expression is built here from
// our own tokens only, so no input can reach FTS5 as syntax (NEAR(, ^, :, *, unbalanced quotes…): at
// worst it is searched for literally.
import { phraseExpression, phraseTokens } from './ngram-tokens.js';
// The parsing itself is shared with the renderer (the detail marks the same hits): shared/domain/search-text.ts.
import type { ParsedSearch } from '../../../shared/domain/search-text.js';

export { MAX_TERM_CHARS, MAX_TERMS, parseSearch, type ParsedSearch } from '../../../shared/domain/search-text.js';

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
