// The import feature's SQL: batch rows and item upserts. Called only inside a transaction the import
// service opened, so one file lands whole or not at all.
import type { ImportError } from '../../../shared/domain/item.js';
import { chunkRows, type WriteDb } from '../../db/database.js';
import { differsOnlyByEncodingLoss } from './item-identity.js';

export interface BatchFields {
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  encoding: string | null;
  startedAt: string;
}

export interface ItemFields {
  identityKey: string;
  contentHash: string;
  title: string;
  organization: string | null;
  publishedAt: string | null;
  publishedAtRaw: string | null;
  sourceCategory: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  body: string;
  extra: Record<string, string>;
}

export type UpsertOutcome = 'imported' | 'duplicate' | 'updated';

export async function insertBatch(tx: WriteDb, batch: BatchFields): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO import_batches (file_name, file_size, sha256, format, encoding, started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [batch.fileName, batch.fileSize, batch.sha256, batch.format, batch.encoding, batch.startedAt, batch.startedAt],
  );
  return lastId;
}

export async function finishBatch(
  tx: WriteDb,
  batchId: number,
  counts: { imported: number; duplicates: number; updated: number; failed: number; errors: ImportError[] },
  finishedAt: string,
  /** What is known only once the file was read to its end. */
  file: { sha256: string; format: string; encoding: string | null },
): Promise<void> {
  await tx.run(
    `UPDATE import_batches SET imported = ?, duplicates = ?, updated = ?, failed = ?, errors_json = ?, finished_at = ?,
                               sha256 = ?, format = ?, encoding = ?
     WHERE id = ?`,
    [counts.imported, counts.duplicates, counts.updated, counts.failed, JSON.stringify(counts.errors), finishedAt, file.sha256, file.format, file.encoding, batchId],
  );
}

const ITEM_COLUMNS = `title, organization, published_at, published_at_raw, source_category, source_name, source_url,
  body, extra_json, content_hash, identity_key, import_batch_id, status, created_at, updated_at`;
const ITEM_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)";
const PARAMS_PER_ITEM = 14;
/** Rows per statement: big enough that round trips to SQLite stop dominating, far under its parameter limit. */
const ROWS_PER_STATEMENT = 250;

function contentFields(item: ItemFields): (string | null)[] {
  return [
    item.title, item.organization, item.publishedAt, item.publishedAtRaw, item.sourceCategory, item.sourceName,
    item.sourceUrl, item.body, JSON.stringify(item.extra), item.contentHash,
  ];
}

interface ExistingItem {
  id: number;
  identity_key: string;
  content_hash: string;
  title: string;
  body: string;
  organization: string | null;
  source_category: string | null;
  source_name: string | null;
  source_url: string | null;
}

/** Snapshot fields that one source has and another lacks: a later snapshot fills them, never blanks them. */
const GAP_FIELDS = ['organization', 'source_category', 'source_name', 'source_url'] as const;

function gapsFilledBy(existing: ExistingItem, item: ItemFields): boolean {
  const incoming = { organization: item.organization, source_category: item.sourceCategory, source_name: item.sourceName, source_url: item.sourceUrl };
  return GAP_FIELDS.some((field) => existing[field] === null && incoming[field] !== null);
}

/**
 * Stores a batch of records, in order. A new identity is inserted with status 新着 and its first history
 * entry; a known identity with the same content is a duplicate; with different content its text is
 * updated while the officer's triage (status, history) is kept, and the text it replaced is recorded in
 * item_updates. Lookups and inserts go by the hundred: per-row statements made imports several times
 * slower than SQLite itself (see `npm run bench:import`).
 */
export async function upsertItems(
  tx: WriteDb,
  items: readonly ItemFields[],
  batchId: number,
  at: string,
  actor: string,
  /** Called after each chunk with the records stored so far; throwing aborts (and rolls back) the import. */
  onChunk?: (done: number) => void,
  /**
   * One per file, shared by the file's batches: a streamed file calls this once per batch, and asking
   * "any undated item?" per batch scanned the whole table each time (quadratic over a 100k-row import).
   */
  state: DateMatchState = newDateMatchState(),
): Promise<UpsertOutcome[]> {
  const outcomes: UpsertOutcome[] = [];
  for (const chunk of chunkRows(items, PARAMS_PER_ITEM, ROWS_PER_STATEMENT * PARAMS_PER_ITEM)) {
    const keys = [...new Set(chunk.map((item) => item.identityKey))];
    const found = await tx.all<ExistingItem>(
      `SELECT ${EXISTING_COLUMNS}
       FROM items WHERE identity_key IN (${keys.map(() => '?').join(', ')})`,
      keys,
    );
    const known = new Map(found.map((row) => [row.identity_key, row]));
    await matchAcrossDates(tx, chunk, known, state);
    const fresh: ItemFields[] = [];
    for (const item of chunk) {
      const existing = known.get(item.identityKey);
      if (!existing) {
        fresh.push(item);
        // A second record of the same story later in this chunk must see this one.
        known.set(item.identityKey, {
          id: -1,
          identity_key: item.identityKey,
          content_hash: item.contentHash,
          title: item.title,
          body: item.body,
          organization: item.organization,
          source_category: item.sourceCategory,
          source_name: item.sourceName,
          source_url: item.sourceUrl,
        });
        outcomes.push('imported');
      } else if (
        existing.content_hash === item.contentHash ||
        (existing.id !== -1 && (await seenBefore(tx, existing.id, item.contentHash))) ||
        // A damaged copy (lines lost to mojibake) never replaces the text we have.
        item.extra.lowConfidence !== undefined ||
        (differsOnlyByEncodingLoss(existing.title, item.title) && differsOnlyByEncodingLoss(existing.body, item.body))
      ) {
        if (existing.id !== -1 && gapsFilledBy(existing, item)) await fillGaps(tx, existing, item);
        outcomes.push('duplicate');
      } else {
        if (existing.id === -1) {
          // Same story twice in one chunk with different text: insert what is there, then update it.
          await insertNewItems(tx, fresh.splice(0), batchId, at, actor, known);
        }
        const current = known.get(item.identityKey) ?? existing;
        await updateItem(tx, current, item, batchId, at);
        known.set(item.identityKey, { ...current, content_hash: item.contentHash, title: item.title, body: item.body });
        outcomes.push('updated');
      }
    }
    await insertNewItems(tx, fresh, batchId, at, actor, known);
    onChunk?.(outcomes.length);
  }
  return outcomes;
}

export function newDateMatchState(): DateMatchState {
  return { undatedKnown: null };
}

export interface DateMatchState {
  /** Whether the database holds any undated item; asked once per file, so dated bulk imports pay nothing. */
  undatedKnown: boolean | null;
}

/** The title part of an identity key (titles are normalised without punctuation, so '|' only separates). */
function titleKeyOf(identityKey: string): string {
  const bar = identityKey.indexOf('|');
  return bar === -1 ? identityKey : identityKey.slice(0, bar);
}

const EXISTING_COLUMNS = 'id, identity_key, content_hash, title, body, organization, source_category, source_name, source_url';

/**
 * A saved page often lists a story without its date, where a feed or list of the same story has one. The
 * identity key (title + date) cannot meet across that gap, so an unmatched record is matched by title
 * alone: an undated record to the one item with that title (several — a recurring 「メンテナンスのお知らせ」
 * — is ambiguous, and stays a new item); a dated record to an undated item with that title, which then
 * takes the dated key so later snapshots meet it directly. Keys sort bytewise, so `title|` ≤ key < `title}`
 * is a range scan of the unique index.
 */
async function matchAcrossDates(tx: WriteDb, chunk: readonly ItemFields[], known: Map<string, ExistingItem>, state: DateMatchState): Promise<void> {
  for (const item of chunk) {
    if (known.has(item.identityKey)) continue;
    const titleKey = titleKeyOf(item.identityKey);
    if (item.publishedAt === null) {
      const rows = await tx.all<ExistingItem>(
        `SELECT ${EXISTING_COLUMNS} FROM items WHERE identity_key >= ? AND identity_key < ? LIMIT 2`,
        [`${titleKey}|`, `${titleKey}}`],
      );
      if (rows.length === 1 && rows[0]) known.set(item.identityKey, rows[0]);
      continue;
    }
    state.undatedKnown ??= (await tx.get('SELECT 1 AS one FROM items WHERE published_at IS NULL LIMIT 1')) !== undefined;
    if (!state.undatedKnown) continue;
    const rows = await tx.all<ExistingItem>(
      `SELECT ${EXISTING_COLUMNS} FROM items WHERE identity_key >= ? AND identity_key < ? AND published_at IS NULL LIMIT 2`,
      [`${titleKey}|`, `${titleKey}}`],
    );
    const undated = rows.length === 1 ? rows[0] : undefined;
    if (undated) {
      await tx.run('UPDATE items SET identity_key = ? WHERE id = ?', [item.identityKey, undated.id]);
      known.set(item.identityKey, { ...undated, identity_key: item.identityKey });
    }
  }
}

async function insertNewItems(
  tx: WriteDb,
  items: readonly ItemFields[],
  batchId: number,
  at: string,
  actor: string,
  known: Map<string, ExistingItem>,
): Promise<void> {
  if (items.length === 0) return;
  const { lastId } = await tx.run(
    `INSERT INTO items (${ITEM_COLUMNS}) VALUES ${items.map(() => ITEM_VALUES).join(', ')}`,
    items.flatMap((item) => [...contentFields(item), item.identityKey, batchId, at, at]),
  );
  // One multi-row INSERT on a rowid table assigns consecutive ids ending at lastId.
  const firstId = lastId - items.length + 1;
  items.forEach((item, i) => {
    const entry = known.get(item.identityKey);
    if (entry) entry.id = firstId + i;
  });
  await tx.run(
    `INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by) VALUES ${items.map(() => "(?, NULL, 'new', ?, ?)").join(', ')}`,
    items.flatMap((_, i) => [firstId + i, at, actor]),
  );
}

async function fillGaps(tx: WriteDb, existing: ExistingItem, item: ItemFields): Promise<void> {
  await tx.run(
    `UPDATE items SET organization = coalesce(organization, ?), source_category = coalesce(source_category, ?),
                      source_name = coalesce(source_name, ?), source_url = coalesce(source_url, ?) WHERE id = ?`,
    [item.organization, item.sourceCategory, item.sourceName, item.sourceUrl, existing.id],
  );
  existing.organization ??= item.organization;
  existing.source_category ??= item.sourceCategory;
  existing.source_name ??= item.sourceName;
  existing.source_url ??= item.sourceUrl;
}

async function updateItem(tx: WriteDb, existing: ExistingItem, item: ItemFields, batchId: number, at: string): Promise<void> {
  await tx.run(
    // A field the new snapshot lacks keeps what an earlier snapshot gave.
    `UPDATE items SET title = ?, organization = coalesce(?, organization), published_at = coalesce(?, published_at),
                      published_at_raw = coalesce(?, published_at_raw), source_category = coalesce(?, source_category),
                      source_name = coalesce(?, source_name), source_url = coalesce(?, source_url), body = ?,
                      extra_json = ?, content_hash = ?, updated_at = ?
     WHERE id = ?`,
    [...contentFields(item), at, existing.id],
  );
  await tx.run(
    'INSERT INTO item_updates (item_id, import_batch_id, updated_at, previous_title, previous_body) VALUES (?, ?, ?, ?, ?)',
    [existing.id, batchId, at, existing.title, existing.body],
  );
  await tx.run('INSERT OR IGNORE INTO item_seen_versions (item_id, content_hash) VALUES (?, ?), (?, ?)', [
    existing.id,
    existing.content_hash,
    existing.id,
    item.contentHash,
  ]);
}

/** Whether the item held this version of the text before (another snapshot's copy we already took in). */
async function seenBefore(tx: WriteDb, itemId: number, contentHash: string): Promise<boolean> {
  return (await tx.get('SELECT 1 AS one FROM item_seen_versions WHERE item_id = ? AND content_hash = ?', [itemId, contentHash])) !== undefined;
}

/**
 * A feed whose title came only after its first items were written (a title after more than a batch of items):
 * the items this batch added carry the name known then, and take the feed's title now, in the same transaction.
 */
export async function renameBatchSource(tx: WriteDb, batchId: number, from: string | null, to: string | null): Promise<void> {
  await tx.run('UPDATE items SET source_name = ? WHERE import_batch_id = ? AND source_name IS ?', [to, batchId, from]);
}

/**
 * SQLite's page cache while a file is written. The connection keeps a 64 MB cache for board searches; an import
 * fills it with the pages it writes and leaves them resident (app peak RSS on the 92 MB bench feed: 213 MB with
 * it, 148 MB with this). Writing needs no more than SQLite's default: pages beyond it spill to the WAL.
 */
const IMPORT_CACHE_KIB = 2048;

/** Runs one file's writes with the import's page cache, and gives the connection its own back afterwards. */
export async function withImportPageCache<T>(tx: WriteDb, work: () => Promise<T>): Promise<T> {
  const previous = (await tx.get<{ cache_size: number }>('PRAGMA cache_size'))?.cache_size;
  await tx.exec(`PRAGMA cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    if (typeof previous === 'number') await tx.exec(`PRAGMA cache_size = ${Math.trunc(previous)}`);
  }
}
