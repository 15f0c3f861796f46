import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TriageApi } from '../../shared/ipc/contract.js';
import { card, fakeApi, importRecord, snapshot } from '../testing/fake-api.js';
import { act, render } from '../testing/render.js';
import { App } from './App.js';
import { createAppStores } from './app-stores.js';

function press(key: string, target: EventTarget = document.body) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  vi.restoreAllMocks();
});

describe('App and the import history', () => {
  it('opens the history with h, undoes an import, reloads the board, and closes with Escape', async () => {
    const boardLoad = vi.fn<TriageApi['board.load']>(async () => ({ ok: true, value: snapshot([card(1, 'new')]) }));
    const list = vi.fn<TriageApi['imports.list']>(async () => ({ ok: true, value: [importRecord(4, { fileName: 'a.csv' })] }));
    const undo = vi.fn<TriageApi['imports.undo']>(async () => ({ ok: true, value: { removed: 1, kept: 0 } }));
    const stores = createAppStores(fakeApi({ 'board.load': boardLoad, 'imports.list': list, 'imports.undo': undo }));
    const view = await render(<App stores={stores} />);
    cleanup = view.unmount;
    const opener = [...view.container.querySelectorAll('header button')].find((b) => b.textContent === '取り込み履歴');
    expect(opener?.getAttribute('aria-keyshortcuts')).toBe('h');

    await act(async () => press('h'));
    const dialog = view.container.querySelector('[role="dialog"][aria-labelledby="history-title"]');
    expect(dialog?.querySelector('table[aria-label="取り込み履歴"]')).not.toBeNull();

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await act(async () => dialog?.querySelector<HTMLButtonElement>('button[aria-label="a.csv の取り込みを取り消す"]')?.click());
    expect(undo).toHaveBeenCalledWith({ id: 4 });
    expect(boardLoad).toHaveBeenCalledTimes(2);

    await act(async () => press('Escape'));
    expect(view.container.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('ignores h while typing in the search box, and lists h in the help', async () => {
    const stores = createAppStores(fakeApi({ 'board.load': vi.fn(async () => ({ ok: true as const, value: snapshot([card(1, 'new')]) })) }));
    const view = await render(<App stores={stores} />);
    cleanup = view.unmount;
    const search = view.container.querySelector('input[type="search"]');
    expect(search).not.toBeNull();
    await act(async () => press('h', search ?? document.body));
    expect(stores.history.getState().open).toBe(false);

    await act(async () => press('?'));
    const help = view.container.querySelector('[aria-labelledby="help-title"]');
    expect([...(help?.querySelectorAll('kbd') ?? [])].map((k) => k.textContent)).toContain('h');
  });
});

describe('App and pasted text', () => {
  it('opens the paste dialog with p (not while typing), keeps other shortcuts out while open, imports and reloads the board', async () => {
    const boardLoad = vi.fn<TriageApi['board.load']>(async () => ({ ok: true, value: snapshot([card(1, 'new')]) }));
    const importText = vi.fn<TriageApi['import.text']>(async () => ({ ok: true, value: { imported: 2, duplicates: 0, updated: 0, failed: 0, errors: [] } }));
    const stores = createAppStores(fakeApi({ 'board.load': boardLoad, 'import.text': importText }));
    const view = await render(<App stores={stores} />);
    cleanup = view.unmount;
    const opener = [...view.container.querySelectorAll('header button')].find((b) => b.textContent === 'テキストを貼り付け');
    expect(opener?.getAttribute('aria-keyshortcuts')).toBe('p');

    await act(async () => press('p', view.container.querySelector('input[type="search"]') ?? document.body));
    expect(stores.imports.getState().pasteOpen).toBe(false);

    await act(async () => press('p'));
    const dialog = view.container.querySelector('[role="dialog"][aria-modal="true"]');
    const textarea = dialog?.querySelector('textarea');
    expect(textarea?.getAttribute('aria-label')).toBe('貼り付けるテキスト');
    await act(async () => press('h', dialog?.querySelector('button') ?? document.body));
    expect(stores.history.getState().open).toBe(false);

    await act(async () => stores.imports.getState().textImportRequested('見出し'));
    expect(importText).toHaveBeenCalledWith({ text: '見出し', jobId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/) });
    expect(view.container.querySelector('[role="dialog"][aria-modal="true"]')).toBeNull();
    expect(boardLoad).toHaveBeenCalledTimes(2);

    await act(async () => press('?'));
    const help = view.container.querySelector('[aria-labelledby="help-title"]');
    expect([...(help?.querySelectorAll('kbd') ?? [])].map((k) => k.textContent)).toContain('p');
  });
});
