import { describe, expect, it } from 'vitest';
import { NotTextFileError } from '../decode-text.js';
import { displayFileName, readPageRecords } from './page-records.js';

describe('readPageRecords edge cases', () => {
  it('empty or blank input gives no records and a clear error', () => {
    for (const input of [{ text: '', fileName: 'a.txt' }, { text: ' \n\u3000\n\t', fileName: 'a.txt' }, { bytes: new Uint8Array(), fileName: 'a.html' }]) {
      const result = readPageRecords(input);
      expect(result).toMatchObject({ records: [], recordCount: 0, dropped: [] });
      expect(result.errors).toEqual([{ line: null, message: 'the page is empty' }]);
    }
  });

  it('a page of nothing but furniture gives no records, says so, and lists what it dropped', () => {
    const result = readPageRecords({ text: 'Page Top\n内容を非表示にする\n1 2 3 4 5 次へ\nCopyright (C) 2023 Example', fileName: 'a.txt' });
    expect(result.records).toEqual([]);
    expect(result.errors[0]?.message).toMatch(/no news items were found/);
    expect(result.dropped.map((d) => d.reason)).toEqual(['chrome', 'chrome', 'chrome', 'chrome']);
  });

  it('1 MB on a single line: no hang, one record, a short title, the whole text kept in the body', () => {
    const text = `${'サーバへの不正アクセスが確認されました、'.repeat(50_000)}`;
    const started = performance.now();
    const result = readPageRecords({ text, fileName: 'a.txt' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.title.length).toBeLessThanOrEqual(200);
    expect(result.records[0]?.body.length).toBe(text.length);
  });

  it('lines built to make regular expressions backtrack stay fast', () => {
    const lines = ['1'.repeat(110) + 'x', `${'1 '.repeat(60)}x`, `【${'#'.repeat(40)}】`, `${'年'.repeat(100)} 2023年`, `a${' '.repeat(5_000)}b`, '/'.repeat(10_000)];
    const started = performance.now();
    readPageRecords({ text: lines.join('\n'), fileName: 'a.txt' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a million short lines stay linear', () => {
    const text = Array.from({ length: 1_000_000 }, (_, i) => (i % 2 === 0 ? '同じ行です同じ行です' : '')).join('\n');
    const started = performance.now();
    const result = readPageRecords({ text, fileName: 'a.txt' });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(result.recordCount).toBeGreaterThanOrEqual(1);
  });

  it('H8: file names with bidi controls, markup or reserved names do not matter and do not crash', () => {
    const names = ['report\u202Egpj.exe', '<img src=x onerror=alert(1)>.html', 'CON.html', `${'深'.repeat(300)}/${'a'.repeat(300)}.txt`, 'C:\\Users\\x\\ページ.htm', '\u0000\u0007.txt', ''];
    for (const fileName of names) {
      const result = readPageRecords({ text: 'オメガ社で不正アクセスが発生\n顧客情報が流出した。', fileName });
      expect(result.records).toHaveLength(1);
      const sourceName = result.records[0]?.sourceName ?? '';
      expect([...sourceName].some((c) => c.charCodeAt(0) < 0x20 || /[\u202a-\u202e\u2066-\u2069/\\]/.test(c))).toBe(false);
    }
    expect(displayFileName('report\u202Egpj.exe')).toBe('reportgpj.exe');
    expect(displayFileName('C:\\Users\\x\\ページ.htm')).toBe('ページ.htm');
    expect(displayFileName('\u0007')).toBeNull();
  });

  it('NUL characters are removed with a note; RTF and MHTML are refused with a clear message', () => {
    const nul = readPageRecords({ text: 'オメガ社で不正\0アクセスが発生\n本文です。', fileName: 'a.txt' });
    expect(nul.records[0]?.title).toBe('オメガ社で不正アクセスが発生');
    expect(nul.errors).toContainEqual({ line: null, message: 'NUL characters removed' });
    expect(readPageRecords({ text: '{\\rtf1\\ansi オメガ社}', fileName: 'clip' }).errors[0]?.message).toMatch(/unsupported format: RTF/);
    const mht = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n--x\r\n';
    expect(readPageRecords({ bytes: Buffer.from(mht), fileName: 'page.mht' }).errors[0]?.message).toMatch(/unsupported format: MHTML/);
    expect(readPageRecords({ bytes: Buffer.from(mht), fileName: 'page.txt' }).errors[0]?.message).toMatch(/unsupported format: MHTML/);
  });

  it('binary files are refused like in the CSV reader', () => {
    expect(() => readPageRecords({ bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), fileName: 'a.html' })).toThrow(NotTextFileError);
  });

  it('a bad reference date is reported and today is used instead', () => {
    const result = readPageRecords({ text: 'オメガ社で不正アクセスが発生\n本文です。', fileName: 'a.txt' }, { reference: '2023-02-30' });
    expect(result.errors[0]?.message).toMatch(/reference date "2023-02-30" is not a YYYY-MM-DD date/);
    expect(result.records).toHaveLength(1);
  });

  it('an entry with a date but no title is counted and reported, the others still land', () => {
    const result = readPageRecords({ text: '10日\n09日\nオメガ社で不正アクセスが発生\n本文です。\n08日\nシグマ社でメール誤送信が発生\n本文です。', fileName: 'a.txt' }, { reference: '2023-08-20' });
    expect(result.records.map((r) => r.publishedAt)).toEqual(['2023-08-09', '2023-08-08']);
    expect(result.recordCount).toBe(3);
    expect(result.errors).toEqual([{ line: 1, message: 'the item dated "10日" has no title' }]);
  });

  it('a line that is only a URL is the source; http(s) only, no credentials', () => {
    const read = (url: string): string | null =>
      readPageRecords({ text: `オメガ社で不正アクセスが発生\n本文です。\n${url}`, fileName: 'a.txt' }).records[0]?.sourceUrl ?? null;
    expect(read('https://www.example.jp/news/1.html')).toBe('https://www.example.jp/news/1.html');
    expect(read('https://bank.example@evil.example/')).toBeNull();
    expect(read('javascript:alert(1)')).toBeNull();
    expect(read('file:///etc/passwd')).toBeNull();
  });
});
