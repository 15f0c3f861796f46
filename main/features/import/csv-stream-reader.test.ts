import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source.js';
import { readCsvRecords } from './csv-records.js';
import { readCsvStream } from './csv-stream-reader.js';
import { NotTextFileError, UndecodableFileError } from './decode-text.js';
import type { SourceRecord } from './source-record.js';

const SAMPLES = resolve('../shared/samples');

async function readStreamed(bytes: Uint8Array, chunkBytes: number) {
  const records: SourceRecord[] = [];
  const summary = await readCsvStream(bytesSource(bytes, chunkBytes), (record) => records.push(record), async () => undefined);
  return { ...summary, records };
}

function encode(text: string, to: 'SJIS' | 'EUCJP'): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE', type: 'array' }));
}

const JAPANESE = 'タイトル,日付,本文\n個人情報の流出,2023/07/01,"顧客①の氏名\n髙橋"\n誤送信,2023/07/02,メール\n';

const INPUTS: [string, Uint8Array][] = [
  ['the UTF-8 sample with a BOM', readFileSync(`${SAMPLES}/cdns-2019-12.utf8-bom.csv`)],
  ['the Shift_JIS sample', readFileSync(`${SAMPLES}/cdns-2019-12.sjis.csv`)],
  ['EUC-JP', encode(JAPANESE, 'EUCJP')],
  ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JAPANESE, 'utf16le')])],
  ['an Excel sep= line and semicolons', Buffer.from('sep=;\r\ntitle;date\r\nA;2023-07-01\r\n"B;C";2023-07-02\r\n')],
  ['tabs', Buffer.from('title\tdate\nA\t2023-07-01\n')],
  ['a broken quote mid-file (C6)', Buffer.from('title,date\nA,2023-07-01\n"B,2023-07-02\nC,2023-07-03\n')],
  ['an empty file', new Uint8Array(0)],
  // ASCII for the first megabyte, Shift_JIS after it: the encoding is checked over the whole stream.
  ['Shift_JIS that starts with a megabyte of ASCII', Buffer.concat([Buffer.from(`title,body\n${'a,b\n'.repeat(300_000)}`), encode('漢字,本文\n', 'SJIS')])],
];

describe('readCsvStream', () => {
  for (const [label, bytes] of INPUTS) {
    it(`reads ${label} exactly as the whole-file reader does, whatever the chunk size`, async () => {
      const { records, errors, recordCount, encoding, format, delimiter } = readCsvRecords(bytes);
      // Three-byte chunks split every kanji and CRLF; on the megabyte input they would only cost time.
      for (const chunkBytes of bytes.length > 100_000 ? [4096, 1024 * 1024] : [3, 4096, 1024 * 1024]) {
        const streamed = await readStreamed(bytes, chunkBytes);
        expect({ records: streamed.records, errors: streamed.errors, recordCount: streamed.recordCount }).toEqual({ records, errors, recordCount });
        expect({ encoding: streamed.encoding, format: streamed.format, delimiter: streamed.delimiter }).toEqual({ encoding, format, delimiter });
      }
    }, 60_000);
  }

  it('hashes the file as read (SHA-256 of the bytes, BOM included)', async () => {
    const bytes = readFileSync(`${SAMPLES}/cdns-2019-12.utf8-bom.csv`);
    const { createHash } = await import('node:crypto');
    expect((await readStreamed(bytes, 1000)).sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('C16 refuses binary and undecodable files before reading a record', async () => {
    await expect(readStreamed(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 1024)).rejects.toBeInstanceOf(NotTextFileError);
    // Valid in no candidate encoding: 0xFF is not a lead byte anywhere.
    await expect(readStreamed(Buffer.from('title\n\xff\xff\xfe\n', 'latin1'), 1024)).rejects.toBeInstanceOf(UndecodableFileError);
  });
});
