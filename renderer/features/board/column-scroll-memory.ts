// Where each board column was scrolled to, for one query: a reload of the same query (facts read, the
// page reloaded) brings the column back to the same card, a new query starts at the top. One entry per
// column (the latest query only), in sessionStorage so a page reload keeps it too.
import type { Status } from '../../../shared/domain/vocabulary.js';

export interface ColumnScroll {
  queryKey: string;
  /** The first card in view, as an index into the column's cards. */
  index: number;
}

type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

const memory = new Map<Status, ColumnScroll>();
const storageKey = (status: Status) => `triage-desk.column-scroll.${status}`;

function sessionStore(): SessionStore | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/** The remembered first card of this column for this query, 0 when none (or another query). */
export function recallColumnScroll(status: Status, queryKey: string, store: SessionStore | null = sessionStore()): number {
  let entry = memory.get(status);
  if (!entry) {
    try {
      const parsed: unknown = JSON.parse(store?.getItem(storageKey(status)) ?? 'null');
      if (parsed && typeof parsed === 'object' && 'queryKey' in parsed && 'index' in parsed) entry = parsed as ColumnScroll;
    } catch {
      entry = undefined; // unreadable: start at the top
    }
  }
  if (!entry || entry.queryKey !== queryKey || typeof entry.index !== 'number' || !Number.isInteger(entry.index)) return 0;
  return Math.max(0, entry.index);
}

export function rememberColumnScroll(status: Status, queryKey: string, index: number, store: SessionStore | null = sessionStore()): void {
  const entry = { queryKey, index: Math.max(0, Math.trunc(index)) };
  const previous = memory.get(status);
  if (previous?.queryKey === entry.queryKey && previous.index === entry.index) return;
  memory.set(status, entry);
  try {
    store?.setItem(storageKey(status), JSON.stringify(entry));
  } catch {
    // Storage refused: the position lasts while the page does.
  }
}

/** Forgets every column's position (tests; a new database). */
export function forgetColumnScrolls(): void {
  memory.clear();
}
