// お願い (what each employee must do), chosen from the incident's category and from words in its causes.
// Concrete, checkable actions, not "気をつけましょう": an awareness notice that ends in a vague plea is not
// read. Japanese and English side by side so the two templates say the same thing.
import type { Category } from '../../../shared/domain/vocabulary.js';
import type { BulletinLanguage } from './bulletin-types.js';

type Text = Record<BulletinLanguage, string>;

export const ACTIONS_BY_CATEGORY: Record<Category, Text[]> = {
  loss: [
    { ja: '個人情報・機密情報をUSBメモリ等の可搬媒体に保存しないでください。やむを得ない場合は、会社支給の暗号化USBを使い、持出し申請を行ってください。', en: 'Do not copy personal or confidential data to USB sticks or other portable media. If unavoidable, use a company-issued encrypted USB stick and file a take-out request.' },
    { ja: '書類・PC・媒体を持ち出すときは、置き忘れのないよう常に身から離さず、飲酒を伴う場では特に注意してください。', en: 'Keep documents, laptops and media with you at all times when you take them out, especially where alcohol is served.' },
    { ja: '書類・媒体の廃棄は、定められた手順（シュレッダー・溶解処理・データ消去証明）で行ってください。', en: 'Dispose of documents and media only through the defined procedure (shredding, secure destruction, certified erasure).' },
    { ja: '紛失に気づいたら、探す前にまず上長と情報セキュリティ担当へ直ちに報告してください。', en: 'If something is missing, report it to your manager and the security team at once, before you start searching.' },
  ],
  theft: [
    { ja: 'ノートPC・スマートフォンは画面ロックとディスク暗号化を必ず有効にしてください。', en: 'Always enable screen lock and disk encryption on laptops and smartphones.' },
    { ja: '車内や座席にPC・鞄を放置しないでください。', en: 'Never leave laptops or bags unattended in cars or on seats.' },
    { ja: '盗難に遭ったら、直ちに上長と情報セキュリティ担当へ報告してください（遠隔ロック・消去を行います）。', en: 'If a device is stolen, report it to your manager and the security team immediately (we will lock and wipe it remotely).' },
  ],
  misdelivery: [
    { ja: 'メール送信前に宛先（To/Cc/Bcc）とドメインを声に出して確認し、送信確認画面を省略しないでください。', en: 'Before sending, read the recipients (To/Cc/Bcc) and their domains aloud, and do not skip the confirmation step.' },
    { ja: '社外の複数の方へ一斉に送るときは必ずBccを使うか、一斉配信システムを利用してください。', en: 'When writing to several outside recipients at once, always use Bcc or the bulk-mail system.' },
    { ja: '宛先の自動補完（オートコンプリート）で選んだアドレスは、送信前にもう一度確認してください。', en: 'Double-check any address picked by autocomplete before sending.' },
    { ja: '郵送・FAXでは、宛名と同封物を二人で照合（ダブルチェック）してください。', en: 'For post and fax, have a second person check the address and the enclosures.' },
    { ja: '誤送信に気づいたら、相手への連絡より先に上長と情報セキュリティ担当へ報告してください。', en: 'If you send something to the wrong person, report it to your manager and the security team first.' },
  ],
  phishing_fraud: [
    { ja: 'メールやSMSの差出人アドレス・リンク先のドメインを確認し、心当たりのないリンクは開かないでください。', en: 'Check the sender address and the link domain of mails and SMS; do not open links you did not expect.' },
    { ja: 'メールのリンクから開いたページにID・パスワードやカード情報を入力しないでください。', en: 'Never enter IDs, passwords or card data on a page opened from a mail link.' },
    { ja: '振込先の変更や至急の送金依頼は、メール以外の手段（登録済みの電話番号など）で本人に確認してください。', en: 'Confirm any change of bank account or urgent payment request through another channel (a known phone number).' },
    { ja: '画面に警告が出て電話をかけるよう求められても、電話せず情報セキュリティ担当へ連絡してください（サポート詐欺）。', en: 'If a warning on screen asks you to call a number, do not call: contact the security team (tech-support scam).' },
    { ja: '不審なメールを受け取ったら、開いてしまった場合も含めて情報セキュリティ担当へ報告してください。', en: 'Report suspicious mails to the security team, also if you already opened them.' },
  ],
  malware: [
    { ja: '心当たりのない添付ファイルや、返信を装ったメールの添付ファイルを開かないでください。', en: 'Do not open attachments you did not expect, including those in mails that pose as replies.' },
    { ja: 'Officeファイルの「コンテンツの有効化」「編集を有効にする」（マクロ）を押さないでください。', en: 'Do not click "Enable Content" or "Enable Editing" (macros) in Office files.' },
    { ja: 'パスワード付きZIPファイルは送信元に確認してから開いてください。', en: 'Confirm password-protected ZIP files with the sender before opening them.' },
    { ja: 'PCの動作が不審なときはLANケーブルを抜く・Wi-Fiを切るなどネットワークから切り離し、電源は切らずに報告してください。', en: 'If your PC behaves strangely, disconnect it from the network (cable, Wi-Fi), leave it switched on, and report.' },
  ],
  ransomware: [
    { ja: '心当たりのない添付ファイル・リンクを開かないでください。', en: 'Do not open unexpected attachments or links.' },
    { ja: 'OS・ソフトウェアの更新が通知されたら、先延ばしにせず適用してください。', en: 'Apply OS and software updates when prompted; do not postpone them.' },
    { ja: '業務データは会社指定の保存先に置き、私物の媒体や個人のクラウドに保存しないでください。', en: 'Keep work data in the designated company storage, never on private media or personal cloud services.' },
    { ja: '画面に脅迫文が出た・ファイルが開けなくなったときは、ネットワークから切り離して直ちに報告してください。', en: 'If a ransom note appears or files stop opening, disconnect from the network and report immediately.' },
  ],
  unauthorized_access: [
    { ja: 'OS・ブラウザ・業務ソフトの更新（脆弱性の修正）は通知されたらすぐに適用してください。', en: 'Apply OS, browser and application updates (security fixes) as soon as they are offered.' },
    { ja: 'パスワードは他のサービスと使い回さず、多要素認証（MFA）が使えるサービスでは必ず有効にしてください。', en: 'Never reuse passwords across services, and turn on multi-factor authentication (MFA) wherever it is offered.' },
    { ja: '身に覚えのないログイン通知やMFAの承認要求が届いたら、承認せずに報告してください。', en: 'If you get a login notice or MFA prompt you did not cause, do not approve it: report it.' },
    { ja: 'システムの異常（見慣れない画面・遅延・不審なアカウント）に気づいたら、情報セキュリティ担当へ報告してください。', en: 'Report anything unusual in our systems (unfamiliar screens, slowness, unknown accounts) to the security team.' },
  ],
  misconfiguration: [
    { ja: 'クラウドストレージやフォームの共有設定は「リンクを知っている全員」にせず、公開前に閲覧範囲を確認してください。', en: 'Do not share cloud storage or forms with "anyone with the link"; check who can see a page before publishing it.' },
    { ja: '公開・共有を設定したら、別のアカウント（ログアウト状態）で見え方を確認してください。', en: 'After sharing or publishing, check what is visible from another account or while logged out.' },
    { ja: '不要になった共有リンク・公開設定は速やかに解除してください。', en: 'Remove shares and public settings you no longer need.' },
  ],
  insider: [
    { ja: '業務データの私用PC・個人メール・個人クラウドへの転送や持出しは禁止です。', en: 'Never forward or take work data to private PCs, personal mail or personal cloud services.' },
    { ja: '業務上必要な範囲を超えて顧客情報を閲覧・検索しないでください（操作ログは記録されています）。', en: 'Do not view or search customer data beyond what your work needs (access is logged).' },
    { ja: '不正な持出しや不審な行為に気づいたら、内部通報窓口または情報セキュリティ担当へ相談してください。', en: 'If you notice data being taken out or other misconduct, talk to the whistle-blowing desk or the security team.' },
  ],
  ddos: [
    { ja: '自社サービスの応答が遅い・つながらない等の異常に気づいたら、情報セキュリティ担当へ報告してください。', en: 'Report slow or unreachable company services to the security team.' },
    { ja: 'お客様からの問い合わせには、公式発表に沿って回答し、推測で説明しないでください。', en: 'Answer customers with the official statement only; do not speculate.' },
  ],
  system_failure: [
    { ja: '障害時の連絡手順・代替手段（業務継続計画）を確認しておいてください。', en: 'Know the contact procedure and the fallback (business continuity plan) for outages.' },
    { ja: '異常に気づいたら自己判断で操作を続けず、システム管理者へ報告してください。', en: 'If a system misbehaves, stop and report to the administrators instead of working around it.' },
  ],
  other: [
    { ja: '情報の取扱いルール（社内規程）を改めて確認してください。', en: 'Review the company rules for handling information.' },
    { ja: '事故やその兆候に気づいたら、ためらわずに上長と情報セキュリティ担当へ報告してください。', en: 'Report any incident or sign of one to your manager and the security team without hesitation.' },
  ],
};

/** Extra actions when a cause mentions a specific weakness, whatever the category. Matched on NFKC text. */
const ACTIONS_BY_CAUSE: { pattern: RegExp; action: Text }[] = [
  { pattern: /BCC|Bcc|bcc|CC欄|宛先|誤送信|To欄/u, action: { ja: '複数の社外宛先へのメールはBccで送り、送信前に宛先欄を確認してください。', en: 'Send mails to several outside recipients in Bcc, and check the recipient fields before sending.' } },
  { pattern: /パスワード|password|リスト型|credential/iu, action: { ja: 'パスワードは使い回さず、推測されにくいものにしてください。', en: 'Use a unique, hard-to-guess password for every service.' } },
  { pattern: /脆弱性|vulnerab|VPN|パッチ|アップデート|更新/iu, action: { ja: '管理している機器・ソフトウェアの更新状況を確認し、未適用の修正があれば報告してください。', en: 'Check the devices and software you manage for missing updates, and report any you find.' } },
  { pattern: /USB|可搬|媒体|メモリ/u, action: { ja: 'USBメモリ等の可搬媒体の利用ルール（許可制・暗号化）を守ってください。', en: 'Follow the rules for USB sticks and portable media (approval, encryption).' } },
  { pattern: /委託|再委託|業者|contractor|vendor/iu, action: { ja: '委託先へ個人情報を渡す際は、契約と受け渡し手順（暗号化・記録）を確認してください。', en: 'When handing personal data to a contractor, check the contract and the transfer procedure (encryption, records).' } },
  { pattern: /添付|マクロ|attachment|macro/iu, action: { ja: '添付ファイルのマクロは有効にしないでください。', en: 'Never enable macros in attachments.' } },
  { pattern: /設定|公開状態|閲覧可能|閲覧できる/u, action: { ja: '共有・公開設定は変更後に閲覧範囲を確認してください。', en: 'After changing sharing settings, check who can now see the data.' } },
];

/**
 * The actions for a set of incidents: those of each category (in the order given, most frequent first
 * for a digest), then those the causes call for, without repeats, at most `limit`.
 */
export function chooseEmployeeActions(
  categories: readonly (Category | null)[],
  causes: readonly string[],
  language: BulletinLanguage,
  limit = 8,
): string[] {
  const chosen: string[] = [];
  const add = (text: string) => {
    if (!chosen.includes(text)) chosen.push(text);
  };
  const cats = categories.length > 0 ? categories : [null];
  // A digest gets the first two actions of every category before any third one.
  for (let round = 0; round < 5; round++) {
    for (const category of cats) {
      const action = ACTIONS_BY_CATEGORY[category ?? 'other'][round];
      if (action) add(action[language]);
    }
  }
  const text = causes.join('\n').normalize('NFKC');
  const causeActions = ACTIONS_BY_CAUSE.filter((rule) => rule.pattern.test(text)).map((rule) => rule.action[language]);
  // Cause-specific actions are the most concrete: keep room for them within the limit.
  const fromCategories = chosen.slice(0, Math.max(limit - causeActions.length, Math.min(limit, 3)));
  const result = [...fromCategories];
  for (const action of causeActions) if (!result.includes(action)) result.push(action);
  return result.slice(0, limit);
}

// Advisories (a phishing wave, an Emotet warning) carry no incident category, yet their notice still
// needs the matching actions: the title names the threat plainly enough.
const THREAT_HINTS: [RegExp, Category][] = [
  [/フィッシング|phishing|詐欺|偽サイト|なりすましメール/iu, 'phishing_fraud'],
  [/ランサム|ransom/iu, 'ransomware'],
  [/emotet|エモテット|マルウ[ェエ]ア|ウイルス|malware/iu, 'malware'],
  [/誤送信|誤送付|誤表示|誤配/u, 'misdelivery'],
  [/紛失|置き忘れ|誤廃棄/u, 'loss'],
  [/盗難/u, 'theft'],
  [/不正アクセス|不正ログイン|脆弱性|unauthori[sz]ed access/iu, 'unauthorized_access'],
];

/** The category whose actions fit an item: its own, else the threat its title names, else null. */
export function categoryForActions(category: Category | null, title: string): Category | null {
  if (category) return category;
  const text = title.normalize('NFKC');
  return THREAT_HINTS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}
