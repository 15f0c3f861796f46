import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { insertBatch, upsertItems, type ItemFields } from './import-repository.js';
import { computeIdentityKey, computeStoryHash } from './item-identity.js';

function record(title: string, publishedAt: string | null, body: string, extra: Partial<ItemFields> = {}): ItemFields {
  return {
    identityKey: computeIdentityKey({ title, publishedAt, sourceUrl: null }),
    contentHash: computeStoryHash({ title, publishedAt, body }),
    title,
    organization: null,
    publishedAt,
    publishedAtRaw: publishedAt,
    sourceCategory: null,
    sourceName: null,
    sourceUrl: null,
    body,
    extra: {},
    ...extra,
  };
}

let t: TempDatabase;
beforeEach(async () => {
  t = await openTempDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

async function importRecords(records: ItemFields[]) {
  return t.db.withTransaction(async (tx) => {
    const batch = await insertBatch(tx, { fileName: 'f', fileSize: 1, sha256: 'x', format: 'txt', encoding: null, startedAt: 'now' });
    return upsertItems(tx, records, batch, 'now', 'tester');
  });
}

describe('C13 identity across a missing date', () => {
  it('an undated page copy is the dated feed item with that title, and the dated feed meets an undated item', async () => {
    expect(await importRecords([record('A市で個人情報漏えい', '2023-07-21', 'フィードの本文')])).toEqual(['imported']);
    expect(await importRecords([record('A市で個人情報漏えい', null, 'ページの本文')])).toEqual(['updated']);
    // The page copy took nothing away: the date stays.
    expect(await t.db.all('SELECT published_at, body FROM items')).toEqual([{ published_at: '2023-07-21', body: 'ページの本文' }]);

    expect(await importRecords([record('B社のランサムウェア被害', null, 'ページ')])).toEqual(['imported']);
    expect(await importRecords([record('B社のランサムウェア被害', '2023-07-20', 'フィード')])).toEqual(['updated']);
    expect(await t.db.get("SELECT count(*) AS n FROM items WHERE title = 'B社のランサムウェア被害'")).toEqual({ n: 1 });
    // It now carries the dated key: the feed's next snapshot is a plain duplicate.
    expect(await importRecords([record('B社のランサムウェア被害', '2023-07-20', 'フィード')])).toEqual(['duplicate']);
  });

  it('an undated record whose title several dated items share stays a new item (ambiguous)', async () => {
    await importRecords([record('メンテナンスのお知らせ', '2023-01-01', '1月'), record('メンテナンスのお知らせ', '2023-02-01', '2月')]);
    expect(await importRecords([record('メンテナンスのお知らせ', null, 'いつか')])).toEqual(['imported']);
    expect(await t.db.get('SELECT count(*) AS n FROM items')).toEqual({ n: 3 });
  });

  it('two snapshots of one story that differ do not replace each other on every re-import', async () => {
    await importRecords([record('C社の誤送信', '2023-07-01', 'フィードの本文')]);
    expect(await importRecords([record('C社の誤送信', '2023-07-01', 'ページの本文(長い)')])).toEqual(['updated']);
    expect(await importRecords([record('C社の誤送信', '2023-07-01', 'フィードの本文')])).toEqual(['duplicate']);
    expect(await importRecords([record('C社の誤送信', '2023-07-01', 'ページの本文(長い)')])).toEqual(['duplicate']);
    // A genuinely new text is still an update.
    expect(await importRecords([record('C社の誤送信', '2023-07-01', '訂正版の本文')])).toEqual(['updated']);
    expect(await t.db.get('SELECT count(*) AS n FROM item_updates')).toEqual({ n: 2 });
  });
});
