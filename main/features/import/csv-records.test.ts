import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-records.js';
import type { CsvReadResult, SourceRecord } from './csv-records.js';
import { NotTextFileError } from './decode-text.js';

// Tests run from the project root; the shared samples sit beside it.
const SAMPLES = resolve('../shared/samples');

function read(text: string): CsvReadResult {
  return readCsvRecords(Buffer.from(text, 'utf8'));
}

function toSjis(text: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', type: 'array' }));
}

/** ACCOUNT: every data record is either returned or failed; warnings on kept records do not count as failures. */
function expectAccounted(result: CsvReadResult, failed: number): void {
  expect(result.records.length + failed).toBe(result.recordCount);
}

/** What a CP932 encoder writes for a text, read back: unmappable characters become "?". */
function passThroughCp932(record: SourceRecord): SourceRecord {
  const convert = (text: string): string => new TextDecoder('shift_jis').decode(toSjis(text));
  const convertOrNull = (text: string | null): string | null => (text === null ? null : convert(text));
  return {
    ...record,
    title: convert(record.title),
    body: convert(record.body),
    organization: convertOrNull(record.organization),
    publishedAtRaw: convertOrNull(record.publishedAtRaw),
    sourceCategory: convertOrNull(record.sourceCategory),
    sourceUrl: convertOrNull(record.sourceUrl),
    sourceName: convertOrNull(record.sourceName),
  };
}

function titles(result: CsvReadResult): string[] {
  return result.records.map((r) => r.title);
}

describe('readCsvRecords', () => {
  it('C1 reads the Excel UTF-8 sample and its Shift_JIS twin into the same 20 records', () => {
    const utf8 = readCsvRecords(readFileSync(resolve(SAMPLES, 'cdns-2019-12.utf8-bom.csv')));
    const sjis = readCsvRecords(readFileSync(resolve(SAMPLES, 'cdns-2019-12.sjis.csv')));

    expect(utf8).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', errors: [], recordCount: 20 });
    expect(sjis).toMatchObject({ format: 'csv', encoding: 'shift_jis', delimiter: ',', errors: [], recordCount: 20 });
    expect(utf8.records).toHaveLength(20);
    // The twin was saved from the UTF-8 file by a CP932 encoder: 〜 became ～ (0x8160) and the three characters
    // CP932 lacks (戶 twice, a combining macron) became a literal "?" in the file. Passing the UTF-8 records
    // through the same encoder must therefore give exactly what we read from the twin.
    expect(sjis.records).toEqual(utf8.records.map(passThroughCp932));
    const fieldsWithoutBody = ({ body: _body, ...rest }: SourceRecord): Omit<SourceRecord, 'body'> => rest;
    expect(sjis.records.map(fieldsWithoutBody)).toEqual(utf8.records.map(fieldsWithoutBody));

    const first = utf8.records[0]!;
    expect(first).toMatchObject({
      line: 2,
      title: 'マルウエアEmotetの感染に関する注意喚起',
      organization: 'JPCERTコーディネーションセンター',
      publishedAt: '2019-12-10',
      publishedAtRaw: '2019/12/10',
      sourceCategory: 'セキュリティ対策',
      sourceUrl: 'https://www.jpcert.or.jp/at/2019/at190044.html',
      sourceName: null,
      extra: {},
    });
    // The multi-line quoted body survives with its inner line breaks and blank lines.
    expect(first.body.startsWith('【概要】\nJPCERT/CCでは、2019年10月後半より')).toBe(true);
    expect(first.body).toContain('\n\n【URL】\nhttps://www.jpcert.or.jp/at/2019/at190044.html');
    // The second record starts on physical line 10, after the 8 lines of the first.
    expect(utf8.records[1]).toMatchObject({ line: 10, title: '「Emotet」感染で不正メール送信' });
    expect(utf8.records[19]!.line).toBe(237);
    for (const record of utf8.records) {
      expect(record.publishedAt).toMatch(/^2019-1[12]-\d{2}$/);
      expect(JSON.stringify(record)).not.toMatch(/[\uFEFF\uFFFD\0]/);
    }
  });

  it('C1 takes the first header even with a BOM glued to it', () => {
    const result = readCsvRecords(Buffer.from('\uFEFFタイトル,メモ\r\nA,x\r\n', 'utf8'));
    expect(result.errors).toEqual([]);
    expect(result.records[0]).toMatchObject({ title: 'A', extra: { メモ: 'x' } });
  });

  it('C2 keeps CP932 extension characters in a Shift_JIS file exactly', () => {
    const bytes = Buffer.concat([
      Buffer.from(toSjis('タイトル,組織\r\n')),
      Buffer.from([0x87, 0x40, 0x81, 0x60, 0x91, 0xe6, 0x32, 0x95, 0xf1, 0x2c]), // ①～第2報,
      Buffer.from([0x87, 0x8a, 0xfb, 0xfc, 0x8b, 0xb4, 0x0d, 0x0a]), // ㈱髙橋\r\n
    ]);
    const result = readCsvRecords(bytes);
    expect(result.encoding).toBe('shift_jis');
    expect(result.records[0]).toMatchObject({ title: '①～第2報', organization: '㈱髙橋' });
  });

  it('C3 reads a short UTF-8 file that is also valid Shift_JIS as UTF-8, not as 繧ｿ繧､ mojibake', () => {
    const bytes = Buffer.from('タイトル\nアイウ\n', 'utf8');
    expect(() => new TextDecoder('shift_jis', { fatal: true }).decode(bytes)).not.toThrow();
    const result = readCsvRecords(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(titles(result)).toEqual(['アイウ']);
  });

  it('C4 imports an Excel "Unicode text" file: UTF-16LE, tab-separated', () => {
    const text = 'タイトル\t組織\t内容\r\n不正アクセスによる情報漏えい\t株式会社A\t"一行目\n二行目"\r\n誤送信\t沖縄県\t\r\n';
    const result = readCsvRecords(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(result).toMatchObject({ format: 'tsv', encoding: 'utf-16le', delimiter: '\t', errors: [], recordCount: 2 });
    expect(result.records.map((r) => [r.line, r.title, r.organization, r.body])).toEqual([
      [2, '不正アクセスによる情報漏えい', '株式会社A', '一行目\n二行目'],
      [4, '誤送信', '沖縄県', ''],
    ]);
  });

  it('C5 counts CRLF, LF and lone CR each as one physical line, and U+2028 as none', () => {
    const text = 'title,body\r\nA,"x\r\ny"\nB,"p\u2028q"\rC,z\r\n\r\n"D\r\nD",w\nE,"bad';
    const result = read(text);
    expect(titles(result)).toEqual(['A', 'B', 'C', 'D\r\nD']);
    expect(result.records.map((r) => r.line)).toEqual([2, 4, 5, 7]);
    expect(result.records[1]!.body).toBe('p\u2028q');
    expect(result.errors).toEqual([{ line: 9, message: 'a quoted field is never closed' }]);
    expectAccounted(result, 1);
  });

  it('C5 finds every record and its line whatever the line ends (generated files)', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const ends = ['\r\n', '\n', '\r'];
    const pieces = ['事故', 'a', ' ', ',', '"', '\u2028', '\t', '＝', 'Ω'];
    for (let round = 0; round < 100; round++) {
      let text = 'title,body' + ends[random(3)];
      const expected: { line: number; title: string; body: string }[] = [];
      const rows = 1 + random(8);
      for (let r = 0; r < rows; r++) {
        const title = `t${round}-${r}`;
        let body = '';
        for (let k = random(6); k > 0; k--) body += random(4) === 0 ? ends[random(3)] : pieces[random(pieces.length)];
        body = body.trim();
        // Blank lines are skipped but still counted; a CR then an LF from two of them make one CRLF line end.
        while (random(4) === 0) text += ends[random(3)];
        // The oracle is the definition: a record starts on 1 + the number of line ends before it.
        expected.push({ line: 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0), title, body });
        text += `${title},"${body.replaceAll('"', '""')}"${ends[random(3)]}`;
      }
      const result = read(text);
      expect(result.errors, text).toEqual([]);
      expect(result.records.map(({ line, title, body }) => ({ line, title, body })), JSON.stringify(text)).toEqual(
        expected,
      );
    }
  });

  it('C6 an unterminated quote names the line where it opened; rows before it land', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `記事${i + 1},本文${i + 1}`);
    rows[9] = '記事10,"本文10 は閉じない';
    const result = read(`タイトル,本文\n${rows.join('\n')}\n`);
    // Row 10 sits on line 11, after the header.
    expect(result.errors).toEqual([{ line: 11, message: 'a quoted field is never closed' }]);
    expect(titles(result).slice(0, 9)).toEqual(rows.slice(0, 9).map((r) => r.split(',')[0]));
    // Reading resumes on the next line, so the broken quote costs one record, not the rest of the file.
    expect(result.records).toHaveLength(9_999);
    expect(result.records.at(-1)).toMatchObject({ line: 10_001, title: '記事10000' });
    expect(result.recordCount).toBe(10_000);
    expectAccounted(result, 1);
  });

  it('C6 reports a quote that closes too early at the line where its record started', () => {
    const result = read('title,body\nA,ok\nB,"multi\nline "oops" here"\nC,fine\n');
    expect(result.errors[0]).toEqual({ line: 3, message: 'unexpected text after a closing quote' });
    // Reading resumes on line 4, inside the broken field; what it finds there is reported too, never kept.
    expect(result.errors.slice(1).every((e) => e.line === 4)).toBe(true);
    expect(titles(result)).toEqual(['A', 'C']);
    expectAccounted(result, result.errors.length);
  });

  it('C6 reports a header row that cannot be read and reads nothing else', () => {
    const result = read('"title,body\nA,x\n');
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, message: 'the header row cannot be read: a quoted field is never closed' }]);
  });

  it('C6 stops after 1000 unreadable records instead of grinding through a file broken everywhere', () => {
    const started = Date.now();
    const result = read(`title,body\n${'A,"x"y\n'.repeat(1200)}`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.records).toEqual([]);
    expect(result.errors).toHaveLength(1002);
    expect(result.errors[0]).toEqual({ line: 2, message: 'unexpected text after a closing quote' });
    expect(result.errors.at(-1)).toEqual({ line: 1002, message: 'too many unreadable records; reading stopped here' });
  });

  it('C7 strips NUL characters from fields and the header, naming the line, and keeps the record', () => {
    const result = read('title\0,body\nA\0B,x\0y\nC,z\n');
    expect(result.errors).toEqual([
      { line: 1, message: 'NUL bytes removed' },
      { line: 2, message: 'NUL bytes removed' },
    ]);
    expect(result.records.map((r) => [r.title, r.body])).toEqual([
      ['AB', 'xy'],
      ['C', 'z'],
    ]);
    expectAccounted(result, 0);
  });

  it('C8 refuses an overlong field with a clear error, and the other rows land', () => {
    const longAscii = 'a'.repeat(1_000_001);
    const tenMegabytes = 'あ'.repeat(3_500_000);
    const started = Date.now();
    const result = read(`title,body\nA,x\nB,${longAscii}\nC,"${tenMegabytes}"\nD,y\n`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.errors).toEqual([
      { line: 3, message: 'a field is longer than 1,000,000 characters' },
      { line: 4, message: 'the record is too long (over 4,000,000 bytes)' },
    ]);
    expect(titles(result)).toEqual(['A', 'D']);
    expectAccounted(result, 2);
  });

  it('C8 refuses a row of 100,000 columns without trouble', () => {
    const result = read(`title,body\nA,x\n${'c,'.repeat(100_000)}c\nB,y\n`);
    expect(result.errors).toEqual([{ line: 3, message: 'expected 2 fields but found 100001' }]);
    expect(titles(result)).toEqual(['A', 'B']);
  });

  it('C9 reports each ragged row with its line and lands the good ones; blank lines are skipped', () => {
    const result = read('title,body,org\nA,x,o\n\nB,y\n   \nC,z,o,extra\nD,w,o,\n,,\nE,v,o\n');
    expect(result.errors).toEqual([
      { line: 4, message: 'expected 3 fields but found 2' },
      { line: 6, message: 'expected 3 fields but found 4' },
      { line: 7, message: 'expected 3 fields but found 4' },
    ]);
    expect(result.records.map((r) => [r.line, r.title])).toEqual([
      [2, 'A'],
      [9, 'E'],
    ]);
    expect(result.recordCount).toBe(5);
    expectAccounted(result, 3);
  });

  it('C9 reports a row with an empty title and keeps going', () => {
    const result = read('タイトル,内容\n  ,本文だけ\nA,x\n');
    expect(result.errors).toEqual([{ line: 2, message: 'the title is empty' }]);
    expect(titles(result)).toEqual(['A']);
    expectAccounted(result, 1);
  });

  it('C10 maps English headers in any order and keeps unknown columns in extra', () => {
    const result = read('Link,Memo,Headline,Date,Company,Source,Category,Description,\nhttps://e.example/1,要確認,Breach,2019-12-10,ACME,News,leak,Body text,\n');
    expect(result.errors).toEqual([]);
    expect(result.records[0]).toEqual<SourceRecord>({
      line: 2,
      title: 'Breach',
      body: 'Body text',
      organization: 'ACME',
      publishedAt: '2019-12-10',
      publishedAtRaw: '2019-12-10',
      sourceCategory: 'leak',
      sourceUrl: 'https://e.example/1',
      sourceName: 'News',
      extra: { Memo: '要確認' },
    });
  });

  it('C10 refuses duplicated meanings and a missing header, and still counts the rows', () => {
    const duplicated = read('タイトル,内容,本文\nA,x,y\nB,x,y\n');
    expect(duplicated.records).toEqual([]);
    expect(duplicated.errors).toEqual([
      { line: 1, message: 'columns "内容" (column 2) and "本文" (column 3) both mean body' },
    ]);
    expect(duplicated.recordCount).toBe(2);

    const headerless = read('2019/12/10,セキュリティ対策,注意喚起\n2019/12/09,サイバー攻撃,不正アクセス\n');
    expect(headerless.records).toEqual([]);
    expect(headerless.errors[0]!.message).toMatch(/^no title column: headers were "2019\/12\/10"/);
    expect(headerless.recordCount).toBe(1);
  });

  it('C10 keeps hostile or repeated extra header names as plain keys', () => {
    const result = read('title,__proto__,constructor,memo,memo,\nA,p,c,m1,m2,e\n');
    const extra = result.records[0]!.extra;
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.keys(extra)).toEqual(['__proto__', 'constructor', 'memo', 'memo (2)', '列6']);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toBe('p');
  });

  it('C11 an empty or BOM-only file gives no records and one clear error', () => {
    for (const bytes of [new Uint8Array(), new Uint8Array([0xef, 0xbb, 0xbf]), Buffer.from('\r\n \n')]) {
      const result = readCsvRecords(bytes);
      expect(result.records).toEqual([]);
      expect(result.recordCount).toBe(0);
      expect(result.errors).toEqual([{ line: null, message: 'the file is empty' }]);
    }
  });

  it('C9 skips blank and delimiter-only rows above the header', () => {
    const result = read('\n,,\nタイトル,内容\nA,x\n');
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.line, r.title])).toEqual([[4, 'A']]);
  });

  it('C11 a header-only file gives zero records and no error', () => {
    for (const text of ['タイトル,内容', 'タイトル,内容\r\n', 'タイトル,内容\n\n,\n']) {
      const result = read(text);
      expect(result).toMatchObject({ records: [], errors: [], recordCount: 0 });
    }
  });

  it('C12 stores formula-looking cells verbatim', () => {
    const cells = ['=HYPERLINK("http://pwn.invalid","x")', '@SUM(A1)', '+1+1', '-2+3', '＝１＋１', '＋x', '－y', '＠z'];
    const quoted = cells.map((c) => `"${c.replaceAll('"', '""')}"`);
    const result = read(`title,body\n${cells.map((c, i) => `${quoted[i]},${quoted[i]}`).join('\n')}\n`);
    expect(result.errors).toEqual([]);
    expect(titles(result)).toEqual(cells);
    expect(result.records.map((r) => r.body)).toEqual(cells);
  });

  it('C14 follows an Excel sep= line and skips it, keeping physical line numbers', () => {
    const result = read('sep=;\r\ntitle;body\r\nA;x,y\r\nB;z;extra\r\n');
    expect(result.delimiter).toBe(';');
    expect(result.records.map((r) => [r.line, r.title, r.body])).toEqual([[3, 'A', 'x,y']]);
    expect(result.errors).toEqual([{ line: 4, message: 'expected 2 fields but found 3' }]);
  });

  it('C14 detects semicolons and tabs from the header, ignoring delimiters inside quoted headers', () => {
    const semicolons = read('title;"note, with, commas"\nA;x,y\n');
    expect(semicolons).toMatchObject({ delimiter: ';', format: 'csv', errors: [] });
    expect(semicolons.records[0]).toMatchObject({ title: 'A', extra: { 'note, with, commas': 'x,y' } });
    expect(read('title\tbody;note\nA\tx;y\n')).toMatchObject({ delimiter: '\t', format: 'tsv' });
    expect(read('"タイトル","内容"\n"A","x"\n').records[0]).toMatchObject({ title: 'A', body: 'x' });
  });

  it('C15 parses publication dates and keeps the raw text of the ones it cannot read', () => {
    const result = read('タイトル,公表日\nA,令和元年5月7日\nB,２０２３年７月２８日\nC,2023年2月30日\nD,6月21日\nE,\n');
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => [r.title, r.publishedAt, r.publishedAtRaw])).toEqual([
      ['A', '2019-05-07', '令和元年5月7日'],
      ['B', '2023-07-28', '２０２３年７月２８日'],
      ['C', null, '2023年2月30日'],
      ['D', null, '6月21日'],
      ['E', null, null],
    ]);
  });

  it('C16 throws NotTextFileError for binary content renamed .csv', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => readCsvRecords(png)).toThrow(NotTextFileError);
    expect(() => readCsvRecords(Buffer.from('SQLite format 3\0\x10\0', 'latin1'))).toThrow(NotTextFileError);
  });

  it('trims values and turns empty optional cells into null', () => {
    const result = read('title,org,url,body\n  A  ,　,"  https://e.example/ ",\n');
    expect(result.records[0]).toMatchObject({ title: 'A', organization: null, sourceUrl: 'https://e.example/', body: '' });
  });
});
