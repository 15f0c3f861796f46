// Selectors the components read the board store through: one field or one derived value each.
import { emptyBoardQuery, type BoardCard } from '../../../shared/domain/board-query.js';
import { changedFields } from './board-url.js';
import type { BoardState } from './board-store.js';
import { findCard } from './board-columns.js';

export const selectColumns = (s: BoardState) => s.columns;
export const selectSearch = (s: BoardState) => s.query.text;
export const selectQuery = (s: BoardState) => s.query;
export const selectMode = (s: BoardState) => s.mode;
export const selectTable = (s: BoardState) => s.table;
export const selectViews = (s: BoardState) => s.views;

/**
 * The saved view the board shows now: the first whose filters, text and sort are the current ones (a view
 * saved before a filter existed has that filter at its default). Null once the officer changes anything.
 */
export const selectCurrentViewName = (s: BoardState): string | null => {
  const current = JSON.stringify(changedFields(s.query));
  return s.views.find((v) => JSON.stringify(changedFields({ ...emptyBoardQuery(), ...v.query })) === current)?.name ?? null;
};

/** Text or any filter narrows the board (the sort alone does not). */
export const selectIsNarrowed = (s: BoardState) => Object.keys(changedFields({ ...s.query, sort: 'relevance' })).length > 0;
export const selectSelectedId = (s: BoardState) => s.selectedId;
export const selectDetail = (s: BoardState) => s.detail;
export const selectLastMove = (s: BoardState) => s.lastMove;
export const selectError = (s: BoardState) => s.error;
export const selectLoaded = (s: BoardState) => s.loaded;
export const selectLoading = (s: BoardState) => s.loading;

/** The database holds nothing at all (total counts every item, whatever the query): the welcome screen. */
export const selectIsEmptyDatabase = (s: BoardState) => s.loaded && s.total === 0;

/** A search or a filter is active and no column has anything to show. */
export const selectSearchFoundNothing = (s: BoardState) => s.loaded && selectIsNarrowed(s) && s.matching === 0;

export const selectCard =
  (id: number | null) =>
  (s: BoardState): BoardCard | undefined =>
    id === null ? undefined : findCard(s.columns, id);
