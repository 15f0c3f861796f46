// The board's keys for the selection and the facts, on a focused card: x picks the card, Ctrl/Cmd+A picks
// the column's cards, Esc clears the selection, s and c open the severity and category menus. With cards
// selected, 1–5 / Shift+←→ (status) and the menus apply to the whole selection as one bulk change (one
// undo); with none, the menus change the focused card alone (also undoable with Ctrl+Z).
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { CardSummary } from '../../../../shared/domain/item.js';
import { useBoardStoreApi } from '../board-context.js';
import { focusCard, focusIsLost } from '../card-focus.js';
import type { CardKeyCommand } from '../card-keys.js';
import { FactMenu, type FactMenuField } from './FactMenu.js';

interface OpenMenu {
  field: FactMenuField;
  /** The focused card when nothing was selected; null means the selection. */
  cardId: number | null;
  count: number | null;
}

export function useSelectionKeys(): {
  /** True when the command was the selection's (the board does nothing more with it). */
  run: (command: CardKeyCommand, card: CardSummary, event: KeyboardEvent<HTMLElement>) => boolean;
  menu: ReactNode;
} {
  const store = useBoardStoreApi();
  const [menu, setMenu] = useState<OpenMenu | null>(null);

  function run(command: CardKeyCommand, card: CardSummary, event: KeyboardEvent<HTMLElement>): boolean {
    const state = store.getState();
    const selecting = state.selection.length > 0;
    switch (command.type) {
      case 'toggleSelection':
        event.preventDefault();
        state.cardSelectionToggled(card.id);
        return true;
      case 'selectColumn':
        event.preventDefault();
        state.columnSelected(card.status);
        return true;
      case 'clearSelection':
        // Nothing selected: Esc goes on to the page (it closes the detail).
        if (!selecting) return true;
        event.preventDefault();
        state.selectionCleared();
        return true;
      case 'menu':
        event.preventDefault();
        setMenu({ field: command.field, cardId: selecting ? null : card.id, count: selecting ? state.selection.length : null });
        return true;
      case 'move':
        if (!selecting) return false;
        event.preventDefault();
        // The card changes column (it remounts): once the board is read again, the focus goes back to it.
        void state.bulkChangeRequested({ status: command.to }).then(() => {
          if (focusIsLost()) focusCard(card.id);
        });
        return true;
      default:
        return false;
    }
  }

  const node = menu && (
    <FactMenu
      field={menu.field}
      selectionCount={menu.count}
      onClose={() => setMenu(null)}
      onChoose={(change) => {
        setMenu(null);
        void store.getState().bulkChangeRequested(change, menu.cardId === null ? undefined : [menu.cardId]);
      }}
    />
  );
  return { run, menu: node };
}
