// Deterministic, realistic board items for the board benchmark and the search-option measurements:
// Japanese incident news of ten years as officers collect it (breach notices, advisories, reports,
// events, off-topic posts), titles and bodies of varied length (150–2,000 characters, most a few
// hundred, as in ../shared/samples), organisations of every kind, some Latin product names and
// full-width variants (ＵＳＢ, ＶＰＮ) the search must fold, and extracted facts with the board's spread
// of kind, category and severity.
import { CATEGORIES, type Category, type Kind, type Status } from '../../shared/domain/vocabulary.js';
import type { Connection } from '../db/database.js';
import { EXTRACTOR_VERSION } from '../features/extract/extract-facts.js';

/** Mulberry32: a tiny seeded generator, so every run seeds the same items. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORG_STEMS = ['サンプル', '東日本', 'みらい', '青葉', 'テクノ', '日本海', 'さくら', 'ひかり', '北陸', '中央', 'グローバル', '大和', 'アクア', '富士', '瀬戸内', 'ネクスト', '北斗', '若葉', 'オーシャン', '明星'];
const ORG_FORMS = ['株式会社{}', '{}商事株式会社', '{}ホールディングス', '{}市', '{}県', '{}町役場', '{}大学', '学校法人{}学園', '医療法人{}会', '{}病院', '{}信用金庫', '{}銀行', '一般社団法人{}協会', '{}電機株式会社', '{}システムズ'];
const SOURCES = ['cdns', 'セキュリティ事件簿', 'JPCERT/CC', 'IPA', 'Security NEXT', 'ITmedia', 'piyolog', '個人情報保護委員会'];
const SOURCE_CATEGORIES = ['不正アクセス', 'ランサムウェア', '誤送信', '紛失・盗難', '設定不備', 'サイバー攻撃', '内部不正/ミス', 'セキュリティ対策', 'ウイルス'];

interface CategoryText {
  titles: string[];
  sentences: string[];
}

const TEXTS: Partial<Record<Category, CategoryText>> = {
  unauthorized_access: {
    titles: ['不正アクセスによる個人情報漏洩に関するお知らせ', '当社サーバーへの不正アクセスについて', 'ECサイトへの不正アクセスによるクレジットカード情報流出', 'VPN機器の脆弱性を悪用した不正アクセスについて'],
    sentences: ['当社が運営するオンラインショップのサーバーに第三者による不正アクセスがあり、お客様の個人情報が流出した可能性があることが判明いたしました。', 'VPN装置の脆弱性（CVE-2023-27997）を悪用され、社内ネットワークに侵入されました。', '決済画面が改ざんされ、入力されたクレジットカード番号、有効期限、セキュリティコードが窃取された可能性があります。', '外部からの指摘により、Webアプリケーションの脆弱性を突いたSQLインジェクション攻撃が判明しました。'],
  },
  ransomware: {
    titles: ['ランサムウェア被害の発生について', 'システム障害に関するお知らせ（ランサムウェア感染）', 'ランサムウェアによるサーバー暗号化と情報漏洩の可能性について'],
    sentences: ['社内の複数のサーバーがランサムウェアに感染し、ファイルが暗号化されていることを確認いたしました。', '攻撃者から金銭を要求する脅迫文が残されていましたが、要求には応じておりません。', 'Fortinet製VPN機器の認証情報が悪用された可能性が高いと考えております。', '電子カルテシステムが停止し、外来診療を一時休止いたしました。'],
  },
  malware: {
    titles: ['マルウェア「Emotet」感染に関するお詫び', '当社従業員のPCがマルウェアに感染した件について', 'なりすましメールに関する注意喚起（Emotet）'],
    sentences: ['当社従業員のパソコンがマルウェア「Emotet」に感染し、過去にメールのやり取りをした方に不審なメールが送信されていることを確認しました。', '添付ファイルを開封したことにより感染したものと考えております。', '不審なメールの添付ファイルは開かず、削除していただきますようお願い申し上げます。'],
  },
  phishing_fraud: {
    titles: ['フィッシングサイトに関する注意喚起', '当社を装った偽メールにご注意ください', 'サポート詐欺の被害について'],
    sentences: ['当社を装ったフィッシングメールが送信されていることを確認しております。', 'メール本文のリンクから偽サイトへ誘導し、ID・パスワードを入力させる手口です。', 'ブラウザに偽の警告画面が表示され、遠隔操作ソフトをインストールさせられました。'],
  },
  misdelivery: {
    titles: ['メール誤送信による個人情報漏洩のお詫び', '書類の誤送付に関するお詫び', 'BCCの設定誤りによるメールアドレス流出について', 'ダイレクトメールの誤送付について'],
    sentences: ['担当者が宛先をBCCではなくTOに設定して送信したため、受信者全員のメールアドレスが互いに閲覧できる状態となりました。', '封入作業の確認不足により、別の方の書類を誤って送付いたしました。', 'ＦＡＸの誤送信により、患者様の氏名と検査結果が第三者に送信されました。', '誤送信先の方には連絡を取り、メールの削除をお願いいたしました。'],
  },
  misconfiguration: {
    titles: ['クラウドサービスの設定不備による情報流出の可能性について', 'Googleフォームの設定誤りによる回答内容の閲覧について', 'ウェブサイト上で個人情報が閲覧可能となっていた件'],
    sentences: ['アンケートフォームの共有設定に不備があり、回答内容が外部から閲覧できる状態となっておりました。', 'クラウドストレージのアクセス権限の設定誤りにより、第三者がファイルを閲覧可能な状態でした。', '設定変更の手順書に確認項目がなかったことが原因です。'],
  },
  loss: {
    titles: ['個人情報を含むUSBメモリの紛失について', '書類の紛失に関するお詫び', '生徒の個人情報を含む書類の誤廃棄について'],
    sentences: ['職員が生徒の成績情報を保存したＵＳＢメモリを紛失いたしました。', '現時点で第三者による不正利用の事実は確認されておりません。', '警察に遺失物届を提出し、捜索を続けております。', '保存期間中の書類を誤って廃棄していたことが判明しました。'],
  },
  theft: {
    titles: ['業務用パソコンの盗難について', '車上荒らしによる個人情報の盗難について'],
    sentences: ['従業員が帰宅途中に業務用パソコンが入ったかばんを盗まれました。', 'パソコンにはパスワードが設定されており、ハードディスクは暗号化されております。'],
  },
  insider: {
    titles: ['元従業員による顧客情報の不正持ち出しについて', '委託先従業員による個人情報の不正流出について'],
    sentences: ['元従業員が退職前に顧客情報を不正に持ち出し、転職先で利用していたことが判明しました。', '委託先の従業員が顧客情報を名簿業者に売却していたことが判明しました。'],
  },
  ddos: {
    titles: ['DDoS攻撃によるウェブサイトの閲覧障害について'],
    sentences: ['大量の通信を送りつけるDDoS攻撃により、ウェブサイトが閲覧しにくい状態となりました。'],
  },
  system_failure: {
    titles: ['システム障害の発生と復旧について'],
    sentences: ['データセンターの電源設備の故障により、サービスが約6時間停止しました。'],
  },
};

const COMMON = ['流出した可能性のある情報は、氏名、住所、電話番号、メールアドレスです。', '対象となるお客様には、個別にご連絡を差し上げております。', '本件につきましては、個人情報保護委員会へ報告するとともに、所轄警察署にも相談しております。', 'お客様には多大なるご迷惑とご心配をおかけしましたことを深くお詫び申し上げます。', '再発防止策として、従業員教育の徹底と確認体制の強化に取り組んでまいります。', '外部の専門調査機関によるフォレンジック調査を実施いたしました。', '影響を受けた可能性のある件数は約{n}件です。'];
const ADVISORY = ['情報処理推進機構（IPA）は、標的型攻撃メールに関する注意喚起を公開しました。', 'JPCERT/CCは、Microsoft製品の脆弱性に関する注意喚起を発行しました。', '修正プログラムを速やかに適用することを推奨します。'];
const PUBLICATION = ['個人情報保護委員会は、漏えい等報告の件数を公表しました。', '「情報セキュリティ10大脅威」が公開されました。', '東京商工リサーチの調査によると、上場企業の個人情報漏えい事故は過去最多となりました。'];
const EVENT = ['情報セキュリティセミナーをオンラインで開催します。', '参加費は無料です。事前登録が必要です。'];
const OTHER = ['新商品の発売についてお知らせいたします。', '航空会社の提携について発表がありました。'];
const SECTIONS = ['【状況】', '【原因】', '【対応】', '【流出情報】', '【再発防止策】'];

export interface WorkloadItem {
  title: string;
  organization: string | null;
  publishedAt: string | null;
  sourceCategory: string | null;
  sourceName: string;
  body: string;
  status: Status;
  kind: Kind;
  category: Category | null;
  severity: number | null;
  appiReportable: number | null;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Weighted choice: most items are incidents, and most of the years of history are already triaged. */
function weighted<T>(random: () => number, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1]![0];
}

const STATUS_WEIGHTS = [['new', 6], ['triage', 3], ['action', 2], ['notified', 49], ['dismissed', 40]] as const satisfies readonly (readonly [Status, number])[];
const KIND_WEIGHTS = [['incident', 70], ['advisory', 12], ['publication', 8], ['event', 4], ['other', 6]] as const satisfies readonly (readonly [Kind, number])[];

export function makeWorkloadItem(i: number, random: () => number): WorkloadItem {
  const kind = weighted(random, KIND_WEIGHTS);
  const category = kind === 'incident' ? pick(random, CATEGORIES.filter((c) => TEXTS[c])) : null;
  const org = pick(random, ORG_FORMS).replace('{}', pick(random, ORG_STEMS));
  const texts = category ? TEXTS[category]! : null;
  const pool = kind === 'advisory' ? ADVISORY : kind === 'publication' ? PUBLICATION : kind === 'event' ? EVENT : kind === 'other' ? OTHER : [...texts!.sentences, ...COMMON];
  // Lengths as in the samples: most bodies a few hundred characters, a long tail up to ~2,000.
  const target = Math.min(2000, Math.round(150 + -Math.log(1 - random()) * 400));
  let body = '';
  for (let k = 0; body.length < target; k++) {
    if (kind === 'incident' && k % 3 === 0) body += `${SECTIONS[(k / 3) % SECTIONS.length]}\n`;
    body += pick(random, pool).replace('{n}', String(Math.floor(random() * 50_000) + 1).replace(/\B(?=(\d{3})+$)/, ',')) + (k % 2 ? '\n' : '');
  }
  const title = texts ? `${pick(random, texts.titles)}${random() < 0.2 ? `（第${1 + Math.floor(random() * 3)}報）` : ''}` : pick(random, pool).slice(0, 30);
  const day = Math.floor(random() * 3650);
  const publishedAt = random() < 0.02 ? null : new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return {
    title: `${title} #${i}`,
    organization: kind === 'incident' || random() < 0.5 ? org : null,
    publishedAt,
    sourceCategory: pick(random, SOURCE_CATEGORIES),
    sourceName: pick(random, SOURCES),
    body,
    status: weighted(random, STATUS_WEIGHTS),
    kind,
    category,
    severity: kind === 'incident' ? 1 + Math.floor(random() * 4) : null,
    appiReportable: kind === 'incident' ? (random() < 0.4 ? 1 : 0) : null,
  };
}

export function* workloadItems(count: number, seed = 5): Generator<WorkloadItem> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) yield makeWorkloadItem(i, random);
}

/**
 * Seeds `count` workload items into a migrated database with straight SQL inserts into items and
 * item_facts: the same tables and triggers the import fills (board_items, the search queue). The
 * search index is left to syncSearchIndex, as after an import. The facts are stored as the current
 * extractor's (and the items' content hashes), so an app opened on this database (the first-render part of
 * the benchmark) does not start re-reading 100,000 items in the background while it is measured.
 */
export async function seedBoardItems(db: Connection, count: number): Promise<void> {
  const at = new Date().toISOString();
  const rows = workloadItems(count);
  let id = 0;
  while (id < count) {
    await db.withTransaction(async (tx) => {
      for (let k = 0; k < 25 && id < count; k++) {
        const chunk: { id: number; item: WorkloadItem }[] = [];
        for (let n = 0; n < 200 && id < count; n++) {
          const next = rows.next();
          if (next.done) break;
          chunk.push({ id: ++id, item: next.value });
        }
        await tx.run(
          `INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, source_category, source_name, body, status, created_at, updated_at)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap(({ id, item }) => [
            id, `bench:${id}`, `h${id}`, item.title, item.organization, item.publishedAt, item.sourceCategory, item.sourceName, item.body, item.status, at, at,
          ]),
        );
        await tx.run(
          `INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, kind, category, severity, appi_reportable, facts_json)
           VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, '{}')").join(', ')}`,
          chunk.flatMap(({ id, item }) => [id, EXTRACTOR_VERSION, `h${id}`, at, item.kind, item.category, item.severity, item.appiReportable]),
        );
      }
    });
  }
  // A few hundred officer corrections, so the effective facts are not just the suggestions.
  await db.withTransaction((tx) =>
    tx.run(
      `INSERT INTO item_corrections (item_id, field, value_json, corrected_at, corrected_by)
       SELECT id, 'severity', '4', ?, 'bench' FROM items WHERE id % 331 = 0`,
      [at],
    ),
  );
}
