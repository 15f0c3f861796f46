// One test per reader fix that the public suites' expectations asked for (npm run conformance). Each is named
// after the suite file that showed the case; the feeds here are written for the test, not copied from the suites.
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { readFeedRecords } from './feed-records.js';
import type { FeedReadResult } from './feed-records.js';
import { personName } from './item-record.js';

const read = (text: string): FeedReadResult => readFeedRecords(Buffer.from(text, 'utf8'));
const rss = (item: string, ns = ''): string => `<rss version="2.0"${ns}><channel><title>Feed</title><item>${item}</item></channel></rss>`;
const atom = (body: string): string => `<feed xmlns="http://www.w3.org/2005/Atom">${body}</feed>`;
const messages = (r: FeedReadResult): string[] => r.errors.map((e) => e.message);

describe('feedparser wellformed/atom10 *_base64 (RFC 4287 §4.1.3.3)', () => {
  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

  it('entry_title_base64, feed_title_base64: a non-text media type is Base64, decoded to its visible text', () => {
    const result = read(atom(
      `<title type="application/octet-stream">\n  ${b64('Example <b>Atom</b>')}\n</title>` +
        `<entry><title type="application/octet-stream">${b64('<p>History of the &lt;blink&gt; tag</p>')}</title></entry>`,
    ));
    expect(result.feedTitle).toBe('Example Atom');
    expect(result.records[0]?.title).toBe('History of the <blink> tag');
  });

  it('entry_content_base64, entry_summary_base64 (Atom 0.3 mode="base64"): decoded bodies', () => {
    const result = read(
      `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>t</title>` +
        `<content type="text/html" mode="base64">${b64('<p>日本語の本文</p>')}</content></entry>` +
        `<entry><title>u</title><summary type="application/octet-stream">${b64('plain summary')}</summary></entry></feed>`,
    );
    expect(result.records.map((r) => r.body)).toEqual(['日本語の本文', 'plain summary']);
  });

  it('an XML media type is inline XML, not Base64: its text is read', () => {
    const result = read(atom('<entry><title>t</title><content type="application/xml"><note><body>inline text</body></note></content></entry>'));
    expect(result.records[0]?.body).toBe('inline text');
  });

  it('Base64 that is not UTF-8 text (an image) gives no text, and the summary speaks for the entry', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString('base64');
    const result = read(atom(`<entry><title>t</title><content type="image/png">${png}</content><summary>the summary</summary></entry>`));
    expect(result.records[0]?.body).toBe('the summary');
  });
});

describe('feedparser encoding/demoronize-1, demoronize-2: Windows-1252 punctuation in C1 positions', () => {
  it('don\\x92t (as a character or as &#146;) reads as don’t, on every Node version', () => {
    const asChar = read(rss('<title>t</title><description>don\u0092t</description>'));
    const asReference = read(rss('<title>t</title><description>don&#146;t &#128;5 &#129;x</description>'));
    expect(asChar.records[0]?.body).toBe('don’t');
    // 0x81 has no Windows-1252 character: it is dropped like any other control.
    expect(asReference.records[0]?.body).toBe('don’t €5 x');
  });
});

describe('feedparser encoding/double-encoded-html: UTF-8 read as Latin-1 and written again', () => {
  it('&#226;&#128;&#166; (the bytes of "…" as characters) is repaired to "…"; plain Latin-1 such as "Ã©" is left alone', () => {
    const result = read(rss('<title>t</title><description>wait&#226;&#128;&#166; caf&#195;&#169; &#227;&#129;&#130;</description>'));
    // "…" and "あ" hold C1 controls once double-encoded, so they are repaired; "Ã©" holds none and may be real text.
    expect(result.records[0]?.body).toBe('wait… cafÃ© あ');
  });
});

describe('feedparser encoding/bozo_linenoise: a UTF-8 feed with a stray invalid byte', () => {
  it('is read with the byte replaced and a warning, instead of being refused whole', () => {
    const good = Buffer.from(rss('<title>壊れた１バイト</title><description>’<>”</description>'.replace('<>', '&lt;&gt;')));
    const at = good.indexOf('</description>');
    const damaged = Buffer.concat([good.subarray(0, at), Buffer.from([0x8a]), good.subarray(at)]);
    const result = readFeedRecords(damaged);
    expect(result.encoding).toBe('utf-8');
    expect(result.records[0]).toMatchObject({ title: '壊れた１バイト', body: '’<>”\uFFFD' });
    expect(messages(result)).toContain('the file has a byte sequence that is not valid UTF-8; each was replaced by "\uFFFD"');
  });

  it('a file with many invalid sequences is still refused: it is not UTF-8 at all', () => {
    const noise = Buffer.from(rss(`<title>t</title><description>${'x'.repeat(10)}</description>`));
    const at = noise.indexOf('xxxxxxxxxx');
    for (let i = 0; i < 10; i++) noise[at + i] = 0xff;
    const many = Buffer.concat([noise, ...Array.from({ length: 20 }, () => Buffer.from([0x41, 0xff]))]);
    expect(() => readFeedRecords(many)).toThrow();
  });
});

describe('feedparser wellformed/rss item_author_map_author_detail_name*, item_dc_author; gofeed item author', () => {
  it('personName takes the name out of "name (email)", "email (name)" and "name <email>"', () => {
    expect(personName('Example editor (me@example.com)')).toBe('Example editor');
    expect(personName('me@example.com (Example editor)')).toBe('Example editor');
    expect(personName('Example editor <me@example.com>')).toBe('Example editor');
    expect(personName('me@example.com')).toBe('me@example.com');
    expect(personName('広報部 (press@example.jp)')).toBe('広報部');
    // Brackets that hold no address are part of the name.
    expect(personName('Sato (Tokyo office)')).toBe('Sato (Tokyo office)');
  });

  it('item_dc_author, rss_channel_item_author_atom, itunes author: every way an RSS item names its author', () => {
    const authors = [
      rss('<title>a</title><author>Example editor &lt;me@example.com&gt;</author>'),
      rss('<title>b</title><dc:author>Example editor</dc:author>'),
      rss('<title>c</title><atom:author><atom:name>John Doe</atom:name><atom:email>j@example.com</atom:email></atom:author>', ' xmlns:atom="http://www.w3.org/2005/Atom"'),
      rss('<title>d</title><itunes:author>Podcaster</itunes:author>', ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'),
    ].map((feed) => read(feed).records[0]?.extra.author);
    expect(authors).toEqual(['Example editor', 'Example editor', 'John Doe', 'Podcaster']);
  });

  it('atom10_feed_entry_author_email: an Atom author with only an e-mail address is named by it', () => {
    const result = read(atom('<entry><title>t</title><author><email>email@example.org</email></author></entry>'));
    expect(result.records[0]?.extra.author).toBe('email@example.org');
  });
});

describe('RSS bodies: feedparser item_fullitem, gofeed rss_channel_item_content_atom and item extensions', () => {
  it('item_fullitem: the old <fullitem> is the full HTML text of the item', () => {
    expect(read(rss('<title>t</title><fullitem>&lt;p&gt;Example content&lt;/p&gt;</fullitem>')).records[0]?.body).toBe('Example content');
  });

  it('rss_channel_item_content_atom: an embedded atom:content is read by its type and wins over the description', () => {
    const result = read(rss(
      '<title>t</title><description>short</description><atom:content type="html">&lt;p&gt;Body&lt;/p&gt;</atom:content>',
      ' xmlns:atom="http://www.w3.org/2005/Atom"',
    ));
    expect(result.records[0]?.body).toBe('Body');
  });

  it('rss_channel_item_extensions: a podcast item with only an iTunes summary still has its text', () => {
    const result = read(rss('<title>t</title><itunes:summary>Item Itunes Summary</itunes:summary>', ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'));
    expect(result.records[0]?.body).toBe('Item Itunes Summary');
  });
});

describe('feedparser illformed/chardet/shiftjis, eucjp: an undeclared legacy encoding is read and said to be a guess', () => {
  it('reads undeclared Shift_JIS and reports that the encoding was detected, not declared', () => {
    const text = '<?xml version="1.0"?>\n' + rss('<title>不正アクセスによる個人情報漏えいのお知らせ</title>');
    const bytes = Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', type: 'array' }));
    const result = readFeedRecords(bytes);
    expect(result.encoding).toBe('shift_jis');
    expect(result.records[0]?.title).toBe('不正アクセスによる個人情報漏えいのお知らせ');
    expect(messages(result)).toContain('the file declares no encoding and is not UTF-8; it was read as shift_jis, detected from its content');
  });

  it('an undeclared file that is UTF-8 (XML\'s default) raises nothing', () => {
    expect(read(rss('<title>日本語</title>')).errors).toEqual([]);
  });
});

describe('feedparser illformed/undeclared_namespace', () => {
  it('reads an undeclared prefix by its usual meaning and reports it once per prefix', () => {
    const result = read(rss('<title>t</title><dc:date>2024-01-02</dc:date><dc:subject>x</dc:subject>'));
    expect(result.records[0]?.publishedAt).toBe('2024-01-02');
    expect(messages(result).filter((m) => m.includes('never declared'))).toEqual([
      'the prefix "dc:" is used but never declared; it was read by its usual meaning',
    ]);
  });

  it('a declared prefix raises nothing', () => {
    const result = read(rss('<title>t</title><dc:date>2024-01-02</dc:date>', ' xmlns:dc="http://purl.org/dc/elements/1.1/"'));
    expect(result.errors).toEqual([]);
  });
});

describe('feedparser wellformed/rss item_pubDate (an item with nothing but a date)', () => {
  const onlyDate = rss('<pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate>');

  it('the importer refuses an item with nothing to show, and says so', () => {
    const result = read(onlyDate);
    expect(result.records).toEqual([]);
    expect(messages(result)).toContain('the item has neither a title nor any text; it was skipped');
  });

  it('keepUntitled (the conformance runner only) returns it with an empty title and its date read', () => {
    const result = readFeedRecords(Buffer.from(onlyDate), { keepUntitled: true });
    expect(result.records[0]).toMatchObject({ title: '', publishedAt: '2004-01-01', publishedAtRaw: 'Thu, 01 Jan 2004 19:48:21 GMT' });
  });
});

describe('feedparser wellformed/atom10 relative_uri, relative_uri_inherit: links relative to xml:base', () => {
  it('resolves an entry link against the xml:base in scope, inherited and nested (RFC 3986)', () => {
    const result = read(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/test/">` +
        `<entry><title>a</title><link href="a.html"/></entry>` +
        `<entry xml:base="sub/"><title>b</title><link href="../b.html"/></entry>` +
        `<entry><title>c</title><link xml:base="https://other.example/x/" href="/c.html"/></entry>` +
        `<entry><title>d</title><link href="https://absolute.example/d"/></entry></feed>`,
    );
    expect(result.records.map((r) => r.sourceUrl)).toEqual([
      'http://example.com/test/a.html',
      'http://example.com/test/b.html',
      'https://other.example/c.html',
      'https://absolute.example/d',
    ]);
  });

  it('resolves an RSS <link> against xml:base on the channel', () => {
    const result = read('<rss version="2.0"><channel xml:base="https://example.jp/news/"><item><title>t</title><link>2024/01.html</link></item></channel></rss>');
    expect(result.records[0]?.sourceUrl).toBe('https://example.jp/news/2024/01.html');
  });

  it('F11 still holds: a javascript: or file: base never makes a link clickable, and no base leaves it as text', () => {
    const hostile = read(atom(`<entry xml:base="javascript:alert(1)//"><title>a</title><link href="x"/></entry>`));
    const local = read(atom(`<entry xml:base="file:///etc/"><title>b</title><link href="passwd"/></entry>`));
    const none = read(atom(`<entry><title>c</title><link href="relative.html"/></entry>`));
    expect(hostile.records[0]?.sourceUrl).toBeNull();
    expect(local.records[0]?.sourceUrl).toBeNull();
    expect(local.records[0]?.extra.link).toBe('file:///etc/passwd');
    expect(none.records[0]).toMatchObject({ sourceUrl: null, extra: { link: 'relative.html' } });
  });
});
