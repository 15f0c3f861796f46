// Migration 0005 (bulletins) on a database that already holds items at version 4: the items stay, the
// new tables arrive empty, and the rules the schema enforces by itself hold.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Connection } from '../../db/database.js';
import { loadMigrations, migrate, readUserVersion } from '../../db/migrate.js';
import { makeTempDir } from '../../testing/temp-database.js';

const BULLETIN = `INSERT INTO bulletins (id, number, year, sequence, version, template, title, date, classification, body_markdown,
  state, created_at, created_by, updated_at) VALUES (?, 'SEC-2023-001', 2023, 1, ?, 'single', 't', '2023-07-14', ?, 'b', ?, 'now', 'me', 'now')`;

describe('migration 0005_bulletins', () => {
  it('keeps the items of version 4 and adds the bulletin tables with their guards', async () => {
    const migrations = loadMigrations();
    expect(migrations[4]?.name).toBe('bulletins');
    const db = await Connection.open(join(makeTempDir(), 'm5.sqlite'), 'readwrite-create');
    await migrate(db, migrations, 4);
    await db.withTransaction((tx) =>
      tx.run(`INSERT INTO items (id, identity_key, content_hash, title, created_at, updated_at) VALUES (7, 'k', 'h', '既存の記事', 'now', 'now')`),
    );
    await migrate(db, migrations, 5);
    expect(await readUserVersion(db)).toBe(5);
    expect(await db.get('SELECT title FROM items WHERE id = 7')).toEqual({ title: '既存の記事' });
    expect(await db.get('SELECT count(*) AS n FROM bulletins')).toEqual({ n: 0 });

    await db.withTransaction(async (tx) => {
      await tx.run(BULLETIN, [1, 1, '社外秘', 'draft']);
      await tx.run('INSERT INTO bulletin_items (bulletin_id, item_id, position) VALUES (1, 7, 0)');
    });
    // The label, state and number are constrained by the schema itself.
    await expect(db.withTransaction((tx) => tx.run(BULLETIN, [2, 2, '極秘', 'draft']))).rejects.toThrow(/CHECK/);
    await expect(db.withTransaction((tx) => tx.run(BULLETIN, [3, 2, '公開', 'published']))).rejects.toThrow(/CHECK/);
    await expect(db.withTransaction((tx) => tx.run(BULLETIN, [4, 1, '公開', 'draft']))).rejects.toThrow(/UNIQUE/);

    // Issued: frozen, kept, with append-only history and artifacts.
    await db.withTransaction((tx) => tx.run("UPDATE bulletins SET state = 'issued' WHERE id = 1"));
    await expect(db.withTransaction((tx) => tx.run("UPDATE bulletins SET title = 'x' WHERE id = 1"))).rejects.toThrow(/frozen/);
    await expect(db.withTransaction((tx) => tx.run('DELETE FROM bulletins WHERE id = 1'))).rejects.toThrow(/kept/);
    await db.withTransaction(async (tx) => {
      await tx.run("INSERT INTO bulletin_changes (bulletin_id, action, changed_at, changed_by) VALUES (1, 'issued', 'now', 'me')");
      await tx.run("INSERT INTO bulletin_artifacts (bulletin_id, html, html_sha256, sources_json, issued_at, issued_by) VALUES (1, x'3c703e', 'h', '[]', 'now', 'me')");
    });
    await expect(db.withTransaction((tx) => tx.run("UPDATE bulletin_changes SET action = 'x'"))).rejects.toThrow(/append-only/);
    await expect(db.withTransaction((tx) => tx.run("UPDATE bulletin_artifacts SET html = x'00'"))).rejects.toThrow(/kept as issued/);

    // "Which bulletins covered this item" uses the item index.
    const plan = await db.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT bulletin_id FROM bulletin_items WHERE item_id = 7');
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/bulletin_items_by_item/);
    await db.close();
  });
});
