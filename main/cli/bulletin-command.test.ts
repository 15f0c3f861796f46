// `bulletin` through the command line, as scripts use it: a real database filled by `import`, then
// drafts written as HTML or PDF, a digest issued with its items moved to 周知済, and the usage errors.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../features/bulletins/pdf-renderer.js';
import { makeTempDir } from '../testing/temp-database.js';

const run = promisify(execFile);
const CSV = resolve('../shared/samples/cdns-2019-12.utf8-bom.csv');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'main/cli/cli.ts', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli bulletin', () => {
  const dir = makeTempDir();
  const db = join(dir, 'b.sqlite');
  let items: { id: number; title: string; status: string }[] = [];

  beforeAll(async () => {
    expect((await cli(['import', CSV, '--db', db, '--json'])).code).toBe(0);
    items = JSON.parse((await cli(['export', '--db', db, '--format', 'json'])).stdout);
  }, 120_000);

  it('writes a single notice as HTML, the draft kept in the database', async () => {
    const item = items.find((i) => i.title.includes('象印でショッピング'));
    const out = join(dir, 'single.html');
    const result = await cli(['bulletin', '--db', db, '--items', String(item?.id), '--out', out, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ number: expect.stringMatching(/^SEC-\d{4}-001$/), state: 'draft', template: 'single', items: [item?.id] });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    for (const section of ['1. 概要', '2. 手口と原因', '3. 想定される影響', '4. お願い', '5. 参考']) expect(html).toContain(section);
    expect(html).toContain('象印マホービン');
  }, 120_000);

  it('issues a digest of a period: kept with its sources, its items moved to 周知済', async () => {
    const out = join(dir, 'digest.html');
    const result = await cli(['bulletin', '--db', db, '--from', '2019-12-01', '--to', '2019-12-31', '--issue', '--out', out, '--json', '--date', '2020-01-06']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ number: 'SEC-2020-001', state: 'issued', template: 'digest' });
    expect(summary.items.length).toBeGreaterThan(5);
    expect(summary.notified).toEqual(summary.items);
    const after = JSON.parse((await cli(['export', '--db', db, '--format', 'json'])).stdout) as typeof items;
    for (const id of summary.items) expect(after.find((i) => i.id === id)?.status).toBe('notified');
    expect(readFileSync(out, 'utf8')).toContain('事例まとめ（2019年12月）');
  }, 180_000);

  it.skipIf(!findChromium() || spawnSync('pdfinfo', ['-v']).error !== undefined)('writes a PDF through headless Chromium', async () => {
    const out = join(dir, 'single.pdf');
    const result = await cli(['bulletin', '--db', db, '--items', String(items[0]?.id), '--out', out, '--classification', '社外秘']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SEC-\d{4}-\d{3} draft: .* → .*single\.pdf/);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(/\(A4\)/);
  }, 180_000);

  it('says clearly when no Chromium is found, exits 1 and writes nothing', async () => {
    const out = join(dir, 'none.pdf');
    const draft = async () => Number(JSON.parse((await cli(['bulletin', '--db', db, '--items', String(items[0]?.id), '--json'])).stdout).number.split('-').at(-1));
    const before = await draft();
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number }>((done) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'main/cli/cli.ts', 'bulletin', '--db', db, '--items', String(items[0]?.id), '--out', out],
        // CHROMIUM_PATH, when set, is the only browser tried: a wrong one is reported, never replaced.
        { env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' } },
        (error, so, se) => done({ stdout: so, stderr: se, code: (error as { code?: number } | null)?.code ?? 0 }),
      );
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no Chromium found.*\(looked for \/nonexistent\/chromium\).*CHROMIUM_PATH/s);
    expect(existsSync(out)).toBe(false);
    // Nothing was drafted either: the printer is looked for before the database is written.
    expect(await draft()).toBe(before + 1);
  }, 120_000);

  it('usage errors exit 2 with a hint; an unknown item exits 2 naming it', async () => {
    const none = await cli(['bulletin', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--items.*--from\/--to/);
    expect((await cli(['bulletin', '--db', db, '--items', '1,x'])).code).toBe(2);
    expect((await cli(['bulletin', '--db', db, '--items', '1', '--out', 'x.docx'])).stderr).toMatch(/\.pdf or \.html/);
    expect((await cli(['bulletin', '--db', db, '--items', '1,2', '--template', 'single'])).stderr).toMatch(/exactly one item/);
    const unknown = await cli(['bulletin', '--db', db, '--items', '99999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/99999/);
  }, 120_000);
});
