// The annotation channels through dispatch (the door every IPC and HTTP call goes through) on a real SQLite
// file: inputs validated and normalised at the boundary, the error codes the renderer relies on, the
// detail carrying note, tags and related items, and the history export with its rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Input, Output } from '../../../shared/ipc/contract.js';
import type { CallResult } from '../../../shared/ipc/result.js';
import { dispatch } from '../../dispatch.js';
import { EventHub } from '../../events/event-hub.js';
import { createHandlers, type Handlers } from '../../handlers.js';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { importFiles } from '../import/import-files.js';

let t: TempDatabase;
let handlers: Handlers;
let ids: number[];

async function call<C extends Channel>(channel: C, input: unknown): Promise<CallResult<Output<C>>> {
  return (await dispatch(handlers, channel, input)) as CallResult<Output<C>>;
}

async function value<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

beforeEach(async () => {
  t = await openTempDatabase();
  await importFiles(t.db, [{ name: 'a.csv', bytes: new TextEncoder().encode('title,date\n=HYPERLINK("x"),2023-07-01\nB,2023-07-02\n') }]);
  ids = (await t.db.all<{ id: number }>('SELECT id FROM items ORDER BY id')).map((r) => r.id);
  handlers = createHandlers({ db: t.db, version: 'test', transport: 'http', actor: 'tanaka', events: new EventHub() });
});
afterEach(() => t.cleanup());

describe('annotation channels', () => {
  it('set a note, tags and a link, all shown by items.get', async () => {
    const [a = 0, b = 0] = ids;
    expect(await value('items.setNote', { id: a, body: '**要確認**' })).toMatchObject({ body: '**要確認**', updatedBy: 'tanaka' });
    expect(await value('items.addTags', { id: a, tags: ['ｒａｎｓｏｍ', ' 要確認 '] })).toEqual(['ransom', '要確認']);
    expect(await value('items.removeTags', { id: a, tags: ['ransom'] })).toEqual(['要確認']);
    expect((await value('items.link', { id: a, otherId: b })).map((r) => r.id)).toEqual([b]);
    const detail = await value('items.get', { id: b });
    expect(detail).toMatchObject({ note: null, tags: [], related: [{ id: a, title: '=HYPERLINK("x")', status: 'new' }] });
    expect((await value('items.get', { id: a })).fieldHistory.map((c) => c.field)).toEqual(['related', 'tags', 'tags', 'note']);
    expect(await value('tags.list', { prefix: '要' })).toEqual([{ tag: '要確認', count: 1 }]);
    expect((await value('items.unlink', { id: b, otherId: a }))).toEqual([]);
  });

  it('refuse invalid input at the boundary: bad tags, self links, extra keys, oversize notes', async () => {
    const [a = 0] = ids;
    const refused = async (channel: Channel, input: unknown) => {
      const result = await call(channel, input);
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-input');
    };
    await refused('items.addTags', { id: a, tags: [] });
    await refused('items.addTags', { id: a, tags: ['\u0000\u200B '] });
    await refused('items.addTags', { id: a, tags: ['x'.repeat(41)] });
    await refused('items.addTags', { id: a, tags: ['ok'], extra: 1 });
    await refused('items.link', { id: a, otherId: a });
    await refused('items.setNote', { id: a, body: 'x'.repeat(100_001) });
    await refused('items.setNote', { id: '1', body: 'x' });
    await refused('history.export', { from: '2026-12-01', to: '2026-11-01' });
    await refused('history.export', { format: 'xlsx' });
    expect(await t.db.get<{ n: number }>('SELECT count(*) AS n FROM field_changes')).toEqual({ n: 0 });
  });

  it('answer not-found for unknown items', async () => {
    for (const [channel, input] of [
      ['items.setNote', { id: 999, body: 'x' }],
      ['items.addTags', { id: 999, tags: ['x'] }],
      ['items.link', { id: ids[0], otherId: 999 }],
      ['history.export', { itemId: 999 }],
    ] as const) {
      const result = await call(channel, input);
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('not-found');
    }
  });

  it('export the history as CSV for Excel (BOM, formulas neutralised) or JSON, for one item or all', async () => {
    const [a = 0] = ids;
    await value('items.move', { id: a, to: 'triage' });
    await value('items.setNote', { id: a, body: '=1+1 のメモ\n2行目' });
    const csv = await value('history.export', { itemId: a });
    expect(csv).toMatchObject({ fileName: `history_item-${a}.csv`, mimeType: 'text/csv', rows: 3 });
    expect(csv.text.startsWith('\uFEFF"changedAt","changedBy","itemId","itemTitle","field","from","to"\r\n')).toBe(true);
    const lines = csv.text.split('\r\n');
    expect(lines[1]).toMatch(new RegExp(`^"[^"]+","import","${a}","'=HYPERLINK\\(""x""\\)","status",,"new"$`)); // an empty cell stays unquoted
    expect(lines[2]).toMatch(/"tanaka",".*","status","new","triage"$/);
    expect(csv.text).toContain(`"note",,"'=1+1 のメモ\n2行目"`);
    const all = await value('history.export', { format: 'json' });
    expect(all.fileName).toBe('history.json');
    const rows = JSON.parse(all.text) as { itemId: number; field: string }[];
    expect(rows.filter((r) => r.field === 'status')).toHaveLength(3); // two creations and one move
    const later = await value('history.export', { from: '2999-01-01' });
    expect(later.rows).toBe(0);
  });
});
