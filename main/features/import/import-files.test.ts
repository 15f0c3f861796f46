import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { getItem, loadBoard, moveItem } from '../triage/items-repository.js';
import { readDemoFile } from './demo-data.js';
import { importFiles } from './import-files.js';

let t: TempDatabase;
beforeEach(async () => {
  t = await openTempDatabase();
});
afterEach(() => t.cleanup());

const csv = (text: string) => new TextEncoder().encode(text);
const count = async (table: string) => (await t.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0;

describe('importFiles', () => {
  it('C1 imports the Excel UTF-8 sample: 20 items, each with its first history entry and its batch', async () => {
    const bytes = readFileSync(resolve('../shared/samples/cdns-2019-12.utf8-bom.csv'));
    const summary = await importFiles(t.db, [{ name: 'cdns.csv', bytes }]);
    expect(summary).toEqual({ imported: 20, duplicates: 0, updated: 0, failed: 0, errors: [] });
    expect(await count('items')).toBe(20);
    expect(await count('status_changes')).toBe(20);
    const batch = await t.db.get<{ file_name: string; imported: number; sha256: string; format: string }>(
      'SELECT file_name, imported, sha256, format FROM import_batches',
    );
    expect(batch).toMatchObject({ file_name: 'cdns.csv', imported: 20, format: 'csv' });
    expect(batch?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('C13 a re-import adds nothing; a changed text updates the item and keeps its triage', async () => {
    const first = csv('title,date,body\nA,2023-07-01,one\nB,2023-07-02,two\n');
    await importFiles(t.db, [{ name: 'a.csv', bytes: first }]);
    const board = await loadBoard(t.db, '', 10);
    const idA = board.columns[0]?.cards.find((c) => c.title === 'A')?.id ?? 0;
    await moveItem(t.db, idA, 'action', 'officer');

    expect(await importFiles(t.db, [{ name: 'a.csv', bytes: first }])).toMatchObject({ imported: 0, duplicates: 2, updated: 0 });
    const edited = csv('title,date,body\nA,2023-07-01,one (corrected)\nB,2023-07-02,two\nC,2023-07-03,three\n');
    expect(await importFiles(t.db, [{ name: 'a2.csv', bytes: edited }])).toMatchObject({ imported: 1, duplicates: 1, updated: 1 });
    const a = await getItem(t.db, idA);
    expect(a.body).toBe('one (corrected)');
    expect(a.status).toBe('action');
    expect(a.history.map((h) => h.to)).toEqual(['action', 'new']);
    expect(await count('items')).toBe(3);
  });

  it('C13 the same story twice in one file: the second text updates the first, in file order', async () => {
    const text = 'title,date,body\nA,2023-07-01,first\nB,2023-07-02,b\nA,2023-07-01,second\nA,2023-07-01,second\n';
    expect(await importFiles(t.db, [{ name: 'twice.csv', bytes: csv(text) }])).toMatchObject({ imported: 2, updated: 1, duplicates: 1 });
    const board = await loadBoard(t.db, '', 10);
    const a = board.columns[0]?.cards.find((c) => c.title === 'A');
    expect((await getItem(t.db, a?.id ?? 0)).body).toBe('second');
    expect(await count('status_changes')).toBe(2);
    expect(await count('item_updates')).toBe(1);
  });

  it('stores hundreds of records across statement chunks with ids and history matching', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => `item ${i},2023-07-01,body ${i}`).join('\n');
    expect((await importFiles(t.db, [{ name: 'many.csv', bytes: csv(`title,date,body\n${rows}\n`) }])).imported).toBe(450);
    const mismatched = await t.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM items WHERE NOT EXISTS (SELECT 1 FROM status_changes s WHERE s.item_id = items.id AND s.to_status = 'new')`,
    );
    expect(mismatched?.n).toBe(0);
    expect((await t.db.get<{ body: string }>("SELECT body FROM items WHERE title = 'item 321'"))?.body).toBe('body 321');
  });

  it('ACCOUNT: imported + duplicates + updated + failed equals the records in the file', async () => {
    const text = 'title,date\nA,2023-07-01\n,2023-07-02\nA,2023-07-01\n"B",2023-07-04\n';
    const s = await importFiles(t.db, [{ name: 'x.csv', bytes: csv(text) }]);
    expect(s.imported + s.duplicates + s.updated + s.failed).toBe(4);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]).toMatchObject({ file: 'x.csv', line: 3 });
  });

  it('ATOMIC: a file that fails while writing leaves the database exactly as before; other files still land', async () => {
    await t.db.withTransaction((tx) =>
      tx.exec(`CREATE TRIGGER fail_on_poison BEFORE INSERT ON items WHEN NEW.title = 'POISON'
               BEGIN SELECT RAISE(ABORT, 'injected fault'); END`),
    );
    const summary = await importFiles(t.db, [
      { name: 'bad.csv', bytes: csv('title,date\nfine 1,2023-07-01\nfine 2,2023-07-02\nPOISON,2023-07-03\n') },
      { name: 'good.csv', bytes: csv('title,date\nother,2023-07-05\n') },
    ]);
    expect(summary.imported).toBe(1);
    expect(summary.failed).toBe(3);
    expect(summary.errors.at(-1)).toMatchObject({ file: 'bad.csv', line: null });
    expect(summary.errors.at(-1)?.message).toMatch(/nothing was imported.*injected fault/);
    expect(await count('items')).toBe(1);
    expect(await count('import_batches')).toBe(1);
    expect(await count('status_changes')).toBe(1);
  });

  it('C18 cancelling while writing rolls the file back whole; earlier files stay', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `item ${i},2023-07-01`).join('\n');
    const controller = new AbortController();
    const summary = await importFiles(
      t.db,
      [
        { name: 'first.csv', bytes: csv('title,date\nkept,2023-06-01\n') },
        { name: 'big.csv', bytes: csv(`title,date\n${rows}\n`) },
        { name: 'never.csv', bytes: csv('title,date\nnever,2023-06-02\n') },
      ],
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.fileName === 'big.csv' && p.phase === 'writing' && p.recordsDone >= 200) controller.abort();
        },
      },
    );
    expect(summary.imported).toBe(1);
    expect(summary.errors).toEqual([
      { file: 'big.csv', line: null, message: 'import cancelled: nothing of this file was imported, and 1 more file(s) were skipped' },
    ]);
    expect(await count('items')).toBe(1);
    expect(await count('import_batches')).toBe(1);
    expect(await count('status_changes')).toBe(1);
  });

  it('reports progress per file: reading, writing, done', async () => {
    const phases: string[] = [];
    await importFiles(t.db, [{ name: 'p.csv', bytes: csv('title,date\nA,2023-07-01\n') }], {
      onProgress: (p) => phases.push(`${p.fileIndex + 1}/${p.fileCount} ${p.phase} ${p.recordsDone}/${p.recordCount}`),
    });
    expect(phases).toEqual(['1/1 reading 0/0', '1/1 writing 0/1', '1/1 writing 1/1', '1/1 done 1/1']);
  });

  it('C16 a binary file renamed .csv is one clear error and no rows', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const summary = await importFiles(t.db, [{ name: 'photo.csv', bytes: png }]);
    expect(summary).toMatchObject({ imported: 0, failed: 1 });
    expect(summary.errors[0]?.file).toBe('photo.csv');
    expect(await count('items')).toBe(0);
  });

  it('refuses file types this version does not read, naming them', async () => {
    const summary = await importFiles(t.db, [{ name: 'slides.pptx', bytes: csv('PK') }]);
    expect(summary.errors[0]?.message).toMatch(/unsupported file type "\.pptx"/);
  });

  it('the demo data shipped with the app imports to 20 items', async () => {
    expect((await importFiles(t.db, [readDemoFile()])).imported).toBe(20);
  });

  it('a feed whose title comes after more items than are held for it still names every item it added', async () => {
    // The items before the title are written unnamed while the file streams; the title renames them in the file's transaction.
    const items = Array.from({ length: 300 }, (_, i) => `<item><title>記事${i}</title><guid>g${i}</guid></item>`).join('\n');
    const feed = csv(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n${items}\n<title>遅いタイトル</title></channel></rss>\n`);
    expect(await importFiles(t.db, [{ name: 'late.rss', bytes: feed }])).toMatchObject({ imported: 300, failed: 0 });
    const names = await t.db.all<{ source_name: string | null; n: number }>('SELECT source_name, count(*) AS n FROM items GROUP BY source_name');
    expect(names).toEqual([{ source_name: '遅いタイトル', n: 300 }]);
  });

  it('gives the connection its own page cache back after each file, imported or failed', async () => {
    // The import writes with a small cache (withImportPageCache); the board's searches keep the large one.
    const before = await t.db.get<{ cache_size: number }>('PRAGMA cache_size');
    const summary = await importFiles(t.db, [
      { name: 'a.csv', bytes: csv('title\nA\n') },
      { name: 'not-a-feed.rss', bytes: csv('<?xml version="1.0"?><html><body/></html>') },
    ]);
    expect(summary).toMatchObject({ imported: 1, failed: 1 });
    expect(await t.db.get<{ cache_size: number }>('PRAGMA cache_size')).toEqual(before);
  });

  it('C7 stored text never contains NUL', async () => {
    await importFiles(t.db, [{ name: 'nul.csv', bytes: csv('title,date\nA\u0000B,2023-07-01\n') }]);
    expect((await t.db.get<{ n: number }>("SELECT count(*) AS n FROM items WHERE instr(title, char(0)) > 0"))?.n).toBe(0);
    expect(await count('items')).toBe(1);
  });
});
