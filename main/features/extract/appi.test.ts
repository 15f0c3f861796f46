import { describe, expect, it } from 'vitest';
import type { DataType } from '../../../shared/domain/vocabulary.js';
import { judgeAppi, type AppiInput } from './appi.js';

const span = [{ start: 0, end: 1 }];
function input(overrides: Partial<AppiInput> & { types?: DataType[]; peopleCount?: number | null }): AppiInput {
  const { types = [], peopleCount = null, ...rest } = overrides;
  return {
    kind: 'incident',
    category: 'misdelivery',
    categoryEvidence: span,
    dataTypes: types.map((value) => ({ value, evidence: span })),
    people: { value: peopleCount, evidence: peopleCount === null ? [] : span },
    records: { value: null, evidence: [] },
    personalDataEvidence: span,
    skimmingEvidence: [],
    saysNoLeak: false,
    ...rest,
  };
}
const reasons = (i: AppiInput) => judgeAppi(i).reasons.map((r) => r.value);

describe('judgeAppi', () => {
  it('reports health data as sensitive (要配慮個人情報)', () => {
    expect(reasons(input({ types: ['name', 'health'], peopleCount: 43 }))).toEqual(['sensitive']);
  });

  it('reports card and bank data as financial', () => {
    expect(reasons(input({ types: ['card_number', 'card_cvv'], peopleCount: 37 }))).toEqual(['financial']);
  });

  it('reports an attack, theft or insider as malicious, and web skimming even when the category is not an attack', () => {
    expect(reasons(input({ category: 'unauthorized_access', types: ['email'], peopleCount: 10 }))).toEqual(['malicious']);
    expect(reasons(input({ category: 'insider', types: ['name'], peopleCount: 10 }))).toEqual(['malicious']);
    expect(reasons(input({ category: 'other', skimmingEvidence: span, types: ['name'], peopleCount: 10 }))).toEqual(['malicious']);
  });

  it('reports more than 1,000 people, and My Number of more than 100', () => {
    expect(reasons(input({ types: ['name'], peopleCount: 1001 }))).toEqual(['over_1000']);
    expect(reasons(input({ types: ['name'], peopleCount: 1000 }))).toEqual([]);
    expect(reasons(input({ types: ['my_number'], peopleCount: 1992 }))).toEqual(['over_1000', 'my_number_over_100']);
    expect(reasons(input({ types: ['my_number'], peopleCount: 100 }))).toEqual([]);
  });

  it('is false for a personal-data accident with a known headcount and no reason', () => {
    expect(judgeAppi(input({ types: ['name', 'email'], peopleCount: 11 })).reportable).toBe(false);
  });

  it('is unknown when the headcount is unknown and nothing applies yet', () => {
    expect(judgeAppi(input({ types: ['name'] })).reportable).toBeNull();
  });

  it('is false for an attack that, the notice says, reached no personal data', () => {
    expect(judgeAppi(input({ category: 'unauthorized_access', saysNoLeak: true })).reportable).toBe(false);
  });

  it('does not apply to advisories, reports or items without personal data', () => {
    expect(judgeAppi(input({ kind: 'advisory', types: ['card_number'] }))).toEqual({ reportable: null, reasons: [] });
    expect(judgeAppi(input({ personalDataEvidence: [], types: [] }))).toEqual({ reportable: null, reasons: [] });
  });
});
