// The XML layer under the feed reader. htmlparser2's tokenizer in XML mode is lenient (a truncated or ill-formed
// feed still yields its events) and, by construction, safe against the XML entity attacks (F1–F5): it knows only
// the five predefined entities and numeric references, never reads a DTD, never expands a declared entity and
// does no I/O at all. What it does not bound (nesting depth, attribute count, name length) is bounded here.
import { Parser } from 'htmlparser2';
import { blankDoctype } from './doctype.js';

/** Namespaces the reader understands, by URI; the alias is what field matching uses. */
const NAMESPACE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/2005/Atom', 'atom'],
  ['http://purl.org/atom/ns#', 'atom03'],
  ['http://purl.org/rss/1.0/', 'rss'],
  ['http://my.netscape.com/rdf/simple/0.9/', 'rss'],
  ['http://backend.userland.com/rss2', ''],
  ['http://blogs.law.harvard.edu/tech/rss', ''],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
  ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'itunes'],
  ['http://www.itunes.com/DTDs/PodCast-1.0.dtd', 'itunes'],
]);

// Real feeds nest a handful of levels; these bounds stop a hostile file long before htmlparser2's own bookkeeping
// (Array#unshift per open element, an object per attribute list) could take seconds or hundreds of MB (F6).
export const MAX_XML_DEPTH = 1000;
const MAX_ATTRIBUTES = 1000;
const MAX_NAME_CHARS = 1000;
const MAX_UNDECLARED_REPORTS = 20;

export interface XmlName {
  /** The tag as written (`dc:date`). */
  qname: string;
  local: string;
  /** `atom`, `rss`, `dc`, `content`… for known namespaces; the prefix when it was never declared; '' for none. */
  alias: string;
}

export interface XmlOpen {
  name: XmlName;
  /** Attributes by qualified name; a Map so that `__proto__` or `constructor` are plain keys (F7). */
  attrs: ReadonlyMap<string, string>;
  /** Offset of the `<` that opens the start tag. */
  start: number;
  /** Written as `<name/>`: its close event follows at once and it has no content. */
  selfClosing: boolean;
}

/** How an element ended: its own end tag, `/>`, an end tag of an ancestor, or the end of the file. */
export type CloseKind = 'explicit' | 'self' | 'mismatch' | 'eof';

export interface XmlHandler {
  open(tag: XmlOpen): void;
  close(kind: CloseKind): void;
  text(data: string, cdata: boolean): void;
}

export interface XmlProblem {
  offset: number | null;
  message: string;
}

export interface ScanOutcome {
  /** The text actually tokenized: the input with its DOCTYPE blanked out (same length, same lines). */
  text: string;
  problems: XmlProblem[];
  /** Set when a bound was hit; nothing after this offset was read. */
  stoppedAt: number | null;
}

export interface ScanOptions {
  /** Feed the tokenizer this many characters at a time; the events must not depend on it (F18). */
  chunkSize?: number;
}

class StopScanning extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Tokenizes a whole document, calling `handler` for elements and text in document order. */
export function scanXml(source: string, handler: XmlHandler, options: ScanOptions = {}): ScanOutcome {
  const { text, problems } = blankDoctype(source);
  const scopes: { depth: number; prefixes: Map<string, string> }[] = [];
  const starts: number[] = [];
  let attributeCount = 0;
  let inCdata = false;
  let cdataStart = 0;
  let ending = false;
  const undeclared = new Set<string>();

  const resolve = (qname: string, offset: number): XmlName => {
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]?.prefixes.get(prefix);
      if (uri !== undefined) return { qname, local, alias: aliasOf(uri) };
    }
    // An undeclared prefix (F9) is read by its usual meaning: `dc:date` is Dublin Core in every real feed. The
    // file is not namespace-well-formed all the same, which is said once per prefix.
    if (prefix !== '' && prefix !== 'xml' && !undeclared.has(prefix) && undeclared.size < MAX_UNDECLARED_REPORTS) {
      undeclared.add(prefix);
      problems.push({ offset, message: `the prefix "${prefix}:" is used but never declared; it was read by its usual meaning` });
    }
    return { qname, local, alias: prefix.toLowerCase() };
  };

  const parser: Parser = new Parser(
    {
      onopentagname(name) {
        attributeCount = 0;
        if (name.length > MAX_NAME_CHARS) stop('an element name is too long', parser.startIndex);
      },
      onattribute(name) {
        if (++attributeCount > MAX_ATTRIBUTES) stop('an element has too many attributes', parser.startIndex);
        if (name.length > MAX_NAME_CHARS) stop('an attribute name is too long', parser.startIndex);
      },
      onopentag(qname, attribs) {
        if (starts.length >= MAX_XML_DEPTH) {
          stop(`elements are nested more than ${MAX_XML_DEPTH.toLocaleString('en-US')} levels deep`, parser.startIndex);
        }
        const attrs = new Map(Object.entries(attribs));
        const prefixes = new Map<string, string>();
        for (const [key, value] of attrs) {
          if (key === 'xmlns') prefixes.set('', value.trim());
          else if (key.startsWith('xmlns:')) prefixes.set(key.slice(6), value.trim());
        }
        if (prefixes.size > 0) scopes.push({ depth: starts.length, prefixes });
        starts.push(parser.startIndex);
        handler.open({
          name: resolve(qname, parser.startIndex),
          attrs,
          start: parser.startIndex,
          selfClosing: text.charCodeAt(parser.endIndex - 1) === SLASH,
        });
      },
      onclosetag(_name, isImplied) {
        const start = starts.pop() ?? 0;
        const top = scopes.at(-1);
        if (top !== undefined && top.depth === starts.length) scopes.pop();
        let kind: CloseKind = 'explicit';
        // htmlparser2 reports `/>` as an implied close whose event starts where the start tag did.
        if (isImplied) kind = ending ? 'eof' : parser.startIndex === start ? 'self' : 'mismatch';
        handler.close(kind);
      },
      ontext(data) {
        handler.text(data, inCdata);
      },
      oncdatastart() {
        inCdata = true;
        cdataStart = parser.startIndex;
      },
      oncdataend() {
        inCdata = false;
        if (ending) problems.push({ offset: cdataStart, message: 'a CDATA section is never closed' });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );

  let stoppedAt: number | null = null;
  try {
    const size = options.chunkSize ?? text.length;
    for (let i = 0; i < text.length; i += Math.max(1, size)) parser.write(text.slice(i, i + Math.max(1, size)));
    // Everything htmlparser2 emits from here on comes from the end of the file: unclosed elements and CDATA.
    ending = true;
    parser.end();
  } catch (error) {
    if (!(error instanceof StopScanning)) throw error;
    problems.push({ offset: error.offset, message: `${error.message}; reading stopped here` });
    stoppedAt = error.offset;
  }
  return { text, problems, stoppedAt };
}

const SLASH = 0x2f;

function stop(message: string, offset: number): never {
  throw new StopScanning(message, offset);
}

function aliasOf(uri: string): string {
  if (uri === '') return '';
  // Unknown namespaces get an alias no field name can collide with.
  return NAMESPACE_ALIASES.get(uri) ?? NAMESPACE_ALIASES.get(uri.replace(/#?\/?$/, '/')) ?? `{${uri}}`;
}
