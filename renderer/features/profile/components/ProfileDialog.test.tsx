import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRef } from 'react';
import { act, render } from '../../../testing/render.js';
import { fakeApi } from '../../../testing/fake-api.js';
import { EMPTY_PROFILE } from '../../../../shared/domain/relevance.js';
import type { TriageApi } from '../../../../shared/ipc/contract.js';
import { ProfileStoreContext } from '../profile-context.js';
import { createProfileStore } from '../profile-store.js';
import { ProfileButton } from './ProfileButton.js';
import { ProfileDialog } from './ProfileDialog.js';

function typeInto(area: HTMLTextAreaElement | null | undefined, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  setter?.call(area, text);
  area?.dispatchEvent(new Event('input', { bubbles: true }));
}

const savedOk: TriageApi['profile.save'] = async (input) => ({ ok: true, value: { profile: { ...EMPTY_PROFILE, ...input.profile }, version: 2 } });

async function setUp(save: TriageApi['profile.save'] = vi.fn(savedOk)) {
  const api = fakeApi({
    'profile.get': vi.fn(async () => ({ ok: true as const, value: { profile: { ...EMPTY_PROFILE, industries: ['医療'] }, version: 1 } })),
    'profile.save': save,
  });
  const store = createProfileStore(api);
  const ref = createRef<HTMLButtonElement>();
  const view = await render(
    <ProfileStoreContext value={store}>
      <ProfileButton ref={ref} />
      <ProfileDialog returnFocusRef={ref} />
    </ProfileStoreContext>,
  );
  await act(async () => view.container.querySelector('button')?.click());
  return { api, view, store };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('ProfileDialog', () => {
  it('shows the stored profile one word per line and saves what the officer typed, trimmed', async () => {
    const { api, view, store } = await setUp();
    cleanup = view.unmount;
    const areas = view.container.querySelectorAll('textarea');
    expect(areas).toHaveLength(5);
    expect(areas[0]?.value).toBe('医療');
    expect(document.activeElement).toBe(areas[0]);
    await act(async () => typeInto(areas[1], ' Apache Struts2 \n\nGoogle フォーム\n'));
    await act(async () => view.container.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    expect(api['profile.save']).toHaveBeenCalledWith({
      profile: { industries: ['医療'], products: ['Apache Struts2', 'Google フォーム'], vendors: [], regions: [], keywords: [] },
    });
    expect(store.getState().open).toBe(false);
    expect(view.container.querySelector('[role="dialog"]')).toBeNull();
  });

  it('refuses an overlong word before sending, and shows a refusal from main', async () => {
    const save = vi.fn<TriageApi['profile.save']>(async () => ({ ok: false, error: { code: 'internal', message: 'disk full' } }));
    const { view } = await setUp(save);
    cleanup = view.unmount;
    const areas = view.container.querySelectorAll('textarea');
    await act(async () => typeInto(areas[4], 'x'.repeat(101)));
    await act(async () => view.container.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('各欄 200 語・1語 100 文字までです');
    expect(save).not.toHaveBeenCalled();
    await act(async () => typeInto(areas[4], 'ランサムウェア'));
    await act(async () => view.container.querySelector<HTMLButtonElement>('button[type="submit"]')?.click());
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('disk full');
    expect(view.container.querySelector('[role="dialog"]')).not.toBeNull();
  });
});
