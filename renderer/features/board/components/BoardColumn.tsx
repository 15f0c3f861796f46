// A column of the board: a labelled region ("新着 (20)") that is also a drop target for dragged cards.
import { useDroppable } from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardSummary } from '../../../../shared/domain/item.js';
import type { BoardColumn as Column } from '../../../../shared/ipc/contract.js';
import { useBoard } from '../board-context.js';
import { BoardCard } from './BoardCard.js';

interface Props {
  column: Column;
  tabbableId: number | null;
  selectedId: number | null;
  onOpen: (id: number) => void;
  onFocusCard: (id: number) => void;
  onCardKeyDown: (event: KeyboardEvent<HTMLElement>, card: CardSummary) => void;
}

export function BoardColumn({ column, tabbableId, selectedId, onOpen, onFocusCard, onCardKeyDown }: Props) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const columnMoreRequested = useBoard((s) => s.columnMoreRequested);
  const label = t(`status.${column.status}`);
  const headingId = `column-heading-${column.status}`;
  const hidden = column.count - column.cards.length;
  return (
    <section
      ref={setNodeRef}
      role="region"
      aria-label={t('board.column', { status: label, count: column.count })}
      className={`column column--${column.status}${isOver ? ' column--over' : ''}`}
      data-status={column.status}
    >
      <h2 className="column-heading" id={headingId}>
        <span>{label}</span>
        <span className="column-count">{column.count}</span>
      </h2>
      <ul className="column-list" aria-labelledby={headingId}>
        {column.cards.map((card) => (
          <BoardCard
            key={card.id}
            card={card}
            tabbable={card.id === tabbableId}
            selected={card.id === selectedId}
            onOpen={onOpen}
            onFocusCard={onFocusCard}
            onCardKeyDown={onCardKeyDown}
          />
        ))}
      </ul>
      {column.cards.length === 0 && <p className="column-empty">{t('board.emptyColumn')}</p>}
      {hidden > 0 && (
        <p className="column-more">
          {t('board.truncated', { count: hidden })}{' '}
          <button type="button" className="button button--quiet" onClick={() => void columnMoreRequested(column.status)}>
            {t('search.showMore')}
          </button>
        </p>
      )}
    </section>
  );
}
