// `npm run bench:import -- [--json] [--items N] [--feed-items N]`: imports a generated 100,000-item
// Japanese CSV and a 20,000-item RSS feed through the real import path into fresh databases, and compares
// each with the ceiling measured in the same run (the same rows inserted by a bare transaction into the
// same schema and indexes). A benchmark, not a test.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { csvLines, rssLines } from './generate-snapshots.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    items: { type: 'string', default: '100000' },
    'feed-items': { type: 'string', default: '20000' },
  },
});
const count = Number(values.items);
const feedCount = Number(values['feed-items']);

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

interface Phase { items: number; seconds: number; peakRssMb: number; mainPeakRssMb: number; parserPeakRssMb: number }

function runPhase(phase: string, file: string, db: string): Phase {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'main/bench/import-bench-phase.ts', phase, file, db], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Phase;
}

interface Workload {
  label: string;
  megabytes: number;
  imported: Phase;
  ceiling: Phase;
}

async function measure(label: string, fileName: string, lines: Iterable<string>, dir: string): Promise<Workload> {
  const file = join(dir, fileName);
  await writeLines(file, lines);
  const ceiling = runPhase('ceiling', file, join(dir, `${fileName}.ceiling.sqlite`));
  const imported = runPhase('import', file, join(dir, `${fileName}.import.sqlite`));
  return { label, megabytes: statSync(file).size / 1024 / 1024, imported, ceiling };
}

function summarise(w: Workload) {
  return {
    items: w.imported.items,
    seconds: Number(w.imported.seconds.toFixed(2)),
    itemsPerSec: Math.round(w.imported.items / w.imported.seconds),
    ceilingItemsPerSec: Math.round(w.ceiling.items / w.ceiling.seconds),
    ratio: Number((w.ceiling.seconds / w.imported.seconds).toFixed(2)),
    peakRssMb: w.imported.peakRssMb,
  };
}

function print(w: Workload): void {
  const r = summarise(w);
  console.log(`${w.label}: ${r.items.toLocaleString('en-US')} items, ${w.megabytes.toFixed(1)} MB`);
  console.log(
    `  import   ${r.seconds} s  ${r.itemsPerSec.toLocaleString('en-US')} items/s  ${(w.megabytes / w.imported.seconds).toFixed(1)} MB/s  ` +
      `peak RSS ${r.peakRssMb} MB (app ${w.imported.mainPeakRssMb} + parser ${w.imported.parserPeakRssMb})`,
  );
  console.log(`  ceiling  ${w.ceiling.seconds.toFixed(2)} s  ${r.ceilingItemsPerSec.toLocaleString('en-US')} items/s  (bare transaction, same rows, same schema and indexes)`);
  console.log(`  ratio    ${r.ratio} of the ceiling (target ≥ 0.5; peak RSS target < 300 MB)`);
}

const dir = mkdtempSync(join(tmpdir(), 'triage-bench-'));
try {
  const csv = await measure('CSV (Japanese bodies of 1,500 characters)', 'bench.csv', csvLines(count), dir);
  const feed = await measure('RSS 2.0 (same bodies, HTML paragraphs)', 'bench.rss', rssLines(feedCount), dir);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...summarise(csv), feed: summarise(feed) })}\n`);
  } else {
    print(csv);
    print(feed);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
