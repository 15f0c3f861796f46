// Opening is where a database is trusted or refused. Every check runs before the first write, so a file
// that is corrupt, foreign or from a newer app version is left byte-for-byte as it was found.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from './database.js';
import { DatabaseCorruptError, ForeignDatabaseError } from './database-errors.js';
import { loadMigrations, migrate, type Migration } from './migrate.js';

/** 'TRDK' in the SQLite header: tells our files from any other SQLite file someone points us at. */
export const APPLICATION_ID = 0x5452444b;

export interface OpenOptions {
  migrations?: Migration[];
  /** Stop at this schema version (tests of a single migration). */
  targetVersion?: number;
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Connection> {
  const existing = statOrNull(path);
  if (existing && existing.size === 0) {
    // SQLite would silently treat this as a new database; an empty file where a database was expected is
    // more likely a truncated copy than a fresh start.
    throw new DatabaseCorruptError(path, 'the file is empty (0 bytes)');
  }
  if (!existing) mkdirSync(dirname(path), { recursive: true });

  const db = await Connection.open(path, existing ? 'readwrite' : 'readwrite-create');
  try {
    const setup = db.unsafeWriteHandle();
    await setup.exec('PRAGMA busy_timeout = 5000');
    await checkIntegrity(db);
    await checkApplicationId(db, existing !== null);
    // WAL lets the board read while an import writes; FULL keeps every import the app reported as
    // committed through a power loss (NORMAL would only promise no corruption).
    await setup.exec('PRAGMA journal_mode = WAL');
    await setup.exec('PRAGMA synchronous = FULL');
    await setup.exec('PRAGMA foreign_keys = ON');
    // A 64 MB page cache (SQLite's default is 2 MB) holds the board's narrow copy of 100,000 items and its
    // indexes (~35 MB): a search joining 60,000 hits to board_items then reads pages from memory instead of
    // from the OS (npm run bench:board: ~30% off a common word). Pages are only taken as they are read.
    await setup.exec('PRAGMA cache_size = -65536');
    const migrations = options.migrations ?? loadMigrations();
    await migrate(db, migrations, options.targetVersion ?? migrations.length);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function checkIntegrity(db: Connection): Promise<void> {
  let rows: { quick_check: string }[];
  try {
    rows = await db.all<{ quick_check: string }>('PRAGMA quick_check');
  } catch (error) {
    // SQLITE_NOTADB / SQLITE_CORRUPT surface here for files with a damaged header.
    throw new DatabaseCorruptError(db.path, error instanceof Error ? error.message : String(error));
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new DatabaseCorruptError(db.path, problems.slice(0, 3).join('; '));
}

async function checkApplicationId(db: Connection, existed: boolean): Promise<void> {
  const id = (await db.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
  if (id === APPLICATION_ID) return;
  const objects = (await db.get<{ n: number }>('SELECT count(*) AS n FROM sqlite_master'))?.n ?? 0;
  if (id !== 0 || (existed && objects > 0)) throw new ForeignDatabaseError(db.path);
  await db.unsafeWriteHandle().exec(`PRAGMA application_id = ${APPLICATION_ID}`);
}

function statOrNull(path: string): { size: number } | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
