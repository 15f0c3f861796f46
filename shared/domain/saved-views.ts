// Saved views: a name and a board query, kept in the settings table under 'board.views'.
import { z } from 'zod';
import { BoardQuerySchema, type BoardQuery } from './board-query.js';

/** More would not fit a menu an officer reads at a glance. */
export const MAX_SAVED_VIEWS = 50;
export const MAX_VIEW_NAME_CHARS = 80;

export const ViewNameSchema = z.string().trim().min(1).max(MAX_VIEW_NAME_CHARS);

export const SavedViewSchema = z.strictObject({
  name: ViewNameSchema,
  query: BoardQuerySchema,
  savedAt: z.string(),
});

export interface SavedView {
  name: string;
  query: BoardQuery;
  savedAt: string;
}
