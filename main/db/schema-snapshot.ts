// The committed schema.sql is the schema every migration adds up to; migrations.test.ts rebuilds it and
// diffs, so a change to the schema is always visible in review. `npm run db:schema` rewrites it.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadDb } from './database.js';
import { openDatabase } from './open-database.js';

export async function dumpSchema(db: ReadDb): Promise<string> {
  const rows = await db.all<{ sql: string }>(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
  );
  return `${rows.map((r) => `${r.sql};`).join('\n\n')}\n`;
}

export const SCHEMA_SNAPSHOT = fileURLToPath(new URL('./schema.sql', import.meta.url));

async function writeSnapshot(): Promise<void> {
  const dir = join(process.env.TMPDIR ?? '/tmp', `triage-schema-${process.pid}`);
  const db = await openDatabase(join(dir, 'schema.sqlite'));
  writeFileSync(SCHEMA_SNAPSHOT, await dumpSchema(db));
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  console.error(`wrote ${SCHEMA_SNAPSHOT}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void writeSnapshot();
