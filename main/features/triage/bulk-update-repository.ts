// Bulk changes (status, category, severity, tags of many items) and their undo, each in ONE transaction and
// recorded in the same history rows as a single change: status_changes for the status, field_changes plus
// item_corrections for facts (category and severity are facts; the officer's value is a correction), and
// the annotations' own addTags/removeTags for tags (one `tags` row per item, whole list before → after).
//
// A batch is named by the range of history row ids it wrote (shared/domain/bulk-change.ts): the transaction
// queue of Connection serialises writers, so one batch's rows are consecutive and nobody else's are among
// them. The undo re-reads those rows, so it needs nothing kept in memory and still works after a restart.
import type { BulkChange, BulkUndoResult, BulkUpdateResult } from '../../../shared/domain/bulk-change.js';
import { MAX_BULK_ITEMS } from '../../../shared/domain/bulk-change.js';
import type { Connection, WriteDb } from '../../db/database.js';
import { addTags, removeTags } from '../annotations/annotations-repository.js';
import { ItemNotFoundError } from './item-not-found-error.js';

/** The batch id names no complete batch of history rows (made up, partial, or from another database). */
export class BulkBatchNotFoundError extends Error {
  constructor(readonly batchId: string) {
    super(`no bulk change ${batchId} in the history`);
    this.name = 'BulkBatchNotFoundError';
  }
}

/** More ids than one bulk action may carry, or the same id twice. */
export class InvalidBulkIdsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBulkIdsError';
  }
}

export interface BulkUpdateInput {
  ids: readonly number[];
  change: BulkChange;
  by: string;
  now?: () => Date;
}

type FactField = 'category' | 'severity';

interface BatchRange {
  table: 'status' | 'field';
  first: number;
  last: number;
}

// Every statement takes the ids as ONE JSON parameter: 5,000 ids stay far under the host-parameter limit
// and each step is one set-based statement instead of 5,000 round trips.
const IDS = 'SELECT value FROM json_each(?)';

function batchIdOf(table: BatchRange['table'], lastId: number, count: number): string | null {
  return count === 0 ? null : `${table}:${lastId - count + 1}-${lastId}`;
}

function parseBatchId(batchId: string): BatchRange {
  const match = /^(status|field):(\d+)-(\d+)$/.exec(batchId);
  if (!match) throw new BulkBatchNotFoundError(batchId);
  const first = Number(match[2]);
  const last = Number(match[3]);
  if (!(first >= 1 && last >= first && last - first < MAX_BULK_ITEMS)) throw new BulkBatchNotFoundError(batchId);
  return { table: match[1] === 'status' ? 'status' : 'field', first, last };
}

function checkIds(ids: readonly number[]): string {
  if (ids.length === 0 || ids.length > MAX_BULK_ITEMS) throw new InvalidBulkIdsError(`a bulk change takes 1 to ${MAX_BULK_ITEMS} items, not ${ids.length}`);
  if (new Set(ids).size !== ids.length) throw new InvalidBulkIdsError('the same item is listed twice');
  if (!ids.every((id) => Number.isSafeInteger(id) && id > 0)) throw new InvalidBulkIdsError('item ids are positive integers');
  return JSON.stringify(ids);
}

/** All or nothing: an id that names no item refuses the whole batch (the board showed a stale card). */
async function requireItems(tx: WriteDb, idsJson: string, ids: readonly number[]): Promise<void> {
  const found = await tx.all<{ id: number }>(`SELECT id FROM items WHERE id IN (${IDS})`, [idsJson]);
  if (found.length === ids.length) return;
  const known = new Set(found.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id));
  throw new ItemNotFoundError(missing ?? ids[0] ?? 0);
}

async function updateStatus(tx: WriteDb, idsJson: string, to: string, at: string, by: string): Promise<{ lastId: number; changes: number }> {
  const recorded = await tx.run(
    `INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by)
     SELECT id, status, ?, ?, ? FROM items WHERE id IN (${IDS}) AND status <> ? ORDER BY id`,
    [to, at, by, idsJson, to],
  );
  await tx.run(`UPDATE items SET status = ?, updated_at = ? WHERE id IN (${IDS}) AND status <> ?`, [to, at, idsJson, to]);
  return recorded;
}

interface FactRow {
  id: number;
  correction: string | null;
  suggestion: string | null;
}

/**
 * The officer's value becomes a correction. The history says what the officer saw change, as correctFact
 * does: from the correction if there was one, else from the suggestion. An item already showing the value
 * records nothing.
 */
async function updateFact(tx: WriteDb, idsJson: string, field: FactField, value: unknown, at: string, by: string): Promise<{ lastId: number; changes: number }> {
  const toJson = JSON.stringify(value);
  const rows = await tx.all<FactRow>(
    `SELECT items.id AS id, c.value_json AS correction, json_quote(f.${field}) AS suggestion
     FROM items LEFT JOIN item_facts f ON f.item_id = items.id
     LEFT JOIN item_corrections c ON c.item_id = items.id AND c.field = ?
     WHERE items.id IN (${IDS}) ORDER BY items.id`,
    [field, idsJson],
  );
  const changing = rows
    .map((r) => ({ id: r.id, from: r.correction ?? r.suggestion ?? 'null' }))
    .filter((r) => r.from !== toJson);
  if (changing.length === 0) return { lastId: 0, changes: 0 };
  const changingJson = JSON.stringify(changing.map((r) => [r.id, r.from]));
  const recorded = await tx.run(
    `INSERT INTO field_changes (item_id, field, from_json, to_json, changed_at, changed_by)
     SELECT json_extract(value, '$[0]'), ?, json_extract(value, '$[1]'), ?, ?, ? FROM json_each(?) ORDER BY key`,
    [field, toJson, at, by, changingJson],
  );
  // WHERE true: SQLite's parser needs it to tell the upsert's ON CONFLICT from a join constraint.
  await tx.run(
    `INSERT INTO item_corrections (item_id, field, value_json, corrected_at, corrected_by)
     SELECT json_extract(value, '$[0]'), ?, ?, ?, ? FROM json_each(?) WHERE true
     ON CONFLICT (item_id, field) DO UPDATE SET value_json = excluded.value_json,
       corrected_at = excluded.corrected_at, corrected_by = excluded.corrected_by`,
    [field, toJson, at, by, changingJson],
  );
  return recorded;
}

/** Tags added or removed by the annotations module, which writes one field_changes row per changed item, last. */
async function updateTags(tx: WriteDb, ids: readonly number[], tags: readonly string[], mode: 'add' | 'remove', at: string, by: string): Promise<{ lastId: number; changes: number }> {
  const changed = await (mode === 'add' ? addTags : removeTags)(tx, ids, tags, { by, at });
  if (changed.length === 0) return { lastId: 0, changes: 0 };
  const last = await tx.get<{ id: number }>("SELECT max(id) AS id FROM field_changes WHERE field = 'tags'");
  return { lastId: last?.id ?? 0, changes: changed.length };
}

/** Applies one change to every listed item in one transaction; returns the batch to undo it by. */
export async function bulkUpdateItems(db: Connection, input: BulkUpdateInput): Promise<BulkUpdateResult> {
  const idsJson = checkIds(input.ids);
  const at = (input.now ?? (() => new Date()))().toISOString();
  const { change } = input;
  return db.withTransaction(async (tx) => {
    await requireItems(tx, idsJson, input.ids);
    if ('status' in change) {
      const { lastId, changes } = await updateStatus(tx, idsJson, change.status, at, input.by);
      return { batchId: batchIdOf('status', lastId, changes), changed: changes, unchanged: input.ids.length - changes };
    }
    if ('addTags' in change || 'removeTags' in change) {
      const [tags, mode] = 'addTags' in change ? [change.addTags, 'add' as const] : [change.removeTags, 'remove' as const];
      const { lastId, changes } = await updateTags(tx, input.ids, tags, mode, at, input.by);
      return { batchId: batchIdOf('field', lastId, changes), changed: changes, unchanged: input.ids.length - changes };
    }
    const [field, value]: [FactField, unknown] = 'category' in change ? ['category', change.category] : ['severity', change.severity];
    const { lastId, changes } = await updateFact(tx, idsJson, field, value, at, input.by);
    return { batchId: batchIdOf('field', lastId, changes), changed: changes, unchanged: input.ids.length - changes };
  });
}

interface HistoryRow {
  id: number;
  item_id: number;
  field: string;
  from_json: string | null;
  to_json: string | null;
  changed_at: string;
  changed_by: string;
}

/**
 * The rows of the batch, checked to be one whole batch: one time, one officer and one field (one transaction
 * writes one timestamp), and the rows either side written by something else.
 */
async function readBatch(tx: WriteDb, range: BatchRange, batchId: string): Promise<HistoryRow[]> {
  const sql =
    range.table === 'status'
      ? `SELECT id, item_id, 'status' AS field, from_status AS from_json, to_status AS to_json, changed_at, changed_by
         FROM status_changes WHERE id BETWEEN ? AND ? ORDER BY id`
      : `SELECT id, item_id, field, from_json, to_json, changed_at, changed_by
         FROM field_changes WHERE id BETWEEN ? AND ? ORDER BY id`;
  const rows = await tx.all<HistoryRow>(sql, [range.first - 1, range.last + 1]);
  const inside = rows.filter((r) => r.id >= range.first && r.id <= range.last);
  const head = inside[0];
  // Rows may be missing inside the range only where their item was deleted since (an import undone).
  if (!head) throw new BulkBatchNotFoundError(batchId);
  const sameBatch = (r: HistoryRow) => r.changed_at === head.changed_at && r.changed_by === head.changed_by && r.field === head.field;
  if (!inside.every(sameBatch)) throw new BulkBatchNotFoundError(batchId);
  if (rows.some((r) => (r.id < range.first || r.id > range.last) && sameBatch(r))) throw new BulkBatchNotFoundError(batchId);
  return inside;
}

/** Items with a change of the same field after the batch: someone decided again, their decision stands. */
async function changedSince(tx: WriteDb, range: BatchRange, field: string, itemIds: readonly number[]): Promise<Set<number>> {
  const sql =
    range.table === 'status'
      ? `SELECT DISTINCT item_id FROM status_changes WHERE id > ? AND item_id IN (${IDS})`
      : `SELECT DISTINCT item_id FROM field_changes WHERE id > ? AND field = ? AND item_id IN (${IDS})`;
  const params = range.table === 'status' ? [range.last, JSON.stringify(itemIds)] : [range.last, field, JSON.stringify(itemIds)];
  const rows = await tx.all<{ item_id: number }>(sql, params);
  return new Set(rows.map((r) => r.item_id));
}

async function restoreStatus(tx: WriteDb, rows: readonly HistoryRow[], at: string, by: string): Promise<void> {
  // Grouped by the status to go back to: one UPDATE and one INSERT per group.
  const byStatus = new Map<string, number[]>();
  for (const r of rows) if (r.from_json !== null) byStatus.set(r.from_json, [...(byStatus.get(r.from_json) ?? []), r.item_id]);
  for (const [status, ids] of byStatus) {
    const idsJson = JSON.stringify(ids);
    await tx.run(
      `INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by)
       SELECT id, status, ?, ?, ? FROM items WHERE id IN (${IDS}) ORDER BY id`,
      [status, at, by, idsJson],
    );
    await tx.run(`UPDATE items SET status = ?, updated_at = ? WHERE id IN (${IDS})`, [status, at, idsJson]);
  }
}

/**
 * Back to the value before the batch. Where that value is the extractor's current suggestion the correction
 * is removed (the item follows the suggestion again, as before); otherwise the earlier value is set again.
 */
async function restoreFact(tx: WriteDb, rows: readonly HistoryRow[], field: string, at: string, by: string): Promise<void> {
  const column = field === 'category' ? 'category' : 'severity';
  const suggestions = await tx.all<{ id: number; suggestion: string }>(
    `SELECT items.id AS id, json_quote(f.${column}) AS suggestion FROM items LEFT JOIN item_facts f ON f.item_id = items.id
     WHERE items.id IN (${IDS})`,
    [JSON.stringify(rows.map((r) => r.item_id))],
  );
  const suggestion = new Map(suggestions.map((s) => [s.id, s.suggestion]));
  const back = rows.map((r) => [r.item_id, r.from_json ?? 'null', r.to_json] as const);
  const clear = back.filter(([id, from]) => from === (suggestion.get(id) ?? 'null')).map(([id]) => id);
  const reset = back.filter(([id, from]) => from !== (suggestion.get(id) ?? 'null')).map(([id, from]) => [id, from]);
  await tx.run(
    `INSERT INTO field_changes (item_id, field, from_json, to_json, changed_at, changed_by)
     SELECT json_extract(value, '$[0]'), ?, json_extract(value, '$[2]'), json_extract(value, '$[1]'), ?, ? FROM json_each(?) ORDER BY key`,
    [field, at, by, JSON.stringify(back)],
  );
  await tx.run(`DELETE FROM item_corrections WHERE field = ? AND item_id IN (${IDS})`, [field, JSON.stringify(clear)]);
  await tx.run(
    `INSERT INTO item_corrections (item_id, field, value_json, corrected_at, corrected_by)
     SELECT json_extract(value, '$[0]'), ?, json_extract(value, '$[1]'), ?, ? FROM json_each(?) WHERE true
     ON CONFLICT (item_id, field) DO UPDATE SET value_json = excluded.value_json,
       corrected_at = excluded.corrected_at, corrected_by = excluded.corrected_by`,
    [field, at, by, JSON.stringify(reset)],
  );
}

/**
 * Tags back as they were: what the batch added is removed and what it removed is added again, grouped by
 * the same set of tags so a batch of 5,000 items is a few calls. The annotations module records each revert.
 */
async function restoreTags(tx: WriteDb, rows: readonly HistoryRow[], at: string, by: string): Promise<void> {
  const groups = new Map<string, { mode: 'add' | 'remove'; tags: string[]; ids: number[] }>();
  for (const r of rows) {
    const from = JSON.parse(r.from_json ?? '[]') as string[];
    const to = JSON.parse(r.to_json ?? '[]') as string[];
    const added = to.filter((t) => !from.includes(t));
    const removed = from.filter((t) => !to.includes(t));
    for (const [mode, tags] of [['remove', added], ['add', removed]] as const) {
      if (tags.length === 0) continue;
      const key = `${mode}:${JSON.stringify(tags)}`;
      const group = groups.get(key) ?? { mode, tags, ids: [] };
      group.ids.push(r.item_id);
      groups.set(key, group);
    }
  }
  for (const { mode, tags, ids } of groups.values()) await (mode === 'add' ? addTags : removeTags)(tx, ids, tags, { by, at });
}

/**
 * Reverts exactly one batch in one transaction, recording the reverts as new history (history is append-
 * only). Items changed again since the batch are left alone and listed.
 */
export async function undoBulkUpdate(db: Connection, batchId: string, by: string, now: () => Date = () => new Date()): Promise<BulkUndoResult> {
  const range = parseBatchId(batchId);
  const at = now().toISOString();
  return db.withTransaction(async (tx) => {
    const rows = await readBatch(tx, range, batchId);
    const field = rows[0]?.field ?? 'status';
    const later = await changedSince(tx, range, field, rows.map((r) => r.item_id));
    const restorable = rows.filter((r) => !later.has(r.item_id));
    if (range.table === 'status') await restoreStatus(tx, restorable, at, by);
    else if (field === 'tags') await restoreTags(tx, restorable, at, by);
    else await restoreFact(tx, restorable, field, at, by);
    return { restored: restorable.length, skipped: rows.filter((r) => later.has(r.item_id)).map((r) => r.item_id) };
  });
}
