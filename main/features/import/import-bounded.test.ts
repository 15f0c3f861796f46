// BOUND: a large CSV (and a large feed) is imported with both processes held to heaps far smaller than the file. The size is
// TRIAGE_BOUNDED_CSV_MB (40 by default, to stay near 20 s on a shared machine); the reliability case itself,
// 200 MB, is `node --max-old-space-size=96 --import tsx main/bench/import-bench-bounded.ts --mb 200`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const MB = process.env.TRIAGE_BOUNDED_CSV_MB ?? '40';

interface BoundedRun {
  fileMb: number;
  items: number;
  failed: number;
  errors: { message: string }[];
  mainPeakRssMb: number;
  parserPeakRssMb: number;
}

async function importBounded(...args: string[]): Promise<BoundedRun> {
  // The app side gets a 96 MB heap: holding the file's records (or its text) would end it with an OOM.
  const { stdout } = await run(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', 'main/bench/import-bench-bounded.ts', ...args], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as BoundedRun;
}

describe('importing a file larger than memory allows', () => {
  it(`BOUND a ${MB} MB CSV streams through a 96 MB app heap and a 64 MB parser heap, every row landing`, async () => {
    const result = await importBounded('--mb', MB);
    expect(result.fileMb).toBeGreaterThanOrEqual(Number(MB));
    // ~4.6 KB a row: every generated row is an item, none failed.
    expect(result.items).toBeGreaterThan((Number(MB) * 1024) / 5);
    expect(result).toMatchObject({ failed: 0, errors: [] });
    expect(result.mainPeakRssMb + result.parserPeakRssMb).toBeLessThan(300);
  }, 120_000);

  it(`F15 BOUND a ${MB} MB RSS feed streams through the same heaps, every item landing`, async () => {
    const result = await importBounded('--mb', MB, '--feed');
    expect(result.fileMb).toBeGreaterThanOrEqual(Number(MB));
    // ~4.8 KB an item: every generated item lands, none failed, and the feed's end was read.
    expect(result.items).toBeGreaterThan((Number(MB) * 1024) / 5);
    expect(result).toMatchObject({ failed: 0, errors: [] });
    expect(result.mainPeakRssMb + result.parserPeakRssMb).toBeLessThan(300);
  }, 120_000);

  it('C8 one endless line (no newline in 24 MB) is one clear error, read in bounded memory', async () => {
    const result = await importBounded('--mb', '24', '--single-line');
    expect(result.items).toBe(0);
    expect(result.errors[0]?.message).toMatch(/too long/);
    expect(result.mainPeakRssMb + result.parserPeakRssMb).toBeLessThan(300);
  }, 120_000);
});
