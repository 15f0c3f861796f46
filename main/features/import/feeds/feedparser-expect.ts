// Reads the `Expect:` header of feedparser's test files. Each file states its expectation as a Python expression
// over feedparser's result, e.g. `not bozo and entries[0]['title'] == 'Example'`. The expression is split into
// its `and`-ed conditions, and each condition is read as one of a few shapes: the bozo flag, `encoding == …`,
// `version == …`, or an equality between a result path (`entries[0]['tags'][0]['term']`) and a literal. Anything
// else (`or`, `!=`, `ord(…)`, `isinstance(…)`, `.get(…)`) is kept as `other`, for the runner to count as not
// applicable with its text rather than guess at it.

export type PyValue = string | number | null | PyValue[] | { [key: string]: PyValue };

export type Condition =
  | { kind: 'bozo'; value: boolean }
  /** `encoding == 'utf-8'`, `version == 'rss20'`… on the top-level result. */
  | { kind: 'top'; name: string; value: PyValue }
  /** `feed[…]… == value` or `entries[n][…]… == value`; `entries[0].link` reads as `entries[0]['link']`. */
  | { kind: 'field'; target: 'feed' | number; path: (string | number)[]; value: PyValue }
  /** `entries[0]['guidislink']`, `not entries[0].has_key('link')`, `entries[0]['category'] != None`. */
  | { kind: 'truthy'; target: 'feed' | number; path: (string | number)[]; value: boolean }
  | { kind: 'other'; text: string };

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

type Token = { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string };

const TOKEN = /\s*(?:([ub]?(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"))|(-?\d+(?:\.\d+)?)|([A-Za-z_]\w*)|(==|!=|[[\](){},.:<>=+*-]))/y;

/** Splits an expression into tokens; null when it holds something this reader does not know. */
export function tokenize(expression: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(expression);
    if (m === null) return null;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) {
      const s = readPythonString(m[1]);
      if (s === null) return null;
      tokens.push({ t: 'str', v: s });
    } else if (m[2] !== undefined) tokens.push({ t: 'num', v: Number(m[2]) });
    else if (m[3] !== undefined) tokens.push({ t: 'name', v: m[3] });
    else tokens.push({ t: 'op', v: m[4] ?? '' });
  }
  return tokens;
}

/** The `and`-ed conditions of an expression. An expression with a top-level `or` is one `other` condition. */
export function readConditions(expression: string): Condition[] {
  const tokens = tokenize(expression);
  if (tokens === null) return [{ kind: 'other', text: expression }];
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.t === 'op' && '([{'.includes(token.v)) depth++;
    if (token.t === 'op' && ')]}'.includes(token.v)) depth--;
    if (depth === 0 && token.t === 'name' && token.v === 'or') return [{ kind: 'other', text: expression }];
    if (depth === 0 && token.t === 'name' && token.v === 'and') parts.push([]);
    else parts.at(-1)?.push(token);
  }
  // `a == b == 'x'` is two conditions of the same value.
  return parts.flatMap((part) => readCondition(part, expression));
}

function readCondition(all: Token[], whole: string): Condition[] {
  const tokens = unwrap(all);
  const other: Condition[] = [{ kind: 'other', text: tokens.map(show).join(' ') || whole }];
  const words = tokens.map((t) => (t.t === 'name' ? t.v : '\0'));
  if (words.join(' ') === 'bozo') return [{ kind: 'bozo', value: true }];
  if (words.join(' ') === 'not bozo') return [{ kind: 'bozo', value: false }];
  const truthy = readTruthy(tokens);
  if (truthy !== null) return [truthy];
  // ord(x) == 8230 says x is the one character U+2026.
  const ord = tokens[0]?.t === 'name' && tokens[0].v === 'ord' && tokens[1]?.t === 'op' && tokens[1].v === '(';
  const close = tokens.findIndex((t) => t.t === 'op' && t.v === ')');
  const code = tokens[close + 2];
  if (ord && close > 2 && tokens[close + 1]?.t === 'op' && code?.t === 'num' && tokens.length === close + 3) {
    const path = readPath(tokens.slice(2, close));
    const target = path === null ? null : targetOf(path);
    if (path !== null && target !== null) {
      return [{ kind: 'field', target, path: path.keys.slice(target === 'feed' ? 0 : 1), value: String.fromCodePoint(code.v) }];
    }
  }
  // a == b == 'literal': every path side equals the literal.
  const sides: Token[][] = [[]];
  for (const token of tokens) {
    if (token.t === 'op' && token.v === '==') sides.push([]);
    else sides.at(-1)?.push(token);
  }
  if (sides.length < 2) return other;
  let value: PyValue | undefined;
  const paths: { root: string; keys: (string | number)[] }[] = [];
  for (const side of sides) {
    const literal = readLiteral(side);
    if (literal !== undefined) {
      if (value !== undefined) return other;
      value = literal.value;
      continue;
    }
    const path = readPath(side);
    if (path === null) return other;
    paths.push(path);
  }
  if (value === undefined || paths.length === 0) return other;
  const conditions: Condition[] = [];
  for (const p of paths) {
    if (p.root === 'feed') conditions.push({ kind: 'field', target: 'feed', path: p.keys, value });
    else if (p.root === 'entries' && typeof p.keys[0] === 'number') {
      conditions.push({ kind: 'field', target: p.keys[0], path: p.keys.slice(1), value });
    } else if (p.keys.length === 0) conditions.push({ kind: 'top', name: p.root, value });
    else return other;
  }
  return conditions;
}

function targetOf(path: { root: string; keys: (string | number)[] }): 'feed' | number | null {
  if (path.root === 'feed') return 'feed';
  return path.root === 'entries' && typeof path.keys[0] === 'number' ? path.keys[0] : null;
}

/** `[not] path`, `[not] path.has_key('k')` and `path != None`; null for anything else. */
function readTruthy(all: Token[]): Condition | null {
  const negated = all[0]?.t === 'name' && all[0].v === 'not';
  let tokens = negated ? all.slice(1) : all;
  let value = !negated;
  const last = tokens.at(-1);
  const beforeLast = tokens.at(-2);
  if (last?.t === 'name' && last.v === 'None' && beforeLast?.t === 'op' && beforeLast.v === '!=') {
    if (negated) return null;
    tokens = tokens.slice(0, -2);
    value = true;
  }
  let extra: string | null = null;
  const n = tokens.length;
  const key = tokens[n - 2];
  if (n >= 6 && tokens[n - 5]?.t === 'op' && tokens[n - 4]?.t === 'name' && (tokens[n - 4] as { v: string }).v === 'has_key' && key?.t === 'str') {
    extra = key.v;
    tokens = tokens.slice(0, n - 5);
  }
  const path = readPath(tokens);
  if (path === null) return null;
  const target = targetOf(path);
  if (target === null || path.keys.length === 0) return null;
  const keys = [...path.keys.slice(target === 'feed' ? 0 : 1), ...(extra === null ? [] : [extra])];
  return keys.length === 0 ? null : { kind: 'truthy', target, path: keys, value };
}

/** `(a == 'x')` is `a == 'x'`: drops parentheses that wrap the whole condition. */
function unwrap(tokens: Token[]): Token[] {
  const first = tokens[0];
  if (!(first?.t === 'op' && first.v === '(')) return tokens;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.t === 'op' && '([{'.includes(t.v)) depth++;
    if (t?.t === 'op' && ')]}'.includes(t.v)) depth--;
    if (depth === 0) return i === tokens.length - 1 ? unwrap(tokens.slice(1, -1)) : tokens;
  }
  return tokens;
}

/** `name`, then any of `[literal]` and `.name`; a call such as `.get('x')` makes it no path. */
function readPath(tokens: Token[]): { root: string; keys: (string | number)[] } | null {
  const first = tokens[0];
  if (first?.t !== 'name' || ['not', 'in', 'is', 'None', 'True', 'False'].includes(first.v)) return null;
  const keys: (string | number)[] = [];
  for (let i = 1; i < tokens.length; ) {
    const a = tokens[i];
    const b = tokens[i + 1];
    const c = tokens[i + 2];
    if (a?.t === 'op' && a.v === '[' && (b?.t === 'str' || b?.t === 'num') && c?.t === 'op' && c.v === ']') {
      keys.push(b.v);
      i += 3;
    } else if (a?.t === 'op' && a.v === '.' && b?.t === 'name' && !(c?.t === 'op' && c.v === '(')) {
      keys.push(b.v);
      i += 2;
    } else {
      return null;
    }
  }
  return { root: first.v, keys };
}

/** A string, number, None, True/False, tuple/list of literals, or `{}`; undefined when it is not one. */
function readLiteral(tokens: Token[]): { value: PyValue } | undefined {
  let i = 0;
  const value = (): PyValue | undefined => {
    const t = tokens[i++];
    if (t === undefined) return undefined;
    if (t.t === 'str' || t.t === 'num') return t.v;
    if (t.t === 'name' && t.v === 'None') return null;
    if (t.t === 'name' && (t.v === 'True' || t.v === 'False')) return t.v === 'True' ? 1 : 0;
    if (t.t === 'op' && t.v === '{') {
      const next = tokens[i++];
      return next?.t === 'op' && next.v === '}' ? {} : undefined;
    }
    if (t.t === 'op' && (t.v === '(' || t.v === '[')) {
      const close = t.v === '(' ? ')' : ']';
      const items: PyValue[] = [];
      for (;;) {
        const next = tokens[i];
        if (next?.t === 'op' && next.v === close) {
          i++;
          return items;
        }
        const item = value();
        if (item === undefined) return undefined;
        items.push(item);
        const sep = tokens[i];
        if (sep?.t === 'op' && sep.v === ',') i++;
      }
    }
    return undefined;
  };
  const v = value();
  return v === undefined || i !== tokens.length ? undefined : { value: v };
}

function show(token: Token): string {
  return token.t === 'str' ? JSON.stringify(token.v) : String(token.v);
}

/** Decodes a Python string literal with the escapes feedparser's tests use; null when it is not one. */
export function readPythonString(literal: string): string | null {
  const body = /^[ub]?('''|"""|'|")([\s\S]*)\1$/.exec(literal)?.[2];
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
