// Virtualized board columns under jsdom. jsdom has no layout, so, as TanStack Virtual's docs suggest, the
// sizes the virtualizer reads are given here: a column's scroll element is 600 px tall, every card 100 px,
// and scrollTo moves scrollTop and fires the scroll event a browser would.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import virtualCss from './virtual.css?raw';
import type { BoardCard } from '../../../../shared/domain/board-query.js';
import { act, render } from '../../../testing/render.js';
import { card, fakeApi, snapshot } from '../../../testing/fake-api.js';
import { BoardStoreContext } from '../board-context.js';
import { createBoardStore } from '../board-store.js';
import { forgetColumnScrolls } from '../column-scroll-memory.js';
import { Board } from './Board.js';

const VIEWPORT = 600;
const CARD = 100;
const scrollTops = new WeakMap<Element, number>();
const PROPS = ['clientHeight', 'offsetHeight', 'scrollHeight', 'scrollTop'] as const;
/** The virtual list's height, as the virtualizer set it on the <ul> inside the scroll element. */
const contentHeight = (scroller: HTMLElement) => parseFloat(scroller.querySelector('ul')?.style.height ?? '0') || 0;
const saved: PropertyDescriptor[] = [];

beforeAll(() => {
  const proto = HTMLElement.prototype;
  for (const name of PROPS) {
    saved.push(Object.getOwnPropertyDescriptor(proto, name) ?? Object.getOwnPropertyDescriptor(Element.prototype, name)!);
  }
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('column-scroll') ? VIEWPORT : 0;
    },
  });
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.tagName === 'LI' ? CARD : 0;
    },
  });
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('column-scroll') ? Math.max(VIEWPORT, contentHeight(this)) : 0;
    },
  });
  Object.defineProperty(proto, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return scrollTops.get(this) ?? 0;
    },
    set(this: HTMLElement, value: number) {
      scrollTops.set(this, value);
    },
  });
  // Like a browser: clamped to the content's height, the scroll event fired after the call, not inside it.
  proto.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? (options.top ?? 0) : 0;
    scrollTops.set(this, Math.max(0, Math.min(top, contentHeight(this) - VIEWPORT)));
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  } as typeof proto.scrollTo;
});

afterAll(() => {
  const proto = HTMLElement.prototype;
  for (const [i, name] of PROPS.entries()) {
    const descriptor = saved[i];
    if (descriptor) Object.defineProperty(proto, name, descriptor);
  }
});

/** `n` cards in 新着, newest first as the server sends them (ids 1..n, dates decreasing). */
function newCards(n: number, from = 1): BoardCard[] {
  return Array.from({ length: n }, (_, i) => card(from + i, 'new', { publishedAt: `2024-01-01T00:00:${String(i).padStart(5, '0')}` }));
}

async function setUp(loaded: number, count: number) {
  const first = newCards(loaded);
  const board = snapshot(first);
  const columns = board.columns.map((c) => (c.status === 'new' ? { ...c, count, cards: first } : c));
  const column = vi.fn(async (input: { offset: number }) => ({
    ok: true as const,
    value: { status: 'new' as const, count, cards: newCards(Math.min(200, count - input.offset), input.offset + 1) },
  }));
  const api = fakeApi({
    // A fresh copy per call, as an answer over IPC or HTTP would be.
    'board.load': vi.fn(async () => ({ ok: true as const, value: structuredClone({ ...board, columns, matching: count }) })),
    'board.column': column,
  });
  const store = createBoardStore(api);
  await store.getState().boardRequested();
  const view = await render(
    <BoardStoreContext value={store}>
      <Board />
    </BoardStoreContext>,
  );
  const scroller = view.container.querySelector<HTMLElement>('[data-status="new"] .column-scroll')!;
  return { api, column, store, view, scroller };
}

async function settle() {
  // The virtualizer reconciles a scroll over animation frames.
  await act(async () => new Promise((r) => setTimeout(r, 60)));
}

async function scrollTo(element: HTMLElement, top: number) {
  await act(async () => element.scrollTo({ top }));
  await settle();
}

const renderedIds = (root: ParentNode) => [...root.querySelectorAll('[data-status="new"] [data-card-id]')].map((e) => Number(e.getAttribute('data-card-id')));

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  forgetColumnScrolls();
  sessionStorage.clear();
});

describe('BoardColumn (virtualized)', () => {
  it('keeps only the cards in view in the DOM and says how many of how many are loaded', async () => {
    const { view } = await setUp(200, 1234);
    cleanup = view.unmount;
    const ids = renderedIds(view.container);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(20); // 600 px of 100 px cards, plus the overscan
    expect(ids[0]).toBe(1);
    expect(view.container.querySelector('[data-status="new"] .column-shown')?.textContent).toBe('1,234件中 200件');
    expect(view.container.querySelector('[data-card-id="1"]')?.closest('li')?.getAttribute('aria-setsize')).toBe('1234');
  });

  it('marks only a column without cards as empty (a shrinkable scroll area otherwise, even before the first measure)', async () => {
    const { view } = await setUp(200, 1234);
    cleanup = view.unmount;
    // The 新着 column has cards; the others none. A :has(.column-list:empty) rule also matched a column with
    // cards during the frame before the virtualizer had measured, and made it as tall as all its cards.
    expect(view.container.querySelector('[data-status="new"] .column-scroll')?.classList.contains('column-scroll--empty')).toBe(false);
    expect(view.container.querySelector('[data-status="triage"] .column-scroll')?.classList.contains('column-scroll--empty')).toBe(true);
    expect(virtualCss).not.toMatch(/:has\(>?\s*\.column-list:empty\)/);
  });

  it('fetches the next page when the scroll nears the end of the loaded cards, with a loading row meanwhile', async () => {
    const { view, column, scroller } = await setUp(200, 1234);
    cleanup = view.unmount;
    expect(column).not.toHaveBeenCalled();
    await scrollTo(scroller, 1_000_000); // to the bottom: the virtualizer clamps to the end of the list
    expect(column).toHaveBeenCalledTimes(1);
    expect(column).toHaveBeenCalledWith(expect.objectContaining({ status: 'new', offset: 200 }));
    expect(view.container.querySelector('[data-status="new"] .column-shown')?.textContent).toBe('1,234件中 400件');
    expect(renderedIds(view.container)).toContain(200);
    expect(renderedIds(view.container)).not.toContain(2);
    expect(renderedIds(view.container)).toContain(1); // the tabbable card stays, so Tab still reaches the board
  });

  it('End on a card focuses the last loaded card, which was not in the DOM, by scrolling to it first', async () => {
    const { view } = await setUp(150, 150);
    cleanup = view.unmount;
    expect(view.container.querySelector('[data-card-id="150"]')).toBeNull();
    const firstCard = view.container.querySelector<HTMLElement>('[data-card-id="1"]')!;
    await act(async () => firstCard.focus());
    await act(async () => {
      firstCard.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    await settle();
    expect(document.activeElement?.getAttribute('data-card-id')).toBe('150');
    // The card that had the focus stays tabbable only while it has it: now the last one is.
    expect(view.container.querySelector('[data-card-id="150"]')?.getAttribute('tabindex')).toBe('0');
  });

  it('comes back to the same card when the same query reloads, fetching the pages it needs', async () => {
    const { view, store, column, scroller } = await setUp(200, 1234);
    cleanup = view.unmount;
    await scrollTo(scroller, 1_000_000); // the end of the first page: the second is fetched
    await scrollTo(scroller, 300 * 128); // cards not rendered yet count as the 128 px estimate
    expect(column).toHaveBeenCalledTimes(1);
    const firstInView = Math.min(...renderedIds(view.container).filter((id) => id > 1));
    expect(firstInView).toBeGreaterThan(200);
    await act(async () => store.getState().boardRequested()); // same query: only the first page comes back
    await settle();
    await settle();
    expect(column.mock.calls.length).toBeGreaterThanOrEqual(2); // the pages up to that card again
    expect(renderedIds(view.container)).toContain(firstInView + 4);
  });
});
