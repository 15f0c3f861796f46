// Bulletin templates: Markdown with named placeholders ({{summary}}, {{actions}}…). Content placeholders
// are filled once, when the draft is created, and the officer edits the result. Header placeholders
// ({{number}}, {{title}}, {{date}}, {{department}}, {{audience}}, {{classification}}, {{chart}}) stay in
// the body and are resolved each time it is rendered, so editing the title or the date updates the text.
import type { BulletinLanguage, BulletinTemplate } from './bulletin-types.js';

export type TemplateSet = Record<BulletinTemplate, Record<BulletinLanguage, string>>;

export const TEMPLATES_SETTING = 'bulletins.templates';

/** Resolved at render time from the bulletin's current columns (see render-bulletin-html.ts). */
export const RENDER_TIME_PLACEHOLDERS = ['number', 'title', 'date', 'department', 'audience', 'classification', 'chart'] as const;

/** Filled from the covered items when the draft is created (see compose-bulletin.ts). */
export const CONTENT_PLACEHOLDERS = [
  'lead', 'organization', 'period', 'count', 'summary', 'incidents', 'causes', 'impact', 'actions', 'sources',
] as const;
export type ContentPlaceholder = (typeof CONTENT_PLACEHOLDERS)[number];

const SINGLE_JA = `{{lead}}内容を確認し、「お願い」の事項を必ず実行してください。

## 1. 概要

{{summary}}

## 2. 手口と原因

{{causes}}

## 3. 想定される影響

{{impact}}

## 4. お願い（社員の皆さまがすべきこと）

{{actions}}

## 5. 参考

{{sources}}

不明な点や、事故の兆候に気づいた場合は、{{department}}までご連絡ください。

以上
`;

const DIGEST_JA = `{{period}}に公表された情報セキュリティ事故など{{count}}件をまとめました。他社の事例から学び、日常業務を点検してください。

## 1. 概要

{{chart}}

{{summary}}

{{incidents}}

## 2. 手口と原因

{{causes}}

## 3. 想定される影響

{{impact}}

## 4. お願い（社員の皆さまがすべきこと）

{{actions}}

## 5. 参考

{{sources}}

不明な点や、事故の兆候に気づいた場合は、{{department}}までご連絡ください。

以上
`;

const SINGLE_EN = `{{lead}} Please read this notice and follow the actions below.

## 1. Summary

{{summary}}

## 2. How it happened

{{causes}}

## 3. Possible impact

{{impact}}

## 4. What you must do

{{actions}}

## 5. Sources

{{sources}}

If anything is unclear, or you notice signs of an incident, contact {{department}}.
`;

const DIGEST_EN = `This digest lists {{count}} security incidents and advisories published in {{period}}. Learn from them and check your daily work.

## 1. Summary

{{chart}}

{{summary}}

{{incidents}}

## 2. How they happened

{{causes}}

## 3. Possible impact

{{impact}}

## 4. What you must do

{{actions}}

## 5. Sources

{{sources}}

If anything is unclear, or you notice signs of an incident, contact {{department}}.
`;

export const DEFAULT_TEMPLATES: TemplateSet = {
  single: { ja: SINGLE_JA, en: SINGLE_EN },
  digest: { ja: DIGEST_JA, en: DIGEST_EN },
};

/** The officer's templates over the defaults: a setting that misses a template or holds junk falls back. */
export function mergeTemplates(stored: unknown): TemplateSet {
  const result: TemplateSet = {
    single: { ...DEFAULT_TEMPLATES.single },
    digest: { ...DEFAULT_TEMPLATES.digest },
  };
  if (typeof stored !== 'object' || stored === null) return result;
  for (const template of ['single', 'digest'] as const) {
    const byLanguage = (stored as Record<string, unknown>)[template];
    if (typeof byLanguage !== 'object' || byLanguage === null) continue;
    for (const language of ['ja', 'en'] as const) {
      const text = (byLanguage as Record<string, unknown>)[language];
      if (typeof text === 'string' && text.trim() !== '') result[template][language] = text;
    }
  }
  return result;
}

/**
 * Replaces {{name}} by values[name]; names not in `values` are left as they are, so render-time
 * placeholders survive the fill. A single pass: a value that itself contains "{{x}}" (an item's text
 * can) is not expanded again.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : whole,
  );
}
