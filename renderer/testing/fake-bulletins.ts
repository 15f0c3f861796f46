// A TriageApi whose bulletin channels keep one bulletin in memory and follow main's rules (draft →
// approved → issued, edits only on drafts), so renderer tests see the same answers the app would get.
import { vi } from 'vitest';
import type { Bulletin, BulletinChange, BulletinEdit } from '../../shared/domain/bulletins.js';
import type { TriageApi } from '../../shared/ipc/contract.js';
import type { CallResult } from '../../shared/ipc/result.js';
import { fakeApi } from './fake-api.js';

export function bulletin(extra: Partial<Bulletin> = {}): Bulletin {
  return {
    id: 7,
    number: 'SEC-2023-012',
    year: 2023,
    sequence: 12,
    version: 1,
    parentId: null,
    template: 'single',
    language: 'ja',
    title: '【注意喚起】東谷株式会社における不正アクセスについて',
    date: '2023-07-20',
    department: '情報セキュリティ委員会事務局',
    audience: '全従業員各位',
    classification: '社内限り',
    bodyMarkdown: '## 1. 概要\n\n本文',
    chart: null,
    state: 'draft',
    itemIds: [3],
    createdAt: '2023-07-20T01:00:00.000Z',
    createdBy: 'officer',
    updatedAt: '2023-07-20T01:00:00.000Z',
    ...extra,
  };
}

const conflict = (message: string): CallResult<never> => ({ ok: false, error: { code: 'conflict', message } });

export function fakeBulletinsApi(overrides: Partial<TriageApi> = {}) {
  let current = bulletin();
  const changes: BulletinChange[] = [];
  const record = (action: BulletinChange['action']) =>
    changes.push({ id: changes.length + 1, action, detail: {}, changedAt: '2023-07-20T02:00:00.000Z', changedBy: 'officer' });
  const api = fakeApi({
    'bulletins.list': vi.fn(async () => ({ ok: true as const, value: [current] })),
    'bulletins.get': vi.fn(async () => ({ ok: true as const, value: { bulletin: current, changes: [...changes], issued: null } })),
    'bulletins.create': vi.fn(async () => {
      current = bulletin();
      record('created');
      return { ok: true as const, value: current };
    }),
    'bulletins.edit': vi.fn(async ({ id: _id, ...fields }: { id: number } & BulletinEdit) => {
      if (current.state !== 'draft') return conflict('not a draft');
      current = { ...current, ...fields };
      record('edited');
      return { ok: true as const, value: current };
    }),
    'bulletins.approve': vi.fn(async () => {
      if (current.state !== 'draft') return conflict('not a draft');
      current = { ...current, state: 'approved' };
      record('approved');
      return { ok: true as const, value: current };
    }),
    'bulletins.issue': vi.fn(async ({ markNotified }: { id: number; markNotified: boolean }) => {
      if (current.state !== 'approved') return conflict('approve it first');
      current = { ...current, state: 'issued' };
      record('issued');
      return { ok: true as const, value: { bulletin: current, movedItemIds: markNotified ? current.itemIds : [] } };
    }),
    'bulletins.preview': vi.fn(async ({ draft }: { id: number; draft?: BulletinEdit }) => ({
      ok: true as const,
      value: { html: `<h1>${draft?.title ?? current.title}</h1>` },
    })),
    'bulletins.pdf': vi.fn(async () => ({ ok: true as const, value: { fileName: `${current.number}.pdf`, contentBase64: btoa('%PDF-1.7'), kept: current.state === 'issued' } })),
    'bulletins.forItem': vi.fn(async () => ({
      ok: true as const,
      value: [{ bulletinId: current.id, number: current.number, version: current.version, state: current.state, date: current.date }],
    })),
    ...overrides,
  });
  return { api, current: () => current };
}
