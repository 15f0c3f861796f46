import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection } from './database.js';
import { DatabaseCorruptError, DatabaseFromNewerVersionError, ForeignDatabaseError } from './database-errors.js';
import { loadMigrations, readUserVersion } from './migrate.js';
import { APPLICATION_ID, openDatabase } from './open-database.js';
import { makeTempDir } from '../testing/temp-database.js';

const toClose: Connection[] = [];
afterEach(async () => {
  while (toClose.length) await toClose.pop()?.close();
});

async function open(path: string) {
  const db = await openDatabase(path);
  toClose.push(db);
  return db;
}

describe('openDatabase', () => {
  it('creates a new database with WAL, foreign keys, our application id and the latest schema', async () => {
    const path = join(makeTempDir(), 'sub', 'new.sqlite');
    const db = await open(path);
    expect((await db.get<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode).toBe('wal');
    expect((await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys).toBe(1);
    expect((await db.get<{ application_id: number }>('PRAGMA application_id'))?.application_id).toBe(APPLICATION_ID);
    expect(await readUserVersion(db)).toBe(loadMigrations().length);
  });

  it('reopens an existing database without migrating again', async () => {
    const path = join(makeTempDir(), 'again.sqlite');
    const first = await openDatabase(path);
    await first.withTransaction((tx) =>
      tx.run(`INSERT INTO import_batches (file_name, file_size, sha256, format, started_at, finished_at) VALUES ('a', 1, 'x', 'csv', 't', 't')`),
    );
    await first.close();
    const second = await open(path);
    expect((await second.get<{ n: number }>('SELECT count(*) AS n FROM import_batches'))?.n).toBe(1);
  });

  it('D12 refuses a database from a newer app version and leaves the file unchanged', async () => {
    const path = join(makeTempDir(), 'newer.sqlite');
    const db = await openDatabase(path);
    await db.unsafeWriteHandle().exec('PRAGMA user_version = 999');
    await db.close();
    const before = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    await expect(openDatabase(path)).rejects.toBeInstanceOf(DatabaseFromNewerVersionError);
    await expect(openDatabase(path)).rejects.toThrow(/newer Triage Desk/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('D12 refuses a SQLite file of another application', async () => {
    const path = join(makeTempDir(), 'foreign.sqlite');
    const other = await Connection.open(path, 'readwrite-create');
    await other.unsafeWriteHandle().exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'x\')');
    await other.close();
    await expect(openDatabase(path)).rejects.toBeInstanceOf(ForeignDatabaseError);
  });

  it('D6 refuses a file whose header is garbage, without touching it', async () => {
    const path = join(makeTempDir(), 'garbage.sqlite');
    const bytes = Buffer.alloc(8192, 0x41);
    writeFileSync(path, bytes);
    await expect(openDatabase(path)).rejects.toBeInstanceOf(DatabaseCorruptError);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('D6 refuses a database with a damaged page (quick_check fails)', async () => {
    const path = join(makeTempDir(), 'damaged.sqlite');
    const db = await openDatabase(path);
    await db.withTransaction(async (tx) => {
      for (let i = 0; i < 400; i++) {
        await tx.run(
          `INSERT INTO import_batches (file_name, file_size, sha256, format, started_at, finished_at) VALUES (?, 1, 'x', 'csv', 't', 't')`,
          [`file-${i}-${'x'.repeat(200)}`],
        );
      }
    });
    await db.unsafeWriteHandle().exec('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.close();
    const bytes = readFileSync(path);
    // Scribble over the header of every page after the first: b-tree pages quick_check must read.
    for (let page = 4096; page < bytes.length; page += 4096) bytes.fill(0xff, page, page + 16);
    writeFileSync(path, bytes);
    await expect(openDatabase(path)).rejects.toBeInstanceOf(DatabaseCorruptError);
  });

  it('D7 refuses a 0-byte file instead of silently starting a new database', async () => {
    const path = join(makeTempDir(), 'empty.sqlite');
    writeFileSync(path, '');
    await expect(openDatabase(path)).rejects.toThrow(/empty/);
    expect(statSync(path).size).toBe(0);
  });
});

describe('withTransaction', () => {
  it('rolls back every statement of a failed transaction', async () => {
    const db = await open(join(makeTempDir(), 'tx.sqlite'));
    await expect(
      db.withTransaction(async (tx) => {
        await tx.run(`INSERT INTO import_batches (file_name, file_size, sha256, format, started_at, finished_at) VALUES ('a', 1, 'x', 'csv', 't', 't')`);
        await tx.run('INSERT INTO no_such_table VALUES (1)');
      }),
    ).rejects.toThrow(/no_such_table/);
    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM import_batches'))?.n).toBe(0);
  });

  it('D10 serialises concurrent transactions instead of nesting them', async () => {
    const db = await open(join(makeTempDir(), 'concurrent.sqlite'));
    const insert = (name: string) =>
      db.withTransaction(async (tx) => {
        await tx.run(`INSERT INTO import_batches (file_name, file_size, sha256, format, started_at, finished_at) VALUES (?, 1, 'x', 'csv', 't', 't')`, [name]);
        await new Promise((r) => setTimeout(r, 5));
        await tx.run(`INSERT INTO import_batches (file_name, file_size, sha256, format, started_at, finished_at) VALUES (?, 1, 'x', 'csv', 't', 't')`, [name]);
      });
    await Promise.all([insert('a'), insert('b'), insert('c')]);
    const rows = await db.all<{ file_name: string }>('SELECT file_name FROM import_batches ORDER BY id');
    expect(rows.map((r) => r.file_name).join('')).toMatch(/^(aa|bb|cc){3}$/);
  });
});
