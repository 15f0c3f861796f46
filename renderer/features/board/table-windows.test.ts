import { describe, expect, it, vi } from 'vitest';
import type { BoardCard } from '../../../shared/domain/board-query.js';
import type { Input } from '../../../shared/ipc/contract.js';
import { card, deferred, fakeApi, snapshot } from '../../testing/fake-api.js';
import { createBoardStore } from './board-store.js';
import { TABLE_MAX_WINDOWS, patchRow, pruneWindows, rowAt, windowOffsetsFor } from './table-windows.js';

/** Rows offset..offset+limit of a result of `matching` rows, as main's LIMIT/OFFSET would answer. */
function rowsOf(input: Input<'board.table'>, matching: number): BoardCard[] {
  const { offset = 0, limit = 100 } = input.page ?? {};
  const rows: BoardCard[] = [];
  for (let i = offset; i < Math.min(offset + limit, matching); i++) rows.push(card(i + 1, 'new'));
  return rows;
}

describe('table windows (pure)', () => {
  it('covers a range of rows with the window offsets it touches, clamped to the rows that exist', () => {
    expect(windowOffsetsFor(0, 30, 1000)).toEqual([0]);
    expect(windowOffsetsFor(95, 105, 1000)).toEqual([0, 100]);
    expect(windowOffsetsFor(950, 1200, 1000)).toEqual([900]);
    expect(windowOffsetsFor(0, 10, 0)).toEqual([]);
    expect(windowOffsetsFor(20, 10, 1000)).toEqual([]);
  });

  it('finds a row by its index in the whole result, or nothing when its window is not cached', () => {
    const windows = { 100: [card(1, 'new'), card(2, 'new')] };
    expect(rowAt(windows, 101)?.id).toBe(2);
    expect(rowAt(windows, 5)).toBeUndefined();
  });

  it('forgets the windows farthest from the visible row first', () => {
    const windows = Object.fromEntries(Array.from({ length: TABLE_MAX_WINDOWS + 3 }, (_, i) => [i * 100, [card(i, 'new')]]));
    const kept = Object.keys(pruneWindows(windows, 0)).map(Number);
    expect(kept).toHaveLength(TABLE_MAX_WINDOWS);
    expect(kept).toContain(0);
    expect(kept).not.toContain((TABLE_MAX_WINDOWS + 2) * 100);
  });

  it('changes one row and shares the untouched windows', () => {
    const other = [card(9, 'new')];
    const windows = { 0: [card(1, 'new')], 100: other };
    const next = patchRow(windows, 1, { status: 'action' });
    expect(next[0]?.[0]?.status).toBe('action');
    expect(next[100]).toBe(other);
    expect(patchRow(windows, 42, { status: 'action' })).toBe(windows);
  });
});

describe('board store: the virtual table', () => {
  function tableApi(matching: number) {
    const table = vi.fn(async (input: Input<'board.table'>) => ({ ok: true as const, value: { rows: rowsOf(input, matching), matching } }));
    const api = fakeApi({ 'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([]) })), 'board.table': table });
    return { api, table };
  }

  it('fetches only the windows of the rows shown, once each, and keeps far fewer rows than match', async () => {
    const { api, table } = tableApi(100_000);
    const store = createBoardStore(api);
    await store.getState().modeChanged('table');
    expect(store.getState().table.matching).toBe(100_000);
    await store.getState().tableRowsShown(50_050, 50_080);
    await store.getState().tableRowsShown(50_060, 50_090);
    const offsets = table.mock.calls.map(([input]) => input.page?.offset);
    expect(offsets).toEqual([0, 50_000]);
    for (let first = 0; first < 3_000; first += 100) await store.getState().tableRowsShown(first, first + 30);
    const cached = Object.values(store.getState().table.windows).flat();
    expect(cached.length).toBeLessThanOrEqual(TABLE_MAX_WINDOWS * 100);
  });

  it('drops a window that answers after the query changed', async () => {
    const late = deferred<{ ok: true; value: { rows: BoardCard[]; matching: number } }>();
    const { api, table } = tableApi(500);
    const store = createBoardStore(api);
    await store.getState().modeChanged('table');
    table.mockImplementationOnce(() => late.promise);
    const pending = store.getState().tableRowsShown(300, 320);
    await store.getState().filtersChanged({ statuses: ['new'] });
    late.resolve({ ok: true, value: { rows: [card(777, 'new')], matching: 500 } });
    await pending;
    expect(store.getState().table.windows[300]).toBeUndefined();
    expect(Object.values(store.getState().table.windows).flat().some((r) => r.id === 777)).toBe(false);
  });

  it('refetches the rows on screen in place when the same query reloads, and starts at the top for a new sort', async () => {
    const { api, table } = tableApi(5_000);
    const store = createBoardStore(api);
    await store.getState().modeChanged('table');
    await store.getState().tableRowsShown(2_010, 2_040);
    const generation = store.getState().table.generation;
    table.mockClear();
    await store.getState().boardRequested();
    expect(table.mock.calls.map(([input]) => input.page?.offset)).toEqual([2_000]);
    expect(store.getState().table.windows[2_000]).toBeDefined();
    expect(store.getState().table.generation).toBe(generation + 1);
    table.mockClear();
    await store.getState().tableSortChanged('title');
    expect(table.mock.calls.map(([input]) => input.page?.offset)).toEqual([0]);
    expect(store.getState().table.windows[2_000]).toBeUndefined();
  });
});
