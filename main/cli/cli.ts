// `npm run cli -- import …` / `export …`: the command-line contract of domain.md. Its JSON output is
// relied on by scripts outside the app; keep it stable and documented in the README.
//
// Exit codes: 0 everything imported/exported; 1 the import finished but some records or files failed
// (see "errors"); 2 usage error or the database could not be opened; 130 cancelled with Ctrl+C.
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ImportSummary } from '../../shared/domain/item.js';
import { defaultDatabasePath } from '../db/default-database-path.js';
import { describeOpenError } from '../db/describe-open-error.js';
import { openDatabase } from '../db/open-database.js';
import type { Connection } from '../db/database.js';
import { findItemsLosingTextInCp932, formatItemsAsCsv } from '../features/export/csv-export.js';
import { listExportedItems } from '../features/export/export-repository.js';
import { defaultExtractor } from '../features/facts/default-extractor.js';
import { refreshStaleFacts } from '../features/facts/facts-repository.js';
import { syncSearchIndex } from '../features/search/search-index-repository.js';
import { importFiles, type ImportProgress } from '../features/import/import-files.js';
import { currentActor } from '../services.js';
import { BULLETIN_USAGE, runBulletinCommand } from './bulletin-command.js';
import { HISTORY_USAGE, HistoryUsageError, runHistoryCommand } from './history-command.js';
import { collectImportFiles } from './collect-files.js';

const USAGE = `Triage Desk command line

  npm run cli -- import <file|folder…> [--db PATH] [--json]
  npm run cli -- export --format json|csv [--encoding utf-8|cp932] [--out FILE] [--db PATH]
${BULLETIN_USAGE}
${HISTORY_USAGE}

The database defaults to ${defaultDatabasePath()} (TRIAGE_DESK_DB overrides it).
Exit codes: 0 done; 1 done, but some records or files failed; 2 usage or database error;\n130 cancelled (Ctrl+C): the file being imported was rolled back, earlier files stay.`;

class UsageError extends Error {}

async function withDatabase<T>(path: string, work: (db: Connection) => Promise<T>): Promise<T> {
  let db: Connection;
  try {
    db = await openDatabase(path);
  } catch (error) {
    throw new UsageError(describeOpenError(error, path));
  }
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

function printSummary(summary: ImportSummary, json: boolean): void {
  if (json) {
    // The contract's error shape exactly: the header row the app uses for its mapping step stays out.
    const errors = summary.errors.map(({ file, line, message }) => ({ file, line, message }));
    process.stdout.write(`${JSON.stringify({ ...summary, errors })}\n`);
    return;
  }
  process.stdout.write(
    `imported ${summary.imported}, duplicates ${summary.duplicates}, updated ${summary.updated}, failed ${summary.failed}\n`,
  );
  for (const e of summary.errors) {
    process.stdout.write(`  ${e.file}${e.line === null ? '' : `:${e.line}`}: ${e.message}\n`);
    if (e.headers) process.stdout.write('    map these columns once in the app (取り込み結果 → 列を対応付ける); the mapping is remembered for this header row\n');
  }
}

/** Progress on stderr, so stdout stays the summary (and the JSON) alone. */
function reportProgress(p: ImportProgress): void {
  const file = `[${p.fileIndex + 1}/${p.fileCount}] ${p.fileName}`;
  if (process.stderr.isTTY) {
    const read = p.bytesTotal ? ` (${Math.round(((p.bytesDone ?? 0) * 100) / p.bytesTotal)}% read)` : '';
    const detail = p.phase === 'reading' ? 'reading…' : `${p.recordsDone} records${p.phase === 'done' ? '' : read}`;
    process.stderr.write(`\r\x1b[K${file}: ${detail}`);
  } else if (p.phase === 'done') {
    process.stderr.write(`${file}: ${p.recordCount} records\n`);
  }
}

/** Reads the facts of new and changed items (the app does this in the background; the CLI waits). */
async function readFacts(db: Connection, signal?: AbortSignal): Promise<void> {
  await refreshStaleFacts(db, defaultExtractor, {
    signal,
    batchSize: 500,
    onProgress: ({ done, total }) => {
      if (total > 0 && process.stderr.isTTY) process.stderr.write(`\r\x1b[Kreading facts: ${done}/${total}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one file or folder');
  const { files, errors } = collectImportFiles(positionals);
  // Ctrl+C cancels: the file being imported is rolled back whole, files already imported stay.
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const summary = await withDatabase(values.db ?? defaultDatabasePath(), async (db) => {
    const result = await importFiles(
      db,
      // By path: the parser process reads each file in chunks, so a file of any size is never held whole.
      files.map((path) => ({ name: basename(path), path })),
      { actor: currentActor(), signal: controller.signal, onProgress: reportProgress },
    );
    await syncSearchIndex(db);
    await readFacts(db, controller.signal);
    return result;
  }).finally(() => process.off('SIGINT', onInterrupt));
  if (process.stderr.isTTY) process.stderr.write('\n');
  summary.errors.unshift(...errors);
  summary.failed += errors.length;
  printSummary(summary, values.json);
  if (controller.signal.aborted) return 130;
  return summary.errors.length > 0 ? 1 : 0;
}

/** Writes beside the target and renames, so an interrupted export never leaves half a file under its name. */
function writeFileAtomically(path: string, data: Uint8Array | string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, data);
  renameSync(temp, path);
}

async function runExport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      format: { type: 'string' },
      encoding: { type: 'string', default: 'utf-8' },
      out: { type: 'string' },
    },
  });
  if (values.format !== 'json' && values.format !== 'csv') throw new UsageError('--format must be json or csv');
  if (values.encoding !== 'utf-8' && values.encoding !== 'cp932') throw new UsageError('--encoding must be utf-8 or cp932');
  const encoding = values.encoding;
  // Facts of items imported by an older version are read first, so the export always carries them.
  const items = await withDatabase(values.db ?? defaultDatabasePath(), async (db) => {
    await readFacts(db);
    return listExportedItems(db);
  });
  const data = values.format === 'json' ? `${JSON.stringify(items, null, 2)}\n` : formatItemsAsCsv(items, encoding);
  if (values.format === 'csv' && encoding === 'cp932') {
    const lossy = findItemsLosingTextInCp932(items);
    if (lossy.length > 0) {
      process.stderr.write(
        `warning: ${lossy.length} item(s) contain characters CP932 cannot hold; they are written as '?' ` +
          `(ids ${lossy.slice(0, 20).join(', ')}${lossy.length > 20 ? ', …' : ''}). Export UTF-8 to keep them.\n`,
      );
    }
  }
  if (values.out) writeFileAtomically(values.out, data);
  else process.stdout.write(data);
  return 0;
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'import') return await runImport(rest);
    if (command === 'export') return await runExport(rest);
    if (command === 'bulletin') return await runBulletinCommand(rest, currentActor());
    if (command === 'history') return await runHistoryCommand(rest);
    if (command === undefined || command === 'help' || command === '--help') {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const isUsage = error instanceof UsageError || error instanceof HistoryUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`triage-desk: ${message}\n${isUsage ? 'Run `npm run cli -- help` for usage.\n' : ''}`);
    return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
