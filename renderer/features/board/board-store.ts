// The board's state and the only place the board talks to the api. Actions are named for what happened.
// Moves are optimistic: the card changes column at once, the server's answer then reconciles it, and a
// refused move puts the card back and says why.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CorrectableField } from '../../../shared/domain/corrections.js';
import type { CardSummary, ItemDetail } from '../../../shared/domain/item.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { BoardColumn, TriageApi } from '../../../shared/ipc/contract.js';
import { findCard, placeCard } from './board-columns.js';

export interface LastMove {
  id: number;
  title: string;
  from: Status;
  to: Status;
  /** True for the move that undid the previous one: the toast reports the return, nothing is left to undo. */
  undone: boolean;
  /** Changes with every move or undo, so the toast can show again for the same card. */
  seq: number;
}

export type BoardErrorKind = 'load' | 'move' | 'detail' | 'link' | 'correct';

export interface BoardError {
  kind: BoardErrorKind;
  message: string;
  title?: string;
}

export interface BoardState {
  columns: BoardColumn[];
  /** Items in the database, whatever the search. */
  total: number;
  loaded: boolean;
  loading: boolean;
  search: string;
  selectedId: number | null;
  detail: ItemDetail | null;
  lastMove: LastMove | null;
  error: BoardError | null;

  boardRequested: () => Promise<void>;
  searchChanged: (text: string) => Promise<void>;
  cardMovedToColumn: (id: number, to: Status) => Promise<void>;
  lastMoveUndone: () => Promise<void>;
  cardOpened: (id: number) => Promise<void>;
  detailClosed: () => void;
  sourceLinkOpened: (url: string) => Promise<void>;
  /** Main has read the facts of new or changed items: the open detail shows them. */
  factsRead: () => Promise<void>;
  /** Sets (value) or clears (undefined) the officer's correction of a fact; true when it was saved. */
  factCorrected: (id: number, field: CorrectableField, value: unknown) => Promise<boolean>;
  errorDismissed: () => void;
}

export type BoardStore = StoreApi<BoardState>;

export interface BoardStoreDeps {
  /** Opens a vetted web address in a new browser tab (the browser shell, where main cannot). */
  openWindow?: (url: string) => void;
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function summaryOf(item: ItemDetail): CardSummary {
  const { id, title, organization, publishedAt, sourceCategory, status } = item;
  return { id, title, organization, publishedAt, sourceCategory, status };
}

export function createBoardStore(api: TriageApi, deps: BoardStoreDeps = {}): BoardStore {
  const openWindow = deps.openWindow ?? ((url: string) => void window.open(url, '_blank', 'noopener,noreferrer'));
  let loadSeq = 0;
  let moveSeq = 0;
  /** The latest move per card: an older move's answer must not undo a newer optimistic change. */
  const latestMove = new Map<number, number>();

  return createStore<BoardState>()((set, get) => {
    async function load(): Promise<void> {
      const mine = ++loadSeq;
      set({ loading: true });
      const result = await api['board.load']({ search: get().search });
      if (mine !== loadSeq) return; // a newer search or reload has been asked for
      if (result.ok) {
        set({ columns: result.value.columns, total: result.value.total, loaded: true, loading: false });
      } else {
        set({ loading: false, error: { kind: 'load', message: result.error.message } });
      }
    }

    async function move(id: number, to: Status, undo: boolean): Promise<void> {
      const { columns, detail } = get();
      // The open detail may show an item the current search has hidden from the columns.
      const card = findCard(columns, id) ?? (detail?.id === id ? summaryOf(detail) : undefined);
      if (!card || card.status === to) return;
      const from = card.status;
      const seq = ++moveSeq;
      latestMove.set(id, seq);
      const lastMove: LastMove = { id, title: card.title, from, to, undone: undo, seq };
      set((s) => ({
        columns: placeCard(s.columns, { ...card, status: to }),
        detail: s.detail?.id === id ? { ...s.detail, status: to } : s.detail,
        lastMove,
        error: null,
      }));

      const result = await api['items.move']({ id, to });
      if (latestMove.get(id) !== seq) return;
      latestMove.delete(id);
      if (result.ok) {
        const { item, change } = result.value;
        set((s) => ({
          columns: placeCard(s.columns, item),
          detail:
            s.detail?.id === id
              ? { ...s.detail, ...item, history: change ? [change, ...s.detail.history] : s.detail.history }
              : s.detail,
        }));
      } else {
        set((s) => ({
          columns: placeCard(s.columns, card),
          detail: s.detail?.id === id ? { ...s.detail, status: from } : s.detail,
          lastMove: s.lastMove?.seq === seq ? null : s.lastMove,
          error: { kind: 'move', title: card.title, message: result.error.message },
        }));
      }
    }

    return {
      columns: [],
      total: 0,
      loaded: false,
      loading: false,
      search: '',
      selectedId: null,
      detail: null,
      lastMove: null,
      error: null,

      boardRequested: load,

      searchChanged: async (text) => {
        if (text === get().search) return;
        set({ search: text });
        await load();
      },

      cardMovedToColumn: (id, to) => move(id, to, false),

      lastMoveUndone: async () => {
        const last = get().lastMove;
        if (!last || last.undone) return;
        await move(last.id, last.from, true);
      },

      cardOpened: async (id) => {
        set((s) => ({ selectedId: id, detail: s.detail?.id === id ? s.detail : null }));
        const result = await api['items.get']({ id });
        if (get().selectedId !== id) return; // closed, or another card opened meanwhile
        if (result.ok) set({ detail: result.value });
        else set({ selectedId: null, detail: null, error: { kind: 'detail', message: result.error.message } });
      },

      detailClosed: () => set({ selectedId: null, detail: null }),

      sourceLinkOpened: async (url) => {
        const result = await api['links.open']({ url });
        if (!result.ok) {
          set({ error: { kind: 'link', message: result.error.message } });
          return;
        }
        // Electron opened it in the system browser; the browser shell cannot, so the page opens a tab,
        // and only for a plain web address (the server has vetted it too).
        if (!result.value.opened && isWebUrl(result.value.url)) openWindow(result.value.url);
      },

      factsRead: async () => {
        const id = get().selectedId;
        if (id === null) return;
        const result = await api['items.get']({ id });
        if (result.ok && get().selectedId === id) set({ detail: result.value });
      },

      factCorrected: async (id, field, value) => {
        const result = await api['items.correct']({ id, field, value });
        if (!result.ok) {
          set({ error: { kind: 'correct', message: result.error.message } });
          return false;
        }
        // The reread brings the field history with the new facts.
        const reread = await api['items.get']({ id });
        set((s) => {
          if (s.detail?.id !== id) return {};
          return { detail: reread.ok ? reread.value : { ...s.detail, facts: result.value } };
        });
        return true;
      },

      errorDismissed: () => set({ error: null }),
    };
  });
}
