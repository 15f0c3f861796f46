// `npm run conformance -- ../shared/corpora`: the importer against public parser suites whose
// expectations we did not write (feedparser, gofeed, csv-spectrum, CSVW). Prints one line per suite, the reasons
// the other files were not applicable (each counted, never dropped silently), and a total; exits 1 on any crash.
// The corpora stay in the team folder, never in the project. `--verbose` lists each failure and exclusion.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCsvConformance } from './csv-conformance.js';
import { notApplicableLines, runFeedConformance } from './feeds/feed-conformance.js';

export interface SuiteLine {
  suite: string;
  files: number;
  crashes: number;
  /** Files (feeds) or tests (CSV) with at least one expectation an offline importer can be held to. */
  checked: number;
  passed: number;
  /** The rest, with why: `n/a  12 × reason` lines. */
  notApplicable: number;
  notApplicableReasons: string[];
  failures: string[];
  notes: string[];
}

export function runConformance(corporaDir: string): SuiteLine[] {
  return [
    ...runFeedConformance(corporaDir).map((r) => ({
      suite: `feeds/${r.suite}`,
      files: r.files,
      crashes: r.crashes,
      checked: r.checked,
      passed: r.passed,
      notApplicable: r.notApplicable,
      notApplicableReasons: notApplicableLines(r),
      failures: r.failures.map((f) => `${f.file}: ${f.message}`),
      notes: [],
    })),
    ...runCsvConformance(corporaDir).map((r) => ({
      suite: `csv/${r.suite}`,
      files: r.files,
      crashes: r.crashes,
      checked: r.checked,
      passed: r.passed,
      notApplicable: r.notApplicable,
      notApplicableReasons: groupReasons(r.skipped.map((s) => s.reason)),
      failures: r.failures.map((f) => `${f.file}: ${f.reason}`),
      notes: r.notes,
    })),
  ];
}

/** CSV reasons name their file; the kind of test (before the first parenthesis or colon) is what is counted. */
function groupReasons(reasons: string[]): string[] {
  const counts = new Map<string, number>();
  for (const reason of reasons) {
    const kind = reason.split(/\s[(:]|;/)[0]?.trim() || reason;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `n/a ${String(n).padStart(3)} × ${kind}`);
}

function percent(passed: number, checked: number): string {
  return checked === 0 ? 'n/a' : `${((100 * passed) / checked).toFixed(1)}%`;
}

function line(name: string, l: Pick<SuiteLine, 'files' | 'crashes' | 'checked' | 'passed' | 'notApplicable'>): string {
  return (
    `${name.padEnd(28)} files ${String(l.files).padStart(4)}  crashes ${l.crashes}  ` +
    `applicable ${String(l.checked).padStart(3)}  passed ${String(l.passed).padStart(3)}  ${percent(l.passed, l.checked).padStart(6)}  ` +
    `not applicable ${String(l.notApplicable).padStart(3)}`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '../shared/corpora');
  const verbose = process.argv.includes('--verbose');
  if (!existsSync(dir)) {
    console.error(`no corpora at ${dir}`);
    process.exit(2);
  }
  const lines = runConformance(dir);
  for (const l of lines) {
    console.log(line(l.suite, l) + (l.notes.length > 0 ? `  [${l.notes.join('; ')}]` : ''));
    if (verbose) for (const f of l.failures) console.log(`      FAIL ${f}`);
  }
  const zero = { files: 0, crashes: 0, checked: 0, passed: 0, notApplicable: 0 };
  const total = lines.reduce(
    (t, l) => ({
      files: t.files + l.files,
      crashes: t.crashes + l.crashes,
      checked: t.checked + l.checked,
      passed: t.passed + l.passed,
      notApplicable: t.notApplicable + l.notApplicable,
    }),
    zero,
  );
  console.log(line('all suites', total));
  console.log('\nnot applicable to an offline importer, by reason (see feeds/feed-conformance.ts, csv-conformance.ts):');
  for (const l of lines) {
    if (l.notApplicableReasons.length === 0) continue;
    console.log(`  ${l.suite}`);
    for (const reason of l.notApplicableReasons) console.log(`    ${reason}`);
  }
  process.exitCode = total.crashes > 0 ? 1 : 0;
}
