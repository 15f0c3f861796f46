// `history` through the command line, as scripts use it: a real database filled by `import`, annotated and
// moved through the repositories, then exported as CSV (BOM, CRLF, formulas neutralised) and JSON, for all
// items, one item and a period, and the usage errors with exit code 2.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { addTags, linkItems, setNote } from '../features/annotations/annotations-repository.js';
import { moveItem } from '../features/triage/items-repository.js';
import { makeTempDir } from '../testing/temp-database.js';

const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'main/cli/cli.ts', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli history', () => {
  const dir = makeTempDir();
  const db = join(dir, 'h.sqlite');
  const ids: number[] = [];

  beforeAll(async () => {
    const csv = join(dir, 'items.csv');
    writeFileSync(csv, 'title,date\n@SUM(A1) 不正アクセス,2023-07-01\n誤送信のお詫び,2023-07-02\n');
    expect((await cli(['import', csv, '--db', db, '--json'])).code).toBe(0);
    const conn = await openDatabase(db);
    ids.push(...(await conn.all<{ id: number }>('SELECT id FROM items ORDER BY id')).map((r) => r.id));
    const [a = 0, b = 0] = ids;
    await moveItem(conn, a, 'triage', 'sato', () => new Date('2030-11-20T09:00:00.000Z'));
    await setNote(conn, a, '=cmd|calc のメモ', { by: 'sato', at: '2030-11-21T09:00:00.000Z' });
    await conn.withTransaction((tx) => addTags(tx, [a], ['要確認', 'APPI'], { by: 'suzuki', at: '2030-11-22T09:00:00.000Z' }));
    await linkItems(conn, a, b, null, { by: 'suzuki', at: '2030-11-23T09:00:00.000Z' });
    await conn.close();
  }, 120_000);

  it('writes the whole history as CSV for Excel: BOM, header, one row per change, formulas neutralised', async () => {
    const out = join(dir, 'history.csv');
    const result = await cli(['history', '--db', db, '--format', 'csv', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('7 history rows');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF"changedAt","changedBy","itemId","itemTitle","field","from","to"\r\n')).toBe(true);
    const [a, b] = ids;
    const rows = text.slice(1).trimEnd().split('\r\n').slice(1);
    // Two creations at import (now), then the move, the note, the tags and the link recorded on both items
    // (dated 2030 by the test, so they sort after the import).
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatch(new RegExp(`^"[^"]+","[^"]+","${a}","'@SUM\\(A1\\) 不正アクセス","status",,"new"$`));
    expect(rows.slice(2)).toEqual([
      `"2030-11-20T09:00:00.000Z","sato","${a}","'@SUM(A1) 不正アクセス","status","new","triage"`,
      `"2030-11-21T09:00:00.000Z","sato","${a}","'@SUM(A1) 不正アクセス","note",,"'=cmd|calc のメモ"`,
      `"2030-11-22T09:00:00.000Z","suzuki","${a}","'@SUM(A1) 不正アクセス","tags",,"APPI; 要確認"`,
      `"2030-11-23T09:00:00.000Z","suzuki","${a}","'@SUM(A1) 不正アクセス","related",,"${b}"`,
      `"2030-11-23T09:00:00.000Z","suzuki","${b}","誤送信のお詫び","related",,"${a}"`,
    ]);
  }, 60_000);

  it('narrows to one item and a period, as JSON on stdout', async () => {
    const [a] = ids;
    const result = await cli(['history', '--db', db, '--item', String(a), '--from', '2030-11-21', '--to', '2030-11-22', '--format', 'json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { field: string; from: unknown; to: unknown; changedBy: string }[];
    expect(rows).toEqual([
      expect.objectContaining({ itemId: a, field: 'note', from: null, to: '=cmd|calc のメモ', changedBy: 'sato' }),
      expect.objectContaining({ itemId: a, field: 'tags', from: [], to: ['APPI', '要確認'], changedBy: 'suzuki' }),
    ]);
  }, 60_000);

  it('exits 2 with a message for bad options and unknown items', async () => {
    for (const args of [
      ['history', '--db', db],
      ['history', '--db', db, '--format', 'xlsx'],
      ['history', '--db', db, '--format', 'csv', '--from', '2026/11/01'],
      ['history', '--db', db, '--format', 'csv', '--from', '2026-12-01', '--to', '2026-11-01'],
      ['history', '--db', db, '--format', 'csv', '--item', 'abc'],
      ['history', '--db', db, '--format', 'csv', '--item', '99999'],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^triage-desk: /);
      expect(result.stdout).toBe('');
    }
  }, 120_000);
});
