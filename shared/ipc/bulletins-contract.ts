// The bulletin channels (issue #6), spread into the contract by contract.ts. Inputs are strict: no extra
// keys, bounded strings, dates as YYYY-MM-DD that exist, ids as safe positive integers.
import { z } from 'zod';
import {
  BULLETIN_LANGUAGES,
  BULLETIN_TEMPLATES,
  CLASSIFICATIONS,
  type Bulletin,
  type BulletinCoverage,
  type BulletinSettings,
  type BulletinView,
} from '../domain/bulletins.js';
import { call } from './call.js';

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A calendar date that exists (2023-02-30 does not), as the bulletin prints it. */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'no such date');

/** Single-line fields: no control characters (a title with a newline or NUL would print badly). */
const Line = (max: number) => z.string().max(max).regex(/^[^\p{Cc}]*$/u, 'no control characters');
/** A body of about 60 printed pages is far beyond any notice; the cap keeps one call's payload bounded. */
export const MAX_BULLETIN_BODY = 200_000;

const BulletinFields = {
  title: Line(300).min(1).optional(),
  date: IsoDate.optional(),
  department: Line(200).optional(),
  audience: Line(200).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  bodyMarkdown: z.string().max(MAX_BULLETIN_BODY).optional(),
};

const BulletinRef = z.strictObject({ id: Id });
const ListInput = z.strictObject({ search: z.string().max(200).default(''), limit: z.number().int().min(1).max(500).default(100) });
const CreateInput = z
  .strictObject({
    template: z.enum(BULLETIN_TEMPLATES),
    itemIds: z.array(Id).min(1).max(500).optional(),
    period: z.strictObject({ from: IsoDate, to: IsoDate }).optional(),
    language: z.enum(BULLETIN_LANGUAGES).optional(),
  })
  .refine((i) => i.itemIds !== undefined || i.period !== undefined, 'give itemIds or a period')
  .refine((i) => !i.period || i.period.from <= i.period.to, 'a period ends on or after its start')
  .refine((i) => i.template !== 'single' || (i.itemIds?.length === 1 && !i.period), 'a single notice covers exactly one item');
const EditInput = z.strictObject({ id: Id, ...BulletinFields });
/** Unsaved edits laid over the stored bulletin, so the preview follows the editor as the officer types. */
const PreviewInput = z.strictObject({ id: Id, draft: z.strictObject(BulletinFields).optional() });
const IssueInput = z.strictObject({ id: Id, markNotified: z.boolean() });
const ForItemInput = z.strictObject({ itemId: Id });
const MAX_TEMPLATE = 50_000;
const TemplateTexts = z.strictObject({ ja: z.string().min(1).max(MAX_TEMPLATE), en: z.string().min(1).max(MAX_TEMPLATE) });
const SettingsInput = z.strictObject({
  templates: z.strictObject({ single: TemplateTexts, digest: TemplateTexts }).optional(),
  numberFormat: Line(60).regex(/\{N+\}/, 'the format needs a sequence token {N…}, e.g. SEC-{YYYY}-{NNN}').optional(),
});

export interface IssueOutcome {
  bulletin: Bulletin;
  /** The covered items moved to 周知済 (empty unless asked; dismissed items stay). */
  movedItemIds: number[];
}

export interface BulletinPdf {
  fileName: string;
  /** The PDF bytes; base64 so one payload shape works over IPC and HTTP/JSON. */
  contentBase64: string;
  /** True when these are the bytes kept at issue (what was distributed), not a fresh print. */
  kept: boolean;
}

export const bulletinChannels = {
  'bulletins.list': call<Bulletin[]>()(ListInput),
  'bulletins.get': call<BulletinView>()(BulletinRef),
  'bulletins.create': call<Bulletin>()(CreateInput),
  'bulletins.edit': call<Bulletin>()(EditInput),
  'bulletins.approve': call<Bulletin>()(BulletinRef),
  'bulletins.reopen': call<Bulletin>()(BulletinRef),
  'bulletins.issue': call<IssueOutcome>()(IssueInput),
  'bulletins.newVersion': call<Bulletin>()(BulletinRef),
  'bulletins.preview': call<{ html: string }>()(PreviewInput),
  'bulletins.pdf': call<BulletinPdf>()(BulletinRef),
  /** The desktop app's system print dialog (webContents.print); the browser shell prints the PDF instead. */
  'bulletins.print': call<{ printed: boolean }>()(BulletinRef),
  'bulletins.forItem': call<BulletinCoverage[]>()(ForItemInput),
  'bulletins.settings': call<BulletinSettings>()(z.strictObject({})),
  'bulletins.saveSettings': call<BulletinSettings>()(SettingsInput),
} as const;
