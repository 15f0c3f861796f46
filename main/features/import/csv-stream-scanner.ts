// Reads CSV records from UTF-8 bytes that arrive in chunks, keeping only the bytes of the record being read,
// so a file of any size is read in bounded memory.
//
// Two paths give the same records. The fast path splits plain records itself (unquoted fields without
// quotes or surrounding whitespace, quoted fields closed right before a delimiter or line break): that is
// what Excel and most tools write, and splitting them with indexOf is several times faster than csv-parse,
// which reads byte by byte. Anything else (a stray quote, whitespace to trim, an over-long record, an unclosed
// quote, a delimiter that is not one ASCII byte) goes to csv-parse, record by record, so its rules decide
// every unusual case and its errors name the line as before. A differential test holds the two to the same
// output.
import { CsvError, parse } from 'csv-parse/sync';
import { csvParseOptions, describeCsvError, MAX_RECORD_BYTES, type CsvRowVisitor } from './csv-options.js';
import { completeUtf8Length } from './decode-text.js';
import { StreamLines } from './stream-lines.js';

// Each unreadable record restarts the parser on the next line; a file that is broken everywhere stops here.
const MAX_RESTARTS = 1000;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
// A fast-path record longer than this goes to csv-parse, which applies (and reports) the record size limit.
const FAST_RECORD_LIMIT = MAX_RECORD_BYTES / 2;

const MORE = -1; // the record may continue past the bytes seen so far
const SLOW = -2; // the fast path does not decide this record
type FastOutcome = typeof MORE | typeof SLOW | number; // or the offset where the record ended

/** Thrown from on_record to stop csv-parse once it has given the record the fast path could not read. */
const STOP = Symbol('stop');

export interface CsvStreamScannerOptions {
  trim: boolean;
  /** Off: every record goes through csv-parse (the reference the differential test compares against). */
  fastPath?: boolean;
}

export class CsvStreamScanner {
  private window: Buffer = Buffer.alloc(0);
  /** Backing store of `window`, grown when a chunk and the unread tail do not fit. */
  private storage: Buffer = Buffer.alloc(0);
  /** Absolute offset of window[0]. */
  private base = 0;
  /** Absolute offset where the next record (or the skip to the next line) starts. */
  private pos: number;
  private skipToLine: number | null = null;
  private readonly lines = new StreamLines();
  private readonly delimiterByte: number | null;
  private restarts = 0;
  private stopped = false;
  /** Line where reading gave up after too many unreadable records. */
  stoppedAt: number | null = null;

  constructor(
    private readonly delimiter: string,
    private readonly options: CsvStreamScannerOptions,
    private readonly visitor: CsvRowVisitor,
    /** Bytes before the header row (an Excel `sep=` line) that are not records. */
    startOffset = 0,
  ) {
    this.pos = startOffset;
    const code = delimiter.length === 1 ? delimiter.charCodeAt(0) : 0x100;
    this.delimiterByte = options.fastPath === false || code >= 0x80 || code === QUOTE || code === LF || code === CR ? null : code;
  }

  push(chunk: Uint8Array): void {
    if (this.stopped || chunk.length === 0) return;
    const keepFrom = Math.min(this.pos, this.windowEnd()) - this.base;
    const kept = this.window.length - keepFrom;
    // The unread tail and the new chunk go into one buffer that is reused from chunk to chunk: a fresh
    // megabyte per chunk kept the garbage collector busy for a quarter of the reading time.
    if (this.storage.length < kept + chunk.length) {
      const grown = Buffer.allocUnsafe(Math.max(kept + chunk.length, this.storage.length * 2));
      this.window.copy(grown, 0, keepFrom);
      this.storage = grown;
    } else {
      this.window.copy(this.storage, 0, keepFrom);
    }
    this.storage.set(chunk, kept);
    this.window = this.storage.subarray(0, kept + chunk.length);
    this.base += keepFrom;
    this.lines.extend(this.window, this.base, this.windowEnd());
    this.scan(false);
  }

  end(): void {
    if (this.stopped) return;
    this.lines.finish();
    this.scan(true);
    this.stopped = true;
  }

  private windowEnd(): number {
    return this.base + this.window.length;
  }

  private scan(eof: boolean): void {
    while (!this.stopped) {
      if (this.skipToLine !== null) {
        const start = this.lines.startOf(this.skipToLine);
        if (start === null) {
          // Nothing before the next line is needed: drop it, so one endless line cannot fill memory.
          this.pos = this.windowEnd();
          break;
        }
        this.skipToLine = null;
        this.pos = start;
      }
      if (this.pos >= this.windowEnd()) break;
      const fast = this.delimiterByte === null ? SLOW : this.readFast(this.pos, eof);
      if (fast === MORE) break;
      if (fast !== SLOW) {
        this.pos = fast;
        continue;
      }
      if (!this.readSlow(eof)) break;
    }
    this.lines.forgetBefore(Math.min(this.pos, this.windowEnd()));
  }

  /** Reads one plain record at `start`; returns where it ended, MORE, or SLOW for csv-parse to decide. */
  private readFast(start: number, eof: boolean): FastOutcome {
    const buf = this.window;
    const base = this.base;
    const end = buf.length;
    const delimiter = this.delimiterByte as number;
    const trim = this.options.trim;
    let p = start - base;
    // csv-parse skips empty lines (skip_empty_lines) before a record.
    while (p < end && (buf[p] === LF || buf[p] === CR)) p++;
    if (p >= end) {
      this.pos = p + base;
      return eof ? p + base : MORE;
    }
    const recordStart = p;
    const cells: string[] = [];
    for (;;) {
      if (p - recordStart > FAST_RECORD_LIMIT) return SLOW;
      let value: string;
      if (buf[p] === QUOTE) {
        let q = p + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          close = buf.indexOf(QUOTE, q);
          if (close < 0) return eof || end - recordStart > FAST_RECORD_LIMIT ? SLOW : MORE;
          if (close + 1 >= end) {
            if (!eof) return MORE;
            break;
          }
          if (buf[close + 1] !== QUOTE) break;
          escaped = true;
          q = close + 2;
        }
        value = buf.toString('utf8', p + 1, close);
        if (escaped) value = value.replaceAll('""', '"');
        p = close + 1;
        if (close - recordStart > FAST_RECORD_LIMIT) return SLOW;
        if (p < end && buf[p] !== delimiter && buf[p] !== LF && buf[p] !== CR) return SLOW;
      } else {
        let q = p;
        while (q < end) {
          const b = buf[q];
          if (b === delimiter || b === LF || b === CR) break;
          if (b === QUOTE) return SLOW;
          q++;
        }
        if (q >= end && !eof) return end - recordStart > FAST_RECORD_LIMIT ? SLOW : MORE;
        if (q - recordStart > FAST_RECORD_LIMIT) return SLOW;
        value = buf.toString('utf8', p, q);
        // csv-parse trims Unicode whitespace around unquoted fields; leave those to it.
        if (trim && value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)))) return SLOW;
        p = q;
      }
      cells.push(value);
      if (p >= end) break; // end of file
      if (buf[p] === delimiter) {
        p++;
        if (p >= end && !eof) return MORE;
        continue;
      }
      // A line break ends the record; a CR at the end of what we have may be half of a CRLF.
      if (buf[p] === CR) {
        if (p + 1 >= end && !eof) return MORE;
        p += buf[p + 1] === LF ? 2 : 1;
      } else {
        p++;
      }
      break;
    }
    // A record of one empty cell is a blank line to csv-parse in some forms and a record in others.
    if (cells.length === 1 && cells[0] === '') return SLOW;
    this.visitor.row(cells, this.lines.lineAt(recordStart + base));
    return p + base;
  }

  /**
   * Lets csv-parse read the record at `pos`. Returns false when it needs more bytes to decide. A record it
   * cannot read is reported at the line where it starts and reading resumes on the next line, so one broken
   * quote costs one record, not the rest of the file (C6).
   */
  private readSlow(eof: boolean): boolean {
    const from = this.pos;
    // Cut at a character boundary: csv-parse treats the end of its input as the end of the file, and half a
    // kanji after a closing quote would read as "unexpected text" there.
    const windowEnd = eof ? this.windowEnd() : this.base + completeUtf8Length(this.window);
    if (windowEnd <= from) return false;
    let recordEnd = from;
    let read = false;
    try {
      parse(this.window.subarray(from - this.base, windowEnd - this.base), {
        ...csvParseOptions(this.delimiter, this.options.trim),
        on_record: (cells: string[], info) => {
          const end = from + info.bytes;
          // A record that reaches the last byte seen may go on in the next chunk.
          if (!eof && end >= windowEnd) throw STOP;
          const start = this.recordStart(recordEnd);
          recordEnd = end;
          read = true;
          this.visitor.row(cells, this.lines.lineAt(start));
          // Back to the fast path after this record, unless there is none.
          if (this.delimiterByte !== null) throw STOP;
          return null;
        },
      });
      this.pos = eof ? windowEnd : recordEnd;
      return eof || read;
    } catch (error) {
      if (error === STOP) {
        this.pos = recordEnd;
        return read;
      }
      if (!(error instanceof CsvError)) throw error;
      // Before the end of the file, an unclosed quote only means the field goes on in the next chunk.
      if (!eof && error.code === 'CSV_QUOTE_NOT_CLOSED') {
        this.pos = recordEnd;
        return read;
      }
      const line = this.lines.lineAt(this.recordStart(recordEnd));
      if (!this.visitor.error(line, describeCsvError(error))) {
        this.stopped = true;
        return false;
      }
      if (this.restarts >= MAX_RESTARTS) {
        this.stoppedAt = line;
        this.stopped = true;
        return false;
      }
      this.restarts++;
      this.pos = recordEnd;
      this.skipToLine = line + 1;
      return true;
    }
  }

  /** Where the record after `offset` really begins: csv-parse skips empty lines, and with `trim` blank ones. */
  private recordStart(offset: number): number {
    const buf = this.window;
    let i = offset - this.base;
    if (!this.options.trim) {
      while (i < buf.length && (buf[i] === LF || buf[i] === CR)) i++;
      return i + this.base;
    }
    while (i < buf.length) {
      const lead = buf[i] ?? 0;
      if (lead < 0x80) {
        if (!ASCII_SPACE.has(lead)) break;
        i++;
        continue;
      }
      const width = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      if (!/^\s$/u.test(buf.toString('utf8', i, i + width))) break;
      i += width;
    }
    return i + this.base;
  }
}

// Tab, LF, VT, FF, CR and space: the ASCII part of String.prototype.trim's set.
const ASCII_SPACE: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  // Every character csv-parse trims is in \s (which adds U+FEFF): treating more as space only sends a
  // record to csv-parse, never changes it.
  return /\s/u.test(String.fromCharCode(code));
}

