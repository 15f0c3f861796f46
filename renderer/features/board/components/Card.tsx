// What a card shows: title, organisation, date and the source's category. User text is bidi-isolated.
import { useTranslation } from 'react-i18next';
import type { CardSummary } from '../../../../shared/domain/item.js';
import { formatDay } from '../../../components/format-date.js';

export function Card({ card }: { card: CardSummary }) {
  const { t } = useTranslation();
  const day = formatDay(card.publishedAt);
  return (
    <>
      <span className="card-title">
        <bdi>{card.title}</bdi>
      </span>
      <span className="card-meta">
        <span className="card-org">
          {card.organization ? <bdi>{card.organization}</bdi> : t('card.noOrganization')}
        </span>
        {day ? <time dateTime={day}>{day}</time> : <span>{t('card.noDate')}</span>}
        {card.sourceCategory && (
          <span className="card-tag">
            <bdi>{card.sourceCategory}</bdi>
          </span>
        )}
      </span>
    </>
  );
}
