import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { bytesSource, type ByteSource } from '../byte-source.js';
import type { SourceRecord } from '../source-record.js';
import { blankDoctype, DoctypeBlanker } from './doctype.js';
import { readFeedRecords } from './feed-records.js';
import { readFeedStream, TITLE_WAIT_RECORDS, type FeedStreamSummary } from './feed-stream-reader.js';
import { LineIndex } from './line-index.js';
import { LineTracker } from './line-tracker.js';

const SAMPLES = resolve('../shared/samples');
const sample = (name: string): Buffer => readFileSync(resolve(SAMPLES, name));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A source whose chunks end exactly at the given byte offsets, so a test chooses where the cuts fall. */
function cutSource(bytes: Uint8Array, cuts: readonly number[]): ByteSource {
  const whole = bytesSource(bytes);
  async function* chunks() {
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      if (cut > from) yield bytes.subarray(from, cut);
      from = Math.max(from, cut);
    }
  }
  return { ...whole, chunks, scan: chunks };
}

interface Streamed {
  records: SourceRecord[];
  summary: FeedStreamSummary;
  /** Records handed on before each chunk's flush, to see that they came while the file was still being read. */
  handedBeforeEnd: number;
}

async function stream(source: ByteSource): Promise<Streamed> {
  const records: SourceRecord[] = [];
  let handedBeforeEnd = 0;
  const summary = await readFeedStream(
    source,
    (record) => records.push(record),
    async (bytesRead) => {
      if (bytesRead < source.size) handedBeforeEnd = records.length;
    },
  );
  return { records, summary, handedBeforeEnd };
}

/** The streamed result must be the whole-file reader's, field for field. */
async function expectSameAsWhole(bytes: Uint8Array, source: ByteSource): Promise<Streamed> {
  const whole = readFeedRecords(bytes);
  const streamed = await stream(source);
  expect(streamed.records).toEqual(whole.records);
  const { sha256: _sha, sourceNameChange, ...summary } = streamed.summary;
  expect(summary).toEqual({ format: whole.format, encoding: whole.encoding, errors: whole.errors, recordCount: whole.recordCount, feedTitle: whole.feedTitle });
  expect(sourceNameChange).toBeNull();
  return streamed;
}

function rss(items: string, channel = '<title>Feed</title>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>${channel}\n${items}\n</channel></rss>\n`;
}

const item = (i: number, extra = '') =>
  `<item><title>記事${i}</title><description><![CDATA[<p>本文${i} A&amp;B]]></description>${extra}<pubDate>Tue, 10 Dec 2019 09:00:00 +0900</pubDate></item>`;

describe('readFeedStream gives what the whole-file reader gives (F18)', () => {
  it.each(['cdns-2019-12.rss', 'leak-articles.rdf', 'casebook-2023-07.atom'])('F18 %s in chunks of 1, 7, 128 bytes and 1 MB', async (name) => {
    const bytes = sample(name);
    for (const size of [1, 7, 128, 1024 * 1024]) await expectSameAsWhole(bytes, bytesSource(bytes, size));
  });

  it('F18 cuts inside a multibyte character, inside a CDATA section, inside an entity and inside a tag', async () => {
    const text = rss(`${item(1)}\n<item><title>A&amp;B &#x1F600; 日本語</title><description><![CDATA[<p>x]]]]><![CDATA[>y</p>]]></description></item>`);
    const bytes = utf8(text);
    const at = (needle: string, plus: number) => Buffer.from(bytes).indexOf(needle) + plus;
    const cuts = [
      at('日本語', 1), // the second byte of 日
      at('日本語', 5), // inside 本
      at('<![CDATA[<p>x', 4), // inside the CDATA opener
      at(']]]]>', 2), // between the brackets of the CDATA end
      at('&amp;B &#x', 3), // inside &amp;
      at('&#x1F600;', 5), // inside the numeric reference
      at('<pubDate>', 4), // inside a tag name
    ].sort((a, b) => a - b);
    const { records } = await expectSameAsWhole(bytes, cutSource(bytes, cuts));
    expect(records.map((r) => r.title)).toEqual(['記事1', 'A&B 😀 日本語']);
    expect(records[1]?.body).toBe('x]]>y');
    // Every single cut position at once: one byte per chunk.
    await expectSameAsWhole(bytes, bytesSource(bytes, 1));
  });

  it('F18 a random chunking of 40 generated items, with CRLF lines, gives the same records and lines', async () => {
    const text = rss(Array.from({ length: 40 }, (_, i) => item(i, i % 3 === 0 ? '<category>c</category>' : '')).join('\n')).replaceAll('\n', '\r\n');
    const bytes = utf8(text);
    let seed = 11;
    for (let round = 0; round < 5; round++) {
      const cuts: number[] = [];
      for (let at = 0; at < bytes.length; ) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        at += 1 + (seed % 300);
        cuts.push(at);
      }
      const { records } = await expectSameAsWhole(bytes, cutSource(bytes, cuts));
      expect(records.map((r) => r.line)).toEqual(Array.from({ length: 40 }, (_, i) => 3 + i));
    }
  });
});

describe('items are handed on as they are read', () => {
  it('hands on the first items before the file has been read to its end', async () => {
    const bytes = utf8(rss(Array.from({ length: 300 }, (_, i) => item(i)).join('\n')));
    const { records, handedBeforeEnd } = await stream(bytesSource(bytes, 4096));
    expect(records).toHaveLength(300);
    expect(handedBeforeEnd).toBeGreaterThan(250);
    expect(records[0]?.sourceName).toBe('Feed');
  });

  it('F9 a feed cut off in the middle of an item keeps the complete items and names the line of the cut one', async () => {
    const full = rss([item(1), item(2), item(3), item(4)].join('\n'));
    const cut = full.slice(0, full.indexOf('本文4') + 2);
    const bytes = utf8(cut);
    const { records, summary } = await expectSameAsWhole(bytes, bytesSource(bytes, 16));
    expect(records.map((r) => r.title)).toEqual(['記事1', '記事2', '記事3']);
    expect(summary.recordCount).toBe(4);
    expect(summary.errors).toContainEqual({ line: 6, message: 'the file ends inside this item; the incomplete item was dropped' });
    expect(summary.errors).toContainEqual({ line: 6, message: 'the file ends before </channel>, </rss>' });
  });

  it('F9 a file cut inside its last character falls back to the whole-file recovery and says so', async () => {
    const full = utf8(rss(`${item(1)}\n<item><title>日本語</title></item>`));
    // The file stops after the first byte of 語.
    const bytes = full.subarray(0, Buffer.from(full).indexOf('語') + 1);
    const { records, summary } = await expectSameAsWhole(bytes, bytesSource(bytes, 64));
    expect(records.map((r) => r.title)).toEqual(['記事1']);
    expect(summary.errors[0]?.message).toMatch(/ends in the middle of a character/);
  });
});

describe('encodings streamed (F8)', () => {
  const RSS = sample('cdns-2019-12.rss').toString('utf8');
  const encode = (text: string, to: 'SJIS' | 'EUCJP' | 'JIS') =>
    Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE', type: 'array' }));

  it.each([
    ['SJIS', 'Shift_JIS', 'shift_jis'],
    ['EUCJP', 'EUC-JP', 'euc-jp'],
    ['JIS', 'ISO-2022-JP', 'iso-2022-jp'],
  ] as const)('F8 %s declared, in 7-byte chunks (characters split everywhere)', async (to, declared, whatwg) => {
    const bytes = encode(RSS.replace(/^<\?xml[^>]*\?>/, `<?xml version="1.0" encoding="${declared}"?>`), to);
    const { records, summary } = await expectSameAsWhole(bytes, bytesSource(bytes, 7));
    expect(summary.encoding).toBe(whatwg);
    expect(records).toHaveLength(20);
    expect(records[0]?.title).toBe('マルウエアEmotetの感染に関する注意喚起');
  });

  it.each([['SJIS'], ['EUCJP']] as const)('F8 %s undeclared is detected from its content, with the warning', async (to) => {
    const bytes = encode(RSS.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0"?>'), to);
    const { summary } = await expectSameAsWhole(bytes, bytesSource(bytes, 5));
    expect(summary.errors[0]?.message).toMatch(/declares no encoding and is not UTF-8/);
  });

  it('F8 a declaration that lies (says UTF-8, bytes are Shift_JIS) is overridden as for a whole file', async () => {
    const bytes = encode(RSS, 'SJIS');
    const { summary } = await expectSameAsWhole(bytes, bytesSource(bytes, 1000));
    expect(summary.encoding).toBe('shift_jis');
  });

  it.each([
    ['utf-16le with BOM', 'utf-16le', true],
    ['utf-16be with BOM', 'utf-16be', true],
    ['utf-16le without BOM', 'utf-16le', false],
  ] as const)('F8 %s in odd-sized chunks (code units split)', async (_name, encoding, bom) => {
    const text = RSS.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-16"?>');
    let bytes = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
    if (encoding === 'utf-16be') bytes = Buffer.from(bytes).swap16();
    const { records, summary } = await expectSameAsWhole(bytes, bytesSource(bytes, 333));
    expect(summary.encoding).toBe(encoding);
    expect(records).toHaveLength(20);
  });

  it('F8 UTF-8 with a stray byte deep in the file is read by the whole-file recovery, like before', async () => {
    const bytes = Buffer.from(utf8(rss([item(1), item(2)].join('\n'))));
    bytes[bytes.indexOf('本文2')] = 0xff;
    const { summary } = await expectSameAsWhole(bytes, bytesSource(bytes, 10));
    expect(summary.errors[0]?.message).toMatch(/not valid UTF-8/);
  });
});

describe('the feed title names every record (sourceName)', () => {
  it('a title after a few items still names all of them', async () => {
    const bytes = utf8(rss([item(1), item(2)].join('\n') + '<title>Late</title>', ''));
    const { records, summary } = await expectSameAsWhole(bytes, bytesSource(bytes, 8));
    expect(records.map((r) => r.sourceName)).toEqual(['Late', 'Late']);
    expect(summary.sourceNameChange).toBeNull();
  });

  it(`a title after more than ${TITLE_WAIT_RECORDS} items: the early records go on unnamed, and the summary says to rename them`, async () => {
    const items = Array.from({ length: TITLE_WAIT_RECORDS + 20 }, (_, i) => item(i)).join('\n');
    const bytes = utf8(rss(`${items}\n<title>Late</title>`, ''));
    const { records, summary } = await stream(bytesSource(bytes, 2048));
    expect(records).toHaveLength(TITLE_WAIT_RECORDS + 20);
    expect(records.every((r) => r.sourceName === null)).toBe(true);
    expect(summary).toMatchObject({ feedTitle: 'Late', sourceNameChange: { from: null, to: 'Late' } });
  });

  it('a feed with no title at all waits for nothing past the bound and names nothing', async () => {
    const items = Array.from({ length: TITLE_WAIT_RECORDS + 5 }, (_, i) => item(i)).join('\n');
    const bytes = utf8(rss(items, ''));
    const { records, summary } = await stream(bytesSource(bytes, 2048));
    expect(records.every((r) => r.sourceName === null)).toBe(true);
    expect(summary).toMatchObject({ feedTitle: null, sourceNameChange: null });
  });
});

describe('F1–F4 the DOCTYPE is blanked as the text streams', () => {
  const doctypes = [
    '<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE rss [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n<!-- ]> -->\n<!ENTITY y "]>">\n]>\n<rss>&x;&y;</rss>',
    '<?xml version="1.0"?><!doctype rss SYSTEM "http://pwn.invalid/x.dtd"><rss/>',
    '<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">\n',
    '<!-- never closed <!DOCTYPE rss [<!ENTITY x "y">]><rss/>',
    '\r\n  <?pi never closed <!DOCTYPE rss><rss/>',
    '<rss><!DOCTYPE rss [<!ENTITY x "y">]></rss>',
    '<!DOCTYPE rss \'quote never closed [<!ENTITY x "y">]><rss/>',
  ];
  it.each(doctypes.map((text, i) => [i, text] as const))('F1 case %i gives blankDoctype\'s text and problems in every chunking', (_i, text) => {
    const expected = blankDoctype(text);
    for (let size = 1; size <= text.length; size++) {
      const blanker = new DoctypeBlanker();
      let out = '';
      for (let at = 0; at < text.length; at += size) out += blanker.push(text.slice(at, at + size));
      out += blanker.end();
      expect(out).toBe(expected.text);
      expect(blanker.problems).toEqual(expected.problems);
    }
  });
});

describe('LineTracker', () => {
  it('C5 counts CRLF, LF and lone CR as LineIndex does, in any chunking, keeping a few chunks only', () => {
    const text = 'a\r\nb\rc\n\nd\r\r\ne\r';
    const index = new LineIndex(text);
    for (let size = 1; size <= text.length; size++) {
      const tracker = new LineTracker(2);
      for (let at = 0; at < text.length; at += size) {
        const piece = text.slice(at, at + size);
        tracker.push(piece);
        // Offsets within the last chunk are always known exactly.
        for (let offset = at; offset < at + piece.length; offset++) expect(tracker.lineAt(offset)).toBe(index.lineAt(offset));
      }
      tracker.end();
      expect(tracker.lastLine).toBe(index.lineAt(text.length));
    }
  });
});
