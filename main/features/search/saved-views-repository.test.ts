import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyBoardQuery } from '../../../shared/domain/board-query.js';
import { MAX_SAVED_VIEWS } from '../../../shared/domain/saved-views.js';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { deleteView, listViews, saveView, TooManyViewsError, VIEWS_SETTING } from './saved-views-repository.js';

let t: TempDatabase;
beforeEach(async () => {
  t = await openTempDatabase();
});
afterEach(() => t.cleanup());

const at = () => new Date('2026-11-25T03:00:00.000Z');

describe('saved views', () => {
  it('saves, lists (in saving order), replaces by name and deletes, surviving a reopen of the file', async () => {
    expect(await listViews(t.db)).toEqual([]);
    const ransomware = { ...emptyBoardQuery(), categories: ['ransomware' as const], sort: 'date_desc' as const };
    await saveView(t.db, ' ランサム ', ransomware, at);
    await saveView(t.db, '誤送信', { ...emptyBoardQuery(), text: '誤送' }, at);
    const replaced = await saveView(t.db, 'ランサム', { ...ransomware, statuses: ['new'] }, at);
    expect(replaced.map((v) => v.name)).toEqual(['ランサム', '誤送信']);
    expect(replaced[0]?.query.statuses).toEqual(['new']);
    expect(replaced[0]?.savedAt).toBe('2026-11-25T03:00:00.000Z');

    expect((await deleteView(t.db, '誤送信', at)).map((v) => v.name)).toEqual(['ランサム']);
    expect(await deleteView(t.db, 'missing', at)).toHaveLength(1);
    expect(await listViews(t.db)).toEqual(replaced.slice(0, 1));
  });

  it('drops stored entries that no longer validate instead of failing the whole list', async () => {
    const good = { name: 'ok', query: emptyBoardQuery(), savedAt: 'x' };
    await t.db.withTransaction((tx) =>
      tx.run('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)', [
        VIEWS_SETTING,
        JSON.stringify([good, { name: 'bad', query: { kinds: ['nonsense'] }, savedAt: 'x' }, 42]),
        'now',
      ]),
    );
    expect(await listViews(t.db)).toEqual([good]);
    await t.db.withTransaction((tx) => tx.run('UPDATE settings SET value_json = ? WHERE key = ?', ['{not json', VIEWS_SETTING]));
    expect(await listViews(t.db)).toEqual([]);
  });

  it('refuses a view beyond the limit but still replaces an existing one', async () => {
    for (let i = 0; i < MAX_SAVED_VIEWS; i++) await saveView(t.db, `v${i}`, emptyBoardQuery(), at);
    await expect(saveView(t.db, 'one more', emptyBoardQuery(), at)).rejects.toBeInstanceOf(TooManyViewsError);
    expect(await saveView(t.db, 'v0', { ...emptyBoardQuery(), text: 'x' }, at)).toHaveLength(MAX_SAVED_VIEWS);
  });
});
