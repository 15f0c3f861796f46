// The saved-view menu names a view only while the board shows exactly its filters.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyBoardQuery } from '../../../../shared/domain/board-query.js';
import type { SavedView } from '../../../../shared/domain/saved-views.js';
import { act, render } from '../../../testing/render.js';
import { card, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { BoardStoreContext } from '../board-context.js';
import { createBoardStore } from '../board-store.js';
import { SavedViews } from './SavedViews.js';

// Saved before the tags filter existed: its query lacks the field, which must read as the default.
const older = { name: '重大なランサム', query: { ...emptyBoardQuery(), categories: ['ransomware'], severities: [4] }, savedAt: '2026-01-01T00:00:00Z' } as SavedView;
delete (older.query as Partial<typeof older.query>).tags;

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('SavedViews', () => {
  it('shows the applied view, and no view once a filter changes', async () => {
    const api = fakeApi({
      'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([card(1, 'new')]) })),
      'views.list': vi.fn(async () => ({ ok: true as const, value: [older] })),
    });
    const store = createBoardStore(api);
    const view = await render(
      <BoardStoreContext value={store}>
        <SavedViews />
      </BoardStoreContext>,
    );
    cleanup = view.unmount;
    const select = view.container.querySelector('select') as HTMLSelectElement;
    await act(async () => {
      await store.getState().viewsRequested();
    });
    expect(select.value).toBe('');

    await act(async () => {
      await store.getState().viewApplied('重大なランサム');
    });
    expect(select.value).toBe('重大なランサム');
    expect(view.container.textContent).toContain('ビューを削除');

    await act(async () => {
      await store.getState().filtersChanged({ severities: [3, 4] });
    });
    expect(select.value).toBe('');
    expect(view.container.textContent).not.toContain('ビューを削除');
  });
});
