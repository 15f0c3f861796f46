// Saved views (a name and a board query) in the settings table, one JSON list under 'board.views'.
// A view saved by an older version whose query no longer validates is dropped when read, not fatal.
import { z } from 'zod';
import type { BoardQuery } from '../../../shared/domain/board-query.js';
import { MAX_SAVED_VIEWS, SavedViewSchema, type SavedView } from '../../../shared/domain/saved-views.js';
import type { Connection, ReadDb, WriteDb } from '../../db/database.js';

export const VIEWS_SETTING = 'board.views';

export class TooManyViewsError extends Error {
  constructor() {
    super(`At most ${MAX_SAVED_VIEWS} views can be saved; delete one first.`);
    this.name = 'TooManyViewsError';
  }
}

export async function listViews(db: ReadDb): Promise<SavedView[]> {
  const row = await db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [VIEWS_SETTING]);
  if (!row) return [];
  let stored: unknown;
  try {
    stored = JSON.parse(row.value_json);
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = SavedViewSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

async function writeViews(db: WriteDb, views: SavedView[], at: string): Promise<void> {
  await db.run(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    [VIEWS_SETTING, JSON.stringify(views), at],
  );
}

/** Saves the view (replacing one of the same name, keeping its place); answers the list after the change. */
export async function saveView(db: Connection, name: string, query: BoardQuery, now: () => Date = () => new Date()): Promise<SavedView[]> {
  const clean = z.string().trim().min(1).parse(name);
  return db.withTransaction(async (tx) => {
    const views = await listViews(tx);
    const at = now().toISOString();
    const view: SavedView = { name: clean, query, savedAt: at };
    const index = views.findIndex((v) => v.name === clean);
    if (index === -1 && views.length >= MAX_SAVED_VIEWS) throw new TooManyViewsError();
    const next = index === -1 ? [...views, view] : views.map((v, i) => (i === index ? view : v));
    await writeViews(tx, next, at);
    return next;
  });
}

export async function deleteView(db: Connection, name: string, now: () => Date = () => new Date()): Promise<SavedView[]> {
  return db.withTransaction(async (tx) => {
    const views = await listViews(tx);
    const next = views.filter((v) => v.name !== name.trim());
    if (next.length !== views.length) await writeViews(tx, next, now().toISOString());
    return next;
  });
}
