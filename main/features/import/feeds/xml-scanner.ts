// The XML layer under the feed reader. htmlparser2's tokenizer in XML mode is lenient (a truncated or ill-formed
// feed still yields its events) and, by construction, safe against the XML entity attacks (F1–F5): it knows only
// the five predefined entities and numeric references, never reads a DTD, never expands a declared entity and
// does no I/O at all. What it does not bound (nesting depth, attribute count, name length) is bounded here.
import { Parser } from 'htmlparser2';
import { DoctypeBlanker } from './doctype.js';
import { LineTracker } from './line-tracker.js';

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
  /** The physical line of that `<` (lines are counted as the text streams by, never from the whole text). */
  line: number;
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
  line: number | null;
  message: string;
}

export interface ScanOutcome {
  problems: XmlProblem[];
  /** Set when a bound was hit: the line where reading stopped; nothing after it was read. */
  stoppedAt: number | null;
  /** The line the text ends on. */
  lastLine: number;
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
  const scanner = new XmlStreamScanner(handler);
  const size = Math.max(1, options.chunkSize ?? source.length);
  for (let i = 0; i < source.length; i += size) scanner.write(source.slice(i, i + size));
  scanner.end();
  return { problems: scanner.problems, stoppedAt: scanner.stoppedAt, lastLine: scanner.lastLine };
}

/**
 * Tokenizes a document handed over in pieces of any size (a multibyte character, an entity, a CDATA section or a
 * tag may be split between two), calling `handler` for elements and text in document order, as each completes.
 * Only the pieces the tokenizer has not finished with are held, never the document.
 */
export class XmlStreamScanner {
  readonly problems: XmlProblem[] = [];
  /** Set when a bound was hit: the line where reading stopped. Nothing written after that is read. */
  stoppedAt: number | null = null;
  private readonly doctype = new DoctypeBlanker();
  private readonly lines = new LineTracker();
  private readonly parser: Parser;
  /** The piece being tokenized, where it starts, and the character before it (`/` of a `/>` split from `>`). */
  private piece = '';
  private pieceStart = 0;
  private before = -1;
  private ending = false;
  private skipRest = false;

  constructor(handler: XmlHandler) {
    const scopes: { depth: number; prefixes: Map<string, string> }[] = [];
    const starts: number[] = [];
    let attributeCount = 0;
    let inCdata = false;
    let cdataLine = 0;
    const undeclared = new Set<string>();
    const problems = this.problems;
    const lineAt = (offset: number) => this.lines.lineAt(offset);

    const resolve = (qname: string, line: number): XmlName => {
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
        problems.push({ line, message: `the prefix "${prefix}:" is used but never declared; it was read by its usual meaning` });
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
        onopentag: (qname, attribs) => {
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
          const line = lineAt(parser.startIndex);
          handler.open({
            name: resolve(qname, line),
            attrs,
            start: parser.startIndex,
            line,
            selfClosing: this.charBefore(parser.endIndex) === SLASH,
          });
        },
        onclosetag: (_name, isImplied) => {
          const start = starts.pop() ?? 0;
          const top = scopes.at(-1);
          if (top !== undefined && top.depth === starts.length) scopes.pop();
          let kind: CloseKind = 'explicit';
          // htmlparser2 reports `/>` as an implied close whose event starts where the start tag did.
          if (isImplied) kind = this.ending ? 'eof' : parser.startIndex === start ? 'self' : 'mismatch';
          handler.close(kind);
        },
        ontext(data) {
          handler.text(data, inCdata);
        },
        oncdatastart() {
          inCdata = true;
          cdataLine = lineAt(parser.startIndex);
        },
        oncdataend: () => {
          inCdata = false;
          if (this.ending) problems.push({ line: cdataLine, message: 'a CDATA section is never closed' });
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
    this.parser = parser;
  }

  write(text: string): void {
    if (this.stoppedAt !== null || this.skipRest) return;
    this.tokenize(this.doctype.push(text));
  }

  /** The end of the document: elements and CDATA still open are closed as cut off by it. */
  end(): void {
    if (this.stoppedAt !== null) return;
    if (!this.skipRest) this.tokenize(this.doctype.end());
    this.lines.end();
    if (this.skipRest) return;
    this.before = this.piece.length > 0 ? this.piece.charCodeAt(this.piece.length - 1) : this.before;
    this.piece = '';
    this.pieceStart = this.lines.length;
    // Everything htmlparser2 emits from here on comes from the end of the file: unclosed elements and CDATA.
    this.ending = true;
    this.guard(() => this.parser.end());
  }

  /** Nothing more needs reading (the root element is not a feed's): later pieces are dropped unread. */
  skipTheRest(): void {
    this.skipRest = true;
  }

  get lastLine(): number {
    return this.lines.lastLine;
  }

  private tokenize(text: string): void {
    this.lines.push(text);
    for (const problem of this.doctype.problems.splice(0)) this.problems.push({ line: this.lines.lineAt(problem.offset), message: problem.message });
    if (text === '') return;
    this.before = this.piece.length > 0 ? this.piece.charCodeAt(this.piece.length - 1) : this.before;
    this.pieceStart = this.lines.length - text.length;
    this.piece = text;
    this.guard(() => this.parser.write(text));
  }

  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (!(error instanceof StopScanning)) throw error;
      const line = this.lines.lineAt(error.offset);
      this.problems.push({ line, message: `${error.message}; reading stopped here` });
      this.stoppedAt = line;
    }
  }

  /** The character before `offset`, which is always in the piece being tokenized or ends the one before. */
  private charBefore(offset: number): number {
    const at = offset - 1 - this.pieceStart;
    return at >= 0 ? this.piece.charCodeAt(at) : this.before;
  }
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
