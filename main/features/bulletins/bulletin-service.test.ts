// The bulletin workflow against a real SQLite file holding the CDNS sample (20 items of December 2019),
// with facts read by the real extractor, as the app has them after an import.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { EXTRACTOR_VERSION, extractFacts } from '../extract/extract-facts.js';
import { correctFact, refreshStaleFacts } from '../facts/facts-repository.js';
import { importFiles } from '../import/import-files.js';
import { getItem } from '../triage/items-repository.js';
import {
  approveBulletin,
  BulletinStateError,
  createBulletin,
  createNewVersion,
  editBulletin,
  InvalidBulletinInputError,
  issueBulletin,
  markItemsNotified,
  readTemplates,
  reopenBulletin,
  saveNumberFormat,
  saveTemplates,
} from './bulletin-service.js';
import { getArtifact, listBulletinChanges, listBulletins, listCoverageOfItem } from './bulletins-repository.js';
import { InvalidNumberFormatError } from './bulletin-numbering.js';

const CSV = resolve('../shared/samples/cdns-2019-12.utf8-bom.csv');
const by = 'officer';
const at = (iso: string) => () => new Date(iso);

let t: TempDatabase;

async function itemIdByTitle(fragment: string): Promise<number> {
  const row = await t.db.get<{ id: number }>('SELECT id FROM items WHERE title LIKE ?', [`%${fragment}%`]);
  if (!row) throw new Error(`no item with ${fragment}`);
  return row.id;
}

beforeEach(async () => {
  t = await openTempDatabase();
  await importFiles(t.db, [{ name: 'cdns.csv', bytes: readFileSync(CSV) }]);
  await refreshStaleFacts(t.db, { version: EXTRACTOR_VERSION, extract: extractFacts });
});
afterEach(async () => t.cleanup());

describe('drafting', () => {
  it('the summary names the notice by its own title; the sources keep the title as published', async () => {
    await importFiles(t.db, [{ name: 'casebook.atom', bytes: readFileSync(resolve('../shared/samples/casebook-2023-07.atom')) }]);
    await refreshStaleFacts(t.db, { version: EXTRACTOR_VERSION, extract: extractFacts });
    const id = await itemIdByTitle('fkolme.com');
    const b = await createBulletin(t.db, { template: 'single', itemIds: [id], by, date: '2023-07-20' });
    const [summary = '', sources = ''] = b.bodyMarkdown.split('## 5. 参考');
    expect(summary).toContain('東谷株式会社 弊社が運営する');
    expect(summary).not.toContain('セキュリティ事件簿#2023-266');
    expect(sources).toContain('セキュリティ事件簿#2023-266');
  });

  it('a single notice from one incident: numbered, every section filled from its facts', async () => {
    const id = await itemIdByTitle('象印でショッピング');
    const b = await createBulletin(t.db, { template: 'single', itemIds: [id], by, date: '2019-12-20' });
    expect(b).toMatchObject({ number: 'SEC-2019-001', year: 2019, sequence: 1, version: 1, state: 'draft', itemIds: [id] });
    expect(b.title).toContain('象印マホービン');
    for (const heading of ['## 1. 概要', '## 2. 手口と原因', '## 3. 想定される影響', '## 4. お願い', '## 5. 参考']) {
      expect(b.bodyMarkdown).toContain(heading);
    }
    expect(b.bodyMarkdown).toContain('2019年12月6日 象印マホービン');
    expect(b.bodyMarkdown).toContain('280,052件');
    // Card data leaked: the impact names card misuse; unauthorized access asks for patching and MFA.
    expect(b.bodyMarkdown).toContain('クレジットカードの不正利用');
    expect(b.bodyMarkdown).toMatch(/多要素認証/);
    expect(b.bodyMarkdown).not.toMatch(/\{\{(summary|causes|impact|actions|sources|organization|lead)\}\}/);
  });

  it('an advisory without an incident category still gets the actions its threat calls for', async () => {
    const b = await createBulletin(t.db, { template: 'single', itemIds: [await itemIdByTitle('UC Card')], by, date: '2019-12-20' });
    expect(b.bodyMarkdown).toContain('注意喚起を発表しました');
    expect(b.bodyMarkdown).toMatch(/パスワードやカード情報を入力しないでください/);
  });

  it('a digest of a period: grouped by category with counts and a chart, every item listed with its source', async () => {
    const b = await createBulletin(t.db, { template: 'digest', period: { from: '2019-12-01', to: '2019-12-31' }, by, date: '2020-01-06' });
    expect(b.number).toBe('SEC-2020-001');
    expect(b.title).toContain('2019年12月');
    expect(b.itemIds.length).toBeGreaterThanOrEqual(10);
    const total = b.chart?.reduce((n, c) => n + c.count, 0);
    expect(total).toBe(b.itemIds.length);
    expect(b.chart?.some((c) => c.category === 'unauthorized_access' && c.count >= 2)).toBe(true);
    expect(b.bodyMarkdown).toContain('| 分類 | 件数 | 割合 |');
    expect(b.bodyMarkdown).toMatch(/### 不正アクセス（\d+件）/);
    expect(b.bodyMarkdown).toContain('{{chart}}');
    expect(b.bodyMarkdown).toContain('https://www.jpcert.or.jp/research/ir\\_research.html');
  });

  it('a single notice takes exactly one item; unknown items and empty selections are refused', async () => {
    const [a, c] = [await itemIdByTitle('象印'), await itemIdByTitle('メールアカウント流出')];
    await expect(createBulletin(t.db, { template: 'single', itemIds: [a, c], by })).rejects.toThrow(InvalidBulletinInputError);
    await expect(createBulletin(t.db, { template: 'digest', itemIds: [], by })).rejects.toThrow(/at least one item/);
    await expect(createBulletin(t.db, { template: 'digest', itemIds: [99999], by })).rejects.toThrow(/99999/);
    expect(await listBulletins(t.db)).toEqual([]);
  });

  it('numbers run per year in the format of the settings; a format without a sequence is refused', async () => {
    const id = await itemIdByTitle('象印');
    await createBulletin(t.db, { template: 'single', itemIds: [id], by, date: '2019-12-20' });
    await saveNumberFormat(t.db, 'ISMS-{YY}-{NNNN}', { by });
    expect((await createBulletin(t.db, { template: 'single', itemIds: [id], by, date: '2019-12-21' })).number).toBe('ISMS-19-0002');
    expect((await createBulletin(t.db, { template: 'single', itemIds: [id], by, date: '2020-01-02' })).number).toBe('ISMS-20-0001');
    await expect(saveNumberFormat(t.db, 'SEC-{YYYY}', { by })).rejects.toThrow(InvalidNumberFormatError);
  });

  it('an edited template in settings is used for the next draft; the English default works too', async () => {
    const templates = await readTemplates(t.db);
    templates.single.ja = '# 独自書式\n\n{{summary}}\n\n## 社員へのお願い\n\n{{actions}}\n';
    await saveTemplates(t.db, templates, { by });
    const id = await itemIdByTitle('象印');
    const ja = await createBulletin(t.db, { template: 'single', itemIds: [id], by });
    expect(ja.bodyMarkdown).toMatch(/^# 独自書式/);
    expect(ja.bodyMarkdown).not.toContain('## 5. 参考');
    const en = await createBulletin(t.db, { template: 'single', itemIds: [id], by, language: 'en' });
    expect(en.bodyMarkdown).toContain('## 4. What you must do');
    expect(en.bodyMarkdown).toMatch(/multi-factor authentication/);
  });

  it('the officer’s corrections win over the extractor', async () => {
    const id = await itemIdByTitle('象印');
    await correctFact(t.db, { id, field: 'organization', value: '象印マホービン株式会社', by });
    await correctFact(t.db, { id, field: 'category', value: 'misdelivery', by });
    const b = await createBulletin(t.db, { template: 'single', itemIds: [id], by });
    expect(b.bodyMarkdown).toContain('象印マホービン株式会社');
    expect(b.bodyMarkdown).toContain('Bcc');
  });
});

describe('workflow', () => {
  it('draft → edit → approve → issue → frozen → new version, every step recorded', async () => {
    const id = await itemIdByTitle('象印');
    const draft = await createBulletin(t.db, { template: 'single', itemIds: [id], by, date: '2019-12-20', now: at('2019-12-20T01:00:00Z') });
    const edited = await editBulletin(t.db, draft.id, { title: '【注意喚起】通販サイトへの不正アクセス', classification: '社外秘' }, { by: 'editor' });
    expect(edited).toMatchObject({ title: '【注意喚起】通販サイトへの不正アクセス', classification: '社外秘', state: 'draft' });
    // Unchanged values record nothing.
    await editBulletin(t.db, draft.id, { classification: '社外秘' }, { by });

    await approveBulletin(t.db, draft.id, { by: 'manager' });
    await expect(editBulletin(t.db, draft.id, { title: 'x' }, { by })).rejects.toThrow(BulletinStateError);
    await reopenBulletin(t.db, draft.id, { by: 'manager' });
    await editBulletin(t.db, draft.id, { audience: '営業部各位' }, { by });
    await approveBulletin(t.db, draft.id, { by: 'manager' });

    const issued = await issueBulletin(t.db, draft.id, null, { by: 'manager' });
    expect(issued.bulletin.state).toBe('issued');
    expect(issued.itemIds).toEqual([id]);
    const artifact = await getArtifact(t.db, draft.id);
    expect(artifact?.html.toString('utf8')).toContain('営業部各位');
    expect(artifact?.htmlSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(artifact?.pdf).toBeNull();
    expect(artifact?.sources[0]).toMatchObject({ itemId: id, organization: '象印マホービン' });

    await expect(editBulletin(t.db, draft.id, { title: 'x' }, { by })).rejects.toThrow(BulletinStateError);
    // The database itself refuses to touch an issued bulletin or its artifact, whatever code runs.
    await expect(t.db.withTransaction((tx) => tx.run("UPDATE bulletins SET title = 'x' WHERE id = ?", [draft.id]))).rejects.toThrow(/frozen/);
    await expect(t.db.withTransaction((tx) => tx.run('DELETE FROM bulletin_artifacts'))).rejects.toThrow(/kept/);
    await expect(t.db.withTransaction((tx) => tx.run('DELETE FROM bulletin_changes'))).rejects.toThrow(/append-only/);

    const v2 = await createNewVersion(t.db, draft.id, { by });
    expect(v2).toMatchObject({ number: 'SEC-2019-001', version: 2, parentId: draft.id, state: 'draft', audience: '営業部各位', itemIds: [id] });
    await expect(createNewVersion(t.db, draft.id, { by })).rejects.toThrow(/not|already/);

    const actions = (await listBulletinChanges(t.db, draft.id)).map((c) => `${c.action}:${c.changedBy}`);
    expect(actions).toEqual(['created:officer', 'edited:editor', 'approved:manager', 'reopened:manager', 'edited:officer', 'approved:manager', 'issued:manager']);
    const edit = (await listBulletinChanges(t.db, draft.id))[1];
    expect(edit?.detail).toMatchObject({ classification: { from: '社内限り', to: '社外秘' } });
    expect((await listBulletinChanges(t.db, v2.id)).map((c) => c.action)).toEqual(['new_version']);
  });

  it('issuing hands back the items; moving them to 周知済 goes through the status history', async () => {
    const ids = [await itemIdByTitle('象印'), await itemIdByTitle('メールアカウント流出')];
    const b = await createBulletin(t.db, { template: 'digest', itemIds: ids, by });
    await approveBulletin(t.db, b.id, { by });
    const { itemIds } = await issueBulletin(t.db, b.id, null, { by });
    expect(await markItemsNotified(t.db, itemIds, { by })).toEqual(ids);
    const item = await getItem(t.db, ids[0] ?? 0);
    expect(item.status).toBe('notified');
    expect(item.history[0]).toMatchObject({ from: 'new', to: 'notified', changedBy: by });
    // Already notified: nothing moves twice.
    expect(await markItemsNotified(t.db, itemIds, { by })).toEqual([]);
  });

  it('lists bulletins with search and tells which bulletins covered an item', async () => {
    const zojirushi = await itemIdByTitle('象印');
    const single = await createBulletin(t.db, { template: 'single', itemIds: [zojirushi], by, date: '2019-12-20' });
    const digest = await createBulletin(t.db, { template: 'digest', period: { from: '2019-12-01', to: '2019-12-31' }, by, date: '2019-12-28' });
    expect((await listBulletins(t.db)).map((b) => b.number)).toEqual(['SEC-2019-002', 'SEC-2019-001']);
    expect((await listBulletins(t.db, '事例まとめ')).map((b) => b.id)).toEqual([digest.id]);
    expect((await listBulletins(t.db, 'SEC-2019-001')).map((b) => b.id)).toEqual([single.id]);
    expect(await listBulletins(t.db, '100%')).toEqual([]);
    expect((await listCoverageOfItem(t.db, zojirushi)).map((c) => c.number)).toEqual(['SEC-2019-001', 'SEC-2019-002']);
  });
});
