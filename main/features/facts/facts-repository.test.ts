import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtractInput, ExtractedFacts } from '../../../shared/domain/facts.js';
import type { Connection } from '../../db/database.js';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { listExportedItems } from '../export/export-repository.js';
import { correctFact, countStaleFacts, getItemFacts, listFieldChanges, listThread, refreshStaleFacts, type FactExtractor } from './facts-repository.js';
import { readProfile, saveProfile } from './profile-repository.js';

// A tiny extractor with the real one's shape: the repository must not care how facts are read, only that
// they are stored, refreshed when stale, and never mixed with corrections.
function fakeFacts(input: ExtractInput, version: number): ExtractedFacts {
  const none = { value: null, evidence: [] };
  const people = /(\d+)人/.exec(input.body);
  return {
    extractorVersion: version,
    kind: { value: input.body.includes('漏えい') ? 'incident' : 'other', evidence: [] },
    category: { value: input.body.includes('紛失') ? 'loss' : null, evidence: [] },
    organization: none,
    publishedAt: { value: input.publishedAt, evidence: [] },
    occurredAt: none,
    detectedAt: { value: '2023-01-12', evidence: [] },
    reportSeq: none,
    caseId: none,
    affected: { people: { value: people ? Number(people[1]) : null, evidence: [] }, records: none, organizations: none },
    dataTypes: [{ value: 'name', evidence: [{ start: 0, end: 2 }] }],
    cves: [],
    products: [],
    causes: [],
    countermeasures: [],
    appi: { reportable: true, reasons: [{ value: 'over_1000', evidence: [] }] },
    disclosureLagDays: null,
    severity: { value: 2, reasons: ['people_log_scale'] },
  };
}

function extractor(version: number, calls: string[] = []): FactExtractor {
  return {
    version,
    extract: (input) => {
      calls.push(input.title);
      return fakeFacts(input, version);
    },
  };
}

async function addItem(db: Connection, id: number, body: string, hash = `h${id}`): Promise<void> {
  await db.withTransaction((tx) =>
    tx.run(
      `INSERT INTO items (id, identity_key, content_hash, title, published_at, body, created_at, updated_at)
       VALUES (?, ?, ?, ?, '2023-07-18', ?, 'now', 'now')`,
      [id, `key${id}`, hash, `項目${id}`, body],
    ),
  );
}

let temp: TempDatabase;
beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(async () => {
  await temp.cleanup();
});

describe('refreshStaleFacts', () => {
  it('reads new items once, in batches, and reports progress', async () => {
    for (let id = 1; id <= 5; id += 1) await addItem(temp.db, id, `顧客情報1500人分の漏えい ${id}`);
    const calls: string[] = [];
    const progress: number[] = [];
    const read = await refreshStaleFacts(temp.db, extractor(1, calls), { batchSize: 2, onProgress: (p) => progress.push(p.done) });
    expect(read).toBe(5);
    expect(progress).toEqual([0, 2, 4, 5]);
    expect(await refreshStaleFacts(temp.db, extractor(1, calls))).toBe(0);
    expect(calls).toHaveLength(5);
    const row = await temp.db.get<{ kind: string; severity: number; appi_reportable: number }>(
      'SELECT kind, severity, appi_reportable FROM item_facts WHERE item_id = 1',
    );
    expect(row).toEqual({ kind: 'incident', severity: 2, appi_reportable: 1 });
  });

  it('re-reads an item whose text changed, and every item when the extractor is newer', async () => {
    await addItem(temp.db, 1, 'USBメモリの紛失');
    await addItem(temp.db, 2, '別の記事');
    await refreshStaleFacts(temp.db, extractor(1));
    await temp.db.withTransaction((tx) => tx.run("UPDATE items SET content_hash = 'changed', body = '30人分の漏えい' WHERE id = 2"));
    expect(await countStaleFacts(temp.db, 1)).toBe(1);
    const calls: string[] = [];
    expect(await refreshStaleFacts(temp.db, extractor(1, calls))).toBe(1);
    expect(calls).toEqual(['項目2']);
    expect((await getItemFacts(temp.db, 2)).suggested?.affected.people.value).toBe(30);
    expect(await countStaleFacts(temp.db, 2)).toBe(2);
    expect(await refreshStaleFacts(temp.db, extractor(2))).toBe(2);
  });

  it('stops between batches when cancelled, keeping the batches done', async () => {
    for (let id = 1; id <= 6; id += 1) await addItem(temp.db, id, 'x');
    const controller = new AbortController();
    const read = await refreshStaleFacts(temp.db, extractor(1), {
      batchSize: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    expect(read).toBe(2);
    expect(await countStaleFacts(temp.db, 1)).toBe(4);
  });
});

describe('correctFact', () => {
  it('keeps the correction apart from the suggestion, through re-extraction, with its history', async () => {
    await addItem(temp.db, 1, 'USBメモリの紛失');
    await refreshStaleFacts(temp.db, extractor(1));
    const times = ['2026-11-25T10:00:00.000Z', '2026-11-25T11:00:00.000Z', '2026-11-25T12:00:00.000Z'];
    const now = () => new Date(times.shift() ?? 'x');
    await correctFact(temp.db, { id: 1, field: 'category', value: 'theft', by: 'sato', now });
    await correctFact(temp.db, { id: 1, field: 'affected.people', value: 1200, by: 'sato', now });
    // The extractor improves and the source text changes: suggestions are rewritten, corrections stay.
    await temp.db.withTransaction((tx) => tx.run("UPDATE items SET content_hash = 'new' WHERE id = 1"));
    await refreshStaleFacts(temp.db, extractor(2));
    const view = await getItemFacts(temp.db, 1);
    expect(view.suggested?.extractorVersion).toBe(2);
    expect(view.suggested?.category.value).toBe('loss');
    expect(view.corrections.map((c) => [c.field, c.value, c.correctedBy])).toEqual([
      ['affected.people', 1200, 'sato'],
      ['category', 'theft', 'sato'],
    ]);
    const [exported] = await listExportedItems(temp.db);
    expect(exported?.category).toBe('theft');
    expect(exported?.affected.people).toBe(1200);
    expect(exported?.severity).toBe(2);
    expect(exported?.disclosureLagDays).toBe(187);

    // Clearing a correction brings the suggestion back, and the history keeps every step.
    await correctFact(temp.db, { id: 1, field: 'category', value: undefined, by: 'suzuki', now });
    expect((await listExportedItems(temp.db))[0]?.category).toBe('loss');
    const history = await listFieldChanges(temp.db, 1);
    // From → to as the officer saw it: the suggestion before the first correction and after clearing.
    expect(history.map((h) => [h.field, h.from, h.to, h.changedBy])).toEqual([
      ['category', 'theft', 'loss', 'suzuki'],
      ['affected.people', null, 1200, 'sato'],
      ['category', 'loss', 'theft', 'sato'],
    ]);
  });

  it('refuses values outside the field schema and unknown items, writing nothing', async () => {
    await addItem(temp.db, 1, 'x');
    await expect(correctFact(temp.db, { id: 1, field: 'severity', value: 7, by: 'sato' })).rejects.toThrow();
    await expect(correctFact(temp.db, { id: 1, field: 'occurredAt', value: '2023/07/01', by: 'sato' })).rejects.toThrow();
    await expect(correctFact(temp.db, { id: 99, field: 'kind', value: 'incident', by: 'sato' })).rejects.toThrow(/does not exist/);
    expect(await listFieldChanges(temp.db, 1)).toEqual([]);
  });

  it('records nothing when the value does not change', async () => {
    await addItem(temp.db, 1, 'x');
    await correctFact(temp.db, { id: 1, field: 'kind', value: 'advisory', by: 'sato' });
    await correctFact(temp.db, { id: 1, field: 'kind', value: 'advisory', by: 'sato' });
    expect(await listFieldChanges(temp.db, 1)).toHaveLength(1);
  });
});

describe('export without facts', () => {
  it('prints the contract with unknown values for an item not yet read', async () => {
    await addItem(temp.db, 1, 'x');
    const [item] = await listExportedItems(temp.db);
    expect(item).toMatchObject({ kind: null, category: null, severity: null, dataTypes: [], appi: { reportable: null, reasons: [] } });
  });
});

describe('follow-up chains', () => {
  it('links the reports of one incident, newest first, and nothing else', async () => {
    const add = (id: number, title: string, org: string | null, date: string) =>
      temp.db.withTransaction((tx) =>
        tx.run(
          `INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, body, created_at, updated_at)
           VALUES (?, ?, 'h', ?, ?, ?, '', 'now', 'now')`,
          [id, `k${id}`, title, org, date],
        ),
      );
    await add(1, 'ランサムウェア被害に関するお知らせ', 'A株式会社', '2023-07-01');
    await add(2, 'ランサムウェア被害に関するお知らせ（第2報）', 'A株式会社', '2023-07-10');
    await add(3, 'ランサムウェア被害に関するお知らせ（最終報）', 'A株式会社', '2023-08-01');
    await add(4, 'ランサムウェア被害に関するお知らせ', 'B株式会社', '2023-07-02');
    await add(5, 'ランサムウェア被害に関するお知らせ', null, '2023-07-03');
    await refreshStaleFacts(temp.db, extractor(1));
    expect((await listThread(temp.db, 1)).map((t) => t.id)).toEqual([3, 2]);
    expect((await listThread(temp.db, 3)).map((t) => t.id)).toEqual([2, 1]);
    expect(await listThread(temp.db, 4)).toEqual([]);
    expect(await listThread(temp.db, 5)).toEqual([]);
  });
});

describe('relevance', () => {
  it('scores items against the saved profile, and re-scores without re-reading when the profile changes', async () => {
    await addItem(temp.db, 1, '委託先のUSBメモリを紛失しました');
    await addItem(temp.db, 2, '病院で電子カルテが停止');
    await refreshStaleFacts(temp.db, extractor(1));
    expect((await getItemFacts(temp.db, 1)).relevance).toEqual({ score: 0, matches: [] });

    const saved = await saveProfile(temp.db, { industries: ['病院'], products: ['USBメモリ'], vendors: [], regions: [], keywords: [] });
    expect(saved.version).toBe(1);
    expect(await readProfile(temp.db)).toEqual(saved);
    const calls: string[] = [];
    await refreshStaleFacts(temp.db, extractor(1, calls));
    expect(calls).toEqual([]);
    const one = (await getItemFacts(temp.db, 1)).relevance;
    expect(one?.score).toBeGreaterThan(0);
    expect(one?.matches.map((m) => [m.word, m.field])).toEqual([['USBメモリ', 'products']]);
    expect((await getItemFacts(temp.db, 2)).relevance?.matches.map((m) => m.word)).toEqual(['病院']);
    expect((await listExportedItems(temp.db)).find((i) => i.id === 1)?.relevance).toBe(one?.score);
    // The board's copy, which relevance filters and sorts read, follows the re-scoring (migration 0008).
    expect(await temp.db.get('SELECT relevance FROM board_items WHERE item_id = 1')).toEqual({ relevance: one?.score });
  });

  it('refuses a profile that is not a profile', async () => {
    await expect(saveProfile(temp.db, { industries: 'all' } as never)).rejects.toThrow();
    expect((await readProfile(temp.db)).version).toBe(0);
  });
});
