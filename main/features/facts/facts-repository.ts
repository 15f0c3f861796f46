// Stores what the extractor read (suggestions) and what the officer corrected, apart: re-import and
// re-extraction rewrite item_facts only, never item_corrections. SQL for facts lives here.
import {
  CORRECTION_SCHEMAS,
  type Correction,
  type CorrectableField,
  type FieldChange,
  type ItemFactsView,
  suggestedValue,
} from '../../../shared/domain/corrections.js';
import { itemText, type ExtractInput, type ExtractedFacts } from '../../../shared/domain/facts.js';
import type { Relevance } from '../../../shared/domain/relevance.js';
import type { ThreadItem } from '../../../shared/domain/item.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { Connection, ReadDb, WriteDb } from '../../db/database.js';
import { chunkRows } from '../../db/database.js';
import { scoreRelevance } from '../extract/relevance.js';
import { ItemNotFoundError } from '../triage/item-not-found-error.js';
import { readProfile, type StoredProfile } from './profile-repository.js';
import { threadKey } from './thread-key.js';

/** The extractor as this module sees it: a version and a pure function (main/features/extract). */
export interface FactExtractor {
  version: number;
  extract: (input: ExtractInput) => ExtractedFacts;
}

export interface RefreshProgress {
  done: number;
  total: number;
}

export interface RefreshOptions {
  /**
   * Items per write transaction. Extraction runs on the main thread; small batches with a yield between
   * them keep IPC and HTTP requests answered while a large import is being read (~50 ms a batch).
   */
  batchSize?: number;
  onProgress?: (progress: RefreshProgress) => void;
  signal?: AbortSignal;
  now?: () => Date;
}

interface StaleRow {
  id: number;
  title: string;
  organization: string | null;
  body: string;
  published_at: string | null;
  source_category: string | null;
  content_hash: string;
}

// An item needs (re)reading when it has never been read, its text changed since, or the extractor is newer.
const STALE = `FROM items LEFT JOIN item_facts f ON f.item_id = items.id
  WHERE f.item_id IS NULL OR f.extractor_version <> ? OR f.content_hash <> items.content_hash`;

const FACT_COLUMNS = 15;

interface ReadItem {
  row: StaleRow;
  facts: ExtractedFacts;
  relevance: Relevance;
}

function factRow({ row, facts, relevance }: ReadItem, at: string, profileVersion: number): (string | number | null)[] {
  const reportSeq = facts.reportSeq.value;
  return [
    row.id,
    facts.extractorVersion,
    row.content_hash,
    at,
    facts.kind.value,
    facts.category.value,
    facts.severity.value,
    facts.appi.reportable === null ? null : facts.appi.reportable ? 1 : 0,
    facts.organization.value,
    facts.caseId.value,
    reportSeq === null ? null : String(reportSeq),
    threadKey(row.organization ?? facts.organization.value, row.title),
    relevance.score,
    JSON.stringify(relevance.matches),
    profileVersion,
  ];
}

async function writeFacts(tx: WriteDb, read: ReadItem[], at: string, profileVersion: number): Promise<void> {
  for (const chunk of chunkRows(read, FACT_COLUMNS + 1)) {
    const placeholders = chunk.map(() => `(${Array.from({ length: FACT_COLUMNS + 1 }, () => '?').join(', ')})`).join(', ');
    const params = chunk.flatMap((item) => [...factRow(item, at, profileVersion), JSON.stringify(item.facts)]);
    await tx.run(
      `INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, kind, category, severity,
         appi_reportable, organization, case_id, report_seq, thread_key, relevance, relevance_json, profile_version,
         facts_json)
       VALUES ${placeholders}
       ON CONFLICT (item_id) DO UPDATE SET
         extractor_version = excluded.extractor_version, content_hash = excluded.content_hash,
         extracted_at = excluded.extracted_at, kind = excluded.kind, category = excluded.category,
         severity = excluded.severity, appi_reportable = excluded.appi_reportable,
         organization = excluded.organization, case_id = excluded.case_id, report_seq = excluded.report_seq,
         thread_key = excluded.thread_key, relevance = excluded.relevance, relevance_json = excluded.relevance_json,
         profile_version = excluded.profile_version, facts_json = excluded.facts_json`,
      params,
    );
  }
}

/** Re-scores relevance of items scored with an older profile, from their stored facts (no re-reading). */
async function rescoreRelevance(db: Connection, stored: StoredProfile, options: RefreshOptions, batchSize: number): Promise<number> {
  let done = 0;
  let afterId = 0;
  while (!options.signal?.aborted) {
    const rows = await db.all<{ id: number; title: string; body: string; facts_json: string }>(
      `SELECT items.id, title, body, f.facts_json FROM item_facts f JOIN items ON items.id = f.item_id
       WHERE f.profile_version <> ? AND items.id > ? ORDER BY items.id LIMIT ?`,
      [stored.version, afterId, batchSize],
    );
    if (rows.length === 0) break;
    const scored = rows.map((row) => {
      const facts = JSON.parse(row.facts_json) as ExtractedFacts;
      return { id: row.id, relevance: scoreRelevance(itemText(row.title, row.body), facts, stored.profile) };
    });
    await db.withTransaction(async (tx) => {
      for (const { id, relevance } of scored) {
        await tx.run('UPDATE item_facts SET relevance = ?, relevance_json = ?, profile_version = ? WHERE item_id = ?', [
          relevance.score,
          JSON.stringify(relevance.matches),
          stored.version,
          id,
        ]);
      }
    });
    done += rows.length;
    afterId = rows[rows.length - 1]?.id ?? afterId;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done;
}

export async function countStaleFacts(db: ReadDb, version: number): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n ${STALE}`, [version]))?.n ?? 0;
}

/**
 * Reads every item that is new, changed or read by an older extractor, in id order, and stores its facts.
 * Facts are derived data: each batch commits on its own, so a cancel or crash keeps the batches done and
 * the next run continues where this one stopped. Returns how many items were read.
 */
export async function refreshStaleFacts(db: Connection, extractor: FactExtractor, options: RefreshOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  const now = options.now ?? (() => new Date());
  const stored = await readProfile(db);
  const total = await countStaleFacts(db, extractor.version);
  let done = 0;
  let afterId = 0;
  options.onProgress?.({ done, total });
  while (!options.signal?.aborted) {
    const rows = await db.all<StaleRow>(
      `SELECT items.id, title, items.organization, body, published_at, source_category, items.content_hash ${STALE} AND items.id > ?
       ORDER BY items.id LIMIT ?`,
      [extractor.version, afterId, batchSize],
    );
    if (rows.length === 0) break;
    const read = rows.map((row) => {
      const facts = extractor.extract({
        title: row.title,
        body: row.body,
        publishedAt: row.published_at,
        sourceCategory: row.source_category,
        sourceOrganization: row.organization,
      });
      return { row, facts, relevance: scoreRelevance(itemText(row.title, row.body), facts, stored.profile) };
    });
    await db.withTransaction((tx) => writeFacts(tx, read, now().toISOString(), stored.version));
    done += rows.length;
    afterId = rows[rows.length - 1]?.id ?? afterId;
    options.onProgress?.({ done, total: Math.max(total, done) });
    // Let queued requests run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done + (await rescoreRelevance(db, stored, options, batchSize));
}

interface CorrectionRow {
  field: string;
  value_json: string;
  corrected_at: string;
  corrected_by: string;
}

function toCorrection(row: CorrectionRow): Correction | null {
  if (!Object.hasOwn(CORRECTION_SCHEMAS, row.field)) return null;
  return {
    field: row.field as CorrectableField,
    value: JSON.parse(row.value_json) as unknown,
    correctedAt: row.corrected_at,
    correctedBy: row.corrected_by,
  };
}

export async function getItemFacts(db: ReadDb, id: number): Promise<ItemFactsView> {
  const [factsRow, corrections] = await Promise.all([
    db.get<{ facts_json: string; relevance: number | null; relevance_json: string }>(
      'SELECT facts_json, relevance, relevance_json FROM item_facts WHERE item_id = ?',
      [id],
    ),
    db.all<CorrectionRow>(
      'SELECT field, value_json, corrected_at, corrected_by FROM item_corrections WHERE item_id = ? ORDER BY field',
      [id],
    ),
  ]);
  return {
    suggested: factsRow ? (JSON.parse(factsRow.facts_json) as ExtractedFacts) : null,
    corrections: corrections.map(toCorrection).filter((c): c is Correction => c !== null),
    relevance:
      factsRow && factsRow.relevance !== null
        ? { score: factsRow.relevance, matches: JSON.parse(factsRow.relevance_json) as Relevance['matches'] }
        : null,
  };
}

/** The other reports of the item's incident (same thread key), newest first. */
export async function listThread(db: ReadDb, id: number): Promise<ThreadItem[]> {
  const rows = await db.all<{ id: number; title: string; published_at: string | null; report_seq: string | null; status: Status }>(
    `SELECT items.id, items.title, items.published_at, other.report_seq, items.status
     FROM item_facts me
     JOIN item_facts other ON other.thread_key = me.thread_key AND other.item_id <> me.item_id
     JOIN items ON items.id = other.item_id
     WHERE me.item_id = ? AND me.thread_key IS NOT NULL
     ORDER BY items.published_at DESC, items.id DESC
     LIMIT 50`,
    [id],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    publishedAt: r.published_at,
    reportSeq: r.report_seq === null ? null : r.report_seq === 'final' ? 'final' : Number(r.report_seq),
    status: r.status,
  }));
}

export interface CorrectFactInput {
  id: number;
  field: CorrectableField;
  /** The corrected value in the field's shape; `undefined` removes the correction (back to the suggestion). */
  value: unknown;
  by: string;
  now?: () => Date;
}

/**
 * Sets (or clears) the officer's value for one fact and appends the change to the field history, in one
 * transaction. The value is validated against the field's schema here too: this is the last gate before
 * the database, whatever transport called.
 */
export async function correctFact(db: Connection, input: CorrectFactInput): Promise<ItemFactsView> {
  const at = (input.now ?? (() => new Date()))().toISOString();
  const clearing = input.value === undefined;
  const value = clearing ? undefined : CORRECTION_SCHEMAS[input.field].parse(input.value);
  await db.withTransaction(async (tx) => {
    const item = await tx.get<{ id: number }>('SELECT id FROM items WHERE id = ?', [input.id]);
    if (!item) throw new ItemNotFoundError(input.id);
    const previous = await tx.get<{ value_json: string }>(
      'SELECT value_json FROM item_corrections WHERE item_id = ? AND field = ?',
      [input.id, input.field],
    );
    const toJson = clearing ? null : JSON.stringify(value);
    if ((previous?.value_json ?? null) === toJson) return;
    // The history says what the officer saw change: the suggestion when there was no correction yet, and
    // the suggestion again when a correction is cleared.
    const facts = await tx.get<{ facts_json: string }>('SELECT facts_json FROM item_facts WHERE item_id = ?', [input.id]);
    const suggestion = facts ? JSON.stringify(suggestedValue(JSON.parse(facts.facts_json) as ExtractedFacts, input.field) ?? null) : null;
    if (clearing) {
      await tx.run('DELETE FROM item_corrections WHERE item_id = ? AND field = ?', [input.id, input.field]);
    } else {
      await tx.run(
        `INSERT INTO item_corrections (item_id, field, value_json, corrected_at, corrected_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (item_id, field) DO UPDATE SET value_json = excluded.value_json,
           corrected_at = excluded.corrected_at, corrected_by = excluded.corrected_by`,
        [input.id, input.field, toJson, at, input.by],
      );
    }
    await tx.run(
      'INSERT INTO field_changes (item_id, field, from_json, to_json, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)',
      [input.id, input.field, previous?.value_json ?? suggestion, toJson ?? suggestion, at, input.by],
    );
  });
  return getItemFacts(db, input.id);
}

/** The value the officer sees for a field: their correction if any, else the suggestion. */
export function effectiveValue(view: ItemFactsView, field: CorrectableField): unknown {
  const correction = view.corrections.find((c) => c.field === field);
  if (correction) return correction.value;
  return view.suggested ? suggestedValue(view.suggested, field) : null;
}

export async function listFieldChanges(db: ReadDb, id: number): Promise<FieldChange[]> {
  const rows = await db.all<{ id: number; field: string; from_json: string | null; to_json: string | null; changed_at: string; changed_by: string }>(
    'SELECT id, field, from_json, to_json, changed_at, changed_by FROM field_changes WHERE item_id = ? ORDER BY id DESC',
    [id],
  );
  return rows.map((r) => ({
    id: r.id,
    field: r.field,
    from: r.from_json === null ? null : (JSON.parse(r.from_json) as unknown),
    to: r.to_json === null ? null : (JSON.parse(r.to_json) as unknown),
    changedAt: r.changed_at,
    changedBy: r.changed_by,
  }));
}
