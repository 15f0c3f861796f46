import { describe, expect, it } from 'vitest';
import { ImportCancelledError, ParserProcess, ReaderFailedError } from './parser-process.js';

const csv = (text: string) => new TextEncoder().encode(text);

function bigCsv(rows: number): Uint8Array {
  const body = '個人情報の流出に関するお知らせ。'.repeat(60);
  const lines = ['title,date,body'];
  for (let i = 0; i < rows; i++) lines.push(`item ${i},2023-07-01,${body}`);
  return csv(`${lines.join('\n')}\n`);
}

/** A saved page is parsed whole (unlike CSV and feeds, which stream), so its size is what its reader needs in memory. */
function bigPage(entries: number): Uint8Array {
  const body = '個人情報の流出に関するお知らせ。'.repeat(60);
  const parts = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>'];
  for (let i = 0; i < entries; i++) parts.push(`<h2>item ${i}</h2><p>2023年7月1日</p><p>${body}</p>`);
  parts.push('</body></html>');
  return csv(parts.join('\n'));
}

function bigFeed(items: number): Uint8Array {
  const body = '個人情報の流出に関するお知らせ。'.repeat(60);
  const parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'];
  for (let i = 0; i < items; i++) parts.push(`<item><title>item ${i}</title><description>${body}</description></item>`);
  parts.push('</channel></rss>');
  return csv(parts.join('\n'));
}

describe('ParserProcess', () => {
  it('reads a file in a worker and serves several files with one worker', async () => {
    const parser = new ParserProcess();
    try {
      const a = await parser.read('a.csv', csv('title,date\nA,2023-07-01\n'));
      const b = await parser.read('b.csv', csv('title,date\nB,2023-07-02\nC,2023-07-03\n'));
      expect(a.items.map((r) => r.title)).toEqual(['A']);
      expect(b.items.map((r) => r.title)).toEqual(['B', 'C']);
      // Identity and content hash are computed in the parser process, so the importer only writes.
      expect(b.items[0]).toMatchObject({ identityKey: 'b|2023-07-02', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(b).toMatchObject({ format: 'csv', encoding: 'utf-8', recordCount: 2, fileSize: 37, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    } finally {
      parser.close();
    }
  });

  it('turns a typed reader error into a file-level failure', async () => {
    const parser = new ParserProcess();
    try {
      await expect(parser.read('x.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).rejects.toBeInstanceOf(ReaderFailedError);
      // The next file gets a fresh worker and reads fine.
      expect((await parser.read('ok.csv', csv('title\nfine\n'))).items).toHaveLength(1);
    } finally {
      parser.close();
    }
  });

  it('BOUND: a file that needs more memory than the limit stops the worker, not the app', async () => {
    const parser = new ParserProcess({ maxMemoryMb: 16, timeoutMs: 60_000 });
    try {
      await expect(parser.read('huge.html', bigPage(20_000))).rejects.toThrow(/more than 16 MB|reader failed|stopped/);
    } finally {
      parser.close();
    }
    expect(process.memoryUsage().rss).toBeGreaterThan(0);
  });

  it('BOUND: a streamed CSV is read within a heap far smaller than the file', async () => {
    // 29 MB of CSV through a 24 MB heap: only the record being read and a few batches are ever held.
    const parser = new ParserProcess({ maxMemoryMb: 24, timeoutMs: 60_000 });
    try {
      const stream = parser.stream('big.csv', { bytes: bigCsv(10_000) }, 0);
      let next = await stream.next();
      // Items are not kept here either: this test is about the reader's memory.
      while (!next.done) next = await stream.next();
      expect(next.value.recordCount).toBe(10_000);
    } finally {
      parser.close();
    }
  });

  it('F15 BOUND: a streamed feed is read within a heap far smaller than the file', async () => {
    // 29 MB of RSS through a 24 MB heap: only the chunk in hand, the item being read and a few batches are held.
    const parser = new ParserProcess({ maxMemoryMb: 24, timeoutMs: 60_000 });
    try {
      const stream = parser.stream('big.rss', { bytes: bigFeed(10_000) }, 0);
      let items = 0;
      let next = await stream.next();
      for (; !next.done; next = await stream.next()) items += next.value.items.length;
      expect(items).toBe(10_000);
      expect(next.value).toMatchObject({ format: 'rss', recordCount: 10_000, errors: [] });
    } finally {
      parser.close();
    }
  });

  it('BOUND: a file that takes longer than the time budget is stopped', async () => {
    const parser = new ParserProcess({ maxMemoryMb: 1024, timeoutMs: 50 }, undefined, 0);
    try {
      await expect(parser.read('slow.csv', bigCsv(20_000))).rejects.toThrow(/longer than/);
    } finally {
      parser.close();
    }
  });

  it('the time budget does not run while the reader waits for the writer', async () => {
    const parser = new ParserProcess({ maxMemoryMb: 1024, timeoutMs: 6000 }, undefined, 0);
    try {
      // Starting the process is counted against the first file; this test is about the file after it.
      await parser.read('warm-up.csv', csv('title\nA\n'));
      // Short rows: reading them takes milliseconds; the 12 batches they make are what takes long.
      const rows = Array.from({ length: 3000 }, (_, i) => `item ${i},2023-07-01`).join('\n');
      let items = 0;
      const stream = parser.stream('slow-writer.csv', { bytes: csv(`title,date\n${rows}\n`) }, 0);
      for (let next = await stream.next(); !next.done; next = await stream.next()) {
        items += next.value.items.length;
        // A writer far slower than the budget: 12 batches × 700 ms is well past 6 s of wall time.
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
      expect(items).toBe(3_000);
    } finally {
      parser.close();
    }
  }, 30_000);

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
