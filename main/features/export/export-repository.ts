// Reads items in the shape of the export contract (domain.md, "Interfaces others rely on").
import type { ExportedItem } from '../../../shared/domain/item.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { ReadDb } from '../../db/database.js';

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
}

/**
 * Facts that extraction (#4) and triage fields (#5) will fill are present with the contract's "unknown"
 * values (null or []), so scripts written against the contract work today and keep working.
 */
export async function listExportedItems(db: ReadDb): Promise<ExportedItem[]> {
  const rows = await db.all<ExportRow>(
    `SELECT id, status, title, organization, published_at, source_category, source_name, source_url, body
     FROM items ORDER BY published_at DESC, id DESC`,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: null,
    category: null,
    sourceCategory: row.source_category,
    status: row.status,
    severity: null,
    relevance: null,
    title: row.title,
    organization: row.organization,
    publishedAt: row.published_at,
    occurredAt: null,
    detectedAt: null,
    reportSeq: null,
    caseId: null,
    affected: { people: null, records: null, organizations: null },
    dataTypes: [],
    cves: [],
    products: [],
    appi: { reportable: null, reasons: [] },
    disclosureLagDays: null,
    sourceName: row.source_name,
    sourceUrl: row.source_url,
    tags: [],
    body: row.body,
  }));
}
