// A fact's value as the officer reads it, in the current language. Kept apart from the components so the
// table, the editor and the history all word values alike.
import type { TFunction } from 'i18next';
import type { EditorKind } from './fact-fields.js';

export function formatFactValue(t: TFunction, editor: EditorKind, value: unknown): string {
  if (value === null || value === undefined) return t('detail.unknown');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('detail.unknown');
    if (editor.type === 'set') return value.map((v) => t(`vocab.${editor.labelKey}.${String(v)}` as never)).join('、');
    return value.map(String).join('、');
  }
  switch (editor.type) {
    case 'choice':
      return t(`vocab.${editor.labelKey}.${String(value)}` as never);
    case 'count':
      return typeof value === 'number' ? value.toLocaleString() : String(value);
    case 'reportSeq':
      return value === 'final' ? t('facts.final') : t('facts.seq', { n: String(value) });
    case 'boolean':
      return value ? t('facts.yes') : t('facts.no');
    default:
      return String(value);
  }
}

/** i18next reads dots as nesting: 'affected.people' is stored under 'affected_people'. */
export function fieldLabelKey(field: string): `facts.fields.${string}` {
  return `facts.fields.${field.replace(/\./g, '_')}`;
}
