import type { Category } from '../../../shared/domain/vocabulary.js';

// The incident's primary category (domain.md, 12 categories) from what the text says happened. Source labels
// are too coarse to trust (`内部不正/ミス` covers insider, misdelivery and loss; `サイバー攻撃` covers most of the
// attack categories), so a label decides only when the text has no cue at all.

export interface CategoryMention {
  value: Category;
  /** -1 when only the source's label said so (no span of the text to show). */
  start: number;
  end: number;
}

// In priority order: when a title names two things (`不正アクセスによる個人情報流出・フィッシングメール`), the one
// named first wins; the order below only breaks ties at the same offset and ranks body evidence.
const CUES: ReadonlyArray<[Category, RegExp]> = [
  // A server abused to host malware was broken into; the malware is not what infected the victim.
  ['unauthorized_access', /(?:マルウ[ェエ]ア|不正(?:な)?プログラム|不正ファイル)(?:を|が)?(?:設置|仕掛け|ホスト|アップロード)|踏み台/gi],
  ['ransomware', /ランサム(?:ウェ|ウエ)ア|身代金|ransomware|lockbit|暗号化(?:され|被害)/gi],
  ['ddos', /DDoS|DoS攻撃|サービス(?:妨害|拒否)攻撃|denial[- ]of[- ]service|大量の(?:アクセス|通信)/gi],
  ['phishing_fraud', /スミッシング|偽SMS|を装(?:う|った)(?:メール|SMS|ショートメッセージ)|smishing|フィッシング|サポート詐欺|詐欺|なりすまし(?:メール)?による(?:送金|振込|詐取)|偽(?:サイト|の警告|メール)|ビジネスメール詐欺|\bBEC\b|phishing|scam|fraud/gi],
  ['insider', /目的外(?:閲覧|利用)|不正閲覧|私的(?:利用|閲覧)|内部不正|不正(?:に)?持ち?出|持ち出し|持出し|元?(?:従業員|社員|職員|委託先社員|受託社員|派遣社員)(?:が|による)(?:[^。]{0,30})(?:窃盗|転売|売却|不正|持ち出|流出させ|漏らし)|転売|insider|rogue employee|former employee/gi],
  ['theft', /盗難|盗まれ|窃盗|車上荒らし|空き巣|ひったくり|stolen|theft/gi],
  ['loss', /紛失|誤廃棄|所在不明|置き忘れ|遺失|落とし|lost (?:a |an |the )?(?:usb|laptop|device|document)|misplaced/gi],
  ['misdelivery', /誤送信|誤送付|誤配(?:送|布|達)?|誤表示|誤掲載|誤って(?:別の|他の)?(?:送|配|表示|メール)|宛先(?:を)?(?:誤|間違)|BCC|誤提供|誤交付|誤記載|転送(?:先)?(?:設定)?(?:の)?ミス|異なる(?:宛名|宛先|当選者)|misdirected|misdeliver|sent to the wrong|wrong recipient/gi],
  ['misconfiguration', /(?:閲覧|確認|参照|アクセス|ダウンロード)(?:でき|可能)(?:る|な)?状態|設定(?:の)?(?:不備|ミス|誤り)|誤(?:って)?公開|公開(?:状態|設定)|アクセス(?:制限|権限)(?:の)?(?:不備|設定)|publicly (?:accessible|exposed)|misconfigur|left (?:open|exposed)|unsecured (?:server|database|bucket)/gi],
  ['malware', /マルウ[ェエ]ア|ウイルス|ウィルス|Emotet|トロイ|標的型(?:攻撃)?メール|感染|malware|trojan|infostealer|virus/gi],
  ['unauthorized_access', /不正アクセス|不正ログイン|不正侵入|改ざん|リスト型|パスワード(?:リスト|総当たり)|ブルートフォース|脆弱性(?:を)?(?:突|つ|悪用|狙)|サイバー攻撃|ハッキング|unauthorized access|hack(?:ed|ers?)|breach|intrusion|credential stuffing|skimm|zero-days?|exploited|exploit/gi],
  ['system_failure', /システム障害|通信障害|ネットワーク障害|サーバー?障害|大規模障害|(?<![発身精知]|発達|身体|精神|知的|視覚|聴覚)障害(?![者児])|不具合|outage|system failure|downtime/gi],
];

const SOURCE_LABELS: ReadonlyArray<[RegExp, Category]> = [
  [/ランサム/, 'ransomware'],
  [/不正アクセス/, 'unauthorized_access'],
  [/ウイルス|ウィルス|マルウ/, 'malware'],
  [/フィッシング|詐欺/, 'phishing_fraud'],
  [/誤送信|誤送付|誤表示|誤配/, 'misdelivery'],
  [/紛失|誤廃棄/, 'loss'],
  [/盗難/, 'theft'],
  [/持ち出し|内部不正/, 'insider'],
  [/設定|誤公開/, 'misconfiguration'],
  [/DoS/i, 'ddos'],
  [/障害/, 'system_failure'],
];

function firstCue(text: string, from: number, to: number): CategoryMention | null {
  let best: CategoryMention | null = null;
  const slice = text.slice(from, to);
  for (const [category, pattern] of CUES) {
    pattern.lastIndex = 0;
    const m = pattern.exec(slice);
    if (m && (best === null || from + m.index < best.start)) best = { value: category, start: from + m.index, end: from + m.index + m[0].length };
  }
  return best;
}

function countCues(text: string, from: number, to: number): CategoryMention | null {
  const slice = text.slice(from, to);
  let best: CategoryMention | null = null;
  let bestCount = 0;
  for (const [category, pattern] of CUES) {
    pattern.lastIndex = 0;
    let count = 0;
    let first: RegExpExecArray | null = null;
    for (let m = pattern.exec(slice); m !== null && count < 50; m = pattern.exec(slice)) {
      if (first === null) first = m;
      count++;
    }
    if (first !== null && count > bestCount) {
      bestCount = count;
      best = { value: category, start: from + first.index, end: from + first.index + first[0].length };
    }
  }
  return best;
}

/**
 * Title first (it names what happened), then the opening of the body, then the most frequent cue in the whole
 * body, then the source's label.
 */
export function findCategory(text: string, titleEnd: number, sourceCategory: string | null): CategoryMention | null {
  const fromTitle = firstCue(text, 0, titleEnd);
  if (fromTitle) return refine(text, titleEnd, fromTitle);
  const opening = firstCue(text, titleEnd, Math.min(text.length, titleEnd + 300));
  if (opening) return refine(text, titleEnd, opening);
  const body = countCues(text, titleEnd, Math.min(text.length, titleEnd + 20_000));
  if (body) return body;
  // `内部不正/ミス` and `サイバー攻撃` name several categories at once: only the content can decide those.
  if (sourceCategory && !/\/|・|サイバー攻撃/.test(sourceCategory.normalize('NFKC'))) {
    const label = sourceCategory.normalize('NFKC');
    for (const [pattern, category] of SOURCE_LABELS) if (pattern.test(label)) return { value: category, start: -1, end: -1 };
  }
  return null;
}

// A generic word in the title (`不正アクセス`, `サイバー攻撃`, `感染`) gives way to a specific one in the body:
// a title about unauthorised access to a subsidiary whose body says ransomware is a ransomware incident.
function refine(text: string, titleEnd: number, found: CategoryMention): CategoryMention {
  // Only a generic title gives way: `マルウエア Emotet の感染に関する注意喚起` stays malware though its advice mentions
  // ransomware; `米国子会社への不正アクセスについて` becomes ransomware when the body says so.
  const cue = text.slice(found.start, found.end);
  if (found.value !== 'unauthorized_access' && !(found.value === 'malware' && /^(?:ウイルス|ウィルス|感染)$/.test(cue))) return found;
  const body = text.slice(titleEnd, Math.min(text.length, titleEnd + 3000));
  const ransom = /ランサム(?:ウェ|ウエ)ア|ransomware/i.exec(body);
  if (ransom) return { value: 'ransomware', start: titleEnd + ransom.index, end: titleEnd + ransom.index + ransom[0].length };
  return found;
}
