import type { DataType } from '../../../shared/domain/vocabulary.js';
import { splitLines, splitSentences, type Range } from './text-segments.js';

// Which kinds of personal data a notice says were exposed, in the DATA_TYPES vocabulary, from Japanese and
// English wording. Only sentences about the data count (a leak cue, or a list under such a sentence), and a
// sentence that says the data was NOT included (`クレジットカード情報は含まれていない`) is skipped.

export interface DataTypeMention {
  value: DataType;
  start: number;
  end: number;
}

// Japanese and English wording apart: the Japanese patterns run case-sensitively and the English ones only when
// the text has Latin words. In a CPU profile of `npm run bench:extract` the mixed health pattern with the `i` flag
// took 5.6% of the time; split, under 1%.
const PATTERNS: ReadonlyArray<[DataType, RegExp, RegExp | null]> = [
  ['card_holder', /カード名義(?:人)?|名義人名/g, /card ?holder(?:'s)? names?/gi],
  ['card_number', /(?:クレジット)?カード番号|クレジットカード情報|カード情報/g, /credit card (?:numbers?|information|details|data)|card numbers?|payment card (?:data|information|details)/gi],
  ['card_expiry', /有効期限/g, /expir(?:y|ation) dates?/gi],
  ['card_cvv', /セキュリティコード/g, /\bCVV2?\b|\bCVC2?\b|security codes?/gi],
  ['my_number', /マイナンバー|個人番号/g, /\bmy number\b/gi],
  ['bank_account', /口座番号|銀行口座|口座情報|預金口座/g, /bank account|account numbers?|routing numbers?/gi],
  ['login_id', /(?:メール)?アカウント(?=と|・|及び|およびパスワード)|ログインID|ユーザー?ID|会員ID|アカウントID|ログイン情報|アカウント情報|ログイン名|(?<![A-Za-z])ID(?=[、・,/と]?パスワード)/g, /usernames?|user IDs?|login (?:IDs?|names?|credentials)/gi],
  ['password', /パスワード(?!設定|を設定|をかけ|保護|ロック|付|の設定|による保護|変更|の変更)|暗証番号/g, /passwords?|passcodes?|\bPINs?\b/gi],
  ['health', /病歴|病名|既往歴|診療(?:情報|内容|記録|歴|科)|診察(?:券|内容|情報|記録)|カルテ|健康診断|健診(?:結果|情報)|検査(?:結果|画像)|患者|服薬|処方|障害者手帳|病状|要配慮個人情報/g, /medical|health (?:data|information|records?)|patients?|diagnos[ei]s/gi],
  ['employee_record', /人事(?:情報|評価|データ|考課)|社員番号|従業員番号|職員番号|給与/g, /employee (?:records?|data|information|IDs?)|payroll|HR records?/gi],
  ['education_history', /学歴|成績|学籍|通知表|通知票/g, /grades|transcripts?|academic records?/gi],
  ['email_content', /メール(?:の)?(?:内容|本文)|メールデータ|送受信メール|添付ファイル/g, /email (?:contents?|messages?|bodies)|mailbox(?:es)?/gi],
  ['name', /氏名|お名前|名前|顧客名|姓名|フリガナ|ふりがな|宛名/g, /(?:full |first |last )?names?\b/gi],
  ['address', /住所|所在地/g, /(?<!(?:e-?mail|ip|mac|web)[ \t])(?:home |postal |mailing |physical )?address(?:es)?\b/gi],
  ['phone', /電話番号|携帯番号|FAX番号/g, /\bTEL\b|(?:tele)?phone numbers?/gi],
  ['email', /メールアドレス|アドレス帳/g, /e-?mail address(?:es)?/gi],
  ['birthdate', /生年月日|生年月|誕生日/g, /dates? of birth|birth ?dates?|birthdays?|\bDOB\b/gi],
  ['gender', /性別/g, /\bgender\b/gi],
  ['other', /送り状|秘密の質問|信用情報|内定辞退率|会員番号|顧客番号|注文内容|購入履歴|配送先|年齢|年代|職業|勤務先|所属|ニックネーム|会社名|法人名|社名|登記|顔写真|位置情報|取引価格|契約日/g, null],
];

// A sentence about the data itself: the leak verbs and the words notices use to introduce the list of items.
const DATA_CONTEXT = /人分|名分|件数|流出|漏え?い|漏洩|漏れ|閲覧|窃取|盗|不正利用|誤送|誤って|紛失|含ま|含む|項目|以下|下記|情報|対象|可能性|leak|expos|stolen|compromis|accessed|breach|includ|affected|obtained|viewed|contain|sent|disclosed|misdirect|wrong recipient/i;
const NEGATED = /含まれ(?:て)?(?:い|お)?(?:ない|ません|ず)|含みません|含まない|含んでいない|ございません|ありません|確認されていない|対象外|not (?:include|affected|compromised|exposed|accessed)|no (?:credit card|financial|payment)|were not|was not/i;
// A background paragraph that explains attack methods (`…を悪用した攻撃のことです`) names data no one lost.
const EXPLAINING = /しましょう|(?<!と)(?:の|な)こと(?:です|を(?:指|い))|(?<!と)の事です|攻撃です|手法です|とは[、,]|is a (?:type|kind) of|refers to/;
// `・カード名義人名` under `流出した情報は以下のとおり` has no cue of its own: a list line inherits its lead's.
const LIST_ITEM = /^(?:[・•\-*※◦○●■□◆◇]|\(?\d{1,2}[).]|[①-⑳])/;

// `氏名・メールアドレス…とされており、…パスワード・クレジットカード情報は含まれていない`: the clause before the
// negated one still lists leaked data. The sentence is cut at the last clause boundary (…ており、 …が、 or an opening
// bracket) before the negation; with no such boundary the whole sentence is negated.
function withoutNegatedClause(sentence: string): string {
  const negation = NEGATED.exec(sentence);
  if (!negation) return sentence;
  const head = sentence.slice(0, negation.index);
  let cut = -1;
  for (const m of head.matchAll(/(?:おり|ており|であり|ものの|ですが|けれども|が|で)、|[(（]/g)) cut = m.index;
  return cut > 0 ? sentence.slice(0, cut) : '';
}

function dataSentences(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  // Most notices negate nothing and explain nothing: test the whole text once before testing every sentence.
  const region = text.slice(from, to);
  const mayNegate = NEGATED.test(region);
  const mayExplain = EXPLAINING.test(region);
  let leadQualifies = false;
  let underHeading = false;
  for (const line of splitLines(text, from, to)) {
    const lineText = text.slice(line.start, line.end);
    const isItem = LIST_ITEM.test(lineText) || line.end - line.start <= 24;
    if (isItem && leadQualifies && !(mayNegate && NEGATED.test(lineText))) {
      out.push(line);
      continue;
    }
    if (isItem && DATA_CONTEXT.test(lineText) && !(mayNegate && NEGATED.test(lineText))) {
      // A short heading such as `(2)漏えい件数` introduces the lines under it.
      out.push(line);
      leadQualifies = true;
      underHeading = true;
      continue;
    }
    let lineQualifies = false;
    for (const s of splitSentences(text, line.start, line.end)) {
      const sentence = text.slice(s.start, s.end);
      if (mayExplain && EXPLAINING.test(sentence)) continue;
      const kept = mayNegate ? withoutNegatedClause(sentence) : sentence;
      if (kept.length > 0 && DATA_CONTEXT.test(kept)) {
        out.push({ start: s.start, end: s.start + kept.length });
        lineQualifies = true;
      }
    }
    // A long line under a heading such as 【流出情報】 (`…決済をした211名`) keeps the list below it in the section.
    if (!isItem) leadQualifies = lineQualifies || (leadQualifies && underHeading);
    underHeading = false;
  }
  return out;
}

export function findDataTypes(text: string, from = 0, to = text.length): DataTypeMention[] {
  const ranges = dataSentences(text, from, to);
  if (ranges.length === 0) return [];
  // Each pattern scans the text once and keeps its first match inside a data sentence (binary search over the
  // sorted ranges), instead of running every pattern on every sentence slice.
  const inRange = (start: number, end: number): boolean => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid];
      if (r === undefined) return false;
      if (end <= r.start) hi = mid - 1;
      else if (start >= r.end) lo = mid + 1;
      else return start >= r.start && end <= r.end;
    }
    return false;
  };
  const scanFrom = ranges[0]?.start ?? from;
  const scanTo = ranges[ranges.length - 1]?.end ?? to;
  const region = text.slice(scanFrom, scanTo);
  const found: DataTypeMention[] = [];
  const latin = /[A-Za-z]{3}/.test(region);
  const firstIn = (pattern: RegExp): { start: number; end: number } | null => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(region); m !== null; m = pattern.exec(region)) {
      const start = scanFrom + m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) pattern.lastIndex++;
      if (inRange(start, end)) return { start, end };
    }
    return null;
  };
  for (const [type, ja, en] of PATTERNS) {
    const a = firstIn(ja);
    const b = latin && en ? firstIn(en) : null;
    const hit = a && b ? (a.start <= b.start ? a : b) : (a ?? b);
    if (hit) found.push({ value: type, ...hit });
  }
  return found.sort((a, b) => a.start - b.start);
}
