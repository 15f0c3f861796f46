import { describe, expect, it } from 'vitest';
import { CHANNELS } from './channels.js';
import { contract } from './contract.js';

describe('IPC contract', () => {
  it('the preload channel list and the contract name the same channels', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });

  it('the channel list is what review last approved (a new channel must show up here)', () => {
    expect(CHANNELS).toEqual(['app.info', 'board.load', 'items.get', 'items.move', 'items.correct', 'profile.get', 'profile.save', 'import.files', 'import.demo', 'import.text', 'import.cancel', 'imports.list', 'imports.undo', 'import.mapColumns', 'links.open',
      'bulletins.list', 'bulletins.get', 'bulletins.create', 'bulletins.edit', 'bulletins.approve', 'bulletins.reopen', 'bulletins.issue',
      'bulletins.newVersion', 'bulletins.preview', 'bulletins.pdf', 'bulletins.print', 'bulletins.forItem', 'bulletins.settings', 'bulletins.saveSettings',
      'board.table', 'board.column', 'views.list', 'views.save', 'views.delete', 'board.sources',
      'items.bulkUpdate', 'items.bulkUndo',
      'items.setNote', 'items.addTags', 'items.removeTags', 'items.link', 'items.unlink', 'tags.list', 'history.export']);
  });

  it('R8 rejects wrong types, extra keys, prototype keys and out-of-range numbers', () => {
    const move = contract['items.move'].input;
    expect(move.safeParse({ id: 1, to: 'triage' }).success).toBe(true);
    expect(move.safeParse({ id: '1', to: 'triage' }).success).toBe(false);
    expect(move.safeParse({ id: 1, to: 'archived' }).success).toBe(false);
    expect(move.safeParse({ id: Number.NaN, to: 'new' }).success).toBe(false);
    expect(move.safeParse({ id: -0, to: 'new' }).success).toBe(false);
    expect(move.safeParse({ id: 2 ** 53 + 1, to: 'new' }).success).toBe(false);
    expect(move.safeParse({ id: 1, to: 'new', extra: true }).success).toBe(false);
    expect(move.safeParse(JSON.parse('{"id":1,"to":"new","__proto__":{"x":1}}')).success).toBe(false);
    expect(move.safeParse(null).success).toBe(false);
    expect(contract['board.load'].input.safeParse({ text: 'x'.repeat(1001) }).success).toBe(false);
    expect(contract['board.load'].input.safeParse({ search: 'x' }).success).toBe(false);
    expect(contract['board.load'].input.safeParse({ kinds: ['nonsense'] }).success).toBe(false);
    expect(contract['board.load'].input.safeParse({ publishedFrom: '2019/12/01' }).success).toBe(false);
    expect(contract['board.load'].input.parse({})).toMatchObject({ text: '', kinds: [], sort: 'relevance', limitPerColumn: 200 });
    expect(contract['views.save'].input.safeParse({ name: '  ', query: {} }).success).toBe(false);
    expect(contract['board.table'].input.parse({})).toMatchObject({ sort: { column: 'relevance', direction: 'desc' }, page: { limit: 100, offset: 0 } });
  });

  it('R8 rejects import payloads that are not base64 or have unsafe names', () => {
    const files = contract['import.files'].input;
    expect(files.safeParse({ files: [{ name: 'a.csv', contentBase64: 'YQ==' }] }).success).toBe(true);
    expect(files.safeParse({ files: [{ name: 'a.csv', contentBase64: 'not base64!' }] }).success).toBe(false);
    expect(files.safeParse({ files: [] }).success).toBe(false);
    expect(files.safeParse({ files: [{ name: '', contentBase64: '' }] }).success).toBe(false);
  });

  it('R8 checks a correction against its field: known fields only, values in the field shape', () => {
    const correct = contract['items.correct'].input;
    expect(correct.safeParse({ id: 1, field: 'category', value: 'loss' }).success).toBe(true);
    expect(correct.safeParse({ id: 1, field: 'category' }).success).toBe(true);
    expect(correct.safeParse({ id: 1, field: 'severity', value: 4 }).success).toBe(true);
    expect(correct.safeParse({ id: 1, field: 'affected.people', value: 1200 }).success).toBe(true);
    expect(correct.safeParse({ id: 1, field: 'dataTypes', value: ['name', 'card_number'] }).success).toBe(true);
    expect(correct.safeParse({ id: 1, field: 'category', value: 'espionage' }).success).toBe(false);
    expect(correct.safeParse({ id: 1, field: 'severity', value: 5 }).success).toBe(false);
    expect(correct.safeParse({ id: 1, field: 'affected.people', value: -3 }).success).toBe(false);
    expect(correct.safeParse({ id: 1, field: 'occurredAt', value: '令和5年' }).success).toBe(false);
    expect(correct.safeParse({ id: 1, field: 'dataTypes', value: ['name', 'soul'] }).success).toBe(false);
    expect(correct.safeParse({ id: 1, field: 'cves', value: ['CVE-20-1'] }).success).toBe(false);
    expect(correct.safeParse({ id: 1, field: 'title', value: 'x' }).success).toBe(false);
    expect(correct.safeParse({ id: 1, field: '__proto__', value: 'x' }).success).toBe(false);
  });

  it('R8 checks a bulk change: unique ids, at most 5,000, one known change, batch ids in their shape', () => {
    const bulk = contract['items.bulkUpdate'].input;
    expect(bulk.safeParse({ ids: [1, 2], change: { status: 'triage' } }).success).toBe(true);
    expect(bulk.safeParse({ ids: [1], change: { category: null } }).success).toBe(true);
    expect(bulk.safeParse({ ids: [1], change: { severity: 4 } }).success).toBe(true);
    expect(bulk.safeParse({ ids: [], change: { status: 'triage' } }).success).toBe(false);
    expect(bulk.safeParse({ ids: [1, 1], change: { status: 'triage' } }).success).toBe(false);
    expect(bulk.safeParse({ ids: Array.from({ length: 5001 }, (_, i) => i + 1), change: { status: 'new' } }).success).toBe(false);
    expect(bulk.safeParse({ ids: [1], change: { status: 'triage', severity: 2 } }).success).toBe(false);
    expect(bulk.safeParse({ ids: [1], change: { severity: 5 } }).success).toBe(false);
    expect(bulk.safeParse({ ids: [1], change: { title: 'x' } }).success).toBe(false);
    expect(bulk.safeParse({ ids: ['1'], change: { status: 'new' } }).success).toBe(false);
    expect(bulk.parse({ ids: [1], change: { addTags: [' Ｅｍｏｔｅｔ '] } }).change).toEqual({ addTags: ['Emotet'] });
    expect(bulk.safeParse({ ids: [1], change: { removeTags: ['要確認'] } }).success).toBe(true);
    expect(bulk.safeParse({ ids: [1], change: { addTags: [] } }).success).toBe(false);
    expect(bulk.safeParse({ ids: [1], change: { addTags: ['\u200b '] } }).success).toBe(false);
    const undo = contract['items.bulkUndo'].input;
    expect(undo.safeParse({ batchId: 'status:12-40' }).success).toBe(true);
    expect(undo.safeParse({ batchId: 'items:12-40' }).success).toBe(false);
    expect(undo.safeParse({ batchId: "status:1-2' OR 1" }).success).toBe(false);
  });

  it('R8 normalises tags at the boundary and refuses unusable ones, self links and reversed periods', () => {
    const tags = contract['items.addTags'].input;
    expect(tags.parse({ id: 1, tags: ['ＡＰＰＩ　報告 ', 'ｶﾞｲﾄﾞ'] })).toEqual({ id: 1, tags: ['APPI 報告', 'ガイド'] });
    expect(tags.safeParse({ id: 1, tags: [] }).success).toBe(false);
    expect(tags.safeParse({ id: 1, tags: [' \u200B\u0000'] }).success).toBe(false);
    expect(tags.safeParse({ id: 1, tags: ['x'.repeat(41)] }).success).toBe(false);
    expect(tags.safeParse({ id: 1, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }).success).toBe(false);
    expect(contract['items.link'].input.safeParse({ id: 1, otherId: 1 }).success).toBe(false);
    expect(contract['items.setNote'].input.safeParse({ id: 1, body: 'x'.repeat(100_001) }).success).toBe(false);
    expect(contract['history.export'].input.parse({})).toEqual({ format: 'csv' });
    expect(contract['history.export'].input.safeParse({ from: '2026-12-01', to: '2026-11-30' }).success).toBe(false);
    expect(contract['history.export'].input.safeParse({ from: '2026/12/01' }).success).toBe(false);
  });
});
