import { describe, expect, it } from 'vitest';
import type { ExpectedFacts } from './label-schema.js';
import {
  normalizeOrganization,
  scoreItem,
  scoreKeyPhrases,
  scoreScalar,
  scoreSet,
  summarize,
  type PredictedFacts,
} from './score.js';

const EMPTY_EXPECTED: ExpectedFacts = {
  kind: 'incident',
  category: null,
  organization: null,
  publishedAt: null,
  occurredAt: null,
  detectedAt: null,
  reportSeq: null,
  caseId: null,
  affected: { people: null, records: null, organizations: null },
  dataTypes: [],
  cves: [],
  products: [],
  causes: [],
  countermeasures: [],
  appi: { reportable: null, reasons: [] },
  disclosureLagDays: null,
};

const EMPTY_PREDICTED: PredictedFacts = {
  kind: 'incident',
  category: null,
  organization: null,
  publishedAt: null,
  occurredAt: null,
  detectedAt: null,
  reportSeq: null,
  caseId: null,
  affected: { people: null, records: null, organizations: null },
  dataTypes: [],
  cves: [],
  products: [],
  causes: [],
  countermeasures: [],
  appi: { reportable: null, reasons: [] },
  disclosureLagDays: null,
};

describe('scoreScalar', () => {
  it('counts a right value as TP, a wrong one as FP and FN, a missed one as FN, silence on null as nothing', () => {
    expect(scoreScalar(3, 3)).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scoreScalar(3, 4)).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(scoreScalar(3, null)).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(scoreScalar<number>(null, 4)).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(scoreScalar(null, null)).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it('treats false as a value, not as silence', () => {
    expect(scoreScalar(false, false)).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scoreScalar<boolean>(null, false)).toEqual({ tp: 0, fp: 1, fn: 0 });
  });
});

describe('scoreSet', () => {
  it('compares element by element and ignores duplicates', () => {
    expect(scoreSet(['name', 'email', 'phone'], ['email', 'name', 'name', 'password'])).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(scoreSet([], [])).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});

describe('scoreKeyPhrases', () => {
  it('finds a phrase in any predicted sentence, NFKC and whitespace-insensitively', () => {
    // Ｗｅｂ and the Kangxi radical ⽣ (U+2F63) fold to Web and 生 under NFKC.
    const got = scoreKeyPhrases(['複数職員で確認', '手作業による個人情報を含むリスト作成'], [
      '・Ｗｅｂ フォーム作成時には、複数職員 で確認を行う。',
      '本事案発⽣の要因となった、手作業による個人情報を含むリスト 作成を必要としない業務フローを構築します。',
    ]);
    expect(got).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('counts an unmatched sentence as FP and an unfound phrase as FN', () => {
    expect(scoreKeyPhrases(['監視体制の強化', 'パスワード変更'], ['監視体制の強化を行います。', 'お詫び申し上げます。'])).toEqual({
      tp: 1,
      fp: 1,
      fn: 1,
    });
  });

  it('lets one sentence carry two phrases: the label does not fix sentence boundaries', () => {
    expect(scoreKeyPhrases(['セキュリティ強化', 'アカウント管理の徹底'], ['セキュリティ強化、アカウント管理の徹底を実施します。'])).toEqual({
      tp: 2,
      fp: 0,
      fn: 0,
    });
  });
});

describe('normalizeOrganization', () => {
  it('ignores 株式会社, ㈱, (株), spaces and full-width letters', () => {
    expect(normalizeOrganization('ヤマハ株式会社')).toBe('ヤマハ');
    expect(normalizeOrganization('㈱ヤマハ')).toBe('ヤマハ');
    expect(normalizeOrganization('ヤマハ（株）')).toBe('ヤマハ');
    expect(normalizeOrganization('ＲＩＺＡＰ 株式会社')).toBe('rizap');
  });
});

describe('scoreItem', () => {
  it('scores a label against a prediction field by field', () => {
    const expected: ExpectedFacts = {
      ...EMPTY_EXPECTED,
      category: 'unauthorized_access',
      organization: ['東谷株式会社'],
      publishedAt: '2023-07-18',
      detectedAt: '2023-01-12',
      caseId: '#2023-266',
      affected: { people: 37, records: 46, organizations: null },
      dataTypes: ['card_number', 'card_cvv'],
      cves: ['CVE-2017-5638'],
      products: ['Apache Struts2'],
      causes: ['ペイメントアプリケーションの改ざん'],
      countermeasures: ['監視体制の強化'],
      appi: { reportable: true, reasons: ['financial', 'malicious'] },
      disclosureLagDays: 187,
    };
    const predicted: PredictedFacts = {
      ...EMPTY_PREDICTED,
      kind: 'advisory',
      category: 'unauthorized_access',
      organization: '東谷',
      publishedAt: '2023-07-18',
      occurredAt: '2022-11-11',
      caseId: '2023-266',
      affected: { people: 46, records: 46, organizations: null },
      dataTypes: ['card_number', 'name'],
      cves: ['cve-2017-5638'],
      products: ['Apache Struts 2'],
      causes: ['ペイメントアプリケーションの改ざんが行われたため。', 'お詫び申し上げます。'],
      countermeasures: [],
      appi: { reportable: true, reasons: ['malicious'] },
      disclosureLagDays: 249,
    };
    const s = scoreItem(expected, predicted);
    const counts = (name: keyof typeof s) => ({ tp: s[name].tp, fp: s[name].fp, fn: s[name].fn });
    expect(counts('kind')).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts('category')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts('organization')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts('occurredAt')).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(counts('detectedAt')).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(counts('caseId')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts('affected.people')).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts('affected.records')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts('affected.organizations')).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(counts('dataTypes')).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(counts('cves')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts('products')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts('causes')).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(counts('countermeasures')).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(counts('appi.reportable')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts('appi.reasons')).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(counts('disclosureLagDays')).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(s.organization.expected).toEqual(['東谷株式会社']);
    expect(s.organization.predicted).toBe('東谷');
  });

  it('accepts any listed spelling of the organisation and refuses others', () => {
    const expected: ExpectedFacts = { ...EMPTY_EXPECTED, organization: ['象印マホービン', '象印'] };
    expect(scoreItem(expected, { ...EMPTY_PREDICTED, organization: '象印' }).organization.tp).toBe(1);
    expect(scoreItem(expected, { ...EMPTY_PREDICTED, organization: '象印マホービン株式会社' }).organization.tp).toBe(1);
    const wrong = scoreItem(expected, { ...EMPTY_PREDICTED, organization: '象印でショッピング' }).organization;
    expect({ tp: wrong.tp, fp: wrong.fp, fn: wrong.fn }).toEqual({ tp: 0, fp: 1, fn: 1 });
    const extra = scoreItem(EMPTY_EXPECTED, { ...EMPTY_PREDICTED, organization: '象印' }).organization;
    expect({ tp: extra.tp, fp: extra.fp, fn: extra.fn }).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it('compares report sequences including final', () => {
    expect(scoreItem({ ...EMPTY_EXPECTED, reportSeq: 'final' }, { ...EMPTY_PREDICTED, reportSeq: 'final' }).reportSeq.tp).toBe(1);
    expect(scoreItem({ ...EMPTY_EXPECTED, reportSeq: 2 }, { ...EMPTY_PREDICTED, reportSeq: 'final' }).reportSeq.fp).toBe(1);
  });
});

describe('summarize', () => {
  it('gives precision, recall and support per field and a micro average over all fields', () => {
    const good = scoreItem({ ...EMPTY_EXPECTED, affected: { people: 10, records: null, organizations: null } }, {
      ...EMPTY_PREDICTED,
      affected: { people: 10, records: null, organizations: null },
    });
    const bad = scoreItem({ ...EMPTY_EXPECTED, affected: { people: 5, records: null, organizations: null } }, {
      ...EMPTY_PREDICTED,
      kind: 'other',
      affected: { people: 6, records: 3, organizations: null },
    });
    const figures = summarize([good, bad]);
    expect(figures.fields['affected.people']).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, support: 2 });
    expect(figures.fields['affected.records']).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null, support: 0 });
    expect(figures.fields.cves).toMatchObject({ precision: null, recall: null, support: 0 });
    // kind 1 TP + 1 FP/FN, people 1 TP + 1 FP/FN, records 1 FP: 2 TP, 3 FP, 2 FN.
    expect(figures.micro).toMatchObject({ tp: 2, fp: 3, fn: 2, precision: 0.4, recall: 0.5, support: 4 });
  });
});
