import { describe, expect, it } from 'vitest';
import { findCves, findProducts } from './cves-products.js';

describe('findCves', () => {
  it('reads CVE identifiers once each, upper-cased', () => {
    expect(findCves('「Apache Struts2」の脆弱性(CVE-2017-5638)と cve-2021-44228、再びCVE-2017-5638').map((c) => c.value)).toEqual([
      'CVE-2017-5638',
      'CVE-2021-44228',
    ]);
  });

  it('ignores malformed identifiers', () => {
    expect(findCves('CVE-17-5638 CVE-2017-12')).toEqual([]);
  });
});

describe('findProducts', () => {
  it('finds widely deployed products, with versions, once each', () => {
    expect(findProducts('「Apache Struts2」の脆弱性。「Apache Struts 2」への攻撃').map((p) => p.value)).toEqual(['Apache Struts2']);
    expect(findProducts('申込みの受付を Google フォームにより行った').map((p) => p.value)).toEqual(['Google フォーム']);
    expect(findProducts('FortiOS and Ivanti Connect Secure were exploited').map((p) => p.value)).toEqual(['FortiOS', 'Ivanti Connect Secure']);
  });

  it('keeps one name for one product (`Microsoft Exchange Server`, then `Exchange Server`)', () => {
    expect(findProducts('Microsoft Exchange Server の脆弱性。Exchange Server を更新').map((p) => p.value)).toEqual(['Microsoft Exchange Server']);
  });

  it('names a quoted system or service, but not a quoted shop', () => {
    expect(findProducts('自治体専用IaaSシステム「Jip-Base」の障害').map((p) => p.value)).toEqual(['Jip-Base']);
    expect(findProducts('運営していた『リクナビDMPフォロー』サービスに係る調査').map((p) => p.value)).toEqual(['リクナビDMPフォロー']);
    expect(findProducts('「象印でショッピング」サイトが不正アクセスを受け')).toEqual([]);
  });

  it('does not take generic words alone for products', () => {
    expect(findProducts('VPN 装置と UTM を導入し、Java の講習を行った')).toEqual([]);
  });
});
