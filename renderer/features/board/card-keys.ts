// The board's keyboard commands on a focused card, as a pure function of the columns and the key.
import type { CardSummary } from '../../../shared/domain/item.js';
import { STATUSES, type Status } from '../../../shared/domain/vocabulary.js';
import type { BoardColumn } from '../../../shared/ipc/contract.js';
import { neighbourStatus } from './board-columns.js';

export type CardKeyCommand = { type: 'focus'; id: number } | { type: 'open' } | { type: 'move'; to: Status };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The card at the same height in the nearest non-empty column in that direction. */
function sideways(columns: readonly BoardColumn[], columnIndex: number, row: number, step: 1 | -1): number | undefined {
  for (let i = columnIndex + step; i >= 0 && i < columns.length; i += step) {
    const cards = columns[i]?.cards ?? [];
    if (cards.length > 0) return cards[Math.min(row, cards.length - 1)]?.id;
  }
  return undefined;
}

export function cardKeyCommand(columns: readonly BoardColumn[], card: CardSummary, press: KeyPress): CardKeyCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null; // Ctrl/Cmd+Z and the like are global
  const columnIndex = columns.findIndex((c) => c.cards.some((x) => x.id === card.id));
  const cards = columns[columnIndex]?.cards ?? [];
  const row = cards.findIndex((x) => x.id === card.id);
  const focus = (id: number | undefined): CardKeyCommand | null =>
    id === undefined || id === card.id ? null : { type: 'focus', id };

  if (press.shiftKey && (press.key === 'ArrowRight' || press.key === 'ArrowLeft')) {
    const to = neighbourStatus(card.status, press.key === 'ArrowRight' ? 1 : -1);
    return to ? { type: 'move', to } : null;
  }
  if (press.shiftKey) return null;
  if (/^[1-9]$/.test(press.key)) {
    const to = STATUSES[Number(press.key) - 1];
    return to ? { type: 'move', to } : null;
  }
  switch (press.key) {
    case 'Enter':
    case ' ':
      return { type: 'open' };
    case 'ArrowUp':
      return focus(cards[row - 1]?.id);
    case 'ArrowDown':
      return focus(cards[row + 1]?.id);
    case 'Home':
      return focus(cards[0]?.id);
    case 'End':
      return focus(cards[cards.length - 1]?.id);
    case 'ArrowLeft':
      return focus(sideways(columns, columnIndex, row, -1));
    case 'ArrowRight':
      return focus(sideways(columns, columnIndex, row, 1));
    default:
      return null;
  }
}
