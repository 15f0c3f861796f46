import { describe, expect, it } from 'vitest';
import { lineDamage, spreadDamage } from './mojibake.js';

describe('lineDamage', () => {
  it('finds the two kinds of damage in the 000 sample', () => {
    // Shift_JIS trail bytes left as ASCII after the lead bytes were lost.
    for (const line of ['gbvy[W', 'ZLeBKoiX', '\\[VpbN for o}[N', 'PMS^JIS Q 15001']) expect(lineDamage(line), line).toBe('strong');
    // Text read out of step after a circled number.
    for (const line of ['.レジットカード情報:', '△修梁松霾鵝У響サイトで入力したパスワード', '∩桓勸を対象とした情報セキュリティ教育の再実施', ' \u0304人冤廾への定期面談を実施']) {
      expect(lineDamage(line), line).toBe('strong');
    }
    expect(lineDamage('4道襯メラ等による監視の強化')).toBe('weak');
  });

  it('leaves real text alone: single rare kanji, Kangxi radicals, product names, paths, brackets', () => {
    for (const line of [
      'Webサイトの改竄が確認された', '瑕疵担保責任について', '個人情報の漏洩について', '中学⽣起業家育成事業の当選者宛に⼀⻫送信',
      'iPhone と PayPay の利用者を狙う', 'C:\\Windows\\System32 に不審なファイル', '[注意喚起 No.7] 宅配業者をかたるSMS',
      'ISMS', 'SECURITY ACTION', 'Copyright (C) 2002-2022 CDNS Corporation. All Rights Reserved.', 'β版のサービスで不具合',
      '「Emotet」感染で不正メール送信/株式会社サンウェル',
    ]) {
      expect(lineDamage(line), line).not.toBe('strong');
    }
    expect(lineDamage('改竄')).toBe('weak');
    expect(lineDamage('個人情報を保存したUSBメモリ紛失')).toBeNull();
  });
});

describe('spreadDamage', () => {
  it('a weak line next to a damaged one is part of the damage; alone it is kept', () => {
    const blank = (lines: readonly string[]) => (i: number) => lines[i] === '';
    expect(spreadDamage(['strong', 'weak', null, 'weak'], blank(['a', 'b', 'c', 'd']))).toEqual([true, true, false, false]);
    // Blank lines between them do not separate them.
    expect(spreadDamage(['weak', null, 'strong'], blank(['a', '', 'c']))).toEqual([true, false, true]);
  });
});
