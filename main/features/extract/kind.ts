import type { Kind } from '../../../shared/domain/vocabulary.js';

// What the item is (domain.md): an incident of a named organisation, an advisory (注意喚起: a phishing wave, a
// malware campaign, a vulnerability), a publication (report, guideline, statistics, law), an event, or other
// (not security at all). The title decides when it can; the body's opening and the source label help.

export interface KindMention {
  value: Kind;
  /** -1 when inferred without a single phrase to show. */
  start: number;
  end: number;
}

const EVENT = /セミナー|ウェビナー|カンファレンス|シンポジウム|講演会|勉強会|展示会|ハッカソン|開催(?:のお知らせ|決定|します)|参加者募集|webinar|conference|summit|symposium|workshop|meetup/i;
const PUBLICATION = /報告書|白書|ガイドライン|ガイドブック|ハンドブック|手引き|指針|統計|調査結果|実態調査|レポート|大綱|基本方針|法改正|改正法|施行|公表|発表(?!し)|10大脅威|まとめ|上半期|下半期|年度版|活動報告|(?:勧告|指導)(?!.*(?:漏|流出))|\breport\b|guideline|guidance|white ?paper|survey|statistics|framework|handbook|best practices/i;
const ADVISORY = /注意喚起|をかたる|を騙る|を装う|かたる|なりすまし|フィッシング|偽(?:サイト|メール|SMS|警告)|脆弱性|セキュリティ(?:更新|アップデート|パッチ)|アップデートを|緊急|警告|相次|多発|急増|流行|拡散|キャンペーン|advisory|alert|warning|campaign|vulnerabilit|patch|zero-day|exploited in the wild/i;
const INCIDENT = /誤掲載|誤記載|誤交付|誤配布|誤発送|不正閲覧|目的外(?:閲覧|利用)|不正取得|不正利用|publicly accessible|left (?:open|exposed)|unsecured|misconfigur|不正アクセス|設置され|悪用され|誤提供|不正ログイン|流出|漏え?い|漏洩|紛失|盗難|誤送信|誤送付|誤表示|誤配|誤公開|誤廃棄|閲覧(?:でき|可能)|感染|ランサム|改ざん|被害|持ち出し|転売|障害|停止|詐欺に|お詫び|おわび|breach|leak|hack|ransomware|stolen|exposed|compromised|outage|attack(?:ed)? on|cyberattack|incident|misdeliver|misdirect|wrong recipient|lost (?:a |an |the )?(?:laptop|usb|device|documents?)|theft|data exposure/i;
const SECURITY = /セキュリティ|情報|個人情報|サイバー|攻撃|不正|マルウ|ウイルス|ウィルス|security|cyber|malware|privacy|data/i;

// 注意喚起 about phishing or a vulnerability names no victim of its own; `XXをかたるフィッシング` is an advisory
// even though it says フィッシング. A named victim with a leak (`…による個人情報流出`) makes it an incident.
const VICTIM_LEAK = /(?:流出|漏え?い|漏洩|紛失|盗難|誤送信|誤送付|閲覧可能|被害|感染|不正アクセス|お詫び|おわび|breach|leak|stolen|ransomware|hacked|compromised)/i;

function at(text: string, from: number, to: number, pattern: RegExp): { start: number; end: number } | null {
  const m = pattern.exec(text.slice(from, to));
  return m ? { start: from + m.index, end: from + m.index + m[0].length } : null;
}

export function findKind(text: string, titleEnd: number, sourceCategory: string | null, hasOrganization: boolean): KindMention {
  const label = (sourceCategory ?? '').normalize('NFKC');
  const bodyEnd = Math.min(text.length, titleEnd + 400);
  const title = (p: RegExp) => at(text, 0, titleEnd, p);

  const event = title(EVENT);
  if (event && !title(VICTIM_LEAK)) return { value: 'event', ...event };

  const advisoryInTitle = title(/注意喚起|をかたる|を騙る|を装う|かたる|advisory|alert|warning/i);
  if (advisoryInTitle) return { value: 'advisory', ...advisoryInTitle };

  const incidentInTitle = title(INCIDENT);
  const publication = title(PUBLICATION);
  // `2016年度上半期マイナンバー含む個人情報漏洩66件`: statistics about leaks are a publication, not a leak.
  // (`調査結果のご報告` or `2023年度入試…誤掲載` about one incident stays an incident: statistics count cases.)
  const titleText = text.slice(0, titleEnd);
  const statistical = /統計|上半期|下半期|年度|白書|件数|survey|statistics/i.test(titleText) && /\d+(?:件|%)/.test(titleText);
  if (publication && (!incidentInTitle || statistical)) return { value: 'publication', ...publication };
  if (/行政機関|公的機関|法令|ガイドライン|統計/.test(label) && !incidentInTitle) {
    return { value: 'publication', start: -1, end: -1 };
  }
  if (incidentInTitle) {
    // `Apache Struts2の脆弱性を突く攻撃被害が相次ぐ`: a wave of attacks on many is an advisory, not one incident.
    const wave = title(/相次|多発|急増|続発|広がる|拡大|increas|surge|wave/i);
    if (wave) return { value: 'advisory', ...wave };
    return { value: 'incident', ...incidentInTitle };
  }
  const advisory = title(ADVISORY);
  if (advisory) return { value: 'advisory', ...advisory };

  const incidentInBody = at(text, titleEnd, bodyEnd, VICTIM_LEAK);
  if (incidentInBody && hasOrganization) return { value: 'incident', ...incidentInBody };
  const advisoryInBody = at(text, titleEnd, bodyEnd, ADVISORY);
  if (advisoryInBody) return { value: 'advisory', ...advisoryInBody };
  const publicationInBody = at(text, titleEnd, bodyEnd, PUBLICATION);
  if (publicationInBody && /セキュリティ|情報|サイバー|security|cyber/i.test(text.slice(0, bodyEnd))) return { value: 'publication', ...publicationInBody };
  if (incidentInBody) return { value: 'incident', ...incidentInBody };
  if (/サイバー攻撃|セキュリティ対策/.test(label) && at(text, 0, bodyEnd, SECURITY)) return { value: 'advisory', start: -1, end: -1 };
  return { value: 'other', start: -1, end: -1 };
}
