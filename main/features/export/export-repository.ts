// Reads items in the shape of the export contract (domain.md, "Interfaces others rely on"): each fact is
// the officer's correction when there is one, else the extractor's suggestion.
import { type CorrectableField, type Correction, type ItemFactsView } from '../../../shared/domain/corrections.js';
import type { ExtractedFacts } from '../../../shared/domain/facts.js';
import type { ExportedItem } from '../../../shared/domain/item.js';
import type { Category, DataType, Kind, Severity, Status } from '../../../shared/domain/vocabulary.js';
import type { ReadDb } from '../../db/database.js';
import { effectiveValue } from '../facts/facts-repository.js';

interface ExportRow {
  id: number;
  status: Status;
  title: string;
  organization: string | null;
  published_at: string | null;
  source_category: string | null;
  source_name: string | null;
  source_url: string | null;
  body: string;
  facts_json: string | null;
  relevance: number | null;
  corrections_json: string | null;
  tags_json: string | null;
}

function daysBetween(from: string, to: string): number | null {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return Number.isFinite(days) && days >= 0 ? days : null;
}

export function toExportedItem(row: ExportRow): ExportedItem {
  const corrections = row.corrections_json
    ? (JSON.parse(row.corrections_json) as { field: CorrectableField; value: unknown }[]).map(
        (c): Correction => ({ ...c, correctedAt: '', correctedBy: '' }),
      )
    : [];
  const view: ItemFactsView = {
    suggested: row.facts_json ? (JSON.parse(row.facts_json) as ExtractedFacts) : null,
    corrections,
    relevance: null,
  };
  const get = <T>(field: CorrectableField, fallback: T): T => (effectiveValue(view, field) as T | null | undefined) ?? fallback;
  // A source column naming the organisation beats the extractor's reading; the officer beats both.
  const corrected = (field: CorrectableField) => corrections.find((c) => c.field === field);
  const organization =
    (corrected('organization')?.value as string | null | undefined) ?? row.organization ?? get<string | null>('organization', null);
  const publishedAt = row.published_at ?? view.suggested?.publishedAt.value ?? null;
  const occurredAt = get<string | null>('occurredAt', null);
  const detectedAt = get<string | null>('detectedAt', null);
  const since = detectedAt ?? occurredAt;
  const reasons = get<string[]>('appi.reasons', []);
  return {
    id: row.id,
    kind: get<Kind | null>('kind', null),
    category: get<Category | null>('category', null),
    sourceCategory: row.source_category,
    status: row.status,
    severity: get<Severity | null>('severity', null),
    relevance: row.relevance,
    title: row.title,
    organization,
    publishedAt,
    occurredAt,
    detectedAt,
    reportSeq: get<number | 'final' | null>('reportSeq', null),
    caseId: get<string | null>('caseId', null),
    affected: {
      people: get<number | null>('affected.people', null),
      records: get<number | null>('affected.records', null),
      organizations: get<number | null>('affected.organizations', null),
    },
    dataTypes: get<DataType[]>('dataTypes', []),
    cves: get<string[]>('cves', []),
    products: get<string[]>('products', []),
    appi: { reportable: get<boolean | null>('appi.reportable', null), reasons },
    // Recomputed from the effective dates, so a corrected date corrects the lag too.
    disclosureLagDays: publishedAt && since ? daysBetween(since, publishedAt) : null,
    sourceName: row.source_name,
    sourceUrl: row.source_url,
    tags: row.tags_json ? (JSON.parse(row.tags_json) as string[]) : [],
    body: row.body,
  };
}

/** Items without facts yet (extraction not run) export with the contract's "unknown" values (null or []). */
export async function listExportedItems(db: ReadDb): Promise<ExportedItem[]> {
  const rows = await db.all<ExportRow>(
    `SELECT items.id, status, title, items.organization, published_at, source_category, source_name, source_url, body,
            f.facts_json, f.relevance,
            (SELECT json_group_array(json_object('field', c.field, 'value', json(c.value_json)))
               FROM item_corrections c WHERE c.item_id = items.id) AS corrections_json,
            (SELECT json_group_array(tag) FROM (SELECT tag FROM item_tags t WHERE t.item_id = items.id ORDER BY tag)) AS tags_json
     FROM items LEFT JOIN item_facts f ON f.item_id = items.id
     ORDER BY published_at DESC, items.id DESC`,
  );
  return rows.map(toExportedItem);
}
