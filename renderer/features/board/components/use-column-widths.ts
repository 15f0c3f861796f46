// The table's column widths: defaults, then what the officer chose (localStorage, per column); a drag
// changes the width live and saves it when the pointer is released, a key press saves at once.
import { useCallback, useState, type RefObject } from 'react';
import type { TableColumn } from '../../../../shared/domain/board-query.js';
import { browserStorage, clampWidth, readColumnWidths, writeColumnWidths } from '../column-widths.js';

/** Left and right padding of a cell plus the resize handle: what a fitted column adds to its text. */
const CELL_CHROME = 28;

export function useColumnWidths(columns: readonly { column: TableColumn; width: number }[], scrollRef: RefObject<HTMLElement | null>) {
  const [widths, setWidths] = useState<Record<string, number>>(() => {
    const saved = readColumnWidths(browserStorage(), columns.map((c) => c.column));
    return Object.fromEntries(columns.map(({ column, width }) => [column, saved[column] ?? width]));
  });

  const widthChanged = useCallback((column: TableColumn, width: number, persist: boolean) => {
    setWidths((current) => {
      const next = { ...current, [column]: clampWidth(width) };
      if (persist) writeColumnWidths(browserStorage(), next);
      return next;
    });
  }, []);

  /** Double-click on the handle: as wide as the longest text of that column among the rows rendered. */
  const widthFitted = useCallback(
    (column: TableColumn) => {
      const root = scrollRef.current;
      if (!root) return;
      const texts = root.querySelectorAll<HTMLElement>(`[data-column="${column}"] .cell-text`);
      let widest = 0;
      texts.forEach((text) => {
        widest = Math.max(widest, text.getBoundingClientRect().width);
      });
      widthChanged(column, Math.ceil(widest) + CELL_CHROME, true);
    },
    [scrollRef, widthChanged],
  );

  return { widths, widthChanged, widthFitted };
}
