import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { decodeText, NotTextFileError, UndecodableFileError } from './decode-text.js';

const JAPANESE = 'タイトル,本文\n情報漏えいのお詫びとお知らせ,氏名、住所、電話番号が閲覧できる状態でした。\n';

function encodeAs(text: string, to: 'SJIS' | 'EUCJP' | 'JIS'): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE', type: 'array' }));
}

function bytesOf(...parts: (number[] | string)[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
}

describe('decodeText', () => {
  it('C1 strips a UTF-8 BOM so the first header is clean', () => {
    const decoded = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('日付,タイトル')]));
    expect(decoded).toEqual({ text: '日付,タイトル', encoding: 'utf-8' });
  });

  it('C4 decodes UTF-16LE and UTF-16BE by their BOMs', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('タイトル\t本文', 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: 'タイトル\t本文', encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      text: 'タイトル\t本文',
      encoding: 'utf-16be',
    });
  });

  it('C3 detects Shift_JIS, EUC-JP and ISO-2022-JP without a BOM', () => {
    expect(decodeText(encodeAs(JAPANESE, 'SJIS'))).toEqual({ text: JAPANESE, encoding: 'shift_jis' });
    expect(decodeText(encodeAs(JAPANESE, 'EUCJP'))).toEqual({ text: JAPANESE, encoding: 'euc-jp' });
    expect(decodeText(encodeAs(JAPANESE, 'JIS'))).toEqual({ text: JAPANESE, encoding: 'iso-2022-jp' });
  });

  it('C3 reads plain ASCII and valid UTF-8 as UTF-8', () => {
    expect(decodeText(Buffer.from('title,body\na,b\n'))).toEqual({ text: 'title,body\na,b\n', encoding: 'utf-8' });
    expect(decodeText(Buffer.from(JAPANESE))).toEqual({ text: JAPANESE, encoding: 'utf-8' });
  });

  it('C2 decodes CP932 NEC and IBM extensions, the wave dash and 0x5C exactly', () => {
    // ① 0x8740, ㈱ 0x878A, ≒ 0x81E0, 髙 0xFBFC (IBM), ～ 0x8160, \ 0x5C, ｱ 0xB1 (half-width kana).
    const bytes = bytesOf([0x87, 0x40, 0x87, 0x8a, 0x81, 0xe0, 0xfb, 0xfc, 0x81, 0x60, 0x5c, 0xb1], '\r\n');
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('shift_jis');
    expect(decoded.text).toBe('①㈱≒髙～\\ｱ\r\n');
    expect(decoded.text).not.toMatch(/[\uFFFD?]/);
  });

  it('C2 never adds U+FFFD, but keeps one that the file really contains', () => {
    expect(decodeText(Buffer.from('a\uFFFDb')).text).toBe('a\uFFFDb');
    for (const bytes of [encodeAs(JAPANESE, 'SJIS'), encodeAs(JAPANESE, 'EUCJP'), encodeAs(JAPANESE, 'JIS')]) {
      expect(decodeText(bytes).text).not.toContain('\uFFFD');
    }
  });

  it('C3 refuses bytes that no supported encoding decodes strictly', () => {
    const bytes = bytesOf('title\n', [0xff, 0xff, 0xfe, 0x80]);
    expect(() => decodeText(bytes)).toThrow(UndecodableFileError);
  });

  it('C3 refuses a UTF-16 file whose content is broken rather than inventing characters', () => {
    expect(() => decodeText(bytesOf([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toThrow(UndecodableFileError);
  });

  it.each([
    ['PNG', bytesOf([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13])],
    ['ZIP (xlsx)', bytesOf('PK\x03\x04', [20, 0, 0, 0])],
    ['SQLite', bytesOf('SQLite format 3\0', [16, 0])],
    ['PDF', bytesOf('%PDF-1.7\n')],
    ['gzip', bytesOf([0x1f, 0x8b, 8, 0])],
    ['UTF-32LE', bytesOf([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])],
    ['UTF-32BE', bytesOf([0, 0, 0xfe, 0xff, 0, 0, 0, 0x41])],
    ['NUL-heavy', bytesOf('ab', [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0], 'cd')],
    ['an executable', bytesOf([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0])],
    ['UTF-16 without a BOM', Buffer.from('title,body\nA,x\n', 'utf16le')],
  ])('C16 refuses %s content as not text', (_name, bytes) => {
    expect(() => decodeText(bytes)).toThrow(NotTextFileError);
  });

  it('C16 tells the officer what an .xlsx renamed to .csv is', () => {
    try {
      decodeText(bytesOf('PK\x03\x04'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotTextFileError);
      expect((error as NotTextFileError).kind).toBe('zip');
      expect((error as NotTextFileError).message).toContain('save it as CSV');
    }
  });

  it('C7 accepts text with a few NUL bytes (they are stripped later)', () => {
    expect(decodeText(bytesOf('t\0itle\0,body\nab\0c,d\n')).text).toBe('t\0itle\0,body\nab\0c,d\n');
    const long = `title\n${'記事\0,本文\n'.repeat(20)}`;
    expect(() => decodeText(Buffer.from(long))).not.toThrow();
  });

  it('C11 decodes an empty file and a BOM-only file to empty text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xff, 0xfe]))).toEqual({ text: '', encoding: 'utf-16le' });
  });
});
