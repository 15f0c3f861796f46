import { describe, expect, it } from 'vitest';
import { ImportCancelledError, ParserProcess, ReaderFailedError } from './parser-process.js';

const csv = (text: string) => new TextEncoder().encode(text);

function bigCsv(rows: number): Uint8Array {
  const body = '個人情報の流出に関するお知らせ。'.repeat(60);
  const lines = ['title,date,body'];
  for (let i = 0; i < rows; i++) lines.push(`item ${i},2023-07-01,${body}`);
  return csv(`${lines.join('\n')}\n`);
}

describe('ParserProcess', () => {
  it('reads a file in a worker and serves several files with one worker', async () => {
    const parser = new ParserProcess();
    try {
      const a = await parser.read('a.csv', csv('title,date\nA,2023-07-01\n'));
      const b = await parser.read('b.csv', csv('title,date\nB,2023-07-02\nC,2023-07-03\n'));
      expect(a.records.map((r) => r.title)).toEqual(['A']);
      expect(b.records.map((r) => r.title)).toEqual(['B', 'C']);
    } finally {
      parser.close();
    }
  });

  it('turns a typed reader error into a file-level failure', async () => {
    const parser = new ParserProcess();
    try {
      await expect(parser.read('x.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).rejects.toBeInstanceOf(ReaderFailedError);
      // The next file gets a fresh worker and reads fine.
      expect((await parser.read('ok.csv', csv('title\nfine\n'))).records).toHaveLength(1);
    } finally {
      parser.close();
    }
  });

  it('BOUND: a file that needs more memory than the limit stops the worker, not the app', async () => {
    const parser = new ParserProcess({ maxMemoryMb: 16, timeoutMs: 60_000 });
    try {
      await expect(parser.read('huge.csv', bigCsv(20_000))).rejects.toThrow(/more than 16 MB|reader failed|stopped/);
    } finally {
      parser.close();
    }
    expect(process.memoryUsage().rss).toBeGreaterThan(0);
  });

  it('BOUND: a file that takes longer than the time budget is stopped', async () => {
    const parser = new ParserProcess({ maxMemoryMb: 1024, timeoutMs: 50 });
    try {
      await expect(parser.read('slow.csv', bigCsv(20_000))).rejects.toThrow(/longer than/);
    } finally {
      parser.close();
    }
  });

  it('C18 a cancel while reading ends the worker at once', async () => {
    const parser = new ParserProcess();
    const controller = new AbortController();
    try {
      const reading = parser.read('big.csv', bigCsv(20_000), controller.signal);
      setTimeout(() => controller.abort(), 20);
      await expect(reading).rejects.toBeInstanceOf(ImportCancelledError);
    } finally {
      parser.close();
    }
  });
});
