// The item's status changes, newest first: the ISMS evidence of who decided what, and when.
import { useTranslation } from 'react-i18next';
import type { StatusChange } from '../../../../shared/domain/item.js';
import { formatTimestamp } from '../../../components/format-date.js';

export function StatusHistory({ history, headingId }: { history: readonly StatusChange[]; headingId: string }) {
  const { t } = useTranslation();
  if (history.length === 0) return <p className="muted">{t('detail.noHistory')}</p>;
  return (
    <ol className="history" aria-labelledby={headingId}>
      {history.map((change) => (
        <li key={change.id} className="history-entry">
          <span className="history-move">
            {change.from ? t(`status.${change.from}`) : t('detail.historyCreated')}
            {' → '}
            {t(`status.${change.to}`)}
          </span>
          <span className="history-when">
            <time dateTime={change.changedAt}>{formatTimestamp(change.changedAt)}</time>{' '}
            <bdi>{change.changedBy}</bdi>
          </span>
        </li>
      ))}
    </ol>
  );
}
