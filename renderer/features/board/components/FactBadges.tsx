// The facts a card and a table row show as small badges: kind, category, severity, APPI, relevance.
import { useTranslation } from 'react-i18next';
import type { BoardCard } from '../../../../shared/domain/board-query.js';

type Facts = Partial<Pick<BoardCard, 'kind' | 'category' | 'severity' | 'appiReportable' | 'relevance' | 'reportSeq' | 'threadSize'>>;

export function FactBadges({ card, withRelevance = true }: { card: Facts; withRelevance?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {card.kind && <span className={`badge badge--kind badge--kind-${card.kind}`}>{t(`vocab.kind.${card.kind}`)}</span>}
      {card.category && <span className="badge badge--category">{t(`vocab.category.${card.category}`)}</span>}
      {card.severity != null && (
        <span className={`badge badge--severity badge--severity-${card.severity}`}>{t(`vocab.severity.${card.severity}`)}</span>
      )}
      {card.appiReportable === true && <span className="badge badge--appi">{t('search.appiBadge')}</span>}
      {(card.threadSize ?? 1) > 1 && (
        <span className="badge badge--thread">
          {card.reportSeq === 'final'
            ? t('facts.threadFinal', { count: card.threadSize ?? 1 })
            : card.reportSeq != null
              ? t('facts.threadSeq', { n: String(card.reportSeq), count: card.threadSize ?? 1 })
              : t('facts.threadOnly', { count: card.threadSize ?? 1 })}
        </span>
      )}
      {/* 0 is "nothing in the profile matched": a badge on every card would only be noise. */}
      {withRelevance && card.relevance != null && card.relevance > 0 && (
        <span className="badge badge--relevance">{t('search.relevanceBadge', { value: Math.round(card.relevance) })}</span>
      )}
    </>
  );
}
