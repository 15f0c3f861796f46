// The export carries the officer's tags (domain.md's export contract has tags[]), sorted, and [] when none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { addTags } from '../annotations/annotations-repository.js';
import { listExportedItems } from './export-repository.js';

let t: TempDatabase;

beforeEach(async () => {
  t = await openTempDatabase();
  await t.db.withTransaction(async (tx) => {
    for (const id of [1, 2]) {
      await tx.run(
        `INSERT INTO items (id, identity_key, content_hash, title, published_at, created_at, updated_at)
         VALUES (?, ?, 'h', ?, '2023-07-0' || ?, 'now', 'now')`,
        [id, `k${id}`, `お知らせ${id}`, id],
      );
    }
  });
});
afterEach(() => t.cleanup());

describe('listExportedItems', () => {
  it('exports each item with its tags, sorted, and [] for an item without any', async () => {
    await t.db.withTransaction((tx) => addTags(tx, [1], ['要確認', 'APPI'], { by: 'tanaka', at: '2026-11-25T00:00:00.000Z' }).then(() => undefined));
    const items = await listExportedItems(t.db);
    expect(items.map((i) => [i.id, i.tags])).toEqual([
      [2, []],
      [1, ['APPI', '要確認']],
    ]);
  });
});
