// The one contract between renderer and main. Each channel declares its input schema and its output type
// once; the handler table (main/handlers.ts), the preload, the HTTP shell and the renderer's API are all
// typed from this map, so a payload is never declared twice.
import { z } from 'zod';
import { BoardQuerySchema, type BoardCard } from '../domain/board-query.js';
import { CORRECTABLE_FIELDS, CORRECTION_SCHEMAS, type CorrectableField, type ItemFactsView } from '../domain/corrections.js';
import { COLUMN_CHOICES, type ImportRecord, type UndoImportResult } from '../domain/import-record.js';
import { RelevanceProfileSchema, type StoredProfile } from '../domain/relevance.js';
import type { CardSummary, ImportSummary, ItemDetail, StatusChange } from '../domain/item.js';
import { STATUSES, type Status } from '../domain/vocabulary.js';
import { bulletinChannels } from './bulletins-contract.js';
import { searchChannels } from './search-contract.js';
import { bulkChannels } from './bulk-contract.js';
import { annotationChannels } from './annotations-contract.js';
import { call } from './call.js';
import type { ChannelName } from './channels.js';
import type { CallResult } from './result.js';

const ItemId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Files travel as base64 so one payload shape works over IPC and over HTTP/JSON alike. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;
const ImportFile = z.strictObject({
  name: z.string().min(1).max(255),
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
});

export interface BoardColumn {
  status: Status;
  /** Items of this column that match the query. */
  count: number;
  cards: BoardCard[];
}

export interface BoardSnapshot {
  columns: BoardColumn[];
  /** Items in the database, whatever the query. */
  total: number;
  /** Items that match the query, all columns. */
  matching: number;
}

export interface AppInfo {
  version: string;
  databasePath: string;
  transport: 'electron' | 'http';
}

const NoInput = z.strictObject({});
/** The board's query (text, filters, sort: shared/domain/board-query.ts) and the cards per column. */
const BoardLoadInput = BoardQuerySchema.extend({ limitPerColumn: z.number().int().min(1).max(500).default(200) });
const ItemRef = z.strictObject({ id: ItemId });
const MoveInput = z.strictObject({ id: ItemId, to: z.enum(STATUSES) });
/** Chosen by the renderer so it can follow and cancel its own import while the call is running. */
const JobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
/** A file the browser shell's page uploaded as raw bytes first (POST /api/upload), named by its upload id. */
const UploadedFile = z.strictObject({ name: z.string().min(1).max(255), uploadId: z.string().regex(/^[0-9a-f]{32}$/) });
const ImportFilesInput = z.strictObject({ files: z.array(z.union([ImportFile, UploadedFile])).min(1).max(50), jobId: JobId.optional() });
const ImportDemoInput = z.strictObject({ jobId: JobId.optional() });
/** Text pasted from a page; 8 M characters is far beyond any article list an officer would paste. */
const ImportTextInput = z.strictObject({ text: z.string().min(1).max(8 * 1024 * 1024), jobId: JobId.optional() });
const ImportCancelInput = z.strictObject({ jobId: JobId });
const ImportsListInput = z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) });
const ImportRef = z.strictObject({ id: ItemId });
/** The officer's choice per column for a CSV header row the importer did not recognise (remembered). */
const MapColumnsInput = z
  .strictObject({
    headers: z.array(z.string().max(200)).min(1).max(200),
    choices: z.array(z.enum(COLUMN_CHOICES).nullable()).min(1).max(200),
  })
  .refine((input) => input.headers.length === input.choices.length, { message: 'one choice per column', path: ['choices'] })
  .refine((input) => input.choices.filter((c) => c === 'title').length === 1, { message: 'exactly one title column', path: ['choices'] });
const LinkInput = z.strictObject({ url: z.string().min(1).max(4096) });
/**
 * One fact corrected by the officer. `value` is checked against the field's own schema; leaving it out
 * clears the correction and brings the extractor's suggestion back.
 */
const CorrectInput = z
  .strictObject({ id: ItemId, field: z.enum(CORRECTABLE_FIELDS as [CorrectableField, ...CorrectableField[]]), value: z.unknown().optional() })
  .superRefine((input, ctx) => {
    if (input.value === undefined) return;
    const parsed = CORRECTION_SCHEMAS[input.field].safeParse(input.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
    }
  });

export const contract = {
  'app.info': call<AppInfo>()(NoInput),
  'board.load': call<BoardSnapshot>()(BoardLoadInput),
  'items.get': call<ItemDetail>()(ItemRef),
  'items.move': call<{ item: CardSummary; change: StatusChange | null }>()(MoveInput),
  'import.files': call<ImportSummary>()(ImportFilesInput),
  'import.demo': call<ImportSummary>()(ImportDemoInput),
  'import.text': call<ImportSummary>()(ImportTextInput),
  'import.cancel': call<{ cancelled: boolean }>()(ImportCancelInput),
  'imports.list': call<ImportRecord[]>()(ImportsListInput),
  'imports.undo': call<UndoImportResult>()(ImportRef),
  'import.mapColumns': call<{ saved: true }>()(MapColumnsInput),
  'items.correct': call<ItemFactsView>()(CorrectInput),
  'profile.get': call<StoredProfile>()(NoInput),
  'profile.save': call<StoredProfile>()(z.strictObject({ profile: RelevanceProfileSchema })),
  'links.open': call<{ opened: boolean; url: string }>()(LinkInput),
  ...bulletinChannels,
  ...searchChannels,
  ...bulkChannels,
  ...annotationChannels,
} satisfies Record<ChannelName, { input: z.ZodType; output: unknown }>;

export type Channel = keyof typeof contract;
/** What the caller may send (defaults optional). */
export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>;
/** What the handler receives after validation (defaults filled in). */
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Output<C extends Channel> = (typeof contract)[C]['output'];

/** The API the renderer sees, whichever transport carries it. */
export type TriageApi = { [C in Channel]: (input: Input<C>) => Promise<CallResult<Output<C>>> };
