import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '../../../testing/render.js';
import { card, detailOf, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { BoardStoreContext } from '../board-context.js';
import { createBoardStore } from '../board-store.js';
import { Board } from './Board.js';
import { DetailPanel } from './DetailPanel.js';

const hostile = card(7, 'new', { title: '<img src=x onerror=alert(1)>お詫びとお知らせ', organization: '<b>組織</b>' });

async function setUp() {
  const api = fakeApi({
    'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([hostile, card(8, 'triage')]) })),
    'items.get': vi.fn(async () => ({
      ok: true as const,
      value: detailOf(hostile, { body: '【状況】\n<script>alert(2)</script>\n以上', extra: { 担当: '山田' } }),
    })),
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  const view = await render(
    <BoardStoreContext value={store}>
      <Board />
      <DetailPanel />
    </BoardStoreContext>,
  );
  return { api, store, view };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('Board and DetailPanel', () => {
  it('shows five labelled columns in status order, cards as list items with a focusable button', async () => {
    const { view } = await setUp();
    cleanup = view.unmount;
    const regions = [...view.container.querySelectorAll('section[role="region"]')].map((r) => r.getAttribute('aria-label'));
    expect(regions).toEqual(['新着 (1)', '確認中 (1)', '要周知 (0)', '周知済 (0)', '対象外 (0)']);
    const button = view.container.querySelector('li [role="button"]');
    expect(button?.textContent).toContain(hostile.title);
    expect(view.container.querySelector('img')).toBeNull();
  });

  it('renders imported text as text, never as markup, and moves with the 状態 select', async () => {
    const { api, store, view } = await setUp();
    cleanup = view.unmount;
    const button = view.container.querySelector<HTMLElement>('[data-card-id="7"]');
    await act(async () => button?.click());

    const panel = view.container.querySelector('[role="dialog"][aria-label="詳細"]');
    expect(panel?.querySelector('.detail-body')?.textContent).toBe('【状況】\n<script>alert(2)</script>\n以上');
    expect(panel?.querySelector('script, img, b')).toBeNull();
    const extra = [...(panel?.querySelectorAll('dt') ?? [])].find((dt) => dt.textContent === '担当');
    expect(extra?.nextElementSibling?.textContent).toBe('山田');

    vi.mocked(api['items.move']).mockResolvedValue({ ok: true, value: { item: { ...hostile, status: 'action' }, change: null } });
    const select = panel?.querySelector('select');
    expect(select?.labels?.[0]?.textContent).toBe('状態');
    await act(async () => {
      if (select) select.value = 'action';
      select?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(api['items.move']).toHaveBeenCalledWith({ id: 7, to: 'action' });
    expect(store.getState().columns.find((c) => c.status === 'action')?.cards.map((c) => c.id)).toEqual([7]);
  });

  it('moves the focused card with Shift+ArrowRight and keeps the focus on it', async () => {
    const { api, view } = await setUp();
    cleanup = view.unmount;
    vi.mocked(api['items.move']).mockResolvedValue({ ok: true, value: { item: { ...hostile, status: 'triage' }, change: null } });
    const button = view.container.querySelector<HTMLElement>('[data-card-id="7"]');
    await act(async () => button?.focus());
    await act(async () => {
      button?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    });
    expect(api['items.move']).toHaveBeenCalledWith({ id: 7, to: 'triage' });
    const moved = view.container.querySelector('section[aria-label="確認中 (2)"] [data-card-id="7"]');
    expect(moved).not.toBeNull();
    expect(document.activeElement).toBe(moved);
  });
});
