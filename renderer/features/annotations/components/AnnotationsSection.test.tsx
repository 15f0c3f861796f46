// The detail's annotations under jsdom with a fake api: tags added from the keyboard (typed or chosen from
// the suggestions) and removed, the note edited with its preview and saved, an item found by id and linked,
// a related item opened, the history of these changes listed, and the history exported as a file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryFile, RelatedItem } from '../../../../shared/domain/annotations.js';
import { card, detailOf, fakeApi } from '../../../testing/fake-api.js';
import { act, render } from '../../../testing/render.js';
import { AnnotationsStoreContext } from '../annotations-context.js';
import { createAnnotationsStore } from '../annotations-store.js';
import { AnnotationHistory } from './AnnotationHistory.js';
import { AnnotationsSection } from './AnnotationsSection.js';
import { HistoryExportButton } from './HistoryExportButton.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

function typeInto(input: HTMLInputElement | HTMLTextAreaElement | null, text: string) {
  if (!input) throw new Error('input missing');
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function key(target: Element | null, name: string) {
  target?.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
}

const other: RelatedItem = { id: 5, title: '続報: B社', status: 'triage', publishedAt: '2023-07-05', note: null, linkedAt: 'x', linkedBy: 'sato' };

async function setUp(detail = detailOf(card(3, 'new', { title: 'A社 不正アクセス' }), { tags: ['要確認'] })) {
  const api = fakeApi({
    'tags.list': vi.fn(async () => ({ ok: true as const, value: [{ tag: 'ランサムウェア', count: 4 }, { tag: '要確認', count: 2 }, { tag: 'APPI', count: 1 }] })),
    'items.addTags': vi.fn(async () => ({ ok: true as const, value: ['要確認'] })),
    'items.removeTags': vi.fn(async () => ({ ok: true as const, value: [] })),
    'items.setNote': vi.fn(async () => ({ ok: true as const, value: null })),
    'items.get': vi.fn(async () => ({ ok: true as const, value: detailOf(card(5, 'triage', { title: '続報: B社' })) })),
    'items.link': vi.fn(async () => ({ ok: true as const, value: [other] })),
    'items.unlink': vi.fn(async () => ({ ok: true as const, value: [] })),
  });
  const onItemChanged = vi.fn();
  const store = createAnnotationsStore(api, { onItemChanged });
  const onOpenItem = vi.fn();
  const view = await render(
    <AnnotationsStoreContext value={store}>
      <AnnotationsSection detail={detail} onOpenItem={onOpenItem} onOpenLink={vi.fn()} />
    </AnnotationsStoreContext>,
  );
  cleanup = view.unmount;
  return { api, view, onItemChanged, onOpenItem, store };
}

describe('AnnotationsSection', () => {
  it('adds a typed tag with Enter, a suggested one with ↓ Enter, and removes a chip', async () => {
    const { api, view, onItemChanged } = await setUp();
    const input = view.container.querySelector<HTMLInputElement>('input[role="combobox"]');
    await act(async () => input?.focus());
    await act(async () => typeInto(input, '  ＡＰＴ攻撃 '));
    await act(async () => key(input, 'Enter'));
    expect(api['items.addTags']).toHaveBeenCalledWith({ id: 3, tags: ['  ＡＰＴ攻撃 '] });
    expect(onItemChanged).toHaveBeenCalledWith(3);
    expect(input?.value).toBe('');

    await act(async () => typeInto(input, 'ランサム'));
    const options = [...view.container.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(options).toEqual(['ランサムウェア (4件)']); // 要確認 is on the item already
    await act(async () => key(input, 'ArrowDown'));
    expect(view.container.querySelector('[role="option"][aria-selected="true"]')?.textContent).toBe('ランサムウェア (4件)');
    await act(async () => key(input, 'Enter'));
    expect(api['items.addTags']).toHaveBeenLastCalledWith({ id: 3, tags: ['ランサムウェア'] });

    const remove = view.container.querySelector<HTMLButtonElement>('button[aria-label="タグ「要確認」を外す"]');
    await act(async () => remove?.click());
    expect(api['items.removeTags']).toHaveBeenCalledWith({ id: 3, tags: ['要確認'] });
  });

  it('refuses a tag of control characters only without calling the api', async () => {
    const { api, view } = await setUp();
    const input = view.container.querySelector<HTMLInputElement>('input[role="combobox"]');
    await act(async () => typeInto(input, '\u200B\u0007'));
    await act(async () => key(input, 'Enter'));
    expect(api['items.addTags']).not.toHaveBeenCalled();
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('1〜40文字');
  });

  it('edits the note with a live preview and saves it', async () => {
    const { api, view } = await setUp();
    const edit = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'メモを書く');
    await act(async () => edit?.click());
    const area = view.container.querySelector('textarea');
    await act(async () => typeInto(area, '**至急** <script>x</script>'));
    const preview = view.container.querySelector('.note-preview');
    expect(preview?.querySelector('strong')?.textContent).toBe('至急');
    expect(preview?.querySelector('script')).toBeNull();
    const save = [...view.container.querySelectorAll('button')].find((b) => b.textContent === '保存');
    await act(async () => save?.click());
    expect(api['items.setNote']).toHaveBeenCalledWith({ id: 3, body: '**至急** <script>x</script>' });
    expect(view.container.querySelector('textarea')).toBeNull();
  });

  it('finds an item by #id, links it, opens a related item and unlinks it', async () => {
    vi.useFakeTimers();
    try {
      const { api, view } = await setUp();
      const search = view.container.querySelector<HTMLInputElement>('input[type="search"]');
      await act(async () => typeInto(search, '#5'));
      await act(async () => vi.advanceTimersByTimeAsync(300));
      expect(api['items.get']).toHaveBeenCalledWith({ id: 5 });
      const link = view.container.querySelector<HTMLButtonElement>('button[aria-label="「続報: B社」を関連付ける"]');
      await act(async () => link?.click());
      expect(api['items.link']).toHaveBeenCalledWith({ id: 3, otherId: 5 });
    } finally {
      vi.useRealTimers();
    }
    await cleanup?.();
    const { api, view, onOpenItem } = await setUp(detailOf(card(3, 'new'), { related: [other] }));
    await act(async () => view.container.querySelector<HTMLButtonElement>('button[aria-label="「続報: B社」を開く"]')?.click());
    expect(onOpenItem).toHaveBeenCalledWith(5);
    await act(async () => view.container.querySelector<HTMLButtonElement>('button[aria-label="「続報: B社」との関連付けを外す"]')?.click());
    expect(api['items.unlink']).toHaveBeenCalledWith({ id: 3, otherId: 5 });
  });
});

describe('AnnotationHistory and the export', () => {
  it('lists note, tag and link changes from → to, leaving corrections to their own list', async () => {
    const at = '2026-11-25T10:00:00.000Z';
    const view = await render(
      <AnnotationHistory
        changes={[
          { id: 4, field: 'related', from: [], to: [5], changedAt: at, changedBy: 'sato' },
          { id: 3, field: 'tags', from: ['要確認'], to: ['APPI', '要確認'], changedAt: at, changedBy: 'sato' },
          { id: 2, field: 'note', from: null, to: '初報を確認\n次は続報', changedAt: at, changedBy: 'suzuki' },
          { id: 1, field: 'category', from: null, to: 'theft', changedAt: at, changedBy: 'sato' },
        ]}
      />,
    );
    cleanup = view.unmount;
    expect([...view.container.querySelectorAll('.history-move')].map((e) => e.textContent)).toEqual([
      '関連項目: (なし) → #5',
      'タグ: 要確認 → APPI, 要確認',
      'メモ: (なし) → 「初報を確認 次は続報」',
    ]);
  });

  it('hands the exported CSV of one item to the browser', async () => {
    const file: HistoryFile = { fileName: 'history_item-3.csv', mimeType: 'text/csv', text: '\uFEFF"changedAt"\r\n', rows: 0 };
    const api = fakeApi({ 'history.export': vi.fn(async () => ({ ok: true as const, value: file })) });
    const deliverFile = vi.fn();
    const store = createAnnotationsStore(api, { deliverFile });
    const view = await render(
      <AnnotationsStoreContext value={store}>
        <HistoryExportButton itemId={3} />
      </AnnotationsStoreContext>,
    );
    cleanup = view.unmount;
    await act(async () => view.container.querySelector('button')?.click());
    expect(api['history.export']).toHaveBeenCalledWith({ itemId: 3, format: 'csv' });
    expect(deliverFile).toHaveBeenCalledWith(file);
  });
});
