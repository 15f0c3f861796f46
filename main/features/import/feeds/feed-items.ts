// Turns the XML event stream into feed items as they close, so memory holds one item at a time rather than a
// document tree. Only what the records need is kept: each item's direct children ("fields") with their text, a
// serialisation of any markup inside them, and a little of their own children (Atom's <author><name>).
import { MAX_FIELD_CHARS } from '../build-source-record.js';
import type { CloseKind, XmlHandler, XmlName, XmlOpen } from './xml-scanner.js';

export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface CapturedField {
  name: XmlName;
  attrs: ReadonlyMap<string, string>;
  /** The XML string value: all descendant text and CDATA, entities decoded. */
  text: string;
  /** Child elements serialised back to markup with their text escaped, or null when there were none. */
  markup: string | null;
  /** The text of the first few child elements, for structured fields such as Atom's <author>. */
  children: { name: XmlName; text: string }[];
  /** The xml:base in scope for the field (RFC 3986-resolved down the tree), or null when none was given. */
  base: string | null;
  /** More than MAX_FIELD_CHARS characters: the value was cut and must not be trusted as complete. */
  overflow: boolean;
  closedBy: CloseKind;
  start: number;
}

export interface RawItem {
  start: number;
  /** The line of its start tag, counted when it was read. */
  line: number;
  attrs: ReadonlyMap<string, string>;
  fields: CapturedField[];
  /** How the item ended; `eof` means the file stopped inside it, so it is incomplete. */
  closedBy: CloseKind;
}

export interface StructureProblem {
  line: number;
  message: string;
}

const MAX_FIELDS_PER_ITEM = 1000;
const MAX_CHILD_TEXTS = 8;
const MAX_CHILD_CHARS = 10_000;

type Role = 'root' | 'channel' | 'item' | 'field' | 'inner' | 'ignored';

interface Frame {
  role: Role;
  name: XmlName;
  start: number;
  line: number;
  base: string | null;
}

interface FieldCapture {
  name: XmlName;
  base: string | null;
  attrs: ReadonlyMap<string, string>;
  start: number;
  text: string[];
  markup: string[];
  hasChildren: boolean;
  size: number;
  overflow: boolean;
  children: { name: XmlName; text: string }[];
  child: { name: XmlName; text: string[]; size: number } | null;
  depth: number;
}

interface ItemCapture {
  start: number;
  line: number;
  attrs: ReadonlyMap<string, string>;
  fields: CapturedField[];
}

/** Reads the event stream of one document. Items are handed to `onItem` the moment they close. */
export class FeedItemCollector implements XmlHandler {
  format: FeedFormat | null = null;
  rootName: string | null = null;
  /** <title> (and Dublin Core <dc:title>) of the channel or feed itself. */
  readonly feedTitles: CapturedField[] = [];
  readonly problems: StructureProblem[] = [];

  private readonly frames: Frame[] = [];
  private readonly items: ItemCapture[] = [];
  private field: FieldCapture | null = null;
  private unclosed: string[] = [];

  constructor(private readonly onItem: (item: RawItem) => void) {}

  open(tag: XmlOpen): void {
    const role = this.roleOf(tag.name);
    const base = resolveBase(this.frames.at(-1)?.base ?? null, tag.attrs.get('xml:base'));
    const frame: Frame = { role, name: tag.name, start: tag.start, line: tag.line, base };
    this.frames.push(frame);
    if (role === 'root') this.startRoot(tag.name);
    else if (role === 'item') this.items.push({ start: tag.start, line: tag.line, attrs: tag.attrs, fields: [] });
    else if (role === 'field') this.startField(tag);
    else if (role === 'inner') this.startInner(tag);
  }

  close(kind: CloseKind): void {
    const frame = this.frames.pop();
    if (frame === undefined) return;
    if (kind === 'mismatch' && frame.role !== 'inner') {
      this.problems.push({ line: frame.line, message: `<${frame.name.qname}> has no end tag` });
    }
    if (kind === 'eof' && (frame.role === 'root' || frame.role === 'channel')) this.unclosed.push(frame.name.qname);
    if (frame.role === 'item') this.finishItem(kind);
    else if (frame.role === 'field') this.finishField(kind);
    else if (frame.role === 'inner') this.finishInner(frame, kind);
  }

  text(data: string): void {
    const field = this.field;
    if (field === null || field.overflow) return;
    field.size += data.length;
    if (field.size > MAX_FIELD_CHARS) {
      field.overflow = true;
      return;
    }
    field.text.push(data);
    // Markup is only needed once the field has a child element: until then it is the escaped text, built then.
    if (field.hasChildren) field.markup.push(escapeMarkup(data));
    const child = field.child;
    if (child !== null && child.size < MAX_CHILD_CHARS) {
      child.text.push(data);
      child.size += data.length;
    }
  }

  /** Called once the scan is over (at `endLine`): items still open were cut off by the end of the file or a stop. */
  finish(endLine: number): void {
    while (this.frames.length > 0) this.close('eof');
    if (this.unclosed.length > 0) {
      this.problems.push({
        line: endLine,
        message: `the file ends before ${this.unclosed.map((name) => `</${name}>`).join(', ')}`,
      });
    }
  }

  private roleOf(name: XmlName): Role {
    const parent = this.frames.at(-1);
    if (parent === undefined) return this.rootName === null ? 'root' : 'ignored';
    if (this.format === null) return 'ignored';
    if (parent.role === 'field' || parent.role === 'inner') return 'inner';
    if (this.isItem(name) && (parent.role === 'root' || parent.role === 'channel' || parent.role === 'item')) {
      return 'item';
    }
    if (parent.role === 'root' && this.format !== 'atom' && name.local === 'channel' && isNative(name, this.format)) {
      return 'channel';
    }
    if (parent.role === 'item') return 'field';
    // The feed's own title: <channel><title> in RSS and RDF, <feed><title> in Atom.
    const header = this.format === 'atom' ? parent.role === 'root' : parent.role === 'channel';
    const titleLike = name.local === 'title' && (isNative(name, this.format) || name.alias === 'dc');
    if (header && titleLike && this.feedTitles.length < 4) return 'field';
    return 'ignored';
  }

  private isItem(name: XmlName): boolean {
    if (this.format === 'atom') return name.local === 'entry' && isNative(name, 'atom');
    return name.local === 'item' && isNative(name, this.format ?? 'rss');
  }

  private startRoot(name: XmlName): void {
    this.rootName = name.qname;
    if (name.local === 'rss') this.format = 'rss';
    else if (name.local === 'RDF') this.format = 'rdf';
    else if (name.local === 'feed') this.format = 'atom';
  }

  private startField(tag: XmlOpen): void {
    const item = this.items.at(-1);
    if (item !== undefined && item.fields.length >= MAX_FIELDS_PER_ITEM) {
      this.frames[this.frames.length - 1] = { role: 'ignored', name: tag.name, start: tag.start, line: tag.line, base: null };
      return;
    }
    this.field = {
      name: tag.name,
      base: this.frames.at(-1)?.base ?? null,
      attrs: tag.attrs,
      start: tag.start,
      text: [],
      markup: [],
      hasChildren: false,
      size: 0,
      overflow: false,
      children: [],
      child: null,
      depth: this.frames.length,
    };
  }

  private startInner(tag: XmlOpen): void {
    const field = this.field;
    if (field === null || field.overflow) return;
    if (!field.hasChildren) field.markup.push(escapeMarkup(field.text.join('')));
    field.hasChildren = true;
    const markup = `<${tag.name.qname}${serialiseAttributes(tag.attrs)}${tag.selfClosing ? '/' : ''}>`;
    field.size += markup.length;
    if (field.size > MAX_FIELD_CHARS) {
      field.overflow = true;
      return;
    }
    field.markup.push(markup);
    if (this.frames.length === field.depth + 1 && field.children.length < MAX_CHILD_TEXTS) {
      field.child = { name: tag.name, text: [], size: 0 };
    }
  }

  private finishInner(frame: Frame, kind: CloseKind): void {
    const field = this.field;
    if (field === null) return;
    if (kind !== 'self' && !field.overflow) field.markup.push(`</${frame.name.qname}>`);
    if (this.frames.length === field.depth && field.child !== null) {
      field.children.push({ name: field.child.name, text: field.child.text.join('') });
      field.child = null;
    }
  }

  private finishField(kind: CloseKind): void {
    const field = this.field;
    this.field = null;
    if (field === null) return;
    const captured: CapturedField = {
      name: field.name,
      attrs: field.attrs,
      text: field.text.join(''),
      markup: field.hasChildren ? field.markup.join('') : null,
      children: field.children,
      base: field.base,
      overflow: field.overflow,
      closedBy: kind,
      start: field.start,
    };
    const item = this.items.at(-1);
    const parent = this.frames.at(-1);
    if (parent?.role === 'item' && item !== undefined) item.fields.push(captured);
    else this.feedTitles.push(captured);
  }

  private finishItem(kind: CloseKind): void {
    const item = this.items.pop();
    if (item !== undefined) this.onItem({ ...item, closedBy: kind });
  }
}

/** Whether an element belongs to the format's own vocabulary (RSS 2.0 has no namespace; RSS 1.0 and Atom do). */
export function isNative(name: XmlName, format: FeedFormat): boolean {
  if (format === 'atom') return name.alias === 'atom' || name.alias === 'atom03' || name.alias === '';
  return name.alias === '' || name.alias === 'rss';
}

/**
 * xml:base as RFC 3986 resolves it: relative to the base in scope. Only a string operation: nothing is fetched,
 * and a base that does not parse leaves the one in scope. Links resolved against it still pass safe-url.ts.
 */
export function resolveBase(inScope: string | null, attr: string | undefined): string | null {
  if (attr === undefined) return inScope;
  const value = attr.trim();
  if (value.length > 8192) return inScope;
  try {
    return new URL(value, inScope ?? undefined).href;
  } catch {
    return inScope;
  }
}

function serialiseAttributes(attrs: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [key, value] of attrs) out += ` ${key}="${escapeMarkup(value).replaceAll('"', '&quot;')}"`;
  return out;
}

function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
