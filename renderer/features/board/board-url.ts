// The board's query mirrored in the address, so a reload (or a bookmark of the page) restores it. It
// lives in the URL fragment under its own key, `#board=<json>`, beside any other fragment keys: the
// browser shell's launch token also arrives in the fragment (`#token=…`, renderer/api/http-client.ts
// takes it out at start), and each side keeps the other's keys. Only the fields that differ from the
// defaults are written, and what is read back is validated like any other untrusted input.
import { BoardQuerySchema, emptyBoardQuery, type BoardQuery } from '../../../shared/domain/board-query.js';

export const URL_KEY = 'board';

export interface UrlEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

function fragmentParams(env: UrlEnv): URLSearchParams {
  return new URLSearchParams(env.location.hash.replace(/^#/, ''));
}

/** The query in the address, or the defaults when there is none or it does not validate. */
export function readQueryFromUrl(env: UrlEnv): BoardQuery {
  const raw = fragmentParams(env).get(URL_KEY);
  if (!raw) return emptyBoardQuery();
  try {
    const parsed = BoardQuerySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyBoardQuery();
  } catch {
    return emptyBoardQuery();
  }
}

/** The fields of the query that differ from the defaults (what the address and saved views need). */
export function changedFields(query: BoardQuery): Partial<BoardQuery> {
  const defaults = emptyBoardQuery();
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as (keyof BoardQuery)[]) {
    if (JSON.stringify(query[key]) !== JSON.stringify(defaults[key])) changed[key] = query[key];
  }
  return changed as Partial<BoardQuery>;
}

/** Replaces (never pushes: Back leaves the app, not the last filter) the address with the query in it. */
export function writeQueryToUrl(env: UrlEnv, query: BoardQuery): void {
  const params = fragmentParams(env);
  const changed = changedFields(query);
  if (Object.keys(changed).length === 0) params.delete(URL_KEY);
  else params.set(URL_KEY, JSON.stringify(changed));
  const fragment = params.toString();
  const url = `${env.location.pathname}${env.location.search}${fragment ? `#${fragment}` : ''}`;
  if (url !== `${env.location.pathname}${env.location.search}${env.location.hash}`) env.history.replaceState(env.history.state, '', url);
}

export function browserUrlEnv(): UrlEnv | null {
  return typeof window === 'undefined' ? null : { location: window.location, history: window.history };
}
