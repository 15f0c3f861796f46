// Notes, tags and related items (migration 0009): the officer's own annotations of an item. Every change
// is written in the same transaction as its field_changes row (from → to, who, when), so the state and the
// ISMS evidence can never disagree. Nothing here is touched by import: these tables belong to the officer.
//
// addTags/removeTags take a transaction and many ids so that bulk actions and the board's other features
// can call them inside their own transaction; the single-item entry points wrap them.
import {
  MAX_TAGS_PER_ITEM,
  normalizeTag,
  type ItemNote,
  type RelatedItem,
  type TagCount,
} from '../../../shared/domain/annotations.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import { chunkRows, type Connection, type ReadDb, type WriteDb } from '../../db/database.js';
import { ItemNotFoundError } from '../triage/item-not-found-error.js';

/** A request the data refuses: a tag that normalises to nothing, too many tags, an item linked to itself. */
export class InvalidAnnotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAnnotationError';
  }
}

export interface Actor {
  by: string;
  /** ISO timestamp of the change; one value for every row of one action. */
  at: string;
}

export interface ItemAnnotations {
  note: ItemNote | null;
  tags: string[];
  related: RelatedItem[];
}

async function recordChange(tx: WriteDb, itemId: number, field: string, from: unknown, to: unknown, actor: Actor): Promise<void> {
  await tx.run('INSERT INTO field_changes (item_id, field, from_json, to_json, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)', [
    itemId,
    field,
    from === null ? null : JSON.stringify(from),
    to === null ? null : JSON.stringify(to),
    actor.at,
    actor.by,
  ]);
}

async function requireItems(db: ReadDb, ids: readonly number[]): Promise<void> {
  for (const chunk of chunkRows(ids, 1)) {
    const found = await db.all<{ id: number }>(`SELECT id FROM items WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk);
    if (found.length === chunk.length) continue;
    const known = new Set(found.map((r) => r.id));
    throw new ItemNotFoundError(chunk.find((id) => !known.has(id)) ?? chunk[0] ?? 0);
  }
}

/** Normalises tags (shared/domain/annotations.ts) and drops repeats; refuses one that normalises to nothing. */
export function normalizeTags(raw: readonly string[]): string[] {
  const tags = raw.map((r) => {
    const tag = normalizeTag(r);
    if (tag === null) throw new InvalidAnnotationError(`"${r.slice(0, 60)}" is not a usable tag (empty, or longer than allowed)`);
    return tag;
  });
  return [...new Set(tags)];
}

// ── Notes ────────────────────────────────────────────────────────────────────────────────────────────

export async function readNote(db: ReadDb, id: number): Promise<ItemNote | null> {
  const row = await db.get<{ body: string; updated_at: string; updated_by: string }>(
    'SELECT body, updated_at, updated_by FROM item_notes WHERE item_id = ?',
    [id],
  );
  return row ? { body: row.body, updatedAt: row.updated_at, updatedBy: row.updated_by } : null;
}

/**
 * Replaces the item's note. An empty (or whitespace-only) body deletes it; the history keeps what it said.
 * Saving the same text records nothing.
 */
export async function setNote(db: Connection, id: number, body: string, actor: Actor): Promise<ItemNote | null> {
  const next = body.trim() === '' ? null : body;
  return db.withTransaction(async (tx) => {
    await requireItems(tx, [id]);
    const previous = await readNote(tx, id);
    if ((previous?.body ?? null) === next) return previous;
    if (next === null) {
      await tx.run('DELETE FROM item_notes WHERE item_id = ?', [id]);
    } else {
      await tx.run(
        `INSERT INTO item_notes (item_id, body, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (item_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        [id, next, actor.at, actor.by],
      );
    }
    await recordChange(tx, id, 'note', previous?.body ?? null, next, actor);
    return next === null ? null : { body: next, updatedAt: actor.at, updatedBy: actor.by };
  });
}

// ── Tags ─────────────────────────────────────────────────────────────────────────────────────────────

async function readTagsOf(db: ReadDb, ids: readonly number[]): Promise<Map<number, string[]>> {
  const byItem = new Map<number, string[]>(ids.map((id) => [id, []]));
  for (const chunk of chunkRows(ids, 1)) {
    const rows = await db.all<{ item_id: number; tag: string }>(
      `SELECT item_id, tag FROM item_tags WHERE item_id IN (${chunk.map(() => '?').join(',')}) ORDER BY item_id, tag`,
      chunk,
    );
    for (const r of rows) byItem.get(r.item_id)?.push(r.tag);
  }
  return byItem;
}

export async function listItemTags(db: ReadDb, id: number): Promise<string[]> {
  return (await readTagsOf(db, [id])).get(id) ?? [];
}

function sortTags(tags: Iterable<string>): string[] {
  // Code-point order, as SQLite's BINARY collation sorts them when listing.
  return [...tags].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Changes the tags of many items in the caller's transaction and records one field_changes row
 * (`tags`, the item's whole list before → after) per item whose tags changed. Returns those item ids.
 */
async function changeTags(
  tx: WriteDb,
  ids: readonly number[],
  rawTags: readonly string[],
  actor: Actor,
  mode: 'add' | 'remove',
): Promise<number[]> {
  const unique = [...new Set(ids)];
  // Removing a tag that no longer normalises (a past rule) must stay possible, so removal also takes it as stored.
  const tags = mode === 'add' ? normalizeTags(rawTags) : [...new Set(rawTags.flatMap((t) => [t, normalizeTag(t) ?? t]))];
  if (unique.length === 0 || tags.length === 0) return [];
  await requireItems(tx, unique);
  const before = await readTagsOf(tx, unique);
  const changed: { id: number; from: string[]; to: string[] }[] = [];
  for (const id of unique) {
    const from = before.get(id) ?? [];
    const next = new Set(from);
    for (const tag of tags) {
      if (mode === 'add') next.add(tag);
      else next.delete(tag);
    }
    if (next.size === from.length && from.every((t) => next.has(t))) continue;
    if (next.size > MAX_TAGS_PER_ITEM) throw new InvalidAnnotationError(`item ${id} would have more than ${MAX_TAGS_PER_ITEM} tags`);
    changed.push({ id, from, to: sortTags(next) });
  }
  if (changed.length === 0) return [];
  const pairs = changed.flatMap(({ id, from, to }) =>
    mode === 'add' ? to.filter((t) => !from.includes(t)).map((t) => [id, t] as const) : from.filter((t) => !to.includes(t)).map((t) => [id, t] as const),
  );
  for (const chunk of chunkRows(pairs, 2)) {
    if (mode === 'add') {
      await tx.run(`INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES ${chunk.map(() => '(?, ?)').join(',')}`, chunk.flat());
    } else {
      await tx.run(`DELETE FROM item_tags WHERE (item_id, tag) IN (VALUES ${chunk.map(() => '(?, ?)').join(',')})`, chunk.flat());
    }
  }
  const rows = changed.map(({ id, from, to }) => [id, 'tags', JSON.stringify(from), JSON.stringify(to), actor.at, actor.by] as const);
  for (const chunk of chunkRows(rows, 6)) {
    await tx.run(
      `INSERT INTO field_changes (item_id, field, from_json, to_json, changed_at, changed_by) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(',')}`,
      chunk.flat(),
    );
  }
  return changed.map((c) => c.id);
}

/** Adds tags to items (normalised; already present ones are no change). Returns the ids whose tags changed. */
export function addTags(tx: WriteDb, ids: readonly number[], tags: readonly string[], actor: Actor): Promise<number[]> {
  return changeTags(tx, ids, tags, actor, 'add');
}

/** Removes tags from items. Returns the ids whose tags changed. */
export function removeTags(tx: WriteDb, ids: readonly number[], tags: readonly string[], actor: Actor): Promise<number[]> {
  return changeTags(tx, ids, tags, actor, 'remove');
}

/** Tags in use with their item counts, most used first; `prefix` narrows them (autocomplete). */
export async function listTags(db: ReadDb, options: { prefix?: string; limit?: number } = {}): Promise<TagCount[]> {
  const prefix = options.prefix ? normalizeTag(options.prefix) ?? '' : '';
  const limit = options.limit ?? 200;
  // A range on the (tag, item_id) index instead of LIKE: no wildcard escaping, and the index is searched
  // rather than scanned (the range is spelled out only when there is a prefix, so the planner sees it).
  const rows = prefix
    ? await db.all<{ tag: string; count: number }>(
        `SELECT tag, count(*) AS count FROM item_tags WHERE tag >= ? AND tag < ? || char(1114111)
         GROUP BY tag ORDER BY count DESC, tag LIMIT ?`,
        [prefix, prefix, limit],
      )
    : await db.all<{ tag: string; count: number }>('SELECT tag, count(*) AS count FROM item_tags GROUP BY tag ORDER BY count DESC, tag LIMIT ?', [limit]);
  return rows.map((r) => ({ tag: r.tag, count: r.count }));
}

// ── Related items ────────────────────────────────────────────────────────────────────────────────────

function orderedPair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

async function relatedIds(db: ReadDb, id: number): Promise<number[]> {
  const rows = await db.all<{ other: number }>(
    'SELECT item_b AS other FROM item_links WHERE item_a = ? UNION SELECT item_a FROM item_links WHERE item_b = ? ORDER BY 1',
    [id, id],
  );
  return rows.map((r) => r.other);
}

export async function listRelated(db: ReadDb, id: number): Promise<RelatedItem[]> {
  const rows = await db.all<{
    id: number;
    title: string;
    status: Status;
    published_at: string | null;
    note: string | null;
    created_at: string;
    created_by: string;
  }>(
    `SELECT items.id, items.title, items.status, items.published_at, l.note, l.created_at, l.created_by
     FROM (SELECT item_b AS other, note, created_at, created_by FROM item_links WHERE item_a = ?
           UNION ALL
           SELECT item_a, note, created_at, created_by FROM item_links WHERE item_b = ?) AS l
     JOIN items ON items.id = l.other
     ORDER BY items.published_at DESC, items.id DESC`,
    [id, id],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    publishedAt: r.published_at,
    note: r.note,
    linkedAt: r.created_at,
    linkedBy: r.created_by,
  }));
}

/**
 * Links two items (symmetric; stored once with the smaller id first) and records the change on both, as
 * `related` (the list of related ids before → after). Linking an already linked pair records nothing.
 */
export async function linkItems(db: Connection, id: number, otherId: number, note: string | null, actor: Actor): Promise<RelatedItem[]> {
  if (id === otherId) throw new InvalidAnnotationError('an item cannot be related to itself');
  await db.withTransaction(async (tx) => {
    await requireItems(tx, [id, otherId]);
    const [a, b] = orderedPair(id, otherId);
    const before = await Promise.all([relatedIds(tx, id), relatedIds(tx, otherId)]);
    const { changes } = await tx.run(
      'INSERT OR IGNORE INTO item_links (item_a, item_b, note, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      [a, b, note?.trim() ? note.trim() : null, actor.at, actor.by],
    );
    if (changes === 0) return;
    await recordChange(tx, id, 'related', before[0], [...before[0], otherId].sort((x, y) => x - y), actor);
    await recordChange(tx, otherId, 'related', before[1], [...before[1], id].sort((x, y) => x - y), actor);
  });
  return listRelated(db, id);
}

/** Removes the link between two items, recorded on both. Unlinking a pair that is not linked records nothing. */
export async function unlinkItems(db: Connection, id: number, otherId: number, actor: Actor): Promise<RelatedItem[]> {
  await db.withTransaction(async (tx) => {
    await requireItems(tx, [id]);
    const [a, b] = orderedPair(id, otherId);
    const before = await Promise.all([relatedIds(tx, id), relatedIds(tx, otherId)]);
    const { changes } = await tx.run('DELETE FROM item_links WHERE item_a = ? AND item_b = ?', [a, b]);
    if (changes === 0) return;
    await recordChange(tx, id, 'related', before[0], before[0].filter((x) => x !== otherId), actor);
    await recordChange(tx, otherId, 'related', before[1], before[1].filter((x) => x !== id), actor);
  });
  return listRelated(db, id);
}

/** What the detail panel shows of the officer's annotations. */
export async function readAnnotations(db: ReadDb, id: number): Promise<ItemAnnotations> {
  const [note, tags, related] = await Promise.all([readNote(db, id), listItemTags(db, id), listRelated(db, id)]);
  return { note, tags, related };
}
