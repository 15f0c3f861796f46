import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { getItem, loadBoard, moveItem } from '../triage/items-repository.js';
import { importFiles } from './import-files.js';
import { ImportAlreadyUndoneError, ImportNotFoundError, listImports, undoImport } from './import-history-repository.js';

let t: TempDatabase;
beforeEach(async () => {
  t = await openTempDatabase();
});
afterEach(() => t.cleanup());

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('import history', () => {
  it('lists every import with file, size, hash, format, encoding, counts, errors and duration', async () => {
    const text = 'title,date\nA,2023-07-01\n,2023-07-02\n';
    await importFiles(t.db, [file('a.csv', text)]);
    await importFiles(t.db, [file('a.csv', 'title,date\nA,2023-07-01\n')]);
    const [second, first] = await listImports(t.db, 10);
    expect(first).toMatchObject({ fileName: 'a.csv', format: 'csv', encoding: 'utf-8', imported: 1, failed: 1, undoneAt: null });
    expect(first?.errors).toEqual([{ file: 'a.csv', line: 3, message: expect.any(String) }]);
    expect(first?.fileSize).toBe(new TextEncoder().encode(text).byteLength);
    expect(first?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.durationMs).toBeGreaterThanOrEqual(0);
    expect(second).toMatchObject({ imported: 0, duplicates: 1 });
  });

  it('records the text an update replaced', async () => {
    await importFiles(t.db, [file('a.csv', 'title,date,body\nA,2023-07-01,old text\n')]);
    await importFiles(t.db, [file('b.csv', 'title,date,body\nA,2023-07-01,new text\n')]);
    const rows = await t.db.all<{ previous_body: string }>('SELECT previous_body FROM item_updates');
    expect(rows).toEqual([{ previous_body: 'old text' }]);
  });

  it('undo removes the untouched new items of an import and keeps the triaged ones', async () => {
    await importFiles(t.db, [file('a.csv', 'title,date\nA,2023-07-01\nB,2023-07-02\nC,2023-07-03\n')]);
    const cards = (await loadBoard(t.db, '', 10)).columns[0]?.cards ?? [];
    const b = cards.find((c) => c.title === 'B');
    if (!b) throw new Error('B missing');
    await moveItem(t.db, b.id, 'triage', 'officer');
    const [batch] = await listImports(t.db, 1);
    const result = await undoImport(t.db, batch?.id ?? 0);
    expect(result).toEqual({ removed: 2, kept: 1 });
    const board = await loadBoard(t.db, '', 10);
    expect(board.total).toBe(1);
    expect((await getItem(t.db, b.id)).status).toBe('triage');
    expect((await listImports(t.db, 1))[0]).toMatchObject({ removed: 2, undoneAt: expect.any(String) });
    await expect(undoImport(t.db, batch?.id ?? 0)).rejects.toBeInstanceOf(ImportAlreadyUndoneError);
    await expect(undoImport(t.db, 999)).rejects.toBeInstanceOf(ImportNotFoundError);
  });

  it('undo keeps an item that a later import updated', async () => {
    await importFiles(t.db, [file('a.csv', 'title,date,body\nA,2023-07-01,v1\n')]);
    await importFiles(t.db, [file('b.csv', 'title,date,body\nA,2023-07-01,v2\n')]);
    const batches = await listImports(t.db, 10);
    expect(await undoImport(t.db, batches[1]?.id ?? 0)).toEqual({ removed: 0, kept: 1 });
  });
});
