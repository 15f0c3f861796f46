// `tsx main/bench/import-bench-bounded.ts [--mb N] [--single-line] [--feed]`: generates an N MB CSV (200 by default;
// with --feed an RSS 2.0 feed of the same bodies)
// in a temporary folder and imports it through the real path (importFiles, streamed by path) with the
// parser process held to a 64 MB heap. Run it with `node --max-old-space-size=96 --import tsx …` and the
// app process is held to 96 MB too: if records piled up anywhere, one of the two would die of it. Prints
// one JSON line: items, failed, seconds, peak RSS of each process. The test of the bound (BOUND, C8) runs
// it at a smaller size; `--mb 200` is the reliability case "a 200 MB file with memory staying bounded".
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open-database.js';
import { importFiles } from '../features/import/import-files.js';
import { ParserProcess } from '../workers/parser-process.js';
import { csvLines, rssLines } from './generate-snapshots.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    'single-line': { type: 'boolean', default: false },
    feed: { type: 'boolean', default: false },
  },
});
const targetBytes = Number(values.mb) * 1024 * 1024;

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  let written = 0;
  if (values['single-line']) {
    // C8: one line with no newline at all; a reader that waits for the end of the line holds the whole file.
    const piece = '個人情報の流出に関するお知らせ,'.repeat(2000);
    await write('title,body\n');
    while (written < targetBytes) {
      await write(piece);
      written += Buffer.byteLength(piece);
    }
  } else {
    const lines = values.feed ? rssLines(Number.MAX_SAFE_INTEGER) : csvLines(Number.MAX_SAFE_INTEGER);
    for (const line of lines) {
      await write(line);
      written += Buffer.byteLength(line);
      if (written >= targetBytes) break;
    }
    // The generator's own end never comes (it was asked for endless items): the feed is closed here.
    if (values.feed) await write('</channel></rss>\n');
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

const dir = mkdtempSync(join(tmpdir(), 'triage-bounded-'));
try {
  const name = values.feed ? 'large.rss' : 'large.csv';
  const file = join(dir, name);
  await writeCsv(file);
  const db = await openDatabase(join(dir, 'bounded.sqlite'));
  const parser = new ParserProcess({ maxMemoryMb: 64, timeoutMs: 120_000 });
  const start = performance.now();
  const summary = await importFiles(db, [{ name, path: file }], { parser });
  const seconds = (performance.now() - start) / 1000;
  parser.close();
  await db.close();
  process.stdout.write(
    `${JSON.stringify({
      fileMb: Math.round(statSync(file).size / 1024 / 1024),
      items: summary.imported,
      failed: summary.failed,
      errors: summary.errors.slice(0, 3),
      seconds: Number(seconds.toFixed(2)),
      mainPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      parserPeakRssMb: Math.round(parser.peakRssKb / 1024),
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
