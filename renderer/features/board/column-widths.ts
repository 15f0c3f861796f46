// Widths of the table's columns, chosen by dragging or with the arrow keys and remembered per column in
// localStorage (one small JSON object), so the table opens as the officer left it.
import type { TableColumn } from '../../../shared/domain/board-query.js';

export type ColumnWidths = Partial<Record<TableColumn, number>>;

export const MIN_COLUMN_WIDTH = 56;
export const MAX_COLUMN_WIDTH = 960;
/** One arrow press; Shift moves five times as far. */
export const KEYBOARD_STEP = 16;

const STORAGE_KEY = 'triage-desk.table.column-widths';

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return MIN_COLUMN_WIDTH;
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

/** What was saved, with anything that is not a sane width for a known column left out. */
export function readColumnWidths(storage: Pick<Storage, 'getItem'> | null, columns: readonly TableColumn[]): ColumnWidths {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    return {}; // a damaged value is forgotten, not an error
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const widths: ColumnWidths = {};
  for (const column of columns) {
    const value = (parsed as Record<string, unknown>)[column];
    if (typeof value === 'number' && Number.isFinite(value)) widths[column] = clampWidth(value);
  }
  return widths;
}

export function writeColumnWidths(storage: Pick<Storage, 'setItem'> | null, widths: ColumnWidths): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(widths));
  } catch {
    // Storage full or refused (private mode): the widths last for this session only.
  }
}

/** The width an arrow key gives: ArrowRight widens, ArrowLeft narrows, Home/End go to the bounds. */
export function widthAfterKey(width: number, key: string, shiftKey: boolean): number | null {
  const step = shiftKey ? KEYBOARD_STEP * 5 : KEYBOARD_STEP;
  switch (key) {
    case 'ArrowRight':
      return clampWidth(width + step);
    case 'ArrowLeft':
      return clampWidth(width - step);
    case 'Home':
      return MIN_COLUMN_WIDTH;
    case 'End':
      return MAX_COLUMN_WIDTH;
    default:
      return null;
  }
}

/** The localStorage of the page, or null where there is none (or it is refused). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
