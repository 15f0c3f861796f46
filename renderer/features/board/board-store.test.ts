import { describe, expect, it, vi } from 'vitest';
import { emptyBoardQuery, type BoardCard } from '../../../shared/domain/board-query.js';
import type { StatusChange } from '../../../shared/domain/item.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { Output } from '../../../shared/ipc/contract.js';
import type { CallResult } from '../../../shared/ipc/result.js';
import { card, deferred, detailOf, fakeApi, snapshot } from '../../testing/fake-api.js';
import { COLUMN_FIRST_PAGE, COLUMN_NEXT_PAGE, createBoardStore, type BoardState } from './board-store.js';

type MoveResult = CallResult<Output<'items.move'>>;

function columnIds(state: BoardState, status: Status): number[] {
  return state.columns.find((c) => c.status === status)?.cards.map((c) => c.id) ?? [];
}
function columnCount(state: BoardState, status: Status): number | undefined {
  return state.columns.find((c) => c.status === status)?.count;
}
function moved(item: BoardCard, to: Status): MoveResult {
  const change: StatusChange = { id: 99, from: item.status, to, changedAt: '2024-05-01T09:00:00.000Z', changedBy: 'officer' };
  return { ok: true, value: { item: { ...item, status: to }, change } };
}

async function loadedStore(cards: BoardCard[], moveResult: () => Promise<MoveResult>) {
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
    expect(api['board.load']).toHaveBeenCalledWith({ ...emptyBoardQuery(), limitPerColumn: COLUMN_FIRST_PAGE });
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
    expect(store.getState().query.text).toBe('ランサムウェア');
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

  it('sends filters and sort with the text, mirrors them in the address beside other fragment keys, and restores them', async () => {
    const load = vi.fn(async () => ({ ok: true as const, value: snapshot([a]) }));
    const url = { location: { hash: '#token=abc', pathname: '/', search: '' }, history: { state: null, replaceState: vi.fn() } };
    url.history.replaceState.mockImplementation((_s: unknown, _t: string, next: string) => {
      url.location.hash = next.slice(next.indexOf('#'));
    });
    const store = createBoardStore(fakeApi({ 'board.load': load }), { url });
    await store.getState().searchChanged('漏洩');
    await store.getState().filtersChanged({ categories: ['ransomware'], appiReportable: true });
    await store.getState().sortChanged('date_asc');
    expect(load).toHaveBeenLastCalledWith({ ...emptyBoardQuery(), text: '漏洩', categories: ['ransomware'], appiReportable: true, sort: 'date_asc', limitPerColumn: COLUMN_FIRST_PAGE });
    // The launch token's key is left alone; the query sits under its own key.
    const params = new URLSearchParams(url.location.hash.slice(1));
    expect(params.get('token')).toBe('abc');
    expect(JSON.parse(params.get('board') ?? '{}')).toEqual({ text: '漏洩', categories: ['ransomware'], appiReportable: true, sort: 'date_asc' });

    const reloaded = createBoardStore(fakeApi({ 'board.load': load }), { url });
    expect(reloaded.getState().query).toEqual(store.getState().query);

    await store.getState().filtersCleared();
    expect(store.getState().query).toEqual({ ...emptyBoardQuery(), sort: 'date_asc' });
    expect(new URLSearchParams(url.location.hash.slice(1)).get('board')).toBe('{"sort":"date_asc"}');
  });

  it('ignores a query in the address that does not validate', () => {
    const url = { location: { hash: '#board=%7B%22kinds%22%3A%5B%22nonsense%22%5D%7D', pathname: '/', search: '' }, history: { state: null, replaceState: vi.fn() } };
    expect(createBoardStore(fakeApi(), { url }).getState().query).toEqual(emptyBoardQuery());
    url.location.hash = '#board=%7Bnot json';
    expect(createBoardStore(fakeApi(), { url }).getState().query).toEqual(emptyBoardQuery());
  });

  it('saves the current query as a view and applies a saved view', async () => {
    const saved = { name: 'ランサム', query: { ...emptyBoardQuery(), categories: ['ransomware' as const] }, savedAt: 'now' };
    const api = fakeApi({
      'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([a]) })),
      'views.save': vi.fn(async () => ({ ok: true as const, value: [saved] })),
    });
    const store = createBoardStore(api);
    await store.getState().filtersChanged({ categories: ['ransomware'] });
    expect(await store.getState().viewSaved('ランサム')).toBe(true);
    expect(api['views.save']).toHaveBeenCalledWith({ name: 'ランサム', query: store.getState().query });
    await store.getState().filtersCleared();
    await store.getState().viewApplied('ランサム');
    expect(store.getState().query.categories).toEqual(['ransomware']);
  });

  it('loads the table in windows, sorts by a clicked column and turns the direction on a second click', async () => {
    const table = vi.fn(async () => ({ ok: true as const, value: { rows: [a], matching: 250 } }));
    const api = fakeApi({ 'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([a]) })), 'board.table': table });
    const store = createBoardStore(api);
    await store.getState().modeChanged('table');
    expect(table).toHaveBeenLastCalledWith({ query: emptyBoardQuery(), sort: { column: 'relevance', direction: 'desc' }, page: { limit: 100, offset: 0 } });
    await store.getState().tableRowsShown(120, 140);
    expect(table).toHaveBeenLastCalledWith(expect.objectContaining({ page: { limit: 100, offset: 100 } }));
    await store.getState().tableSortChanged('title');
    expect(table).toHaveBeenLastCalledWith(expect.objectContaining({ sort: { column: 'title', direction: 'asc' }, page: { limit: 100, offset: 0 } }));
    await store.getState().tableSortChanged('title');
    expect(store.getState().table.sort).toEqual({ column: 'title', direction: 'desc' });
    // A filter reloads the table from its first page.
    await store.getState().filtersChanged({ statuses: ['new'] });
    expect(table).toHaveBeenLastCalledWith(expect.objectContaining({ query: { ...emptyBoardQuery(), statuses: ['new'] } }));
    expect(store.getState().table).toMatchObject({ matching: 250, loaded: true });
    expect(Object.keys(store.getState().table.windows)).toEqual(['0']);
  });

  it('reloads the board when main has read facts, so badges and facet filters include them', async () => {
    const load = vi.fn(async () => ({ ok: true as const, value: snapshot([a]) }));
    const store = createBoardStore(fakeApi({ 'board.load': load }));
    await store.getState().boardRequested();
    await store.getState().factsRead();
    expect(load).toHaveBeenCalledTimes(2);
    expect(store.getState().error).toBeNull();
  });

  it('appends the next page of a column for the same query, without repeating a card', async () => {
    const first = { ...snapshot([a, b]), columns: snapshot([a, b]).columns.map((c) => (c.status === 'new' ? { ...c, count: 3, cards: [b] } : c)) };
    const column = vi.fn(async () => ({ ok: true as const, value: { status: 'new' as const, count: 3, cards: [b, a] } }));
    const store = createBoardStore(fakeApi({ 'board.load': vi.fn(async () => ({ ok: true as const, value: first })), 'board.column': column }));
    await store.getState().searchChanged('お知らせ');
    await store.getState().columnMoreRequested('new');
    expect(column).toHaveBeenCalledWith({ query: { ...emptyBoardQuery(), text: 'お知らせ' }, status: 'new', offset: 1, limit: COLUMN_NEXT_PAGE });
    expect(columnIds(store.getState(), 'new')).toEqual([2, 1]);
  });
});
