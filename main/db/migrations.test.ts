import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../shared/domain/vocabulary.js';
import { Connection } from './database.js';
import { MigrationSequenceError } from './database-errors.js';
import { loadMigrations, migrate, readUserVersion } from './migrate.js';
import { openDatabase } from './open-database.js';
import { dumpSchema, SCHEMA_SNAPSHOT } from './schema-snapshot.js';
import { makeTempDir } from '../testing/temp-database.js';

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('refuse a gap in the numbering and a badly named file', () => {
    const gap = makeTempDir();
    writeFileSync(join(gap, '0001_a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(gap, '0003_c.sql'), 'CREATE TABLE c (x);');
    expect(() => loadMigrations(gap)).toThrow(MigrationSequenceError);
    const badName = makeTempDir();
    writeFileSync(join(badName, '1_a.sql'), 'CREATE TABLE a (x);');
    expect(() => loadMigrations(badName)).toThrow(/NNNN_name\.sql/);
  });

  it('roll back all pending migrations and the version bump when one fails', async () => {
    const db = await Connection.open(join(makeTempDir(), 'fail.sqlite'), 'readwrite-create');
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1)' },
    ];
    await expect(migrate(db, broken)).rejects.toThrow(/nowhere/);
    expect(await readUserVersion(db)).toBe(0);
    expect(await db.all("SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([]);
    await db.close();
  });

  it('0001 keeps only the board statuses of the vocabulary', async () => {
    const db = await openDatabase(join(makeTempDir(), 'status.sqlite'));
    const insert = (status: string) =>
      db.withTransaction((tx) =>
        tx.run(
          `INSERT INTO items (identity_key, content_hash, title, status, created_at, updated_at) VALUES (?, 'h', 't', ?, 'now', 'now')`,
          [`k-${status}`, status],
        ),
      );
    for (const status of STATUSES) await insert(status);
    await expect(insert('archived')).rejects.toThrow(/CHECK constraint/);
    await db.close();
  });

  it('0001 makes the status history append-only', async () => {
    const db = await openDatabase(join(makeTempDir(), 'history.sqlite'));
    await db.withTransaction(async (tx) => {
      await tx.run(`INSERT INTO items (id, identity_key, content_hash, title, created_at, updated_at) VALUES (1, 'k', 'h', 't', 'now', 'now')`);
      await tx.run(`INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by) VALUES (1, NULL, 'new', 'now', 'me')`);
    });
    await expect(db.withTransaction((tx) => tx.run("UPDATE status_changes SET to_status = 'dismissed'"))).rejects.toThrow(/append-only/);
    await db.close();
  });

  it('match the committed schema snapshot (main/db/schema.sql)', async () => {
    const db = await openDatabase(join(makeTempDir(), 'snapshot.sqlite'));
    const schema = await dumpSchema(db);
    await db.close();
    const committed = readFileSync(SCHEMA_SNAPSHOT, 'utf8');
    expect(schema).toBe(committed);
  });

  it('the board query uses the status index', async () => {
    const db = await openDatabase(join(makeTempDir(), 'plan.sqlite'));
    const plan = await db.all<{ detail: string }>(
      "EXPLAIN QUERY PLAN SELECT id FROM items WHERE status = 'new' ORDER BY published_at DESC, id DESC LIMIT 50",
    );
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/items_by_status_date/);
    await db.close();
  });
});

describe('0002 import history', () => {
  it('keeps the data of a version-1 database and adds the history columns and table', async () => {
    const path = join(makeTempDir(), 'v1.sqlite');
    const v1 = await openDatabase(path, { targetVersion: 1 });
    expect(await readUserVersion(v1)).toBe(1);
    await v1.withTransaction(async (tx) => {
      await tx.run(`INSERT INTO import_batches (id, file_name, file_size, sha256, format, started_at, finished_at, imported) VALUES (1, 'a.csv', 10, 'x', 'csv', 't', 't', 1)`);
      await tx.run(`INSERT INTO items (id, identity_key, content_hash, title, import_batch_id, created_at, updated_at) VALUES (1, 'k', 'h', '既存の項目', 1, 'now', 'now')`);
    });
    await v1.close();
    const v2 = await openDatabase(path, { targetVersion: 2 });
    expect(await readUserVersion(v2)).toBe(2);
    expect(await v2.get('SELECT title, import_batch_id FROM items WHERE id = 1')).toEqual({ title: '既存の項目', import_batch_id: 1 });
    expect(await v2.get('SELECT imported, undone_at, removed FROM import_batches WHERE id = 1')).toEqual({ imported: 1, undone_at: null, removed: 0 });
    expect(await v2.all('SELECT * FROM item_updates')).toEqual([]);
    await v2.close();
  });
});

describe('0003 facts and corrections', () => {
  it('keeps a version-2 database and adds facts, corrections, field history and settings', async () => {
    const path = join(makeTempDir(), 'v2.sqlite');
    const v2 = await openDatabase(path, { targetVersion: 2 });
    await v2.withTransaction(async (tx) => {
      await tx.run(`INSERT INTO items (id, identity_key, content_hash, title, created_at, updated_at) VALUES (1, 'k', 'h', '既存の項目', 'now', 'now')`);
    });
    await v2.close();
    const v3 = await openDatabase(path, { targetVersion: 3 });
    expect(await readUserVersion(v3)).toBe(3);
    expect(await v3.get('SELECT title FROM items WHERE id = 1')).toEqual({ title: '既存の項目' });
    await v3.withTransaction(async (tx) => {
      await tx.run(`INSERT INTO item_corrections (item_id, field, value_json, corrected_at, corrected_by) VALUES (1, 'category', '"loss"', 'now', 'officer')`);
      await tx.run(`INSERT INTO field_changes (item_id, field, from_json, to_json, changed_at, changed_by) VALUES (1, 'category', NULL, '"loss"', 'now', 'officer')`);
    });
    await expect(v3.withTransaction((tx) => tx.run(`UPDATE field_changes SET to_json = '"theft"'`))).rejects.toThrow(/append-only/);
    await expect(
      v3.withTransaction((tx) => tx.run(`INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, severity, facts_json) VALUES (1, 1, 'h', 'now', 9, '{}')`)),
    ).rejects.toThrow(/CHECK/);
    await v3.close();
  });
});
