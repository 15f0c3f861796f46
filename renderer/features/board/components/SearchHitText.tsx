// Search hits in the open item: text nodes with each hit in <mark class="search-hit"> (never HTML, the
// text is imported and hostile), and the bar that counts them and goes to the previous or next one.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { cutAtHits, type HitRange } from '../search-hits.js';

interface TextProps {
  text: string;
  /** Where `text` starts in the text the hits were found in. */
  offset?: number;
  hits: readonly HitRange[];
  /** The hit gone to with 前/次, outlined; null for none. */
  current?: number | null;
}

export function SearchHitText({ text, offset = 0, hits, current = null }: TextProps) {
  if (hits.length === 0) return <>{text}</>;
  return (
    <>
      {cutAtHits(text, offset, hits).map((piece) =>
        piece.hit === null ? (
          <Fragment key={piece.start}>{piece.text}</Fragment>
        ) : (
          <mark key={piece.start} className={piece.hit === current ? 'search-hit search-hit--current' : 'search-hit'} data-hit={piece.hit}>
            {piece.text}
          </mark>
        ),
      )}
    </>
  );
}

interface BarProps {
  count: number;
  current: number;
  onStep: (step: 1 | -1) => void;
}

/** 「検索語の一致 2 / 5」 with 前/次; says so when the search has terms and the body has none of them. */
export function SearchHitBar({ count, current, onStep }: BarProps) {
  const { t } = useTranslation();
  if (count === 0) {
    return <p className="detail-hits">{t('search.filter.noHits')}</p>;
  }
  return (
    <div className="detail-hits" role="group" aria-label={t('search.filter.hits', { index: current + 1, count })}>
      <span aria-live="polite">{t('search.filter.hits', { index: current + 1, count })}</span>
      <button type="button" className="button button--quiet" aria-keyshortcuts="Shift+N" onClick={() => onStep(-1)}>
        {t('search.filter.previousHit')}
      </button>
      <button type="button" className="button button--quiet" aria-keyshortcuts="N" onClick={() => onStep(1)}>
        {t('search.filter.nextHit')}
      </button>
    </div>
  );
}
