import { describe, expect, it, vi } from 'vitest';
import type { ImportRecord } from '../../../shared/domain/import-record.js';
import type { TriageApi } from '../../../shared/ipc/contract.js';
import { deferred, fakeApi, importRecord } from '../../testing/fake-api.js';
import { createImportHistoryStore, HISTORY_LIMIT } from './import-history-store.js';

const QUESTION = 'よろしいですか？';

function setUp(records: ImportRecord[], confirmAnswer = true) {
  const list = vi.fn<TriageApi['imports.list']>(async () => ({ ok: true, value: records }));
  const undo = vi.fn<TriageApi['imports.undo']>(async () => ({ ok: true, value: { removed: 2, kept: 1 } }));
  const api = fakeApi({ 'imports.list': list, 'imports.undo': undo });
  const confirm = vi.fn(() => confirmAnswer);
  const onChanged = vi.fn();
  const store = createImportHistoryStore(api, { confirm, onChanged });
  return { api, list, undo, confirm, onChanged, store };
}

describe('import history store', () => {
  it('loads the list, newest first, when the history opens, and forgets the outcome when it closes', async () => {
    const { list, store } = setUp([importRecord(1), importRecord(3), importRecord(2)]);
    await store.getState().historyOpened();
    expect(list).toHaveBeenCalledWith({ limit: HISTORY_LIMIT });
    expect(store.getState()).toMatchObject({ open: true, loaded: true, loading: false, error: null });
    expect(store.getState().records.map((r) => r.id)).toEqual([3, 2, 1]);

    store.getState().historyClosed();
    expect(store.getState()).toMatchObject({ open: false, lastUndo: null, error: null });
  });

  it('shows a list that could not be loaded as an error', async () => {
    const api = fakeApi({
      'imports.list': vi.fn(async () => ({ ok: false as const, error: { code: 'database-error' as const, message: 'locked' } })),
    });
    const store = createImportHistoryStore(api);
    await store.getState().historyOpened();
    expect(store.getState()).toMatchObject({ loaded: true, records: [], error: { kind: 'load', message: 'locked' } });
  });

  it('undoes an import only after the officer confirms, then reports the change and reloads the list', async () => {
    const { list, undo, confirm, onChanged, store } = setUp([importRecord(1)]);
    await store.getState().historyOpened();
    list.mockResolvedValue({ ok: true, value: [importRecord(1, { undoneAt: '2024-05-02T00:00:00.000Z', removed: 2 })] });

    await store.getState().importUndoRequested(1, QUESTION);

    expect(confirm).toHaveBeenCalledWith(QUESTION);
    expect(undo).toHaveBeenCalledWith({ id: 1 });
    expect(onChanged).toHaveBeenCalledWith({ removed: 2, kept: 1 });
    expect(list).toHaveBeenCalledTimes(2);
    expect(store.getState()).toMatchObject({
      undoingId: null,
      error: null,
      lastUndo: { id: 1, fileName: 'file-1.csv', removed: 2, kept: 1 },
    });
    expect(store.getState().records[0]?.undoneAt).not.toBeNull();
  });

  it('does not call the api when the officer declines', async () => {
    const { undo, confirm, onChanged, store } = setUp([importRecord(1)], false);
    await store.getState().historyOpened();
    await store.getState().importUndoRequested(1, QUESTION);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(undo).not.toHaveBeenCalled();
    expect(onChanged).not.toHaveBeenCalled();
    expect(store.getState().lastUndo).toBeNull();
  });

  it('asks nothing for an import already undone, and takes one undo at a time', async () => {
    const { undo, confirm, store } = setUp([importRecord(1, { undoneAt: '2024-05-02T00:00:00.000Z' }), importRecord(2)]);
    await store.getState().historyOpened();
    await store.getState().importUndoRequested(1, QUESTION);
    expect(confirm).not.toHaveBeenCalled();

    const pending = deferred<Awaited<ReturnType<TriageApi['imports.undo']>>>();
    undo.mockReturnValueOnce(pending.promise);
    const first = store.getState().importUndoRequested(2, QUESTION);
    expect(store.getState().undoingId).toBe(2);
    await store.getState().importUndoRequested(2, QUESTION);
    pending.resolve({ ok: true, value: { removed: 0, kept: 0 } });
    await first;
    expect(undo).toHaveBeenCalledTimes(1);
    expect(store.getState().undoingId).toBeNull();
  });

  it('shows a conflict (undone elsewhere meanwhile) as an error and reloads the list, reporting no change', async () => {
    const { list, undo, onChanged, store } = setUp([importRecord(1)]);
    await store.getState().historyOpened();
    undo.mockResolvedValue({ ok: false, error: { code: 'conflict', message: 'import 1 was already undone' } });
    list.mockResolvedValue({ ok: true, value: [importRecord(1, { undoneAt: '2024-05-02T00:00:00.000Z' })] });

    await store.getState().importUndoRequested(1, QUESTION);

    expect(store.getState()).toMatchObject({
      undoingId: null,
      lastUndo: null,
      error: { kind: 'undo', code: 'conflict', fileName: 'file-1.csv', message: 'import 1 was already undone' },
    });
    expect(list).toHaveBeenCalledTimes(2);
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('reloads an open history when an import finishes, and leaves a closed one alone', async () => {
    const { list, store } = setUp([importRecord(1)]);
    await store.getState().importFinished();
    expect(list).not.toHaveBeenCalled();
    await store.getState().historyOpened();
    await store.getState().importFinished();
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('asks with window.confirm when no confirm is given', async () => {
    const spy = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const undo = vi.fn();
    const api = fakeApi({ 'imports.list': vi.fn(async () => ({ ok: true as const, value: [importRecord(1)] })), 'imports.undo': undo });
    const store = createImportHistoryStore(api);
    await store.getState().historyOpened();
    await store.getState().importUndoRequested(1, QUESTION);
    expect(spy).toHaveBeenCalledWith(QUESTION);
    expect(undo).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
