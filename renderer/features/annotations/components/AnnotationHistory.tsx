// The changes to the note, tags and related items, newest first: who, when, from → to (ISMS evidence).
// Corrections of facts have their own list (facts/FieldHistory); both come from field_changes.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isAnnotationField, type AnnotationField } from '../../../../shared/domain/annotations.js';
import type { FieldChange } from '../../../../shared/domain/corrections.js';
import { formatTimestamp } from '../../../components/format-date.js';

/** A note shown in one line of the history: its start, the rest elided (the export has it whole). */
const NOTE_PREVIEW_CHARS = 60;

const FIELD_KEYS = { note: 'annotations.historyNote', tags: 'annotations.historyTags', related: 'annotations.historyRelated' } as const;

export function formatAnnotationValue(t: TFunction, field: AnnotationField, value: unknown): string {
  const none = t('annotations.historyNone');
  if (value === null || value === undefined) return none;
  if (field === 'note') {
    const text = String(value).replace(/\s+/g, ' ').trim();
    return `「${text.length > NOTE_PREVIEW_CHARS ? `${text.slice(0, NOTE_PREVIEW_CHARS)}…` : text}」`;
  }
  if (!Array.isArray(value) || value.length === 0) return none;
  if (field === 'related') return value.map((id) => t('annotations.historyItemRef', { id: String(id) })).join(', ');
  return value.map(String).join(', ');
}

export function AnnotationHistory({ changes }: { changes: readonly FieldChange[] }) {
  const { t } = useTranslation();
  const mine = changes.filter((c) => isAnnotationField(c.field));
  if (mine.length === 0) return null;
  return (
    <div className="annotation-history">
      <h4>{t('annotations.historyHeading')}</h4>
      <ol className="annotation-history-list">
        {mine.map((change) => {
          const field = change.field as AnnotationField;
          return (
            <li key={change.id} className="history-entry">
              <span className="history-move">
                <bdi>
                  {t('annotations.historyChange', {
                    field: t(FIELD_KEYS[field]),
                    from: formatAnnotationValue(t, field, change.from),
                    to: formatAnnotationValue(t, field, change.to),
                  })}
                </bdi>
              </span>
              <span className="history-when">
                <time dateTime={change.changedAt}>{formatTimestamp(change.changedAt)}</time> <bdi>{change.changedBy}</bdi>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
