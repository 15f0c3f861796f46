// 関連項目: items the officer linked to this one (click opens it; 関連付けを外す unlinks), and a search by
// title words or by id to link another.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelatedItem } from '../../../../shared/domain/annotations.js';
import { useAnnotations } from '../annotations-context.js';

const SEARCH_DELAY_MS = 250;

export function RelatedSection({ itemId, related, onOpenItem }: { itemId: number; related: readonly RelatedItem[]; onOpenItem: (id: number) => void }) {
  const { t } = useTranslation();
  const candidates = useAnnotations((s) => s.candidates);
  const candidatesFor = useAnnotations((s) => s.candidatesFor);
  const candidatesSearched = useAnnotations((s) => s.candidatesSearched);
  const itemLinked = useAnnotations((s) => s.itemLinked);
  const itemUnlinked = useAnnotations((s) => s.itemUnlinked);
  const saving = useAnnotations((s) => s.saving);
  const [text, setText] = useState('');
  const headingId = useId();

  // Searches once typing pauses; a new item (or an emptied box) clears the results.
  useEffect(() => {
    const timer = setTimeout(() => void candidatesSearched(text, itemId), text.trim() === '' ? 0 : SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, itemId, candidatesSearched]);

  const linked = new Set(related.map((r) => r.id));
  const offered = candidates.filter((c) => !linked.has(c.id));

  return (
    <section className="detail-section annotation-related" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('annotations.related')}</h3>
      {related.length === 0 ? (
        <p className="muted">{t('annotations.relatedEmpty')}</p>
      ) : (
        <ul className="related-list" aria-labelledby={headingId}>
          {related.map((r) => (
            <li key={r.id} className="related-item">
              <button type="button" className="link-button" aria-label={t('annotations.relatedOpen', { title: r.title })} onClick={() => onOpenItem(r.id)}>
                <bdi>{r.title}</bdi>
              </button>
              <span className="muted related-meta">
                #{r.id} · {t(`status.${r.status}`)}
                {r.publishedAt ? ` · ${r.publishedAt}` : ''}
              </span>
              <button
                type="button"
                className="button button--quiet"
                aria-label={t('annotations.relatedUnlinkLabel', { title: r.title })}
                disabled={saving}
                onClick={() => void itemUnlinked(itemId, r.id)}
              >
                {t('annotations.relatedUnlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        type="search"
        className="related-search"
        aria-label={t('annotations.relatedSearch')}
        placeholder={t('annotations.relatedPlaceholder')}
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
      />
      {candidatesFor !== null && text.trim() !== '' && (
        offered.length === 0 ? (
          <p className="muted" role="status">
            {t('annotations.relatedNoMatch', { search: candidatesFor })}
          </p>
        ) : (
          <ul className="related-candidates" aria-label={t('annotations.relatedSearch')}>
            {offered.map((c) => (
              <li key={c.id} className="related-item">
                <bdi className="related-title">{c.title}</bdi>
                <span className="muted related-meta">
                  #{c.id} · {t(`status.${c.status}`)}
                  {c.publishedAt ? ` · ${c.publishedAt}` : ''}
                </span>
                <button
                  type="button"
                  className="button"
                  aria-label={t('annotations.relatedLinkLabel', { title: c.title })}
                  disabled={saving}
                  onClick={() => {
                    void itemLinked(itemId, c.id).then((ok) => ok && setText(''));
                  }}
                >
                  {t('annotations.relatedLink')}
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </section>
  );
}
