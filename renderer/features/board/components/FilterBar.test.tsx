import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyBoardQuery } from '../../../../shared/domain/board-query.js';
import { act, render } from '../../../testing/render.js';
import { card, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { BoardStoreContext } from '../board-context.js';
import { COLUMN_FIRST_PAGE, createBoardStore } from '../board-store.js';
import { FilterBar } from './FilterBar.js';

async function setUp() {
  const load = vi.fn(async () => ({ ok: true as const, value: snapshot([card(1, 'new')]) }));
  const sources = vi.fn(async () => ({ ok: true as const, value: [{ name: 'cdns', count: 12 }, { name: 'IPA', count: 3 }] }));
  const tags = vi.fn(async () => ({ ok: true as const, value: [{ tag: 'VIP 顧客', count: 4 }, { tag: '取引先', count: 2 }] }));
  const api = fakeApi({
    'board.load': load,
    'board.sources': sources,
    'tags.list': tags,
    'views.list': vi.fn(async () => ({ ok: true as const, value: [] })),
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  const view = await render(
    <BoardStoreContext value={store}>
      <FilterBar />
    </BoardStoreContext>,
  );
  const button = (name: RegExp) => [...view.container.querySelectorAll<HTMLButtonElement>('button')].find((b) => name.test(b.textContent ?? ''));
  /** The multi-value filter whose label is `label`: its button and, when open, its checkboxes. */
  const multi = (label: string) => {
    const field = [...view.container.querySelectorAll('.multi-filter')].find((f) => f.querySelector('span')?.textContent === label)!;
    return {
      button: field.querySelector<HTMLButtonElement>('.multi-filter-button')!,
      boxes: () => [...field.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')],
      box: (text: string) => [...field.querySelectorAll('label')].find((l) => l.textContent?.startsWith(text))!.querySelector('input')!,
    };
  };
  return { load, sources, tags, store, view, button, multi };
}

function press(target: Element, key: string) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('FilterBar', () => {
  it('chooses several kinds from a keyboard-usable list, in a stable order, and says what is chosen', async () => {
    const { view, store, load, multi } = await setUp();
    cleanup = view.unmount;
    const kind = multi('種別');
    expect(kind.button.textContent).toContain('すべて');
    expect(kind.button.getAttribute('aria-expanded')).toBe('false');
    await act(async () => kind.button.click());
    expect(kind.button.getAttribute('aria-expanded')).toBe('true');
    // Opening puts the focus on the first choice, so Tab and Space work at once.
    expect(document.activeElement).toBe(kind.boxes()[0]);
    await act(async () => press(kind.boxes()[0]!, 'ArrowDown'));
    expect(document.activeElement).toBe(kind.boxes()[1]);
    await act(async () => press(kind.boxes()[1]!, 'ArrowUp'));
    expect(document.activeElement).toBe(kind.boxes()[0]);
    await act(async () => kind.box('注意喚起').click());
    await act(async () => kind.box('インシデント').click());
    // The options' order, not the clicking order: the same choice gives the same address.
    expect(store.getState().query.kinds).toEqual(['incident', 'advisory']);
    expect(load).toHaveBeenLastCalledWith({ ...emptyBoardQuery(), kinds: ['incident', 'advisory'], limitPerColumn: COLUMN_FIRST_PAGE });
    expect(kind.button.textContent).toContain('インシデント ほか1件');
    await act(async () => kind.box('未判定').click());
    expect(store.getState().query.kinds).toEqual(['incident', 'advisory', null]);
    await act(async () => press(kind.boxes()[0]!, 'Escape'));
    expect(kind.boxes()).toEqual([]);
    expect(document.activeElement).toBe(kind.button);
  });

  it('lists the sources with their counts when the source filter opens', async () => {
    const { view, store, sources, multi } = await setUp();
    cleanup = view.unmount;
    const source = multi('情報源');
    await act(async () => source.button.click());
    expect(sources).toHaveBeenCalledTimes(1);
    expect(source.boxes().map((b) => b.closest('label')?.textContent)).toEqual(['cdns12', 'IPA3']);
    await act(async () => source.box('IPA').click());
    expect(store.getState().query.sourceNames).toEqual(['IPA']);
  });

  it('shows each filter in force as a chip that removes only itself; 条件をクリア removes all but the sort', async () => {
    const { view, store, tags, button, multi } = await setUp();
    cleanup = view.unmount;
    await act(async () => {
      await store.getState().sortChanged('date_asc');
      await store.getState().filtersChanged({ statuses: ['new', 'triage'], severities: [4], hasFollowUps: true, publishedFrom: '2023-01-01' });
    });
    // The tags in use come from tags.list when the tag filter opens.
    const tag = multi('タグ');
    await act(async () => tag.button.click());
    expect(tags).toHaveBeenCalledTimes(1);
    expect(tag.boxes().map((b) => b.closest('label')?.textContent)).toEqual(['VIP 顧客4', '取引先2']);
    await act(async () => tag.box('VIP 顧客').click());
    expect(store.getState().query.tags).toEqual(['VIP 顧客']);

    const chips = () => [...view.container.querySelectorAll('.filter-chip')].map((c) => c.getAttribute('aria-label'));
    expect(chips()).toEqual([
      '深刻度: 4 重大 を外す',
      '状態: 新着 を外す',
      '状態: 確認中 を外す',
      'タグ: VIP 顧客 を外す',
      '公表日 2023-01-01 から を外す',
      '続報あり を外す',
    ]);
    const triage = [...view.container.querySelectorAll<HTMLButtonElement>('.filter-chip')].find((c) => c.textContent?.includes('確認中'))!;
    await act(async () => triage.click());
    expect(store.getState().query.statuses).toEqual(['new']);
    expect(store.getState().query.severities).toEqual([4]);

    await act(async () => button(/^条件をクリア$/)!.click());
    expect(store.getState().query).toEqual({ ...emptyBoardQuery(), sort: 'date_asc' });
    expect(view.container.querySelector('.filter-chips')).toBeNull();
  });

  it('sets and unsets 続報あり from its select', async () => {
    const { view, store } = await setUp();
    cleanup = view.unmount;
    const select = view.container.querySelector<HTMLSelectElement>('select[aria-label="続報"]')!;
    await act(async () => {
      select.value = 'false';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(store.getState().query.hasFollowUps).toBe(false);
    await act(async () => {
      select.value = '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(store.getState().query.hasFollowUps).toBeNull();
  });
});
