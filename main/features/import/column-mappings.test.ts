import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { readColumnMappings, saveColumnMapping } from './column-mappings-repository.js';
import { headerSetKey, mapHeaders } from './header-map.js';
import { importFiles } from './import-files.js';

let t: TempDatabase;
beforeEach(async () => {
  t = await openTempDatabase();
});
afterEach(() => t.cleanup());

const sheet = new TextEncoder().encode('案件名,発生日時,メモ,担当\nA社で誤送信,2023/07/01,宛先の入力ミス,佐藤\nB市でUSB紛失,2023/07/02,委託先,鈴木\n');
const headers = ['案件名', '発生日時', 'メモ', '担当'];

describe('column mapping for unrecognised headers', () => {
  it('C7 an unrecognised header row fails with its headers, then imports once the officer maps it, and is remembered', async () => {
    const first = await importFiles(t.db, [{ name: 'list.csv', bytes: sheet }]);
    expect(first.imported).toBe(0);
    expect(first.errors[0]).toMatchObject({ file: 'list.csv', line: 1, headers });
    expect(first.errors[0]?.message).toMatch(/^no title column/);

    await saveColumnMapping(t.db, headers, ['title', 'publishedAt', 'body', null]);
    const second = await importFiles(t.db, [{ name: 'list.csv', bytes: sheet }]);
    expect(second).toMatchObject({ imported: 2, failed: 0, errors: [] });
    const row = await t.db.get<{ title: string; published_at: string; body: string; extra_json: string }>(
      "SELECT title, published_at, body, extra_json FROM items WHERE title = 'A社で誤送信'",
    );
    // Unmapped columns stay with the item as the officer's own data.
    expect(row).toEqual({ title: 'A社で誤送信', published_at: '2023-07-01', body: '宛先の入力ミス', extra_json: JSON.stringify({ 担当: '佐藤' }) });
    // The same sheet exported again, with full-width and spacing differences, is the same header set.
    expect(headerSetKey(['案件名 ', '発生日時', 'メモ', '担当'])).toBe(headerSetKey(headers));
  });

  it('a remembered mapping overrides synonyms for its header set only, and "ignore" keeps a column as extra data', () => {
    const remembered = { [headerSetKey(['title', '見出し2'])]: ['ignore', 'title'] as const };
    expect(mapHeaders(['title', '見出し2'], remembered).fields).toEqual({ title: 1 });
    expect(mapHeaders(['title', '見出し2'], remembered).extra.map((e) => e.name)).toEqual(['title']);
    expect(mapHeaders(['title', '見出し3'], remembered).fields).toEqual({ title: 0 });
  });

  it('refuses mappings without exactly one title, with a field twice, or of the wrong length; keeps the rest', async () => {
    await expect(saveColumnMapping(t.db, headers, ['body', 'publishedAt', null, null])).rejects.toThrow(/title/);
    await expect(saveColumnMapping(t.db, headers, ['title', 'title', null, null])).rejects.toThrow(/title/);
    await expect(saveColumnMapping(t.db, headers, ['title', 'body', 'body', null])).rejects.toThrow(/one column/);
    await expect(saveColumnMapping(t.db, headers, ['title'])).rejects.toThrow(/one choice/);
    await expect(saveColumnMapping(t.db, headers, ['title', 'password', null, null] as never)).rejects.toThrow(/unknown/);
    expect(await readColumnMappings(t.db)).toEqual({});
  });
});
