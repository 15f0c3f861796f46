// One card on the board: a list item holding a focusable button that opens the detail, drags to another
// column with the pointer, and takes the board's keyboard commands (handled by Board through onKeyDown).
// Ctrl/Cmd+click picks it into the selection, Shift+click picks the range from the last picked card.
import { useDraggable } from '@dnd-kit/core';
import type { CSSProperties, KeyboardEvent } from 'react';
import type { CardSummary } from '../../../../shared/domain/item.js';
import { Card } from './Card.js';
import { useCardPicking } from './use-card-picking.js';

interface Props {
  card: CardSummary;
  tabbable: boolean;
  selected: boolean;
  onOpen: (id: number) => void;
  onFocusCard: (id: number) => void;
  onCardKeyDown: (event: KeyboardEvent<HTMLElement>, card: CardSummary) => void;
  /** Set by a virtualized column (BoardColumn): measures the list item and places it at its offset. */
  itemRef?: (node: HTMLLIElement | null) => void;
  itemIndex?: number;
  itemStyle?: CSSProperties;
  /** Cards in the whole column, loaded or not (aria-setsize), when only some are in the DOM. */
  setSize?: number;
}

export function BoardCard({ card, tabbable, selected, onOpen, onFocusCard, onCardKeyDown, itemRef, itemIndex, itemStyle, setSize }: Props) {
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: card.id, data: { card } });
  const picking = useCardPicking(card.id, onOpen);
  return (
    <li
      className="card-item"
      ref={itemRef}
      data-index={itemIndex}
      style={itemStyle}
      aria-setsize={setSize}
      aria-posinset={itemIndex === undefined ? undefined : itemIndex + 1}
    >
      <div
        ref={setNodeRef}
        {...listeners}
        role="button"
        tabIndex={tabbable ? 0 : -1}
        aria-describedby={attributes['aria-describedby']}
        aria-current={selected ? 'true' : undefined}
        data-card-id={card.id}
        data-picked={picking.picked ? 'true' : undefined}
        className={`card${isDragging ? ' card--dragging' : ''}${selected ? ' card--selected' : ''}${picking.picked ? ' card--picked' : ''}`}
        onClick={picking.onClick}
        onFocus={() => onFocusCard(card.id)}
        onKeyDown={(event) => onCardKeyDown(event, card)}
      >
        {picking.mark}
        <Card card={card} />
      </div>
    </li>
  );
}
