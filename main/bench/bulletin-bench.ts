// `npm run bench:bulletin -- [--json] [--runs N]`: how long a bulletin takes to print. Imports the CDNS
// sample (December 2019), reads its facts, drafts a single notice and the month's digest, and times the
// HTML rendering, Chromium's start and each PDF (issue #6: "a PDF in under 2 s"). The load average is
// printed beside the times: on a shared machine it explains a slow run, and the CPU seconds Chromium
// and Node spent on each PDF (read from /proc on Linux) say what the PDF costs whatever the load.
// A benchmark, not a test.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open-database.js';
import { createBulletin } from '../features/bulletins/bulletin-service.js';
import { createChromiumPdfRenderer } from '../features/bulletins/pdf-renderer.js';
import { renderBulletinHtml, renderPageFurniture } from '../features/bulletins/render-bulletin-html.js';
import { EXTRACTOR_VERSION, extractFacts } from '../features/extract/extract-facts.js';
import { refreshStaleFacts } from '../features/facts/facts-repository.js';
import { importFiles } from '../features/import/import-files.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));
const SAMPLE = resolve('../shared/samples/cdns-2019-12.utf8-bom.csv');

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
}
const round = (s: number) => Number(s.toFixed(3));

/** CPU seconds (user + system) of this process and all its descendants (Chromium's processes), or null off Linux. */
function treeCpuSeconds(root = process.pid): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const ticks = 100; // USER_HZ on Linux
  const procs = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid … utime(12th) stime(13th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  for (const [pid, p] of procs) {
    let parent = pid === root ? root : p.ppid;
    for (let hops = 0; parent !== root && parent > 1 && hops < 32; hops++) parent = procs.get(parent)?.ppid ?? 0;
    if (parent === root) total += p.cpu;
  }
  return total;
}

const dir = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
const db = await openDatabase(join(dir, 'bench.sqlite'));
try {
  await importFiles(db, [{ name: 'cdns.csv', bytes: readFileSync(SAMPLE) }]);
  await refreshStaleFacts(db, { version: EXTRACTOR_VERSION, extract: extractFacts });
  const first = await db.get<{ id: number }>("SELECT id FROM items WHERE title LIKE '%象印でショッピング%'");
  const single = await createBulletin(db, { template: 'single', itemIds: [first?.id ?? 1], by: 'bench', date: '2019-12-20' });
  const digest = await createBulletin(db, { template: 'digest', period: { from: '2019-12-01', to: '2019-12-31' }, by: 'bench', date: '2020-01-06' });

  const [printer, launchSeconds] = await timed(() => createChromiumPdfRenderer());
  const results: Record<string, { htmlSeconds: number; htmlKb: number; pdfKb: number; firstPdfSeconds: number; medianPdfSeconds: number; medianCpuSeconds: number | null; pages: string }> = {};
  try {
    for (const [name, bulletin] of [['single', single], ['digest', digest]] as const) {
      const [html, htmlSeconds] = await timed(async () => renderBulletinHtml(bulletin, { runningLabel: false }));
      const furniture = renderPageFurniture(bulletin);
      const times: number[] = [];
      const cpu: number[] = [];
      let size = 0;
      for (let i = 0; i < runs; i++) {
        const cpuBefore = treeCpuSeconds();
        const [pdf, seconds] = await timed(() => printer.renderPdf(html, furniture));
        const cpuAfter = treeCpuSeconds();
        if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
        times.push(seconds);
        size = pdf.length;
      }
      results[name] = {
        htmlSeconds: round(htmlSeconds),
        htmlKb: Math.round(Buffer.byteLength(html) / 1024),
        pdfKb: Math.round(size / 1024),
        firstPdfSeconds: round(times[0] ?? 0),
        medianPdfSeconds: round(median(times.slice(1).length ? times.slice(1) : times)),
        medianCpuSeconds: cpu.length ? round(median(cpu)) : null,
        pages: `${bulletin.itemIds.length} item(s)`,
      };
    }
  } finally {
    await printer.close();
  }
  const worst = Math.max(...Object.values(results).map((r) => r.medianPdfSeconds));
  const worstCpu = Math.max(...Object.values(results).map((r) => r.medianCpuSeconds ?? Number.NaN));
  const report = {
    launchSeconds: round(launchSeconds),
    runs,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    results,
    targetSeconds: 2,
    withinTarget: worst < 2,
    cpuWithinTarget: Number.isNaN(worstCpu) ? null : worstCpu < 2,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(`Chromium start ${report.launchSeconds} s (load average ${report.loadAverage.join(' ')})\n`);
    for (const [name, r] of Object.entries(results)) {
      process.stdout.write(
        `${name.padEnd(6)} ${r.pages.padEnd(11)} HTML ${r.htmlSeconds} s (${r.htmlKb} KB)  PDF first ${r.firstPdfSeconds} s, median ${r.medianPdfSeconds} s over ${runs} (${r.pdfKb} KB)` +
          `${r.medianCpuSeconds === null ? '' : `, CPU ${r.medianCpuSeconds} s`}\n`,
      );
    }
    process.stdout.write(`target: a PDF in under 2 s — ${report.withinTarget ? 'met' : 'NOT met'} (worst median ${worst} s)\n`);
    if (report.cpuWithinTarget !== null) {
      process.stdout.write(`CPU spent per PDF under 2 s — ${report.cpuWithinTarget ? 'yes' : 'no'} (worst median ${round(worstCpu)} s; wall time above it is waiting for a busy CPU)\n`);
    }
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
