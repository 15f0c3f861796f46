// The officer's corrections of facts, newest first: who, when, from → to (ISMS evidence).
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../../../../shared/domain/corrections.js';
import { isCorrectableField } from '../../../../shared/domain/corrections.js';
import { formatTimestamp } from '../../../components/format-date.js';
import { FACT_FIELDS } from '../fact-fields.js';
import { fieldLabelKey, formatFactValue } from '../format-fact.js';

export function FieldHistory({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <section className="detail-section">
      <h3>{t('facts.fieldHistory')}</h3>
      <ol className="history">
        {changes.map((change) => {
          const editor = FACT_FIELDS.find((f) => f.field === change.field)?.editor ?? { type: 'text' as const };
          const field = isCorrectableField(change.field) ? t(fieldLabelKey(change.field) as never) : change.field;
          return (
            <li key={change.id}>
              <bdi>
                {t('facts.fieldChange', {
                  field,
                  from: formatFactValue(t, editor, change.from),
                  to: formatFactValue(t, editor, change.to),
                })}
              </bdi>{' '}
              <span className="muted">{t('detail.historyBy', { when: formatTimestamp(change.changedAt), who: change.changedBy })}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
