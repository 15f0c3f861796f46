import { describe, expect, it } from 'vitest';
import { categoryForActions, chooseEmployeeActions } from './employee-actions.js';

describe('chooseEmployeeActions', () => {
  it('asks for the concrete action of each category', () => {
    expect(chooseEmployeeActions(['loss'], [], 'ja').join('\n')).toMatch(/USBメモリ/);
    expect(chooseEmployeeActions(['misdelivery'], [], 'ja').join('\n')).toMatch(/Bcc/);
    expect(chooseEmployeeActions(['misdelivery'], [], 'ja').join('\n')).toMatch(/送信確認画面/);
    expect(chooseEmployeeActions(['phishing_fraud'], [], 'ja').join('\n')).toMatch(/差出人/);
    expect(chooseEmployeeActions(['malware'], [], 'en').join('\n')).toMatch(/macros/);
    expect(chooseEmployeeActions(['unauthorized_access'], [], 'en').join('\n')).toMatch(/multi-factor/);
  });

  it('adds what the causes call for, within the limit, without repeats', () => {
    const actions = chooseEmployeeActions(['unauthorized_access'], ['委託先の従業員がUSBメモリで持ち出した'], 'ja', 5);
    expect(actions).toHaveLength(5);
    expect(actions.join('\n')).toMatch(/可搬媒体の利用ルール/);
    expect(actions.join('\n')).toMatch(/委託先/);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('a digest gets the first actions of every category before the later ones of the first', () => {
    const actions = chooseEmployeeActions(['loss', 'phishing_fraud', 'malware'], [], 'ja', 6);
    expect(actions.filter((a) => /USB|持ち出す/.test(a))).toHaveLength(2);
    expect(actions.some((a) => /差出人/.test(a))).toBe(true);
    expect(actions.some((a) => /添付ファイル/.test(a))).toBe(true);
  });

  it('an advisory without a category gets the actions of the threat its title names', () => {
    expect(categoryForActions(null, 'UC Card をかたるフィッシング発生')).toBe('phishing_fraud');
    expect(categoryForActions(null, 'マルウエアEmotetの感染に関する注意喚起')).toBe('malware');
    expect(categoryForActions('loss', 'フィッシング')).toBe('loss');
    expect(categoryForActions(null, '日立サイバーセキュリティセンター開設')).toBeNull();
  });
});
