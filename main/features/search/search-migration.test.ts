// Migration 0004 (full-text search, board_items) in the style of main/db/migrations.test.ts: a version-3
// database with data is migrated and the data is found; the hot queries keep their indexes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUserVersion } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { makeTempDir } from '../../testing/temp-database.js';
import { emptyBoardQuery } from './board-query.js';
import { queryBoard } from './board-repository.js';

describe('0004 full-text search', () => {
  it('keeps a version-3 database, copies every item to the board with its effective facts and indexes it', async () => {
    const path = join(makeTempDir(), 'v3.sqlite');
    const v3 = await openDatabase(path, { targetVersion: 3 });
    await v3.withTransaction(async (tx) => {
      await tx.run(`INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, body, status, source_name, created_at, updated_at)
                    VALUES (1, 'k1', 'h', 'ＵＳＢメモリ紛失', '青葉市', '2023-07-01', '職員が紛失', 'triage', 'cdns', 'now', 'now'),
                           (2, 'k2', 'h', '誤送信', NULL, NULL, '', 'new', NULL, 'now', 'now')`);
      await tx.run(`INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, kind, category, severity, appi_reportable, facts_json)
                    VALUES (1, 1, 'h', 'now', 'incident', 'loss', 2, 0, '{}')`);
      await tx.run(`INSERT INTO item_corrections (item_id, field, value_json, corrected_at, corrected_by) VALUES (1, 'severity', '3', 'now', 'officer')`);
    });
    await v3.close();

    const v4 = await openDatabase(path, { targetVersion: 4 });
    expect(await readUserVersion(v4)).toBe(4);
    expect(await v4.all('SELECT * FROM board_items ORDER BY item_id')).toEqual([
      { item_id: 1, status: 'triage', published_at: '2023-07-01', title: 'ＵＳＢメモリ紛失', organization: '青葉市', source_category: null,
        source_name: 'cdns', kind: 'incident', category: 'loss', severity: 3, appi_reportable: 0, relevance: null },
      { item_id: 2, status: 'new', published_at: null, title: '誤送信', organization: null, source_category: null,
        source_name: null, kind: null, category: null, severity: null, appi_reportable: null, relevance: null },
    ]);
    expect(await v4.all('SELECT item_id FROM search_pending ORDER BY item_id')).toEqual([{ item_id: 1 }, { item_id: 2 }]);
    await v4.close();
    // Brought to the current version (today's board query reads later migrations' columns too), the first
    // search indexes the queue, so items from before the migration are found.
    const latest = await openDatabase(path);
    const board = await queryBoard(latest, { ...emptyBoardQuery(), text: 'usb' }, { limit: 10, offset: 0, columns: ['triage'] });
    expect(board.columns[1]?.cards.map((c) => c.id)).toEqual([1]);
    expect(await latest.all('SELECT * FROM search_pending')).toEqual([]);
    await latest.close();
  });

  it('pages a column through board_items_by_status_date and searches through the FTS index', async () => {
    const db = await openDatabase(join(makeTempDir(), 'plan.sqlite'));
    const plan = async (sql: string) =>
      (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, [])).map((p) => p.detail).join(' | ');
    const page = await plan(`SELECT item_id FROM board_items b WHERE status = 'new' ORDER BY published_at DESC, item_id DESC LIMIT 50 OFFSET 100`);
    expect(page).toMatch(/board_items_by_status_date \(status=\?\)/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    // Counting a column under facet filters reads the covering index only.
    expect(await plan(`SELECT status, count(*) FROM board_items b WHERE kind = 'incident' AND severity IN (3, 4) AND source_name = 'IPA' GROUP BY status`))
      .toMatch(/COVERING INDEX board_items_by_status_facets/);
    expect(await plan(`SELECT item_id FROM board_items b WHERE 1 ORDER BY published_at DESC, item_id DESC LIMIT 50`))
      .toMatch(/board_items_by_date/);
    expect(await plan(`SELECT rowid FROM search_index WHERE search_index MATCH '"ab"'`)).toMatch(/VIRTUAL TABLE INDEX/);
    // The join from hits to board_items goes by primary key, never by scanning board_items.
    expect(await plan(`WITH hits AS MATERIALIZED (SELECT rowid AS item_id FROM search_index WHERE search_index MATCH '"ab"')
                       SELECT b.item_id FROM hits JOIN board_items b ON b.item_id = hits.item_id`))
      .toMatch(/SEARCH b USING INTEGER PRIMARY KEY/);
    await db.close();
  });
});
