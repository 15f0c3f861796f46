// Auto-fill: the content placeholders of a template, written from the covered items' facts. Pure
// functions of the sources and the language; the officer edits the result.
import { stripTitleDecorations } from '../import/item-identity.js';
import type { Category } from '../../../shared/domain/vocabulary.js';
import { CATEGORY_LABELS, DATA_TYPE_IMPACT, DATA_TYPE_LABELS, TYPICAL_IMPACT, TYPICAL_METHOD } from './bulletin-labels.js';
import type { ContentPlaceholder } from './bulletin-templates.js';
import type { BulletinLanguage, BulletinSource, CategoryCount, DigestGroup } from './bulletin-types.js';
import { categoryForActions, chooseEmployeeActions } from './employee-actions.js';
import { escapeMarkdownText as md, firstSentences } from './markdown-text.js';

type Values = Record<ContentPlaceholder, string>;

export function formatDate(iso: string | null, language: BulletinLanguage): string {
  if (!iso) return language === 'ja' ? '日付不明' : 'date unknown';
  const [y, m, d] = iso.split('-').map(Number);
  return language === 'ja' ? `${y}年${m}月${d}日` : iso;
}

function formatCount(n: number, language: BulletinLanguage): string {
  return n.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');
}

function categoryLabel(group: DigestGroup | null, language: BulletinLanguage): string {
  return CATEGORY_LABELS[group ?? 'unknown'][language];
}

export function digestGroupOf(s: BulletinSource): DigestGroup | null {
  if (s.category) return s.category;
  return s.kind === 'advisory' || s.kind === 'publication' ? s.kind : null;
}

/** Categories whose typical method, impact and actions apply: each item's own or the threat its title names. */
function threatCategories(sources: readonly BulletinSource[]): Category[] {
  const found = sources.map((s) => categoryForActions(s.category, s.title)).filter((c): c is Category => c !== null);
  const byCount = new Map<Category, number>();
  for (const c of found) byCount.set(c, (byCount.get(c) ?? 0) + 1);
  const ordered = [...byCount.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  return ordered.length > 0 ? ordered : ['other'];
}

function organizationOf(s: BulletinSource, language: BulletinLanguage): string {
  return s.organization ?? s.sourceName ?? (language === 'ja' ? '公表元' : 'An organisation');
}

function affectedText(s: BulletinSource, language: BulletinLanguage): string | null {
  const parts: string[] = [];
  if (s.people !== null) parts.push(language === 'ja' ? `約${formatCount(s.people, language)}人分` : `about ${formatCount(s.people, language)} people`);
  if (s.records !== null) parts.push(language === 'ja' ? `${formatCount(s.records, language)}件` : `${formatCount(s.records, language)} records`);
  const types = s.dataTypes.map((t) => DATA_TYPE_LABELS[t][language]);
  if (parts.length === 0 && types.length === 0) return null;
  const joiner = language === 'ja' ? '、' : ', ';
  if (parts.length === 0) return types.join(joiner);
  if (language === 'ja') return `${parts.join('・')}${types.length ? `（${types.join(joiner)}）` : ''}`;
  return `${parts.join(', ')}${types.length ? ` (${types.join(joiner)})` : ''}`;
}

function bullet(label: string, text: string, language: BulletinLanguage): string {
  return language === 'ja' ? `- **${label}**：${text}` : `- **${label}:** ${text}`;
}

function singleSummary(s: BulletinSource, language: BulletinLanguage): string {
  const ja = language === 'ja';
  const lines = [
    bullet(ja ? '公表' : 'Announced', `${formatDate(s.publishedAt, language)} ${md(organizationOf(s, language))}${ja ? '「' : ' “'}${md(stripTitleDecorations(s.title))}${ja ? '」' : '”'}`, language),
  ];
  if (s.occurredAt || s.detectedAt) {
    const when = [
      s.occurredAt ? `${ja ? '発生' : 'occurred'} ${formatDate(s.occurredAt, language)}` : null,
      s.detectedAt ? `${ja ? '発覚' : 'detected'} ${formatDate(s.detectedAt, language)}` : null,
    ].filter(Boolean);
    lines.push(bullet(ja ? '時期' : 'When', when.join(ja ? '、' : ', '), language));
  }
  if (s.category) lines.push(bullet(ja ? '分類' : 'Category', categoryLabel(s.category, language), language));
  const affected = affectedText(s, language);
  if (affected) lines.push(bullet(ja ? '影響範囲' : 'Affected', md(affected), language));
  if (s.body.trim()) lines.push(bullet(ja ? '内容' : 'What happened', md(firstSentences(s.body, 200)), language));
  return lines.join('\n');
}

function causesOf(sources: readonly BulletinSource[], language: BulletinLanguage): string {
  const ja = language === 'ja';
  const causes = [...new Set(sources.flatMap((s) => s.causes))].slice(0, 8);
  const countermeasures = [...new Set(sources.flatMap((s) => s.countermeasures))].slice(0, 5);
  const categories = threatCategories(sources);
  const parts: string[] = [];
  if (causes.length > 0) {
    parts.push(causes.map((c) => `- ${md(firstSentences(c, 160))}`).join('\n'));
  } else {
    parts.push(ja ? '公表資料では原因が明らかにされていません（続報を確認してください）。' : 'The published notice does not state the cause (watch for follow-up reports).');
  }
  // The typical method of each category tells employees what to look out for even when the cause is known.
  parts.push(
    categories
      .map((c) => {
        if (c === 'other') return `- ${TYPICAL_METHOD[c][language]}`;
        return `- ${ja ? `${categoryLabel(c, language)}の典型的な手口：` : `${categoryLabel(c, language)}, typically: `}${TYPICAL_METHOD[c][language]}`;
      })
      .join('\n'),
  );
  if (countermeasures.length > 0) {
    parts.push(`${ja ? '公表された再発防止策：' : 'Countermeasures announced:'}\n\n${countermeasures.map((c) => `- ${md(firstSentences(c, 160))}`).join('\n')}`);
  }
  return parts.join('\n\n');
}

function impactOf(sources: readonly BulletinSource[], language: BulletinLanguage): string {
  const ja = language === 'ja';
  const lines: string[] = [];
  const dataImpacts = [...new Set(sources.flatMap((s) => s.dataTypes.map((t) => DATA_TYPE_IMPACT[t]?.[language]).filter((x): x is string => !!x)))];
  if (dataImpacts.length > 0) {
    lines.push(`- ${ja ? '情報を漏えいされた方への影響：' : 'For the people whose data leaked: '}${dataImpacts.join(ja ? '、' : ', ')}`);
  }
  for (const c of threatCategories(sources)) {
    lines.push(`- ${ja ? `当社で同様の事故（${categoryLabel(c, language)}）が起きた場合：` : `If the same (${categoryLabel(c, language).toLowerCase()}) happened here: `}${TYPICAL_IMPACT[c][language]}`);
  }
  if (sources.some((s) => s.appiReportable === true)) {
    lines.push(ja
      ? '- 個人情報保護法に基づく個人情報保護委員会への報告と本人への通知が必要となる事態であり、対応に多くの時間と費用を要します。'
      : '- Under the APPI this must be reported to the Personal Information Protection Commission and the people concerned notified, at great cost.');
  }
  return lines.join('\n');
}

function sourcesOf(sources: readonly BulletinSource[], language: BulletinLanguage): string {
  const ja = language === 'ja';
  return sources
    .map((s) => {
      const where = s.sourceName && s.sourceName !== s.organization ? ` ${ja ? '（' : '('}${md(s.sourceName)}${ja ? '）' : ')'}` : '';
      // URLs are printed as text (escaped, never a link): the notice is read on paper, and nothing printed
      // may make the viewer fetch anything.
      const url = s.sourceUrl ? `  \n  ${md(s.sourceUrl)}` : '';
      return `- ${formatDate(s.publishedAt, language)} ${md(organizationOf(s, language))}${ja ? '「' : ' “'}${md(s.title)}${ja ? '」' : '”'}${where}${url}`;
    })
    .join('\n');
}

/** Category counts of a digest, most frequent first, unclassified last. */
export function countCategories(sources: readonly BulletinSource[]): CategoryCount[] {
  const counts = new Map<DigestGroup | null, number>();
  for (const s of sources) counts.set(digestGroupOf(s), (counts.get(digestGroupOf(s)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => (a.category === null ? 1 : b.category === null ? -1 : b.count - a.count));
}

export function describePeriod(from: string | null, to: string | null, language: BulletinLanguage): string {
  if (!from || !to) return language === 'ja' ? '対象期間' : 'the period';
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const lastDay = new Date(Date.UTC(ty ?? 0, tm ?? 0, 0)).getUTCDate();
  if (fy === ty && fm === tm && fd === 1 && to.endsWith(`-${String(lastDay).padStart(2, '0')}`)) {
    return language === 'ja' ? `${fy}年${fm}月` : from.slice(0, 7);
  }
  return language === 'ja' ? `${formatDate(from, language)}〜${formatDate(to, language)}` : `${from} to ${to}`;
}

function leadOf(s: BulletinSource, language: BulletinLanguage): string {
  const org = md(organizationOf(s, language));
  if (s.kind === 'advisory') {
    return language === 'ja' ? `${org}が注意喚起を発表しました。当社の社員も標的となりえます。` : `${org} has issued an advisory. Our staff can be targeted too.`;
  }
  return language === 'ja' ? `${org}が情報セキュリティ事故を公表しました。当社でも同じことが起こりえます。` : `${org} has announced a security incident. The same could happen to us.`;
}

export function composeSingle(s: BulletinSource, language: BulletinLanguage): Values {
  return {
    lead: leadOf(s, language),
    organization: md(organizationOf(s, language)),
    period: formatDate(s.publishedAt, language),
    count: '1',
    summary: singleSummary(s, language),
    incidents: '',
    causes: causesOf([s], language),
    impact: impactOf([s], language),
    actions: numbered(chooseEmployeeActions(threatCategories([s]), s.causes, language, 7)),
    sources: sourcesOf([s], language),
  };
}

function numbered(lines: string[]): string {
  return lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}

export function composeDigest(sources: readonly BulletinSource[], period: { from: string | null; to: string | null }, language: BulletinLanguage): Values {
  const ja = language === 'ja';
  const counts = countCategories(sources);
  const total = sources.length;
  const table = [
    ja ? '| 分類 | 件数 | 割合 |' : '| Category | Count | Share |',
    '|---|---:|---:|',
    ...counts.map((c) => `| ${categoryLabel(c.category, language)} | ${c.count} | ${((100 * c.count) / Math.max(total, 1)).toFixed(1)}% |`),
  ].join('\n');
  const incidents = counts
    .map((c) => {
      const inCategory = sources.filter((s) => digestGroupOf(s) === c.category);
      const heading = `### ${categoryLabel(c.category, language)}${ja ? `（${c.count}件）` : ` (${c.count})`}`;
      const list = inCategory.map((s) => {
        const affected = affectedText(s, language);
        return `- ${formatDate(s.publishedAt, language)} ${md(organizationOf(s, language))}${ja ? '：' : ': '}${md(stripTitleDecorations(s.title))}${affected ? (ja ? `【${md(affected)}】` : ` [${md(affected)}]`) : ''}`;
      });
      return `${heading}\n\n${list.join('\n')}`;
    })
    .join('\n\n');
  return {
    lead: '',
    organization: [...new Set(sources.map((s) => organizationOf(s, language)))].slice(0, 5).map(md).join(ja ? '、' : ', '),
    period: describePeriod(period.from, period.to, language),
    count: String(total),
    summary: table,
    incidents,
    causes: causesOf(sources, language),
    impact: impactOf(sources, language),
    actions: numbered(chooseEmployeeActions(threatCategories(sources), sources.flatMap((s) => s.causes), language, 10)),
    sources: sourcesOf(sources, language),
  };
}
