// Runs the feed reader over public parser suites (shared/corpora, never copied into the project) and checks it
// against expectations its authors did not write: nothing may crash anywhere, and where a suite states a title,
// link or publication date our records carry, ours must agree. Run directly to print pass rates:
//   npx tsx main/features/import/feeds/feed-conformance.ts ../shared/corpora
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotTextFileError, UndecodableFileError } from '../decode-text.js';
import { FeedReadError, readFeedRecords } from './feed-records.js';
import type { FeedReadResult } from './feed-records.js';
import { readExpectHeader, readFieldExpectations } from './feedparser-expect.js';
import type { FieldExpectation } from './feedparser-expect.js';
import { htmlToText, toOneLine } from './html-text.js';

export interface ConformanceResult {
  suite: string;
  files: number;
  /** Files where the reader threw anything but its own typed errors: always a bug. */
  crashes: number;
  /** Files with at least one applicable check, and those whose checks all held. */
  checked: number;
  passed: number;
  /** Files the reader refused with a typed error (not a feed, undecodable, not text). */
  refused: number;
  failures: { file: string; message: string }[];
}

type Outcome = { result: FeedReadResult } | { refused: string } | { crash: string };

interface Check {
  what: string;
  expected: string | null;
  actual: (result: FeedReadResult) => string | null;
  /** Titles: feedparser keeps a title's markup where we keep its visible text, so either form agrees. */
  lenient?: boolean;
}

export function runFeedConformance(corporaDir: string): ConformanceResult[] {
  const feedparser = join(corporaDir, 'feeds/feedparser/tests');
  const gofeed = join(corporaDir, 'feeds/gofeed/testdata/translator');
  return [
    runSuite('feedparser/wellformed', join(feedparser, 'wellformed'), corporaDir, feedparserChecks),
    runSuite('feedparser/illformed', join(feedparser, 'illformed'), corporaDir, feedparserChecks),
    runSuite('feedparser/encoding', join(feedparser, 'encoding'), corporaDir, feedparserChecks),
    runSuite('gofeed/translator', gofeed, corporaDir, gofeedChecks, (file) => !file.includes('/json/')),
  ];
}

function runSuite(
  suite: string,
  dir: string,
  root: string,
  checksFor: (file: string, bytes: Uint8Array) => Check[],
  include: (file: string) => boolean = () => true,
): ConformanceResult {
  const result: ConformanceResult = { suite, files: 0, crashes: 0, checked: 0, passed: 0, refused: 0, failures: [] };
  const files = listXmlFiles(dir).filter(include);
  for (const file of files) {
    const name = relative(root, file);
    const bytes = readFileSync(file);
    result.files++;
    const outcome = readSafely(bytes);
    if ('crash' in outcome) {
      result.crashes++;
      result.failures.push({ file: name, message: `CRASH ${outcome.crash}` });
      continue;
    }
    if ('refused' in outcome) result.refused++;
    const checks = checksFor(file, bytes);
    if (checks.length === 0) continue;
    result.checked++;
    const failed = checks.map((check) => describeFailure(check, outcome)).filter((m): m is string => m !== null);
    if (failed.length === 0) result.passed++;
    else result.failures.push({ file: name, message: failed.join('; ') });
  }
  return result;
}

function readSafely(bytes: Uint8Array): Outcome {
  try {
    return { result: readFeedRecords(bytes) };
  } catch (error) {
    if (error instanceof FeedReadError || error instanceof NotTextFileError || error instanceof UndecodableFileError) {
      return { refused: error.message };
    }
    return { crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function describeFailure(check: Check, outcome: Outcome): string | null {
  if ('refused' in outcome) return `${check.what}: refused (${outcome.refused})`;
  if ('crash' in outcome) return `${check.what}: crash`;
  const actual = check.actual(outcome.result);
  const expected = check.expected;
  if (actual === expected) return null;
  if (check.lenient && expected !== null && actual !== null && (actual === toOneLine(expected) || actual === visibleText(expected))) {
    return null;
  }
  return `${check.what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

function visibleText(html: string): string {
  return toOneLine(htmlToText(html).text);
}

function feedparserChecks(_file: string, bytes: Uint8Array): Check[] {
  const { expression } = readExpectHeader(Buffer.from(bytes).toString('latin1'));
  if (expression === null) return [];
  // The header is ASCII, but its string literals may hold UTF-8 (a few files state non-ASCII titles).
  const utf8 = readExpectHeader(new TextDecoder().decode(bytes)).expression ?? expression;
  return readFieldExpectations(utf8).map(toFeedparserCheck);
}

function toFeedparserCheck(e: FieldExpectation): Check {
  const what = e.target === 'feed' ? `feed.${e.field}` : `entries[${e.target}].${e.field}`;
  return {
    what,
    expected: e.value,
    lenient: e.field === 'title',
    actual: (r) => {
      if (e.target === 'feed') return e.field === 'title' ? r.feedTitle : null;
      const record = r.records[e.target];
      if (record === undefined) return null;
      return e.field === 'title' ? record.title : (record.sourceUrl ?? record.extra.link ?? null);
    },
  };
}

interface GofeedExpected {
  title?: string;
  items?: { title?: string; link?: string; published?: string; publishedParsed?: string }[];
}

function gofeedChecks(file: string): Check[] {
  const expectedFile = file.replace(/\.xml$/, '.json');
  if (!existsSync(expectedFile)) return [];
  let expected: GofeedExpected;
  try {
    expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as GofeedExpected;
  } catch {
    return [];
  }
  const checks: Check[] = [];
  if (typeof expected.title === 'string' && expected.title !== '') {
    checks.push({ what: 'feed.title', expected: expected.title, lenient: true, actual: (r) => r.feedTitle });
  }
  (expected.items ?? []).forEach((item, i) => {
    const record = (r: FeedReadResult) => r.records[i];
    if (item.title) checks.push({ what: `items[${i}].title`, expected: item.title, lenient: true, actual: (r) => record(r)?.title ?? null });
    if (item.link) {
      checks.push({
        what: `items[${i}].link`,
        expected: item.link,
        actual: (r) => record(r)?.sourceUrl ?? record(r)?.extra.link ?? null,
      });
    }
    if (item.published) {
      checks.push({ what: `items[${i}].published`, expected: item.published, actual: (r) => record(r)?.publishedAtRaw ?? null });
    }
    if (item.publishedParsed) {
      checks.push({
        what: `items[${i}].publishedParsed`,
        expected: item.publishedParsed.slice(0, 10),
        actual: (r) => record(r)?.publishedAt ?? null,
      });
    }
  });
  return checks;
}

function listXmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listXmlFiles(path));
    else if (stat.isFile() && entry.endsWith('.xml')) out.push(path);
  }
  return out;
}

function printReport(results: ConformanceResult[], verbose: boolean): void {
  for (const r of results) {
    const rate = r.checked === 0 ? 'n/a' : `${((100 * r.passed) / r.checked).toFixed(1)}%`;
    console.log(
      `${r.suite.padEnd(24)} files ${String(r.files).padStart(4)}  crashes ${r.crashes}  refused ${String(r.refused).padStart(3)}  ` +
        `checked ${String(r.checked).padStart(3)}  passed ${String(r.passed).padStart(3)}  (${rate})  not applicable ${r.files - r.checked}`,
    );
    if (verbose) for (const f of r.failures) console.log(`    ${f.file}: ${f.message}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '../shared/corpora';
  const results = runFeedConformance(resolve(dir));
  printReport(results, process.argv.includes('--verbose'));
  if (results.some((r) => r.crashes > 0)) process.exitCode = 1;
  if (results.every((r) => r.files === 0)) {
    console.error(`no corpus files found under ${resolve(dir)} (${basename(dir)})`);
    process.exitCode = 1;
  }
}
