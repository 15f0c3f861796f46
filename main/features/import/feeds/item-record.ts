// Maps one feed item (RSS 2.0 <item>, RSS 1.0 <item>, Atom <entry>) onto the SourceRecord every reader returns.
// All text leaves here as plain text: HTML is reduced to what a reader would see, so nothing stored can carry
// a tag, a handler or a live URL into the renderer (F10), and only http(s) links become sourceUrl (F11).
import { MAX_FIELD_CHARS } from '../build-source-record.js';
import { parseDate } from '../parse-date.js';
import type { SourceRecord } from '../source-record.js';
import { isNative } from './feed-items.js';
import type { CapturedField, FeedFormat, RawItem } from './feed-items.js';
import { htmlToText, looksLikeHtml, toOneLine } from './html-text.js';
import { toSafeHttpUrl } from './safe-url.js';

export type ItemOutcome = { record: SourceRecord; warnings: string[] } | { error: string };

/** How a field's text is to be read: literally, as HTML source, or as the XHTML markup it contains. */
export type TextKind = 'text' | 'html' | 'xhtml' | 'none';

// A title made from the text of an untitled item is cut here, so one long paragraph does not become a title.
const TITLE_FROM_TEXT_CHARS = 100;

export function itemToRecord(item: RawItem, format: FeedFormat, line: number): ItemOutcome {
  const warnings: string[] = [];
  const overflowing = item.fields.find((field) => field.overflow);
  if (overflowing) {
    const limit = MAX_FIELD_CHARS.toLocaleString('en-US');
    return { error: `<${overflowing.name.qname}> is longer than ${limit} characters; the item was skipped` };
  }
  const read = format === 'atom' ? readAtomEntry(item, warnings) : readRssItem(item, format, warnings);

  const body = read.body;
  let title = read.title;
  if (title === '') {
    const firstLine = body.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
    const fallback = firstLine !== '' ? cut(firstLine, TITLE_FROM_TEXT_CHARS) : (read.link ?? read.guid ?? '');
    if (fallback === '') return { error: 'the item has neither a title nor any text; it was skipped' };
    warnings.push('the item has no title; its first line of text (or its link) is used instead');
    title = fallback;
  }

  const sourceUrl = read.link === null ? null : toSafeHttpUrl(read.link);
  if (read.link !== null && sourceUrl === null) {
    warnings.push('the link is not a plain http(s) URL; it is kept as text and will not be opened');
  }
  const extra: Record<string, string> = {};
  // Only non-empty values, so two snapshots of one story compare equal whatever optional fields they carry.
  if (read.guid) extra.guid = read.guid;
  if (read.author) extra.author = read.author;
  if (read.categories.length > 0) extra.categories = read.categories.join(', ');
  if (read.link !== null && sourceUrl === null && read.link !== '') extra.link = read.link;

  return {
    record: {
      line,
      title,
      body,
      organization: null,
      publishedAt: read.dateRaw === null ? null : parseDate(read.dateRaw),
      publishedAtRaw: read.dateRaw,
      sourceCategory: read.categories[0] ?? null,
      sourceUrl,
      sourceName: null,
      extra,
    },
    warnings,
  };
}

interface ReadItem {
  title: string;
  body: string;
  link: string | null;
  guid: string | null;
  dateRaw: string | null;
  categories: string[];
  author: string | null;
}

function readRssItem(item: RawItem, format: FeedFormat, warnings: string[]): ReadItem {
  const native = (local: string): CapturedField[] => item.fields.filter((f) => f.name.local === local && isNative(f.name, format));
  const ext = (alias: string, local: string): CapturedField[] =>
    item.fields.filter((f) => f.name.alias === alias && f.name.local === local);

  const titleField = native('title')[0] ?? ext('dc', 'title')[0];
  // RSS never says whether a title is HTML; it is decoded as HTML only when it looks like markup.
  const title = titleField ? toOneLine(fieldText(titleField, looksLikeHtml(titleField.text) ? 'html' : 'text', warnings)) : '';

  const bodyField = ext('content', 'encoded')[0] ?? ext('xhtml', 'body')[0] ?? native('description')[0] ?? ext('dc', 'description')[0];
  // content:encoded is HTML by definition; a description may be plain text, whose line breaks HTML would lose.
  const bodyKind = (field: CapturedField): TextKind =>
    field.name.alias === 'xhtml' ? 'xhtml' : field.name.alias === 'content' || looksLikeHtml(field.text) ? 'html' : 'text';
  const body = bodyField ? fieldText(bodyField, bodyKind(bodyField), warnings) : '';

  const guidField = native('guid')[0];
  const guid = clean(guidField?.text ?? item.attrs.get('rdf:about') ?? '').trim() || null;
  const linkField = native('link')[0];
  let link = linkField ? clean(linkField.attrs.get('href') ?? linkField.text).trim() || null : null;
  link ??= atomAlternate(ext('atom', 'link'));
  // RSS 2.0: a guid is a permalink unless it says isPermaLink="false"; one with no scheme is only an id.
  const permalink = guidField?.attrs.get('isPermaLink')?.trim().toLowerCase() !== 'false';
  if (link === null && format === 'rss' && permalink && guid !== null && /^[a-z][a-z0-9+.-]*:/i.test(guid)) link = guid;

  const dateField = [...native('pubDate'), ...ext('dc', 'date'), ...ext('dcterms', 'issued'), ...ext('dcterms', 'created')]
    .concat(ext('atom', 'published'), ext('atom', 'updated'), ext('dcterms', 'modified'))
    .find((f) => f.text.trim() !== '');
  const categories = [...native('category'), ...ext('dc', 'subject')]
    .map((f) => toOneLine(clean(f.text)))
    .filter((c) => c !== '');
  const authorField = ext('dc', 'creator')[0] ?? native('author')[0];
  return {
    title,
    body,
    link,
    guid,
    dateRaw: dateField ? toOneLine(clean(dateField.text)) : null,
    categories,
    author: authorField ? toOneLine(clean(authorField.text)) || null : null,
  };
}

function readAtomEntry(item: RawItem, warnings: string[]): ReadItem {
  const atom = (local: string): CapturedField[] => item.fields.filter((f) => f.name.local === local && isNative(f.name, 'atom'));
  const titleField = atom('title')[0];
  const title = titleField ? toOneLine(fieldText(titleField, atomTextKind(titleField), warnings)) : '';

  // Content with a src attribute lives elsewhere; it is never fetched, so the summary is used instead.
  const content = atom('content').find((f) => !f.attrs.has('src') && atomTextKind(f) !== 'none');
  const bodyField = content ?? atom('summary')[0];
  const body = bodyField ? fieldText(bodyField, atomTextKind(bodyField), warnings) : '';

  const dateField = ['published', 'updated', 'issued', 'created', 'modified']
    .flatMap((local) => atom(local))
    .find((f) => f.text.trim() !== '');
  const categories = atom('category')
    .map((f) => toOneLine(clean(f.attrs.get('term') || f.attrs.get('label') || f.text)))
    .filter((c) => c !== '');
  const authorField = atom('author')[0];
  const authorName = authorField?.children.find((c) => c.name.local === 'name')?.text;
  const creator = item.fields.find((f) => f.name.alias === 'dc' && f.name.local === 'creator')?.text;
  return {
    title,
    body,
    link: atomAlternate(atom('link')),
    guid: toOneLine(clean(atom('id')[0]?.text ?? '')) || null,
    dateRaw: dateField ? toOneLine(clean(dateField.text)) : null,
    categories,
    author: toOneLine(clean(authorName ?? creator ?? '')) || null,
  };
}

/**
 * The entry's own page: the first link with rel="alternate" or no rel at all (RFC 4287 §4.2.7.2). Its URL is the
 * href attribute, or, in feeds that get this wrong, the element's text.
 */
function atomAlternate(links: CapturedField[]): string | null {
  for (const link of links) {
    const rel = link.attrs.get('rel')?.trim().toLowerCase();
    if (rel !== undefined && rel !== '' && rel !== 'alternate') continue;
    const url = clean(link.attrs.get('href') ?? link.text).trim();
    if (url !== '') return url;
  }
  return null;
}

/** Atom text constructs say what they hold: type text|html|xhtml, a MIME type, or Atom 0.3's mode. */
export function atomTextKind(field: CapturedField): TextKind {
  const type = field.attrs.get('type')?.trim().toLowerCase() || 'text';
  const mode = field.attrs.get('mode')?.trim().toLowerCase();
  if (mode === 'escaped') return 'html';
  if (mode === 'xml') return 'xhtml';
  if (mode === 'base64') return 'none';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type === 'text' || type.startsWith('text/')) return 'text';
  return 'none';
}

/** The plain text of a field: markup is reduced to its visible text, plain text is only tidied. */
export function fieldText(field: CapturedField, kind: TextKind, warnings: string[]): string {
  if (kind === 'none') return '';
  // Child elements where text was expected (an unescaped <p> in an RSS description) are markup all the same.
  const html = kind === 'xhtml' || field.markup !== null ? (field.markup ?? escapeText(field.text)) : kind === 'html' ? field.text : null;
  if (html === null) return tidyPlainText(clean(field.text));
  const { text, truncated } = htmlToText(html);
  if (truncated) warnings.push(`the markup of <${field.name.qname}> is too deeply nested to read to the end; its text was cut`);
  return tidyPlainText(clean(text));
}

function tidyPlainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const WINDOWS_1252 = new TextDecoder('windows-1252');

/**
 * Drops NUL and the other C0 controls that are not layout (C7: stored text never holds them). C1 controls are
 * almost always Windows-1252 punctuation mislabelled as Latin-1 (0x92 is ’), so they become that punctuation.
 */
function clean(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point here
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252.decode(Uint8Array.of(c.charCodeAt(0))).replace(/[\u0080-\u009f]/, ''))
  );
}

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
