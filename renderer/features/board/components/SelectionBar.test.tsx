import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkChange } from '../../../../shared/domain/bulk-change.js';
import { act, render } from '../../../testing/render.js';
import { card, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { BoardStoreContext } from '../board-context.js';
import { createBoardStore } from '../board-store.js';
import { Board } from './Board.js';
import { MoveToast } from './MoveToast.js';
import { SelectionBar } from './SelectionBar.js';

async function setUp() {
  const api = fakeApi({
    'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([card(1, 'new'), card(2, 'new'), card(3, 'new'), card(4, 'triage')]) })),
    'items.bulkUpdate': vi.fn(async ({ ids }: { ids: number[]; change: BulkChange }) => ({
      ok: true as const,
      value: { batchId: 'field:5-7', changed: ids.length, unchanged: 0 },
    })),
    'items.bulkUndo': vi.fn(async () => ({ ok: true as const, value: { restored: 3, skipped: [] } })),
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  const view = await render(
    <BoardStoreContext value={store}>
      <SelectionBar />
      <Board />
      <MoveToast />
    </BoardStoreContext>,
  );
  return { api, store, view };
}

function press(target: Element | null, init: KeyboardEventInit) {
  return act(async () => {
    target?.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}

/** Lets the store's calls and the reload after them finish (the fake api answers at once). */
function settle() {
  return act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('keyboard and bulk selection', () => {
  it('s opens the severity menu of the focused card; a digit key (by code) sets it and closes the menu', async () => {
    const { api, view } = await setUp();
    cleanup = view.unmount;
    const button = view.container.querySelector<HTMLElement>('[data-card-id="2"]');
    await act(async () => button?.focus());
    await press(button, { key: 's', code: 'KeyS' });
    const menu = view.container.querySelector('[role="menu"]');
    expect(menu?.getAttribute('aria-label')).toBe('深刻度を選ぶ (この項目)');
    expect([...(menu?.querySelectorAll('[role="menuitem"]') ?? [])].map((m) => m.textContent)).toEqual(['1 低', '2 中', '3 高', '4 重大']);
    // A Japanese keyboard in kana input gives another character for the key; the code is the same.
    await press(document.activeElement, { key: 'あ', code: 'Digit3' });
    expect(api['items.bulkUpdate']).toHaveBeenCalledWith({ ids: [2], change: { severity: 3 } });
    expect(view.container.querySelector('[role="menu"]')).toBeNull();
  });

  it('x and Ctrl+A select cards, the bar counts them, c + a letter changes the category of all, the toast undoes it', async () => {
    const { api, store, view } = await setUp();
    cleanup = view.unmount;
    const first = view.container.querySelector<HTMLElement>('[data-card-id="3"]');
    await act(async () => first?.focus());
    await press(first, { key: 'x', code: 'KeyX' });
    expect(view.container.querySelector('[role="toolbar"]')?.textContent).toContain('1件を選択中');
    await press(first, { key: 'a', code: 'KeyA', ctrlKey: true });
    expect(view.container.querySelector('[role="toolbar"]')?.textContent).toContain('3件を選択中');
    expect(view.container.querySelectorAll('[data-picked="true"]')).toHaveLength(3);

    await press(first, { key: 'c', code: 'KeyC' });
    expect(view.container.querySelector('[role="menu"]')?.getAttribute('aria-label')).toBe('カテゴリを選ぶ (選択中の3件)');
    await press(document.activeElement, { key: 'g', code: 'KeyG' }); // G: the 7th category, 紛失・誤廃棄
    await settle();
    expect(api['items.bulkUpdate']).toHaveBeenCalledWith({ ids: [3, 2, 1], change: { category: 'loss' } });
    expect(view.container.querySelector('.toast-region')?.textContent).toContain('3件のカテゴリを「紛失・誤廃棄」に変更しました');

    const undo = [...view.container.querySelectorAll('.toast-region button')].find((b) => b.textContent === '元に戻す');
    await act(async () => (undo as HTMLElement | undefined)?.click());
    await settle();
    expect(api['items.bulkUndo']).toHaveBeenCalledWith({ batchId: 'field:5-7' });
    expect(view.container.querySelector('.toast-region')?.textContent).toContain('一括変更を元に戻しました (3件)');
    expect(store.getState().selection).toHaveLength(3);

    await press(first, { key: 'Escape', code: 'Escape' });
    expect(store.getState().selection).toEqual([]);
    expect(view.container.querySelector('[role="toolbar"]')).toBeNull();
  });

  it('with a selection, a status key moves every selected card; the bar’s select does too', async () => {
    const { api, store, view } = await setUp();
    cleanup = view.unmount;
    const picked = view.container.querySelector<HTMLElement>('[data-card-id="1"]');
    await act(async () => picked?.dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: true })));
    const other = view.container.querySelector<HTMLElement>('[data-card-id="4"]');
    await act(async () => other?.dispatchEvent(new MouseEvent('click', { bubbles: true, metaKey: true })));
    expect(store.getState().selection).toEqual([1, 4]);
    expect(store.getState().selectedId).toBeNull(); // a modified click picks, it does not open

    await act(async () => other?.focus());
    await press(other, { key: '3', code: 'Digit3' });
    expect(api['items.bulkUpdate']).toHaveBeenLastCalledWith({ ids: [1, 4], change: { status: 'action' } });

    const select = view.container.querySelector<HTMLSelectElement>('select[aria-label="深刻度を変更"]');
    await act(async () => {
      if (select) select.value = '4';
      select?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(api['items.bulkUpdate']).toHaveBeenLastCalledWith({ ids: [1, 4], change: { severity: 4 } });
    expect(select?.value).toBe('');

    // Tags typed with Japanese or Latin separators go to every selected item in one change.
    const input = view.container.querySelector<HTMLInputElement>('input[aria-label="タグ"]');
    await act(async () => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setValue?.call(input, 'Emotet、要確認, Emotet');
      input?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const remove = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'タグを外す');
    await act(async () => remove?.click());
    expect(api['items.bulkUpdate']).toHaveBeenLastCalledWith({ ids: [1, 4], change: { removeTags: ['Emotet', '要確認'] } });
    expect(input?.value).toBe('');
  });
});
