import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { SubscribeToEvents } from '../../shared/ipc/events.js';
import { fakeApi } from '../testing/fake-api.js';
import { createTransport } from './index.js';

describe('createTransport', () => {
  it('uses the preload bridge for calls and its onEvent for events in Electron', () => {
    const unsubscribe = vi.fn();
    const onEvent = vi.fn<SubscribeToEvents>(() => unsubscribe);
    const win = { triage: { ...fakeApi(), onEvent } } as unknown as Window;
    const { api, subscribe } = createTransport(win);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    const listener = vi.fn();
    subscribe(listener)();
    expect(onEvent).toHaveBeenCalledWith(listener);
    expect(unsubscribe).toHaveBeenCalled();
  });
});
