import { ARABIC_NUMBER, ENGLISH_SCALE, JAPANESE_NUMBER, MAX_SANE_COUNT, parseEnglishNumber, parseJapaneseNumber } from './japanese-numbers.js';

// How many were affected, by unit: 人/名/人分/名様 → people, 件 → records, 社/団体/校/機関 → organizations
// (`1,648社 2,111件` is 1,648 organizations and 2,111 records), from Japanese and English wording.

export type AffectedUnit = 'people' | 'records' | 'organizations';

export interface CountMention {
  unit: AffectedUnit;
  value: number;
  /** Offsets into the normalised text. */
  start: number;
  end: number;
}

const JA_UNIT: Readonly<Record<string, AffectedUnit>> = {
  人分: 'people', 名分: 'people', 名様: 'people', 人: 'people', 名: 'people',
  件: 'records',
  社: 'organizations', 団体: 'organizations', 校: 'organizations', 機関: 'organizations', 法人: 'organizations',
  自治体: 'organizations', 事業者: 'organizations', 医療機関: 'organizations', 拠点: 'organizations',
};

// The lookbehind keeps `1e30件` and `ver2.5件` from reading as counts; `第3者` never matches (者 is no unit).
const JA_COUNT = new RegExp(
  String.raw`(?<![\w,]|\d\.)(?<num>${JAPANESE_NUMBER})[ \t]?(?<unit>人分|名分|名様|人|名|件|社|団体|校|医療機関|機関|法人|自治体|事業者)`,
  'g',
);

// A unit character that is really the start of another word: 人間, 人事, 名前, 名称, 社員, 校長, 件目…
const NOT_A_UNIT_AFTER: Readonly<Record<string, RegExp>> = {
  人: /^[間事材物口気工民権種称格的]/,
  名: /^[前称義簿刺目所字]/,
  件: /^[目名]/,
  社: /^[員会内外長名製屋是]/,
  校: /^[長舎務正]/,
};

// Counts of incidents, consultations or attacks are not counts of affected people or records.
const NOISE_AFTER = /^(?:程|ほど)?の?(?:規模|体制|人員|態勢)|^(?:超|以上|余り|あまり|ほど)?(?:の|も|が)?(?:事故|事案|事件|インシデント|相談|報告|攻撃|被害|不正ログイン|発生|あった|ありました|以上の)/;
const NOISE_BEFORE = /(?:事故|事案|事件|インシデント|相談|報告|攻撃|通報|漏えい等|漏洩等)(?:が|は|の|件数|数)?[:…]?[ \t]?(?:約|計|合計)?$/;

const EN_UNIT: Record<string, AffectedUnit> = {};
for (const w of ['people', 'persons', 'individuals', 'customers', 'users', 'patients', 'members', 'employees', 'students',
  'subscribers', 'clients', 'consumers', 'residents', 'citizens', 'children', 'guests', 'donors', 'applicants', 'victims',
  'staff', 'workers', 'policyholders', 'account holders', 'cardholders']) EN_UNIT[w] = 'people';
for (const w of ['records', 'accounts', 'files', 'emails', 'rows', 'entries', 'documents', 'credentials', 'cards',
  'credit cards', 'passwords', 'email addresses', 'phone numbers']) EN_UNIT[w] = 'records';
for (const w of ['companies', 'organizations', 'organisations', 'businesses', 'firms', 'hospitals', 'schools', 'agencies',
  'municipalities', 'institutions']) EN_UNIT[w] = 'organizations';
const EN_NOUNS = Object.keys(EN_UNIT).sort((a, b) => b.length - a.length).join('|');
const EN_COUNT = new RegExp(
  String.raw`(?<![\w,]|\d\.)(?<num>${ARABIC_NUMBER})(?<scale>${ENGLISH_SCALE})?(?:[ \t][\w-]{2,20}){0,2}?[ \t](?<noun>${EN_NOUNS})\b`,
  'gi',
);

/** Every count in the text, in order. */
export function findCounts(text: string): CountMention[] {
  const found: CountMention[] = [];
  JA_COUNT.lastIndex = 0;
  for (let m = JA_COUNT.exec(text); m !== null; m = JA_COUNT.exec(text)) {
    const num = m.groups?.num ?? '';
    const unitWord = m.groups?.unit ?? '';
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 12);
    const stopper = NOT_A_UNIT_AFTER[unitWord];
    if (stopper?.test(after)) continue;
    if (NOISE_AFTER.test(after) || NOISE_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index))) continue;
    const value = parseJapaneseNumber(num);
    const unit = JA_UNIT[unitWord];
    if (value === null || unit === undefined || value === 0) continue;
    found.push({ unit, value, start: m.index, end });
  }
  if (/[a-z]{3}/i.test(text)) {
    EN_COUNT.lastIndex = 0;
    for (let m = EN_COUNT.exec(text); m !== null; m = EN_COUNT.exec(text)) {
      const unit = EN_UNIT[(m.groups?.noun ?? '').toLowerCase()];
      const value = parseEnglishNumber(m.groups?.num ?? '', m.groups?.scale);
      if (unit === undefined || value === null || value === 0) continue;
      // A year or a version is not a count ("2023 customers" is rare; "in 2023 users" is common).
      if (value >= 1900 && value <= 2100 && !m.groups?.scale && !(m.groups?.num ?? '').includes(',')) continue;
      found.push({ unit, value, start: m.index, end: m.index + m[0].length });
    }
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

const PERSONAL_CONTEXT = /個人情報|個人データ|personal/i;

// A count in the body matters when its sentence is about the damage; `約100人程の規模` (the size of an army unit
// in a background paragraph) is not.
const DAMAGE_CONTEXT = /決済|購入|登録|人分|名分|氏名|住所|メールアドレス|電話番号|流出|漏え?い|漏洩|漏れ|対象|被害|影響|含ま|含む|送信|送付|紛失|盗|閲覧|可能性|顧客|会員|利用者|お客様|患者|個人情報|情報|データ|アカウント|件数|人数|名簿|宛|affected|impacted|exposed|stolen|leak|compromis|breach|notif|sent|recipient|names|address|records|data|information|accounts/i;

// The words around a count on its line: 60 characters before and 30 after (a sentence can be cut by a `。` inside
// brackets, `…(登記名義人の名称を除く)。最大194,834件)`, so sentence ends are not boundaries here).
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 30);
  const stop = after.indexOf('\n');
  return before.slice(before.lastIndexOf('\n') + 1) + text.slice(start, end) + (stop >= 0 ? after.slice(0, stop) : after);
}

// `・高岡市民病院様 32名分` / `・市立砺波総合病院様 11名分`: a breakdown in list lines with no total of its own adds up
// to the total. Where the notice gives the total too (`個人情報等…1,793件` over its breakdown), the sum equals it.
function breakdownTotals(text: string, counts: readonly CountMention[]): CountMention[] {
  const out: CountMention[] = [];
  let run: CountMention[] = [];
  let lastLineEnd = -1;
  const flush = (): void => {
    if (run.length >= 2) {
      const first = run[0];
      const last = run[run.length - 1];
      const sum = run.reduce((n, c) => n + c.value, 0);
      if (first && last && sum <= MAX_SANE_COUNT) out.push({ unit: first.unit, value: sum, start: first.start, end: last.end });
    }
    run = [];
  };
  for (const c of counts) {
    const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
    const lineEndAt = text.indexOf('\n', c.end);
    const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
    const line = text.slice(lineStart, lineEnd);
    const isListLine = /^[ \t]*(?:[・•\-*◦○●]|\(?\d{1,2}[).]|[①-⑳])/.test(line) && line.length <= 60;
    const continues = lineStart === lastLineEnd + 1 && run.length > 0;
    if (!isListLine || (run.length > 0 && !continues) || run.some((r) => r.start >= lineStart)) flush();
    if (isListLine && !run.some((r) => r.start >= lineStart)) run.push(c);
    lastLineEnd = lineEnd;
  }
  flush();
  return out;
}

/**
 * The count per unit. The title states the headline figure and wins, unless the body gives the same figure more
 * precisely (`約19万件` in the title, `最大194,834件` in the body). Without one in the title, the largest count in a
 * sentence about the damage: notices give the total and then breakdowns.
 */
export function pickAffected(counts: readonly CountMention[], text = '', titleEnd = 0): Record<AffectedUnit, CountMention | null> {
  const best: Record<AffectedUnit, CountMention | null> = { people: null, records: null, organizations: null };
  for (const unit of ['people', 'records', 'organizations'] as const) {
    const ofUnit = counts.filter((c) => c.unit === unit);
    const inTitle = ofUnit.filter((c) => c.end <= titleEnd);
    const damage = ofUnit.filter((c) => c.start >= titleEnd && (text === '' || DAMAGE_CONTEXT.test(sentenceAround(text, c.start, c.end))));
    // `誤送信メール件数…4,511件` then `個人情報等…1,793件`: the count of personal data is the one that matters.
    const personal = damage.filter((c) => PERSONAL_CONTEXT.test(sentenceAround(text, c.start, c.end)));
    const inBody = [...(personal.length > 0 ? personal : damage), ...breakdownTotals(text, ofUnit.filter((c) => c.start >= titleEnd))];
    const largest = (list: CountMention[]) => list.reduce<CountMention | null>((a, c) => (a === null || c.value > a.value ? c : a), null);
    const headline = largest(inTitle);
    if (headline) {
      const precise = inBody.find((c) => c.value >= headline.value && c.value <= headline.value * 1.1 && c.value !== headline.value);
      best[unit] = precise ?? headline;
    } else {
      best[unit] = largest(inBody);
    }
  }
  return best;
}
