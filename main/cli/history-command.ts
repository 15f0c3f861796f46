// `npm run cli -- history …`: the full history of changes (status, corrected facts, notes, tags, related
// items: who, when, from → to) as ISMS evidence, for one item or all, optionally within a period, as CSV
// for Japanese Excel (UTF-8 with BOM, formula cells neutralised) or JSON. Exit codes as the other
// commands: 0 done, 2 usage error, unknown item or database error.
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { contract } from '../../shared/ipc/contract.js';
import { defaultDatabasePath } from '../db/default-database-path.js';
import { describeOpenError } from '../db/describe-open-error.js';
import type { Connection } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { historyFile } from '../features/annotations/history-export.js';
import { listHistory } from '../features/annotations/history-repository.js';
import { ItemNotFoundError } from '../features/triage/item-not-found-error.js';

export const HISTORY_USAGE =
  '  npm run cli -- history [--item ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --format csv|json [--out FILE] [--db PATH]';

/** A message for stderr and exit code 2, as every usage error of the command line. */
export class HistoryUsageError extends Error {}

function parseOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      item: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.format !== 'csv' && values.format !== 'json') throw new HistoryUsageError('--format must be csv or json');
  if (values.item !== undefined && !/^[1-9]\d{0,15}$/.test(values.item)) throw new HistoryUsageError(`--item takes an item id, got "${values.item}"`);
  // The app's own channel schema checks the dates and the period, so the two doors accept the same input.
  const parsed = contract['history.export'].input.safeParse({
    itemId: values.item === undefined ? undefined : Number(values.item),
    from: values.from,
    to: values.to,
    format: values.format,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HistoryUsageError(`--${String(issue?.path[0] ?? 'input').replace('itemId', 'item')}: ${issue?.message ?? 'invalid'}`);
  }
  return { ...parsed.data, out: values.out, db: values.db ?? defaultDatabasePath() };
}

/** Writes beside the target and renames, so an interrupted export never leaves half a file under its name. */
function writeFileAtomically(path: string, data: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, path);
}

export async function runHistoryCommand(args: string[]): Promise<number> {
  const options = parseOptions(args);
  let db: Connection;
  try {
    db = await openDatabase(options.db);
  } catch (error) {
    throw new HistoryUsageError(describeOpenError(error, options.db));
  }
  try {
    const scope = { itemId: options.itemId, from: options.from, to: options.to };
    const file = historyFile(await listHistory(db, scope), options.format, scope);
    if (options.out) {
      writeFileAtomically(options.out, file.text);
      process.stderr.write(`${file.rows} history rows written to ${options.out}\n`);
    } else {
      process.stdout.write(file.text);
    }
    return 0;
  } catch (error) {
    if (error instanceof ItemNotFoundError) throw new HistoryUsageError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}
