import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { addTags, listItemTags } from '../annotations/annotations-repository.js';
import { correctFact, getItemFacts, listFieldChanges } from '../facts/facts-repository.js';
import { BulkBatchNotFoundError, InvalidBulkIdsError, bulkUpdateItems, undoBulkUpdate } from './bulk-update-repository.js';
import { getItem, ItemNotFoundError, moveItem } from './items-repository.js';

let t: TempDatabase;
const at = (iso: string) => () => new Date(iso);

/** An item in 新着 with the extractor's suggestion (category, severity) stored as the refresher would. */
async function addItem(id: number, category: string | null, severity: number | null) {
  await t.db.withTransaction(async (tx) => {
    await tx.run(
      `INSERT INTO items (id, identity_key, content_hash, title, published_at, created_at, updated_at)
       VALUES (?, ?, 'h', ?, '2023-07-01', 'now', 'now')`,
      [id, `k${id}`, `お知らせ${id}`],
    );
    await tx.run(`INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by) VALUES (?, NULL, 'new', 'now', 'import')`, [id]);
    await tx.run(
      `INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, category, severity, facts_json)
       VALUES (?, 1, 'h', 'now', ?, ?, ?)`,
      // facts_json holds only what correctFact reads of it here (the suggestion of these two fields).
      [id, category, severity, JSON.stringify({ category: { value: category }, severity: { value: severity } })],
    );
  });
}

/** What the board shows for an item: the board copy follows items and corrections by trigger. */
async function boardRow(id: number) {
  return t.db.get<{ status: string; category: string | null; severity: number | null }>(
    'SELECT status, category, severity FROM board_items WHERE item_id = ?',
    [id],
  );
}

async function statusesOf(ids: number[]) {
  return Promise.all(ids.map(async (id) => (await getItem(t.db, id)).status));
}

beforeEach(async () => {
  t = await openTempDatabase();
  for (const id of [1, 2, 3, 4, 5]) await addItem(id, id === 5 ? 'loss' : 'malware', 2);
});
afterEach(() => t.cleanup());

describe('bulkUpdateItems', () => {
  it('moves many items in one batch, recorded in each status history by the officer', async () => {
    await moveItem(t.db, 2, 'triage', 'sato');
    const result = await bulkUpdateItems(t.db, { ids: [1, 2, 3], change: { status: 'triage' }, by: 'tanaka', now: at('2026-11-25T10:00:00Z') });
    expect(result).toMatchObject({ changed: 2, unchanged: 1 });
    expect(result.batchId).toMatch(/^status:\d+-\d+$/);
    expect(await statusesOf([1, 2, 3, 4])).toEqual(['triage', 'triage', 'triage', 'new']);
    const history = (await getItem(t.db, 3)).history;
    expect(history[0]).toMatchObject({ from: 'new', to: 'triage', changedBy: 'tanaka', changedAt: '2026-11-25T10:00:00.000Z' });
    expect((await boardRow(1))?.status).toBe('triage');
  });

  it('sets category and severity as corrections, with field history from what the officer saw', async () => {
    await correctFact(t.db, { id: 2, field: 'category', value: 'ransomware', by: 'sato' });
    const result = await bulkUpdateItems(t.db, { ids: [1, 2, 5], change: { category: 'loss' }, by: 'tanaka' });
    expect(result).toMatchObject({ changed: 2, unchanged: 1 }); // 5 already showed 紛失 (its suggestion)
    expect(result.batchId).toMatch(/^field:\d+-\d+$/);
    expect((await getItemFacts(t.db, 1)).corrections).toEqual([expect.objectContaining({ field: 'category', value: 'loss', correctedBy: 'tanaka' })]);
    expect((await listFieldChanges(t.db, 1))[0]).toMatchObject({ field: 'category', from: 'malware', to: 'loss', changedBy: 'tanaka' });
    expect((await listFieldChanges(t.db, 2))[0]).toMatchObject({ field: 'category', from: 'ransomware', to: 'loss' });
    expect(await listFieldChanges(t.db, 5)).toEqual([]);
    expect((await boardRow(1))?.category).toBe('loss');

    await bulkUpdateItems(t.db, { ids: [3, 4], change: { severity: 4 }, by: 'tanaka' });
    expect((await boardRow(3))?.severity).toBe(4);
    expect((await boardRow(1))?.severity).toBe(2);
  });

  it('changes nothing when a statement fails midway (one transaction)', async () => {
    // A trigger that refuses item 3 makes the UPDATE fail after the history rows were inserted.
    await t.db.unsafeWriteHandle().exec(
      `CREATE TEMP TRIGGER refuse_three BEFORE UPDATE OF status ON items WHEN NEW.id = 3 BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    await expect(bulkUpdateItems(t.db, { ids: [1, 2, 3, 4], change: { status: 'dismissed' }, by: 'tanaka' })).rejects.toThrow('refused');
    expect(await statusesOf([1, 2, 3, 4])).toEqual(['new', 'new', 'new', 'new']);
    const rows = await t.db.get<{ n: number }>("SELECT count(*) AS n FROM status_changes WHERE changed_by = 'tanaka'");
    expect(rows?.n).toBe(0);
  });

  it('validates the ids: unknown items refuse the whole batch, duplicates and oversize lists are refused', async () => {
    await expect(bulkUpdateItems(t.db, { ids: [1, 99], change: { status: 'triage' }, by: 'tanaka' })).rejects.toBeInstanceOf(ItemNotFoundError);
    expect(await statusesOf([1])).toEqual(['new']);
    await expect(bulkUpdateItems(t.db, { ids: [1, 1], change: { status: 'triage' }, by: 'tanaka' })).rejects.toBeInstanceOf(InvalidBulkIdsError);
    await expect(bulkUpdateItems(t.db, { ids: [], change: { status: 'triage' }, by: 'tanaka' })).rejects.toBeInstanceOf(InvalidBulkIdsError);
    const tooMany = Array.from({ length: 5001 }, (_, i) => i + 1);
    await expect(bulkUpdateItems(t.db, { ids: tooMany, change: { status: 'triage' }, by: 'tanaka' })).rejects.toBeInstanceOf(InvalidBulkIdsError);
  });

  it('gives no batch when every item already has the value', async () => {
    expect(await bulkUpdateItems(t.db, { ids: [1, 2], change: { status: 'new' }, by: 'tanaka' })).toEqual({ batchId: null, changed: 0, unchanged: 2 });
  });
});

describe('undoBulkUpdate', () => {
  it('restores every item of the batch in one step, recorded as new history', async () => {
    await moveItem(t.db, 2, 'action', 'sato');
    const { batchId } = await bulkUpdateItems(t.db, { ids: [1, 2, 3], change: { status: 'dismissed' }, by: 'tanaka' });
    const undo = await undoBulkUpdate(t.db, batchId ?? '', 'tanaka');
    expect(undo).toEqual({ restored: 3, skipped: [] });
    expect(await statusesOf([1, 2, 3])).toEqual(['new', 'action', 'new']);
    expect((await getItem(t.db, 2)).history.slice(0, 2).map((c) => [c.from, c.to])).toEqual([['dismissed', 'action'], ['action', 'dismissed']]);
    expect((await boardRow(2))?.status).toBe('action');
  });

  it('leaves an item changed since the batch and reports it', async () => {
    const { batchId } = await bulkUpdateItems(t.db, { ids: [1, 2, 3], change: { status: 'triage' }, by: 'tanaka' });
    await moveItem(t.db, 2, 'action', 'sato');
    const undo = await undoBulkUpdate(t.db, batchId ?? '', 'tanaka');
    expect(undo).toEqual({ restored: 2, skipped: [2] });
    expect(await statusesOf([1, 2, 3])).toEqual(['new', 'action', 'new']);
  });

  it('puts facts back: a suggestion again where there was no correction, the earlier correction otherwise', async () => {
    await correctFact(t.db, { id: 2, field: 'severity', value: 3, by: 'sato' });
    const { batchId } = await bulkUpdateItems(t.db, { ids: [1, 2, 3], change: { severity: 4 }, by: 'tanaka' });
    await correctFact(t.db, { id: 3, field: 'severity', value: 1, by: 'sato' });
    const undo = await undoBulkUpdate(t.db, batchId ?? '', 'tanaka');
    expect(undo).toEqual({ restored: 2, skipped: [3] });
    expect((await getItemFacts(t.db, 1)).corrections).toEqual([]);
    expect((await getItemFacts(t.db, 2)).corrections).toEqual([expect.objectContaining({ field: 'severity', value: 3 })]);
    expect((await getItemFacts(t.db, 3)).corrections).toEqual([expect.objectContaining({ field: 'severity', value: 1 })]);
    expect([(await boardRow(1))?.severity, (await boardRow(2))?.severity, (await boardRow(3))?.severity]).toEqual([2, 3, 1]);
    expect((await listFieldChanges(t.db, 1))[0]).toMatchObject({ field: 'severity', from: 4, to: 2, changedBy: 'tanaka' });
  });

  it('adds tags to many items and the undo takes exactly those off again, leaving tags they had before', async () => {
    await t.db.withTransaction((tx) => addTags(tx, [1], ['Emotet'], { by: 'sato', at: 'earlier' }));
    const added = await bulkUpdateItems(t.db, { ids: [1, 2, 3], change: { addTags: ['Emotet', '要確認'] }, by: 'tanaka' });
    expect(added).toMatchObject({ changed: 3, unchanged: 0 });
    expect(added.batchId).toMatch(/^field:/);
    expect(await listItemTags(t.db, 1)).toEqual(['Emotet', '要確認']);
    expect((await listFieldChanges(t.db, 2))[0]).toMatchObject({ field: 'tags', from: [], to: ['Emotet', '要確認'], changedBy: 'tanaka' });
    // Someone changes item 3's tags afterwards: their change stands.
    await t.db.withTransaction((tx) => addTags(tx, [3], ['社外'], { by: 'sato', at: 'later' }));

    expect(await undoBulkUpdate(t.db, added.batchId ?? '', 'tanaka')).toEqual({ restored: 2, skipped: [3] });
    expect(await listItemTags(t.db, 1)).toEqual(['Emotet']);
    expect(await listItemTags(t.db, 2)).toEqual([]);
    expect(await listItemTags(t.db, 3)).toEqual(['Emotet', '社外', '要確認']);

    const removed = await bulkUpdateItems(t.db, { ids: [1, 3], change: { removeTags: ['Emotet'] }, by: 'tanaka' });
    expect(removed.changed).toBe(2);
    expect(await listItemTags(t.db, 1)).toEqual([]);
    await undoBulkUpdate(t.db, removed.batchId ?? '', 'tanaka');
    expect(await listItemTags(t.db, 1)).toEqual(['Emotet']);
    expect(await listItemTags(t.db, 3)).toEqual(['Emotet', '社外', '要確認']);
  });

  it('refuses an id that names no whole batch', async () => {
    const { batchId } = await bulkUpdateItems(t.db, { ids: [1, 2, 3], change: { status: 'triage' }, by: 'tanaka' });
    const [, first, last] = /(\d+)-(\d+)$/.exec(batchId ?? '') ?? [];
    await expect(undoBulkUpdate(t.db, `status:${first}-${Number(last) - 1}`, 'tanaka')).rejects.toBeInstanceOf(BulkBatchNotFoundError);
    await expect(undoBulkUpdate(t.db, 'status:90000-90001', 'tanaka')).rejects.toBeInstanceOf(BulkBatchNotFoundError);
    await expect(undoBulkUpdate(t.db, 'field:1-1', 'tanaka')).rejects.toBeInstanceOf(BulkBatchNotFoundError);
    expect(await statusesOf([1, 2, 3])).toEqual(['triage', 'triage', 'triage']);
  });

  it('handles the largest batch in one transaction', async () => {
    await t.db.withTransaction(async (tx) => {
      await tx.run(
        `WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 5004)
         INSERT INTO items (id, identity_key, content_hash, title, created_at, updated_at)
         SELECT i, 'k' || i, 'h', 'item ' || i, 'now', 'now' FROM n`,
      );
    });
    const ids = Array.from({ length: 4995 }, (_, i) => i + 10);
    const started = performance.now();
    const { batchId, changed } = await bulkUpdateItems(t.db, { ids, change: { category: 'phishing_fraud' }, by: 'tanaka' });
    const undo = await undoBulkUpdate(t.db, batchId ?? '', 'tanaka');
    expect(changed).toBe(4995);
    expect(undo.restored).toBe(4995);
    expect((await boardRow(5004))?.category).toBeNull();
    // Set-based statements: generous bound for a machine shared with other test runs.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
