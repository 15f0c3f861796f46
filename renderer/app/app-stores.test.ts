import { describe, expect, it, vi } from 'vitest';
import type { TriageApi } from '../../shared/ipc/contract.js';
import type { AppEvent, SubscribeToEvents } from '../../shared/ipc/events.js';
import { deferred, fakeApi } from '../testing/fake-api.js';
import { createAppStores } from './app-stores.js';

describe('createAppStores', () => {
  it('hands import progress events to the import store', async () => {
    let push: (event: AppEvent) => void = () => undefined;
    const subscribe = vi.fn<SubscribeToEvents>((listener) => {
      push = listener;
      return () => undefined;
    });
    const answer = deferred<Awaited<ReturnType<TriageApi['import.demo']>>>();
    const importDemo = vi.fn<TriageApi['import.demo']>(() => answer.promise);
    const stores = createAppStores(fakeApi({ 'import.demo': importDemo }), subscribe);
    expect(subscribe).toHaveBeenCalledTimes(1);

    const running = stores.imports.getState().demoRequested();
    const jobId = importDemo.mock.calls[0]?.[0].jobId ?? '';
    push({
      name: 'import.progress',
      payload: { jobId, fileIndex: 0, fileCount: 1, fileName: 'demo-items.csv', phase: 'writing', recordsDone: 10, recordCount: 20 },
    });
    expect(stores.imports.getState().progress).toMatchObject({ fileName: 'demo-items.csv', recordsDone: 10 });
    answer.resolve({ ok: true, value: { imported: 20, duplicates: 0, updated: 0, failed: 0, errors: [] } });
    await running;
  });
});
