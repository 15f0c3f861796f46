// Bundles the Electron adapter: main as ESM (so import.meta.url finds the migrations and demo data copied
// beside it), the preload as one CommonJS file (a sandboxed preload cannot load other modules).
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const out = 'dist/electron';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['main/app/main.ts'],
  outfile: `${out}/main.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['electron', 'sqlite3'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
// The file reader runs in its own process (utilityProcess): its own bundle beside main.mjs.
await build({
  entryPoints: ['main/workers/parse-child.ts'],
  outfile: `${out}/parse-child.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({
  entryPoints: ['main/preload/preload.ts'],
  outfile: `${out}/preload.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
});
cpSync('main/db/migrations', `${out}/migrations`, { recursive: true });
cpSync('main/features/import/demo', `${out}/demo`, { recursive: true });
console.error(`built ${out}/main.mjs, ${out}/preload.cjs`);
