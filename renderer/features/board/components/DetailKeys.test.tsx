import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '../../../testing/render.js';
import { card, detailOf, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { BoardStoreContext } from '../board-context.js';
import { createBoardStore } from '../board-store.js';
import { DetailKeys } from './DetailKeys.js';
import { DetailPanel } from './DetailPanel.js';

const item = card(5, 'new');

async function setUp() {
  const api = fakeApi({
    'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([item]) })),
    'items.get': vi.fn(async () => ({ ok: true as const, value: detailOf(item) })),
    'items.move': vi.fn(async () => ({ ok: true as const, value: { item: { ...item, status: 'action' as const }, change: null } })),
    'items.bulkUpdate': vi.fn(async () => ({ ok: true as const, value: { batchId: 'field:1-1', changed: 1, unchanged: 0 } })),
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  const view = await render(
    <BoardStoreContext value={store}>
      <DetailPanel />
      <DetailKeys />
    </BoardStoreContext>,
  );
  await act(async () => store.getState().cardOpened(5));
  return { api, view };
}

function press(target: Element | null, init: KeyboardEventInit) {
  return act(async () => {
    target?.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('keys in the open detail', () => {
  it('s opens the severity menu for the item shown, a digit sets it; 3 moves the item to 要周知', async () => {
    const { api, view } = await setUp();
    cleanup = view.unmount;
    const heading = view.container.querySelector('aside.detail h2');
    expect(document.activeElement).toBe(heading);
    await press(heading, { key: 's', code: 'KeyS' });
    expect(view.container.querySelector('[role="menu"]')?.getAttribute('aria-label')).toBe('深刻度を選ぶ (この項目)');
    await press(document.activeElement, { key: '2', code: 'Digit2' });
    expect(api['items.bulkUpdate']).toHaveBeenCalledWith({ ids: [5], change: { severity: 2 } });

    await press(heading, { key: '3', code: 'Digit3' });
    expect(api['items.move']).toHaveBeenCalledWith({ id: 5, to: 'action' });
  });

  it('typing in a field of the detail keeps its keys', async () => {
    const { api, view } = await setUp();
    cleanup = view.unmount;
    const select = view.container.querySelector('aside.detail select');
    await press(select, { key: 's', code: 'KeyS' });
    await press(select, { key: '3', code: 'Digit3' });
    expect(view.container.querySelector('[role="menu"]')).toBeNull();
    expect(api['items.move']).not.toHaveBeenCalled();
  });
});
