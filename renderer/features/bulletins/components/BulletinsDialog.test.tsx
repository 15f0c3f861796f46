import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render } from '../../../testing/render.js';
import { fakeBulletinsApi } from '../../../testing/fake-bulletins.js';
import { BulletinsStoreContext } from '../bulletins-context.js';
import { createBulletinsStore } from '../bulletins-store.js';
import { BulletinsDialog } from './BulletinsDialog.js';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function setUp(previewHtml?: string) {
  const { api } = fakeBulletinsApi(
    previewHtml ? { 'bulletins.preview': vi.fn(async () => ({ ok: true as const, value: { html: previewHtml } })) } : {},
  );
  const store = createBulletinsStore(api, { previewDelayMs: 0, confirm: () => true });
  await store.getState().bulletinCreateRequested({ template: 'single', itemIds: [3] });
  const view = await render(
    <BulletinsStoreContext value={store}>
      <BulletinsDialog />
    </BulletinsStoreContext>,
  );
  cleanup = view.unmount;
  return { api, store, container: view.container };
}

function key(target: Element, init: KeyboardEventInit) {
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
}

describe('BulletinsDialog', () => {
  it('shows main\'s print HTML only inside an empty-sandbox srcdoc frame, never in the page', async () => {
    const hostile = '<h1>件名</h1><script>window.parent.pwned = true</script><img src="https://tracker.example/x.png">';
    const { container } = await setUp(hostile);
    const frame = container.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).toBe('');
    expect(frame?.getAttribute('srcdoc')).toBe(hostile);
    expect(frame?.hasAttribute('src')).toBe(false);
    // Nothing of the HTML became part of this document.
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });

  it('edits the title, saves with Ctrl+S, and closes with Escape', async () => {
    const { api, store, container } = await setUp();
    const label = [...container.querySelectorAll('label')].find((l) => l.textContent === '件名');
    const title = label ? (document.getElementById(label.htmlFor) as HTMLInputElement | null) : null;
    expect(title?.value).toContain('東谷株式会社');
    await act(async () => store.getState().fieldEdited('title', '新しい件名'));
    expect(container.textContent).toContain('保存していない変更があります');
    const dialog = container.querySelector('[role="dialog"]') as HTMLElement;
    const pageKeys = vi.fn();
    window.addEventListener('keydown', pageKeys);
    await act(async () => key(dialog, { key: 's', ctrlKey: true }));
    expect(api['bulletins.edit']).toHaveBeenCalledWith({ id: 7, title: '新しい件名' });
    expect(container.textContent).toContain('保存しました。');
    // The board's shortcuts behind the modal never see its keys.
    expect(pageKeys).not.toHaveBeenCalled();
    window.removeEventListener('keydown', pageKeys);
    // Focus lost to <body> (a button disabled mid-call): Escape still closes the dialog, not the board's panel.
    await act(async () => key(document.body, { key: 'Escape' }));
    expect(store.getState().open).toBe(false);
    expect(container.querySelector('[role="dialog"]')).toBeNull();
  });

  it('an issued bulletin is read-only and offers a new version instead of approve', async () => {
    const { store, container } = await setUp();
    await act(async () => {
      await store.getState().approveRequested();
      await store.getState().issueConfirmed(true);
    });
    const buttons = [...container.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toContain('新しい版を作成');
    expect(buttons).not.toContain('承認');
    expect(container.querySelector('textarea')?.readOnly).toBe(true);
    const fields = [...container.querySelectorAll<HTMLInputElement>('.bulletin-form input')];
    expect(fields.length).toBe(4);
    expect(fields.every((i) => i.readOnly)).toBe(true);
    expect(container.querySelector<HTMLSelectElement>('.bulletin-form select')?.disabled).toBe(true);
    expect(container.textContent).toContain('発行し、1 件の事案を周知済に移動しました。');
  });
});
