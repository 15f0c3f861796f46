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
import type { SourceRecord } from '../source-record.js';
import { readDeclaredEncoding } from './feed-encoding.js';
import { readConditions, readExpectHeader } from './feedparser-expect.js';
import type { Condition } from './feedparser-expect.js';
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
  /** Files none of whose stated expectations concern an offline import; each reason is printed. */
  notApplicable: number;
  failures: { file: string; message: string }[];
  /** Why files were not applicable: reason → files. */
  notApplicableReasons: Map<string, string[]>;
}

type Outcome = { result: FeedReadResult } | { refused: string } | { crash: string };

interface Check {
  what: string;
  expected: string | null;
  actual: (result: FeedReadResult) => string | null;
  /**
   * Titles and bodies: feedparser keeps (sanitised) markup where we keep the visible text, so either form agrees,
   * whitespace runs aside.
   */
  lenient?: boolean;
  /** A file refused with a typed error meets this check (the check asks for the damage to be reported). */
  refusalPasses?: boolean;
  /** Set when the condition is about something an offline import does not produce: why. Never a failure. */
  notApplicable?: string;
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
  const result: ConformanceResult = {
    suite, files: 0, crashes: 0, checked: 0, passed: 0, refused: 0, notApplicable: 0, failures: [], notApplicableReasons: new Map(),
  };
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
    const all = checksFor(file, bytes);
    const checks = all.filter((c) => c.notApplicable === undefined);
    if (checks.length === 0) {
      result.notApplicable++;
      // The file is counted under its most telling reason: `not bozo` only when it says nothing else.
      const telling = all.find((c) => c.notApplicable !== NA.notBozo) ?? all[0];
      const reason = telling?.notApplicable ?? NA.noExpectation;
      const detail = telling?.what ? ` (${telling.what})` : '';
      result.notApplicableReasons.set(reason, [...(result.notApplicableReasons.get(reason) ?? []), `${name}${detail}`]);
      continue;
    }
    result.checked++;
    const failed = checks.map((check) => describeFailure(check, outcome)).filter((m): m is string => m !== null);
    if (failed.length === 0) result.passed++;
    else result.failures.push({ file: name, message: failed.join('; ') });
  }
  return result;
}

function readSafely(bytes: Uint8Array): Outcome {
  try {
    // keepUntitled: the suites' items often hold one field only (a date, an author); the importer refuses
    // those for want of anything to show, and that refusal is tested in feed-records.test.ts. Here the field
    // itself is what is checked.
    return { result: readFeedRecords(bytes, { keepUntitled: true }) };
  } catch (error) {
    if (error instanceof FeedReadError || error instanceof NotTextFileError || error instanceof UndecodableFileError) {
      return { refused: error.message };
    }
    return { crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function describeFailure(check: Check, outcome: Outcome): string | null {
  if ('refused' in outcome) return check.refusalPasses ? null : `${check.what}: refused (${outcome.refused})`;
  if ('crash' in outcome) return `${check.what}: crash`;
  const actual = check.actual(outcome.result);
  const expected = check.expected;
  if (actual === expected) return null;
  // An empty visible text and no text at all agree (an image-only title has nothing a text record can hold).
  if (check.lenient && expected !== null) {
    const ours = toOneLine(actual ?? '');
    if (ours === toOneLine(expected) || ours === visibleText(expected)) return null;
  }
  return `${check.what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

function visibleText(html: string): string {
  return toOneLine(htmlToText(html).text);
}

/**
 * The checks of one feedparser file: each `and`-ed condition of its `Expect:` line becomes a check when it is about
 * something an offline import produces, and otherwise a reason it is not applicable (printed, never silent).
 */
function feedparserChecks(_file: string, bytes: Uint8Array): Check[] {
  const header = readExpectHeader(headerText(bytes));
  if (header.expression === null) return [];
  const b = (i: number): number => bytes[i] ?? -1;
  const bom = (b(0) === 0xef && b(1) === 0xbb) || (b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff);
  const text = Buffer.from(bytes).toString('latin1');
  const context: FileContext = {
    needsHttpHeader: header.needsHttpHeader,
    undeclared: !bom && readDeclaredEncoding(bytes) === null,
    declaresEntities: /<!ENTITY/.test(text),
    // A full content element (not one that only points elsewhere with src): the record's body is that content.
    hasContent: /<(?:content(?::encoded)?|fullitem|xhtml:body|body)(?:\s(?![^>]*\bsrc=)[^>]*)?>/.test(text),
  };
  return readConditions(header.expression).map((c) => toFeedparserCheck(c, context));
}

/**
 * The leading comment in the file's own encoding: the UTF-16 and UTF-32 files state their expectations in
 * UTF-16 and UTF-32. The header is ASCII otherwise, but its literals may hold UTF-8 (non-ASCII titles).
 */
function headerText(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 16_384));
  const at = (i: number): number => head[i] ?? -1;
  const utf32 = (le: boolean): string => {
    let out = '';
    for (let i = 0; i + 3 < head.length; i += 4) {
      const cp = le ? head.readUInt32LE(i) : head.readUInt32BE(i);
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return out;
  };
  if (at(0) === 0 && at(1) === 0 && (at(2) === 0 || at(2) === 0xfe)) return utf32(false);
  if ((at(1) === 0 && at(2) === 0 && at(3) === 0) || (at(0) === 0xff && at(1) === 0xfe && at(2) === 0 && at(3) === 0)) return utf32(true);
  if ((at(0) === 0xfe && at(1) === 0xff) || (at(0) === 0 && at(1) !== 0)) return new TextDecoder('utf-16be').decode(head);
  if ((at(0) === 0xff && at(1) === 0xfe) || (at(0) !== 0 && at(1) === 0)) return new TextDecoder('utf-16le').decode(head);
  return new TextDecoder().decode(head);
}

/** Our name for each RSS/Atom version feedparser reports: the importer records the format, not the version. */
const VERSION_FORMAT: Readonly<Record<string, FeedReadResult['format']>> = {
  rss090: 'rdf', rss10: 'rdf', rss091n: 'rss', rss091u: 'rss', rss092: 'rss', rss093: 'rss', rss094: 'rss', rss20: 'rss',
  rss: 'rss', atom01: 'atom', atom02: 'atom', atom03: 'atom', atom10: 'atom', atom: 'atom',
};

// Undeclared legacy encodings that the importer does not guess: content detection covers UTF-8/16/32 and the
// Japanese encodings of the domain (Shift_JIS/CP932, EUC-JP, ISO-2022-JP). A declared one is read whatever it is.
const JAPANESE_ENCODINGS = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp']);

/** Where each entry field feedparser states lives in our record, or why it has no place there. */
type EntryField = 'title' | 'link' | 'body' | 'guid' | 'author' | 'category' | 'categories' | 'dateRaw' | 'date';

function entryField(path: (string | number)[]): EntryField | { notApplicable: string } {
  const key = path.join('.');
  if (key === 'title' || key === 'title_detail.value') return 'title';
  if (key === 'link') return 'link';
  if (['description', 'summary', 'summary_detail.value', 'content.0.value'].includes(key)) return 'body';
  if (key === 'id' || key === 'guid') return 'guid';
  if (key === 'author' || key === 'author_detail.name') return 'author';
  if (key === 'category' || key === 'tags.0.term') return 'category';
  // Every category is kept too (extra.categories, comma-joined): the later ones are checked there.
  if (/^tags\.[1-9]\d*\.term$/.test(key)) return 'categories';
  if (['published', 'updated', 'created', 'issued', 'modified'].includes(key)) return 'dateRaw';
  if (['published_parsed', 'updated_parsed', 'created_parsed'].includes(key)) return 'date';
  return { notApplicable: `entries[].${path.join('.')}` };
}

interface FileContext {
  needsHttpHeader: boolean;
  undeclared: boolean;
  declaresEntities: boolean;
  hasContent: boolean;
}

function toFeedparserCheck(c: Condition, context: FileContext): Check {
  // What feedparser expects of such a file follows from the header it was served with, every condition of it.
  if (context.needsHttpHeader) return notApplicable(NA.http);
  if (c.kind === 'other') {
    return c.text === '1' ? notApplicable(NA.crashOnly) : notApplicable(NA.unreadable, c.text);
  }
  if (c.kind === 'bozo') {
    // feedparser's bozo is a strict XML parser's verdict. This reader recovers like a browser and has no
    // verdict to compare with `not bozo`; but a file feedparser calls ill-formed must not pass in silence.
    if (!c.value) return notApplicable(NA.notBozo);
    return {
      what: 'bozo (the damage is reported)',
      expected: 'a reported problem or a refusal',
      actual: (r) => (r.errors.length > 0 ? 'a reported problem or a refusal' : 'nothing reported'),
      refusalPasses: true,
    };
  }
  if (c.kind === 'top') {
    if (c.name === 'encoding' && typeof c.value === 'string') {
      const expected = canonicalEncoding(c.value);
      if (context.undeclared && !JAPANESE_ENCODINGS.has(expected) && !expected.startsWith('utf-')) {
        return notApplicable(NA.undeclaredLegacy, c.value);
      }
      return { what: 'encoding', expected, actual: (r) => r.encoding };
    }
    if (c.name === 'version' && typeof c.value === 'string') {
      const format = VERSION_FORMAT[c.value];
      if (format === undefined) return notApplicable(NA.unreadable, `version ${c.value}`);
      return { what: `version (${c.value})`, expected: format, actual: (r) => r.format };
    }
    return notApplicable(NA.unreadable, c.name);
  }
  if (c.kind === 'truthy') return truthyCheck(c);
  if (c.target === 'feed') {
    const key = c.path.join('.');
    if ((key === 'title' || key === 'title_detail.value') && typeof c.value === 'string') {
      return { what: 'feed.title', expected: c.value, lenient: true, actual: (r) => r.feedTitle };
    }
    return notApplicable(NA.feedField, `feed.${c.path.join('.')}`);
  }
  if (context.declaresEntities) return notApplicable(NA.dtdEntity);
  const field = entryField(c.path);
  if (typeof field !== 'string') return notApplicable(NA.entryField, field.notApplicable);
  const index = c.target;
  const what = `entries[${index}].${c.path.join('.')}`;
  const record = (r: FeedReadResult): SourceRecord | undefined => r.records[index];
  if (field === 'date') {
    // feedparser gives a UTC time tuple; the record keeps the day. Both agree on these files' dates (UTC times).
    if (!Array.isArray(c.value) || c.value.length < 3) return notApplicable(NA.unreadable, what);
    const [y, m, d] = c.value.map(Number);
    const expected = `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return { what, expected, actual: (r) => record(r)?.publishedAt ?? null };
  }
  if (typeof c.value !== 'string') return notApplicable(NA.unreadable, what);
  switch (field) {
    case 'title':
      return { what, expected: c.value, lenient: true, actual: (r) => record(r)?.title ?? null };
    case 'link':
      return { what, expected: c.value, actual: (r) => record(r)?.sourceUrl ?? record(r)?.extra.link ?? null };
    case 'body':
      if (context.hasContent && c.path[0] !== 'content') return notApplicable(NA.secondBody, what);
      return { what, expected: c.value, lenient: true, actual: (r) => record(r)?.body ?? null };
    case 'guid':
      return { what, expected: c.value, actual: (r) => record(r)?.extra.guid ?? null };
    case 'author':
      // feedparser's `author` adds the e-mail in brackets when there is one; the record keeps the name.
      return { what, expected: c.path[0] === 'author' ? c.value.replace(/\s*\([^()\s]+@[^()\s]+\)$/, '') : c.value, actual: (r) => record(r)?.extra.author ?? null };
    case 'category':
      return { what, expected: c.value, actual: (r) => record(r)?.sourceCategory ?? null };
    case 'categories': {
      const n = Number(c.path[1]);
      return { what, expected: c.value, actual: (r) => record(r)?.extra.categories?.split(', ')[n] ?? null };
    }
    case 'dateRaw':
      return { what, expected: c.value, actual: (r) => record(r)?.publishedAtRaw ?? null };
  }
}

/**
 * Presence conditions: `guidislink` (the entry's link came from its guid, an RSS permalink guid with no <link>),
 * `has_key('link')` and `category != None`.
 */
function truthyCheck(c: Extract<Condition, { kind: 'truthy' }>): Check {
  const detail = `${c.target === 'feed' ? 'feed' : `entries[${c.target}]`}.${c.path.join('.')}`;
  if (c.target === 'feed') return notApplicable(NA.feedField, detail);
  const index = c.target;
  const key = c.path.join('.');
  const yes = (b: boolean): string => (b ? 'true' : 'false');
  const what = `${c.value ? '' : 'not '}${detail}`;
  const record = (r: FeedReadResult): SourceRecord | undefined => r.records[index];
  if (key === 'guidislink') {
    return {
      what, expected: yes(c.value),
      actual: (r) => yes(record(r)?.sourceUrl != null && record(r)?.sourceUrl === record(r)?.extra.guid),
    };
  }
  if (key === 'link') return { what, expected: yes(c.value), actual: (r) => yes((record(r)?.sourceUrl ?? record(r)?.extra.link) != null) };
  if (key === 'category') return { what, expected: yes(c.value), actual: (r) => yes(record(r)?.sourceCategory != null) };
  return notApplicable(NA.entryField, detail);
}

/** Why a condition is not applicable, in few enough words to count them; the detail names the field. */
const NA = {
  entryField: 'an entry field the record does not keep (source, rights, contributors, enclosures, link lists, types…)',
  feedField: 'a feed field other than the title (the importer keeps only the feed title, as each item\'s source name)',
  notBozo: 'only `not bozo`: feedparser\'s strict-XML verdict; this reader recovers leniently and gives none to compare',
  http: 'assumes an HTTP Content-Type header (charset, media type) that an offline file never has',
  dtdEntity: 'expects an entity declared in the DTD to be expanded; the importer never expands DTD entities (F1–F4)',
  secondBody: 'the entry\'s summary beside its full content: the record keeps one body, the content',
  undeclaredLegacy: 'undeclared non-Japanese legacy encoding: content detection covers UTF-8/16/32 and the Japanese encodings',
  crashOnly: 'no expectation beyond not crashing (counted under crashes)',
  noExpectation: 'the file states no expectation',
  unreadable: 'not an equality or presence this runner reads (len(…), isinstance(…), .get(…), dict equality)',
} as const;

function notApplicable(reason: string, detail?: string): Check {
  return { what: detail ?? '', expected: null, actual: () => null, notApplicable: reason };
}

function canonicalEncoding(label: string): string {
  const lower = label.toLowerCase();
  if (/^utf-?32/.test(lower)) return lower.replace(/^utf-?32/, 'utf-32');
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return lower;
  }
}

interface GofeedPerson {
  name?: string;
  email?: string;
}

interface GofeedExpected {
  feedType?: string;
  feedVersion?: string;
  title?: string;
  items?: {
    title?: string;
    link?: string;
    description?: string;
    content?: string;
    guid?: string;
    author?: GofeedPerson;
    categories?: string[];
    published?: string;
    publishedParsed?: string;
    updated?: string;
    updatedParsed?: string;
  }[];
}

/**
 * gofeed's translator pairs: `X.json` is the normalised feed of `X.xml`. Checked: the feed type (our format), the
 * feed title, and per item the title, link, body (content, else description), guid, author's name, first
 * category and date. Everything else it states (feed authors, images, languages, extensions…) the record does not
 * keep, so a file stating nothing else has only its feed type checked.
 */
function gofeedChecks(file: string): Check[] {
  const expectedFile = file.replace(/\.xml$/, '.json');
  if (!existsSync(expectedFile)) return [notApplicable(NA.noExpectation)];
  let expected: GofeedExpected;
  try {
    expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as GofeedExpected;
  } catch {
    return [notApplicable(NA.noExpectation, 'unreadable JSON')];
  }
  const checks: Check[] = [];
  if (expected.feedType === 'rss' || expected.feedType === 'atom') {
    // gofeed calls RSS 0.90 and 1.0 (RDF) `rss` too, with their version.
    const rdf = expected.feedType === 'rss' && (expected.feedVersion === '1.0' || expected.feedVersion === '0.9');
    const format = expected.feedType === 'atom' ? 'atom' : rdf ? 'rdf' : 'rss';
    checks.push({ what: 'feedType', expected: format, actual: (r) => r.format });
  }
  if (typeof expected.title === 'string' && expected.title !== '') {
    checks.push({ what: 'feed.title', expected: expected.title, lenient: true, actual: (r) => r.feedTitle });
  }
  (expected.items ?? []).forEach((item, i) => {
    const record = (r: FeedReadResult): SourceRecord | undefined => r.records[i];
    const add = (what: string, value: string | undefined, actual: (rec: SourceRecord | undefined) => string | null, lenient = false): void => {
      if (value !== undefined && value !== '') checks.push({ what: `items[${i}].${what}`, expected: value, lenient, actual: (r) => actual(record(r)) });
    };
    add('title', item.title, (rec) => rec?.title ?? null, true);
    add('link', item.link, (rec) => rec?.sourceUrl ?? rec?.extra.link ?? null);
    // One body: the content when there is one, otherwise the description (gofeed states both when both exist).
    add(item.content ? 'content' : 'description', item.content || item.description, (rec) => rec?.body ?? null, true);
    add('guid', item.guid, (rec) => rec?.extra.guid ?? null);
    add('author', item.author?.name || item.author?.email, (rec) => rec?.extra.author ?? null);
    add('categories[0]', item.categories?.[0], (rec) => rec?.sourceCategory ?? null);
    // The record keeps one date: the published one, else the updated one.
    const raw = item.published || item.updated;
    const parsed = item.publishedParsed || item.updatedParsed;
    add(item.published ? 'published' : 'updated', raw, (rec) => rec?.publishedAtRaw ?? null);
    add(item.publishedParsed ? 'publishedParsed' : 'updatedParsed', parsed?.slice(0, 10), (rec) => rec?.publishedAt ?? null);
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
        `checked ${String(r.checked).padStart(3)}  passed ${String(r.passed).padStart(3)}  (${rate})  not applicable ${r.notApplicable}`,
    );
    if (verbose) for (const f of r.failures) console.log(`    FAIL ${f.file}: ${f.message}`);
    for (const line of notApplicableLines(r)) console.log(`    ${line}`);
    if (verbose) for (const [reason, files] of r.notApplicableReasons) for (const f of files) console.log(`    n/a  ${f}: ${reason}`);
  }
}

/** One line per reason, most frequent first: `n/a 212 × not bozo: …`. */
export function notApplicableLines(r: ConformanceResult): string[] {
  return [...r.notApplicableReasons]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([reason, files]) => `n/a ${String(files.length).padStart(3)} × ${reason}`);
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
