// A card's part in the multi-select: whether it is picked, the mark that says so, and the click that picks
// (Ctrl/Cmd+click toggles, Shift+click takes the range from the last picked card in the same column) or
// otherwise opens the detail. Kept apart from BoardCard, which the virtualized column also shapes.
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board-context.js';
import './selection.css';

export function useCardPicking(id: number, onOpen: (id: number) => void): { picked: boolean; mark: ReactNode; onClick: (event: MouseEvent<HTMLElement>) => void } {
  const { t } = useTranslation();
  const picked = useBoard((s) => s.selection.includes(id));
  const cardSelectionToggled = useBoard((s) => s.cardSelectionToggled);
  const cardRangeSelected = useBoard((s) => s.cardRangeSelected);

  function onClick(event: MouseEvent<HTMLElement>) {
    if (event.ctrlKey || event.metaKey) cardSelectionToggled(id);
    else if (event.shiftKey) cardRangeSelected(id);
    else onOpen(id);
  }

  const mark = picked ? <span className="card-pick">✓ {t('bulk.selectedMark')}</span> : null;
  return { picked, mark, onClick };
}
