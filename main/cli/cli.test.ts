// The CLI is a contract other scripts rely on: these tests run it as a user does, as a separate process.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-database.js';

const run = promisify(execFile);
const SAMPLES = resolve('../shared/samples');
const UTF8_CSV = join(SAMPLES, 'cdns-2019-12.utf8-bom.csv');
const SJIS_CSV = join(SAMPLES, 'cdns-2019-12.sjis.csv');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'main/cli/cli.ts', ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli import/export', () => {
  it('imports both sample CSVs to identical items; a re-import adds nothing', async () => {
    const dir = makeTempDir();
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const first = await cli(['import', UTF8_CSV, '--db', a, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ imported: 20, duplicates: 0, updated: 0, failed: 0, errors: [] });
    expect(JSON.parse((await cli(['import', SJIS_CSV, '--db', b, '--json'])).stdout).imported).toBe(20);

    const again = await cli(['import', UTF8_CSV, '--db', a, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ imported: 0, duplicates: 20, updated: 0, failed: 0, errors: [] });
    // The Shift_JIS twin is the same 20 stories: into the first database it adds and changes nothing,
    // although the file itself has '?' where CP932 cannot hold 戶 (encoding loss is not an edit).
    const twin = JSON.parse((await cli(['import', SJIS_CSV, '--db', a, '--json'])).stdout);
    expect(twin).toEqual({ imported: 0, duplicates: 20, updated: 0, failed: 0, errors: [] });

    const facts = (items: Array<Record<string, unknown>>) =>
      items.map(({ title, organization, publishedAt, sourceCategory, sourceUrl, status }) => ({
        title, organization, publishedAt, sourceCategory, sourceUrl, status,
      }));
    const exportA = JSON.parse((await cli(['export', '--db', a, '--format', 'json'])).stdout);
    const exportB = JSON.parse((await cli(['export', '--db', b, '--format', 'json'])).stdout);
    expect(exportA).toHaveLength(20);
    expect(facts(exportA)).toEqual(facts(exportB));
  });

  it('exports every field of the domain.md contract', async () => {
    const db = join(makeTempDir(), 'x.sqlite');
    await cli(['import', UTF8_CSV, '--db', db]);
    const [item] = JSON.parse((await cli(['export', '--db', db, '--format', 'json'])).stdout);
    expect(Object.keys(item).sort()).toEqual(
      [
        'id', 'kind', 'category', 'sourceCategory', 'status', 'severity', 'relevance', 'title', 'organization',
        'publishedAt', 'occurredAt', 'detectedAt', 'reportSeq', 'caseId', 'affected', 'dataTypes', 'cves',
        'products', 'appi', 'disclosureLagDays', 'sourceName', 'sourceUrl', 'tags', 'body',
      ].sort(),
    );
    expect(Object.keys(item.affected).sort()).toEqual(['organizations', 'people', 'records']);
    expect(item).toMatchObject({ status: 'new', publishedAt: '2019-12-10', sourceCategory: 'セキュリティ対策' });
    expect(item.title).toBe('マルウエアEmotetの感染に関する注意喚起');
  });

  it('C9/C11 reports a bad row with file and line, lands the good rows, exits 1', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'title,date\nfirst,2023-07-01\n,2023-07-02\nthird,2023-07-03\n');
    const result = await cli(['import', file, '--db', join(dir, 'db.sqlite'), '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ imported: 2, failed: 1 });
    expect(summary.errors[0]).toMatchObject({ file: 'bad.csv', line: 3 });
  });

  it('C11 an empty file imports nothing with a clear message and no crash', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'empty.csv');
    writeFileSync(file, '');
    const summary = JSON.parse((await cli(['import', file, '--db', join(dir, 'db.sqlite'), '--json'])).stdout);
    expect(summary.imported).toBe(0);
    expect(summary.errors[0].message).toMatch(/empty/);
  });

  it('C17 walks a folder without following symlinks, and reports missing paths', async () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'in', 'sub', 'x.csv'), 'title,date\nonly one,2023-07-01\n');
    writeFileSync(join(dir, 'in', 'notes.md'), '# not a snapshot');
    symlinkSync(join(dir, 'in'), join(dir, 'in', 'loop'));
    symlinkSync(SAMPLES, join(dir, 'in', 'outside'));
    const summary = JSON.parse(
      (await cli(['import', join(dir, 'in'), join(dir, 'nope.csv'), '--db', join(dir, 'db.sqlite'), '--json'])).stdout,
    );
    expect(summary.imported).toBe(1);
    expect(summary.errors).toEqual([{ file: join(dir, 'nope.csv'), line: null, message: 'no such file or folder' }]);
  });

  it('E1 CSV export has a BOM, and neutralises formula cells', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'formula.csv');
    writeFileSync(file, 'title,date,organization\n"=HYPERLINK(""http://x"",""y"")",2023-07-01,@SUM(A1)\n＋danger,2023-07-02,-1\n');
    const db = join(dir, 'db.sqlite');
    await cli(['import', file, '--db', db]);
    const out = join(dir, 'out.csv');
    expect((await cli(['export', '--db', db, '--format', 'csv', '--out', out])).code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(`"'@SUM(A1)"`);
    expect(text).toContain(`"'＋danger"`);
    expect(text).toContain(`"'-1"`);
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it('exits 2 with one clear line for a database it must not open', async () => {
    const dir = makeTempDir();
    const db = join(dir, 'foreign.sqlite');
    writeFileSync(db, Buffer.alloc(4096, 7));
    const result = await cli(['import', UTF8_CSV, '--db', db, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot open the database/);
    expect(existsSync(db)).toBe(true);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['export', '--db', join(dir, 'x.sqlite'), '--format', 'xml'])).stderr).toMatch(/--format/);
  });
});

describe('cli import across formats', () => {
  it('F12 the RSS feed and both CSV lists of one month are the same 20 items; feeds and RDF/Atom import', async () => {
    const db = join(makeTempDir(), 'formats.sqlite');
    const rss = JSON.parse((await cli(['import', join(SAMPLES, 'cdns-2019-12.rss'), '--db', db, '--json'])).stdout);
    expect(rss).toEqual({ imported: 20, duplicates: 0, updated: 0, failed: 0, errors: [] });
    const lists = JSON.parse((await cli(['import', UTF8_CSV, SJIS_CSV, '--db', db, '--json'])).stdout);
    expect(lists).toEqual({ imported: 0, duplicates: 40, updated: 0, failed: 0, errors: [] });
    const [item] = JSON.parse((await cli(['export', '--db', db, '--format', 'json'])).stdout);
    // The CSV filled in what the feed lacked.
    expect(item).toMatchObject({ title: 'マルウエアEmotetの感染に関する注意喚起', organization: 'JPCERTコーディネーションセンター' });
    const others = JSON.parse(
      (await cli(['import', join(SAMPLES, 'leak-articles.rdf'), join(SAMPLES, 'casebook-2023-07.atom'), '--db', db, '--json'])).stdout,
    );
    expect(others).toEqual({ imported: 18, duplicates: 0, updated: 0, failed: 0, errors: [] });
  });

  it('H7 the saved monthly page is the same 20 stories again; a damaged copy never overwrites the text we have', async () => {
    const db = join(makeTempDir(), 'pages.sqlite');
    await cli(['import', join(SAMPLES, 'cdns-2019-12.rss'), UTF8_CSV, '--db', db]);
    const page = JSON.parse((await cli(['import', join(SAMPLES, '000_9312eb6a3f551969.txt'), '--db', db, '--json'])).stdout);
    expect(page).toEqual({ imported: 0, duplicates: 20, updated: 0, failed: 0, errors: [] });
    expect(JSON.parse((await cli(['export', '--db', db, '--format', 'json'])).stdout)).toHaveLength(20);
  });

  it('splits the article page into 10 items and the casebook page into 8', async () => {
    const db = join(makeTempDir(), 'split.sqlite');
    const articles = JSON.parse((await cli(['import', join(SAMPLES, '002_bb6bcd15f14b5053.txt'), '--db', db, '--json'])).stdout);
    expect(articles).toEqual({ imported: 10, duplicates: 0, updated: 0, failed: 0, errors: [] });
    const casebook = JSON.parse((await cli(['import', join(SAMPLES, '004_fa8b37c40a989728.txt'), '--db', db, '--json'])).stdout);
    expect(casebook).toEqual({ imported: 8, duplicates: 0, updated: 0, failed: 0, errors: [] });
  });
});

describe('cli cancel', () => {
  it('C18 Ctrl+C during an import rolls the current file back, keeps earlier files, exits 130', async () => {
    const dir = makeTempDir();
    const small = join(dir, 'a-small.csv');
    const big = join(dir, 'b-big.csv');
    writeFileSync(small, 'title,date\nkept,2023-06-01\n');
    const body = '不正アクセスによる個人情報流出のお知らせ。'.repeat(40);
    writeFileSync(big, `title,date,body\n${Array.from({ length: 40_000 }, (_, i) => `item ${i},2023-07-01,${body}`).join('\n')}\n`);
    const db = join(dir, 'cancel.sqlite');
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/cli.ts', 'import', small, big, '--db', db, '--json']);
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      if (c.toString().includes('[1/2]')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    const summary = JSON.parse(stdout);
    expect(summary.imported).toBe(1);
    expect(summary.errors[0]).toMatchObject({ file: 'b-big.csv', message: expect.stringMatching(/cancelled/) });
    const exported = JSON.parse((await cli(['export', '--db', db, '--format', 'json'])).stdout);
    expect(exported.map((i: { title: string }) => i.title)).toEqual(['kept']);
  });
});

describe('cli export encodings', () => {
  it('E4 a CP932 export is Shift_JIS for Excel and names the items whose characters CP932 lacks', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'chars.csv');
    writeFileSync(file, 'title,date\n通常の項目,2023-07-01\n絵文字😀と𠮷野家,2023-07-02\n');
    const db = join(dir, 'db.sqlite');
    await cli(['import', file, '--db', db]);
    const out = join(dir, 'out.csv');
    const result = await cli(['export', '--db', db, '--format', 'csv', '--encoding', 'cp932', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/1 item\(s\) contain characters CP932 cannot hold/);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('shift_jis').decode(bytes)).toContain('通常の項目');
  });
});
