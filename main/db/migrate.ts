// Numbered SQL files, applied in order inside one transaction with the user_version bump, so a database is
// always at exactly one known schema version. Migrations are never edited after they land: a change is a
// new file.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connection } from './database.js';
import { DatabaseFromNewerVersionError, MigrationSequenceError } from './database-errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9-]+)\.sql$/;

/** The folder beside this module; the Electron bundle copies it next to main.cjs under the same name. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new MigrationSequenceError(`migration file name ${file} is not NNNN_name.sql`);
      return { version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(`${dir}/${file}`, 'utf8') };
    });
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new MigrationSequenceError(`migrations must be numbered 1, 2, 3… without gaps; found ${m.version} at ${index + 1}`);
    }
  });
  return migrations;
}

export async function readUserVersion(db: Connection): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** Brings the database up to `target` (default: the newest migration). Returns the versions applied. */
export async function migrate(db: Connection, migrations: Migration[], target = migrations.length): Promise<number[]> {
  const current = await readUserVersion(db);
  const latest = migrations.length;
  if (current > latest) throw new DatabaseFromNewerVersionError(db.path, current, latest);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  await db.withTransaction(async (tx) => {
    for (const m of pending) await tx.exec(m.sql);
    // PRAGMA cannot take a bound parameter; the value is an integer we computed.
    await tx.exec(`PRAGMA user_version = ${Math.trunc(target)}`);
  });
  return pending.map((m) => m.version);
}
