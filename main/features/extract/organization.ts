import { findProducts } from './cves-products.js';

// The organisation the incident happened to (the victim), not the one reporting it: in
// `【セキュリティ事件簿#2023-267】茨城県 茨城県発達障害者支援センターにおける…` it is 茨城県, in
// `TOKYOMXのWebサイトへ不正アクセス` TOKYOMX, in `6月6日、国土交通省は…` 国土交通省, in `Acme Corp. discloses breach`
// Acme Corp. Authorities and reporters (個人情報保護委員会, JPCERT/CC, police) come last.

export interface OrganizationMention {
  value: string;
  /** -1 when the value came from the source's own column and is not in the text. */
  start: number;
  end: number;
}

const NAME = String.raw`[一-龥々〆〇ヵヶァ-ヴーｦ-ﾟA-Za-z0-9・&＆.\-]`;
const SUFFIX = String.raw`(?:株式会社|(?<![同当弊本各子親御貴他])社|有限会社|合同会社|ホールディングス|グループ|大学院|大学|高等学校|高等専門学校|高校|中学校|小学校|学園|学院|病院|医療センター|クリニック|医院|協会|機構|組合|連合会|協議会|研究所|センター|銀行|信用金庫|信用組合|生協|委員会|省|庁|都|道|府|県|市|区|町|村|会)`;
const ORG_TOKEN = new RegExp(
  [
    String.raw`(?:株式会社|有限会社|合同会社|\(株\)|\(有\))[ \t]?${NAME}{1,24}`,
    String.raw`(?:(?:一般|公益)?(?:社団|財団)法人|(?:学校|医療|社会福祉|独立行政|国立大学|地方独立行政|特定非営利活動)法人)[ \t]?${NAME}{1,24}`,
    String.raw`${NAME}{1,24}?(?:株式会社|\(株\)|有限会社|合同会社)`,
    String.raw`${NAME}{2,24}?${SUFFIX}(?![一-龥])`,
    // Words are bounded ({0,30}) so a 100,000-character run without spaces cannot make every start scan to its end.
    String.raw`(?<![A-Za-z])[A-Z][\w&.\-]{0,30}(?:[ \t][A-Z][\w&.\-]{0,30}){0,4},?[ \t](?:Inc|Ltd|Corp|Corporation|Co|LLC|PLC|GmbH|AG|Limited|Holdings|Group)\b\.?`,
  ].join('|'),
  'g',
);

const HAS_SUFFIX = new RegExp(String.raw`(?:${SUFFIX}|株式会社|\(株\)|法人|Inc\.?|Ltd\.?|Corp\.?|Corporation|LLC|PLC|Limited|Holdings|Group)$|^(?:株式会社|\(株\)|有限会社)`);

// Words that name a thing, a role or an event, never an organisation.
const GENERIC = /個人情報|情報|不正|アクセス|マルウ|ウイルス|ウィルス|ランサム|フィッシング|攻撃|脆弱性|メール|詐欺|被害|セキュリティ|システム|サーバ|データ|パソコン|^PC$|USB|アカウント|注意喚起|顧客|会員|お客様|当社|弊社|本学|本校|当院|同社|同省|同市|従業員|社員|職員|委託|第三者|海外|ハードディスク|廃棄|受託|漏え?い|漏洩|流出|紛失|盗難|障害|感染|誤送|サイト|ページ|フォーム|ガイドライン|報告|公表|お知らせ|お詫び|について|関する|調査|対策|報告書|ガイド|手口|事件|事故|脅威|インシデント|監督官庁|所轄|警察|クレジットカード|カード会社|本社|子会社|各社|親会社|会社$|^[0-9.-]+$|\d(?:年|月|日|件|名|人)/;
const REPORTER = /個人情報保護委員会|JPCERT|^IPA|情報処理推進機構|NISC|警察|警視庁|県警|フィッシング対策協議会|消費者庁|経済産業省|金融庁|総務省(?:は|が)?(?:、)?(?:全国|自治体)|CISA|FBI/;
const VICTIM_CUE = /不正アクセス|流出|漏え?い|漏洩|紛失|盗難|誤送|被害|感染|お詫び|おわび|攻撃を受け|発覚|判明|breach|leak|attack|stolen|unauthori[sz]ed|accessed|compromis|ransomware|hack|exposed|incident/i;

function lineAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at)) + 1;
  const ends = [text.indexOf('。', at), text.indexOf('\n', at)].filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}

const TRAILING_THING = /(?:の)?(?:公式)?(?:Web|ウェブ|EC|通販|ネット|オンライン)?(?:サイト|サーバー?|システム|ホームページ|HP|ショップ|ストア)$/;

function acceptable(name: string, requireSuffix: boolean): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[ぁ-ゖ]/.test(name) && !/^(?:株式会社|.*(?:株式会社|大学|法人))/.test(name)) return false;
  if (GENERIC.test(name.replace(HAS_SUFFIX, ''))) return false;
  if (findProducts(name).some((p) => p.end - p.start >= name.length - 2)) return false;
  if (requireSuffix && !HAS_SUFFIX.test(name)) return false;
  return true;
}

function mention(value: string, start: number): OrganizationMention {
  return { value, start, end: start + value.length };
}

function titleBounds(text: string, titleEnd: number): { start: number; end: number } {
  let start = 0;
  const title = text.slice(0, titleEnd);
  const bracket = /^[ \t]*(?:【[^】]{0,60}】|\[[^\]]{0,60}\])[ \t]*/.exec(title);
  if (bracket) start = bracket[0].length;
  return { start, end: titleEnd };
}

/** `ヤマハ株式会社 米国子会社への…`: sites that lead the title with the organisation and a space. */
function fromLeadingToken(text: string, from: number, to: number): OrganizationMention | null {
  const m = /^([^ \t、,。「」『』()]{2,30})[ \t]+\S/.exec(text.slice(from, to));
  if (!m || !m[1]) return null;
  const name = m[1];
  const rest = text.slice(from + m[0].length - 1, to);
  // `UC Card をかたる…`: a brand split by a space, or an impersonated one, is not the victim.
  if (/^[A-Za-z]/.test(name) && (/^[A-Za-z]/.test(rest) || name.length < 3)) return null;
  if (/^(?:をかた|を騙|を装|になりすま)/.test(rest)) return null;
  return acceptable(name, !/^[A-Za-z]/.test(name)) ? mention(name, from) : null;
}

/** `…流出/株式会社サンウェル`, `…流出の可能性 - 日本テスト保険`: news lists and sites that end titles with the organisation. */
function fromTrailingSlash(text: string, from: number, to: number): OrganizationMention | null {
  const m = /(?:\/|[ \t][-–—|｜][ \t])[ \t]?([^/\s]{2,40})[ \t]*$/.exec(text.slice(from, to));
  if (!m || !m[1] || /^CVE-|^[\d.-]+$|^\d{4}年/i.test(m[1])) return null;
  return acceptable(m[1], false) ? mention(m[1], from + m.index + m[0].indexOf(m[1])) : null;
}

/** `TOKYOMXのWebサイトへ不正アクセス`, `静岡県湖西市、1992名分の…`, `日本郵便へ不正アクセス`. */
function fromTitlePrefix(text: string, from: number, to: number): OrganizationMention | null {
  const m = /^([^ \t、,。「」『』()[\]【】ぁ-ゖ]{2,30}?)(への|へ|の|で|が|は|に|、|,|:)/.exec(text.slice(from, to));
  if (!m || !m[1]) return null;
  const name = m[1].replace(TRAILING_THING, '');
  if (!acceptable(name, false)) return null;
  // `エンタープライズにおける…`, `中小企業に関する…`: a topic, not an organisation.
  // (`株式会社サンプルにおける…` and `〇〇大学における…` keep their organisation: the suffix says it is one.)
  if (!HAS_SUFFIX.test(name) && /^(?:おける|関する|ついて|よる|対する|向け|とって)/.test(text.slice(from + m[0].length, from + m[0].length + 4))) return null;
  // Without a suffix, a name must look like one: Latin or katakana (TOKYOMX, 米ヤフー), or a short kanji name
  // before へ/で/が/、 (日本郵便へ…); a kanji phrase before の is usually a topic (インシデント調査のための…).
  const kanji = name.replace(/^[米英中独仏韓台豪露印]/, '').match(/[一-龥]/g)?.length ?? 0;
  const looksLikeName = HAS_SUFFIX.test(name) || kanji === 0 || (kanji <= 6 && m[2] !== 'の' && m[2] !== 'に');
  return looksLikeName ? mention(name, from) : null;
}

/** `国土交通省は、…`, `6月6日、国土交通省は…`, `TOKYOMXは10月4日、…`: the subject of the body's first sentence. */
function fromBodySubject(text: string, from: number): OrganizationMention | null {
  // Skip a leading heading (【状況】) and bullet: the subject is in the first real sentence.
  const lead = /^(?:[ \t\n]*(?:【[^】\n]{1,20}】|\[[^\]\n]{1,20}\])[ \t]*\n?)?[ \t\n]*[・•\-*]?[ \t]*/.exec(text.slice(from, from + 40));
  const begin = from + (lead ? lead[0].length : 0);
  const head = text.slice(begin, begin + 120);
  const m = /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[、,]|に)?[ \t]?)?([^ \t、,。「」『』()ぁ-ゖ\n]{2,30}?)(?:は|が|では|の(?:従業員|社員|職員|委託先|元従業員))/.exec(head);
  if (!m || !m[1]) return null;
  const name = m[1].replace(TRAILING_THING, '');
  if (!acceptable(name, false)) return null;
  return mention(name, begin + m[0].indexOf(m[1]));
}

/** English titles: `Acme Corp. discloses data breach`, `Data breach at Example Health`. */
function fromEnglishTitle(text: string, from: number, to: number): OrganizationMention | null {
  const title = text.slice(from, to);
  const lead = /^([A-Z][\w&.-]{0,30}(?:[ \t][A-Z][\w&.-]{0,30}){0,4})(?:'s)?[ \t](?:discloses|confirms|reports|says|suffers|hit|hacked|breached|notifies|investigates|announces|admits|data|customer|patient|employee|warns)\b/.exec(title);
  if (lead?.[1] && !/^(?:The|A|An|New|Data|How|Why|What)$/.test(lead[1])) return mention(lead[1], from);
  const at = /(?:breach|attack|incident|hack|leak|outage)[ \t](?:at|on|of|hits?)[ \t]([A-Z][\w&.-]{0,30}(?:[ \t][A-Z][\w&.-]{0,30}){0,4})/.exec(title);
  if (at?.[1]) return mention(at[1], from + at.index + at[0].length - at[1].length);
  return null;
}

function orgTokens(text: string, from: number, to: number): OrganizationMention[] {
  const out: OrganizationMention[] = [];
  // Scan a slice, not the text from an offset: exec would otherwise run on to the end of a 100,000-character item.
  const slice = text.slice(from, to);
  ORG_TOKEN.lastIndex = 0;
  for (let m = ORG_TOKEN.exec(slice); m !== null && out.length < 40; m = ORG_TOKEN.exec(slice)) {
    const value = m[0].trim();
    const at = from + m.index;
    // `気象庁を装う「なりすましメール」`: an impersonated organisation is not the victim.
    const after = text.slice(at + m[0].length, at + m[0].length + 8);
    if (/^(?:を装|をかた|を騙|になりすま|の名を)/.test(after)) continue;
    // Authorities are organisations whatever their words (個人情報保護委員会 contains 個人情報).
    if (REPORTER.test(value) || acceptable(value, true)) out.push(mention(value, at));
  }
  return out;
}

export function findOrganization(text: string, titleEnd: number, sourceOrganization?: string | null, preferPublisher = false): OrganizationMention | null {
  if (sourceOrganization && sourceOrganization.trim().length > 0) {
    const value = sourceOrganization.normalize('NFKC').trim();
    const at = text.indexOf(value);
    return at >= 0 ? mention(value, at) : { value, start: -1, end: -1 };
  }
  // A title longer than any real one (a paste gone wrong) is read only at its start.
  const title = titleBounds(text, Math.min(titleEnd, 300));
  const fromTitle =
    fromTrailingSlash(text, title.start, title.end) ??
    fromLeadingToken(text, title.start, title.end) ??
    fromTitlePrefix(text, title.start, title.end) ??
    fromEnglishTitle(text, title.start, title.end);
  if (fromTitle) return fromTitle;
  const titleTokens = orgTokens(text, title.start, title.end).filter((o) => !REPORTER.test(o.value));
  if (titleTokens[0]) return titleTokens[0];
  const bodyStart = Math.min(text.length, titleEnd + 2);
  const subject = fromBodySubject(text, bodyStart);
  if (subject && (preferPublisher || !REPORTER.test(subject.value))) return subject;
  const bodyTokens = orgTokens(text, bodyStart, Math.min(text.length, bodyStart + 1000));
  // A report or an advisory is the publisher's (個人情報保護委員会, JPCERT/CC); an incident is its victim's, named
  // where the text speaks of the damage, not in a list of affected customers or a mention of the police.
  if (preferPublisher) {
    // Only the first sentence names the publisher; later ones cite others (`IPAやJPCERT/CCなどから注意喚起`).
    const firstStop = text.slice(bodyStart).search(/[。\n]/);
    const firstEnd = firstStop < 0 ? text.length : bodyStart + firstStop;
    return bodyTokens.find((o) => REPORTER.test(o.value) && o.start < firstEnd) ?? null;
  }
  return bodyTokens.find((o) => !REPORTER.test(o.value) && VICTIM_CUE.test(lineAround(text, o.start))) ?? subject ?? null;
}
