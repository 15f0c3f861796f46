import { describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../../shared/domain/item.js';
import type { TriageApi } from '../../../shared/ipc/contract.js';
import type { ImportProgressEvent } from '../../../shared/ipc/events.js';
import { deferred, fakeApi } from '../../testing/fake-api.js';
import { progressPercent } from './import-selectors.js';
import { type UploadFile, createImportStore, MAX_PASTED_CHARS } from './import-store.js';

const summary = (imported: number, errors: ImportSummary['errors'] = []): ImportSummary => ({
  imported,
  duplicates: 1,
  updated: 0,
  failed: errors.length,
  errors,
});

const event = (jobId: string, extra: Partial<ImportProgressEvent> = {}): ImportProgressEvent => ({
  jobId,
  fileIndex: 0,
  fileCount: 1,
  fileName: 'feed.rss',
  phase: 'reading',
  recordsDone: 0,
  recordCount: 0,
  ...extra,
});

/** Job ids job-0001, job-0002, … so tests can name them. */
function jobIds() {
  let n = 0;
  return () => `job-${String(++n).padStart(4, '0')}`;
}

const CANCELLED_ERROR = { file: 'b.rss', line: null, message: 'import cancelled: nothing of this file was imported' };

describe('import store', () => {
  it('sends the chosen files as base64 with a job id, keeps the summary and reports the import as finished', async () => {
    const importFiles = vi.fn(async () => ({ ok: true as const, value: summary(2, [{ file: 'b.csv', line: 3, message: 'the title is empty' }]) }));
    const importFinished = vi.fn();
    const store = createImportStore(fakeApi({ 'import.files': importFiles }), { importFinished, newJobId: jobIds() });
    const files = [new File(['日付,タイトル\n'], 'a.csv'), new File(['x'], 'b.csv')];

    await store.getState().filesChosen(files);

    expect(importFiles).toHaveBeenCalledWith({
      files: [
        { name: 'a.csv', contentBase64: btoa(String.fromCharCode(...new TextEncoder().encode('日付,タイトル\n'))) },
        { name: 'b.csv', contentBase64: 'eA==' },
      ],
      jobId: 'job-0001',
    });
    expect(store.getState()).toMatchObject({
      busy: false,
      jobId: null,
      progress: null,
      error: null,
      cancelled: false,
      summary: summary(2, [{ file: 'b.csv', line: 3, message: 'the title is empty' }]),
    });
    expect(importFinished).toHaveBeenCalledTimes(1);
  });

  it('makes job ids the contract accepts by default', async () => {
    const importDemo = vi.fn<TriageApi['import.demo']>(async () => ({ ok: true, value: summary(20) }));
    const store = createImportStore(fakeApi({ 'import.demo': importDemo }));
    await store.getState().demoRequested();
    expect(importDemo.mock.calls[0]?.[0].jobId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  });

  it('shows a refused call as an error and does not report a finished import', async () => {
    const importFinished = vi.fn();
    const api = fakeApi({
      'import.demo': vi.fn(async () => ({ ok: false as const, error: { code: 'database-error' as const, message: 'disk full' } })),
    });
    const store = createImportStore(api, { importFinished });
    await store.getState().demoRequested();
    expect(store.getState()).toMatchObject({ busy: false, error: 'disk full', summary: null });
    expect(importFinished).not.toHaveBeenCalled();
  });

  it('takes progress from the events of its own job only, and none once the import has ended', async () => {
    const answer = deferred<Awaited<ReturnType<TriageApi['import.demo']>>>();
    const store = createImportStore(fakeApi({ 'import.demo': vi.fn(() => answer.promise) }), { newJobId: jobIds() });
    const running = store.getState().demoRequested();
    expect(store.getState()).toMatchObject({ busy: true, jobId: 'job-0001', progress: null });

    store.getState().importProgressed(event('someone-elses-job', { phase: 'writing', recordsDone: 5, recordCount: 10 }));
    expect(store.getState().progress).toBeNull();

    store.getState().importProgressed(event('job-0001', { fileName: 'demo-items.csv', phase: 'writing', recordsDone: 5, recordCount: 20 }));
    expect(store.getState().progress).toEqual({ fileIndex: 0, fileCount: 1, fileName: 'demo-items.csv', phase: 'writing', recordsDone: 5, recordCount: 20 });

    answer.resolve({ ok: true, value: summary(20) });
    await running;
    store.getState().importProgressed(event('job-0001', { phase: 'done' }));
    expect(store.getState()).toMatchObject({ busy: false, progress: null });
  });

  it('counts progress over all the calls of a large choice, each call with its own job', async () => {
    const calls: Array<{ jobId?: string; count: number; answer: ReturnType<typeof deferred<Awaited<ReturnType<TriageApi['import.files']>>>> }> = [];
    const importFiles = vi.fn<TriageApi['import.files']>((input) => {
      const answer = deferred<Awaited<ReturnType<TriageApi['import.files']>>>();
      calls.push({ jobId: input.jobId, count: input.files.length, answer });
      return answer.promise;
    });
    const store = createImportStore(fakeApi({ 'import.files': importFiles }), { newJobId: jobIds() });
    const files = Array.from({ length: 52 }, (_, i) => new File(['x'], `f${i}.csv`)); // 50 per call at most
    const running = store.getState().filesChosen(files);

    await vi.waitFor(() => expect(calls).toHaveLength(1));
    store.getState().importProgressed(event('job-0001', { fileIndex: 49, fileCount: 50, phase: 'done' }));
    expect(store.getState().progress).toMatchObject({ fileIndex: 49, fileCount: 52 });
    calls[0]?.answer.resolve({ ok: true, value: summary(50) });

    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls.map((c) => [c.jobId, c.count])).toEqual([
      ['job-0001', 50],
      ['job-0002', 2],
    ]);
    store.getState().importProgressed(event('job-0001', { fileIndex: 0, fileCount: 50, phase: 'reading' })); // late
    store.getState().importProgressed(event('job-0002', { fileIndex: 1, fileCount: 2, phase: 'writing', recordsDone: 1, recordCount: 2 }));
    const progress = store.getState().progress;
    expect(progress).toMatchObject({ fileIndex: 51, fileCount: 52, phase: 'writing' });
    expect(progress && progressPercent(progress)).toBe(Math.floor((100 * 51.5) / 52));
    calls[1]?.answer.resolve({ ok: true, value: summary(2) });
    await running;
    expect(store.getState().summary?.imported).toBe(52);
  });

  it('cancels with the job id of the running import and shows the summary as cancelled, keeping what landed', async () => {
    const answer = deferred<Awaited<ReturnType<TriageApi['import.files']>>>();
    const cancel = vi.fn<TriageApi['import.cancel']>(async () => ({ ok: true, value: { cancelled: true } }));
    const importFinished = vi.fn();
    const importFiles = vi.fn(() => answer.promise);
    const store = createImportStore(fakeApi({ 'import.files': importFiles, 'import.cancel': cancel }), { importFinished, newJobId: jobIds() });
    const running = store.getState().filesChosen([new File(['<rss/>'], 'a.rss'), new File(['<rss/>'], 'b.rss')]);
    await vi.waitFor(() => expect(importFiles).toHaveBeenCalled());

    await store.getState().cancelRequested();
    expect(cancel).toHaveBeenCalledWith({ jobId: 'job-0001' });
    expect(store.getState()).toMatchObject({ busy: true, cancelling: true });
    await store.getState().cancelRequested(); // a second press sends nothing more
    expect(cancel).toHaveBeenCalledTimes(1);

    answer.resolve({ ok: true, value: { ...summary(3), failed: 0, errors: [CANCELLED_ERROR] } });
    await running;
    expect(store.getState()).toMatchObject({ busy: false, cancelling: false, cancelled: true, summary: { imported: 3, errors: [CANCELLED_ERROR] } });
    expect(importFinished).toHaveBeenCalledTimes(1); // a.rss landed: the board reloads

    store.getState().summaryDismissed();
    expect(store.getState()).toMatchObject({ summary: null, cancelled: false });
  });

  it('waits for the answer to a cancel that arrives after the import call, and asks again once main has the job', async () => {
    const importAnswer = deferred<Awaited<ReturnType<TriageApi['import.demo']>>>();
    const cancelAnswers = [{ cancelled: false }, { cancelled: true }];
    const cancelAnswer = deferred<void>();
    const cancel = vi.fn<TriageApi['import.cancel']>(async () => {
      const value = cancelAnswers.shift() ?? { cancelled: false };
      if (value.cancelled) await cancelAnswer.promise;
      return { ok: true, value };
    });
    const store = createImportStore(fakeApi({ 'import.demo': vi.fn(() => importAnswer.promise), 'import.cancel': cancel }), { newJobId: jobIds() });
    const running = store.getState().demoRequested();

    // Still uploading: main does not know the job yet.
    await store.getState().cancelRequested();
    expect(cancel).toHaveBeenCalledTimes(1);
    store.getState().importProgressed(event('job-0001'));
    expect(cancel).toHaveBeenCalledTimes(2);
    expect(cancel).toHaveBeenLastCalledWith({ jobId: 'job-0001' });
    store.getState().importProgressed(event('job-0001', { phase: 'writing' }));
    expect(cancel).toHaveBeenCalledTimes(2);

    importAnswer.resolve({ ok: true, value: { ...summary(0), errors: [{ ...CANCELLED_ERROR, file: 'demo-items.csv' }] } });
    await Promise.resolve();
    expect(store.getState().busy).toBe(true);
    cancelAnswer.resolve();
    await running;
    expect(store.getState()).toMatchObject({ busy: false, cancelled: true });
  });

  it('sends no further call after a cancel and lists the files it never sent', async () => {
    const first = deferred<Awaited<ReturnType<TriageApi['import.files']>>>();
    const importFiles = vi.fn<TriageApi['import.files']>(() => first.promise);
    // The first call has just finished in main: there is no running job to stop.
    const cancel = vi.fn<TriageApi['import.cancel']>(async () => ({ ok: true, value: { cancelled: false } }));
    const store = createImportStore(fakeApi({ 'import.files': importFiles, 'import.cancel': cancel }), { newJobId: jobIds() });
    const files = Array.from({ length: 51 }, (_, i) => new File(['x'], `f${i}.csv`));
    const running = store.getState().filesChosen(files);
    await vi.waitFor(() => expect(importFiles).toHaveBeenCalledTimes(1));

    await store.getState().cancelRequested();
    first.resolve({ ok: true, value: summary(50) });
    await running;
    expect(importFiles).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({ cancelled: true, summary: { imported: 50, failed: 0 }, problems: [{ kind: 'skipped', file: 'f50.csv' }] });
  });

  it('sends nothing when cancelled while the files are still being read', async () => {
    const importFiles = vi.fn<TriageApi['import.files']>();
    const store = createImportStore(fakeApi({ 'import.files': importFiles, 'import.cancel': vi.fn(async () => ({ ok: true as const, value: { cancelled: false } })) }));
    const running = store.getState().filesChosen([new File(['x'], 'a.csv')]);
    await store.getState().cancelRequested();
    await running;
    expect(importFiles).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ cancelled: true, problems: [{ kind: 'skipped', file: 'a.csv' }], summary: { imported: 0, failed: 0 } });
  });

  it('does not call an import cancelled when it had finished before the cancel reached main', async () => {
    const answer = deferred<Awaited<ReturnType<TriageApi['import.demo']>>>();
    const cancel = vi.fn<TriageApi['import.cancel']>(async () => ({ ok: true, value: { cancelled: false } }));
    const store = createImportStore(fakeApi({ 'import.demo': vi.fn(() => answer.promise), 'import.cancel': cancel }));
    const running = store.getState().demoRequested();
    await store.getState().cancelRequested();
    answer.resolve({ ok: true, value: summary(20) });
    await running;
    expect(store.getState()).toMatchObject({ cancelled: false, summary: { imported: 20 } });
  });
});

describe('import store: pasted text', () => {
  it('sends the pasted text with a job id, closes the paste dialog, follows its progress and keeps the summary', async () => {
    const answer = deferred<Awaited<ReturnType<TriageApi['import.text']>>>();
    const importText = vi.fn<TriageApi['import.text']>(() => answer.promise);
    const importFinished = vi.fn();
    const store = createImportStore(fakeApi({ 'import.text': importText }), { importFinished, newJobId: jobIds() });
    const text = '2019年12月20日\n<b>不正アクセスによる個人情報流出のお知らせ</b>\n本文';

    store.getState().pasteOpened();
    expect(store.getState().pasteOpen).toBe(true);
    const running = store.getState().textImportRequested(text);

    expect(importText).toHaveBeenCalledWith({ text, jobId: 'job-0001' });
    expect(store.getState()).toMatchObject({ pasteOpen: false, busy: true, jobId: 'job-0001' });
    store.getState().importProgressed(event('job-0001', { fileName: 'pasted-text.txt', phase: 'writing', recordsDone: 1, recordCount: 2 }));
    expect(store.getState().progress).toMatchObject({ fileName: 'pasted-text.txt', fileIndex: 0, fileCount: 1, recordsDone: 1 });

    answer.resolve({ ok: true, value: summary(2) });
    await running;
    expect(store.getState()).toMatchObject({ busy: false, jobId: null, error: null, cancelled: false, summary: summary(2) });
    expect(importFinished).toHaveBeenCalledTimes(1);
  });

  it('sends nothing for empty or too long text, or while another import runs', async () => {
    const importText = vi.fn<TriageApi['import.text']>(async () => ({ ok: true, value: summary(1) }));
    const demo = deferred<Awaited<ReturnType<TriageApi['import.demo']>>>();
    const store = createImportStore(fakeApi({ 'import.text': importText, 'import.demo': vi.fn(() => demo.promise) }));

    await store.getState().textImportRequested('');
    await store.getState().textImportRequested(' \n\t ');
    await store.getState().textImportRequested('x'.repeat(MAX_PASTED_CHARS + 1));
    const running = store.getState().demoRequested();
    store.getState().pasteOpened();
    expect(store.getState().pasteOpen).toBe(false); // not while an import runs
    await store.getState().textImportRequested('本文');
    demo.resolve({ ok: true, value: summary(20) });
    await running;

    expect(importText).not.toHaveBeenCalled();
  });
});

describe('progressPercent', () => {
  const at = (extra: Partial<ImportProgressEvent>) => progressPercent({ ...event('j'), fileCount: 3, ...extra });
  it('counts finished files and the stored part of the current one; reading counts as not started', () => {
    expect(at({ fileIndex: 0, phase: 'reading' })).toBe(0);
    expect(at({ fileIndex: 1, phase: 'reading' })).toBe(33);
    expect(at({ fileIndex: 1, phase: 'writing', recordsDone: 1200, recordCount: 5000 })).toBe(41);
    expect(at({ fileIndex: 1, phase: 'writing', recordsDone: 0, recordCount: 0 })).toBe(33);
    expect(at({ fileIndex: 2, phase: 'done' })).toBe(100);
  });

  it('in the browser shell, uploads each file as raw bytes with progress, then imports the uploads by id', async () => {
    const importFiles = vi.fn(async () => ({ ok: true as const, value: summary(2) }));
    const seen: Array<[string, number, number]> = [];
    const upload: UploadFile = async (file, onProgress) => {
      onProgress(file.size / 2, file.size);
      seen.push([file.name, store.getState().progress?.recordsDone ?? -1, store.getState().progress?.recordCount ?? -1]);
      onProgress(file.size, file.size);
      return { ok: true, uploadId: file.name === 'a.csv' ? 'a'.repeat(32) : 'b'.repeat(32) };
    };
    const store = createImportStore(fakeApi({ 'import.files': importFiles }), { newJobId: jobIds(), upload });
    await store.getState().filesChosen([new File(['1234'], 'a.csv'), new File(['12345678'], 'b.csv')]);
    expect(seen).toEqual([
      ['a.csv', 2, 4],
      ['b.csv', 4, 8],
    ]);
    expect(importFiles).toHaveBeenCalledWith({
      files: [
        { name: 'a.csv', uploadId: 'a'.repeat(32) },
        { name: 'b.csv', uploadId: 'b'.repeat(32) },
      ],
      jobId: 'job-0001',
    });
    expect(store.getState().summary).toEqual(summary(2));
  });

  it('a cancel during an upload aborts it and imports nothing', async () => {
    const importFiles = vi.fn();
    let aborted = false;
    const store = createImportStore(fakeApi({ 'import.files': importFiles }), {
      newJobId: jobIds(),
      upload: async (_file, onProgress, signal) => {
        void store.getState().cancelRequested();
        onProgress(1, 10);
        aborted = signal?.aborted ?? false;
        return { ok: false, message: 'upload cancelled' };
      },
    });
    await store.getState().filesChosen([new File(['x'.repeat(10)], 'a.csv')]);
    expect(aborted).toBe(true);
    expect(importFiles).not.toHaveBeenCalled();
    expect(store.getState().problems).toEqual([{ kind: 'skipped', file: 'a.csv' }]);
  });
});
