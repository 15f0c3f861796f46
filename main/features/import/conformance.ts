// `npm run conformance -- ../shared/corpora`: the importer against public parser suites whose
// expectations we did not write (feedparser, gofeed, csv-spectrum, CSVW). Prints one line per suite and
// a total; exits 1 on any crash. The corpora stay in the team folder, never in the project.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCsvConformance } from './csv-conformance.js';
import { runFeedConformance } from './feeds/feed-conformance.js';

export interface SuiteLine {
  suite: string;
  files: number;
  crashes: number;
  checked: number;
  passed: number;
}

export function runConformance(corporaDir: string): SuiteLine[] {
  return [
    ...runFeedConformance(corporaDir).map((r) => ({ suite: `feeds/${r.suite}`, files: r.files, crashes: r.crashes, checked: r.checked, passed: r.passed })),
    ...runCsvConformance(corporaDir).map((r) => ({ suite: `csv/${r.suite}`, files: r.files, crashes: r.crashes, checked: r.checked, passed: r.passed })),
  ];
}

function percent(passed: number, checked: number): string {
  return checked === 0 ? 'n/a' : `${((100 * passed) / checked).toFixed(1)}%`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = resolve(process.argv[2] ?? '../shared/corpora');
  if (!existsSync(dir)) {
    console.error(`no corpora at ${dir}`);
    process.exit(2);
  }
  const lines = runConformance(dir);
  for (const l of lines) {
    console.log(
      `${l.suite.padEnd(28)} files ${String(l.files).padStart(4)}  crashes ${l.crashes}  ` +
        `applicable ${String(l.checked).padStart(3)}  passed ${String(l.passed).padStart(3)}  ${percent(l.passed, l.checked)}`,
    );
  }
  const total = lines.reduce((t, l) => ({ files: t.files + l.files, crashes: t.crashes + l.crashes, checked: t.checked + l.checked, passed: t.passed + l.passed }), { files: 0, crashes: 0, checked: 0, passed: 0 });
  console.log(`${'all suites'.padEnd(28)} files ${String(total.files).padStart(4)}  crashes ${total.crashes}  applicable ${String(total.checked).padStart(3)}  passed ${String(total.passed).padStart(3)}  ${percent(total.passed, total.checked)}`);
  process.exitCode = total.crashes > 0 ? 1 : 0;
}
