import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '../../../testing/render.js';
import { fakeApi } from '../../../testing/fake-api.js';
import type { ImportSummary } from '../../../../shared/domain/item.js';
import { ImportStoreContext } from '../import-context.js';
import { createImportStore } from '../import-store.js';
import { ColumnMappingDialog } from './ColumnMappingDialog.js';
import { ImportResult } from './ImportResult.js';

const headers = ['案件名', '発生日時', 'メモ'];
const unmapped: ImportSummary = {
  imported: 0,
  duplicates: 0,
  updated: 0,
  failed: 1,
  errors: [{ file: 'list.csv', line: 1, message: 'no title column: headers were "案件名", "発生日時", "メモ"', headers }],
};
const mapped: ImportSummary = { imported: 2, duplicates: 0, updated: 0, failed: 0, errors: [] };

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

function choose(select: HTMLSelectElement | null | undefined, value: string) {
  if (!select) throw new Error('no select');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('column mapping step', () => {
  it('C7 offers to map an unrecognised header row, saves the choice and imports the file again', async () => {
    const importFiles = vi.fn().mockResolvedValueOnce({ ok: true, value: unmapped }).mockResolvedValueOnce({ ok: true, value: mapped });
    const mapColumns = vi.fn(async () => ({ ok: true as const, value: { saved: true as const } }));
    const api = fakeApi({ 'import.files': importFiles, 'import.mapColumns': mapColumns });
    const store = createImportStore(api, { newJobId: () => 'job-00000001' });
    const view = await render(
      <ImportStoreContext value={store}>
        <ImportResult />
        <ColumnMappingDialog />
      </ImportStoreContext>,
    );
    cleanup = view.unmount;
    await act(async () => store.getState().filesChosen([new File(['案件名,発生日時,メモ\nA社,2023/07/01,x\n'], 'list.csv')]));
    const open = view.container.querySelector<HTMLButtonElement>('button[aria-label="list.csv の列を対応付ける"]');
    expect(open?.textContent).toBe('列を対応付ける');
    await act(async () => open?.click());

    const dialog = view.container.querySelector('[role="dialog"][aria-modal="true"]');
    expect(dialog?.textContent).toContain('列の対応付け: list.csv');
    const selects = dialog?.querySelectorAll('select');
    expect(selects).toHaveLength(3);
    // Two titles are refused before anything is sent.
    await act(async () => choose(selects?.[1], 'title'));
    await act(async () => dialog?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    expect(dialog?.querySelector('[role="alert"]')?.textContent).toBe('タイトルの列を1つだけ選んでください');
    expect(mapColumns).not.toHaveBeenCalled();

    await act(async () => choose(selects?.[1], 'publishedAt'));
    await act(async () => choose(selects?.[2], 'body'));
    await act(async () => dialog?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    expect(mapColumns).toHaveBeenCalledWith({ headers, choices: ['title', 'publishedAt', 'body'] });
    await act(async () => vi.waitFor(() => expect(importFiles).toHaveBeenCalledTimes(2)));
    await act(async () => vi.waitFor(() => expect(view.container.textContent).toContain('取り込み 2件')));
    expect(view.container.querySelector('[aria-modal="true"]')).toBeNull();
  });
});
