import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TriageApi } from '../../../../shared/ipc/contract.js';
import { fakeApi, importRecord } from '../../../testing/fake-api.js';
import { act, render } from '../../../testing/render.js';
import { ImportHistoryStoreContext } from '../import-history-context.js';
import { createImportHistoryStore } from '../import-history-store.js';
import { ImportHistoryButton } from './ImportHistoryButton.js';
import { ImportHistoryDialog } from './ImportHistoryDialog.js';

const SHA = '3f'.repeat(32);
const undone = importRecord(1, { fileName: 'old.csv', undoneAt: '2024-05-02T03:04:00.000Z', removed: 5 });
const recent = importRecord(2, {
  fileName: 'a.csv',
  sha256: SHA,
  format: 'csv',
  encoding: 'Shift_JIS',
  fileSize: 3 * 1024 * 1024,
  durationMs: 2340,
  imported: 4,
  duplicates: 1,
  updated: 2,
  failed: 1,
  errors: [{ file: 'a.csv', line: 7, message: 'タイトルが空です' }],
});

async function setUp(records = [undone, recent], confirmAnswer = true) {
  const list = vi.fn<TriageApi['imports.list']>(async () => ({ ok: true, value: records }));
  const undo = vi.fn<TriageApi['imports.undo']>(async () => ({ ok: true, value: { removed: 3, kept: 1 } }));
  const onChanged = vi.fn();
  const confirm = vi.fn(() => confirmAnswer);
  const store = createImportHistoryStore(fakeApi({ 'imports.list': list, 'imports.undo': undo }), { onChanged, confirm });
  const view = await render(
    <ImportHistoryStoreContext value={store}>
      <ImportHistoryButton />
      <ImportHistoryDialog />
    </ImportHistoryStoreContext>,
  );
  const opener = view.container.querySelector('button') as HTMLButtonElement;
  opener.focus();
  await act(async () => opener.click());
  const dialog = () => view.container.querySelector<HTMLElement>('[role="dialog"]');
  return { list, undo, onChanged, confirm, store, view, opener, dialog };
}

function nameOf(dialog: HTMLElement | null): string | null | undefined {
  const id = dialog?.getAttribute('aria-labelledby');
  return id ? dialog?.ownerDocument.getElementById(id)?.textContent : dialog?.getAttribute('aria-label');
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('ImportHistoryDialog', () => {
  it('lists the imports, newest first, with counts, errors, size, duration and the undo of the one not undone', async () => {
    const { view, dialog, opener } = await setUp();
    cleanup = view.unmount;
    expect(dialog()?.getAttribute('aria-modal')).toBe('true');
    expect(nameOf(dialog())).toBe('取り込み履歴');
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect(dialog()?.contains(document.activeElement)).toBe(true);

    const table = dialog()?.querySelector('table');
    expect(table?.getAttribute('aria-label')).toBe('取り込み履歴');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      '日時',
      'ファイル',
      '形式',
      '件数',
      'サイズ',
      '所要時間',
      '操作',
    ]);
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((row) => row.querySelector('bdi')?.textContent)).toEqual(['a.csv', 'old.csv']);

    const [first, second] = rows;
    expect(first?.querySelector('time')?.textContent).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(first?.textContent).toContain('CSV (Shift_JIS)');
    expect(first?.textContent).toContain('取り込み 4・重複 1・更新 2・失敗 1');
    expect(first?.textContent).toContain('3 MB');
    expect(first?.textContent).toContain('2.3 s');
    const sha = first?.querySelector(`[title="${SHA}"]`);
    expect(sha?.textContent).toBe(`SHA-256 ${SHA.slice(0, 12)}…`);
    expect(first?.querySelector('details summary')?.textContent).toBe('エラー 1件');
    expect(first?.querySelector('details li')?.textContent).toBe('a.csv 7行目: タイトルが空です');
    const undoButton = first?.querySelector('button');
    expect(undoButton?.getAttribute('aria-label')).toBe('a.csv の取り込みを取り消す');
    expect(undoButton?.textContent).toBe('取り消す');

    expect(second?.querySelector('button')).toBeNull();
    expect(second?.querySelector('details')).toBeNull();
    expect(second?.textContent).toContain('取り消し済み');
    expect(second?.textContent).toContain('5件を削除');
  });

  it('undoes after confirmation, says what happened, refreshes the row and keeps the focus in the dialog', async () => {
    const { view, dialog, list, undo, onChanged, confirm } = await setUp();
    cleanup = view.unmount;
    list.mockResolvedValue({ ok: true, value: [{ ...recent, undoneAt: '2024-05-03T00:00:00.000Z', removed: 3 }, undone] });
    const button = dialog()?.querySelector<HTMLButtonElement>('button[aria-label="a.csv の取り込みを取り消す"]');
    button?.focus();
    await act(async () => button?.click());

    expect(confirm).toHaveBeenCalledWith(
      'この取り込みで追加された未処理の項目を削除します。トリアージ済みの項目は残ります。よろしいですか？',
    );
    expect(undo).toHaveBeenCalledWith({ id: 2 });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(dialog()?.querySelector('[role="status"]')?.textContent).toBe('3件を削除しました（1件はトリアージ済みのため残しました）');
    expect(dialog()?.querySelectorAll('tbody button')).toHaveLength(0);
    expect(dialog()?.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.textContent).toBe('取り消し済み');
  });

  it('shows a conflict in the dialog', async () => {
    const { view, dialog, undo } = await setUp();
    cleanup = view.unmount;
    undo.mockResolvedValue({ ok: false, error: { code: 'conflict', message: 'import 2 was already undone' } });
    await act(async () => dialog()?.querySelector<HTMLButtonElement>('tbody button')?.click());
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toBe('a.csv の取り込みはすでに取り消されています');
    expect(dialog()?.querySelector('[role="status"]')?.textContent).toBe('');
  });

  it('closes with Escape and gives the focus back to the button that opened it', async () => {
    const { view, dialog, opener } = await setUp();
    cleanup = view.unmount;
    await act(async () => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('false');
  });

  it('says so when nothing has been imported yet', async () => {
    const { view, dialog } = await setUp([]);
    cleanup = view.unmount;
    expect(dialog()?.querySelector('table')).toBeNull();
    expect(dialog()?.textContent).toContain('まだ取り込みはありません');
  });
});
