// The card keys also work in the open detail: s and c open the severity and category menus for the item
// shown, 1–5 move it to that column. Only when the focus is in the detail and not in a field (typing a note
// or a correction keeps its keys), and never with Ctrl/Cmd/Alt.
import { useEffect, useState } from 'react';
import { STATUSES } from '../../../../shared/domain/vocabulary.js';
import { useBoardStoreApi } from '../board-context.js';
import { FactMenu, type FactMenuField } from './FactMenu.js';

function inDetail(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return false;
  return target.closest('aside.detail[role="dialog"]') !== null;
}

export function DetailKeys() {
  const store = useBoardStoreApi();
  const [menu, setMenu] = useState<{ field: FactMenuField; id: number } | null>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const id = store.getState().selectedId;
      if (id === null || !inDetail(event.target)) return;
      if (event.code === 'KeyS' || event.code === 'KeyC') {
        event.preventDefault();
        setMenu({ field: event.code === 'KeyS' ? 'severity' : 'category', id });
        return;
      }
      const to = /^Digit([1-5])$/.exec(event.code)?.[1];
      const status = to === undefined ? undefined : STATUSES[Number(to) - 1];
      if (status) {
        event.preventDefault();
        void store.getState().cardMovedToColumn(id, status);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  if (!menu) return null;
  return (
    <FactMenu
      field={menu.field}
      selectionCount={null}
      onClose={() => setMenu(null)}
      onChoose={(change) => {
        setMenu(null);
        void store.getState().bulkChangeRequested(change, [menu.id]);
      }}
    />
  );
}
