// The board's state and the only place the board talks to the api. Actions are named for what happened.
// Moves are optimistic: the card changes column at once, the server's answer then reconciles it, and a
// refused move puts the card back and says why.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  emptyBoardQuery,
  type BoardCard,
  type BoardFilter,
  type BoardQuery,
  type BoardSort,
  type SourceCount,
  type TableColumn,
  type TableSort,
} from '../../../shared/domain/board-query.js';
import type { TagCount } from '../../../shared/domain/annotations.js';
import type { CorrectableField } from '../../../shared/domain/corrections.js';
import type { ItemDetail } from '../../../shared/domain/item.js';
import type { SavedView } from '../../../shared/domain/saved-views.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { BoardColumn, TriageApi } from '../../../shared/ipc/contract.js';
import { findCard, placeCard } from './board-columns.js';
import { readQueryFromUrl, writeQueryToUrl, type UrlEnv } from './board-url.js';
import { createSelectionSlice, latestActionIsBulk, type SelectionSlice } from './selection-slice.js';
import { TABLE_WINDOW_SIZE, patchRow, pruneWindows, windowOffsetsFor, type TableWindows } from './table-windows.js';

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

export type BoardErrorKind = 'load' | 'move' | 'detail' | 'link' | 'correct' | 'views';

export type BoardViewMode = 'board' | 'table';

/**
 * Cards per column in the first load: more than any screen shows (the columns are virtualized), and small
 * enough that the first paint of a 100,000-item board sends 250 cards, not 1,000. Later pages are bigger.
 */
export const COLUMN_FIRST_PAGE = 50;
export const COLUMN_NEXT_PAGE = 150;

export interface TableState {
  /** The rows fetched so far, by window offset (table-windows.ts): only those near the visible rows. */
  windows: TableWindows;
  /** Rows that match the query: the grid's row count, counted in SQL. */
  matching: number;
  sort: TableSort;
  /** Changes with every query or sort: the grid scrolls back to the top, and older answers are dropped. */
  generation: number;
  loaded: boolean;
  loading: boolean;
}

export interface BoardError {
  kind: BoardErrorKind;
  message: string;
  title?: string;
}

/** Multi-select and bulk changes are the selection slice (selection-slice.ts). */
export interface BoardState extends SelectionSlice {
  columns: BoardColumn[];
  /** Items in the database, whatever the query. */
  total: number;
  /** Items that match the query, all columns. */
  matching: number;
  loaded: boolean;
  loading: boolean;
  /** Text, filters and sort; mirrored in the address (board-url.ts). */
  query: BoardQuery;
  mode: BoardViewMode;
  table: TableState;
  views: SavedView[];
  /** The sources items came from, with counts: the source filter's choices (asked for when it opens). */
  sources: SourceCount[];
  /** Tags in use, with counts: the tag filter's choices (asked for when it opens). */
  tagChoices: TagCount[];
  selectedId: number | null;
  detail: ItemDetail | null;
  lastMove: LastMove | null;
  error: BoardError | null;

  boardRequested: () => Promise<void>;
  searchChanged: (text: string) => Promise<void>;
  /** The next page of a column that holds more than it shows. */
  columnMoreRequested: (status: Status) => Promise<void>;
  /** Changes some filters (the others stay); the board and the table follow. */
  filtersChanged: (patch: Partial<BoardFilter>) => Promise<void>;
  /** Clears every filter and the text; the sort stays. */
  filtersCleared: () => Promise<void>;
  sortChanged: (sort: BoardSort) => Promise<void>;
  modeChanged: (mode: BoardViewMode) => Promise<void>;
  /** A table header was clicked: sort by it, or turn the direction round if it already sorts. */
  tableSortChanged: (column: TableColumn) => Promise<void>;
  /** The grid shows rows first..last (indexes into the whole result): fetch the windows not cached yet. */
  tableRowsShown: (first: number, last: number) => Promise<void>;
  viewsRequested: () => Promise<void>;
  sourcesRequested: () => Promise<void>;
  tagChoicesRequested: () => Promise<void>;
  viewSaved: (name: string) => Promise<boolean>;
  viewApplied: (name: string) => Promise<void>;
  viewDeleted: (name: string) => Promise<void>;
  cardMovedToColumn: (id: number, to: Status) => Promise<void>;
  lastMoveUndone: () => Promise<void>;
  cardOpened: (id: number) => Promise<void>;
  detailClosed: () => void;
  sourceLinkOpened: (url: string) => Promise<void>;
  /** Main has read the facts of new or changed items: the cards' badges (and the facet filters) and the open detail show them. */
  factsRead: () => Promise<void>;
  /** Sets (value) or clears (undefined) the officer's correction of a fact; true when it was saved. */
  factCorrected: (id: number, field: CorrectableField, value: unknown) => Promise<boolean>;
  errorDismissed: () => void;
}

export type BoardStore = StoreApi<BoardState>;

export interface BoardStoreDeps {
  /** Opens a vetted web address in a new browser tab (the browser shell, where main cannot). */
  openWindow?: (url: string) => void;
  /** Where the query is mirrored and restored from (the page's address: browserUrlEnv()); nowhere when absent. */
  url?: UrlEnv | null;
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A card for an item known only from its detail (the query hides it from the columns). */
function cardOf(item: ItemDetail): BoardCard {
  const { id, title, organization, publishedAt, sourceCategory, sourceName, status } = item;
  return {
    id, title, organization, publishedAt, sourceCategory, sourceName, status,
    kind: null, category: null, severity: null, appiReportable: null, relevance: null, highlights: null,
  };
}

function emptyTable(): TableState {
  return { windows: {}, matching: 0, sort: { column: 'relevance', direction: 'desc' }, generation: 0, loaded: false, loading: false };
}

export function createBoardStore(api: TriageApi, deps: BoardStoreDeps = {}): BoardStore {
  const openWindow = deps.openWindow ?? ((url: string) => void window.open(url, '_blank', 'noopener,noreferrer'));
  const urlEnv = deps.url ?? null;
  let loadSeq = 0;
  /** Windows being fetched, by offset, with the table generation they were asked for. */
  const tableFetches = new Map<number, number>();
  /** The rows the grid showed last: a reload of the same query refetches these, not the first window. */
  let tableShown = { first: 0, last: 0 };
  let moveSeq = 0;
  /** The latest move per card: an older move's answer must not undo a newer optimistic change. */
  const latestMove = new Map<number, number>();

  return createStore<BoardState>()((set, get) => {
    async function load(): Promise<void> {
      const mine = ++loadSeq;
      set({ loading: true });
      const result = await api['board.load']({ ...get().query, limitPerColumn: COLUMN_FIRST_PAGE });
      if (mine !== loadSeq) return; // a newer search or reload has been asked for
      if (result.ok) {
        const { columns, total, matching } = result.value;
        set({ columns, total, matching, loaded: true, loading: false });
      } else {
        set({ loading: false, error: { kind: 'load', message: result.error.message } });
      }
    }

    /** Fetches one window for the current generation; an answer for an older query or sort is dropped. */
    async function fetchTableWindow(offset: number, generation: number): Promise<void> {
      if (tableFetches.get(offset) === generation) return; // already on its way
      tableFetches.set(offset, generation);
      const { query, table } = get();
      set({ table: { ...table, loading: true } });
      const result = await api['board.table']({ query, sort: table.sort, page: { limit: TABLE_WINDOW_SIZE, offset } });
      if (tableFetches.get(offset) === generation) tableFetches.delete(offset);
      if (get().table.generation !== generation) return;
      const loading = tableFetches.size > 0;
      if (!result.ok) {
        set((s) => ({ table: { ...s.table, loading }, error: { kind: 'load', message: result.error.message } }));
        return;
      }
      set((s) => ({
        table: {
          ...s.table,
          windows: pruneWindows({ ...s.table.windows, [offset]: result.value.rows }, tableShown.first),
          matching: result.value.matching,
          loaded: true,
          loading,
        },
      }));
    }

    /**
     * A new query or sort (reset) empties the cache and starts at the top; a reload of the same one (facts
     * read, the board reloaded) refetches the rows on screen in place, so the grid keeps its scroll.
     */
    async function loadTable(reset = true): Promise<void> {
      if (reset) tableShown = { first: 0, last: 0 };
      const generation = get().table.generation + 1;
      tableFetches.clear();
      set((s) => ({ table: { ...s.table, generation, windows: reset ? {} : s.table.windows } }));
      const offsets = windowOffsetsFor(tableShown.first, tableShown.last, Number.MAX_SAFE_INTEGER);
      await Promise.all((offsets.length > 0 ? offsets : [0]).map((offset) => fetchTableWindow(offset, generation)));
    }

    /** Loads what is on screen; the other view reloads when it is switched to. */
    async function reload(): Promise<void> {
      if (get().mode === 'table') await Promise.all([load(), loadTable(false)]);
      else await load();
    }

    async function queryChanged(query: BoardQuery): Promise<void> {
      // The selection goes with the old result: a bulk change must never reach items the officer no longer sees.
      set({ query, selection: [], selectionAnchor: null });
      if (urlEnv) writeQueryToUrl(urlEnv, query);
      // A new query starts the table at its first row, with nothing of the old result cached.
      if (get().mode === 'table') await Promise.all([load(), loadTable(true)]);
      else await load();
    }

    async function move(id: number, to: Status, undo: boolean): Promise<void> {
      const { columns, detail } = get();
      // The open detail may show an item the current search has hidden from the columns.
      const card = findCard(columns, id) ?? (detail?.id === id ? cardOf(detail) : undefined);
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
          // The answer carries the summary fields; facts and highlights stay as the card had them.
          columns: placeCard(s.columns, { ...card, ...item }),
          table: { ...s.table, windows: patchRow(s.table.windows, id, item) },
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

    /** After a bulk change: the board, and the open detail (its history gained rows). */
    async function reloadAfterBulk(): Promise<void> {
      const id = get().selectedId;
      const [detail] = await Promise.all([id === null ? null : api['items.get']({ id }), reload()]);
      if (detail?.ok && get().selectedId === id) set({ detail: detail.value });
    }

    return {
      ...createSelectionSlice(api, set, get, reloadAfterBulk),
      columns: [],
      total: 0,
      matching: 0,
      loaded: false,
      loading: false,
      query: urlEnv ? readQueryFromUrl(urlEnv) : emptyBoardQuery(),
      mode: 'board',
      table: emptyTable(),
      views: [],
      sources: [],
      tagChoices: [],
      selectedId: null,
      detail: null,
      lastMove: null,
      error: null,

      boardRequested: reload,

      searchChanged: async (text) => {
        if (text === get().query.text) return;
        await queryChanged({ ...get().query, text });
      },

      filtersChanged: (patch) => queryChanged({ ...get().query, ...patch }),

      columnMoreRequested: async (status) => {
        const seq = loadSeq;
        const { query, columns } = get();
        const shown = columns.find((c) => c.status === status)?.cards ?? [];
        const result = await api['board.column']({ query, status, offset: shown.length, limit: COLUMN_NEXT_PAGE });
        if (seq !== loadSeq) return; // the query changed or the board reloaded meanwhile
        if (!result.ok) {
          set({ error: { kind: 'load', message: result.error.message } });
          return;
        }
        set((s) => ({
          columns: s.columns.map((column) => {
            if (column.status !== status) return column;
            // A move since the first page can shift the offset by one: never show a card twice.
            const ids = new Set(column.cards.map((c) => c.id));
            return { ...column, count: result.value.count, cards: [...column.cards, ...result.value.cards.filter((c) => !ids.has(c.id))] };
          }),
        }));
      },

      filtersCleared: () => queryChanged({ ...emptyBoardQuery(), sort: get().query.sort }),

      sortChanged: async (sort) => {
        if (sort === get().query.sort) return;
        await queryChanged({ ...get().query, sort });
      },

      modeChanged: async (mode) => {
        if (mode === get().mode) return;
        set({ mode });
        if (mode === 'table') await loadTable();
        else await load();
      },

      tableSortChanged: async (column) => {
        const current = get().table.sort;
        // Dates and relevance read best newest/best first, words alphabetically.
        const first = column === 'publishedAt' ? 'desc' : 'asc';
        const direction = current.column === column ? (current.direction === 'asc' ? 'desc' : 'asc') : first;
        set((s) => ({ table: { ...s.table, sort: { column, direction } } }));
        await loadTable(true);
      },

      tableRowsShown: async (first, last) => {
        tableShown = { first, last };
        const { windows, matching, generation, loaded } = get().table;
        if (!loaded) return; // the first window is on its way and brings the row count
        const missing = windowOffsetsFor(first, last, matching).filter((offset) => windows[offset] === undefined);
        await Promise.all(missing.map((offset) => fetchTableWindow(offset, generation)));
      },

      sourcesRequested: async () => {
        const result = await api['board.sources']({});
        if (result.ok) set({ sources: result.value });
        else set({ error: { kind: 'load', message: result.error.message } });
      },

      tagChoicesRequested: async () => {
        // Every tag an officer could have typed: item_tags holds a few hundred at most.
        const result = await api['tags.list']({ limit: 1000 });
        if (result.ok) set({ tagChoices: result.value });
        else set({ error: { kind: 'load', message: result.error.message } });
      },

      viewsRequested: async () => {
        const result = await api['views.list']({});
        if (result.ok) set({ views: result.value });
        else set({ error: { kind: 'views', message: result.error.message } });
      },

      viewSaved: async (name) => {
        const result = await api['views.save']({ name, query: get().query });
        if (result.ok) set({ views: result.value });
        else set({ error: { kind: 'views', message: result.error.message } });
        return result.ok;
      },

      viewApplied: async (name) => {
        const view = get().views.find((v) => v.name === name);
        if (view) await queryChanged({ ...emptyBoardQuery(), ...view.query });
      },

      viewDeleted: async (name) => {
        const result = await api['views.delete']({ name });
        if (result.ok) set({ views: result.value });
        else set({ error: { kind: 'views', message: result.error.message } });
      },

      cardMovedToColumn: (id, to) => move(id, to, false),

      lastMoveUndone: async () => {
        // Ctrl+Z and the toast undo the latest action: a bulk change as a whole when it came after the last move.
        if (latestActionIsBulk(get())) return get().lastBulkUndone();
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
        const board = reload();
        const id = get().selectedId;
        if (id === null) return board;
        const [result] = await Promise.all([api['items.get']({ id }), board]);
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
