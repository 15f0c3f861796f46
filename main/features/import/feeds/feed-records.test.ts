import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../csv-records.js';
import type { SourceRecord } from '../source-record.js';
import { FeedReadError, looksLikeFeed, MAX_FEED_BYTES, readFeedRecords, readFeedText } from './feed-records.js';
import type { FeedReadResult } from './feed-records.js';

// Tests run from the project root; the shared samples sit beside it.
const SAMPLES = resolve('../shared/samples');
const sample = (name: string): Buffer => readFileSync(resolve(SAMPLES, name));
const RSS_TEXT = sample('cdns-2019-12.rss').toString('utf8');

function read(text: string): FeedReadResult {
  return readFeedRecords(Buffer.from(text, 'utf8'));
}

function rss(items: string, channel = '<title>Feed</title>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>${channel}\n${items}\n</channel></rss>`;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('readFeedRecords on the real samples', () => {
  it('reads the RSS 2.0 sample into 20 records', () => {
    const result = readFeedRecords(sample('cdns-2019-12.rss'));
    expect(result).toMatchObject({ format: 'rss', encoding: 'utf-8', errors: [], recordCount: 20, feedTitle: 'セキュリティニュース' });
    expect(result.records).toHaveLength(20);
    expect(result.records[0]).toEqual({
      line: 8,
      title: 'マルウエアEmotetの感染に関する注意喚起',
      body: expect.stringMatching(/^【概要】\nJPCERT\/CCでは、2019年10月後半より/),
      organization: null,
      publishedAt: '2019-12-10',
      publishedAtRaw: 'Tue, 10 Dec 2019 09:00:00 +0900',
      sourceCategory: 'セキュリティ対策',
      sourceUrl: 'https://www.jpcert.or.jp/at/2019/at190044.html',
      sourceName: 'セキュリティニュース',
      extra: { guid: 'cdns-20191210-1', categories: 'セキュリティ対策' },
    });
    // A guid with isPermaLink="false" is an id, never a link.
    expect(result.records[1]).toMatchObject({ sourceUrl: null, extra: { guid: 'cdns-20191209-2' } });
    // List items become "・" lines.
    expect(result.records[2]!.body).toContain('\n・端末やブラウザに保存されたパスワード等の認証情報が窃取される\n');
  });

  it('F12 gives the same titles, dates, categories and links as the CSV twin, and bodies equal up to whitespace', () => {
    const feed = readFeedRecords(sample('cdns-2019-12.rss')).records;
    const csv = readCsvRecords(sample('cdns-2019-12.utf8-bom.csv')).records;
    const fields = (r: SourceRecord) => ({ title: r.title, publishedAt: r.publishedAt, sourceCategory: r.sourceCategory, sourceUrl: r.sourceUrl });
    expect(feed.map(fields)).toEqual(csv.map(fields));
    expect(feed.map((r) => collapse(r.body))).toEqual(csv.map((r) => collapse(r.body)));
    // The feed cannot carry the CSV's blank lines between sections; 6 of the 20 bodies have none and match exactly.
    expect(feed.filter((r, i) => r.body === csv[i]!.body)).toHaveLength(6);
  });

  it('reads the RSS 1.0 (RDF) sample: items outside the channel, dc:date, dc:subject, content:encoded', () => {
    const result = readFeedRecords(sample('leak-articles.rdf'));
    expect(result).toMatchObject({ format: 'rdf', errors: [], recordCount: 10, feedTitle: '情報漏洩ニュース' });
    expect(result.records[0]).toMatchObject({
      line: 20,
      title: 'TOKYOMXのWebサイトへ不正アクセス。37万人分の視聴者情報流出',
      publishedAt: '2017-10-05',
      publishedAtRaw: '2017-10-05T10:00:00+09:00',
      sourceCategory: '情報漏洩',
      sourceUrl: 'https://blog.example.jp/leak/2017-10-05-1',
      sourceName: '情報漏洩ニュース',
    });
    // content:encoded (the whole article) wins over the excerpt in <description>.
    expect(result.records[0]!.body).toContain('3.不正を実行');
    // Escaped text such as "&lt;図1&gt;" is the article's own words; real tags and references are gone.
    expect(result.records[2]!.body).toContain('<図1>地図による小地域分析');
    for (const record of result.records) expect(record.body).not.toMatch(/<\/?[a-z]|&[a-z]+;/i);
  });

  it('reads the Atom sample with HTML content into plain text', () => {
    const result = readFeedRecords(sample('casebook-2023-07.atom'));
    expect(result).toMatchObject({ format: 'atom', errors: [], recordCount: 8, feedTitle: 'セキュリティ事件簿' });
    expect(result.records[0]).toMatchObject({
      line: 7,
      title: '【セキュリティ事件簿#2023-268】鹿児島県日置市の市立校で、サポート詐欺に騙されて市内20校の校務システム停止',
      publishedAt: '2023-07-21',
      sourceUrl: 'https://casebook.example.jp/2023-268',
      extra: { guid: 'https://casebook.example.jp/2023-268' },
    });
    expect(result.records[0]!.body).toContain('事件の概要\n・発生日: 2023年7月12日\n・被害校数: 20校\n');
  });

  it('reads Atom text, html and xhtml constructs, author names, categories and the alternate link', () => {
    const result = read(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;lt;Feed&amp;gt;</title>
      <entry><title type="text">1 &lt; 2</title><link rel="self" href="https://x.example/self"/>
        <link href="https://x.example/page"/><id>urn:1</id><updated>2024-02-03T00:00:00Z</updated>
        <category term="漏洩"/><category term="攻撃" label="Attack"/><author><name>山田</name><email>y@example.com</email></author>
        <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>一</p><p>二 <b>&amp;</b></p></div></summary></entry></feed>`);
    expect(result.feedTitle).toBe('A <Feed>');
    expect(result.records[0]).toMatchObject({
      title: '1 < 2',
      body: '一\n二 &',
      sourceUrl: 'https://x.example/page',
      publishedAt: '2024-02-03',
      sourceCategory: '漏洩',
      extra: { guid: 'urn:1', author: '山田', categories: '漏洩, 攻撃' },
    });
  });
});

describe('ill-formed feeds (F9)', () => {
  it('F9 keeps every complete item of a truncated file and says which item was dropped', () => {
    const cut = RSS_TEXT.indexOf('<description>', RSS_TEXT.indexOf('cdns-20191206-5'));
    const result = read(RSS_TEXT.slice(0, cut + 40));
    expect(result.records).toHaveLength(4);
    expect(result.recordCount).toBe(5);
    const line = RSS_TEXT.slice(0, RSS_TEXT.lastIndexOf('<item>', cut)).split('\n').length;
    expect(result.errors).toContainEqual({ line, message: 'the file ends inside this item; the incomplete item was dropped' });
    expect(result.errors).toContainEqual({ line: expect.any(Number), message: 'a CDATA section is never closed' });
    expect(result.errors).toContainEqual({ line: expect.any(Number), message: 'the file ends before </channel>, </rss>' });
  });

  it('F9 reads a feed with no </channel> and no </rss> completely, flagging it', () => {
    const result = read(RSS_TEXT.replace('</channel>', '').replace('</rss>', ''));
    expect(result.records).toHaveLength(20);
    expect(result.errors).toEqual([{ line: expect.any(Number), message: 'the file ends before </channel>, </rss>' }]);
  });

  it('F9 keeps a bare & in a link as written', () => {
    const result = read(rss('<item><title>t</title><link>http://link.example/get?a=1&b=2</link></item>'));
    expect(result.records[0]!.sourceUrl).toBe('http://link.example/get?a=1&b=2');
  });

  it('F9 reads undeclared prefixes by their usual meaning and survives a missing </item>', () => {
    const result = read(rss('<item><title>a</title><dc:date>2024-01-02</dc:date></item><item><title>b</title></channel></rss>'));
    expect(result.records.map((r) => [r.title, r.publishedAt])).toEqual([['a', '2024-01-02'], ['b', null]]);
    expect(result.errors.map((e) => e.message)).toContain('<item> has no end tag');
  });

  it('refuses what is not a feed with a typed error', () => {
    expect(() => read('<html><body>hi</body></html>')).toThrow(FeedReadError);
    expect(() => read('')).toThrow(/no XML element/);
    expect(() => readFeedRecords(new Uint8Array(MAX_FEED_BYTES + 1))).toThrow(/larger than 256 MB/);
  });
});

describe('items', () => {
  it('F13 returns both items of a duplicated guid; dedupe happens later by identity', () => {
    const item = '<item><title>same</title><guid>dup-1</guid><link>https://e.example/1</link></item>';
    const result = read(rss(item + item));
    expect(result.records).toHaveLength(2);
    expect(result.records.map((r) => r.extra.guid)).toEqual(['dup-1', 'dup-1']);
  });

  it.each([
    ['Tue, 10 Dec 2019 09:00:00 JST', '2019-12-10'],
    ['Tue, 10 Dec 2019 09:00:00 +0900', '2019-12-10'],
    ['10 Dec 2019 23:59 +0900', '2019-12-10'],
    ['2019-12-10T09:00:00+09:00', '2019-12-10'],
    ['2019-12-10', '2019-12-10'],
    ['2016-12-31T23:59:60Z', '2016-12-31'],
    ['yesterday at noon', null],
    ['Mon, 01 Jan 0001 00:00:00 GMT', null],
    ['9999-12-31T23:59:59Z', null],
    ['0001-01-01T00:00:00Z', null],
  ])('F14 reads the date %j as %j and keeps the raw text', (raw, expected) => {
    const result = read(rss(`<item><title>t</title><pubDate>${raw}</pubDate></item>`));
    expect(result.records[0]).toMatchObject({ publishedAt: expected, publishedAtRaw: raw });
  });

  it('keeps the line breaks of a plain-text description and reads one with markup as HTML', () => {
    const result = read(rss('<item><title>a</title><description>一行目\n  二行目 1 &lt; 2</description></item>' +
      '<item><title>b</title><description>&lt;p&gt;一&lt;/p&gt;\n&lt;p&gt;二&lt;br&gt;三&lt;/p&gt;</description></item>'));
    expect(result.records.map((r) => r.body)).toEqual(['一行目\n  二行目 1 < 2', '一\n二\n三']);
  });

  it('names an item with no title after its first line of text, and skips one with nothing at all', () => {
    const result = read(rss('<item><description>&lt;p&gt;本文の一行目&lt;/p&gt;&lt;p&gt;二行目&lt;/p&gt;</description></item><item><pubDate>x</pubDate></item>'));
    expect(result.records.map((r) => r.title)).toEqual(['本文の一行目']);
    expect(result.recordCount).toBe(2);
    expect(result.errors.map((e) => e.message)).toEqual([
      'the item has no title; its first line of text (or its link) is used instead',
      'the item has neither a title nor any text; it was skipped',
    ]);
  });
});

describe('chunking (F18)', () => {
  // readFeedRecords decodes the whole buffer before parsing, so how the bytes arrived cannot matter: F18 holds
  // trivially at the byte level. The tokenizer below it is incremental; feeding it pieces must change nothing.
  const tricky = rss(
    '<item><title>A&amp;B &#x1F600; 日本語</title><description><![CDATA[<p>x]]]]><![CDATA[>y</p>]]></description>' +
      '<category>c</category><pubDate>Tue, 10 Dec 2019 09:00:00 +0900</pubDate></item>',
  );
  it.each([
    ['the RSS sample', RSS_TEXT],
    ['the RDF sample', sample('leak-articles.rdf').toString('utf8')],
    ['the Atom sample', sample('casebook-2023-07.atom').toString('utf8')],
    ['entities, CDATA and surrogate pairs', tricky],
  ])('F18 %s gives identical records whole, in 128-character chunks and in random chunks', (_name, text) => {
    const whole = readFeedText(text);
    expect(readFeedText(text, { chunkSize: 128 })).toEqual(whole);
    let seed = 7;
    for (let round = 0; round < 5; round++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      expect(readFeedText(text, { chunkSize: 1 + (seed % 97) })).toEqual(whole);
    }
  });
});

describe('looksLikeFeed', () => {
  it('recognises the three formats after a prolog, comments and a DOCTYPE', () => {
    expect(looksLikeFeed(sample('cdns-2019-12.rss'))).toBe(true);
    expect(looksLikeFeed(sample('leak-articles.rdf'))).toBe(true);
    expect(looksLikeFeed(sample('casebook-2023-07.atom'))).toBe(true);
    const prolog = '\uFEFF<?xml version="1.0"?>\n<!-- a comment -->\n<?xml-stylesheet href="s.xsl"?>\n<!DOCTYPE rss [<!ENTITY x "y">]>\n';
    expect(looksLikeFeed(Buffer.from(`${prolog}<rss version="2.0">`, 'utf8'))).toBe(true);
    expect(looksLikeFeed(Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom">', 'utf16le'))).toBe(true);
  });

  it('rejects CSV, HTML and other XML', () => {
    expect(looksLikeFeed(sample('cdns-2019-12.utf8-bom.csv'))).toBe(false);
    expect(looksLikeFeed(Buffer.from('<!DOCTYPE html><html><body><rss>'))).toBe(false);
    expect(looksLikeFeed(Buffer.from('<?xml version="1.0"?><feedback/>'))).toBe(false);
    expect(looksLikeFeed(new Uint8Array())).toBe(false);
  });
});
