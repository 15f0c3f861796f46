// The open item marks the search terms' hits in its title and body, as text nodes, beside the fact
// evidence marks (both kinds of <mark> coexist, in their own styles), and n / N go from hit to hit.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '../../../testing/render.js';
import { card, detailOf, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { factsFor } from '../../../testing/fake-facts.js';
import { BoardStoreContext } from '../board-context.js';
import { createBoardStore } from '../board-store.js';
import { Board } from './Board.js';
import { DetailPanel } from './DetailPanel.js';

const summary = card(3, 'new', { title: '<img src=x>不正アクセスに関するお知らせ' });
const body = '当社サーバーが不正アクセスを受け、<b>顧客</b>の個人情報が流出しました。再発防止のため不正アクセス対策を強化します。';

async function setUp(searchText: string) {
  const detail = detailOf(summary, { body, facts: { suggested: factsFor(summary.title, body), corrections: [], relevance: null } });
  const api = fakeApi({
    'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([summary]) })),
    'items.get': vi.fn(async () => ({ ok: true as const, value: detail })),
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  await store.getState().searchChanged(searchText);
  const view = await render(
    <BoardStoreContext value={store}>
      <Board />
      <DetailPanel />
    </BoardStoreContext>,
  );
  await act(async () => view.container.querySelector<HTMLElement>('[data-card-id="3"]')?.click());
  const panel = view.container.querySelector<HTMLElement>('[role="dialog"]')!;
  return { view, store, panel };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('search hits in the detail panel', () => {
  it('marks the hits in the title and body as text, inside the evidence marks where they overlap', async () => {
    const { view, panel } = await setUp('不正アクセス -流出しない');
    cleanup = view.unmount;
    const title = panel.querySelector('h2')!;
    expect([...title.querySelectorAll('mark.search-hit')].map((m) => m.textContent)).toEqual(['不正アクセス']);
    expect(title.querySelector('img')).toBeNull();
    expect(title.textContent).toContain('<img src=x>');
    const bodyBox = panel.querySelector('.detail-body')!;
    const hits = [...bodyBox.querySelectorAll('mark.search-hit')];
    expect(hits.map((m) => m.textContent)).toEqual(['不正アクセス', '不正アクセス']);
    // The first hit is also the category's evidence: the search mark sits inside the evidence mark.
    expect(hits[0]?.parentElement?.matches('mark.evidence')).toBe(true);
    expect(hits[0]?.classList.contains('search-hit--current')).toBe(true);
    expect(bodyBox.querySelector('b')).toBeNull();
    expect(bodyBox.textContent).toContain('<b>顧客</b>');
    expect(panel.querySelector('.detail-hits')?.textContent).toContain('検索語の一致 1 / 2');
  });

  it('goes to the next and previous hit with n / N and the buttons, round at the ends', async () => {
    const { view, panel } = await setUp('不正アクセス');
    cleanup = view.unmount;
    const current = () => panel.querySelector('.detail-body mark.search-hit--current')?.getAttribute('data-hit');
    const heading = panel.querySelector('h2')!;
    await act(async () => heading.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true })));
    expect(current()).toBe('1');
    await act(async () => heading.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true })));
    expect(current()).toBe('0');
    await act(async () => heading.dispatchEvent(new KeyboardEvent('keydown', { key: 'N', bubbles: true })));
    expect(current()).toBe('1');
    const previous = [...panel.querySelectorAll('button')].find((b) => b.textContent === '前の一致')!;
    await act(async () => previous.click());
    expect(current()).toBe('0');
  });

  it('says when the body has none of the terms, and marks nothing without a search', async () => {
    const missing = await setUp('ランサムウェア');
    expect(missing.panel.querySelector('.detail-hits')?.textContent).toBe('本文に検索語はありません');
    expect(missing.panel.querySelector('mark.search-hit')).toBeNull();
    await missing.view.unmount();
    const none = await setUp('');
    cleanup = none.view.unmount;
    expect(none.panel.querySelector('.detail-hits')).toBeNull();
    expect(none.panel.querySelector('mark.search-hit')).toBeNull();
    // The evidence is still marked.
    expect(none.panel.querySelector('mark.evidence')?.textContent).toBe('不正アクセス');
  });
});
