import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../../../shared/domain/item.js';
import type { TriageApi } from '../../../../shared/ipc/contract.js';
import type { ImportProgressEvent } from '../../../../shared/ipc/events.js';
import { languageChosen } from '../../../i18n/index.js';
import { deferred, fakeApi } from '../../../testing/fake-api.js';
import { act, render } from '../../../testing/render.js';
import { ImportStoreContext } from '../import-context.js';
import { createImportStore } from '../import-store.js';
import { ImportProgress, SHOW_PROGRESS_AFTER_MS } from './ImportProgress.js';
import { ImportResult } from './ImportResult.js';

type Answer = Awaited<ReturnType<TriageApi['import.files']>>;

const progress = (extra: Partial<ImportProgressEvent>): ImportProgressEvent => ({
  jobId: 'job-0001',
  fileIndex: 0,
  fileCount: 3,
  fileName: 'feed.rss',
  phase: 'reading',
  recordsDone: 0,
  recordCount: 0,
  ...extra,
});

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  vi.useRealTimers();
  await languageChosen('ja');
});

async function setUp() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const answer = deferred<Answer>();
  const cancel = vi.fn<TriageApi['import.cancel']>(async () => ({ ok: true, value: { cancelled: true } }));
  const store = createImportStore(fakeApi({ 'import.demo': vi.fn(() => answer.promise), 'import.cancel': cancel }), { newJobId: () => 'job-0001' });
  const view = await render(
    <ImportStoreContext value={store}>
      <ImportProgress />
      <ImportResult />
    </ImportStoreContext>,
  );
  cleanup = view.unmount;
  let running: Promise<void> = Promise.resolve();
  await act(async () => {
    running = store.getState().demoRequested();
  });
  const bar = () => view.container.querySelector('[role="progressbar"]');
  const finish = async (value: ImportSummary) => {
    await act(async () => {
      answer.resolve({ ok: true, value });
      await running;
    });
  };
  return { store, view, bar, cancel, finish };
}

describe('ImportProgress', () => {
  it('appears only after a moment, then shows the overall percent and the current step', async () => {
    const { store, view, bar, finish } = await setUp();
    expect(bar()).toBeNull();
    await act(async () => vi.advanceTimersByTime(SHOW_PROGRESS_AFTER_MS - 1));
    expect(bar()).toBeNull();
    await act(async () => vi.advanceTimersByTime(1));

    expect(bar()?.getAttribute('aria-label')).toBe('取り込みの進行状況');
    expect(bar()?.getAttribute('aria-valuemin')).toBe('0');
    expect(bar()?.getAttribute('aria-valuemax')).toBe('100');
    expect(bar()?.hasAttribute('aria-valuenow')).toBe(false); // nothing reported yet: indeterminate

    await act(async () => store.getState().importProgressed(progress({ fileIndex: 1, phase: 'reading' })));
    expect(bar()?.getAttribute('aria-valuenow')).toBe('33');
    expect(view.container.querySelector('.import-progress-text')?.textContent).toBe('2/3 ファイル目: feed.rss を読み込み中…');

    await act(async () => store.getState().importProgressed(progress({ fileIndex: 1, phase: 'writing', recordsDone: 1200, recordCount: 5000 })));
    expect(bar()?.getAttribute('aria-valuenow')).toBe('41');
    expect(view.container.querySelector('.import-progress-text')?.textContent).toBe('2/3 ファイル目: feed.rss 1,200 / 5,000 件を保存中');

    await act(async () => store.getState().importProgressed(progress({ jobId: 'another-job', fileIndex: 2, phase: 'done' })));
    expect(bar()?.getAttribute('aria-valuenow')).toBe('41');

    await act(async () => languageChosen('en'));
    expect(bar()?.getAttribute('aria-label')).toBe('Import progress');
    expect(view.container.querySelector('.import-progress-text')?.textContent).toBe('File 2 of 3: feed.rss, saving 1,200 / 5,000 records');
    expect(view.container.querySelector('.import-progress button')?.getAttribute('aria-label')).toBe('Cancel import');

    await finish({ imported: 20, duplicates: 0, updated: 0, failed: 0, errors: [] });
    expect(bar()).toBeNull();
  });

  it('does not flash for an import that ends at once', async () => {
    const { bar, finish } = await setUp();
    await finish({ imported: 1, duplicates: 0, updated: 0, failed: 0, errors: [] });
    await act(async () => vi.advanceTimersByTime(SHOW_PROGRESS_AFTER_MS * 2));
    expect(bar()).toBeNull();
  });

  it('cancels the job with 取り込みを取り消す, and the result says it was cancelled', async () => {
    const { view, cancel, finish } = await setUp();
    await act(async () => vi.advanceTimersByTime(SHOW_PROGRESS_AFTER_MS));
    const button = view.container.querySelector<HTMLButtonElement>('.import-progress button');
    expect(button?.getAttribute('aria-label')).toBe('取り込みを取り消す');
    expect(button?.textContent).toBe('取り消す');

    await act(async () => button?.click());
    expect(cancel).toHaveBeenCalledWith({ jobId: 'job-0001' });
    expect(button?.disabled).toBe(true);
    expect(view.container.querySelector('.import-progress-text')?.textContent).toBe('取り消し中…');

    await finish({
      imported: 0,
      duplicates: 0,
      updated: 0,
      failed: 0,
      errors: [{ file: 'demo-items.csv', line: null, message: 'import cancelled: nothing of this file was imported' }],
    });
    const dialog = view.container.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain('取り込みを取り消しました');
    expect(dialog?.textContent).toContain('demo-items.csv: import cancelled');
    expect(view.container.querySelector('[role="progressbar"]')).toBeNull();
  });
});
