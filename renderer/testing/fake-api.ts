// A TriageApi for tests: every channel answers "not faked" unless the test gives it a function.
import { vi } from 'vitest';
import type { ImportRecord } from '../../shared/domain/import-record.js';
import type { BoardCard } from '../../shared/domain/board-query.js';
import type { ItemDetail } from '../../shared/domain/item.js';
import { STATUSES, type Status } from '../../shared/domain/vocabulary.js';
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { BoardSnapshot, TriageApi } from '../../shared/ipc/contract.js';
import type { CallResult } from '../../shared/ipc/result.js';

export function fakeApi(overrides: Partial<TriageApi> = {}) {
  const notFaked = async (): Promise<CallResult<never>> => ({ ok: false, error: { code: 'internal', message: 'not faked' } });
  // Built from the channel list so a new channel never leaves the fake incomplete.
  const base = Object.fromEntries(CHANNELS.map((channel) => [channel, vi.fn(notFaked)])) as unknown as TriageApi;
  const api: TriageApi = { ...base, ...overrides };
  return api;
}

export function card(id: number, status: Status, extra: Partial<BoardCard> = {}): BoardCard {
  return {
    id,
    title: `item ${id}`,
    organization: `org ${id}`,
    publishedAt: `2019-12-${String(10 + (id % 20)).padStart(2, '0')}`,
    sourceCategory: 'セキュリティ対策',
    sourceName: null,
    status,
    kind: null,
    category: null,
    severity: null,
    appiReportable: null,
    relevance: null,
    highlights: null,
    ...extra,
  };
}

export function snapshot(cards: BoardCard[], total = cards.length): BoardSnapshot {
  return {
    columns: STATUSES.map((status) => {
      // The server's order: newest publication first, then newest id.
      const inColumn = cards
        .filter((c) => c.status === status)
        .sort((x, y) => (y.publishedAt ?? '').localeCompare(x.publishedAt ?? '') || y.id - x.id);
      return { status, count: inColumn.length, cards: inColumn };
    }),
    total,
    matching: cards.length,
  };
}

export function detailOf(summary: BoardCard, extra: Partial<ItemDetail> = {}): ItemDetail {
  return {
    ...summary,
    body: 'body',
    sourceName: null,
    sourceUrl: null,
    extra: {},
    importedFrom: 'demo.csv',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    history: [],
    facts: { suggested: null, corrections: [], relevance: null },
    fieldHistory: [],
    thread: [],
    note: null,
    tags: [],
    related: [],
    ...extra,
  };
}

export function importRecord(id: number, extra: Partial<ImportRecord> = {}): ImportRecord {
  return {
    id,
    fileName: `file-${id}.csv`,
    fileSize: 2048,
    sha256: 'ab'.repeat(32),
    format: 'csv',
    encoding: 'UTF-8',
    startedAt: '2024-05-01T01:02:03.000Z',
    finishedAt: '2024-05-01T01:02:03.420Z',
    durationMs: 420,
    imported: 3,
    duplicates: 1,
    updated: 0,
    failed: 0,
    errors: [],
    undoneAt: null,
    removed: 0,
    ...extra,
  };
}

/** A promise the test settles by hand, to look at the state while a call is in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
