// The printed result, checked as an officer's auditor would: the PDF is A4, its text layer has every
// section, the organisation, the sources and the classification label on every page, and the font is
// embedded. Needs Chromium and poppler-utils (CI installs both); skipped with the reason where absent.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { EXTRACTOR_VERSION, extractFacts } from '../extract/extract-facts.js';
import { refreshStaleFacts } from '../facts/facts-repository.js';
import { importFiles } from '../import/import-files.js';
import { approveBulletin, createBulletin, issueBulletin } from './bulletin-service.js';
import { getArtifact } from './bulletins-repository.js';
import { createChromiumPdfRenderer, findChromium, type PdfRenderer } from './pdf-renderer.js';
import { renderBulletinHtml, renderPageFurniture } from './render-bulletin-html.js';

const hasPoppler = ['pdftotext', 'pdfinfo', 'pdffonts'].every((tool) => spawnSync(tool, ['-v']).error === undefined);
const chromium = findChromium();
const skipReason = !chromium ? 'no Chromium (set CHROMIUM_PATH)' : !hasPoppler ? 'poppler-utils (pdftotext, pdfinfo) not installed' : null;

const SECTIONS = ['1. 概要', '2. 手口と原因', '3. 想定される影響', '4. お願い', '5. 参考'];

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}
function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}
/** pdftotext breaks lines where the page does; compare without whitespace. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

describe.skipIf(skipReason !== null)(`bulletin PDF${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let t: TempDatabase;
  let printer: PdfRenderer;

  beforeAll(async () => {
    t = await openTempDatabase();
    await importFiles(t.db, [{ name: 'cdns.csv', bytes: readFileSync(resolve('../shared/samples/cdns-2019-12.utf8-bom.csv')) }]);
    await refreshStaleFacts(t.db, { version: EXTRACTOR_VERSION, extract: extractFacts });
    printer = await createChromiumPdfRenderer(chromium);
  }, 120_000);
  afterAll(async () => {
    await printer?.close();
    await t?.cleanup();
  });

  it('one printer prints PDFs one at a time on its reused page: two requests at once each get their own text', async () => {
    const doc = (text: string) => `<!doctype html><meta charset="utf-8"><title>t</title><p>${text}</p>`;
    const [a, b] = await Promise.all([printer.renderPdf(doc('first-document-alpha'), null), printer.renderPdf(doc('second-document-beta'), null)]);
    const fileA = join(t.dir, 'a.pdf');
    const fileB = join(t.dir, 'b.pdf');
    writeFileSync(fileA, a);
    writeFileSync(fileB, b);
    const textA = execFileSync('pdftotext', [fileA, '-'], { encoding: 'utf8' });
    const textB = execFileSync('pdftotext', [fileB, '-'], { encoding: 'utf8' });
    expect(textA).toContain('first-document-alpha');
    expect(textA).not.toContain('second-document-beta');
    expect(textB).toContain('second-document-beta');
    expect(textB).not.toContain('first-document-alpha');
  });

  function checkPages(file: string, label: string): number {
    const pages = pageCount(file);
    for (let page = 1; page <= pages; page++) {
      const text = pageText(file, page);
      expect(text, `label on page ${page}`).toContain(label);
      expect(squeeze(text), `page number on page ${page}`).toContain(`${page}/${pages}`);
    }
    return pages;
  }

  it('a single notice is A4 with every section, the organisation, the source and the label on every page', async () => {
    const row = await t.db.get<{ id: number }>("SELECT id FROM items WHERE title LIKE '%象印でショッピング%'");
    const b = await createBulletin(t.db, { template: 'single', itemIds: [row?.id ?? 0], by: 'me', classification: '社外秘', date: '2019-12-20' });
    const file = join(t.dir, 'single.pdf');
    writeFileSync(file, await printer.renderPdf(renderBulletinHtml(b, { runningLabel: false }), renderPageFurniture(b)));

    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    for (const section of SECTIONS) expect(text).toContain(squeeze(section));
    expect(text).toContain('象印マホービン');
    expect(text).toContain('SEC-2019-001');
    expect(text).toContain(squeeze('2019年12月6日 象印マホービン「「象印でショッピング」'));
    checkPages(file, '社外秘');
    // The Japanese font travels inside the PDF: every font is embedded.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: emb sub uni object-id generation; "emb" must be yes for every font.
    for (const font of fonts) expect(font).toMatch(/\syes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  }, 120_000);

  it('the digest of December 2019 spans pages, each with the label and page X / Y, and lists every source', async () => {
    const b = await createBulletin(t.db, { template: 'digest', period: { from: '2019-12-01', to: '2019-12-31' }, by: 'me', date: '2020-01-06' });
    await approveBulletin(t.db, b.id, { by: 'me' });
    await issueBulletin(t.db, b.id, printer, { by: 'me' });
    const artifact = await getArtifact(t.db, b.id);
    expect(artifact?.pdf).not.toBeNull();
    expect(artifact?.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const file = join(t.dir, 'digest.pdf');
    writeFileSync(file, artifact?.pdf ?? Buffer.alloc(0));

    expect(checkPages(file, '社内限り')).toBeGreaterThanOrEqual(2);
    const text = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    for (const section of SECTIONS) expect(text).toContain(squeeze(section));
    for (const source of artifact?.sources ?? []) {
      expect(text).toContain(squeeze(source.title).slice(0, 10));
      if (source.sourceUrl) expect(text).toContain(squeeze(source.sourceUrl));
    }

    // The kept HTML, printed as a browser prints it (no printer header/footer): its own margin boxes
    // carry the number, the label and page X / Y on every page.
    const browserFile = join(t.dir, 'digest-browser.pdf');
    writeFileSync(browserFile, await printer.renderPdf(artifact?.html.toString('utf8') ?? '', null));
    expect(checkPages(browserFile, '社内限り')).toBeGreaterThanOrEqual(2);
    expect(squeeze(pageText(browserFile, 2))).toContain(b.number);
  }, 180_000);
});
