// Channels of issue #5's detail annotations (note, tags, related items) and the history export, spread into
// the contract (contract.ts).
import { z } from 'zod';
import {
  LINK_NOTE_MAX_LENGTH,
  MAX_TAGS_PER_ITEM,
  NOTE_MAX_LENGTH,
  normalizeTag,
  TAG_MAX_LENGTH,
  type HistoryFile,
  type ItemNote,
  type RelatedItem,
  type TagCount,
} from '../domain/annotations.js';
import { call } from './call.js';

const ItemId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A tag as typed, normalised here (NFKC, trimmed, controls removed) and refused when nothing usable is left. */
export const TagSchema = z
  .string()
  .max(TAG_MAX_LENGTH * 4)
  .transform((raw, ctx) => {
    const tag = normalizeTag(raw);
    if (tag === null) {
      ctx.addIssue({ code: 'custom', message: `a tag is 1–${TAG_MAX_LENGTH} characters, without control characters` });
      return z.NEVER;
    }
    return tag;
  });

const TagsInput = z.strictObject({ id: ItemId, tags: z.array(TagSchema).min(1).max(MAX_TAGS_PER_ITEM) });

const LinkInput = z
  .strictObject({ id: ItemId, otherId: ItemId, note: z.string().max(LINK_NOTE_MAX_LENGTH).optional() })
  .refine((input) => input.id !== input.otherId, { message: 'an item cannot be related to itself', path: ['otherId'] });

const HistoryExportInput = z
  .strictObject({ itemId: ItemId.optional(), from: IsoDate.optional(), to: IsoDate.optional(), format: z.enum(['csv', 'json']).default('csv') })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'from is after to', path: ['to'] });

export const annotationChannels = {
  /** Replaces the note (Markdown source); an empty body deletes it. Answers the note now stored. */
  'items.setNote': call<ItemNote | null>()(z.strictObject({ id: ItemId, body: z.string().max(NOTE_MAX_LENGTH) })),
  /** Answers the item's tags after the change. */
  'items.addTags': call<string[]>()(TagsInput),
  'items.removeTags': call<string[]>()(TagsInput),
  /** Answers the item's related items after the change. */
  'items.link': call<RelatedItem[]>()(LinkInput),
  'items.unlink': call<RelatedItem[]>()(z.strictObject({ id: ItemId, otherId: ItemId })),
  /** Tags in use with their counts, most used first; `prefix` narrows them for autocomplete. */
  'tags.list': call<TagCount[]>()(
    z.strictObject({ prefix: z.string().max(TAG_MAX_LENGTH * 4).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  /** Status and field changes (who, when, from → to) of one item or all, as a CSV or JSON file. */
  'history.export': call<HistoryFile>()(HistoryExportInput),
};
