/**
 * Reads a saved web page or pasted text into news items (b.3, H1–H8). HTML is tokenized without running or
 * loading anything and turned into text lines; plain text is used as it is; both then go through the same
 * general splitter (find-items.ts), so a list page, a blog or a notice series from any site splits the same way.
 * Throws NotTextFileError or UndecodableFileError, like the CSV reader, when the bytes are not text at all.
 */
import { decodeText } from '../decode-text.js';
import type { SourceRecord } from '../source-record.js';
import { buildRecords, type DroppedLine, type PageIssue } from './build-records.js';
import { findItems, type Layout } from './find-items.js';
import { decodeHtmlBytes } from './html-charset.js';
import { htmlToLines } from './html-lines.js';
import { isReferenceDate, today } from './item-date.js';
import { classifyLines, isHeadingLike, type LineKind } from './line-kinds.js';
import { splitTextLines, type PageLine } from './page-line.js';

export type PageInput = { bytes: Uint8Array; fileName: string } | { text: string; fileName: string };

export interface PageReadOptions {
  /** `YYYY-MM-DD` that dates without a year or month are read against; defaults to today. */
  reference?: string;
}

export interface PageReadResult {
  format: 'html' | 'text';
  encoding: string;
  records: SourceRecord[];
  errors: PageIssue[];
  /** Items found on the page, failed ones included: records.length + failed = recordCount. */
  recordCount: number;
  /** Every non-blank line that is in no record, with the reason (page furniture, damage, repeated titles). */
  dropped: DroppedLine[];
}

// Saved pages are rarely over a few MB; the caps keep a hostile file from costing unbounded time (H5).
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;
export const MAX_PAGE_CHARS = 32 * 1024 * 1024;

const HTML_NAME = /\.(?:html?|xhtml|shtml)$/i;
const MHTML_NAME = /\.(?:mht|mhtml)$/i;
const HTML_START = /^\s*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|article|section|main|h[1-6]|ul|ol|span|a|br|!--)[\s>/]/i;

export function readPageRecords(input: PageInput, options: PageReadOptions = {}): PageReadResult {
  const errors: PageIssue[] = [];
  let reference = today();
  if (options.reference !== undefined) {
    if (isReferenceDate(options.reference)) reference = options.reference;
    else errors.push({ line: null, message: `the reference date "${options.reference}" is not a YYYY-MM-DD date; today (${reference}) was used` });
  }

  const fail = (format: 'html' | 'text', encoding: string, message: string): PageReadResult => ({
    format, encoding, records: [], errors: [...errors, { line: null, message }], recordCount: 0, dropped: [],
  });

  let text: string;
  let encoding: string;
  let isHtml: boolean;
  if ('bytes' in input) {
    if (input.bytes.byteLength > MAX_PAGE_BYTES) return fail('text', 'unknown', `the page is too large (over ${MAX_PAGE_BYTES / 1024 / 1024} MB)`);
    if (MHTML_NAME.test(input.fileName) || looksLikeMhtml(latin1Head(input.bytes))) return fail('text', 'unknown', 'unsupported format: MHTML web archives (.mht) cannot be read; save the page as "Web page, HTML only"');
    isHtml = HTML_NAME.test(input.fileName) || HTML_START.test(latin1Head(input.bytes));
    const decoded = isHtml ? decodeHtmlBytes(input.bytes) : { ...decodeText(input.bytes), warnings: [] };
    text = decoded.text;
    encoding = decoded.encoding;
    for (const warning of decoded.warnings) errors.push({ line: null, message: warning });
  } else {
    // Pasted text is already Unicode; it has no encoding of its own.
    text = input.text;
    encoding = 'unicode';
    if (text.length > MAX_PAGE_CHARS) return fail('text', encoding, `the text is too long (over ${MAX_PAGE_CHARS.toLocaleString('en-US')} characters)`);
    // H6: the clipboard's HTML flavour pasted as text is read as HTML, never shown as markup.
    isHtml = HTML_START.test(text.slice(0, 1024));
    if (looksLikeMhtml(text.slice(0, 2048))) return fail('text', encoding, 'unsupported format: MHTML web archives cannot be read');
  }
  const format = isHtml ? 'html' : 'text';
  if (/^\s*\{\\rtf/.test(text.slice(0, 64))) return fail(format, encoding, 'unsupported format: RTF; paste the text as plain text');
  if (text.includes('\0')) {
    errors.push({ line: null, message: 'NUL characters removed' });
    text = text.replaceAll('\0', '');
  }
  if (text.trim() === '') return fail(format, encoding, 'the page is empty');

  let lines: PageLine[];
  let pageTitle: string | null = null;
  if (isHtml) {
    let html = htmlToLines(text);
    if (html.lines.length === 0) {
      html = htmlToLines(text, 'keep');
      if (html.lines.length > 0) errors.push({ line: null, message: 'all text of the page is inside navigation, header, footer or form elements; it was read from them' });
    }
    lines = html.lines;
    pageTitle = html.title;
    if (lines.length === 0) return fail(format, encoding, 'the page has no readable text (only markup, scripts or styles)');
  } else {
    lines = splitTextLines(text);
  }

  const kinds = classifyLines(lines);
  const layout = findItems(lines, kinds);
  const sourceName = pageTitle ?? textPageTitle(lines, kinds, layout) ?? displayFileName(input.fileName);
  const built = buildRecords({ lines, kinds, layout, sourceName: sourceName ?? '', reference });
  if (sourceName === null) for (const record of built.records) record.sourceName = null;
  errors.push(...built.errors);
  if (built.records.length === 0 && built.failed === 0) {
    errors.push({ line: null, message: 'no news items were found: every line is page furniture or unreadable text (see the dropped lines)' });
  }
  return { format, encoding, records: built.records, errors, recordCount: built.records.length + built.failed, dropped: built.dropped };
}

/**
 * A text page's own title is the heading just above its first item (`セキュリティサービス/セキュリティニュース`
 * under the site menu of 000, `情報漏洩` on the blog 002). Sentences, furniture, menus and copies of item
 * titles (a contents list) are passed over.
 */
function textPageTitle(lines: readonly PageLine[], kinds: readonly LineKind[], layout: Layout): string | null {
  const firstItem = layout.spans[0]?.start ?? 0;
  for (let i = firstItem - 1; i >= 0; i--) {
    const line = lines[i];
    if (line && kinds[i] === 'text' && !layout.duplicates.has(i) && isHeadingLike(line.norm) && line.norm.length <= 60) return line.text;
  }
  return null;
}

/** File names reach records only as a label: no folders, and no control or bidi characters (H8). */
export function displayFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '').trim();
  return clean === '' ? null : clean;
}

function latin1Head(bytes: Uint8Array): string {
  // NULs are dropped so that UTF-16 markup still reads; a BOM becomes harmless Latin-1 letters, skipped here.
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replaceAll('\0', '').replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
}

function looksLikeMhtml(head: string): boolean {
  return /^MIME-Version:/im.test(head) && /multipart\/related/i.test(head);
}
