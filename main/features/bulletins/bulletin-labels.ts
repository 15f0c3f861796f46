// Words a bulletin prints: category and data-type names, what each category's attack looks like (手口) and
// what it leads to (想定される影響). Main cannot import renderer/i18n (process boundary), and the printed
// wording is the bulletin's own, so it is kept here, in Japanese and English.
import type { Category, DataType } from '../../../shared/domain/vocabulary.js';
import type { BulletinLanguage, DigestGroup } from './bulletin-types.js';

type Text = Record<BulletinLanguage, string>;

export const CATEGORY_LABELS: Record<DigestGroup | 'unknown', Text> = {
  unauthorized_access: { ja: '不正アクセス', en: 'Unauthorized access' },
  ransomware: { ja: 'ランサムウェア', en: 'Ransomware' },
  malware: { ja: 'マルウェア感染', en: 'Malware infection' },
  phishing_fraud: { ja: 'フィッシング・詐欺', en: 'Phishing and fraud' },
  misdelivery: { ja: '誤送信・誤送付・誤表示', en: 'Misdelivery' },
  misconfiguration: { ja: '設定不備・誤公開', en: 'Misconfiguration' },
  loss: { ja: '紛失・誤廃棄', en: 'Loss and wrong disposal' },
  theft: { ja: '盗難', en: 'Theft' },
  insider: { ja: '内部不正・不正持ち出し', en: 'Insider misuse' },
  ddos: { ja: 'DoS攻撃', en: 'Denial of service' },
  system_failure: { ja: 'システム障害', en: 'System failure' },
  other: { ja: 'その他', en: 'Other' },
  advisory: { ja: '注意喚起', en: 'Advisories' },
  publication: { ja: '報告書・統計', en: 'Reports and statistics' },
  unknown: { ja: '未分類', en: 'Not classified' },
};

export const DATA_TYPE_LABELS: Record<DataType, Text> = {
  name: { ja: '氏名', en: 'names' },
  address: { ja: '住所', en: 'addresses' },
  phone: { ja: '電話番号', en: 'phone numbers' },
  email: { ja: 'メールアドレス', en: 'email addresses' },
  birthdate: { ja: '生年月日', en: 'dates of birth' },
  gender: { ja: '性別', en: 'gender' },
  card_number: { ja: 'クレジットカード番号', en: 'card numbers' },
  card_expiry: { ja: 'カード有効期限', en: 'card expiry dates' },
  card_cvv: { ja: 'セキュリティコード', en: 'card security codes' },
  card_holder: { ja: 'カード名義人名', en: 'card holder names' },
  login_id: { ja: 'ログインID', en: 'login IDs' },
  password: { ja: 'パスワード', en: 'passwords' },
  my_number: { ja: 'マイナンバー', en: 'My Numbers' },
  bank_account: { ja: '口座情報', en: 'bank accounts' },
  health: { ja: '健康・医療情報', en: 'health data' },
  employee_record: { ja: '人事情報', en: 'employee records' },
  education_history: { ja: '学歴', en: 'education history' },
  email_content: { ja: 'メール本文', en: 'mail contents' },
  other: { ja: 'その他の情報', en: 'other data' },
};

/** 手口: how incidents of the category typically happen, printed when the source names no cause. */
export const TYPICAL_METHOD: Record<Category, Text> = {
  unauthorized_access: { ja: '公開サーバーやVPN機器の脆弱性の悪用、使い回されたパスワードによる不正ログインなどで侵入されるケースが多く見られます。', en: 'Attackers typically exploit unpatched servers or VPN devices, or log in with reused passwords.' },
  ransomware: { ja: 'VPN機器の脆弱性やメールの添付ファイルから侵入され、データを暗号化・窃取されて身代金を要求される手口です。', en: 'Attackers enter through VPN weaknesses or mail attachments, encrypt and steal data, and demand a ransom.' },
  malware: { ja: '取引先を装ったメールの添付ファイル（マクロ付き文書・パスワード付きZIP）を開いたことによる感染が典型です。', en: 'Infection typically follows opening an attachment (macro document, password-protected ZIP) in a mail that poses as a business partner.' },
  phishing_fraud: { ja: '実在の企業を装ったメールやSMSで偽サイトへ誘導し、ID・パスワードやカード情報を入力させる手口です。', en: 'Mails or SMS posing as real companies lead to fake sites that ask for passwords or card data.' },
  misdelivery: { ja: '宛先の選択ミス、Bccにすべき宛先をTo/Ccに入れた送信、封入物の取り違えなど、確認不足による人的ミスが原因です。', en: 'Human error: a wrong recipient picked, To/Cc used instead of Bcc, or the wrong documents enclosed.' },
  misconfiguration: { ja: 'クラウドやフォームの共有設定の誤りにより、本来非公開の情報が誰でも閲覧できる状態になっていたケースです。', en: 'Wrong sharing settings of cloud services or forms left private data viewable by anyone.' },
  loss: { ja: '書類やUSBメモリ・PCの持出し時の置き忘れ、保管・廃棄手順の不徹底が原因です。', en: 'Documents, USB sticks or laptops left behind when taken out, or storage and disposal rules not followed.' },
  theft: { ja: '車上荒らしや置き引きなど、持ち出した機器・書類が盗まれるケースです。', en: 'Laptops, bags or documents taken out of the office are stolen, e.g. from cars.' },
  insider: { ja: '従業員や委託先が権限を悪用して情報を持ち出し、転売・流用するケースです。', en: 'Employees or contractors abuse their access to take data out and sell or misuse it.' },
  ddos: { ja: '大量の通信を送りつけてサービスを停止させる攻撃です。', en: 'Floods of traffic are sent to make a service unavailable.' },
  system_failure: { ja: '攻撃ではなく、機器の故障や設定変更の誤りによりシステムが停止したケースです。', en: 'No attacker: hardware faults or faulty changes stopped the system.' },
  other: { ja: '公表資料を確認し、自社で同様の事象が起こりうるか点検してください。', en: 'Read the published notice and check whether the same could happen here.' },
};

/** 想定される影響 of the category, for the victims and for an organisation that had the same incident. */
export const TYPICAL_IMPACT: Record<Category, Text> = {
  unauthorized_access: { ja: '個人情報・機密情報の漏えい、Webサイトの改ざん、さらなる攻撃の踏み台化', en: 'leaks of personal or confidential data, defaced websites, and our systems used to attack others' },
  ransomware: { ja: '業務システムの長期停止、データの消失、窃取データの公開（二重恐喝）', en: 'long outages of business systems, lost data, and stolen data published (double extortion)' },
  malware: { ja: 'メール・アドレス帳の窃取と取引先へのなりすましメールの拡散', en: 'stolen mails and address books, and spoofed mails sent to our business partners' },
  phishing_fraud: { ja: 'アカウントの乗っ取り、金銭の詐取、カードの不正利用', en: 'hijacked accounts, money lost to fraud, and card misuse' },
  misdelivery: { ja: '第三者への個人情報の開示、お客様からの信頼の低下', en: 'personal data disclosed to third parties and lost customer trust' },
  misconfiguration: { ja: '不特定多数への個人情報・機密情報の公開', en: 'personal or confidential data exposed to anyone' },
  loss: { ja: '個人情報・機密情報の漏えいのおそれと、その調査・通知の負担', en: 'possible leaks of personal or confidential data, and the cost of investigating and notifying' },
  theft: { ja: '機器内の情報の漏えい、端末の不正利用', en: 'leaks of the data on the devices and misuse of the devices' },
  insider: { ja: '顧客情報の流出・転売と、それに伴う損害賠償・信用失墜', en: 'customer data leaked or sold, with damages and lost trust' },
  ddos: { ja: 'サービス停止による業務・売上への影響', en: 'service outages hurting business and revenue' },
  system_failure: { ja: '業務の停止とお客様への影響', en: 'business stopped and customers affected' },
  other: { ja: '業務への影響と信用の低下', en: 'disruption and lost trust' },
};

/** What leaked data of a type leads to, for the people it belongs to. */
export const DATA_TYPE_IMPACT: Partial<Record<DataType, Text>> = {
  card_number: { ja: 'クレジットカードの不正利用', en: 'card misuse' },
  card_cvv: { ja: 'クレジットカードの不正利用', en: 'card misuse' },
  bank_account: { ja: '口座情報を悪用した詐欺', en: 'fraud using bank details' },
  password: { ja: '他のサービスへの不正ログイン（パスワードの使い回しによる）', en: 'logins to other services where passwords were reused' },
  login_id: { ja: 'なりすましログインの試行', en: 'attempts to log in as the victims' },
  email: { ja: 'フィッシングメール・迷惑メールの送付', en: 'phishing and spam mails' },
  phone: { ja: '詐欺電話・SMSによるフィッシング', en: 'fraud calls and SMS phishing' },
  address: { ja: 'ダイレクトメールや訪問による詐欺', en: 'fraud by post or at the door' },
  my_number: { ja: 'なりすましによる各種手続の悪用', en: 'identity fraud in official procedures' },
  health: { ja: '要配慮個人情報の漏えいによる精神的苦痛・差別のおそれ', en: 'distress and discrimination from leaked health data' },
};
