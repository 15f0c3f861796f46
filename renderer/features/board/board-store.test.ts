import { describe, expect, it, vi } from 'vitest';
import type { CardSummary, StatusChange } from '../../../shared/domain/item.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { Output } from '../../../shared/ipc/contract.js';
import type { CallResult } from '../../../shared/ipc/result.js';
import { card, deferred, detailOf, fakeApi, snapshot } from '../../testing/fake-api.js';
import { createBoardStore, type BoardState } from './board-store.js';

type MoveResult = CallResult<Output<'items.move'>>;

function columnIds(state: BoardState, status: Status): number[] {
  return state.columns.find((c) => c.status === status)?.cards.map((c) => c.id) ?? [];
}
function columnCount(state: BoardState, status: Status): number | undefined {
  return state.columns.find((c) => c.status === status)?.count;
}
function moved(item: CardSummary, to: Status): MoveResult {
  const change: StatusChange = { id: 99, from: item.status, to, changedAt: '2024-05-01T09:00:00.000Z', changedBy: 'officer' };
  return { ok: true, value: { item: { ...item, status: to }, change } };
}

async function loadedStore(cards: CardSummary[], moveResult: () => Promise<MoveResult>) {
  const api = fakeApi({
    'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot(cards) })),
    'items.move': vi.fn(moveResult),
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  return { api, store };
}

describe('board store', () => {
  const a = card(1, 'new');
  const b = card(2, 'new');

  it('loads the columns with the current search', async () => {
    const { api, store } = await loadedStore([a, b], async () => moved(a, 'triage'));
    expect(api['board.load']).toHaveBeenCalledWith({ search: '' });
    expect(columnIds(store.getState(), 'new')).toEqual([2, 1]);
    expect(store.getState()).toMatchObject({ loaded: true, total: 2 });
  });

  it('moves a card at once, before the server answers, then reconciles with the answer', async () => {
    const answer = deferred<MoveResult>();
    const { api, store } = await loadedStore([a, b], () => answer.promise);
    const pending = store.getState().cardMovedToColumn(1, 'triage');

    expect(columnIds(store.getState(), 'new')).toEqual([2]);
    expect(columnIds(store.getState(), 'triage')).toEqual([1]);
    expect([columnCount(store.getState(), 'new'), columnCount(store.getState(), 'triage')]).toEqual([1, 1]);
    expect(store.getState().lastMove).toMatchObject({ id: 1, from: 'new', to: 'triage', undone: false });
    expect(api['items.move']).toHaveBeenCalledWith({ id: 1, to: 'triage' });

    answer.resolve(moved({ ...a, title: 'renamed by server' }, 'triage'));
    await pending;
    const triage = store.getState().columns.find((c) => c.status === 'triage');
    expect(triage?.cards).toEqual([{ ...a, title: 'renamed by server', status: 'triage' }]);
    expect(store.getState().error).toBeNull();
  });

  it('puts the card back and reports the error when the server refuses the move', async () => {
    const answer = deferred<MoveResult>();
    const { store } = await loadedStore([a, b], () => answer.promise);
    const pending = store.getState().cardMovedToColumn(1, 'dismissed');
    expect(columnIds(store.getState(), 'dismissed')).toEqual([1]);

    answer.resolve({ ok: false, error: { code: 'database-error', message: 'database is locked' } });
    await pending;
    expect(columnIds(store.getState(), 'new')).toEqual([2, 1]);
    expect(columnIds(store.getState(), 'dismissed')).toEqual([]);
    expect(columnCount(store.getState(), 'dismissed')).toBe(0);
    expect(store.getState().error).toEqual({ kind: 'move', title: 'item 1', message: 'database is locked' });
    expect(store.getState().lastMove).toBeNull();
  });

  it('undoes the last move by moving the card back, once', async () => {
    const { api, store } = await loadedStore([a, b], async () => moved(a, 'action'));
    await store.getState().cardMovedToColumn(1, 'action');
    vi.mocked(api['items.move']).mockImplementation(async () => moved({ ...a, status: 'action' }, 'new'));

    await store.getState().lastMoveUndone();
    expect(api['items.move']).toHaveBeenLastCalledWith({ id: 1, to: 'new' });
    expect(columnIds(store.getState(), 'new')).toEqual([2, 1]);
    expect(columnIds(store.getState(), 'action')).toEqual([]);
    expect(store.getState().lastMove).toMatchObject({ id: 1, from: 'action', to: 'new', undone: true });

    await store.getState().lastMoveUndone();
    expect(api['items.move']).toHaveBeenCalledTimes(2);
  });

  it('does not call the server for a move to the column the card is already in', async () => {
    const { api, store } = await loadedStore([a], async () => moved(a, 'new'));
    await store.getState().cardMovedToColumn(1, 'new');
    expect(api['items.move']).not.toHaveBeenCalled();
    expect(store.getState().lastMove).toBeNull();
  });

  it('keeps the open detail in step: status at once, history from the answer', async () => {
    const { api, store } = await loadedStore([a], async () => moved(a, 'triage'));
    vi.mocked(api['items.get']).mockResolvedValue({ ok: true, value: detailOf(a) });
    await store.getState().cardOpened(1);
    expect(store.getState().detail?.id).toBe(1);

    await store.getState().cardMovedToColumn(1, 'triage');
    expect(store.getState().detail?.status).toBe('triage');
    expect(store.getState().detail?.history).toEqual([
      { id: 99, from: 'new', to: 'triage', changedAt: '2024-05-01T09:00:00.000Z', changedBy: 'officer' },
    ]);
  });

  it('ignores the answer of a search that a newer search has overtaken', async () => {
    const slow = deferred<CallResult<Output<'board.load'>>>();
    const api = fakeApi({
      'board.load': vi
        .fn()
        .mockImplementationOnce(() => slow.promise)
        .mockImplementationOnce(async () => ({ ok: true, value: snapshot([b]) })),
    });
    const store = createBoardStore(api);
    const first = store.getState().searchChanged('ランサム');
    await store.getState().searchChanged('ランサムウェア');
    slow.resolve({ ok: true, value: snapshot([a, b]) });
    await first;
    expect(store.getState().search).toBe('ランサムウェア');
    expect(columnIds(store.getState(), 'new')).toEqual([2]);
  });

  it('opens a link in a new tab only when main could not and the address is a web address', async () => {
    const openWindow = vi.fn();
    const api = fakeApi({
      'links.open': vi
        .fn()
        .mockResolvedValueOnce({ ok: true, value: { opened: false, url: 'https://example.jp/news' } })
        .mockResolvedValueOnce({ ok: true, value: { opened: true, url: 'https://example.jp/news' } })
        .mockResolvedValueOnce({ ok: true, value: { opened: false, url: 'javascript:alert(1)' } })
        .mockResolvedValueOnce({ ok: false, error: { code: 'invalid-input', message: 'refused' } }),
    });
    const store = createBoardStore(api, { openWindow });
    for (let i = 0; i < 4; i++) await store.getState().sourceLinkOpened('https://example.jp/news');
    expect(openWindow.mock.calls).toEqual([['https://example.jp/news']]);
    expect(store.getState().error).toEqual({ kind: 'link', message: 'refused' });
  });
});
