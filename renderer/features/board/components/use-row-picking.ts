// The multi-select in the table view: Ctrl/Cmd+click or x toggles a row, Shift+click adds the rows from the
// last picked one (among the rows fetched), Ctrl/Cmd+A picks the rows fetched, Esc clears. Picked rows are
// aria-selected; the selection bar above the table changes them all at once.
import { useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { BoardCard } from '../../../../shared/domain/board-query.js';
import { useBoard, useBoardStoreApi } from '../board-context.js';
import { rowAt, type TableWindows } from '../table-windows.js';
import './selection.css';

export function useRowPicking(windows: TableWindows) {
  const store = useBoardStoreApi();
  const selection = useBoard((s) => s.selection);
  const picked = useMemo(() => new Set(selection), [selection]);
  const anchor = useRef<number | null>(null);

  /** True when the click was a pick (the row is not opened). */
  function onClick(event: MouseEvent<HTMLElement>, index: number, row: BoardCard): boolean {
    const state = store.getState();
    if (event.ctrlKey || event.metaKey) {
      state.cardSelectionToggled(row.id);
      anchor.current = index;
      return true;
    }
    if (event.shiftKey && anchor.current !== null) {
      const from = Math.min(anchor.current, index);
      const to = Math.max(anchor.current, index);
      const ids: number[] = [];
      for (let i = from; i <= to; i++) {
        const r = rowAt(windows, i);
        if (r) ids.push(r.id);
      }
      state.rowsSelected(ids);
      return true;
    }
    return false;
  }

  /** A modified click picks rows: the browser must not also start selecting the page's text. */
  function onMouseDown(event: MouseEvent<HTMLElement>): void {
    if (event.shiftKey || event.ctrlKey || event.metaKey) event.preventDefault();
  }

  /** True when the key was the selection's. */
  function onKeyDown(event: KeyboardEvent<HTMLElement>, index: number, row: BoardCard): boolean {
    const state = store.getState();
    const command = event.ctrlKey || event.metaKey;
    if (!command && !event.altKey && !event.shiftKey && event.code === 'KeyX') {
      event.preventDefault();
      state.cardSelectionToggled(row.id);
      anchor.current = index;
      return true;
    }
    if (command && !event.altKey && event.code === 'KeyA') {
      event.preventDefault();
      state.rowsSelected(Object.values(windows).flatMap((rows) => rows.map((r) => r.id)));
      return true;
    }
    if (event.key === 'Escape' && state.selection.length > 0) {
      event.preventDefault();
      state.selectionCleared();
      return true;
    }
    return false;
  }

  return { isPicked: (id: number) => picked.has(id), onClick, onMouseDown, onKeyDown };
}
