// The virtualized table under jsdom. jsdom has no layout, so the sizes TanStack Virtual reads are given
// here (as its docs suggest): the grid's scroll element is 340 px tall, and scrollTo moves scrollTop and
// fires the scroll event after the call, as a browser does.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BoardCard } from '../../../../shared/domain/board-query.js';
import type { Input } from '../../../../shared/ipc/contract.js';
import { act, render } from '../../../testing/render.js';
import { card, detailOf, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { BoardStoreContext } from '../board-context.js';
import { createBoardStore } from '../board-store.js';
import { TABLE_ROW_HEIGHT, TableView } from './TableView.js';

const VIEWPORT = 340;
const MATCHING = 5_000;
const scrollTops = new WeakMap<Element, number>();
const PROPS = ['clientHeight', 'scrollHeight', 'scrollTop'] as const;
const saved: (PropertyDescriptor | undefined)[] = [];
const isScroller = (el: Element) => el.classList.contains('table-scroll');

beforeAll(() => {
  const proto = HTMLElement.prototype;
  for (const name of PROPS) saved.push(Object.getOwnPropertyDescriptor(proto, name) ?? Object.getOwnPropertyDescriptor(Element.prototype, name));
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: function (this: HTMLElement) { return isScroller(this) ? VIEWPORT : 0; } });
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get: function (this: HTMLElement) { return isScroller(this) ? parseFloat(this.querySelector('tbody')?.style.height ?? '0') + TABLE_ROW_HEIGHT : 0; },
  });
  Object.defineProperty(proto, 'scrollTop', {
    configurable: true,
    get: function (this: HTMLElement) { return scrollTops.get(this) ?? 0; },
    set: function (this: HTMLElement, value: number) { scrollTops.set(this, value); },
  });
  proto.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? (options.top ?? 0) : 0;
    scrollTops.set(this, Math.max(0, Math.min(top, this.scrollHeight - VIEWPORT)));
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  } as typeof proto.scrollTo;
});

afterAll(() => {
  for (const [i, name] of PROPS.entries()) {
    const descriptor = saved[i];
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  }
});

function rowsOf(input: Input<'board.table'>): BoardCard[] {
  const { offset = 0, limit = 100 } = input.page ?? {};
  return Array.from({ length: Math.max(0, Math.min(limit, MATCHING - offset)) }, (_, i) =>
    card(offset + i + 1, 'new', { title: offset + i === 0 ? '<img src=x onerror=alert(1)>最初の行' : `row ${offset + i + 1}` }),
  );
}

async function setUp() {
  const table = vi.fn(async (input: Input<'board.table'>) => ({ ok: true as const, value: { rows: rowsOf(input), matching: MATCHING } }));
  const api = fakeApi({
    'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([]) })),
    'board.table': table,
    'items.get': vi.fn(async (input: Input<'items.get'>) => ({ ok: true as const, value: detailOf(card(input.id, 'new')) })),
  });
  const store = createBoardStore(api);
  await store.getState().modeChanged('table');
  const view = await render(
    <BoardStoreContext value={store}>
      <TableView />
    </BoardStoreContext>,
  );
  await settle();
  const scroller = view.container.querySelector<HTMLElement>('.table-scroll')!;
  return { api, table, store, view, scroller };
}

async function settle() {
  await act(async () => new Promise((r) => setTimeout(r, 60)));
}

const rowIndexes = (root: ParentNode) => [...root.querySelectorAll('tbody tr')].map((r) => Number(r.getAttribute('aria-rowindex')));

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  localStorage.clear();
});

describe('TableView (virtualized grid)', () => {
  it('is a grid of every match with only the rows in view rendered, item text as text', async () => {
    const { view } = await setUp();
    cleanup = view.unmount;
    const grid = view.container.querySelector('[role="grid"]');
    expect(grid?.getAttribute('aria-rowcount')).toBe(String(MATCHING + 1));
    const rows = rowIndexes(view.container);
    expect(rows[0]).toBe(2); // the header is row 1
    expect(rows.length).toBeLessThan(40);
    expect(grid?.querySelector('img')).toBeNull();
    expect(grid?.querySelector('tbody tr td')?.textContent).toBe('<img src=x onerror=alert(1)>最初の行');
  });

  it('fetches the window of the rows scrolled to, and shows them once it lands', async () => {
    const { view, table, scroller } = await setUp();
    cleanup = view.unmount;
    await act(async () => scroller.scrollTo({ top: 4_200 * TABLE_ROW_HEIGHT }));
    await settle();
    // The overscan reaches back into the window before: both are fetched, none in between.
    const offsets = table.mock.calls.map(([input]) => input.page?.offset);
    expect(offsets).toEqual([0, 4_100, 4_200]);
    const all = rowIndexes(view.container);
    expect(all).toContain(2); // the row in the Tab order stays rendered, so Tab still reaches the grid
    const shown = all.filter((i) => i !== 2);
    expect(Math.min(...shown)).toBeGreaterThan(4_100);
    expect(shown.length).toBeLessThan(40);
    expect(view.container.querySelector(`tbody tr[aria-rowindex="${shown[5]}"]`)?.getAttribute('data-item-id')).toBe(String((shown[5] ?? 0) - 1));
  });

  it('moves between rows with the arrows and End (scrolling to rows not rendered), Enter opens the detail', async () => {
    const { view, api } = await setUp();
    cleanup = view.unmount;
    const first = view.container.querySelector<HTMLElement>('tbody tr[aria-rowindex="2"]')!;
    expect(first.tabIndex).toBe(0);
    await act(async () => first.focus());
    await act(async () => {
      first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('3');
    await act(async () => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    await settle();
    await settle();
    expect(document.activeElement?.getAttribute('aria-rowindex')).toBe(String(MATCHING + 1));
    await act(async () => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(api['items.get']).toHaveBeenCalledWith({ id: MATCHING });
  });

  it('fits a column to its longest rendered text on a double-click of its separator', async () => {
    const { view } = await setUp();
    cleanup = view.unmount;
    // Text widths as layout would give them: 10 px a character.
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const width = this.classList.contains('cell-text') ? (this.textContent?.length ?? 0) * 10 : 0;
      return { width, height: 0, x: 0, y: 0, top: 0, left: 0, right: width, bottom: 0, toJSON: () => ({}) } as DOMRect;
    });
    try {
      const separator = view.container.querySelector<HTMLElement>('[role="separator"][aria-label="タイトルの列幅"]')!;
      await act(async () => {
        separator.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      });
      const longest = Math.max(...[...view.container.querySelectorAll('[data-column="title"] .cell-text')].map((e) => (e.textContent?.length ?? 0) * 10));
      expect(longest).toBeGreaterThan(0);
      expect(Number(separator.getAttribute('aria-valuenow'))).toBe(longest + 28);
    } finally {
      rect.mockRestore();
    }
  });

  it('resizes a column from the keyboard on its separator and remembers the width', async () => {
    const { view } = await setUp();
    cleanup = view.unmount;
    const separator = view.container.querySelector<HTMLElement>('[role="separator"][aria-label="組織の列幅"]')!;
    const before = Number(separator.getAttribute('aria-valuenow'));
    await act(async () => {
      separator.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    await act(async () => {
      separator.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    });
    expect(Number(separator.getAttribute('aria-valuenow'))).toBe(before + 16 + 80);
    expect(JSON.parse(localStorage.getItem('triage-desk.table.column-widths') ?? '{}')).toMatchObject({ organization: before + 96 });
    await cleanup();
    const again = await setUp();
    cleanup = again.view.unmount;
    const reopened = again.view.container.querySelector('[role="separator"][aria-label="組織の列幅"]');
    expect(Number(reopened?.getAttribute('aria-valuenow'))).toBe(before + 96);
  });
});
