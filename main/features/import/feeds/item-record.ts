// Maps one feed item (RSS 2.0 <item>, RSS 1.0 <item>, Atom <entry>) onto the SourceRecord every reader returns.
// All text leaves here as plain text: HTML is reduced to what a reader would see, so nothing stored can carry
// a tag, a handler or a live URL into the renderer (F10), and only http(s) links become sourceUrl (F11).
import { MAX_FIELD_CHARS } from '../build-source-record.js';
import { parseDate } from '../parse-date.js';
import { parseFeedDate } from './feed-dates.js';
import type { SourceRecord } from '../source-record.js';
import { isNative } from './feed-items.js';
import type { CapturedField, FeedFormat, RawItem } from './feed-items.js';
import { htmlToText, looksLikeHtml, toOneLine } from './html-text.js';
import { toSafeHttpUrl } from './safe-url.js';

export type ItemOutcome = { record: SourceRecord; warnings: string[] } | { error: string };

/** How a field's text is to be read: literally, as HTML source, or as the XHTML markup it contains. */
export type TextKind = 'text' | 'html' | 'xhtml' | 'base64' | 'none';

// A title made from the text of an untitled item is cut here, so one long paragraph does not become a title.
const TITLE_FROM_TEXT_CHARS = 100;

export interface ItemOptions {
  /**
   * Return an item that has neither a title nor any text (only a date, an author…) with an empty title instead
   * of refusing it. The importer never sets this: such an item has nothing to show an officer. The conformance
   * runner does, so that the other fields of the one-field items of public test suites are still checked.
   */
  keepUntitled?: boolean;
}

export function itemToRecord(item: RawItem, format: FeedFormat, line: number, options: ItemOptions = {}): ItemOutcome {
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
    if (fallback === '' && !options.keepUntitled) return { error: 'the item has neither a title nor any text; it was skipped' };
    if (fallback !== '') warnings.push('the item has no title; its first line of text (or its link) is used instead');
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
      publishedAt: read.dateRaw === null ? null : (parseDate(read.dateRaw) ?? parseFeedDate(read.dateRaw)),
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

  // The full text first (content:encoded, XHTML body, the old <fullitem>, an embedded atom:content), then the
  // summary (description, Dublin Core's, a podcast's iTunes summary).
  const atomContent = ext('atom', 'content').find((f) => !f.attrs.has('src') && atomTextKind(f) !== 'none');
  const bodyField =
    ext('content', 'encoded')[0] ?? ext('xhtml', 'body')[0] ?? native('fullitem')[0] ?? atomContent ??
    native('description')[0] ?? ext('dc', 'description')[0] ?? ext('itunes', 'summary')[0];
  // content:encoded is HTML by definition; a description may be plain text, whose line breaks HTML would lose.
  const bodyKind = (field: CapturedField): TextKind => {
    if (field === atomContent) return atomTextKind(field);
    if (field.name.alias === 'xhtml') return 'xhtml';
    return field.name.alias === 'content' || field.name.local === 'fullitem' || looksLikeHtml(field.text) ? 'html' : 'text';
  };
  const body = bodyField ? fieldText(bodyField, bodyKind(bodyField), warnings) : '';

  const guidField = native('guid')[0];
  const guid = clean(guidField?.text ?? item.attrs.get('rdf:about') ?? '').trim() || null;
  const linkField = native('link')[0];
  let link = linkField ? againstBase(clean(linkField.attrs.get('href') ?? linkField.text).trim(), linkField.base) || null : null;
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
  const atomAuthor = ext('atom', 'author')[0];
  const author =
    [ext('dc', 'creator')[0], native('author')[0], ext('dc', 'author')[0]].find((f) => f !== undefined && f.text.trim() !== '')?.text ??
    (atomAuthor ? personOf(atomAuthor) : undefined) ??
    ext('itunes', 'author')[0]?.text;
  return {
    title,
    body,
    link,
    guid,
    dateRaw: dateField ? toOneLine(clean(dateField.text)) : null,
    categories,
    author: author === undefined ? null : personName(toOneLine(clean(author))) || null,
  };
}

function readAtomEntry(item: RawItem, warnings: string[]): ReadItem {
  const atom = (local: string): CapturedField[] => item.fields.filter((f) => f.name.local === local && isNative(f.name, 'atom'));
  const titleField = atom('title')[0];
  const title = titleField ? toOneLine(fieldText(titleField, atomTextKind(titleField), warnings)) : '';

  // Content with a src attribute lives elsewhere; it is never fetched, so the summary is used instead.
  const content = atom('content').find((f) => !f.attrs.has('src') && atomTextKind(f) !== 'none');
  const summary = atom('summary')[0];
  let body = content ? fieldText(content, atomTextKind(content), warnings) : '';
  // Content that holds no text (Base64 of an image) leaves the summary to speak for the entry.
  if (body === '' && summary) body = fieldText(summary, atomTextKind(summary), warnings);

  const dateField = ['published', 'updated', 'issued', 'created', 'modified']
    .flatMap((local) => atom(local))
    .find((f) => f.text.trim() !== '');
  const categories = atom('category')
    .map((f) => toOneLine(clean(f.attrs.get('term') || f.attrs.get('label') || f.text)))
    .filter((c) => c !== '');
  const authorField = atom('author')[0];
  const authorName = authorField ? personOf(authorField) : undefined;
  const creator = item.fields.find((f) => f.name.alias === 'dc' && f.name.local === 'creator')?.text;
  return {
    title,
    body,
    link: atomAlternate(atom('link')),
    guid: toOneLine(clean(atom('id')[0]?.text ?? '')) || null,
    dateRaw: dateField ? toOneLine(clean(dateField.text)) : null,
    categories,
    author: personName(toOneLine(clean(authorName ?? creator ?? ''))) || null,
  };
}

/** An Atom person construct (<author><name/><email/></author>): the name, else the e-mail address. */
function personOf(field: CapturedField): string | undefined {
  const part = (local: string): string | undefined => field.children.find((c) => c.name.local === local && c.text.trim() !== '')?.text;
  return part('name') ?? part('email');
}

/**
 * The person's name from the ways RSS writes an author: `name (email)`, `email (name)`, `name <email>`. An
 * address alone is kept as it is: it is all there is to say who wrote the item.
 */
export function personName(text: string): string {
  const email = String.raw`[^\s()<>@]+@[^\s()<>@]+`;
  const named =
    new RegExp(String.raw`^(.+?)\s*\(\s*${email}\s*\)$`).exec(text) ??
    new RegExp(String.raw`^${email}\s*\(\s*(.+?)\s*\)$`).exec(text) ??
    new RegExp(String.raw`^(.+?)\s*<\s*(?:mailto:)?${email}\s*>$`).exec(text);
  return named?.[1]?.trim() || text;
}

/**
 * The entry's own page: the first link with rel="alternate" or no rel at all (RFC 4287 §4.2.7.2). Its URL is the
 * href attribute, or, in feeds that get this wrong, the element's text.
 */
function atomAlternate(links: CapturedField[]): string | null {
  for (const link of links) {
    const rel = link.attrs.get('rel')?.trim().toLowerCase();
    if (rel !== undefined && rel !== '' && rel !== 'alternate') continue;
    const url = againstBase(clean(link.attrs.get('href') ?? link.text).trim(), link.base);
    if (url !== '') return url;
  }
  return null;
}

/**
 * A relative link made absolute against the xml:base in scope (feedparser's relative_uri cases). An absolute
 * link, or one with no base to resolve against, is returned as written; safe-url.ts judges the result either way.
 */
function againstBase(url: string, base: string | null): string {
  if (url === '' || base === null || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Atom text constructs say what they hold: type text|html|xhtml, a MIME type, or Atom 0.3's mode. */
export function atomTextKind(field: CapturedField): TextKind {
  const type = field.attrs.get('type')?.trim().toLowerCase() || 'text';
  const mode = field.attrs.get('mode')?.trim().toLowerCase();
  if (mode === 'escaped') return 'html';
  if (mode === 'xml') return 'xhtml';
  if (mode === 'base64') return 'base64';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (type === 'text' || type.startsWith('text/')) return 'text';
  // An XML media type (application/xml, image/svg+xml…) is inline XML, whose text is read like XHTML's.
  if (/[/+]xml$/.test(type)) return 'xhtml';
  // RFC 4287 §4.1.3.3: any other media type is Base64-encoded. Only text survives (see fieldText).
  return 'base64';
}

/** The plain text of a field: markup is reduced to its visible text, plain text is only tidied. */
export function fieldText(field: CapturedField, kind: TextKind, warnings: string[]): string {
  if (kind === 'none') return '';
  if (kind === 'base64') {
    const decoded = decodeBase64Text(field.text);
    if (decoded === null) return '';
    return tidyPlainText(clean(looksLikeHtml(decoded) ? htmlToText(decoded).text : decoded));
  }
  // Child elements where text was expected (an unescaped <p> in an RSS description) are markup all the same.
  const html = kind === 'xhtml' || field.markup !== null ? (field.markup ?? escapeText(field.text)) : kind === 'html' ? field.text : null;
  if (html === null) return tidyPlainText(clean(field.text));
  const { text, truncated } = htmlToText(html);
  if (truncated) warnings.push(`the markup of <${field.name.qname}> is too deeply nested to read to the end; its text was cut`);
  return tidyPlainText(clean(text));
}

/**
 * Base64 content that decodes to UTF-8 text; null for anything else (an image, a PDF, text in another
 * encoding), which a text record cannot hold and which is never handed on as bytes.
 */
function decodeBase64Text(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
    // eslint-disable-next-line no-control-regex -- binary that happens to be valid UTF-8 shows as controls
    return /[\u0000-\u0008\u000e-\u001f]/.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
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

// Windows-1252's characters for the bytes 0x80–0x9F, written out: Node 20's TextDecoder('windows-1252') decodes
// them as the C1 controls of Latin-1 (U+0080–U+009F), which would turn don\x92t into "dont". '' = unassigned.
const WINDOWS_1252_C1 = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
  '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ',
];

/**
 * Drops NUL and the other C0 controls that are not layout (C7: stored text never holds them). C1 controls are
 * almost always Windows-1252 punctuation mislabelled as Latin-1 (0x92 is ’), so they become that punctuation.
 */
function clean(text: string): string {
  return (
    repairDoubleEncodedUtf8(text)
      // eslint-disable-next-line no-control-regex -- removing control characters is the point here
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? '')
  );
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 read as Latin-1 and written out again (`&#226;&#128;&#166;` for "…", feedparser's double-encoded-html):
 * a lead byte and its continuation bytes as characters U+00C2–U+00F4 and U+0080–U+00BF. Only sequences that hold
 * a C1 control are repaired, since a C1 control is never text; "Ã©" alone could be real Latin-1 and is left alone.
 */
function repairDoubleEncodedUtf8(text: string): string {
  // The lead byte says how many continuation bytes follow (1, 2 or 3).
  const sequence = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;
  return text.replace(sequence, (run) => {
    if (!/[\u0080-\u009f]/.test(run)) return run;
    try {
      return STRICT_UTF8.decode(Uint8Array.from(run, (c) => c.charCodeAt(0)));
    } catch {
      return run;
    }
  });
}

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
