// The board query is stored (saved views in settings) and carried in addresses (#board=…): what an older
// version wrote must still load after a filter is added, with the new filter at its default.
import { describe, expect, it } from 'vitest';
import { SavedViewSchema } from './saved-views.js';
import { BoardQuerySchema, emptyBoardQuery } from './board-query.js';

/** A query as version 0.1 wrote it, before tags and hasFollowUps existed. */
const WRITTEN_BEFORE_TAGS = {
  text: '漏洩 -続報',
  kinds: ['incident', null],
  categories: ['ransomware'],
  severities: [3, 4],
  relevanceMin: 40,
  statuses: ['new', 'triage'],
  sourceNames: ['cdns'],
  publishedFrom: '2023-01-01',
  publishedTo: null,
  appiReportable: true,
  sort: 'date_desc',
};

describe('BoardQuerySchema', () => {
  it('loads a query written before tags and follow-ups existed, with those filters off', () => {
    const parsed = BoardQuerySchema.parse(WRITTEN_BEFORE_TAGS);
    expect(parsed).toEqual({ ...WRITTEN_BEFORE_TAGS, tags: [], hasFollowUps: null });
  });

  it('loads a saved view written before tags and follow-ups existed', () => {
    const view = SavedViewSchema.parse({ name: '今週のランサム', query: WRITTEN_BEFORE_TAGS, savedAt: '2026-11-01T00:00:00.000Z' });
    expect(view.query.tags).toEqual([]);
    expect(view.query.hasFollowUps).toBeNull();
    expect(view.query.categories).toEqual(['ransomware']);
  });

  it('the defaults filter nothing', () => {
    expect(emptyBoardQuery()).toMatchObject({ tags: [], hasFollowUps: null, kinds: [], statuses: [] });
  });

  it('takes tags and follow-ups, trims tags, and refuses empty, overlong or too many tags', () => {
    expect(BoardQuerySchema.parse({ tags: [' 取引先 '], hasFollowUps: true })).toMatchObject({ tags: ['取引先'], hasFollowUps: true });
    expect(BoardQuerySchema.safeParse({ tags: ['  '] }).success).toBe(false);
    expect(BoardQuerySchema.safeParse({ tags: ['x'.repeat(41)] }).success).toBe(false);
    expect(BoardQuerySchema.safeParse({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }).success).toBe(false);
    expect(BoardQuerySchema.safeParse({ hasFollowUps: 'yes' }).success).toBe(false);
  });
});
