import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { NotTextFileError } from '../decode-text.js';
import { readFeedRecords } from './feed-records.js';

const SAMPLES = resolve('../shared/samples');
const RSS = readFileSync(resolve(SAMPLES, 'cdns-2019-12.rss'), 'utf8');
const ORIGINAL = readFeedRecords(Buffer.from(RSS, 'utf8'));

type Target = 'SJIS' | 'EUCJP' | 'JIS';
const WHATWG: Record<Target, string> = { SJIS: 'shift_jis', EUCJP: 'euc-jp', JIS: 'iso-2022-jp' };

function encode(text: string, to: Target): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE', type: 'array' }));
}

/** The feed with its declaration rewritten (or removed), then encoded. */
function reencode(to: Target, declared: string | null): Uint8Array {
  const prolog = declared === null ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${declared}"?>`;
  return encode(RSS.replace(/^<\?xml[^>]*\?>/, prolog), to);
}

/** What each title becomes after a round trip through the legacy encoder (characters it lacks turn into "?"). */
function expectedTitles(to: Target): string[] {
  return ORIGINAL.records.map((r) => new TextDecoder(WHATWG[to]).decode(encode(r.title, to)));
}

describe('feed encodings (F8)', () => {
  it.each([
    ['SJIS', 'Shift_JIS'],
    ['EUCJP', 'EUC-JP'],
    ['JIS', 'ISO-2022-JP'],
  ] as const)('F8 reads %s with an encoding= declaration', (to, declared) => {
    const result = readFeedRecords(reencode(to, declared));
    expect(result.encoding).toBe(WHATWG[to]);
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => r.title)).toEqual(expectedTitles(to));
    expect(result.feedTitle).toBe('セキュリティニュース');
  });

  it.each(['SJIS', 'EUCJP', 'JIS'] as const)('F8 detects %s without any declaration', (to) => {
    const result = readFeedRecords(reencode(to, null));
    expect(result.encoding).toBe(WHATWG[to]);
    expect(result.records.map((r) => r.title)).toEqual(expectedTitles(to));
  });

  it('F8 overrides a declaration that lies (says UTF-8, bytes are Shift_JIS) and says so', () => {
    const result = readFeedRecords(reencode('SJIS', 'UTF-8'));
    expect(result.encoding).toBe('shift_jis');
    expect(result.records.map((r) => r.title)).toEqual(expectedTitles('SJIS'));
    expect(result.errors[0]).toEqual({ line: null, message: expect.stringMatching(/says encoding "UTF-8".*read as shift_jis/) });
    expect(JSON.stringify(result.records)).not.toContain('\uFFFD');
  });

  it('F8 overrides a Shift_JIS declaration on UTF-8 bytes', () => {
    const bytes = Buffer.from(RSS.replace('encoding="UTF-8"', 'encoding="Shift_JIS"'), 'utf8');
    const result = readFeedRecords(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.records.map((r) => r.title)).toEqual(ORIGINAL.records.map((r) => r.title));
    expect(result.errors[0]?.message).toMatch(/not valid shift_jis; it was read as utf-8/);
  });

  it('F8 prefers valid UTF-8 even when the UTF-8 bytes also happen to be valid Shift_JIS', () => {
    const feed = '<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><item><title>あい</title></item></channel></rss>';
    const bytes = Buffer.from(feed, 'utf8');
    // The trap: E3 81 82 E3 81 84 decodes as three Shift_JIS characters without any error.
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).not.toContain('あい');
    const result = readFeedRecords(bytes);
    expect(result).toMatchObject({ encoding: 'utf-8', records: [{ title: 'あい' }] });
    expect(result.errors[0]?.message).toMatch(/its bytes are UTF-8/);
  });

  it('F8 lets a UTF-16 byte order mark win over a UTF-8 declaration', () => {
    const body = Buffer.from(RSS, 'utf16le');
    const result = readFeedRecords(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    expect(result.encoding).toBe('utf-16le');
    expect(result.records.map((r) => r.title)).toEqual(ORIGINAL.records.map((r) => r.title));
    expect(result.errors[0]?.message).toMatch(/byte order mark, which wins/);
  });

  it('F8 reads UTF-16 without a byte order mark from its first "<"', () => {
    const declared = RSS.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const be = Buffer.from(declared, 'utf16le').swap16();
    expect(readFeedRecords(Buffer.from(declared, 'utf16le')).encoding).toBe('utf-16le');
    expect(readFeedRecords(be)).toMatchObject({ encoding: 'utf-16be', recordCount: 20 });
  });

  it('F8 accepts Japanese aliases such as CP932', () => {
    expect(readFeedRecords(reencode('SJIS', 'CP932'))).toMatchObject({ encoding: 'shift_jis', errors: [] });
  });

  // feedparser encoding/utf-32le.xml, utf-32be-bom.xml…: XML allows UTF-32 and TextDecoder cannot read it.
  it('utf-32le / utf-32be: read from the BOM or the first "<", in both byte orders', () => {
    const utf32 = (text: string, le: boolean, bom: boolean): Uint8Array => {
      const points = [...(bom ? '\uFEFF' : '') + text].map((c) => c.codePointAt(0) ?? 0);
      const out = Buffer.alloc(points.length * 4);
      points.forEach((cp, i) => (le ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
      return out;
    };
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const result = readFeedRecords(utf32(RSS.replace('encoding="UTF-8"', 'encoding="UTF-32"'), le, bom));
        expect(result).toMatchObject({ encoding: le ? 'utf-32le' : 'utf-32be', recordCount: 20, errors: [] });
        expect(result.records).toEqual(ORIGINAL.records);
      }
    }
  });

  it('utf-32: a code point past U+10FFFF is not UTF-32 after all and is refused with a typed error', () => {
    const bad = new Uint8Array([0x3c, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f]);
    expect(() => readFeedRecords(bad)).toThrow(NotTextFileError);
  });
});

describe('cut-off files (F9)', () => {
  it('F9 reads a feed cut off in the middle of a multibyte character, dropping only that character', () => {
    const bytes = Buffer.from(RSS, 'utf8');
    const cut = bytes.lastIndexOf(Buffer.from('感染拡大', 'utf8')) + 4; // inside the second character
    const result = readFeedRecords(bytes.subarray(0, cut));
    expect(result.encoding).toBe('utf-8');
    expect(result.records.length).toBeGreaterThan(0);
    expect(result.errors.map((e) => e.message)).toContain('the file ends in the middle of a character; the partial character was dropped');
  });
});
