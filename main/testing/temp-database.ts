// Tests run against real SQLite files in a fresh temporary folder, never a mocked database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../db/database.js';
import { openDatabase, type OpenOptions } from '../db/open-database.js';

export interface TempDatabase {
  db: Connection;
  dir: string;
  path: string;
  cleanup: () => Promise<void>;
}

export function makeTempDir(prefix = 'triage-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openTempDatabase(options: OpenOptions = {}): Promise<TempDatabase> {
  const dir = makeTempDir();
  const path = join(dir, 'test.sqlite');
  const db = await openDatabase(path, options);
  return {
    db,
    dir,
    path,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
