// A column of the board: a labelled region ("新着 (20)") that is also a drop target for dragged cards.
// Its cards are virtualized (TanStack Virtual): only those in view, and the card that holds the keyboard
// focus or is being dragged, are in the DOM. As the scroll nears the end of the loaded cards the next page
// is fetched (board.column), with a loading row at the end and 「1,234件中 50件」 under the list.
import { useDroppable } from '@dnd-kit/core';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSummary } from '../../../../shared/domain/item.js';
import type { BoardColumn as Column } from '../../../../shared/ipc/contract.js';
import { useBoard } from '../board-context.js';
import { selectQuery } from '../board-selectors.js';
import { focusCard } from '../card-focus.js';
import { recallColumnScroll, rememberColumnScroll } from '../column-scroll-memory.js';
import { observeRectWithFallback } from '../virtual-rect.js';
import { BoardCard } from './BoardCard.js';
import { useColumnPaging } from './use-column-paging.js';
import './virtual.css';

/** A first guess of a card's height; each card is measured once rendered. */
const CARD_ESTIMATE = 128;
/** Fetch the next page when the last rendered card is this close to the end of the loaded ones. */
const NEAR_END = 10;

/** Asks a column to bring a card into the DOM (scrolled to) and focus it; seq makes a repeat a new request. */
export interface FocusRequest {
  id: number;
  seq: number;
}

interface Props {
  column: Column;
  tabbableId: number | null;
  selectedId: number | null;
  /** Cards kept in the DOM even when scrolled out of view: the focused one (so focus is not lost) and the dragged one. */
  pinnedIds: readonly number[];
  focusRequest: FocusRequest | null;
  onOpen: (id: number) => void;
  onFocusCard: (id: number) => void;
  onCardKeyDown: (event: KeyboardEvent<HTMLElement>, card: CardSummary) => void;
}

export function BoardColumn({ column, tabbableId, selectedId, pinnedIds, focusRequest, onOpen, onFocusCard, onCardKeyDown }: Props) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const columnMoreRequested = useBoard((s) => s.columnMoreRequested);
  const query = useBoard(selectQuery);
  const queryKey = useMemo(() => JSON.stringify(query), [query]);
  const sectionRef = useRef<HTMLElement | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { cards, status } = column;
  const label = t(`status.${status}`);
  const headingId = `column-heading-${status}`;
  const hasMore = column.count > cards.length;

  const pinnedIndexes = useMemo(
    () => pinnedIds.map((id) => cards.findIndex((c) => c.id === id)).filter((i) => i >= 0),
    [pinnedIds, cards],
  );
  const rangeExtractor = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), ...pinnedIndexes])].sort((a, b) => a - b),
    [pinnedIndexes],
  );
  const virtualizer = useVirtualizer({
    count: cards.length + (hasMore ? 1 : 0), // the last row says the next page is loading
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    overscan: 4,
    getItemKey: (index) => cards[index]?.id ?? 'loading',
    rangeExtractor,
    observeElementRect: observeRectWithFallback,
  });
  const items = virtualizer.getVirtualItems();
  const range = virtualizer.range;

  // Scroll memory: the first card in view is remembered for this query; a reload of the same query that
  // brings fewer cards back (the first page again) scrolls back to it, fetching pages until it is there.
  const [restoreTo, setRestoreTo] = useState<number | null>(null);
  // The same, readable by effects of the commit that started a restore (before the state has re-rendered).
  const restoring = useRef(false);
  // Starts as "nothing shown yet", so a column that mounts with its cards (the page reloaded, back from the
  // table view) also goes back to where it was for this query.
  const seen = useRef({ queryKey, length: 0 });
  useLayoutEffect(() => {
    const before = seen.current;
    seen.current = { queryKey, length: cards.length };
    if (before.queryKey !== queryKey) {
      restoring.current = false;
      setRestoreTo(null);
      scrollRef.current?.scrollTo?.({ top: 0 });
    } else if (cards.length < before.length || (before.length === 0 && cards.length > 0)) {
      const index = recallColumnScroll(status, queryKey);
      restoring.current = index > 0;
      setRestoreTo(index > 0 ? index : null);
    }
  }, [queryKey, cards.length, status]);

  const nearEnd = hasMore && (range?.endIndex ?? 0) >= cards.length - NEAR_END;
  const wantsMore = hasMore && (nearEnd || (restoreTo !== null && restoreTo >= cards.length));
  const loadingMore = useColumnPaging(cards, wantsMore, () => columnMoreRequested(status));

  useEffect(() => {
    if (restoreTo === null) return;
    if (restoreTo < cards.length || !hasMore) {
      restoring.current = false;
      setRestoreTo(null);
      virtualizer.scrollToIndex(Math.min(restoreTo, cards.length - 1), { align: 'start' });
    }
  }, [restoreTo, cards, hasMore, virtualizer]);

  // Remembered from the range the virtualizer computed (a scroll handler would run before it has), and not
  // while a reload has clamped the scroll or a restore is under way: that is not where the officer was.
  const firstInView = range?.startIndex ?? 0;
  useEffect(() => {
    if (!restoring.current) rememberColumnScroll(status, queryKey, firstInView);
  }, [status, queryKey, firstInView]);

  // A card asked for from the keyboard: scroll it into the rendered range, then focus it once it is there.
  const focusPending = useRef<number | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const index = cards.findIndex((c) => c.id === focusRequest.id);
    if (index < 0) return;
    focusPending.current = focusRequest.id;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [focusRequest]); // only a new request scrolls: not every change of the cards
  useLayoutEffect(() => {
    const id = focusPending.current;
    if (id !== null && sectionRef.current && focusCard(id, sectionRef.current)) focusPending.current = null;
  });

  return (
    <section
      ref={(node) => {
        sectionRef.current = node;
        setNodeRef(node);
      }}
      role="region"
      aria-label={t('board.column', { status: label, count: column.count })}
      className={`column column--${status}${isOver ? ' column--over' : ''}`}
      data-status={status}
      aria-busy={loadingMore || restoreTo !== null || undefined}
    >
      <h2 className="column-heading" id={headingId}>
        <span>{label}</span>
        <span className="column-count">{column.count.toLocaleString()}</span>
      </h2>
      <div className={`column-scroll${cards.length === 0 ? ' column-scroll--empty' : ''}`} ref={scrollRef}>
        <ul className="column-list" aria-labelledby={headingId} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const card = cards[item.index];
            const position = { transform: `translateY(${item.start}px)` };
            if (!card) {
              return (
                <li key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="card-item column-loading" style={position}>
                  {t('search.columnLoading')}
                </li>
              );
            }
            return (
              <BoardCard
                key={item.key}
                card={card}
                tabbable={card.id === tabbableId}
                selected={card.id === selectedId}
                onOpen={onOpen}
                onFocusCard={onFocusCard}
                onCardKeyDown={onCardKeyDown}
                itemRef={virtualizer.measureElement}
                itemIndex={item.index}
                itemStyle={position}
                setSize={column.count}
              />
            );
          })}
        </ul>
      </div>
      {cards.length === 0 && <p className="column-empty">{t('board.emptyColumn')}</p>}
      {hasMore && (
        <p className="column-shown">
          {t('search.columnShown', { count: column.count.toLocaleString(), shown: cards.length.toLocaleString() })}
        </p>
      )}
    </section>
  );
}
