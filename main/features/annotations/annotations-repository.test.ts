// Notes, tags and links on real SQLite files (0009): each change recorded in field_changes, re-import
// leaves them alone, undoing an import keeps the annotated items, tags normalised, the SQL checks hold.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeTag } from '../../../shared/domain/annotations.js';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { importFiles } from '../import/import-files.js';
import { listImports, undoImport } from '../import/import-history-repository.js';
import { getItem, ItemNotFoundError } from '../triage/items-repository.js';
import {
  addTags,
  InvalidAnnotationError,
  linkItems,
  listItemTags,
  listRelated,
  listTags,
  readNote,
  removeTags,
  setNote,
  unlinkItems,
  type Actor,
} from './annotations-repository.js';

let t: TempDatabase;
const officer: Actor = { by: 'sato', at: '2026-11-25T01:00:00.000Z' };
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const CSV = 'title,date,body\nA社 不正アクセス,2023-07-01,v1\nB社 誤送信,2023-07-02,v1\nC社 紛失,2023-07-03,v1\n';

async function idOf(title: string): Promise<number> {
  const row = await t.db.get<{ id: number }>('SELECT id FROM items WHERE title = ?', [title]);
  if (!row) throw new Error(`${title} missing`);
  return row.id;
}

async function fieldChanges(itemId: number) {
  return t.db.all<{ field: string; from_json: string | null; to_json: string | null; changed_by: string }>(
    'SELECT field, from_json, to_json, changed_by FROM field_changes WHERE item_id = ? ORDER BY id',
    [itemId],
  );
}

let a: number;
let b: number;
let c: number;
beforeEach(async () => {
  t = await openTempDatabase();
  await importFiles(t.db, [file('a.csv', CSV)]);
  [a, b, c] = [await idOf('A社 不正アクセス'), await idOf('B社 誤送信'), await idOf('C社 紛失')];
});
afterEach(() => t.cleanup());

describe('notes', () => {
  it('stores, replaces and deletes a note, each change recorded from → to', async () => {
    expect(await setNote(t.db, a, '**確認中**', officer)).toEqual({ body: '**確認中**', updatedAt: officer.at, updatedBy: 'sato' });
    await setNote(t.db, a, '**確認中**', officer); // the same text again: no new history row
    await setNote(t.db, a, '対応済み', { ...officer, by: 'suzuki' });
    expect(await readNote(t.db, a)).toMatchObject({ body: '対応済み', updatedBy: 'suzuki' });
    expect(await setNote(t.db, a, '  \n ', officer)).toBeNull();
    expect(await readNote(t.db, a)).toBeNull();
    expect(await fieldChanges(a)).toEqual([
      { field: 'note', from_json: null, to_json: '"**確認中**"', changed_by: 'sato' },
      { field: 'note', from_json: '"**確認中**"', to_json: '"対応済み"', changed_by: 'suzuki' },
      { field: 'note', from_json: '"対応済み"', to_json: null, changed_by: 'sato' },
    ]);
  });

  it('keeps hostile Markdown as the text typed (rendering it safely is the renderer\'s job)', async () => {
    const hostile = '<script>alert(1)</script> [x](javascript:alert(1))';
    await setNote(t.db, a, hostile, officer);
    expect((await getItem(t.db, a)).note?.body).toBe(hostile);
  });

  it('refuses an unknown item and writes nothing', async () => {
    await expect(setNote(t.db, 9999, 'x', officer)).rejects.toBeInstanceOf(ItemNotFoundError);
    expect(await t.db.get<{ n: number }>('SELECT count(*) AS n FROM field_changes')).toEqual({ n: 0 });
  });
});

describe('tags', () => {
  it('normalises: NFKC, controls and invisible characters removed, spaces collapsed, length limited', () => {
    expect(normalizeTag('  ＡＰＰＩ　報告 ')).toBe('APPI 報告');
    expect(normalizeTag('ｶﾞｲﾄﾞﾗｲﾝ')).toBe('ガイドライン');
    expect(normalizeTag('ランサム\u200Bウェア\u0007')).toBe('ランサムウェア');
    expect(normalizeTag('a\tb\nc')).toBe('a b c');
    expect(normalizeTag(' \u200B ')).toBeNull();
    expect(normalizeTag('あ'.repeat(40))).toBe('あ'.repeat(40));
    expect(normalizeTag('あ'.repeat(41))).toBeNull();
  });

  it('adds and removes tags on many items in one transaction, one history row per changed item', async () => {
    const changed = await t.db.withTransaction((tx) => addTags(tx, [a, b], ['要確認', 'ＡＰＰＩ', '要確認'], officer));
    expect(changed).toEqual([a, b]);
    expect(await listItemTags(t.db, a)).toEqual(['APPI', '要確認']);
    // Already there: no change, no history row.
    expect(await t.db.withTransaction((tx) => addTags(tx, [a], ['APPI'], officer))).toEqual([]);
    expect(await t.db.withTransaction((tx) => removeTags(tx, [a, b, c], ['要確認'], officer))).toEqual([a, b]);
    expect(await listItemTags(t.db, b)).toEqual(['APPI']);
    expect(await fieldChanges(a)).toEqual([
      { field: 'tags', from_json: '[]', to_json: '["APPI","要確認"]', changed_by: 'sato' },
      { field: 'tags', from_json: '["APPI","要確認"]', to_json: '["APPI"]', changed_by: 'sato' },
    ]);
    expect(await fieldChanges(c)).toEqual([]);
  });

  it('lists tags with counts, most used first, narrowed by a prefix (autocomplete)', async () => {
    await t.db.withTransaction(async (tx) => {
      await addTags(tx, [a, b, c], ['ランサム'], officer);
      await addTags(tx, [a], ['ランサムウェア'], officer);
      await addTags(tx, [b, c], ['誤送信'], officer);
      await addTags(tx, [c], ['100%_確認'], officer);
    });
    expect(await listTags(t.db)).toEqual([
      { tag: 'ランサム', count: 3 },
      { tag: '誤送信', count: 2 },
      { tag: '100%_確認', count: 1 },
      { tag: 'ランサムウェア', count: 1 },
    ]);
    expect(await listTags(t.db, { prefix: 'ﾗﾝｻﾑ' })).toEqual([
      { tag: 'ランサム', count: 3 },
      { tag: 'ランサムウェア', count: 1 },
    ]);
    // Wildcards are text, not patterns.
    expect(await listTags(t.db, { prefix: '%' })).toEqual([]);
    expect(await listTags(t.db, { prefix: '100%' })).toEqual([{ tag: '100%_確認', count: 1 }]);
  });

  it('refuses a tag that normalises to nothing, and the whole change with it', async () => {
    await expect(t.db.withTransaction((tx) => addTags(tx, [a], ['ok', '\u0001 '], officer))).rejects.toBeInstanceOf(InvalidAnnotationError);
    expect(await listItemTags(t.db, a)).toEqual([]);
    await expect(t.db.withTransaction((tx) => addTags(tx, [a, 9999], ['ok'], officer))).rejects.toBeInstanceOf(ItemNotFoundError);
    expect(await listItemTags(t.db, a)).toEqual([]);
  });

  it('the table itself refuses padded, empty, control-character and overlong tags (a writer that skipped the normaliser)', async () => {
    for (const bad of [' x', '', 'a\nb', 'a\u007fb', 'x'.repeat(41)]) {
      await expect(t.db.withTransaction((tx) => tx.run('INSERT INTO item_tags (item_id, tag) VALUES (?, ?)', [a, bad]))).rejects.toThrow(/CHECK/);
    }
  });
});

describe('related items', () => {
  it('links symmetrically (one row, smaller id first), lists from both ends, records on both items', async () => {
    const related = await linkItems(t.db, c, a, '同一事案', officer);
    expect(related.map((r) => r.id)).toEqual([a]);
    expect(related[0]).toMatchObject({ title: 'A社 不正アクセス', status: 'new', publishedAt: '2023-07-01', note: '同一事案', linkedBy: 'sato' });
    expect(await t.db.all('SELECT item_a, item_b FROM item_links')).toEqual([{ item_a: Math.min(a, c), item_b: Math.max(a, c) }]);
    expect((await listRelated(t.db, a)).map((r) => r.id)).toEqual([c]);
    await linkItems(t.db, a, c, null, officer); // already linked: nothing recorded
    await linkItems(t.db, a, b, null, officer);
    expect((await getItem(t.db, a)).related.map((r) => r.id)).toEqual([c, b]); // newest publication first
    await unlinkItems(t.db, c, a, officer);
    expect((await listRelated(t.db, a)).map((r) => r.id)).toEqual([b]);
    expect(await listRelated(t.db, c)).toEqual([]);
    expect(await fieldChanges(c)).toEqual([
      { field: 'related', from_json: '[]', to_json: `[${a}]`, changed_by: 'sato' },
      { field: 'related', from_json: `[${a}]`, to_json: '[]', changed_by: 'sato' },
    ]);
    expect((await fieldChanges(a)).map((r) => r.to_json)).toEqual([`[${c}]`, `[${b},${c}]`, `[${b}]`]);
  });

  it('refuses a link to itself or to an unknown item', async () => {
    await expect(linkItems(t.db, a, a, null, officer)).rejects.toBeInstanceOf(InvalidAnnotationError);
    await expect(linkItems(t.db, a, 9999, null, officer)).rejects.toBeInstanceOf(ItemNotFoundError);
    expect(await t.db.get<{ n: number }>('SELECT count(*) AS n FROM item_links')).toEqual({ n: 0 });
  });
});

describe('annotations and imports', () => {
  it('a re-import that changes the text leaves the note, tags and links as they were', async () => {
    await setNote(t.db, a, 'メモ', officer);
    await t.db.withTransaction((tx) => addTags(tx, [a], ['要確認'], officer));
    await linkItems(t.db, a, b, null, officer);
    const summary = await importFiles(t.db, [file('b.csv', CSV.replaceAll('v1', 'v2'))]);
    expect(summary.updated).toBe(3);
    const detail = await getItem(t.db, a);
    expect(detail.body).toBe('v2');
    expect(detail.note?.body).toBe('メモ');
    expect(detail.tags).toEqual(['要確認']);
    expect(detail.related.map((r) => r.id)).toEqual([b]);
  });

  it('undoing an import keeps items with a note, a tag or a link (they count as triaged) and removes the others', async () => {
    await importFiles(t.db, [file('d.csv', 'title,date\nD1,2023-08-01\nD2,2023-08-02\nD3,2023-08-03\nD4,2023-08-04\nD5,2023-08-05\n')]);
    const [d1, d2, d3, d4] = [await idOf('D1'), await idOf('D2'), await idOf('D3'), await idOf('D4')];
    await setNote(t.db, d1, 'メモ', officer);
    await t.db.withTransaction((tx) => addTags(tx, [d2], ['要確認'], officer));
    await linkItems(t.db, a, d3, null, officer); // linked from an item of another import
    // A tag written without a history row (by some other writer) still keeps the item.
    await t.db.withTransaction((tx) => tx.run("INSERT INTO item_tags (item_id, tag) VALUES (?, 'x')", [d4]));
    const [batch] = await listImports(t.db, 1);
    expect(await undoImport(t.db, batch?.id ?? 0)).toEqual({ removed: 1, kept: 4 });
    const left = await t.db.all<{ title: string }>("SELECT title FROM items WHERE title LIKE 'D%' ORDER BY title");
    expect(left.map((r) => r.title)).toEqual(['D1', 'D2', 'D3', 'D4']);
  });
});
