// The detail's annotations (note, tags, related items) and the history export: the only place this feature
// talks to the api. Actions are named for what happened. After a change the app rereads the open detail
// (onItemChanged), which brings the new values and the history rows with them.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { normalizeTag, type HistoryFile, type TagCount } from '../../../shared/domain/annotations.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { TriageApi } from '../../../shared/ipc/contract.js';

/** An item offered for linking: found by its title or by its id. */
export interface LinkCandidate {
  id: number;
  title: string;
  status: Status;
  publishedAt: string | null;
}

export interface AnnotationsState {
  /** Tags in use (with counts) for autocomplete; loaded when a tag editor opens. */
  knownTags: TagCount[];
  candidates: LinkCandidate[];
  /** The text the candidates were found for (null: no search yet). */
  candidatesFor: string | null;
  saving: boolean;
  exporting: boolean;
  error: string | null;

  tagsRequested: () => Promise<void>;
  noteSaved: (id: number, body: string) => Promise<boolean>;
  tagAdded: (id: number, raw: string) => Promise<boolean>;
  tagRemoved: (id: number, tag: string) => Promise<boolean>;
  /** The officer typed in the related-item search: a title word, or an id (`123` or `#123`). */
  candidatesSearched: (text: string, exceptId: number) => Promise<void>;
  itemLinked: (id: number, otherId: number) => Promise<boolean>;
  itemUnlinked: (id: number, otherId: number) => Promise<boolean>;
  /** The history of one item (itemId) or of all, handed to the browser as a file. */
  historyExported: (itemId?: number) => Promise<boolean>;
  errorDismissed: () => void;
}

export type AnnotationsStore = StoreApi<AnnotationsState>;

export interface AnnotationsStoreDeps {
  /** Rereads the open detail (and whatever else shows the item) after a change. */
  onItemChanged?: (id: number) => Promise<void> | void;
  /** Hands an exported file to the officer (a download). */
  deliverFile?: (file: HistoryFile) => void;
}

const CANDIDATE_LIMIT = 10;

export function createAnnotationsStore(api: TriageApi, deps: AnnotationsStoreDeps = {}): AnnotationsStore {
  let searchSeq = 0;
  return createStore<AnnotationsState>()((set, get) => {
    async function change(id: number, work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>): Promise<boolean> {
      set({ saving: true, error: null });
      const result = await work();
      set({ saving: false });
      if (!result.ok) {
        set({ error: result.error.message });
        return false;
      }
      await deps.onItemChanged?.(id);
      return true;
    }

    return {
      knownTags: [],
      candidates: [],
      candidatesFor: null,
      saving: false,
      exporting: false,
      error: null,

      tagsRequested: async () => {
        const result = await api['tags.list']({ limit: 500 });
        if (result.ok) set({ knownTags: result.value });
      },

      noteSaved: (id, body) => change(id, () => api['items.setNote']({ id, body })),

      tagAdded: async (id, raw) => {
        if (normalizeTag(raw) === null) {
          set({ error: null });
          return false;
        }
        const saved = await change(id, () => api['items.addTags']({ id, tags: [raw] }));
        if (saved) void get().tagsRequested();
        return saved;
      },

      tagRemoved: async (id, tag) => {
        const saved = await change(id, () => api['items.removeTags']({ id, tags: [tag] }));
        if (saved) void get().tagsRequested();
        return saved;
      },

      candidatesSearched: async (text, exceptId) => {
        const mine = ++searchSeq;
        const query = text.trim();
        if (query === '') {
          set({ candidates: [], candidatesFor: null });
          return;
        }
        const byId = /^#?(\d{1,15})$/.exec(query);
        let found: LinkCandidate[] = [];
        if (byId) {
          const result = await api['items.get']({ id: Number(byId[1]) });
          if (result.ok) found = [result.value];
        } else {
          const result = await api['board.table']({ query: { text: query }, page: { limit: CANDIDATE_LIMIT + 1, offset: 0 } });
          if (result.ok) found = result.value.rows;
          else if (mine === searchSeq) set({ error: result.error.message });
        }
        if (mine !== searchSeq) return; // a newer search is under way
        const candidates = found
          .filter((c) => c.id !== exceptId)
          .slice(0, CANDIDATE_LIMIT)
          .map(({ id, title, status, publishedAt }) => ({ id, title, status, publishedAt }));
        set({ candidates, candidatesFor: query });
      },

      itemLinked: async (id, otherId) => {
        const saved = await change(id, () => api['items.link']({ id, otherId }));
        if (saved) set({ candidates: [], candidatesFor: null });
        return saved;
      },

      itemUnlinked: (id, otherId) => change(id, () => api['items.unlink']({ id, otherId })),

      historyExported: async (itemId) => {
        set({ exporting: true, error: null });
        const result = await api['history.export'](itemId === undefined ? { format: 'csv' } : { itemId, format: 'csv' });
        set({ exporting: false });
        if (!result.ok) {
          set({ error: result.error.message });
          return false;
        }
        deps.deliverFile?.(result.value);
        return true;
      },

      errorDismissed: () => set({ error: null }),
    };
  });
}
