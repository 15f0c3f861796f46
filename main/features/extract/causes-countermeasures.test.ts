import { describe, expect, it } from 'vitest';
import { findCausesAndCountermeasures } from './causes-countermeasures.js';

const lists = (text: string) => {
  const found = findCausesAndCountermeasures(text);
  return { causes: found.causes.map((c) => c.value), countermeasures: found.countermeasures.map((c) => c.value) };
};

describe('findCausesAndCountermeasures', () => {
  it('reads the lines under 【原因】 and 【再発防止策】 headings, without bullets', () => {
    const text = '【状況】\n不正アクセスを受けた\n【原因】\n・システムの一部の脆弱性をついたことによる第三者の不正アクセス\n【再発防止策】\n・外部からの不正な接続に技術的に制限を設ける\n・セキュリティ教育の内容を改め、実施する\n【URL】\nhttps://example.jp';
    expect(lists(text)).toEqual({
      causes: ['システムの一部の脆弱性をついたことによる第三者の不正アクセス'],
      countermeasures: ['外部からの不正な接続に技術的に制限を設ける', 'セキュリティ教育の内容を改め、実施する'],
    });
  });

  it('reads numbered headings (2 原因, 3 再発防止策) and (1)原因', () => {
    const text = '1 概要\n研修の申込みを受け付けた。\n2 原因\nGoogle フォーム作成時に、設定の確認を十分に行わなかったため。\n3 再発防止策\n・Web フォーム作成時には、複数職員で確認を行う。';
    expect(lists(text)).toEqual({
      causes: ['Google フォーム作成時に、設定の確認を十分に行わなかったため'],
      countermeasures: ['Web フォーム作成時には、複数職員で確認を行う'],
    });
  });

  it('splits a 原因と対策 section at its (再発防止策) sub-headings', () => {
    const text = '【原因と対策】\n・1人で運用業務を担当する時間帯があった\n(再発防止策)\n操作ログの取得と監視\n・持ち出し管理をしていなかった\n(再発防止策)\n持ち出しルールの厳格化';
    expect(lists(text)).toEqual({
      causes: ['1人で運用業務を担当する時間帯があった', '持ち出し管理をしていなかった'],
      countermeasures: ['操作ログの取得と監視', '持ち出しルールの厳格化'],
    });
  });

  it('reads cue sentences in a body without headings', () => {
    const text = '原因は、同サイトで利用していた「Apache Struts 2」の脆弱性を利用されたことです。 セキュリティ対策については、脆弱性解消やシステム監視強化に取り組むとのことです。';
    const found = lists(text);
    expect(found.causes).toHaveLength(1);
    expect(found.causes[0]).toContain('脆弱性を利用');
    expect(found.countermeasures[0]).toContain('システム監視強化');
  });

  it('reads a blog heading run into its first sentence', () => {
    const text = 'USBメモリー紛失の原因 医師はUSBを許可なく持ち出したとの事。なお、USBメモリーにはパスワード設定がされていなかったとのことです。 USBメモリーのセキュリティ対策 1.外部への持ち出しは控えるようにしましょう。 2.持ち出す際は事前申請を義務付けましょう。';
    const found = lists(text);
    expect(found.causes.join()).toContain('許可なく持ち出した');
    expect(found.causes.join()).toContain('パスワード設定がされていなかった');
    expect(found.countermeasures).toEqual(['外部への持ち出しは控えるようにしましょう', '持ち出す際は事前申請を義務付けましょう']);
  });

  it('drops pledges without an action, apologies and reports to authorities', () => {
    const text = '【再発防止策】\n再発防止策を徹底して参ります。\nこの度はご迷惑とご心配をおかけして、大変申し訳ございません。\n監督官庁に2023年6月26日に報告済みです。\n確認体制・業務フローの見直しを行います。';
    expect(lists(text).countermeasures).toEqual(['確認体制・業務フローの見直しを行います']);
  });

  it('reads a pledge that names its actions, even far from its verb', () => {
    const text = '今回の事態を受け、当社ではグループ全拠点のシステムにおけるセキュリティ強化、アカウント管理の徹底、従業員へのセキュリティ教育を改めて実施してまいります。';
    expect(lists(text).countermeasures).toHaveLength(1);
  });

  it('drops what happened and lead-ins from a response section, but keeps a plan that mentions a discovery', () => {
    const text = '【当社の対応】\n記憶媒体が持ち出され、転売されていた事実が発覚し、社内調査で容疑者を特定した\n全国自治体に対して廃棄処分について以下を通知した\n・物理的な破壊、または磁気を用いたデータの消去\n誤登録が発覚した際も、個別に確認を取るよう徹底して参ります';
    expect(lists(text).countermeasures).toEqual(['物理的な破壊、または磁気を用いたデータの消去', '誤登録が発覚した際も、個別に確認を取るよう徹底して参ります']);
  });

  it('falls back to how-it-happened sentences when nothing is labelled a cause', () => {
    expect(lists('パソコンが攻撃メールで感染し、メール内容が悪用された。').causes).toEqual(['パソコンが攻撃メールで感染し、メール内容が悪用された']);
  });

  it('reads an 【対応】 section as countermeasures, its cause sentences as causes, and drops statements', () => {
    const text = '【対応】\n障害は、ストレージに付随するファームウェアの故障が原因であると特定\n本障害は外部からの攻撃などによるものではなく、情報流出は一切ない\nセキュリティ環境を整備したあらたなサーバへ移行し、ウェブサイトを再開';
    expect(lists(text)).toEqual({
      causes: ['障害は、ストレージに付随するファームウェアの故障が原因であると特定'],
      countermeasures: ['セキュリティ環境を整備したあらたなサーバへ移行し、ウェブサイトを再開'],
    });
  });

  it('reads English cues', () => {
    const found = lists('The incident was caused by a misconfigured storage bucket. We will implement additional access controls.');
    expect(found.causes[0]).toContain('misconfigured');
    expect(found.countermeasures[0]).toContain('implement additional access controls');
  });

  it('finds nothing in an empty text', () => {
    expect(lists('')).toEqual({ causes: [], countermeasures: [] });
  });
});
