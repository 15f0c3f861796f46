// What a card shows: title, organisation, date, the source's category, the facts as badges and, during a
// search, the hits highlighted (and a snippet of the body when the hit is there). User text is
// bidi-isolated and rendered as text.
import { useTranslation } from 'react-i18next';
import type { BoardCard } from '../../../../shared/domain/board-query.js';
import type { CardSummary } from '../../../../shared/domain/item.js';
import { formatDay } from '../../../components/format-date.js';
import { FactBadges } from './FactBadges.js';
import { Highlighted } from './Highlighted.js';
import './search.css';

export function Card({ card }: { card: CardSummary & Partial<BoardCard> }) {
  const { t } = useTranslation();
  const day = formatDay(card.publishedAt);
  const highlights = card.highlights ?? null;
  const bodyHit = highlights?.body?.some((s) => s.hit) === true;
  const titleOrOrgHit = [highlights?.title, highlights?.organization].some((segments) => segments?.some((s) => s.hit));
  return (
    <>
      <span className="card-title">
        <bdi>
          <Highlighted segments={highlights?.title} text={card.title} />
        </bdi>
      </span>
      <span className="card-badges">
        <FactBadges card={card} />
      </span>
      <span className="card-meta">
        <span className="card-org">
          {card.organization ? (
            <bdi>
              <Highlighted segments={highlights?.organization} text={card.organization} />
            </bdi>
          ) : (
            t('card.noOrganization')
          )}
        </span>
        {day ? <time dateTime={day}>{day}</time> : <span>{t('card.noDate')}</span>}
        {card.sourceCategory && (
          <span className="card-tag">
            <bdi>{card.sourceCategory}</bdi>
          </span>
        )}
      </span>
      {bodyHit && !titleOrOrgHit && highlights?.body && (
        <span className="card-snippet">
          <bdi>
            <Highlighted segments={highlights.body} text="" />
          </bdi>
        </span>
      )}
    </>
  );
}
