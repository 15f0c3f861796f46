// Channels of issue #5's table view and saved views, spread into the contract (contract.ts).
import { z } from 'zod';
import { BoardQuerySchema, TablePageSchema, TableSortSchema, type BoardColumnPage, type SourceCount, type TableResult } from '../domain/board-query.js';
import { ViewNameSchema, type SavedView } from '../domain/saved-views.js';
import { STATUSES } from '../domain/vocabulary.js';
import { call } from './call.js';

const TableInput = z.strictObject({
  query: BoardQuerySchema.prefault({}),
  sort: TableSortSchema.prefault({}),
  page: TablePageSchema.prefault({}),
});

/** The next page of one board column ("show more"), for the same query. */
const ColumnInput = z.strictObject({
  query: BoardQuerySchema.prefault({}),
  status: z.enum(STATUSES),
  offset: z.number().int().min(0).max(1_000_000),
  limit: z.number().int().min(1).max(500).default(200),
});

export const searchChannels = {
  'board.column': call<BoardColumnPage>()(ColumnInput),
  'board.table': call<TableResult>()(TableInput),
  'views.list': call<SavedView[]>()(z.strictObject({})),
  /** Saves under the name, replacing a view of the same name; answers the views after the change. */
  'views.save': call<SavedView[]>()(z.strictObject({ name: ViewNameSchema, query: BoardQuerySchema.prefault({}) })),
  'views.delete': call<SavedView[]>()(z.strictObject({ name: ViewNameSchema })),
  /** The sources items came from, with item counts: the source filter's choices. */
  'board.sources': call<SourceCount[]>()(z.strictObject({})),
};
