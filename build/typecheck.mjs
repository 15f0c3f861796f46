// Type-checks the three projects of tsconfig.json. The Electron adapter's project needs the optional
// `electron` package for its types; where npm dropped it (download blocked) that project is skipped
// with the reason, and the two others still gate the build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.electron.json'];
let failed = false;
for (const project of projects) {
  if (project === 'tsconfig.electron.json' && !existsSync('node_modules/electron/electron.d.ts')) {
    console.error(`typecheck: skipped ${project}: the optional electron package is not installed ` +
      '(install it with ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install to check the adapter).');
    continue;
  }
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
    console.error(`typecheck: ${project} ok`);
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
