// Runs the CSV reader over public parser suites (shared/corpora/csv, never copied into the project) and checks
// its parsing against expectations its authors did not write. The importer itself needs a title column and
// maps headers, so fidelity is judged on readCsvRows: the same decoding, delimiter detection and csv-parse
// options, without the header mapping. Nothing may crash anywhere: readCsvRecords reads every file as well.
// Run directly to print pass rates (add --verbose for each failure and each file not applicable):
//   npx tsx main/features/import/csv-conformance.ts ../shared/corpora
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCsvRecords } from './csv-records.js';
import { readCsvRows } from './csv-rows.js';
import type { CsvRows } from './csv-rows.js';
import { decodeText, NotTextFileError, UndecodableFileError } from './decode-text.js';

export interface SuiteResult {
  suite: string;
  /** Inputs the suite states an expectation for and this copy holds (csv-spectrum: CSV files; CSVW: manifest tests). */
  files: number;
  /** Thrown exceptions other than the reader's typed NotTextFileError / UndecodableFileError, over every CSV file. */
  crashes: number;
  checked: number;
  passed: number;
  notApplicable: number;
  failures: { file: string; reason: string }[];
  /** Why each not-applicable file was left unchecked. */
  skipped: { file: string; reason: string }[];
  /** Failures (with the importer's trimming) whose expectation holds when the cells are read untrimmed. */
  trimOnly: string[];
  notes: string[];
}

type Row = Record<string, string>;

type Read = { rows: CsvRows } | { refused: string } | { crash: string };

type Verdict = { pass: true } | { pass: false; reason: string; trimOnly?: boolean } | { notApplicable: string };

/** Accepts the corpora folder (holding `csv/`) or the `csv/` folder itself. */
export function runCsvConformance(corporaDir: string): SuiteResult[] {
  const nested = join(corporaDir, 'csv');
  const root = existsSync(join(nested, 'csv-spectrum')) || existsSync(join(nested, 'csvw')) ? nested : corporaDir;
  return [runCsvSpectrum(join(root, 'csv-spectrum')), runCsvw(join(root, 'csvw/tests'))];
}

function emptyResult(suite: string): SuiteResult {
  return { suite, files: 0, crashes: 0, checked: 0, passed: 0, notApplicable: 0, failures: [], skipped: [], trimOnly: [], notes: [] };
}

function record(result: SuiteResult, file: string, verdict: Verdict): void {
  if ('notApplicable' in verdict) {
    result.notApplicable++;
    result.skipped.push({ file, reason: verdict.notApplicable });
    return;
  }
  result.checked++;
  if (verdict.pass) {
    result.passed++;
    return;
  }
  result.failures.push({ file, reason: verdict.reason });
  if (verdict.trimOnly) result.trimOnly.push(file);
}

// ---------------------------------------------------------------------------------------------------------
// csv-spectrum: json/NAME.json holds the rows of csvs/NAME.csv, keyed by the header row.

function runCsvSpectrum(dir: string): SuiteResult {
  const result = emptyResult('csv-spectrum');
  const csvDir = join(dir, 'csvs');
  if (!existsSync(csvDir)) {
    result.notes.push(`suite not found at ${dir}`);
    return result;
  }
  sweepForCrashes(result, dir);
  for (const file of listFiles(csvDir, '.csv')) {
    const name = basename(file, '.csv');
    result.files++;
    const label = `csvs/${name}.csv`;
    const expectedFile = join(dir, 'json', `${name}.json`);
    if (!existsSync(expectedFile)) {
      record(result, label, { notApplicable: `no json/${name}.json` });
      continue;
    }
    record(result, label, judge(readFileSync(file), () => spectrumExpectation(expectedFile), spectrumRows));
  }
  return result;
}

function spectrumExpectation(expectedFile: string): Row[] | string {
  const parsed = parseJson(expectedFile);
  if (typeof parsed === 'string') return parsed;
  // One file holds a bare object rather than an array of one (max-mapper/csv-spectrum#22): it is one row.
  const rows = Array.isArray(parsed) ? parsed : [parsed];
  return rows.every(isStringRow) ? rows : 'the expected JSON is not a list of string-valued rows';
}

/** csv-spectrum keeps every cell, empty strings included. */
function spectrumRows(rows: string[][]): Row[] | string {
  return rowsAsObjects(rows, false);
}

// ---------------------------------------------------------------------------------------------------------
// CSVW: manifest-json.jsonld lists each test, its input, and the expected JSON or that it must fail.

interface ManifestEntry {
  id: string;
  type: string;
  name: string;
  action: string;
  result?: string;
  implicit?: string[];
  httpLink?: string;
  option?: { metadata?: string; minimal?: boolean };
}

function runCsvw(dir: string): SuiteResult {
  const result = emptyResult('csvw');
  const manifestFile = join(dir, 'manifest-json.jsonld');
  if (!existsSync(manifestFile)) {
    result.notes.push(`manifest not found at ${manifestFile}`);
    return result;
  }
  sweepForCrashes(result, dir);
  const manifest = parseJson(manifestFile) as { entries?: ManifestEntry[] } | string;
  const entries = typeof manifest === 'string' ? [] : (manifest.entries ?? []);
  let absent = 0;
  for (const entry of entries) {
    const id = entry.id.replace(/^.*#/, '');
    const actionPath = join(dir, entry.action.replace(/\?.*$/, ''));
    if (!existsSync(actionPath)) {
      absent++;
      continue;
    }
    result.files++;
    record(result, `${id} (${entry.action})`, judgeCsvwEntry(entry, dir, actionPath));
  }
  if (absent > 0) result.notes.push(`${absent} of ${entries.length} manifest tests have no input in this copy and are not counted`);
  return result;
}

function judgeCsvwEntry(entry: ManifestEntry, dir: string, actionPath: string): Verdict {
  const metadata = metadataSources(entry);
  const isCsv = extname(actionPath).toLowerCase() === '.csv';

  if (entry.type.endsWith('NegativeJsonTest')) {
    if (!isCsv || metadata.length > 0) {
      return {
        notApplicable:
          `must fail because of its metadata ("${entry.name}": ${metadata.join(', ') || basename(actionPath)}); ` +
          `the importer reads no metadata, and ${describeCsvInputs(entry, dir, actionPath)}`,
      };
    }
    const read = readRows(readFileSync(actionPath), true);
    if ('crash' in read) return { pass: false, reason: `CRASH ${read.crash}` };
    if ('refused' in read) return { pass: true };
    if (read.rows.errors.length > 0) return { pass: true };
    return { pass: false, reason: `must fail ("${entry.name}") but was read without error into ${read.rows.rows.length} rows` };
  }

  if (metadata.length > 0) {
    // Even where the metadata must end up ignored, finding it and deciding so is what the test is about.
    const what = /dialect/i.test(entry.name) ? 'a dialect test' : 'a metadata test';
    return {
      notApplicable:
        `${what} ("${entry.name}": ${metadata.join(', ')}); the importer reads no metadata, and ` +
        describeCsvInputs(entry, dir, actionPath),
    };
  }
  if (!isCsv) return { notApplicable: `the input ${entry.action} is not a CSV file` };
  if (entry.result === undefined) return { notApplicable: 'no expected result' };
  const expectedFile = join(dir, entry.result);
  if (!existsSync(expectedFile)) return { notApplicable: `expected ${entry.result} is not in this copy` };
  return judge(readFileSync(actionPath), () => csvwExpectation(expectedFile), csvwRows);
}

/** What, besides the CSV itself, decides this test's output: user, linked, located or input metadata. */
function metadataSources(entry: ManifestEntry): string[] {
  const sources: string[] = [];
  if (entry.option?.metadata !== undefined) sources.push(`user metadata ${entry.option.metadata}`);
  if (extname(entry.action.replace(/\?.*$/, '')).toLowerCase() === '.json') sources.push(`metadata input ${entry.action}`);
  if (entry.httpLink !== undefined) sources.push('metadata named by an HTTP Link header');
  for (const file of entry.implicit ?? []) {
    if (/\.json$/i.test(file) && file !== entry.option?.metadata) sources.push(`metadata file ${file}`);
  }
  return sources;
}

/** For a test outside our reach, still say how its CSV fared, so "not applicable" hides no parse error. */
function describeCsvInputs(entry: ManifestEntry, dir: string, actionPath: string): string {
  const inputs = new Set<string>();
  if (extname(actionPath).toLowerCase() === '.csv') inputs.add(actionPath);
  for (const file of entry.implicit ?? []) if (/\.csv$/i.test(file)) inputs.add(join(dir, file));
  for (const file of csvUrlsInMetadata(actionPath)) inputs.add(file);
  const described = [...inputs].filter(existsSync).map((file) => {
    const read = readRows(readFileSync(file), true);
    const name = relative(dir, file);
    if ('crash' in read) return `${name} crashed the reader`;
    if ('refused' in read) return `${name} was refused (${read.refused})`;
    const { rows, errors } = read.rows;
    return errors.length === 0
      ? `${name} reads without error (${rows.length} rows)`
      : `${name} reads with ${errors.length} error(s): ${errors[0]?.message ?? ''}`;
  });
  return described.length > 0 ? described.join('; ') : 'no CSV of it is in this copy';
}

function csvUrlsInMetadata(path: string): string[] {
  if (extname(path).toLowerCase() !== '.json') return [];
  const parsed = parseJson(path);
  if (typeof parsed !== 'object' || parsed === null) return [];
  const doc = parsed as { url?: unknown; tables?: { url?: unknown }[] };
  const urls = [doc.url, ...(Array.isArray(doc.tables) ? doc.tables.map((t) => t.url) : [])];
  return urls.filter((u): u is string => typeof u === 'string' && /\.csv$/i.test(u)).map((u) => join(dirname(path), u));
}

/**
 * The expected rows, when the expectation is plain rows: one table whose rows each describe one object of
 * strings (standard mode), or a list of such objects (minimal mode). Anything richer is metadata's doing.
 */
function csvwExpectation(expectedFile: string): Row[] | string {
  const parsed = parseJson(expectedFile);
  if (typeof parsed === 'string') return parsed;
  if (Array.isArray(parsed)) {
    return parsed.every(isStringRow) ? parsed : 'the expected objects hold more than string cells';
  }
  const tables = (parsed as { tables?: unknown }).tables;
  if (!Array.isArray(tables) || tables.length !== 1) return 'the expected JSON is not a single table';
  const table = tables[0] as Record<string, unknown>;
  const extraTableKeys = Object.keys(table).filter((k) => k !== 'url' && k !== 'row');
  if (extraTableKeys.length > 0) return `the expected table carries annotations (${extraTableKeys.join(', ')})`;
  const rows: Row[] = [];
  for (const row of (table.row as Record<string, unknown>[] | undefined) ?? []) {
    const extraRowKeys = Object.keys(row).filter((k) => k !== 'url' && k !== 'rownum' && k !== 'describes');
    const describes = row.describes;
    if (extraRowKeys.length > 0) return `expected rows carry annotations (${extraRowKeys.join(', ')})`;
    if (!Array.isArray(describes) || describes.length !== 1 || !isStringRow(describes[0])) {
      return 'expected rows describe more than one object of string cells';
    }
    rows.push(describes[0]);
  }
  return rows;
}

/** Without metadata a CSVW cell holding the empty string is null, and null cells are left out of the JSON. */
function csvwRows(rows: string[][]): Row[] | string {
  return rowsAsObjects(rows, true);
}

// ---------------------------------------------------------------------------------------------------------
// Shared judging.

/**
 * Reads the file as the importer would (trimmed) and compares the rows with the expectation. When they
 * differ, an untrimmed read tells whether trimming alone is to blame. An expected value that occurs nowhere
 * in the file cannot come from parsing it, so such cells are set aside: the file is not applicable when all
 * its other cells match, and a failure otherwise.
 */
function judge(bytes: Uint8Array, expectation: () => Row[] | string, toRows: (rows: string[][]) => Row[] | string): Verdict {
  const expected = expectation();
  if (typeof expected === 'string') return { notApplicable: `not expressible as rows: ${expected}` };

  const read = readRows(bytes, true);
  if ('crash' in read) return { pass: false, reason: `CRASH ${read.crash}` };
  if ('refused' in read) return { pass: false, reason: `refused: ${read.refused}` };

  const errors = read.rows.errors.map((e) => `line ${e.line ?? '?'}: ${e.message}`);
  const readerErrors = errors.length > 0 ? `reader errors: ${errors.join('; ')}` : null;
  const actual = toRows(read.rows.rows);
  const foreign = valuesNotInInput(bytes, expected);
  if (foreign.length > 0) {
    const shown = foreign.map((f) => `row ${f.row + 1} "${f.key}" = ${JSON.stringify(f.value)}`).join(', ');
    const rest = typeof actual === 'string' ? actual : compareRows(withoutCells(expected, foreign), withoutCells(actual, foreign));
    const contradiction = `the expectation contradicts its input (${shown} occurs nowhere in the file)`;
    // Only the impossible cells are set aside: a parse error in the rest of the file is still a failure.
    if (rest === null && readerErrors === null) return { notApplicable: `${contradiction}; every other cell matches` };
    const parts = [contradiction, rest === null ? null : `other cells: ${rest}`, readerErrors];
    return { pass: false, reason: parts.filter(Boolean).join('; ') };
  }

  const difference = typeof actual === 'string' ? actual : compareRows(expected, actual);
  if (difference === null && readerErrors === null) return { pass: true };
  const reason = [difference, readerErrors].filter(Boolean).join('; ');

  const untrimmed = readRows(bytes, false);
  if ('rows' in untrimmed && untrimmed.rows.errors.length === 0) {
    const raw = toRows(untrimmed.rows.rows);
    if (typeof raw !== 'string' && compareRows(expected, raw) === null) {
      return { pass: false, trimOnly: true, reason: `differs only by trimming (the untrimmed read matches): ${reason}` };
    }
  }
  return { pass: false, reason };
}

function readRows(bytes: Uint8Array, trim: boolean): Read {
  try {
    return { rows: readCsvRows(bytes, { trim }) };
  } catch (error) {
    if (error instanceof NotTextFileError || error instanceof UndecodableFileError) return { refused: error.message };
    return { crash: describeThrown(error) };
  }
}

/** Header row as keys, as both suites do; a row of another width cannot be keyed and is reported. */
function rowsAsObjects(rows: string[][], dropEmpty: boolean): Row[] | string {
  const [header = [], ...data] = rows;
  const objects: Row[] = [];
  for (const [i, cells] of data.entries()) {
    if (cells.length !== header.length) {
      return `data row ${i + 1} has ${cells.length} cells for ${header.length} headers: ${JSON.stringify(cells)}`;
    }
    objects.push(Object.fromEntries(header.flatMap((key, j) => (dropEmpty && cells[j] === '' ? [] : [[key, cells[j] ?? '']]))));
  }
  return objects;
}

function compareRows(expected: Row[], actual: Row[]): string | null {
  const problems: string[] = [];
  if (expected.length !== actual.length) problems.push(`expected ${expected.length} rows, got ${actual.length}`);
  for (let i = 0; i < Math.min(expected.length, actual.length) && problems.length < 5; i++) {
    const want = expected[i] ?? {};
    const got = actual[i] ?? {};
    for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
      if (want[key] !== got[key]) {
        problems.push(`row ${i + 1} "${key}": expected ${JSON.stringify(want[key])}, got ${JSON.stringify(got[key])}`);
      }
    }
  }
  return problems.length === 0 ? null : problems.join('; ');
}

interface ForeignValue {
  row: number;
  key: string;
  value: string;
}

function valuesNotInInput(bytes: Uint8Array, expected: Row[]): ForeignValue[] {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch {
    return [];
  }
  // Inside quotes a quote is doubled, so a value holding one appears in the file with "" in its place.
  const candidates = [text, text.replaceAll('""', '"')];
  return expected.flatMap((row, i) =>
    Object.entries(row)
      .filter(([, value]) => value !== '' && !candidates.some((c) => c.includes(value)))
      .map(([key, value]) => ({ row: i, key, value })),
  );
}

function withoutCells(rows: Row[], cells: readonly ForeignValue[]): Row[] {
  return rows.map((row, i) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => !cells.some((c) => c.row === i && c.key === key))),
  );
}

function isStringRow(value: unknown): value is Row {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
  );
}

function parseJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    return `${relative(dirname(dirname(path)), path)} is not readable JSON (${describeThrown(error)})`;
  }
}

/**
 * Every CSV file of the suite, expectation or not, goes through both readers, trimmed and untrimmed: only
 * the typed refusals may be thrown.
 */
function sweepForCrashes(result: SuiteResult, dir: string): void {
  for (const file of listFiles(dir, '.csv')) {
    const bytes = readFileSync(file);
    const readers: [string, () => unknown][] = [
      ['readCsvRecords', () => readCsvRecords(bytes)],
      ['readCsvRows', () => readCsvRows(bytes)],
      ['readCsvRows untrimmed', () => readCsvRows(bytes, { trim: false })],
    ];
    for (const [name, read] of readers) {
      try {
        read();
      } catch (error) {
        if (error instanceof NotTextFileError || error instanceof UndecodableFileError) continue;
        result.crashes++;
        result.failures.push({ file: relative(dir, file), reason: `CRASH in ${name}: ${describeThrown(error)}` });
      }
    }
  }
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listFiles(path, extension));
    else if (stat.isFile() && entry.toLowerCase().endsWith(extension)) out.push(path);
  }
  return out;
}

function describeThrown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function passRate(result: SuiteResult): number | null {
  return result.checked === 0 ? null : result.passed / result.checked;
}

function printReport(results: SuiteResult[], verbose: boolean): void {
  for (const r of results) {
    const rate = passRate(r);
    console.log(
      `${r.suite.padEnd(13)} files ${String(r.files).padStart(3)}  crashes ${r.crashes}  checked ${String(r.checked).padStart(3)}  ` +
        `passed ${String(r.passed).padStart(3)}  (${rate === null ? 'n/a' : `${(100 * rate).toFixed(1)}%`})  ` +
        `not applicable ${String(r.notApplicable).padStart(3)}  trim-only differences ${r.trimOnly.length}` +
        (r.notes.length > 0 ? `  [${r.notes.join('; ')}]` : ''),
    );
    if (!verbose) continue;
    for (const f of r.failures) console.log(`    FAIL ${f.file}: ${f.reason}`);
    for (const s of r.skipped) console.log(`    n/a  ${s.file}: ${s.reason}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '../shared/corpora';
  const results = runCsvConformance(resolve(dir));
  printReport(results, process.argv.includes('--verbose'));
  if (results.some((r) => r.crashes > 0)) process.exitCode = 1;
  if (results.every((r) => r.files === 0)) {
    console.error(`no CSV corpus found under ${resolve(dir)}`);
    process.exitCode = 1;
  }
}
