import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { getItem, ItemNotFoundError, loadBoard, moveItem } from './items-repository.js';

let t: TempDatabase;

async function addItem(id: number, title: string, publishedAt: string | null, body = '') {
  await t.db.withTransaction(async (tx) => {
    await tx.run(
      `INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, body, created_at, updated_at)
       VALUES (?, ?, 'h', ?, '株式会社テスト', ?, ?, 'now', 'now')`,
      [id, `k${id}`, title, publishedAt, body],
    );
    await tx.run(`INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by) VALUES (?, NULL, 'new', 'now', 'import')`, [id]);
  });
}

beforeEach(async () => {
  t = await openTempDatabase();
  await addItem(1, 'ランサムウェア被害のお知らせ', '2023-07-01', '約1,000件');
  await addItem(2, '誤送信に関するお詫び', '2023-07-03', '100% の確認');
  await addItem(3, '日付のないお知らせ', null);
});
afterEach(() => t.cleanup());

describe('loadBoard', () => {
  it('puts every item in its status column, newest first, undated last, with counts', async () => {
    const board = await loadBoard(t.db, '', 50);
    expect(board.total).toBe(3);
    const inbox = board.columns.find((c) => c.status === 'new');
    expect(inbox?.count).toBe(3);
    expect(inbox?.cards.map((c) => c.id)).toEqual([2, 1, 3]);
    expect(board.columns.map((c) => c.status)).toEqual(['new', 'triage', 'action', 'notified', 'dismissed']);
  });

  it('searches title, organisation and body, all terms required, width-insensitive', async () => {
    expect((await loadBoard(t.db, 'ランサム', 50)).columns[0]?.cards.map((c) => c.id)).toEqual([1]);
    expect((await loadBoard(t.db, '１，０００件', 50)).columns[0]?.cards.map((c) => c.id)).toEqual([1]);
    expect((await loadBoard(t.db, 'お知らせ 日付', 50)).columns[0]?.cards.map((c) => c.id)).toEqual([3]);
    expect((await loadBoard(t.db, 'テスト', 50)).columns[0]?.count).toBe(3);
  });

  it('D13 treats LIKE wildcards and SQL metacharacters in a search as text', async () => {
    expect((await loadBoard(t.db, '100%', 50)).columns[0]?.cards.map((c) => c.id)).toEqual([2]);
    expect((await loadBoard(t.db, '%', 50)).columns[0]?.cards.map((c) => c.id)).toEqual([2]);
    expect((await loadBoard(t.db, '_', 50)).columns[0]?.count).toBe(0);
    expect((await loadBoard(t.db, `'; DROP TABLE items; --`, 50)).columns[0]?.count).toBe(0);
    expect((await loadBoard(t.db, '', 50)).total).toBe(3);
  });

  it('limits the cards sent per column but still counts them all', async () => {
    const inbox = (await loadBoard(t.db, '', 2)).columns[0];
    expect(inbox?.cards).toHaveLength(2);
    expect(inbox?.count).toBe(3);
  });
});

describe('moveItem', () => {
  it('changes the status and appends the change to the history', async () => {
    const fixed = new Date('2026-11-25T01:02:03.000Z');
    const { item, change } = await moveItem(t.db, 1, 'triage', 'officer-a', () => fixed);
    expect(item.status).toBe('triage');
    expect(change).toMatchObject({ from: 'new', to: 'triage', changedBy: 'officer-a', changedAt: fixed.toISOString() });
    await moveItem(t.db, 1, 'action', 'officer-b');
    const detail = await getItem(t.db, 1);
    expect(detail.status).toBe('action');
    expect(detail.history.map((h) => [h.from, h.to])).toEqual([
      ['triage', 'action'],
      ['new', 'triage'],
      [null, 'new'],
    ]);
  });

  it('records nothing when the status does not change', async () => {
    const { change } = await moveItem(t.db, 1, 'new', 'me');
    expect(change).toBeNull();
    expect((await getItem(t.db, 1)).history).toHaveLength(1);
  });

  it('reports an unknown item', async () => {
    await expect(moveItem(t.db, 999, 'triage', 'me')).rejects.toBeInstanceOf(ItemNotFoundError);
    await expect(getItem(t.db, 999)).rejects.toBeInstanceOf(ItemNotFoundError);
  });

  it('D15 never lets status and history disagree: a failing history insert rolls the status back', async () => {
    await t.db.withTransaction((tx) =>
      tx.exec(`CREATE TRIGGER fail_history BEFORE INSERT ON status_changes WHEN NEW.to_status = 'dismissed'
               BEGIN SELECT RAISE(ABORT, 'injected fault'); END`),
    );
    await expect(moveItem(t.db, 2, 'dismissed', 'me')).rejects.toThrow(/injected fault/);
    const detail = await getItem(t.db, 2);
    expect(detail.status).toBe('new');
    expect(detail.history).toHaveLength(1);
  });

  it('survives closing and reopening the database file', async () => {
    await moveItem(t.db, 3, 'notified', 'me');
    await t.db.close();
    const { openDatabase } = await import('../../db/open-database.js');
    t.db = await openDatabase(t.path);
    expect((await getItem(t.db, 3)).status).toBe('notified');
  });
});
