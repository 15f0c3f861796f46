import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '../../../testing/render.js';
import { card, detailOf, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { factsFor, spanOf } from '../../../testing/fake-facts.js';
import { BoardStoreContext } from '../../board/board-context.js';
import { createBoardStore } from '../../board/board-store.js';
import { Board } from '../../board/components/Board.js';
import { DetailPanel } from '../../board/components/DetailPanel.js';
import type { ItemDetail } from '../../../../shared/domain/item.js';

const summary = card(3, 'new', { title: '不正アクセスに関するお知らせ' });
const body = '当社サーバーが不正アクセスを受け、顧客約2万9千件の<b>氏名</b>が流出しました。';
const facts = factsFor(summary.title, body, {
  affected: {
    people: { value: null, evidence: [] },
    records: { value: 29000, evidence: [spanOf(summary.title, body, '約2万9千件')] },
    organizations: { value: null, evidence: [] },
  },
});

async function setUp(detail: ItemDetail) {
  const api = fakeApi({
    'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([summary]) })),
    'items.get': vi.fn(async () => ({ ok: true as const, value: detail })),
    'items.correct': vi.fn(async () => ({ ok: true as const, value: detail.facts })),
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  const view = await render(
    <BoardStoreContext value={store}>
      <Board />
      <DetailPanel />
    </BoardStoreContext>,
  );
  await act(async () => view.container.querySelector<HTMLElement>('[data-card-id="3"]')?.click());
  return { api, view };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('facts in the detail panel', () => {
  it('marks the evidence in the body as text, highlights a fact on hover and shows its sentence', async () => {
    const { view } = await setUp(detailOf(summary, { body, facts: { suggested: facts, corrections: [], relevance: null } }));
    cleanup = view.unmount;
    const bodyBox = view.container.querySelector('.detail-body');
    expect(bodyBox?.textContent).toBe(body);
    expect(bodyBox?.querySelector('b')).toBeNull();
    expect([...(bodyBox?.querySelectorAll('mark.evidence') ?? [])].map((m) => m.textContent)).toEqual(['不正アクセス', '約2万9千件']);

    const row = view.container.querySelector<HTMLElement>('[data-field="affected.records"]');
    expect(row?.querySelector('.fact-value')?.textContent).toBe((29000).toLocaleString());
    expect(row?.querySelector('.fact-value')?.getAttribute('title')).toBe('根拠: 当社サーバーが不正アクセスを受け、顧客約2万9千件の<b>氏名</b>が流出しました。');
    await act(async () => row?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    expect(bodyBox?.querySelector('mark.evidence--active')?.textContent).toBe('約2万9千件');
  });

  it('corrects a fact through items.correct and shows the correction beside the suggestion', async () => {
    const corrected = detailOf(summary, {
      body,
      facts: { suggested: facts, corrections: [{ field: 'category', value: 'theft', correctedAt: '2026-11-25T10:00:00.000Z', correctedBy: 'sato' }], relevance: null },
      fieldHistory: [{ id: 1, field: 'category', from: null, to: 'theft', changedAt: '2026-11-25T10:00:00.000Z', changedBy: 'sato' }],
    });
    const { api, view } = await setUp(detailOf(summary, { body, facts: { suggested: facts, corrections: [], relevance: null } }));
    cleanup = view.unmount;
    const edit = view.container.querySelector<HTMLButtonElement>('[data-field="category"] button[aria-label="カテゴリを修正"]');
    await act(async () => edit?.click());
    const select = view.container.querySelector<HTMLSelectElement>('[data-field="category"] select');
    expect(select?.value).toBe('unauthorized_access');
    vi.mocked(api['items.get']).mockResolvedValue({ ok: true, value: corrected });
    await act(async () => {
      if (select) select.value = 'theft';
      select?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => view.container.querySelector<HTMLButtonElement>('[data-field="category"] button[type="submit"]')?.click());
    expect(api['items.correct']).toHaveBeenCalledWith({ id: 3, field: 'category', value: 'theft' });
    const row = view.container.querySelector('[data-field="category"]');
    expect(row?.querySelector('.fact-value')?.textContent).toBe('盗難');
    expect(row?.textContent).toContain('修正済み');
    expect(row?.textContent).toContain('提案: 不正アクセス');
    expect(view.container.textContent).toContain('カテゴリ: — → 盗難');
  });

  it('refuses a malformed value before sending it', async () => {
    const { api, view } = await setUp(detailOf(summary, { body, facts: { suggested: facts, corrections: [], relevance: null } }));
    cleanup = view.unmount;
    await act(async () => view.container.querySelector<HTMLButtonElement>('[data-field="affected.people"] button')?.click());
    const input = view.container.querySelector<HTMLInputElement>('[data-field="affected.people"] input');
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(input, '約千人');
      input?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => view.container.querySelector<HTMLButtonElement>('[data-field="affected.people"] button[type="submit"]')?.click());
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('値の形式が正しくありません');
    expect(api['items.correct']).not.toHaveBeenCalled();
  });
});
