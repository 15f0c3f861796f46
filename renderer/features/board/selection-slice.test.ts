import { describe, expect, it, vi } from 'vitest';
import type { BoardCard } from '../../../shared/domain/board-query.js';
import type { BulkChange, BulkUpdateResult } from '../../../shared/domain/bulk-change.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { CallResult } from '../../../shared/ipc/result.js';
import { card, deferred, fakeApi, snapshot } from '../../testing/fake-api.js';
import { createBoardStore, type BoardState } from './board-store.js';

function columnIds(state: BoardState, status: Status): number[] {
  return state.columns.find((c) => c.status === status)?.cards.map((c) => c.id) ?? [];
}

/**
 * A board whose answers come from a list of cards that the bulk channels change, as main would: the store
 * must end up showing what the server says after each reload.
 */
async function boardWith(cards: BoardCard[], update?: () => Promise<CallResult<BulkUpdateResult>>) {
  let server = cards.map((c) => ({ ...c }));
  const before = new Map<number, BoardCard>();
  const apply = (ids: readonly number[], change: BulkChange) => {
    server = server.map((c) => {
      if (!ids.includes(c.id)) return c;
      before.set(c.id, c);
      return { ...c, ...change };
    });
  };
  const api = fakeApi({
    'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot(server) })),
    'items.move': vi.fn(async ({ id, to }: { id: number; to: Status }) => {
      server = server.map((c) => (c.id === id ? { ...c, status: to } : c));
      return { ok: true as const, value: { item: server.find((c) => c.id === id) ?? card(id, to), change: null } };
    }),
    'items.bulkUpdate': vi.fn(async ({ ids, change }: { ids: number[]; change: BulkChange }) => {
      if (update) return update();
      apply(ids, change);
      return { ok: true as const, value: { batchId: 'status:10-12', changed: ids.length, unchanged: 0 } };
    }),
    'items.bulkUndo': vi.fn(async () => {
      server = server.map((c) => before.get(c.id) ?? c);
      return { ok: true as const, value: { restored: before.size, skipped: [] } };
    }),
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  return { api, store };
}

describe('selection', () => {
  const cards = [card(1, 'new'), card(2, 'new'), card(3, 'new'), card(4, 'new'), card(5, 'triage')];

  it('toggles cards, selects a range within a column, a whole column, and clears', async () => {
    const { store } = await boardWith(cards);
    const s = () => store.getState();
    // Column order is newest first: 4, 3, 2, 1.
    expect(columnIds(s(), 'new')).toEqual([4, 3, 2, 1]);
    s().cardSelectionToggled(5);
    s().cardSelectionToggled(5);
    s().cardSelectionToggled(3);
    expect(s().selection).toEqual([3]);
    s().cardRangeSelected(1);
    expect([...s().selection].sort()).toEqual([1, 2, 3]);
    s().selectionCleared();
    expect(s().selection).toEqual([]);
    s().columnSelected('new');
    expect([...s().selection].sort()).toEqual([1, 2, 3, 4]);
    s().rowsSelectionToggled([1, 2, 3, 4]);
    expect(s().selection).toEqual([]);
  });

  it('a range click outside the anchor column starts a new range there instead of crossing columns', async () => {
    const { store } = await boardWith(cards);
    store.getState().cardSelectionToggled(4);
    store.getState().cardRangeSelected(5);
    expect(store.getState().selection).toEqual([4, 5]);
    expect(store.getState().selectionAnchor).toBe(5);
  });
});

describe('bulk changes', () => {
  const cards = [card(1, 'new'), card(2, 'new'), card(3, 'new'), card(4, 'triage')];

  it('moves the selected cards at once, then shows what main answered, and one undo restores them all', async () => {
    const answer = deferred<CallResult<BulkUpdateResult>>();
    const { api, store } = await boardWith(cards, () => answer.promise);
    const s = () => store.getState();
    [1, 2, 3].forEach((id) => s().cardSelectionToggled(id));
    const pending = s().bulkChangeRequested({ status: 'dismissed' });
    expect(columnIds(s(), 'dismissed').sort()).toEqual([1, 2, 3]);
    expect(s().bulkBusy).toBe(true);
    expect(api['items.bulkUpdate']).toHaveBeenCalledWith({ ids: [1, 2, 3], change: { status: 'dismissed' } });
    answer.resolve({ ok: true, value: { batchId: 'status:7-9', changed: 3, unchanged: 0 } });
    await pending;
    expect(s().lastBulk).toMatchObject({ batchId: 'status:7-9', count: 3, undone: false });
    expect(s().selection).toEqual([1, 2, 3]); // kept: the next change can go to the same cards

    // Ctrl+Z (the same action as the toast's 元に戻す) undoes the batch as a whole.
    await s().lastMoveUndone();
    expect(api['items.bulkUndo']).toHaveBeenCalledWith({ batchId: 'status:7-9' });
    expect(api['items.move']).not.toHaveBeenCalled();
    expect(s().lastBulk).toMatchObject({ undone: true });
  });

  it('reloads the board after the answer, so counts and columns are main’s', async () => {
    const { api, store } = await boardWith(cards);
    store.getState().cardSelectionToggled(1);
    store.getState().cardSelectionToggled(2);
    await store.getState().bulkChangeRequested({ severity: 4 });
    expect(api['board.load']).toHaveBeenCalledTimes(2);
    const shown = store.getState().columns.flatMap((c) => c.cards).filter((c) => c.severity === 4).map((c) => c.id);
    expect(shown.sort()).toEqual([1, 2]);
    await store.getState().lastMoveUndone();
    expect(store.getState().columns.flatMap((c) => c.cards).filter((c) => c.severity === 4)).toEqual([]);
  });

  it('after a later single move, Ctrl+Z undoes that move, not the bulk change', async () => {
    const { api, store } = await boardWith(cards);
    store.getState().cardSelectionToggled(1);
    await store.getState().bulkChangeRequested({ category: 'loss' });
    await store.getState().cardMovedToColumn(4, 'action');
    await store.getState().lastMoveUndone();
    expect(api['items.bulkUndo']).not.toHaveBeenCalled();
    expect(api['items.move']).toHaveBeenLastCalledWith({ id: 4, to: 'triage' });
  });

  it('a refused change says why and the board shows main’s state again', async () => {
    const { store } = await boardWith(cards, async () => ({ ok: false, error: { code: 'not-found', message: 'item 3 does not exist' } }));
    store.getState().cardSelectionToggled(3);
    await store.getState().bulkChangeRequested({ status: 'action' });
    expect(store.getState().bulkError).toBe('item 3 does not exist');
    expect(columnIds(store.getState(), 'new')).toContain(3);
    expect(store.getState().lastBulk).toBeNull();
  });

  it('changes the given card when nothing is selected (a key on the focused card)', async () => {
    const { api, store } = await boardWith(cards);
    await store.getState().bulkChangeRequested({ severity: 2 }, [4]);
    expect(api['items.bulkUpdate']).toHaveBeenCalledWith({ ids: [4], change: { severity: 2 } });
  });
});

describe('selection and the query', () => {
  it('a new search or filter clears the selection, so a bulk change never reaches items out of view', async () => {
    const api = fakeApi({ 'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([card(1, 'new'), card(2, 'new')]) })) });
    const store = createBoardStore(api);
    await store.getState().boardRequested();
    store.getState().cardSelectionToggled(1);
    await store.getState().searchChanged('漏洩');
    expect(store.getState().selection).toEqual([]);
  });
});
