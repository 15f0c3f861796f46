// The open item as a right-side drawer (a non-modal dialog labelled 詳細). Imported text is shown as text
// only: a React text node with white-space: pre-wrap, never parsed as HTML.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnnotationField } from '../../../../shared/domain/annotations.js';
import type { CorrectableField } from '../../../../shared/domain/corrections.js';
import type { CardSummary, ItemDetail } from '../../../../shared/domain/item.js';
import { FactsSection } from '../../facts/components/FactsSection.js';
import { FieldHistory } from '../../facts/components/FieldHistory.js';
import { useBoard } from '../board-context.js';
import { selectCard, selectDetail, selectSearch, selectSelectedId } from '../board-selectors.js';
import { focusCard, focusIsLost } from '../card-focus.js';
import { searchHits } from '../search-hits.js';
import { DetailFacts } from './DetailFacts.js';
import { SearchableBody } from './SearchableBody.js';
import { SearchHitText } from './SearchHitText.js';
import { SourceLink } from './SourceLink.js';
import { StatusHistory } from './StatusHistory.js';
import { StatusSelect } from './StatusSelect.js';

export interface DetailPanelProps {
  /** Another feature's section under the status (the bulletins that covered the item). */
  renderItemExtras?: (itemId: number) => ReactNode;
  /** The officer's note, tags and related items, after the item's own text. */
  renderAnnotations?: (detail: ItemDetail) => ReactNode;
  /** More of the history (changes to the annotations) and its export, inside the history section. */
  renderHistoryExtras?: (detail: ItemDetail) => ReactNode;
}

export function DetailPanel({ renderItemExtras, renderAnnotations, renderHistoryExtras }: DetailPanelProps = {}) {
  const { t } = useTranslation();
  const selectedId = useBoard(selectSelectedId);
  const detail = useBoard(selectDetail);
  const summary = useBoard(selectCard(selectedId));
  const detailClosed = useBoard((s) => s.detailClosed);
  const searchText = useBoard(selectSearch);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openedId = useRef<number | null>(null);

  // Focus goes into the panel when a card opens, and back to that card when the panel closes.
  useEffect(() => {
    if (selectedId !== null) headingRef.current?.focus();
  }, [selectedId]);
  useLayoutEffect(() => {
    const previous = openedId.current;
    openedId.current = selectedId;
    if (selectedId === null && previous !== null && focusIsLost()) focusCard(previous);
  }, [selectedId]);

  if (selectedId === null) return null;
  const item: ItemDetail | CardSummary | undefined = detail?.id === selectedId ? detail : summary;

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      detailClosed();
    }
  }

  return (
    <aside className="detail" role="dialog" aria-label={t('detail.label')} onKeyDown={onKeyDown}>
      <div className="detail-bar">
        <span className="detail-kicker">{t('detail.label')}</span>
        <button type="button" className="button button--quiet" onClick={detailClosed}>
          {t('detail.close')}
        </button>
      </div>
      <h2 className="detail-title" ref={headingRef} tabIndex={-1}>
        {item ? (
          <bdi>
            <SearchHitText text={item.title} hits={searchHits(item.title, searchText)} />
          </bdi>
        ) : (
          t('detail.loading')
        )}
      </h2>
      {item && <StatusSelect id={item.id} status={item.status} />}
      {item && renderItemExtras?.(item.id)}
      {item && <DetailFacts item={item} />}
      {!detail || detail.id !== selectedId ? (
        <p className="muted" role="status">
          {t('detail.loading')}
        </p>
      ) : (
        <DetailBody detail={detail} renderAnnotations={renderAnnotations} renderHistoryExtras={renderHistoryExtras} />
      )}
    </aside>
  );
}

function DetailBody({ detail, renderAnnotations, renderHistoryExtras }: { detail: ItemDetail } & Pick<DetailPanelProps, 'renderAnnotations' | 'renderHistoryExtras'>) {
  const { t } = useTranslation();
  const factCorrected = useBoard((s) => s.factCorrected);
  const cardOpened = useBoard((s) => s.cardOpened);
  const [activeField, setActiveField] = useState<CorrectableField | null>(null);
  const extra = Object.entries(detail.extra);
  return (
    <>
      {detail.sourceUrl && (
        <section className="detail-section">
          <h3>{t('detail.sourceUrl')}</h3>
          <SourceLink url={detail.sourceUrl} />
        </section>
      )}
      <FactsSection detail={detail} onOpenItem={(id) => void cardOpened(id)} onActiveField={setActiveField} onCorrect={(field, value) => factCorrected(detail.id, field, value)} />
      <section className="detail-section">
        <h3>{t('detail.body')}</h3>
        {detail.body.trim() === '' ? (
          <div className="detail-body">{t('detail.emptyBody')}</div>
        ) : (
          <SearchableBody detail={detail} activeField={activeField} />
        )}
      </section>
      {extra.length > 0 && (
        <section className="detail-section">
          <h3>{t('detail.extra')}</h3>
          <dl className="facts">
            {extra.map(([name, value]) => (
              <div key={name} className="fact">
                <dt>
                  <bdi>{name}</bdi>
                </dt>
                <dd className="fact-text">
                  <bdi>{value}</bdi>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {renderAnnotations?.(detail)}
      <section className="detail-section">
        <h3 id="detail-history-heading">{t('detail.history')}</h3>
        <StatusHistory history={detail.history} headingId="detail-history-heading" />
        {renderHistoryExtras?.(detail)}
      </section>
      <FieldHistory changes={detail.fieldHistory.filter((c) => !isAnnotationField(c.field))} />
    </>
  );
}
