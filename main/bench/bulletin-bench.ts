// `npm run bench:bulletin -- [--json] [--runs N]`: how long a bulletin takes to print. Imports the CDNS
// sample (December 2019), reads its facts, drafts a single notice and the month's digest, and times the
// HTML rendering, Chromium's start and each PDF (issue #6: "a PDF in under 2 s"). The load average is
// printed beside the times: on a shared machine it explains a slow run. A benchmark, not a test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

const dir = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
const db = await openDatabase(join(dir, 'bench.sqlite'));
try {
  await importFiles(db, [{ name: 'cdns.csv', bytes: readFileSync(SAMPLE) }]);
  await refreshStaleFacts(db, { version: EXTRACTOR_VERSION, extract: extractFacts });
  const first = await db.get<{ id: number }>("SELECT id FROM items WHERE title LIKE '%象印でショッピング%'");
  const single = await createBulletin(db, { template: 'single', itemIds: [first?.id ?? 1], by: 'bench', date: '2019-12-20' });
  const digest = await createBulletin(db, { template: 'digest', period: { from: '2019-12-01', to: '2019-12-31' }, by: 'bench', date: '2020-01-06' });

  const [printer, launchSeconds] = await timed(() => createChromiumPdfRenderer());
  const results: Record<string, { htmlSeconds: number; htmlKb: number; pdfKb: number; firstPdfSeconds: number; medianPdfSeconds: number; pages: string }> = {};
  try {
    for (const [name, bulletin] of [['single', single], ['digest', digest]] as const) {
      const [html, htmlSeconds] = await timed(async () => renderBulletinHtml(bulletin, { runningLabel: false }));
      const furniture = renderPageFurniture(bulletin);
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < runs; i++) {
        const [pdf, seconds] = await timed(() => printer.renderPdf(html, furniture));
        times.push(seconds);
        size = pdf.length;
      }
      results[name] = {
        htmlSeconds: round(htmlSeconds),
        htmlKb: Math.round(Buffer.byteLength(html) / 1024),
        pdfKb: Math.round(size / 1024),
        firstPdfSeconds: round(times[0] ?? 0),
        medianPdfSeconds: round(median(times.slice(1).length ? times.slice(1) : times)),
        pages: `${bulletin.itemIds.length} item(s)`,
      };
    }
  } finally {
    await printer.close();
  }
  const worst = Math.max(...Object.values(results).map((r) => r.medianPdfSeconds));
  const report = { launchSeconds: round(launchSeconds), runs, loadAverage: loadavg().map((l) => Number(l.toFixed(2))), results, targetSeconds: 2, withinTarget: worst < 2 };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(`Chromium start ${report.launchSeconds} s (load average ${report.loadAverage.join(' ')})\n`);
    for (const [name, r] of Object.entries(results)) {
      process.stdout.write(
        `${name.padEnd(6)} ${r.pages.padEnd(11)} HTML ${r.htmlSeconds} s (${r.htmlKb} KB)  PDF first ${r.firstPdfSeconds} s, median ${r.medianPdfSeconds} s over ${runs} (${r.pdfKb} KB)\n`,
      );
    }
    process.stdout.write(`target: a PDF in under 2 s — ${report.withinTarget ? 'met' : 'NOT met'} (worst median ${worst} s)\n`);
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
