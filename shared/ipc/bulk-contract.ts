// Channels of issue #5's multi-select: one change to many items, and its undo (spread into contract.ts).
import { z } from 'zod';
import { BatchIdSchema, BulkChangeSchema, MAX_BULK_ITEMS, type BulkUndoResult, type BulkUpdateResult } from '../domain/bulk-change.js';
import { call } from './call.js';

const ItemId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const BulkUpdateInput = z.strictObject({
  ids: z
    .array(ItemId)
    .min(1)
    .max(MAX_BULK_ITEMS)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'the same item is listed twice' }),
  change: BulkChangeSchema,
});

export const bulkChannels = {
  /** Applies the change to every item in one transaction; the batch id undoes it. */
  'items.bulkUpdate': call<BulkUpdateResult>()(BulkUpdateInput),
  /** Reverts exactly that batch in one transaction; items changed since are left and listed. */
  'items.bulkUndo': call<BulkUndoResult>()(z.strictObject({ batchId: BatchIdSchema })),
};
