// `npm run cli -- bulletin …`: drafts a bulletin from items or a period and writes it as PDF or HTML;
// with --issue also approves and issues it (kept in the database with its sources) and moves its items
// to 周知済. Exit codes as the other commands: 0 done, 1 failed (e.g. no Chromium for the PDF), 2 usage
// or database error.
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDatabasePath } from '../db/default-database-path.js';
import { describeOpenError } from '../db/describe-open-error.js';
import type { Connection } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import {
  approveBulletin,
  createBulletin,
  InvalidBulletinInputError,
  issueBulletin,
  markItemsNotified,
} from '../features/bulletins/bulletin-service.js';
import { CLASSIFICATIONS, type Bulletin, type Classification } from '../features/bulletins/bulletin-types.js';
import { ChromiumNotFoundError, createChromiumPdfRenderer, findChromium, type PdfRenderer } from '../features/bulletins/pdf-renderer.js';
import { renderBulletinHtml, renderPageFurniture } from '../features/bulletins/render-bulletin-html.js';
import { EXTRACTOR_VERSION, extractFacts } from '../features/extract/extract-facts.js';
import { refreshStaleFacts } from '../features/facts/facts-repository.js';
import { ItemNotFoundError } from '../features/triage/item-not-found-error.js';

export const BULLETIN_USAGE =
  '  npm run cli -- bulletin (--items ID[,ID…] | --from YYYY-MM-DD --to YYYY-MM-DD) [--template single|digest]\n' +
  '                         [--lang ja|en] [--title T] [--date YYYY-MM-DD] [--classification 社外秘|社内限り|公開]\n' +
  '                         [--out FILE.pdf|FILE.html] [--issue] [--json] [--db PATH]';

class BulletinUsageError extends Error {}

interface Options {
  itemIds: number[];
  period: { from: string; to: string } | undefined;
  template: 'single' | 'digest';
  language: 'ja' | 'en';
  title: string | undefined;
  date: string | undefined;
  classification: Classification | undefined;
  out: string | undefined;
  issue: boolean;
  json: boolean;
  db: string;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      items: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      template: { type: 'string' },
      lang: { type: 'string', default: 'ja' },
      title: { type: 'string' },
      date: { type: 'string' },
      classification: { type: 'string' },
      out: { type: 'string' },
      issue: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const itemIds = (values.items ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (!/^\d+$/.test(s)) throw new BulletinUsageError(`--items takes item ids separated by commas, got "${s}"`);
      return Number(s);
    });
  if ((values.from === undefined) !== (values.to === undefined)) throw new BulletinUsageError('--from and --to go together');
  const period = values.from && values.to ? { from: values.from, to: values.to } : undefined;
  if (itemIds.length === 0 && !period) throw new BulletinUsageError('bulletin needs --items ID[,ID…] or --from/--to');
  const template = values.template ?? (itemIds.length === 1 && !period ? 'single' : 'digest');
  if (template !== 'single' && template !== 'digest') throw new BulletinUsageError('--template must be single or digest');
  if (values.lang !== 'ja' && values.lang !== 'en') throw new BulletinUsageError('--lang must be ja or en');
  if (values.classification !== undefined && !(CLASSIFICATIONS as readonly string[]).includes(values.classification)) {
    throw new BulletinUsageError(`--classification must be one of ${CLASSIFICATIONS.join(', ')}`);
  }
  if (values.out !== undefined && !['.pdf', '.html', '.htm'].includes(extname(values.out).toLowerCase())) {
    throw new BulletinUsageError('--out must end in .pdf or .html');
  }
  return {
    itemIds,
    period,
    template,
    language: values.lang,
    title: values.title,
    date: values.date,
    classification: values.classification as Classification | undefined,
    out: values.out,
    issue: values.issue,
    json: values.json,
    db: values.db ?? defaultDatabasePath(),
  };
}

/** Writes beside the target and renames, so an interrupted run never leaves half a file under its name. */
function writeFileAtomically(path: string, data: Uint8Array | string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, path);
}

async function withPrinter<T>(needed: boolean, work: (printer: PdfRenderer | null) => Promise<T>): Promise<T> {
  const printer = needed ? await createChromiumPdfRenderer() : null;
  try {
    return await work(printer);
  } finally {
    await printer?.close();
  }
}

async function draftAndWrite(db: Connection, o: Options, by: string) {
  const wantsPdf = o.out !== undefined && extname(o.out).toLowerCase() === '.pdf';
  // Issuing keeps a PDF wherever Chromium exists, and the HTML alone where it does not (said on stderr).
  const printerNeeded = wantsPdf || (o.issue && findChromium() !== null);
  if (o.issue && !printerNeeded) process.stderr.write('warning: no Chromium found; the bulletin is issued with its HTML only\n');
  // The printer starts first: a missing Chromium fails before anything is written to the database.
  return withPrinter(printerNeeded, async (printer) => {
    // Facts of new or changed items first, so the draft is filled from them (the app does this in the background).
    await refreshStaleFacts(db, { version: EXTRACTOR_VERSION, extract: extractFacts }, { batchSize: 500 });
    let bulletin: Bulletin = await createBulletin(db, {
      template: o.template,
      itemIds: o.itemIds,
      period: o.period,
      language: o.language,
      title: o.title,
      date: o.date,
      classification: o.classification,
      by,
    });
    let notified: number[] = [];
    let pdf: Buffer | null = null;
    if (o.issue) {
      await approveBulletin(db, bulletin.id, { by });
      const issued = await issueBulletin(db, bulletin.id, printer, { by });
      bulletin = issued.bulletin;
      pdf = issued.artifact.pdf;
      notified = await markItemsNotified(db, issued.itemIds, { by });
    }
    if (o.out) {
      if (wantsPdf && printer) {
        pdf ??= await printer.renderPdf(renderBulletinHtml(bulletin, { runningLabel: false }), renderPageFurniture(bulletin));
        writeFileAtomically(o.out, pdf);
      } else {
        writeFileAtomically(o.out, renderBulletinHtml(bulletin, { runningLabel: true }));
      }
    }
    return { bulletin, notified };
  });
}

export async function runBulletinCommand(args: string[], by: string): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(args);
  } catch (error) {
    return fail(error, 2, true);
  }
  let db: Connection;
  try {
    db = await openDatabase(options.db);
  } catch (error) {
    return fail(new Error(describeOpenError(error, options.db)), 2, false);
  }
  try {
    const { bulletin, notified } = await draftAndWrite(db, options, by);
    const summary = {
      id: bulletin.id,
      number: bulletin.number,
      version: bulletin.version,
      state: bulletin.state,
      template: bulletin.template,
      title: bulletin.title,
      items: bulletin.itemIds,
      notified,
      out: options.out ?? null,
    };
    process.stdout.write(
      options.json
        ? `${JSON.stringify(summary)}\n`
        : `${summary.number} ${summary.state}: ${summary.title} (${summary.items.length} item(s))${summary.out ? ` → ${summary.out}` : ''}\n`,
    );
    return 0;
  } catch (error) {
    const usage = error instanceof InvalidBulletinInputError || error instanceof ItemNotFoundError;
    return fail(error, usage ? 2 : 1, usage && !(error instanceof ItemNotFoundError));
  } finally {
    await db.close();
  }
}

function fail(error: unknown, code: number, hint: boolean): number {
  const message = error instanceof Error ? error.message : String(error);
  const isParse = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false;
  process.stderr.write(`triage-desk: ${message}\n${hint || isParse ? 'Run `npm run cli -- help` for usage.\n' : ''}`);
  return error instanceof ChromiumNotFoundError ? 1 : code;
}
