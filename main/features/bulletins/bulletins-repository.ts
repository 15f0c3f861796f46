// SQL of the bulletins feature lives here and nowhere else: bulletins and their versions, the items they
// cover, their append-only history, their issued artifacts, and the two settings the feature keeps.
import type { CorrectableField } from '../../../shared/domain/corrections.js';
import { CATEGORIES, DATA_TYPES, KINDS, type Category, type DataType, type Kind } from '../../../shared/domain/vocabulary.js';
import type { ReadDb, WriteDb } from '../../db/database.js';
import { effectiveValue, getItemFacts } from '../facts/facts-repository.js';
import { ItemNotFoundError } from '../triage/item-not-found-error.js';
import type {
  Bulletin,
  BulletinChange,
  BulletinCoverage,
  BulletinEdit,
  BulletinSource,
  BulletinState,
  CategoryCount,
} from './bulletin-types.js';

interface BulletinRow {
  id: number;
  number: string;
  year: number;
  sequence: number;
  version: number;
  parent_id: number | null;
  template: Bulletin['template'];
  language: Bulletin['language'];
  title: string;
  date: string;
  department: string;
  audience: string;
  classification: Bulletin['classification'];
  body_markdown: string;
  chart_json: string | null;
  state: BulletinState;
  created_at: string;
  created_by: string;
  updated_at: string;
}

interface ItemRow {
  id: number;
  title: string;
  body: string;
  organization: string | null;
  published_at: string | null;
  source_category: string | null;
  source_name: string | null;
  source_url: string | null;
}

const BULLETIN_COLUMNS = `id, number, year, sequence, version, parent_id, template, language, title, date, department,
  audience, classification, body_markdown, chart_json, state, created_at, created_by, updated_at`;

function toBulletin(row: BulletinRow, itemIds: number[]): Bulletin {
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    sequence: row.sequence,
    version: row.version,
    parentId: row.parent_id,
    template: row.template,
    language: row.language,
    title: row.title,
    date: row.date,
    department: row.department,
    audience: row.audience,
    classification: row.classification,
    bodyMarkdown: row.body_markdown,
    chart: row.chart_json === null ? null : (JSON.parse(row.chart_json) as CategoryCount[]),
    state: row.state,
    itemIds,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

export class BulletinNotFoundError extends Error {
  constructor(readonly id: number) {
    super(`bulletin ${id} does not exist`);
    this.name = 'BulletinNotFoundError';
  }
}

// ---- sources: what the covered items say ----

function asString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
function asCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}
function asCategory(value: unknown): Category | null {
  return (CATEGORIES as readonly unknown[]).includes(value) ? (value as Category) : null;
}
function asDataTypes(value: unknown): DataType[] {
  return asStrings(value).filter((v): v is DataType => (DATA_TYPES as readonly string[]).includes(v));
}

/**
 * Reads the covered items in the given order. Facts are the officer's corrections over the extractor's
 * suggestions; an item the extractor has not read yet falls back to its own columns (title, body,
 * organization, published date, source) with empty lists, so a bulletin can be drafted at any moment.
 */
export async function readBulletinSources(db: ReadDb, ids: readonly number[]): Promise<BulletinSource[]> {
  const sources: BulletinSource[] = [];
  for (const id of ids) {
    const row = await db.get<ItemRow>(
      `SELECT id, title, body, organization, published_at, source_category, source_name, source_url
       FROM items WHERE id = ?`,
      [id],
    );
    if (!row) throw new ItemNotFoundError(id);
    const view = await getItemFacts(db, id);
    const fact = (field: CorrectableField): unknown => effectiveValue(view, field);
    sources.push({
      itemId: row.id,
      title: row.title,
      body: row.body,
      organization: asString(fact('organization')) ?? row.organization,
      publishedAt: asString(view.suggested?.publishedAt.value) ?? row.published_at,
      occurredAt: asString(fact('occurredAt')),
      detectedAt: asString(fact('detectedAt')),
      kind: (KINDS as readonly unknown[]).includes(fact('kind')) ? (fact('kind') as Kind) : null,
      category: asCategory(fact('category')),
      sourceCategory: row.source_category,
      sourceName: row.source_name,
      sourceUrl: row.source_url,
      people: asCount(fact('affected.people')),
      records: asCount(fact('affected.records')),
      dataTypes: asDataTypes(fact('dataTypes')),
      causes: asStrings(fact('causes')),
      countermeasures: asStrings(fact('countermeasures')),
      appiReportable: typeof fact('appi.reportable') === 'boolean' ? (fact('appi.reportable') as boolean) : null,
    });
  }
  return sources;
}

/**
 * Items of a period digest: published in [from, to], not dismissed, and not read as something other
 * than security news (kind other/event) where facts exist; oldest first.
 */
export async function listItemIdsInPeriod(db: ReadDb, from: string, to: string): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `SELECT items.id FROM items LEFT JOIN item_facts f ON f.item_id = items.id
     LEFT JOIN item_corrections k ON k.item_id = items.id AND k.field = 'kind'
     WHERE items.published_at BETWEEN ? AND ? AND items.status <> 'dismissed'
       AND coalesce(json_extract(k.value_json, '$'), f.kind, 'incident') NOT IN ('other', 'event')
     ORDER BY items.published_at, items.id`,
    [from, to],
  );
  return rows.map((r) => r.id);
}

// ---- settings ----

export async function readSetting(db: ReadDb, key: string): Promise<unknown> {
  const row = await db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value_json) as unknown) : undefined;
}

export async function writeSetting(tx: WriteDb, key: string, value: unknown, at: string): Promise<void> {
  await tx.run(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    [key, JSON.stringify(value), at],
  );
}

// ---- bulletins ----

export async function nextSequence(tx: ReadDb, year: number): Promise<number> {
  const row = await tx.get<{ n: number | null }>('SELECT max(sequence) AS n FROM bulletins WHERE year = ?', [year]);
  return (row?.n ?? 0) + 1;
}

export async function latestVersion(db: ReadDb, year: number, sequence: number): Promise<number> {
  const row = await db.get<{ v: number | null }>('SELECT max(version) AS v FROM bulletins WHERE year = ? AND sequence = ?', [year, sequence]);
  return row?.v ?? 0;
}

export async function readItemStatus(db: ReadDb, itemId: number): Promise<string | null> {
  const row = await db.get<{ status: string }>('SELECT status FROM items WHERE id = ?', [itemId]);
  return row?.status ?? null;
}

export type NewBulletinRow = Omit<Bulletin, 'id' | 'updatedAt'>;

export async function insertBulletin(tx: WriteDb, b: NewBulletinRow): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO bulletins (number, year, sequence, version, parent_id, template, language, title, date, department,
       audience, classification, body_markdown, chart_json, state, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      b.number, b.year, b.sequence, b.version, b.parentId, b.template, b.language, b.title, b.date, b.department,
      b.audience, b.classification, b.bodyMarkdown, b.chart === null ? null : JSON.stringify(b.chart), b.state,
      b.createdAt, b.createdBy, b.createdAt,
    ],
  );
  for (const [position, itemId] of b.itemIds.entries()) {
    await tx.run('INSERT INTO bulletin_items (bulletin_id, item_id, position) VALUES (?, ?, ?)', [lastId, itemId, position]);
  }
  return lastId;
}

const EDIT_COLUMNS: Record<keyof BulletinEdit, string> = {
  title: 'title',
  date: 'date',
  department: 'department',
  audience: 'audience',
  classification: 'classification',
  bodyMarkdown: 'body_markdown',
};

export async function updateBulletinFields(tx: WriteDb, id: number, edit: BulletinEdit, at: string): Promise<void> {
  const keys = (Object.keys(edit) as (keyof BulletinEdit)[]).filter((k) => edit[k] !== undefined);
  // Column names come from the fixed map above, never from the caller.
  const sets = keys.map((k) => `${EDIT_COLUMNS[k]} = ?`);
  await tx.run(`UPDATE bulletins SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`, [
    ...keys.map((k) => edit[k] as string),
    at,
    id,
  ]);
}

export async function setBulletinState(tx: WriteDb, id: number, state: BulletinState, at: string): Promise<void> {
  await tx.run('UPDATE bulletins SET state = ?, updated_at = ? WHERE id = ?', [state, at, id]);
}

export async function getBulletin(db: ReadDb, id: number): Promise<Bulletin> {
  const row = await db.get<BulletinRow>(`SELECT ${BULLETIN_COLUMNS} FROM bulletins WHERE id = ?`, [id]);
  if (!row) throw new BulletinNotFoundError(id);
  const items = await db.all<{ item_id: number }>(
    'SELECT item_id FROM bulletin_items WHERE bulletin_id = ? ORDER BY position',
    [id],
  );
  return toBulletin(row, items.map((i) => i.item_id));
}

/** LIKE treats % and _ as wildcards; a search for "100%" must find the text "100%". */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Newest first; every term must appear in the number, title, department, audience or body. */
export async function listBulletins(db: ReadDb, search = '', limit = 100): Promise<Bulletin[]> {
  const terms = search.normalize('NFKC').trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const where = terms.map(
    () => "(number || ' ' || title || ' ' || department || ' ' || audience || ' ' || body_markdown) LIKE ? ESCAPE '\\'",
  );
  const rows = await db.all<BulletinRow>(
    `SELECT ${BULLETIN_COLUMNS} FROM bulletins ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY year DESC, sequence DESC, version DESC LIMIT ?`,
    [...terms.map(likePattern), limit],
  );
  const result: Bulletin[] = [];
  for (const row of rows) {
    const items = await db.all<{ item_id: number }>(
      'SELECT item_id FROM bulletin_items WHERE bulletin_id = ? ORDER BY position',
      [row.id],
    );
    result.push(toBulletin(row, items.map((i) => i.item_id)));
  }
  return result;
}

/** Which bulletins covered an item, oldest first: the detail panel prints "SEC-2023-012 で周知". */
export async function listCoverageOfItem(db: ReadDb, itemId: number): Promise<BulletinCoverage[]> {
  const rows = await db.all<{ id: number; number: string; version: number; state: BulletinState; date: string }>(
    `SELECT b.id, b.number, b.version, b.state, b.date FROM bulletin_items bi JOIN bulletins b ON b.id = bi.bulletin_id
     WHERE bi.item_id = ? ORDER BY b.date, b.id`,
    [itemId],
  );
  return rows.map((r) => ({ bulletinId: r.id, number: r.number, version: r.version, state: r.state, date: r.date }));
}

export async function appendBulletinChange(
  tx: WriteDb,
  bulletinId: number,
  action: BulletinChange['action'],
  detail: Record<string, unknown>,
  at: string,
  by: string,
): Promise<void> {
  await tx.run(
    'INSERT INTO bulletin_changes (bulletin_id, action, detail_json, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)',
    [bulletinId, action, JSON.stringify(detail), at, by],
  );
}

export async function listBulletinChanges(db: ReadDb, bulletinId: number): Promise<BulletinChange[]> {
  const rows = await db.all<{ id: number; action: BulletinChange['action']; detail_json: string; changed_at: string; changed_by: string }>(
    'SELECT id, action, detail_json, changed_at, changed_by FROM bulletin_changes WHERE bulletin_id = ? ORDER BY id',
    [bulletinId],
  );
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    changedAt: r.changed_at,
    changedBy: r.changed_by,
  }));
}

export interface IssuedArtifact {
  html: Buffer;
  htmlSha256: string;
  pdf: Buffer | null;
  pdfSha256: string | null;
  sources: BulletinSource[];
  issuedAt: string;
  issuedBy: string;
}

export async function insertArtifact(tx: WriteDb, bulletinId: number, a: IssuedArtifact): Promise<void> {
  await tx.run(
    `INSERT INTO bulletin_artifacts (bulletin_id, html, html_sha256, pdf, pdf_sha256, sources_json, issued_at, issued_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [bulletinId, a.html, a.htmlSha256, a.pdf, a.pdfSha256, JSON.stringify(a.sources), a.issuedAt, a.issuedBy],
  );
}

export async function getArtifact(db: ReadDb, bulletinId: number): Promise<IssuedArtifact | null> {
  const row = await db.get<{
    html: Buffer;
    html_sha256: string;
    pdf: Buffer | null;
    pdf_sha256: string | null;
    sources_json: string;
    issued_at: string;
    issued_by: string;
  }>('SELECT html, html_sha256, pdf, pdf_sha256, sources_json, issued_at, issued_by FROM bulletin_artifacts WHERE bulletin_id = ?', [
    bulletinId,
  ]);
  if (!row) return null;
  return {
    html: row.html,
    htmlSha256: row.html_sha256,
    pdf: row.pdf,
    pdfSha256: row.pdf_sha256,
    sources: JSON.parse(row.sources_json) as BulletinSource[],
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
  };
}
