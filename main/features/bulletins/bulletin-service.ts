// The bulletin workflow (domain.md "Bulletins"): draft from one item or a digest of several, edit while
// a draft, approve, issue (frozen, its HTML/PDF kept with a copy of its sources), new version of an
// issued one. Every change is appended to bulletin_changes in the same transaction as the change.
import { createHash } from 'node:crypto';
import type { Connection } from '../../db/database.js';
import { moveItem } from '../triage/items-repository.js';
import {
  appendBulletinChange,
  getArtifact,
  getBulletin,
  insertArtifact,
  insertBulletin,
  latestVersion,
  readItemStatus,
  listItemIdsInPeriod,
  nextSequence,
  readBulletinSources,
  readSetting,
  setBulletinState,
  updateBulletinFields,
  writeSetting,
  type IssuedArtifact,
} from './bulletins-repository.js';
import { DEFAULT_NUMBER_FORMAT, NUMBER_FORMAT_SETTING, formatBulletinNumber, validateNumberFormat } from './bulletin-numbering.js';
import { DEFAULT_TEMPLATES, TEMPLATES_SETTING, fillPlaceholders, mergeTemplates, type TemplateSet } from './bulletin-templates.js';
import {
  CLASSIFICATIONS,
  type Bulletin,
  type BulletinEdit,
  type BulletinLanguage,
  type BulletinSource,
  type BulletinState,
  type BulletinTemplate,
  type Classification,
} from './bulletin-types.js';
import { CATEGORY_LABELS } from './bulletin-labels.js';
import { composeDigest, composeSingle, countCategories, describePeriod } from './compose-bulletin.js';
import type { PdfRenderer } from './pdf-renderer.js';
import { renderBulletinHtml, renderPageFurniture } from './render-bulletin-html.js';

export class BulletinStateError extends Error {
  constructor(readonly id: number, readonly state: BulletinState, action: string) {
    super(`bulletin ${id} is ${state}: cannot ${action}`);
    this.name = 'BulletinStateError';
  }
}

export class InvalidBulletinInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBulletinInputError';
  }
}

interface Actor {
  by: string;
  now?: () => Date;
}

export interface CreateBulletinInput extends Actor {
  template: BulletinTemplate;
  itemIds?: number[];
  /** Digest of a period: items published from..to (YYYY-MM-DD, inclusive). */
  period?: { from: string; to: string };
  language?: BulletinLanguage;
  title?: string;
  /** Printed date, YYYY-MM-DD; defaults to today (UTC). */
  date?: string;
  department?: string;
  audience?: string;
  classification?: Classification;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_DEPARTMENT: Record<BulletinLanguage, string> = { ja: '情報セキュリティ委員会事務局', en: 'Information Security Office' };
const DEFAULT_AUDIENCE: Record<BulletinLanguage, string> = { ja: '全従業員各位', en: 'To all employees' };

function defaultTitle(template: BulletinTemplate, sources: BulletinSource[], period: string, language: BulletinLanguage): string {
  const ja = language === 'ja';
  if (template === 'digest') return ja ? `情報セキュリティ事故 事例まとめ（${period}）` : `Security incidents digest (${period})`;
  const s = sources[0];
  const org = s?.organization ?? s?.sourceName ?? (ja ? '他組織' : 'another organisation');
  const what = s?.category ? CATEGORY_LABELS[s.category][language] : ja ? '情報セキュリティ事故' : 'security incident';
  return ja ? `【注意喚起】${org}における${what}について` : `Security notice: ${what.toLowerCase()} at ${org}`;
}

function periodOf(input: CreateBulletinInput, sources: BulletinSource[]): { from: string | null; to: string | null } {
  if (input.period) return input.period;
  const dates = sources.map((s) => s.publishedAt).filter((d): d is string => d !== null).sort();
  return { from: dates[0] ?? null, to: dates[dates.length - 1] ?? null };
}

export async function readTemplates(db: Connection): Promise<TemplateSet> {
  return mergeTemplates(await readSetting(db, TEMPLATES_SETTING));
}

export async function saveTemplates(db: Connection, templates: TemplateSet, actor: Actor): Promise<void> {
  const at = (actor.now ?? (() => new Date()))().toISOString();
  await db.withTransaction((tx) => writeSetting(tx, TEMPLATES_SETTING, mergeTemplates(templates), at));
}

export async function readNumberFormat(db: Connection): Promise<string> {
  const stored = await readSetting(db, NUMBER_FORMAT_SETTING);
  return stored === undefined ? DEFAULT_NUMBER_FORMAT : validateNumberFormat(stored);
}

export async function saveNumberFormat(db: Connection, format: string, actor: Actor): Promise<void> {
  const at = (actor.now ?? (() => new Date()))().toISOString();
  const valid = validateNumberFormat(format);
  await db.withTransaction((tx) => writeSetting(tx, NUMBER_FORMAT_SETTING, valid, at));
}

export async function createBulletin(db: Connection, input: CreateBulletinInput): Promise<Bulletin> {
  const now = (input.now ?? (() => new Date()))();
  const language = input.language ?? 'ja';
  const date = input.date ?? now.toISOString().slice(0, 10);
  if (!ISO_DATE.test(date)) throw new InvalidBulletinInputError(`date must be YYYY-MM-DD, got "${date}"`);
  if (input.classification && !CLASSIFICATIONS.includes(input.classification)) {
    throw new InvalidBulletinInputError(`classification must be one of ${CLASSIFICATIONS.join(', ')}`);
  }
  let itemIds = [...new Set(input.itemIds ?? [])];
  if (input.period) {
    if (!ISO_DATE.test(input.period.from) || !ISO_DATE.test(input.period.to)) {
      throw new InvalidBulletinInputError('a period is from/to YYYY-MM-DD');
    }
    itemIds = [...new Set([...itemIds, ...(await listItemIdsInPeriod(db, input.period.from, input.period.to))])];
  }
  if (itemIds.length === 0) throw new InvalidBulletinInputError('a bulletin covers at least one item');
  if (input.template === 'single' && itemIds.length !== 1) {
    throw new InvalidBulletinInputError(`a single notice covers exactly one item (got ${itemIds.length}); use the digest template`);
  }
  const sources = await readBulletinSources(db, itemIds);
  const templates = await readTemplates(db);
  const period = periodOf(input, sources);
  const first = sources[0];
  const values =
    input.template === 'single' && first ? composeSingle(first, language) : composeDigest(sources, period, language);
  const bodyMarkdown = fillPlaceholders(templates[input.template][language], values);
  const chart = input.template === 'digest' ? countCategories(sources) : null;
  const format = await readNumberFormat(db);
  const year = Number(date.slice(0, 4));
  const at = now.toISOString();
  const id = await db.withTransaction(async (tx) => {
    // The sequence is read inside the write transaction, so two drafts never get the same number.
    const sequence = await nextSequence(tx, year);
    const newId = await insertBulletin(tx, {
      number: formatBulletinNumber(format, year, sequence),
      year,
      sequence,
      version: 1,
      parentId: null,
      template: input.template,
      language,
      title: input.title ?? defaultTitle(input.template, sources, describePeriod(period.from, period.to, language), language),
      date,
      department: input.department ?? DEFAULT_DEPARTMENT[language],
      audience: input.audience ?? DEFAULT_AUDIENCE[language],
      classification: input.classification ?? '社内限り',
      bodyMarkdown,
      chart,
      state: 'draft',
      itemIds,
      createdAt: at,
      createdBy: input.by,
    });
    await appendBulletinChange(tx, newId, 'created', { template: input.template, itemIds, language }, at, input.by);
    return newId;
  });
  return getBulletin(db, id);
}

/** Edits a draft. Only the fields that change are written and recorded (from → to). */
export async function editBulletin(db: Connection, id: number, edit: BulletinEdit, actor: Actor): Promise<Bulletin> {
  if (edit.date !== undefined && !ISO_DATE.test(edit.date)) throw new InvalidBulletinInputError('date must be YYYY-MM-DD');
  if (edit.classification !== undefined && !CLASSIFICATIONS.includes(edit.classification)) {
    throw new InvalidBulletinInputError(`classification must be one of ${CLASSIFICATIONS.join(', ')}`);
  }
  return db.withTransaction(async (tx) => {
    const at = (actor.now ?? (() => new Date()))().toISOString();
    const b = await getBulletin(tx, id);
    if (b.state !== 'draft') throw new BulletinStateError(id, b.state, 'edit (only a draft can be edited)');
    const changed: BulletinEdit = {};
    const detail: Record<string, { from: string; to: string }> = {};
    for (const key of Object.keys(edit) as (keyof BulletinEdit)[]) {
      const to = edit[key];
      if (to === undefined || to === b[key]) continue;
      Object.assign(changed, { [key]: to });
      detail[key] = { from: b[key], to };
    }
    if (Object.keys(changed).length > 0) {
      await updateBulletinFields(tx, id, changed, at);
      await appendBulletinChange(tx, id, 'edited', detail, at, actor.by);
    }
    return getBulletin(tx, id);
  });
}

export async function approveBulletin(db: Connection, id: number, actor: Actor): Promise<Bulletin> {
  return transition(db, id, 'draft', 'approved', 'approved', actor);
}

/** Back to draft from approved, to edit again before issuing. */
export async function reopenBulletin(db: Connection, id: number, actor: Actor): Promise<Bulletin> {
  return transition(db, id, 'approved', 'draft', 'reopened', actor);
}

async function transition(db: Connection, id: number, from: BulletinState, to: BulletinState, action: 'approved' | 'reopened', actor: Actor): Promise<Bulletin> {
  return db.withTransaction(async (tx) => {
    const at = (actor.now ?? (() => new Date()))().toISOString();
    const b = await getBulletin(tx, id);
    if (b.state !== from) throw new BulletinStateError(id, b.state, action === 'approved' ? 'approve (only a draft)' : 'reopen (only an approved one)');
    await setBulletinState(tx, id, to, at);
    await appendBulletinChange(tx, id, action, {}, at, actor.by);
    return getBulletin(tx, id);
  });
}

export interface IssueResult {
  bulletin: Bulletin;
  artifact: IssuedArtifact;
  /** The covered items, for the caller to move to 周知済 (see markItemsNotified). */
  itemIds: number[];
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Issues an approved bulletin: renders its HTML and (with a printer) its PDF, keeps both with their
 * SHA-256 and a copy of the sources, and freezes the bulletin. Rendering happens before the write
 * transaction (a PDF takes about a second); the state is checked again inside it.
 */
export async function issueBulletin(db: Connection, id: number, printer: PdfRenderer | null, actor: Actor): Promise<IssueResult> {
  const before = await getBulletin(db, id);
  if (before.state !== 'approved') throw new BulletinStateError(id, before.state, 'issue (approve it first)');
  const html = Buffer.from(renderBulletinHtml(before, { runningLabel: true }), 'utf8');
  const pdf = printer ? await printer.renderPdf(renderBulletinHtml(before, { runningLabel: false }), renderPageFurniture(before)) : null;
  const sources = await readBulletinSources(db, before.itemIds);
  const at = (actor.now ?? (() => new Date()))().toISOString();
  const artifact: IssuedArtifact = {
    html,
    htmlSha256: sha256(html),
    pdf,
    pdfSha256: pdf ? sha256(pdf) : null,
    sources,
    issuedAt: at,
    issuedBy: actor.by,
  };
  await db.withTransaction(async (tx) => {
    const current = await getBulletin(tx, id);
    if (current.state !== 'approved' || current.updatedAt !== before.updatedAt) {
      throw new BulletinStateError(id, current.state, 'issue (it changed while printing; try again)');
    }
    await insertArtifact(tx, id, artifact);
    await setBulletinState(tx, id, 'issued', at);
    await appendBulletinChange(tx, id, 'issued', { htmlSha256: artifact.htmlSha256, pdfSha256: artifact.pdfSha256 }, at, actor.by);
  });
  return { bulletin: await getBulletin(db, id), artifact, itemIds: before.itemIds };
}

/**
 * Moves the items of an issued bulletin to 周知済 through the triage repository, so each move lands in
 * the item's status history. Dismissed items stay dismissed. Returns the ids that moved.
 */
export async function markItemsNotified(db: Connection, itemIds: readonly number[], actor: Actor): Promise<number[]> {
  const moved: number[] = [];
  for (const id of itemIds) {
    const status = await readItemStatus(db, id);
    if (status === null || status === 'dismissed' || status === 'notified') continue;
    await moveItem(db, id, 'notified', actor.by, actor.now);
    moved.push(id);
  }
  return moved;
}

/** A new draft version of an issued bulletin: same number, version + 1, parent = the issued one. */
export async function createNewVersion(db: Connection, id: number, actor: Actor): Promise<Bulletin> {
  const at = (actor.now ?? (() => new Date()))().toISOString();
  const newId = await db.withTransaction(async (tx) => {
    const parent = await getBulletin(tx, id);
    if (parent.state !== 'issued') throw new BulletinStateError(id, parent.state, 'make a new version (edit the draft instead)');
    const latest = await latestVersion(tx, parent.year, parent.sequence);
    if (latest !== parent.version) {
      throw new InvalidBulletinInputError(`bulletin ${parent.number} already has version ${latest}; make the new version from the latest`);
    }
    const created = await insertBulletin(tx, { ...parent, version: parent.version + 1, parentId: parent.id, state: 'draft', createdAt: at, createdBy: actor.by });
    await appendBulletinChange(tx, created, 'new_version', { parentId: parent.id, version: parent.version + 1 }, at, actor.by);
    return created;
  });
  return getBulletin(db, newId);
}

export { DEFAULT_TEMPLATES, getArtifact };
