// Reads the `Expect:` header of feedparser's test files far enough to check the few fields our records have.
// Each file states its expectation as a Python expression over feedparser's result; only plain equalities on a
// title or a link are understood here, and everything else is reported as not applicable rather than guessed.

export interface FieldExpectation {
  /** `feed` for the feed itself, otherwise the index into its entries. */
  target: 'feed' | number;
  field: 'title' | 'link';
  value: string;
}

export interface ExpectHeader {
  expression: string | null;
  /** The file assumes an HTTP header (`Header: Content-type …`) that an offline import never has. */
  needsHttpHeader: boolean;
}

/** Finds the `Expect:` and `Header:` lines of the leading comment. */
export function readExpectHeader(text: string): ExpectHeader {
  const comment = /<!--([\s\S]*?)-->/.exec(text.slice(0, 4096))?.[1] ?? '';
  const expression = /^\s*Expect:\s*(.+?)\s*$/m.exec(comment)?.[1] ?? null;
  return { expression, needsHttpHeader: /^\s*Header:/m.test(comment) };
}

const PY_STRING = String.raw`u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`;
const TERM = String.raw`(?:entries\[\d+\]|feed)(?:\['\w+'\]|\.\w+)`;
const CHAIN = new RegExp(String.raw`((?:${TERM}\s*==\s*)+)(${PY_STRING})`, 'g');
const TERM_PARTS = /(?:entries\[(\d+)\]|(feed))(?:\['(\w+)'\]|\.(\w+))/g;

/**
 * The title and link equalities of an expression, e.g. `not bozo and entries[0]['title'] == 'Example'`.
 * Expressions with `or` or a negated comparison are skipped whole: a partial reading could pass a wrong result.
 */
export function readFieldExpectations(expression: string): FieldExpectation[] {
  if (/\bor\b|\bnot\s+(?:entries|feed)\b|!=/.test(expression.replace(new RegExp(PY_STRING, 'g'), "''"))) return [];
  const found: FieldExpectation[] = [];
  for (const match of expression.matchAll(CHAIN)) {
    const value = readPythonString(match[2] ?? '');
    if (value === null) continue;
    for (const term of (match[1] ?? '').matchAll(TERM_PARTS)) {
      const field = term[3] ?? term[4];
      // A feed's own link is not part of our result; an entry's link is its sourceUrl.
      if (field !== 'title' && (field !== 'link' || term[2] === 'feed')) continue;
      found.push({ target: term[2] === 'feed' ? 'feed' : Number(term[1]), field, value });
    }
  }
  return found;
}

/** Decodes a Python string literal with the escapes feedparser's tests use; null when it is not one. */
export function readPythonString(literal: string): string | null {
  const body = /^u?(['"])([\s\S]*)\1$/.exec(literal)?.[2];
  if (body === undefined) return null;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, esc: string) => {
    if (/^[xuU]/.test(esc) && esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    switch (esc) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      default:
        return esc;
    }
  });
}
