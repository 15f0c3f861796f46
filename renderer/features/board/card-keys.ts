// The board's keyboard commands on a focused card, as a pure function of the columns and the key.
// Letters are read from KeyboardEvent.code (the physical key), so they work the same with a Japanese
// keyboard, with the IME's direct-input mode, and whatever the layout prints on the key.
import type { CardSummary } from '../../../shared/domain/item.js';
import { STATUSES, type Status } from '../../../shared/domain/vocabulary.js';
import type { BoardColumn } from '../../../shared/ipc/contract.js';
import { neighbourStatus } from './board-columns.js';

export type CardKeyCommand =
  | { type: 'focus'; id: number }
  | { type: 'open' }
  | { type: 'move'; to: Status }
  /** Opens the small menu of severities (s) or categories (c) for the card or the selection. */
  | { type: 'menu'; field: 'severity' | 'category' }
  | { type: 'toggleSelection' }
  | { type: 'selectColumn' }
  | { type: 'clearSelection' };

export interface KeyPress {
  key: string;
  /** The physical key (KeyS, Digit1…); absent in old synthetic events, then the character is used. */
  code?: string;
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
  const code = press.code ?? '';
  // Ctrl/Cmd+A selects the column's cards (instead of the page's text); Ctrl/Cmd+Z and the like are global.
  if ((press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey && (code === 'KeyA' || press.key === 'a')) {
    return { type: 'selectColumn' };
  }
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
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
  if (code === 'KeyS' || (code === '' && press.key === 's')) return { type: 'menu', field: 'severity' };
  if (code === 'KeyC' || (code === '' && press.key === 'c')) return { type: 'menu', field: 'category' };
  if (code === 'KeyX' || (code === '' && press.key === 'x')) return { type: 'toggleSelection' };
  if (press.key === 'Escape') return { type: 'clearSelection' };
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
