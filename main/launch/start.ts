// `npm start`: the Electron app where its binary exists, otherwise — in one clear line — the browser
// shell, so `npm install && npm start` works on every machine.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runServe } from '../http-shell/serve-cli.js';
import { findElectronBinary } from './electron-binary.js';

const electron = findElectronBinary();
const args = process.argv.slice(2);
if (electron.available) {
  const mainPath = fileURLToPath(new URL('../../dist/electron/main.mjs', import.meta.url));
  const child = spawn(electron.path, [mainPath, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error(`Electron を起動できないため、ブラウザ版で起動します (${electron.reason}).`);
  runServe(args).catch((error: unknown) => {
    console.error(`triage-desk: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
