import { describe, expect, it, vi } from 'vitest';
import type { TriageApi } from '../../../shared/ipc/contract.js';
import { fakeBulletinsApi } from '../../testing/fake-bulletins.js';
import { createBulletinsStore, selectDirty, type PdfFile } from './bulletins-store.js';

function setUp(confirmAnswer = true) {
  const { api, current } = fakeBulletinsApi();
  const onItemsChanged = vi.fn();
  const delivered: { file: PdfFile; purpose: string }[] = [];
  const confirm = vi.fn(() => confirmAnswer);
  const store = createBulletinsStore(api, { onItemsChanged, confirm, previewDelayMs: 0, deliverPdf: (file, purpose) => delivered.push({ file, purpose }) });
  return { api, current, store, onItemsChanged, delivered, confirm };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('bulletins store', () => {
  it('creating from an item opens the dialog on the new draft with its preview and lists it', async () => {
    const { api, store } = setUp();
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    expect(api['bulletins.create']).toHaveBeenCalledWith({ template: 'single', itemIds: [3] });
    expect(store.getState()).toMatchObject({ open: true, busy: null, notice: { kind: 'created' }, listLoaded: true });
    expect(store.getState().current?.bulletin.state).toBe('draft');
    expect(store.getState().previewHtml).toContain('東谷株式会社');
    expect(store.getState().list).toHaveLength(1);
  });

  it('the open detail learns about a draft made from its item', async () => {
    const { api, store } = setUp();
    await store.getState().itemCoverageRequested(3);
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    expect(api['bulletins.forItem']).toHaveBeenCalledTimes(2);
    expect(store.getState().coverage?.entries[0]).toMatchObject({ number: 'SEC-2023-012', state: 'draft' });
  });

  it('edits stay local until saved; the preview follows them; saving sends only the edits', async () => {
    const { api, store } = setUp();
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    store.getState().fieldEdited('title', '新しい件名');
    expect(selectDirty(store.getState())).toBe(true);
    await settle();
    expect(api['bulletins.preview']).toHaveBeenLastCalledWith({ id: 7, draft: { title: '新しい件名' } });
    expect(store.getState().previewHtml).toBe('<h1>新しい件名</h1>');
    expect(await store.getState().draftSaved()).toBe(true);
    expect(api['bulletins.edit']).toHaveBeenCalledWith({ id: 7, title: '新しい件名' });
    expect(selectDirty(store.getState())).toBe(false);
    expect(store.getState().notice).toEqual({ kind: 'saved' });
  });

  it('approve saves pending edits first; issue with markNotified reports the moved items and refreshes coverage', async () => {
    const { api, store, onItemsChanged } = setUp();
    await store.getState().itemCoverageRequested(3);
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    store.getState().fieldEdited('classification', '社外秘');
    await store.getState().approveRequested();
    expect(api['bulletins.edit']).toHaveBeenCalledWith({ id: 7, classification: '社外秘' });
    expect(store.getState().current?.bulletin.state).toBe('approved');

    store.getState().issueAskedToggled(true);
    expect(store.getState().issueAsked).toBe(true);
    await store.getState().issueConfirmed(true);
    expect(api['bulletins.issue']).toHaveBeenCalledWith({ id: 7, markNotified: true });
    expect(store.getState()).toMatchObject({ issueAsked: false, notice: { kind: 'issued', moved: 1 } });
    expect(store.getState().current?.bulletin.state).toBe('issued');
    expect(onItemsChanged).toHaveBeenCalledWith([3]);
    expect(store.getState().coverage?.entries[0]).toMatchObject({ number: 'SEC-2023-012', state: 'issued' });
  });

  it('an issued bulletin takes no edits; issuing without markNotified moves nothing', async () => {
    const { store, onItemsChanged } = setUp();
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    await store.getState().approveRequested();
    await store.getState().issueConfirmed(false);
    expect(onItemsChanged).not.toHaveBeenCalled();
    store.getState().fieldEdited('title', 'x');
    expect(store.getState().draft).toEqual({});
  });

  it('a refused transition shows why and the bulletin as it stands now', async () => {
    const { store } = setUp();
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    await store.getState().issueConfirmed(true); // still a draft
    expect(store.getState().error).toMatchObject({ action: 'issue', code: 'conflict' });
  });

  it('the PDF arrives as bytes for download or print', async () => {
    const { store, delivered } = setUp();
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    await store.getState().pdfRequested('download');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.purpose).toBe('download');
    expect(delivered[0]?.file.fileName).toBe('SEC-2023-012.pdf');
    expect(new TextDecoder().decode(delivered[0]?.file.bytes)).toBe('%PDF-1.7');
  });

  it('in the desktop app 印刷 asks main for the system print dialog instead of handing a PDF to a tab', async () => {
    const { api } = fakeBulletinsApi();
    const print = vi.fn<TriageApi['bulletins.print']>(async () => ({ ok: true, value: { printed: true } }));
    const delivered: unknown[] = [];
    const store = createBulletinsStore({ ...api, 'bulletins.print': print }, { previewDelayMs: 0, printInMain: true, deliverPdf: (f) => delivered.push(f) });
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    await store.getState().pdfRequested('print');
    expect(print).toHaveBeenCalledTimes(1);
    expect(delivered).toEqual([]);
    await store.getState().pdfRequested('download');
    expect(delivered).toHaveLength(1);
  });

  it('closing with unsaved edits asks first and stays open when the officer says no', async () => {
    const { store, confirm } = setUp(false);
    await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
    store.getState().fieldEdited('title', 'x');
    expect(store.getState().bulletinsClosed('破棄しますか？')).toBe(false);
    expect(confirm).toHaveBeenCalledWith('破棄しますか？');
    expect(store.getState().open).toBe(true);
  });

  it('settings load, save through main (which checks the format), and report a refusal', async () => {
    const templates = { single: { ja: 'J', en: 'E' }, digest: { ja: 'DJ', en: 'DE' } };
    const saveSettings = vi.fn<TriageApi['bulletins.saveSettings']>(async (input) =>
      input.numberFormat === 'BAD'
        ? { ok: false, error: { code: 'invalid-input', message: 'needs {N}' } }
        : { ok: true, value: { templates, numberFormat: input.numberFormat ?? 'SEC-{YYYY}-{NNN}' } },
    );
    const { api } = fakeBulletinsApi({
      'bulletins.settings': vi.fn(async () => ({ ok: true as const, value: { templates, numberFormat: 'SEC-{YYYY}-{NNN}' } })),
      'bulletins.saveSettings': saveSettings,
    });
    const store = createBulletinsStore(api);
    await store.getState().settingsOpened();
    expect(store.getState().settings?.numberFormat).toBe('SEC-{YYYY}-{NNN}');
    expect(await store.getState().settingsSaved({ templates, numberFormat: 'ISMS-{YY}-{NN}' })).toBe(true);
    expect(store.getState()).toMatchObject({ settings: { numberFormat: 'ISMS-{YY}-{NN}' }, notice: { kind: 'settingsSaved' } });
    expect(await store.getState().settingsSaved({ templates, numberFormat: 'BAD' })).toBe(false);
    expect(store.getState().error).toMatchObject({ action: 'settings', code: 'invalid-input' });
    store.getState().settingsClosed();
    expect(store.getState().settings).toBeNull();
  });
});
