// `npm run bench:import -- [--json] [--items N]`: imports a generated 100,000-item Japanese CSV through the
// real import path into a fresh database and compares it with the ceiling measured in the same run (the
// same rows inserted by a bare transaction into the same schema and indexes). A benchmark, not a test.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { csvLines } from './generate-snapshots.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, items: { type: 'string', default: '100000' } } });
const count = Number(values.items);

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

interface Phase { items: number; seconds: number; peakRssMb: number }

function runPhase(phase: string, file: string, db: string): Phase {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'main/bench/import-bench-phase.ts', phase, file, db], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Phase;
}

const dir = mkdtempSync(join(tmpdir(), 'triage-bench-'));
try {
  const csv = join(dir, 'bench.csv');
  await writeLines(csv, csvLines(count));
  const mb = statSync(csv).size / 1024 / 1024;
  const ceiling = runPhase('ceiling', csv, join(dir, 'ceiling.sqlite'));
  const imported = runPhase('import', csv, join(dir, 'import.sqlite'));
  const result = {
    items: imported.items,
    seconds: Number(imported.seconds.toFixed(2)),
    itemsPerSec: Math.round(imported.items / imported.seconds),
    ceilingItemsPerSec: Math.round(ceiling.items / ceiling.seconds),
    ratio: Number((ceiling.seconds / imported.seconds).toFixed(2)),
    peakRssMb: imported.peakRssMb,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    console.log(`CSV: ${count.toLocaleString('en-US')} items, ${mb.toFixed(1)} MB (Japanese bodies of 1,500 characters)`);
    console.log(`  import   ${result.seconds} s  ${result.itemsPerSec.toLocaleString('en-US')} items/s  ${(mb / imported.seconds).toFixed(1)} MB/s  peak RSS ${imported.peakRssMb} MB`);
    console.log(`  ceiling  ${ceiling.seconds.toFixed(2)} s  ${result.ceilingItemsPerSec.toLocaleString('en-US')} items/s  (bare transaction, same rows, same schema and indexes)`);
    console.log(`  ratio    ${result.ratio} of the ceiling (target ≥ 0.5; peak RSS target < 300 MB)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
