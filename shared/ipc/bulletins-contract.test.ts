import { describe, expect, it } from 'vitest';
import { contract } from './contract.js';

describe('bulletin channels: hostile input is refused before any handler runs', () => {
  it('create: a known template, item ids or a period that exists, one item for a single notice', () => {
    const create = contract['bulletins.create'].input;
    expect(create.safeParse({ template: 'single', itemIds: [3] }).success).toBe(true);
    expect(create.safeParse({ template: 'digest', itemIds: [1, 2, 3] }).success).toBe(true);
    expect(create.safeParse({ template: 'digest', period: { from: '2023-07-01', to: '2023-07-31' }, language: 'en' }).success).toBe(true);
    expect(create.safeParse({ template: 'single', itemIds: [1, 2] }).success).toBe(false);
    expect(create.safeParse({ template: 'single' }).success).toBe(false);
    expect(create.safeParse({ template: 'poster', itemIds: [1] }).success).toBe(false);
    expect(create.safeParse({ template: 'digest', itemIds: [] }).success).toBe(false);
    expect(create.safeParse({ template: 'digest', itemIds: [-1] }).success).toBe(false);
    expect(create.safeParse({ template: 'digest', itemIds: [1.5] }).success).toBe(false);
    expect(create.safeParse({ template: 'digest', itemIds: Array.from({ length: 501 }, (_, i) => i + 1) }).success).toBe(false);
    expect(create.safeParse({ template: 'digest', period: { from: '2023-02-30', to: '2023-03-01' } }).success).toBe(false);
    expect(create.safeParse({ template: 'digest', period: { from: '2023-07-31', to: '2023-07-01' } }).success).toBe(false);
    expect(create.safeParse({ template: 'digest', period: { from: '2023-07-01', to: "2023-07-31' OR 1=1" } }).success).toBe(false);
    expect(create.safeParse({ template: 'single', itemIds: [1], language: 'fr' }).success).toBe(false);
    expect(create.safeParse({ template: 'single', itemIds: [1], by: 'someone else' }).success).toBe(false);
    expect(create.safeParse(JSON.parse('{"template":"single","itemIds":[1],"__proto__":{"x":1}}')).success).toBe(false);
  });

  it('edit: only the editable fields, bounded, single-line where printed as one line', () => {
    const edit = contract['bulletins.edit'].input;
    expect(edit.safeParse({ id: 1, title: '件名', classification: '社外秘', bodyMarkdown: '## 本文\n\n- a' }).success).toBe(true);
    expect(edit.safeParse({ id: 1, classification: '極秘' }).success).toBe(false);
    expect(edit.safeParse({ id: 1, title: '' }).success).toBe(false);
    expect(edit.safeParse({ id: 1, title: '一行目\n二行目' }).success).toBe(false);
    expect(edit.safeParse({ id: 1, department: 'a\u0000b' }).success).toBe(false);
    expect(edit.safeParse({ id: 1, date: '2023-13-01' }).success).toBe(false);
    expect(edit.safeParse({ id: 1, bodyMarkdown: 'x'.repeat(200_001) }).success).toBe(false);
    expect(edit.safeParse({ id: 1, state: 'issued' }).success).toBe(false);
    expect(edit.safeParse({ id: 1, number: 'SEC-2023-999' }).success).toBe(false);
    expect(edit.safeParse({ id: '1', title: 'x' }).success).toBe(false);
  });

  it('issue needs an explicit markNotified; preview takes only editable draft fields; settings need a sequence token', () => {
    expect(contract['bulletins.issue'].input.safeParse({ id: 1 }).success).toBe(false);
    expect(contract['bulletins.issue'].input.safeParse({ id: 1, markNotified: 'yes' }).success).toBe(false);
    expect(contract['bulletins.preview'].input.safeParse({ id: 1, draft: { title: 'x' } }).success).toBe(true);
    expect(contract['bulletins.preview'].input.safeParse({ id: 1, draft: { state: 'issued' } }).success).toBe(false);
    expect(contract['bulletins.list'].input.parse({})).toEqual({ search: '', limit: 100 });
    expect(contract['bulletins.list'].input.safeParse({ search: 'x'.repeat(201) }).success).toBe(false);
    const settings = contract['bulletins.saveSettings'].input;
    expect(settings.safeParse({ numberFormat: 'SEC-{YYYY}-{NNN}' }).success).toBe(true);
    expect(settings.safeParse({ numberFormat: 'SEC-{YYYY}' }).success).toBe(false);
    expect(settings.safeParse({ templates: { single: { ja: 'a' } } }).success).toBe(false);
    expect(contract['bulletins.forItem'].input.safeParse({ itemId: 0 }).success).toBe(false);
  });
});
