// How close the item is to us: the score against the organisation profile and the words that matched.
import { useTranslation } from 'react-i18next';
import type { Relevance } from '../../../../shared/domain/relevance.js';

export function RelevanceLine({ relevance }: { relevance: Relevance | null }) {
  const { t } = useTranslation();
  if (!relevance) return null;
  const words = relevance.matches.map((m) => t('facts.relevanceMatch', { word: m.word, field: t(`profile.fields.${m.field}`) }));
  return (
    <div className="fact" data-field="relevance">
      <dt>{t('facts.relevance')}</dt>
      <dd>
        {relevance.matches.length === 0 ? (
          <span className="muted">{t('facts.relevanceNone')}</span>
        ) : (
          <>
            <span className="fact-value">{relevance.score}</span>{' '}
            <span className="muted">
              <bdi>{words.join('、')}</bdi>
            </span>
          </>
        )}
      </dd>
    </div>
  );
}
