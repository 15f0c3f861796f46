// The bulletin channels end to end through dispatch (the door every IPC and HTTP call goes through), on a
// real SQLite file holding the CDNS sample: create → edit → approve → issue (items to 周知済) → coverage →
// PDF, and the error codes the renderer relies on. The PDF printer is a fake that records what it was
// given: printing itself is covered by bulletin-pdf.test.ts and the e2e test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../shared/domain/bulletins.js';
import type { Channel, Input, Output } from '../shared/ipc/contract.js';
import type { CallResult } from '../shared/ipc/result.js';
import { dispatch } from './dispatch.js';
import { EventHub } from './events/event-hub.js';
import { importFiles } from './features/import/import-files.js';
import { createHandlers, type Handlers } from './handlers.js';
import { openTempDatabase, type TempDatabase } from './testing/temp-database.js';

const CSV = resolve('../shared/samples/cdns-2019-12.utf8-bom.csv');
const FAKE_PDF = Buffer.from('%PDF-1.4 fake');

let t: TempDatabase;
let printed: string[];
let handlers: Handlers;

async function call<C extends Channel>(channel: C, input: Input<C>): Promise<CallResult<Output<C>>> {
  return (await dispatch(handlers, channel, input)) as CallResult<Output<C>>;
}

async function value<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function firstItemId(): Promise<number> {
  const row = await t.db.get<{ id: number }>("SELECT id FROM items WHERE title LIKE '%象印%' LIMIT 1");
  if (!row) throw new Error('sample not imported');
  return row.id;
}

beforeEach(async () => {
  t = await openTempDatabase();
  await importFiles(t.db, [{ name: 'cdns.csv', bytes: readFileSync(CSV) }]);
  printed = [];
  handlers = createHandlers({
    db: t.db,
    version: 'test',
    transport: 'http',
    actor: 'officer',
    events: new EventHub(),
    printPdf: async (html) => {
      printed.push(html);
      return FAKE_PDF;
    },
  });
});
afterEach(async () => t.cleanup());

describe('bulletin channels through dispatch', () => {
  it('create, edit, approve, issue with items moved to 周知済; the item names the bulletin; the PDF is the kept one', async () => {
    const itemId = await firstItemId();
    const created = await value('bulletins.create', { template: 'single', itemIds: [itemId] });
    expect(created.state).toBe('draft');
    expect(created.number).toMatch(/^SEC-\d{4}-001$/);

    // The preview lays unsaved edits over the stored draft without saving them.
    const preview = await value('bulletins.preview', { id: created.id, draft: { title: '<script>x</script>未保存の件名' } });
    expect(preview.html).toContain('&lt;script&gt;x&lt;/script&gt;未保存の件名');
    expect(preview.html).not.toContain('<script>');
    expect((await value('bulletins.get', { id: created.id })).bulletin.title).toBe(created.title);

    const edited = await value('bulletins.edit', { id: created.id, title: '誤送信に注意', classification: '社外秘' });
    expect(edited).toMatchObject({ title: '誤送信に注意', classification: '社外秘', department: created.department });
    await value('bulletins.approve', { id: created.id });
    const issued = await value('bulletins.issue', { id: created.id, markNotified: true });
    expect(issued.bulletin.state).toBe('issued');
    expect(issued.movedItemIds).toEqual([itemId]);
    expect((await value('items.get', { id: itemId })).status).toBe('notified');
    expect(printed).toHaveLength(1);

    const view = await value('bulletins.get', { id: created.id });
    expect(view.changes.map((c) => c.action)).toEqual(['created', 'edited', 'approved', 'issued']);
    expect(view.issued).toMatchObject({ issuedBy: 'officer', htmlSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    expect(await value('bulletins.forItem', { itemId })).toEqual([
      { bulletinId: created.id, number: created.number, version: 1, state: 'issued', date: created.date },
    ]);
    const pdf = await value('bulletins.pdf', { id: created.id });
    expect(pdf).toEqual({ fileName: `${created.number}.pdf`, contentBase64: FAKE_PDF.toString('base64'), kept: true });
    expect(printed).toHaveLength(1); // the kept bytes, not a new print

    const list = await value('bulletins.list', { search: '誤送信' });
    expect(list.map((b: Bulletin) => b.id)).toEqual([created.id]);
  });

  it('issuing without markNotified leaves the items where they are', async () => {
    const itemId = await firstItemId();
    const b = await value('bulletins.create', { template: 'single', itemIds: [itemId] });
    await value('bulletins.approve', { id: b.id });
    expect((await value('bulletins.issue', { id: b.id, markNotified: false })).movedItemIds).toEqual([]);
    expect((await value('items.get', { id: itemId })).status).toBe('new');
  });

  it('maps the engine errors to codes: conflict for the wrong state, not-found, invalid-input', async () => {
    const itemId = await firstItemId();
    const b = await value('bulletins.create', { template: 'single', itemIds: [itemId] });
    const issueDraft = await call('bulletins.issue', { id: b.id, markNotified: true });
    expect(issueDraft.ok ? null : issueDraft.error.code).toBe('conflict');
    await value('bulletins.approve', { id: b.id });
    const editApproved = await call('bulletins.edit', { id: b.id, title: 'x' });
    expect(editApproved.ok ? null : editApproved.error.code).toBe('conflict');
    const missing = await call('bulletins.get', { id: 999_999 });
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    const missingItem = await call('bulletins.create', { template: 'single', itemIds: [999_999] });
    expect(missingItem.ok ? null : missingItem.error.code).toBe('not-found');
    const emptyPeriod = await call('bulletins.create', { template: 'digest', period: { from: '1990-01-01', to: '1990-01-31' } });
    expect(emptyPeriod.ok ? null : emptyPeriod.error.code).toBe('invalid-input');
  });

  it('a new version of an issued bulletin is an editable draft with the same number', async () => {
    const b = await value('bulletins.create', { template: 'single', itemIds: [await firstItemId()] });
    await value('bulletins.approve', { id: b.id });
    await value('bulletins.issue', { id: b.id, markNotified: false });
    const next = await value('bulletins.newVersion', { id: b.id });
    expect(next).toMatchObject({ number: b.number, version: 2, parentId: b.id, state: 'draft' });
    expect((await value('bulletins.edit', { id: next.id, title: '第2版' })).title).toBe('第2版');
  });

  it('a digest of a period; settings read and saved (number format checked)', async () => {
    const digest = await value('bulletins.create', { template: 'digest', period: { from: '2019-12-01', to: '2019-12-31' } });
    expect(digest.itemIds.length).toBeGreaterThan(1);
    const saved = await value('bulletins.saveSettings', { numberFormat: 'ISMS-{YY}-{NN}' });
    expect(saved.numberFormat).toBe('ISMS-{YY}-{NN}');
    expect((await value('bulletins.settings', {})).templates.single.ja).toContain('{{actions}}');
    const bad = await call('bulletins.saveSettings', { numberFormat: 'NO-SEQUENCE' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid-input');
  });

  it('without a printer a PDF is refused with a reason, and issuing still keeps the HTML', async () => {
    handlers = createHandlers({ db: t.db, version: 'test', transport: 'electron', actor: 'officer', events: new EventHub() });
    const b = await value('bulletins.create', { template: 'single', itemIds: [await firstItemId()] });
    const pdf = await call('bulletins.pdf', { id: b.id });
    expect(pdf.ok ? '' : pdf.error.message).toMatch(/PDF printing is not available/);
    await value('bulletins.approve', { id: b.id });
    const issued = await value('bulletins.issue', { id: b.id, markNotified: false });
    expect(issued.bulletin.state).toBe('issued');
    expect((await value('bulletins.get', { id: b.id })).issued?.pdfSha256).toBeNull();
  });

  it('the desktop print dialog gets the print HTML with its label; without one the browser shell says what to do', async () => {
    const b = await value('bulletins.create', { template: 'single', itemIds: [await firstItemId()] });
    const refused = await call('bulletins.print', { id: b.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/desktop app only/);

    const dialogs: string[] = [];
    handlers = createHandlers({
      db: t.db,
      version: 'test',
      transport: 'electron',
      actor: 'officer',
      events: new EventHub(),
      printDialog: async (html) => {
        dialogs.push(html);
        return true;
      },
    });
    expect(await value('bulletins.print', { id: b.id })).toEqual({ printed: true });
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toContain(b.number);
    expect(dialogs[0]).toContain(b.classification);
  });
});

