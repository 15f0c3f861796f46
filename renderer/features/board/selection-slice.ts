// Multi-select and bulk changes, a slice of the board store (board-store.ts spreads it in). The selection is
// a list of item ids; a bulk change is optimistic on the cards on screen, then the board is reloaded so
// counts, columns and filters agree with main. One bulk change is one undo (items.bulkUndo).
import type { BoardCard } from '../../../shared/domain/board-query.js';
import type { BulkChange } from '../../../shared/domain/bulk-change.js';
import { MAX_BULK_ITEMS } from '../../../shared/domain/bulk-change.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { BoardColumn, TriageApi } from '../../../shared/ipc/contract.js';
import { findCard, placeCard } from './board-columns.js';
import type { LastMove } from './board-store.js';

export interface LastBulk {
  /** Null when every item already had the value: nothing was recorded, nothing to undo. */
  batchId: string | null;
  change: BulkChange;
  /** Items changed by the action (or put back by its undo). */
  count: number;
  /** Items the undo left because they were changed again since. */
  skipped: number;
  undone: boolean;
  /** The move that was the latest when this bulk change was made: a later move makes the move the latest action. */
  moveSeqBefore: number | null;
  seq: number;
}

export interface SelectionSlice {
  /** Selected item ids, in the order they were selected. */
  selection: number[];
  /** The card a Shift+click range starts from. */
  selectionAnchor: number | null;
  lastBulk: LastBulk | null;
  bulkBusy: boolean;
  bulkError: string | null;

  cardSelectionToggled: (id: number) => void;
  /** Shift+click: every card between the anchor and this one, when both are in the same column. */
  cardRangeSelected: (id: number) => void;
  /** Ctrl+A on a card: the cards the column shows. */
  columnSelected: (status: Status) => void;
  /** The table's header checkbox: the rows it shows, all in or all out. */
  rowsSelectionToggled: (ids: readonly number[]) => void;
  /** A Shift+click range of table rows: added to the selection. */
  rowsSelected: (ids: readonly number[]) => void;
  selectionCleared: () => void;
  /** Applies the change to the selection, or to the given cards (the focused card when nothing is selected). */
  bulkChangeRequested: (change: BulkChange, ids?: readonly number[]) => Promise<void>;
  lastBulkUndone: () => Promise<void>;
  bulkErrorDismissed: () => void;
}

/** What the slice needs of the rest of the board store. */
interface Host {
  columns: BoardColumn[];
  lastMove: LastMove | null;
}

type Set<S> = (partial: Partial<S> | ((state: S) => Partial<S>)) => void;

/** Which action Ctrl+Z and the toast's 元に戻す undo: the bulk change, unless a move came after it. */
export function latestActionIsBulk(state: Pick<Host, 'lastMove'> & Pick<SelectionSlice, 'lastBulk'>): boolean {
  const bulk = state.lastBulk;
  return bulk !== null && (state.lastMove?.seq ?? null) === bulk.moveSeqBefore;
}

/** The cards on screen with the change applied: moved to their new column, or with the new fact badge. */
export function applyToColumns(columns: BoardColumn[], ids: readonly number[], change: BulkChange): BoardColumn[] {
  let next = columns;
  for (const id of ids) {
    const card = findCard(next, id);
    // Cards do not show tags: a tag change waits for the reload.
    if (!card || 'addTags' in change || 'removeTags' in change) continue;
    const changed: BoardCard =
      'status' in change ? { ...card, status: change.status } : 'category' in change ? { ...card, category: change.category } : { ...card, severity: change.severity };
    next =
      'status' in change
        ? placeCard(next, changed)
        : next.map((column) => (column.cards.some((c) => c.id === id) ? { ...column, cards: column.cards.map((c) => (c.id === id ? changed : c)) } : column));
  }
  return next;
}

export function createSelectionSlice<S extends Host & SelectionSlice>(
  api: TriageApi,
  set: Set<S>,
  get: () => S,
  reload: () => Promise<void>,
): SelectionSlice {
  let bulkSeq = 0;
  const patch = (p: Partial<SelectionSlice> | ((s: S) => Partial<SelectionSlice>)) => set(p as Partial<S> | ((s: S) => Partial<S>));

  return {
    selection: [],
    selectionAnchor: null,
    lastBulk: null,
    bulkBusy: false,
    bulkError: null,

    cardSelectionToggled: (id) =>
      patch((s) => ({
        selection: s.selection.includes(id) ? s.selection.filter((x) => x !== id) : [...s.selection, id].slice(0, MAX_BULK_ITEMS),
        selectionAnchor: id,
      })),

    cardRangeSelected: (id) => {
      const { columns, selectionAnchor, selection } = get();
      const column = columns.find((c) => c.cards.some((x) => x.id === id));
      const cards = column?.cards ?? [];
      const from = selectionAnchor === null ? -1 : cards.findIndex((c) => c.id === selectionAnchor);
      const to = cards.findIndex((c) => c.id === id);
      if (from === -1) {
        // No anchor in this column: the click starts a range instead.
        patch({ selection: selection.includes(id) ? selection : [...selection, id], selectionAnchor: id });
        return;
      }
      const range = cards.slice(Math.min(from, to), Math.max(from, to) + 1).map((c) => c.id);
      patch({ selection: [...new Set([...selection, ...range])].slice(0, MAX_BULK_ITEMS) });
    },

    columnSelected: (status) => {
      const cards = get().columns.find((c) => c.status === status)?.cards ?? [];
      patch((s) => ({ selection: [...new Set([...s.selection, ...cards.map((c) => c.id)])].slice(0, MAX_BULK_ITEMS) }));
    },

    rowsSelectionToggled: (ids) =>
      patch((s) => {
        const all = ids.length > 0 && ids.every((id) => s.selection.includes(id));
        return { selection: all ? s.selection.filter((id) => !ids.includes(id)) : [...new Set([...s.selection, ...ids])].slice(0, MAX_BULK_ITEMS) };
      }),

    rowsSelected: (ids) => patch((s) => ({ selection: [...new Set([...s.selection, ...ids])].slice(0, MAX_BULK_ITEMS) })),

    selectionCleared: () => patch({ selection: [], selectionAnchor: null }),

    bulkChangeRequested: async (change, ids) => {
      const targets = [...(ids ?? get().selection)];
      if (targets.length === 0 || get().bulkBusy) return;
      const seq = ++bulkSeq;
      const moveSeqBefore = get().lastMove?.seq ?? null;
      set((s) => ({ columns: applyToColumns(s.columns, targets, change), bulkBusy: true, bulkError: null }) as Partial<S>);
      const result = await api['items.bulkUpdate']({ ids: targets, change });
      if (result.ok) {
        const { batchId, changed } = result.value;
        patch({ lastBulk: { batchId, change, count: changed, skipped: 0, undone: false, moveSeqBefore, seq }, bulkBusy: false });
      } else {
        patch({ bulkBusy: false, bulkError: result.error.message });
      }
      // Both ways the board is read again: the answer's counts and filters (or the undone optimism) win.
      await reload();
    },

    lastBulkUndone: async () => {
      const last = get().lastBulk;
      if (!last || last.undone || last.batchId === null || get().bulkBusy) return;
      patch({ bulkBusy: true, bulkError: null });
      const result = await api['items.bulkUndo']({ batchId: last.batchId });
      if (result.ok) {
        const moveSeqBefore = get().lastMove?.seq ?? null;
        patch({
          lastBulk: { ...last, undone: true, count: result.value.restored, skipped: result.value.skipped.length, moveSeqBefore, seq: ++bulkSeq },
          bulkBusy: false,
        });
      } else {
        patch({ bulkBusy: false, bulkError: result.error.message });
      }
      await reload();
    },

    bulkErrorDismissed: () => patch({ bulkError: null }),
  };
}
