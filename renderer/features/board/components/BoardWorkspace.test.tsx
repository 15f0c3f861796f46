import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyBoardQuery } from '../../../../shared/domain/board-query.js';
import { act, render } from '../../../testing/render.js';
import { card, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { BoardStoreContext } from '../board-context.js';
import { COLUMN_FIRST_PAGE, createBoardStore } from '../board-store.js';
import { BoardWorkspace } from './BoardWorkspace.js';

// A hit inside markup-like text: the <mark> must wrap text, the markup must stay text.
const hit = card(7, 'new', {
  title: '<img src=x onerror=alert(1)>漏洩のお知らせ',
  kind: 'incident',
  category: 'unauthorized_access',
  severity: 4,
  appiReportable: true,
  relevance: 72.4,
  highlights: {
    title: [
      { text: '<img src=x onerror=alert(1)>', hit: false },
      { text: '漏洩', hit: true },
      { text: 'のお知らせ', hit: false },
    ],
    organization: null,
    body: null,
  },
});

async function setUp() {
  const load = vi.fn(async () => ({ ok: true as const, value: snapshot([hit, card(8, 'triage')]) }));
  const table = vi.fn(async () => ({ ok: true as const, value: { rows: [hit], matching: 1 } }));
  const api = fakeApi({ 'board.load': load, 'board.table': table, 'views.list': vi.fn(async () => ({ ok: true as const, value: [] })) });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  const view = await render(
    <BoardStoreContext value={store}>
      <BoardWorkspace />
    </BoardStoreContext>,
  );
  return { load, table, store, view };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('BoardWorkspace', () => {
  it('shows the facts as badges and the hits in <mark> as text, never as markup', async () => {
    const { view } = await setUp();
    cleanup = view.unmount;
    const cardEl = view.container.querySelector('[data-card-id="7"]');
    expect(cardEl?.querySelector('mark')?.textContent).toBe('漏洩');
    expect(cardEl?.querySelector('img')).toBeNull();
    expect(cardEl?.textContent).toContain('<img src=x onerror=alert(1)>');
    const badges = [...(cardEl?.querySelectorAll('.badge') ?? [])].map((b) => b.textContent);
    expect(badges).toEqual(['インシデント', '不正アクセス', '4 重大', '個情委報告', '関連度 72']);
  });

  it('narrows the board with a filter and the sort switch, and clears them', async () => {
    const { view, load, store } = await setUp();
    cleanup = view.unmount;
    // The category filter is a list of checkboxes behind a button (FilterBar.test.tsx tests it closely).
    const category = [...view.container.querySelectorAll('.multi-filter')].find((f) => f.querySelector('span')?.textContent === 'カテゴリ');
    await act(async () => category!.querySelector<HTMLButtonElement>('button')!.click());
    const ransomware = [...category!.querySelectorAll('label')].find((l) => l.textContent === 'ランサムウェア');
    await act(async () => ransomware!.querySelector('input')!.click());
    expect(load).toHaveBeenLastCalledWith({ ...emptyBoardQuery(), categories: ['ransomware'], limitPerColumn: COLUMN_FIRST_PAGE });
    const newest = [...view.container.querySelectorAll('button')].find((b) => b.textContent === '新しい順');
    await act(async () => newest!.click());
    expect(store.getState().query).toMatchObject({ categories: ['ransomware'], sort: 'date_desc' });
    expect(newest?.getAttribute('aria-pressed')).toBe('true');
    const clear = [...view.container.querySelectorAll('button')].find((b) => b.textContent === '条件をクリア');
    await act(async () => clear!.click());
    expect(store.getState().query).toEqual({ ...emptyBoardQuery(), sort: 'date_desc' });
  });

  it('switches to the table, which sorts by a clicked header', async () => {
    const { view, table } = await setUp();
    cleanup = view.unmount;
    const tableButton = [...view.container.querySelectorAll('button')].find((b) => b.textContent === '表');
    await act(async () => tableButton!.click());
    expect(view.container.querySelector('table')).not.toBeNull();
    expect(view.container.querySelector('tbody tr mark')?.textContent).toBe('漏洩');
    const titleHeader = [...view.container.querySelectorAll<HTMLButtonElement>('th button')].find((b) => b.textContent?.startsWith('タイトル'));
    await act(async () => titleHeader!.click());
    expect(table).toHaveBeenLastCalledWith(expect.objectContaining({ sort: { column: 'title', direction: 'asc' } }));
    expect(titleHeader?.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
  });
});
