import { describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '../../../shared/domain/item.js';
import { fakeApi } from '../../testing/fake-api.js';
import { createImportStore } from './import-store.js';

const summary = (imported: number, errors: ImportSummary['errors'] = []): ImportSummary => ({
  imported,
  duplicates: 1,
  updated: 0,
  failed: errors.length,
  errors,
});

describe('import store', () => {
  it('sends the chosen files as base64, keeps the summary and reports the import as finished', async () => {
    const importFiles = vi.fn(async () => ({ ok: true as const, value: summary(2, [{ file: 'b.csv', line: 3, message: 'the title is empty' }]) }));
    const importFinished = vi.fn();
    const store = createImportStore(fakeApi({ 'import.files': importFiles }), { importFinished });
    const files = [new File(['日付,タイトル\n'], 'a.csv'), new File(['x'], 'b.csv')];

    await store.getState().filesChosen(files);

    expect(importFiles).toHaveBeenCalledWith({
      files: [
        { name: 'a.csv', contentBase64: btoa(String.fromCharCode(...new TextEncoder().encode('日付,タイトル\n'))) },
        { name: 'b.csv', contentBase64: 'eA==' },
      ],
    });
    expect(store.getState()).toMatchObject({ busy: false, error: null, summary: summary(2, [{ file: 'b.csv', line: 3, message: 'the title is empty' }]) });
    expect(importFinished).toHaveBeenCalledTimes(1);
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
});
