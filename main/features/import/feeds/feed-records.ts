// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom snapshot into the records every reader returns. Like the CSV reader,
// a bad item is reported with the line where it starts and reading goes on, so the good items land and every
// item is either returned or named in `errors` (ACCOUNT). Hostile input is the normal case: see doctype.ts and
// xml-scanner.ts for the XML attacks (F1–F7), html-text.ts and safe-url.ts for the content ones (F10, F11).
import type { SourceRecord } from '../source-record.js';
import { decodeFeedBytes } from './feed-encoding.js';
import { FeedItemCollector } from './feed-items.js';
import type { FeedFormat, RawItem } from './feed-items.js';
import { looksLikeHtml, toOneLine } from './html-text.js';
import { atomTextKind, fieldText, itemToRecord } from './item-record.js';
import { XmlStreamScanner } from './xml-scanner.js';

export type { FeedFormat } from './feed-items.js';

export interface FeedRecordError {
  line: number | null;
  message: string;
}

export interface FeedReadResult {
  format: FeedFormat;
  encoding: string;
  records: SourceRecord[];
  errors: FeedRecordError[];
  /** Items seen, failed and incomplete ones included, so that imported + failed can be checked against it. */
  recordCount: number;
  feedTitle: string | null;
}

/**
 * Above this the file is refused before decoding (F5, F15): a whole-file read must stay far below V8's string
 * limit and the memory budget of a parse worker. Real feed snapshots are well under a megabyte.
 */
// The same cap as the importer's per-file limit: a month-long feed of full articles can pass 64 MB.
export const MAX_FEED_BYTES = 256 * 1024 * 1024;

// One bad feed can report a problem per item; past this the list says how many more there were.
const MAX_REPORTED_PROBLEMS = 100;

export type FeedReadErrorCode = 'FEED_TOO_LARGE' | 'NOT_A_FEED';

export class FeedReadError extends Error {
  constructor(
    readonly code: FeedReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedReadError';
  }
}

/**
 * Reads feed bytes. Throws FeedReadError when the file is too large or is not RSS/RDF/Atom, and
 * NotTextFileError or UndecodableFileError (from decode-text) when it is not text at all.
 */
export function readFeedRecords(bytes: Uint8Array, options: FeedTextOptions = {}): FeedReadResult {
  if (bytes.byteLength > MAX_FEED_BYTES) {
    throw new FeedReadError('FEED_TOO_LARGE', `the feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB; it was not read`);
  }
  const decoded = decodeFeedBytes(bytes);
  const result = readFeedText(decoded.text, options);
  const warnings = decoded.warnings.map((message) => ({ line: null, message }));
  return { ...result, encoding: decoded.encoding, errors: [...warnings, ...result.errors] };
}

export interface FeedTextOptions {
  /** Tokenize in pieces of this many characters; the result must not change (F18). */
  chunkSize?: number;
  /** See ItemOptions.keepUntitled: for the conformance runner only, never for an import. */
  keepUntitled?: boolean;
}

/** Reads already decoded feed text; `encoding` is left empty for the caller to fill in. */
export function readFeedText(text: string, options: FeedTextOptions = {}): FeedReadResult {
  const records: SourceRecord[] = [];
  const reader = new FeedTextReader((record) => records.push(record), options);
  const size = Math.max(1, options.chunkSize ?? text.length);
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  const summary = reader.finish();
  for (const record of records) record.sourceName = summary.feedTitle;
  return { ...summary, encoding: '', records };
}

export type FeedTextSummary = Omit<FeedReadResult, 'records' | 'encoding'>;

// A feed whose every item draws a warning would otherwise list one per item, whatever its size.
const MAX_REPORTED_ITEM_ERRORS = 1000;

/**
 * Reads feed text handed over in pieces (split anywhere: inside a character's surrogate pair, an entity, a CDATA
 * section or a tag) and hands each record on the moment its item's end tag is read, so memory holds one item,
 * not the feed. Records come with `sourceName` null: the caller names them after the feed's title, which
 * `settledTitle` gives once it is known (in every real feed, before the first item).
 */
export class FeedTextReader {
  private readonly collector: FeedItemCollector;
  private readonly scanner: XmlStreamScanner;
  private readonly itemErrors: FeedRecordError[] = [];
  private unreportedItemErrors = 0;
  private recordCount = 0;

  constructor(onRecord: (record: SourceRecord) => void, options: FeedTextOptions = {}) {
    const collector = new FeedItemCollector((item: RawItem) => {
      const format = collector.format;
      if (format === null) return;
      this.recordCount++;
      const line = item.line;
      if (item.closedBy === 'eof') {
        // The file (or reading, after a bound was hit) stopped inside this item: whatever it holds may be cut.
        const where = this.scanner.stoppedAt !== null ? 'reading stopped inside this item' : 'the file ends inside this item';
        this.reportItem({ line, message: `${where}; the incomplete item was dropped` });
        return;
      }
      const outcome = itemToRecord(item, format, line, { keepUntitled: options.keepUntitled });
      if ('error' in outcome) {
        this.reportItem({ line, message: outcome.error });
        return;
      }
      onRecord(outcome.record);
      for (const message of outcome.warnings) this.reportItem({ line, message });
    });
    this.collector = collector;
    this.scanner = new XmlStreamScanner({
      open: (tag) => collector.open(tag),
      close: (kind) => collector.close(kind),
      text: (data) => collector.text(data),
    });
  }

  push(text: string): void {
    this.scanner.write(text);
    // A root element that is no feed's decides the file: the rest need not be tokenized.
    if (this.collector.rootName !== null && this.collector.format === null) this.scanner.skipTheRest();
  }

  /**
   * The feed's title once no later element can change it: the channel's (or Atom feed's) own <title> has been
   * read. Undefined while it may still come.
   */
  get settledTitle(): string | null | undefined {
    return this.collector.feedTitles.some((field) => field.name.alias !== 'dc') ? readFeedTitle(this.collector) : undefined;
  }

  /** The feed's title as far as it has been read (it may still change while settledTitle is undefined). */
  get titleSoFar(): string | null {
    return readFeedTitle(this.collector);
  }

  /** Ends the text. Throws FeedReadError when it was not RSS, RDF or Atom. */
  finish(): FeedTextSummary {
    const collector = this.collector;
    this.scanner.end();
    collector.finish(this.scanner.lastLine);
    if (collector.format === null) {
      const what = collector.rootName === null ? 'it has no XML element at all' : `its root element is <${collector.rootName}>`;
      throw new FeedReadError('NOT_A_FEED', `not an RSS, RDF or Atom feed: ${what}`);
    }
    const problems: FeedRecordError[] = [...this.scanner.problems, ...collector.problems];
    const reported = problems.slice(0, MAX_REPORTED_PROBLEMS);
    if (problems.length > reported.length) {
      reported.push({ line: null, message: `…and ${problems.length - reported.length} more problems of the same kind` });
    }
    const errors = [...reported, ...this.itemErrors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (this.unreportedItemErrors > 0) errors.push({ line: null, message: `…and ${this.unreportedItemErrors} more problems with items` });
    return { format: collector.format, errors, recordCount: this.recordCount, feedTitle: readFeedTitle(collector) };
  }

  private reportItem(error: FeedRecordError): void {
    if (this.itemErrors.length < MAX_REPORTED_ITEM_ERRORS) this.itemErrors.push(error);
    else this.unreportedItemErrors++;
  }
}

/** The channel's or feed's own title, read like an item title (Atom says its type; RSS may hold HTML). */
function readFeedTitle(collector: FeedItemCollector): string | null {
  const fields = collector.feedTitles;
  const field = fields.find((f) => f.name.alias !== 'dc') ?? fields[0];
  if (field === undefined) return null;
  const kind = collector.format === 'atom' && field.name.alias !== 'dc' ? atomTextKind(field) : looksLikeHtml(field.text) ? 'html' : 'text';
  return toOneLine(fieldText(field, kind, [])) || null;
}

// The root element usually comes within a few hundred bytes; a long licence comment may push it further.
export const SNIFF_BYTES = 16 * 1024;

/**
 * Whether the bytes look like a feed: the first element after the XML declaration, comments, processing
 * instructions and DOCTYPE is <rss>, <rdf:RDF> or <feed>. Cheap and never throws, for routing .xml files.
 */
export function looksLikeFeed(bytes: Uint8Array): boolean {
  const head = sniffText(bytes.subarray(0, SNIFF_BYTES));
  const prolog = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/i.exec(head);
  const rest = head.slice(prolog?.[0].length ?? 0);
  return /^<(?:rss|(?:[\w.-]+:)?RDF|(?:[\w.-]+:)?feed)[\s/>]/.test(rest);
}

/** ASCII view of the start of the file, whatever its encoding: markup is ASCII in every encoding we read. */
function sniffText(head: Uint8Array): string {
  let bytes = head;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const le = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0x3c && bytes[1] === 0);
  const be = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] === 0x3c);
  if (le || be) {
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
    return text.replace(/^\uFEFF/, '');
  }
  return Buffer.from(bytes).toString('latin1');
}

