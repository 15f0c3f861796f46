import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TriageApi } from '../../../../shared/ipc/contract.js';
import { languageChosen } from '../../../i18n/index.js';
import { fakeApi } from '../../../testing/fake-api.js';
import { act, render } from '../../../testing/render.js';
import { ImportStoreContext } from '../import-context.js';
import { createImportStore, MAX_PASTED_CHARS } from '../import-store.js';
import { ImportResult } from './ImportResult.js';
import { PasteTextButton } from './PasteTextButton.js';
import { PasteTextDialog } from './PasteTextDialog.js';

/** Types into a React-controlled textarea: the native value setter, then the input event React listens to. */
function type(textarea: HTMLTextAreaElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(textarea, value);
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  await languageChosen('ja');
});

async function setUp() {
  const importText = vi.fn<TriageApi['import.text']>(async () => ({
    ok: true,
    value: { imported: 3, duplicates: 1, updated: 0, failed: 0, errors: [] },
  }));
  const store = createImportStore(fakeApi({ 'import.text': importText }), { newJobId: () => 'job-0001' });
  const view = await render(
    <ImportStoreContext value={store}>
      <PasteTextButton />
      <PasteTextDialog />
      <ImportResult />
    </ImportStoreContext>,
  );
  cleanup = view.unmount;
  const opener = view.container.querySelector<HTMLButtonElement>('button[aria-keyshortcuts="p"]');
  const dialog = () => view.container.querySelector<HTMLElement>('[role="dialog"][aria-modal="true"]');
  const textarea = () => dialog()?.querySelector<HTMLTextAreaElement>('textarea') ?? null;
  const button = (name: string) => [...(dialog()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name) ?? null;
  return { store, view, importText, opener, dialog, textarea, button };
}

describe('PasteTextDialog', () => {
  it('opens from テキストを貼り付け with the textarea focused, and 取り込む waits for text', async () => {
    const { opener, dialog, textarea, button } = await setUp();
    expect(opener?.textContent).toBe('テキストを貼り付け');
    expect(dialog()).toBeNull();

    opener?.focus();
    await act(async () => opener?.click());
    const title = dialog()?.getAttribute('aria-labelledby');
    expect(document.getElementById(title ?? '')?.textContent).toBe('テキストを貼り付けて取り込む');
    expect(document.getElementById(dialog()?.getAttribute('aria-describedby') ?? '')?.textContent).toContain('日付・見出しごとに項目に分けて取り込みます');
    expect(textarea()?.getAttribute('aria-label')).toBe('貼り付けるテキスト');
    expect(document.activeElement).toBe(textarea());
    expect(opener?.getAttribute('aria-expanded')).toBe('true');
    expect(button('取り込む')?.disabled).toBe(true);
    expect(dialog()?.textContent).toContain('0 / 8,000,000 文字');

    await act(async () => type(textarea()!, '   \n '));
    expect(button('取り込む')?.disabled).toBe(true);
    await act(async () => type(textarea()!, 'x'.repeat(MAX_PASTED_CHARS + 1)));
    expect(button('取り込む')?.disabled).toBe(true);
    expect(textarea()?.getAttribute('aria-invalid')).toBe('true');
    expect(dialog()?.textContent).toContain('8,000,001 / 8,000,000 文字: 長すぎます');
    await act(async () => type(textarea()!, '見出し'));
    expect(button('取り込む')?.disabled).toBe(false);
    expect(dialog()?.textContent).toContain('3 / 8,000,000 文字');
  });

  it('submits the typed text, closes, and shows the result', async () => {
    const { view, importText, opener, dialog, textarea, button } = await setUp();
    await act(async () => opener?.click());
    const text = '2019年12月20日\n不正アクセスに関するお知らせ\n<p>本文</p>';
    await act(async () => type(textarea()!, text));
    await act(async () => button('取り込む')?.click());

    expect(importText).toHaveBeenCalledWith({ text, jobId: 'job-0001' });
    expect(dialog()).toBeNull();
    const result = view.container.querySelector('[role="dialog"][aria-label="取り込み結果"]');
    expect(result?.textContent).toContain('取り込み 3件・重複 1件・更新 0件・失敗 0件');
    expect(document.activeElement).toBe(result);
  });

  it('closes with Escape or キャンセル without importing, and gives the focus back to the opener', async () => {
    const { importText, opener, dialog, textarea, button } = await setUp();
    opener?.focus();
    await act(async () => opener?.click());
    await act(async () => type(textarea()!, '本文'));
    await act(async () => {
      textarea()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);

    await act(async () => opener?.click());
    expect(textarea()?.value).toBe(''); // a new dialog starts empty
    await act(async () => button('キャンセル')?.click());
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(importText).not.toHaveBeenCalled();
  });

  it('is named in English too', async () => {
    const { opener, dialog, textarea, button } = await setUp();
    await act(async () => languageChosen('en'));
    expect(opener?.textContent).toBe('Paste text');
    await act(async () => opener?.click());
    expect(document.getElementById(dialog()?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Import pasted text');
    expect(textarea()?.getAttribute('aria-label')).toBe('Text to import');
    expect(button('Import')).not.toBeNull();
    expect(button('Cancel')).not.toBeNull();
  });
});
