// Selectors the components read the board store through: one field or one derived value each.
import type { CardSummary } from '../../../shared/domain/item.js';
import type { BoardState } from './board-store.js';
import { findCard } from './board-columns.js';

export const selectColumns = (s: BoardState) => s.columns;
export const selectSearch = (s: BoardState) => s.search;
export const selectSelectedId = (s: BoardState) => s.selectedId;
export const selectDetail = (s: BoardState) => s.detail;
export const selectLastMove = (s: BoardState) => s.lastMove;
export const selectError = (s: BoardState) => s.error;
export const selectLoaded = (s: BoardState) => s.loaded;
export const selectLoading = (s: BoardState) => s.loading;

/** The database holds nothing at all and no search is narrowing it: time for the welcome screen. */
export const selectIsEmptyDatabase = (s: BoardState) => s.loaded && s.total === 0 && s.search.trim() === '';

/** A search is active and no column has anything to show. */
export const selectSearchFoundNothing = (s: BoardState) =>
  s.loaded && s.search.trim() !== '' && s.columns.every((c) => c.count === 0);

export const selectCard =
  (id: number | null) =>
  (s: BoardState): CardSummary | undefined =>
    id === null ? undefined : findCard(s.columns, id);
