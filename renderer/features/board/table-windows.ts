// The table's rows as a sparse cache of fixed-size windows keyed by offset: the grid asks for the rows it
// shows, main answers one window (LIMIT/OFFSET in SQL) at a time, and far-away windows are forgotten so a
// 100,000-row table never holds more than a few hundred rows in the renderer.
import type { BoardCard } from '../../../shared/domain/board-query.js';

/** Rows per request of the table (one window). */
export const TABLE_WINDOW_SIZE = 100;
/** Windows kept at most: enough for a screen and the scroll around it, never the whole table. */
export const TABLE_MAX_WINDOWS = 12;

export type TableWindows = Readonly<Record<number, readonly BoardCard[]>>;

/** The window offsets that cover rows first..last (inclusive), clamped to the rows that exist. */
export function windowOffsetsFor(first: number, last: number, rowCount: number, size = TABLE_WINDOW_SIZE): number[] {
  if (rowCount <= 0 || last < first) return [];
  const from = Math.max(0, Math.min(first, rowCount - 1));
  const to = Math.max(0, Math.min(last, rowCount - 1));
  const offsets: number[] = [];
  for (let offset = from - (from % size); offset <= to; offset += size) offsets.push(offset);
  return offsets;
}

/** The row at an index of the whole result, when its window is cached. */
export function rowAt(windows: TableWindows, index: number, size = TABLE_WINDOW_SIZE): BoardCard | undefined {
  const offset = index - (index % size);
  return windows[offset]?.[index - offset];
}

/**
 * Keeps at most `max` windows, dropping first those farthest from the row the grid is showing: the
 * officer is likely to scroll back a little, not to the other end.
 */
export function pruneWindows(windows: TableWindows, nearIndex: number, max = TABLE_MAX_WINDOWS): TableWindows {
  const offsets = Object.keys(windows).map(Number);
  if (offsets.length <= max) return windows;
  const kept = offsets.sort((a, b) => Math.abs(a - nearIndex) - Math.abs(b - nearIndex)).slice(0, max);
  return Object.fromEntries(kept.map((offset) => [offset, windows[offset] ?? []]));
}

/** The windows with one item's row changed (a move from the board or the detail), the rest shared. */
export function patchRow(windows: TableWindows, id: number, patch: Partial<BoardCard>): TableWindows {
  let changed = false;
  const next: Record<number, readonly BoardCard[]> = {};
  for (const [key, rows] of Object.entries(windows)) {
    if (rows.some((r) => r.id === id)) {
      changed = true;
      next[Number(key)] = rows.map((r) => (r.id === id ? { ...r, ...patch } : r));
    } else next[Number(key)] = rows;
  }
  return changed ? next : windows;
}
