import { splitLines, splitSentences, type Range } from './text-segments.js';

// Why it happened and what the organisation will do, as lists bulletins can reuse: the lines under a 原因 /
// 再発防止策 / 対策 heading (【原因】, 2 原因, (1)原因, 5. 本件の原因について, 原因と対策 with (再発防止策) inside, and the
// inline headings of blog bodies kept on one line, `USBメモリー紛失の原因 埼玉県によると…`), and, where a notice has
// no such heading, the sentences that carry those cues. Pledges with no content (`再発防止に努めてまいります`) and
// apologies are not countermeasures.

export interface ListMention {
  value: string;
  start: number;
  end: number;
}

type Mode = 'cause' | 'counter' | null;
type SectionKind = 'cause' | 'counter' | 'both' | 'none';

const MAX_ITEMS = 15;
const MAX_ITEM_CHARS = 240;

const BRACKETED = /^(?:【[^】]{1,40}】|\[[^\]]{1,40}\]|〔[^〕]{1,40}〕|<[^>]{1,40}>)$/;
const MINOR = /^(?:\([^)]{1,30}\)|[^。、]{1,30}[:])$/;
const NUMBERED = /^(?:\(?\d{1,2}[).]|\d{1,2}[ \t]|[0-9]{1,2}\.\d?[ \t]?|第\d{1,2}[ \t]?|[■◆●▼□◇▽▶]|[IVX]{1,4}\.)[ \t]?\S/;
const HEADING_WORD = /原因|要因|対策|再発防止|防止策|改善策|経緯|概要|状況|対応|影響|情報|お願い|について|問い?合わせ|窓口|今後|詳細|お詫び|経路|手口|cause|what happened|what we are doing|prevent|remediation|next steps|what information/i;

const CAUSE_HEADING = /原因|要因|感染経路|侵入経路|攻撃(?:の)?手口|手口|cause|how (?:it|this) happened/i;
const COUNTER_HEADING = /再発防止|防止策|改善策|対策|^(?:【)?(?:[^】、]{0,12}の)?対応(?:】)?$|今後の(?:対応|取り?組)|事後対応|勧告内容|指導内容|countermeasure|prevent|remediation|what we are doing|steps we/i;

const CAUSE_SENTENCE = /原因は|が原因|原因と(?:みられ|考えられ|推測|判明|され)|による(?:もの|ため)と(?:みられ|考えられ|推測|判明)|要因は|要因として|ことが要因|caused by|the cause|root cause|was due to|resulted from/i;
// Used only when nothing above found a cause: how it happened, in the words notices use for it.
const CAUSE_FALLBACK = /誤った認識|認識不足|確認不足|不注意|(?:不正アクセス|攻撃|脆弱性|ウイルス|ウィルス|マルウ[ェエ]ア|攻撃メール|設定ミス|設定不備|転送先設定ミス|誤操作|操作ミス|人為的ミス|ミス)(?:で|により|によって|を受け)[、,]?|(?:脆弱性|弱点)を(?:突かれ|つかれ|突いた|ついた|悪用|利用)|(?:で|により|によって)感染|(?<!遭っ)てしま(?:い|った)|ていなかった|(?:国家|攻撃者|第三者)が関与|exploited|phishing email/i;
const COUNTER_SENTENCE = /を(?:強化|徹底|見直)(?:する(?:事|こと)で|します|いたします|して(?:まいり|いき|参り)|する(?:予定|方針|ことと))|再発防止(?:策|に向け|のため|を(?:図|徹底))|防止策として|対策(?:として|を(?:講じ|実施|強化|徹底|行)|の(?:強化|徹底))|監視(?:体制)?の強化|強化(?:を(?:図|行)|に(?:取り?組|努め))|(?:強化|徹底|教育|研修|見直し|導入|監視|更新)[^。]{0,30}?(?:を|に)?(?:実施|行い|行って|行う|図|努め|取り?組|進め|講じ)(?:し|す|さ|て|い|ま|る|っ)|教育(?:を|の)(?:実施|徹底|再実施)|見直しを(?:行|実施|図)|利用(?:を)?停止し|しましょう|推奨(?:し|いた|致|され)|呼び(?:掛|か)け|ことが(?:重要|大切|求められ)|will (?:implement|strengthen|enhance|introduce|improve)|(?:have|has) (?:implemented|strengthened|enhanced)|additional (?:security )?measures|we recommend|should (?:enable|change|update)/i;

// Apologies, contact boilerplate, reports to authorities and reopening notices sit in the same sections.
const BOILERPLATE = /ご覧(?:下|くだ)さい|お詫び|申し訳|ご迷惑|ご心配|ご不便|ご相談ください|お問い?合わせ|お気軽に|お知らせいたします|お知らせします|報告済|被害申告|被害届|捜査に|全面的に協力|ご理解|ご協力|復旧を終え|通常通り営業|apologi[sz]e|contact us/i;
// What happened and how it was resolved, or a lead-in to a list, is no countermeasure: `…転売されていた事実が…発覚し`,
// `…緊急停止し、…3月14日に復旧を行った`, `…について以下を通知した`.
const NOT_ACTION = /発覚|判明|容疑者|逮捕|復旧を(?:行|終)|以下(?:を|の)(?:通知|指示|とおり)|次のとおり/;
// A pledge names no action: `再発防止のための対策を講じてまいります`, `再発防止策を徹底して参ります`.
const PLEDGE = /再発防止|対策|措置|努め|徹底|万全/;
const CONCRETE = /消去|破壊|立会|立ち合|契約|相談|通知|遮断|初期化|スキャン|検知|有効化|適用|取得|審査|面談|配置|厳格化|固定|作成|強化|導入|見直|教育|研修|監視|確認|管理|変更|設定|ルール|体制|手順|マニュアル|チェック|点検|ログ|暗号化|パスワード|認証|更新|アップデート|パッチ|バックアップ|隔離|移行|削除|無効化|制限|監査|訓練|周知|注意喚起|義務|禁止|構築|整備|申請|保管|施錠|診断|停止/;

function isHeading(line: string): boolean {
  if (line.length > 44 || line.includes('。')) return false;
  // `感染が確認された場合`: a condition that introduces the steps under it.
  if (line.length <= 24 && /場合$/.test(line)) return true;
  if (BRACKETED.test(line) || MINOR.test(line)) return true;
  if (NUMBERED.test(line) && line.length <= 36 && HEADING_WORD.test(line)) return true;
  return line.length <= 20 && !/^[・•\-*※]/.test(line) && !line.includes('、') && HEADING_WORD.test(line) && !/[はがをにで]$/.test(line);
}

function classify(heading: string): SectionKind {
  const cause = CAUSE_HEADING.test(heading);
  const counter = COUNTER_HEADING.test(heading);
  if (cause && counter) return 'both';
  if (cause) return 'cause';
  if (counter) return 'counter';
  return 'none';
}

// `USBメモリー紛失の原因 埼玉県によると…`: a blog's heading run into its first sentence, separated by a space.
const INLINE_HEADING = /^(?:さいごに[ \t]+)?([^、。,\s]{2,36}(?:原因|要因|対策|再発防止策|防止策|対応))[ \t]+\S/;
// Any other inline heading (`各国でも整備が進むサイバー防衛専門部隊 国家機関と…`) ends the section.
const OTHER_INLINE_HEADING = /^[^、。,\s]{4,36}[ \t]+\S/;

const LIST_LINE = /^[ \t]*(?:[・•\-*※◦○●■□◆◇▶>]|\(?\d{1,2}[).、]|[①-⑳])/;

function opens(value: string): boolean {
  return (value.match(/[(（「]/g)?.length ?? 0) > (value.match(/[)）」]/g)?.length ?? 0);
}

const BULLET = /^(?:[・•\-*※◦○●■□◆◇▶>]|\(?\d{1,2}[).]|\d{1,2}\.(?!\d)|[①-⑳]|[a-z]\))[ \t]*/i;

function trimItem(text: string, range: Range): Range | null {
  let from = range.start;
  while (from < range.end && /\s/.test(text.charAt(from))) from++;
  const bullet = BULLET.exec(text.slice(from, range.end));
  const start = from + (bullet ? bullet[0].length : 0);
  let end = range.end;
  while (end > start && /[。.、\s]/.test(text.charAt(end - 1))) end--;
  if (end - start < 6) return null;
  return { start, end: Math.min(end, start + MAX_ITEM_CHARS) };
}

export interface CausesAndCountermeasures {
  causes: ListMention[];
  countermeasures: ListMention[];
}

export function findCausesAndCountermeasures(text: string, from = 0, to = text.length): CausesAndCountermeasures {
  const causes: ListMention[] = [];
  const counters: ListMention[] = [];
  const taken: Range[] = [];
  const push = (list: ListMention[], r: Range | null): void => {
    if (r === null || list.length >= MAX_ITEMS) return;
    const value = text.slice(r.start, r.end);
    if (BOILERPLATE.test(value)) return;
    if (list === counters && PLEDGE.test(value) && !CONCRETE.test(value)) return;
    // (Only told in the past tense: `…誤登録等が発覚した際も、…徹底して参ります` is still a plan.)
    if (list === counters && NOT_ACTION.test(value) && /(?:た|ました|たとのこと|した事実)$/.test(value)) return;
    if (taken.some((t) => r.start < t.end && t.start < r.end)) return;
    taken.push(r);
    list.push({ value, start: r.start, end: r.end });
  };
  // Inside a section, a sentence with the other list's cue goes to that list (`…二段階認証等の使用を呼び掛けています`
  // under a 原因 heading is a countermeasure).
  const pushInMode = (mode: 'cause' | 'counter', r: Range): void => {
    const sentence = text.slice(r.start, r.end);
    if (mode === 'cause' && COUNTER_SENTENCE.test(sentence) && !CAUSE_SENTENCE.test(sentence)) push(counters, trimItem(text, r));
    else if (mode === 'counter' && CAUSE_SENTENCE.test(sentence) && !COUNTER_SENTENCE.test(sentence)) push(causes, trimItem(text, r));
    else push(mode === 'cause' ? causes : counters, trimItem(text, r));
  };
  // A countermeasure says what to do: a cue, an action word, or a place in a numbered list. `この事件は、…重要性を再認識
  // させるものとなりました` in the same section does not.
  const isAction = (sentence: string): boolean => COUNTER_SENTENCE.test(sentence) || CONCRETE.test(sentence) || /^[ \t]*(?:\d{1,2}[、.,)]|[・•\-*])/.test(sentence);
  const isCause = (sentence: string): boolean => CAUSE_SENTENCE.test(sentence) || CAUSE_FALLBACK.test(sentence);

  let section: SectionKind = 'none';
  let mode: Mode = null;
  let causeBullet: string | null = null;
  let trimmedEnd = -1;
  const unsectioned: Range[] = [];
  for (const line of splitLines(text, from, to)) {
    const lineText = text.slice(line.start, line.end);
    if (isHeading(lineText)) {
      const kind = classify(lineText);
      // `業務環境:` inside 原因と対策 is a sub-heading; `6. モバイルデバイスのライフサイクル:` is the next section.
      const minor = (MINOR.test(lineText) || /場合$/.test(lineText)) && !BRACKETED.test(lineText) && !NUMBERED.test(lineText);
      if (minor && kind === 'none' && section !== 'none') {
        if (section === 'both') mode = 'cause';
        continue;
      }
      // `(再発防止策)` inside 原因と対策 switches the list, and the section goes on.
      if (minor && section === 'both') {
        mode = kind === 'counter' ? 'counter' : 'cause';
        continue;
      }
      if (!(minor && kind === 'none')) section = kind;
      mode = kind === 'both' || kind === 'cause' ? 'cause' : kind === 'counter' ? 'counter' : null;
      causeBullet = null;
      continue;
    }
    if (mode !== null) {
      // `原因と対策` sections alternate: `・cause` lines, a `(再発防止策)` block, then the next `・cause`.
      const bullet = /^[・•\-*※]/.exec(lineText)?.[0] ?? null;
      if (section === 'both' && mode === 'cause' && causeBullet === null) causeBullet = bullet;
      if (section === 'both' && mode === 'counter' && bullet !== null && bullet === causeBullet) mode = 'cause';
      const sentences = splitSentences(text, line.start, line.end);
      for (const s of sentences) {
        const sentence = text.slice(s.start, s.end);
        // `Word マクロの自動実行の無効化(…設定で、` continued on the next line: one item, not two.
        const last = counters[counters.length - 1];
        if (mode === 'counter' && last && last.end === trimmedEnd && opens(last.value)) {
          last.end = Math.min(s.end, last.start + MAX_ITEM_CHARS);
          last.value = text.slice(last.start, last.end);
          continue;
        }
        if (mode === 'counter' && CAUSE_SENTENCE.test(sentence) && !COUNTER_SENTENCE.test(sentence)) {
          push(causes, trimItem(text, s));
          continue;
        }
        if (mode === 'counter' && !isAction(sentence) && (sentences.length > 1 || !LIST_LINE.test(lineText))) continue;
        pushInMode(mode, s);
        trimmedEnd = counters[counters.length - 1]?.end ?? -1;
      }
      continue;
    }
    let inline: Mode = null;
    for (const s of splitSentences(text, line.start, line.end)) {
      const sentence = text.slice(s.start, s.end);
      const heading = INLINE_HEADING.exec(sentence);
      if (heading?.[1]) {
        const kind = classify(heading[1]);
        inline = kind === 'cause' || kind === 'both' ? 'cause' : kind === 'counter' ? 'counter' : null;
        if (inline !== null) {
          const bodyStart = s.start + sentence.indexOf(heading[1]) + heading[1].length;
          const rest = text.slice(bodyStart, s.end);
          if (inline === 'cause' ? true : isAction(rest)) pushInMode(inline, { start: bodyStart, end: s.end });
          continue;
        }
      } else if (inline !== null && OTHER_INLINE_HEADING.test(sentence)) {
        inline = null;
      }
      if (inline !== null) {
        // Blog sections run on into narrative; a sentence joins the list only when it says how or what to do.
        if (inline === 'cause' && COUNTER_SENTENCE.test(sentence) && !isCause(sentence)) push(counters, trimItem(text, s));
        else if (inline === 'cause' ? isCause(sentence) : isAction(sentence)) pushInMode(inline, s);
        continue;
      }
      if (CAUSE_SENTENCE.test(sentence)) push(causes, trimItem(text, s));
      else if (COUNTER_SENTENCE.test(sentence)) push(counters, trimItem(text, s));
      else unsectioned.push(s);
    }
  }
  if (causes.length === 0) {
    // Notices name one or two causes; further matches are usually the background of other cases.
    for (const s of unsectioned) if (causes.length < 2 && CAUSE_FALLBACK.test(text.slice(s.start, s.end))) push(causes, trimItem(text, s));
  }
  causes.sort((a, b) => a.start - b.start);
  counters.sort((a, b) => a.start - b.start);
  return { causes, countermeasures: counters };
}
