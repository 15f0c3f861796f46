// Demo data shipped with the app, so an officer can try the board before importing their own snapshots.
// It is a month of real incident news (CDNS, December 2019) in the Excel CSV format officers keep.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportInputFile } from './import-files.js';

export const DEMO_FILE_NAME = 'demo-items.csv';

export function defaultDemoDir(): string {
  return fileURLToPath(new URL('./demo/', import.meta.url));
}

export function readDemoFile(dir = defaultDemoDir()): ImportInputFile {
  return { name: DEMO_FILE_NAME, bytes: readFileSync(`${dir}/${DEMO_FILE_NAME}`) };
}
