import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-records.js';
import { readCsvRows } from './csv-rows.js';
import { NotTextFileError } from './decode-text.js';

const SAMPLE = resolve('../shared/samples/cdns-2019-12.utf8-bom.csv');

function rows(text: string, trim?: boolean) {
  return readCsvRows(Buffer.from(text, 'utf8'), trim === undefined ? {} : { trim });
}

describe('readCsvRows', () => {
  it('trims as the importer does by default, and keeps cells as written with trim: false', () => {
    expect(rows('a, b ," c "\n').rows).toEqual([['a', 'b', 'c']]);
    expect(rows('a, b ," c "\n', false).rows).toEqual([['a', ' b ', ' c ']]);
    // Quoted line breaks and doubled quotes survive either way.
    expect(rows('a,b\r\n1,"x\r\n""y"""\r\n').rows).toEqual([['a', 'b'], ['1', 'x\r\n"y"']]);
  });

  it('returns the header row and rows of empty cells, which the importer drops', () => {
    expect(rows('h1,h2\n,\nx,y\n').rows).toEqual([['h1', 'h2'], ['', ''], ['x', 'y']]);
  });

  it('reports an unreadable record at its line and reads on', () => {
    expect(rows('a,b\n1,"x"y\n2,z\n')).toEqual({
      rows: [['a', 'b'], ['2', 'z']],
      delimiter: ',',
      encoding: 'utf-8',
      errors: [{ line: 2, message: 'unexpected text after a closing quote' }],
    });
    // Untrimmed, a line of spaces is a record, and the line of the next one is still counted right.
    expect(rows('a\n  \n"b\n', false)).toMatchObject({
      rows: [['a'], ['  ']],
      errors: [{ line: 3, message: 'a quoted field is never closed' }],
    });
  });

  it('detects the delimiter and the encoding as the importer does', () => {
    expect(rows('sep=;\nx;y\n1;2\n')).toMatchObject({ delimiter: ';', rows: [['x', 'y'], ['1', '2']] });
    expect(rows('a\tb\n1\t2\n')).toMatchObject({ delimiter: '\t', rows: [['a', 'b'], ['1', '2']] });
    const sjis = Uint8Array.from(
      Encoding.convert(Encoding.stringToCode('件名,本文\n記事,内容\n'), { to: 'SJIS', from: 'UNICODE', type: 'array' }),
    );
    expect(readCsvRows(sjis)).toMatchObject({ encoding: 'shift_jis', rows: [['件名', '本文'], ['記事', '内容']] });
  });

  it('throws the typed error for a file that is not text', () => {
    expect(() => readCsvRows(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toThrow(NotTextFileError);
  });

  it.skipIf(!existsSync(SAMPLE))('reads the Excel sample into the cells the importer keeps', () => {
    const bytes = readFileSync(SAMPLE);
    const { rows: [header = [], ...data], errors } = readCsvRows(bytes);
    const records = readCsvRecords(bytes).records;
    expect(errors).toEqual([]);
    expect(data).toHaveLength(records.length);
    const titleColumn = header.indexOf('タイトル');
    expect(titleColumn).toBeGreaterThanOrEqual(0);
    expect(data.map((cells) => cells[titleColumn])).toEqual(records.map((r) => r.title));
  });
});
