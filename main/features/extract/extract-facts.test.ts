import { describe, expect, it } from 'vitest';
import { itemText, type ExtractedFacts, type Fact } from '../../../shared/domain/facts.js';
import { EXTRACTOR_VERSION, extractFacts } from './extract-facts.js';

const evidenceText = (title: string, body: string, fact: Fact<unknown>) =>
  fact.evidence.map((s) => itemText(title, body).slice(s.start, s.end));

function allSpansInside(facts: ExtractedFacts, length: number): boolean {
  const facts1: Fact<unknown>[] = [
    facts.kind, facts.category, facts.organization, facts.publishedAt, facts.occurredAt, facts.detectedAt, facts.reportSeq, facts.caseId,
    facts.affected.people, facts.affected.records, facts.affected.organizations,
    ...facts.dataTypes, ...facts.cves, ...facts.products, ...facts.causes, ...facts.countermeasures, ...facts.appi.reasons,
  ];
  return facts1.every((f) => f.evidence.every((s) => s.start >= 0 && s.end <= length && s.start <= s.end));
}

// A notice in the style of the casebook samples (004_*.txt, casebook-2023-07.atom), full-width digits included.
const TITLE = '【セキュリティ事件簿#2023-266】東谷株式会社 弊社が運営する「fkolme.com」への不正アクセスによる 個人情報漏えいに関するお詫びとお知らせ ２０２３年７月１８日';
const BODY = [
  'このたび、弊社が運営する「fkolme.com」におきまして、第三者による不正アクセスを受け、お客様のクレジットカード情報（46件）が漏洩した可能性があることが判明いたしました。',
  '1. 経緯',
  '2023年1月12日、お客様のクレジットカード情報の漏洩懸念に気づき、2023年1月16日弊社が運営する「fkolme.com」でのカード決済を停止いたしました。',
  '2. 個人情報漏洩状況',
  '(1)原因',
  '弊社が運営する「fkolme.com」のシステムの一部の脆弱性をついたことによる第三者の不正アクセスにより、ペイメントアプリケーションの改ざんが行われたため。',
  '(2)個人情報漏洩の可能性があるお客様',
  '2022年11月11日~2023年1月13日の期間に「fkolme.com」においてクレジットカード決済を行ったお客様37名で、漏洩した可能性のある情報は以下のとおりです。',
  '・カード名義人名',
  '・クレジットカード番号',
  '・有効期限',
  '・セキュリティコード',
  '5. 再発防止策',
  'システムのセキュリティ対策および監視体制の強化を行い、再発防止を図ってまいります。',
].join('\n');

describe('extractFacts', () => {
  it('reads every fact of a breach notice, each with its evidence in the original text', () => {
    const facts = extractFacts({ title: TITLE, body: BODY, publishedAt: null, sourceCategory: null });
    expect(facts.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(facts.kind.value).toBe('incident');
    expect(facts.category.value).toBe('unauthorized_access');
    expect(facts.organization.value).toBe('東谷株式会社');
    expect(facts.caseId.value).toBe('#2023-266');
    expect(facts.publishedAt.value).toBe('2023-07-18');
    // The evidence is the full-width text the officer sees, not the folded copy.
    expect(evidenceText(TITLE, BODY, facts.publishedAt)).toEqual(['２０２３年７月１８日']);
    expect(facts.detectedAt.value).toBe('2023-01-12');
    expect(facts.occurredAt.value).toBe('2022-11-11');
    expect(facts.disclosureLagDays).toBe(187);
    expect(facts.affected.people.value).toBe(37);
    expect(facts.affected.records.value).toBe(46);
    expect(evidenceText(TITLE, BODY, facts.affected.records)).toEqual(['46件']);
    expect(facts.dataTypes.map((d) => d.value).sort()).toEqual(['card_cvv', 'card_expiry', 'card_holder', 'card_number']);
    expect(facts.causes.map((c) => c.value)).toHaveLength(1);
    expect(facts.countermeasures[0]?.value).toContain('監視体制の強化');
    expect(facts.appi.reportable).toBe(true);
    expect(facts.appi.reasons.map((r) => r.value)).toEqual(['financial', 'malicious']);
    expect(facts.severity.value).toBeGreaterThanOrEqual(3);
    expect(allSpansInside(facts, itemText(TITLE, BODY).length)).toBe(true);
  });

  it('takes the feed date as the publication and computes the disclosure lag from it', () => {
    const facts = extractFacts({
      title: 'TOKYOMXのWebサイトへ不正アクセス。37万人分の視聴者情報流出',
      body: 'TOKYOMXは10月4日、同社Webサイトへの不正アクセスを受け、視聴者情報37万人分が流出したと発表を行いました。 不正アクセスが発覚したのは、10月3日。',
      publishedAt: '2017-10-05',
      sourceCategory: '情報漏洩',
    });
    expect(facts.publishedAt.value).toBe('2017-10-05');
    expect(facts.detectedAt).toEqual(expect.objectContaining({ value: '2017-10-03' }));
    expect(facts.disclosureLagDays).toBe(2);
    expect(facts.organization.value).toBe('TOKYOMX');
    expect(facts.affected.people.value).toBe(370000);
  });

  it('uses the source organisation when the source names one', () => {
    const facts = extractFacts({ title: '「Emotet」感染で不正メール送信', body: '【状況】\nパソコンが攻撃メールで感染した', publishedAt: '2019-12-09', sourceCategory: 'サイバー攻撃', sourceOrganization: '株式会社サンウェル' });
    expect(facts.organization).toEqual({ value: '株式会社サンウェル', evidence: [] });
    expect(facts.category.value).toBe('malware');
  });

  it('reads an advisory: no victim, no APPI judgement, but a category', () => {
    const facts = extractFacts({ title: 'PayPay をかたるフィッシング発生', body: '', publishedAt: '2019-11-22', sourceCategory: 'セキュリティ対策' });
    expect(facts.kind.value).toBe('advisory');
    expect(facts.category.value).toBe('phishing_fraud');
    expect(facts.organization.value).toBeNull();
    expect(facts.appi).toEqual({ reportable: null, reasons: [] });
    expect(facts.severity.value).toBeNull();
  });

  it('reads an English misdelivery notice (an invented municipality)', () => {
    const facts = extractFacts({
      title: 'Sample City notifies residents of email misdelivery',
      body: 'On June 1, 2024, a city employee sent an email containing the names and addresses of 152 residents to the wrong recipient.',
      publishedAt: '2024-06-05',
      sourceCategory: null,
    });
    expect(facts.kind.value).toBe('incident');
    expect(facts.category.value).toBe('misdelivery');
    expect(facts.occurredAt.value).toBe('2024-06-01');
    expect(facts.affected.people.value).toBe(152);
    expect(facts.dataTypes.map((d) => d.value).sort()).toEqual(['address', 'name']);
    expect(facts.appi.reportable).toBe(false);
    expect(facts.severity.value).toBe(1);
  });

  it('gives English items reasonable facts', () => {
    const title = 'Acme Corp. discloses data breach affecting 1.2 million customers';
    const body =
      'Acme Corp. said on July 14, 2023 that an unauthorized party accessed its customer database. The company discovered the intrusion on June 30, 2023. ' +
      'Exposed data includes names, email addresses, phone numbers and passwords. The attackers exploited CVE-2023-34362 in MOVEit Transfer.';
    const facts = extractFacts({ title, body, publishedAt: '2023-07-15', sourceCategory: null });
    expect(facts.kind.value).toBe('incident');
    expect(facts.organization.value).toBe('Acme Corp.');
    expect(facts.affected.people.value).toBe(1200000);
    expect(facts.detectedAt.value).toBe('2023-06-30');
    expect(facts.cves.map((c) => c.value)).toEqual(['CVE-2023-34362']);
    expect(facts.products.map((p) => p.value)).toEqual(['MOVEit Transfer']);
    expect(facts.dataTypes.map((d) => d.value).sort()).toEqual(['email', 'name', 'password', 'phone']);
    expect(facts.appi.reasons.map((r) => r.value)).toContain('over_1000');
  });
});

describe('extractFacts on bad input', () => {
  it('reads 1 MB of text in well under a second', () => {
    const body = BODY.repeat(Math.ceil(1_000_000 / BODY.length)).slice(0, 1_000_000);
    const started = performance.now();
    const facts = extractFacts({ title: TITLE, body, publishedAt: '2023-07-18', sourceCategory: null });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(facts.kind.value).toBe('incident');
  });

  it('never hangs on inputs built to make regexes backtrack', () => {
    const hostile = [
      '1,'.repeat(50_000),
      '9'.repeat(100_000) + '件',
      '株'.repeat(100_000),
      'ア'.repeat(100_000) + 'は',
      ' '.repeat(100_000) + '年',
      '2023 年 '.repeat(20_000),
      'A '.repeat(50_000) + 'Inc.',
      '【'.repeat(50_000),
      '第'.repeat(50_000) + '報',
      // One 90,000-character "word": a pattern that scans to the end of a word from every capital would be quadratic.
      'CVE-2023-'.repeat(10_000),
      'A'.repeat(100_000),
      '#2023-'.repeat(20_000),
    ];
    for (const body of hostile) {
      for (const title of [body.slice(0, 200), body]) {
        const started = performance.now();
        extractFacts({ title, body, publishedAt: null, sourceCategory: null });
        expect(performance.now() - started).toBeLessThan(1000);
      }
    }
  });

  it('returns sane values for absurd numbers', () => {
    const facts = extractFacts({ title: '不正アクセスにより1e30件の個人情報が流出', body: '99999999999999999999人分の個人情報が漏えいしました。', publishedAt: null, sourceCategory: null });
    expect(facts.affected.records.value).toBeNull();
    expect(facts.affected.people.value).toBeNull();
  });

  it('ignores occurrence dates in the future of the publication and never gives a negative lag', () => {
    const facts = extractFacts({ title: '不正アクセスについて', body: '2099年1月1日に不正アクセスが発生し、2099年1月2日に発覚しました。', publishedAt: '2023-07-01', sourceCategory: null });
    expect(facts.occurredAt.value).toBeNull();
    expect(facts.detectedAt.value).toBeNull();
    expect(facts.disclosureLagDays).toBeNull();
  });

  it('handles text with no Japanese, mixed scripts, and empty strings', () => {
    expect(() => extractFacts({ title: 'Quarterly newsletter', body: 'Nothing to report this quarter.', publishedAt: null, sourceCategory: null })).not.toThrow();
    expect(extractFacts({ title: 'Quarterly newsletter', body: 'Nothing to report this quarter.', publishedAt: null, sourceCategory: null }).kind.value).toBe('other');
    const mixed = extractFacts({ title: 'Ｘ社のサーバーにransomware攻撃 – 서버 장애 🔥', body: 'Система 攻撃 ransomware 2023年7月1日に発生。', publishedAt: '2023-07-02', sourceCategory: null });
    expect(mixed.category.value).toBe('ransomware');
    const empty = extractFacts({ title: '', body: '', publishedAt: null, sourceCategory: null });
    expect(empty.kind.value).toBe('other');
    expect(empty.organization.value).toBeNull();
    expect(empty.dataTypes).toEqual([]);
    expect(empty.disclosureLagDays).toBeNull();
  });

  it('ignores a publication date that is not a date', () => {
    expect(extractFacts({ title: 'x', body: '', publishedAt: 'yesterday', sourceCategory: null }).publishedAt.value).toBeNull();
  });
});
