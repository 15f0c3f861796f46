// A change applied to many items at once (issue #5: multi-select and bulk actions), declared once: the IPC
// contract validates with it, main applies it in one transaction, the renderer builds its bar from it.
import { z } from 'zod';
import { MAX_TAGS_PER_ITEM, normalizeTag, TAG_MAX_LENGTH } from './annotations.js';
import { CATEGORIES, SEVERITIES, STATUSES } from './vocabulary.js';

/** One bulk action touches at most this many items: a few weeks of news at most, one transaction of ~0.1 s. */
export const MAX_BULK_ITEMS = 5000;

/** Tags as typed, normalised as the detail's tag editor does (annotations.ts); one that normalises to nothing is refused. */
const BulkTags = z
  .array(
    z
      .string()
      .max(TAG_MAX_LENGTH * 4)
      .transform((raw, ctx) => {
        const tag = normalizeTag(raw);
        if (tag === null) {
          ctx.addIssue({ code: 'custom', message: `a tag is 1–${TAG_MAX_LENGTH} characters, without control characters` });
          return z.NEVER;
        }
        return tag;
      }),
  )
  .min(1)
  .max(MAX_TAGS_PER_ITEM);

export const BulkChangeSchema = z.union([
  z.strictObject({ status: z.enum(STATUSES) }),
  z.strictObject({ category: z.enum(CATEGORIES).nullable() }),
  z.strictObject({ severity: z.literal([...SEVERITIES]) }),
  z.strictObject({ addTags: BulkTags }),
  z.strictObject({ removeTags: BulkTags }),
]);
export type BulkChange = z.output<typeof BulkChangeSchema>;

/**
 * Names the history rows one bulk action wrote: `status:FIRST-LAST` (status_changes) or `field:FIRST-LAST`
 * (field_changes). One transaction writes consecutive row ids, so the range is exactly that action's rows.
 */
export const BatchIdSchema = z.string().regex(/^(status|field):\d{1,15}-\d{1,15}$/, 'not a batch id');

export interface BulkUpdateResult {
  /** Null when no item needed the change (nothing recorded, nothing to undo). */
  batchId: string | null;
  /** Items whose value changed (one history row each). */
  changed: number;
  /** Items that already had the value. */
  unchanged: number;
}

export interface BulkUndoResult {
  /** Items put back to their value before the batch. */
  restored: number;
  /** Items changed again since the batch (by anyone): left as they are. */
  skipped: number[];
}
