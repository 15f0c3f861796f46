// Shortcuts that work anywhere on the page: / search, ? help, h import history, p paste text, Ctrl/Cmd+Z
// undo the last move, Escape close. Typing in a field keeps its own keys (Ctrl+Z undoes typing there,
// / ? h p are characters). While a modal (help, import history, paste) is open, the board behind it takes
// no keys.
import { useEffect, type RefObject } from 'react';
import { useBoardStoreApi } from '../features/board/board-context.js';
import { useImportStoreApi } from '../features/import/import-context.js';
import { useImportHistoryStoreApi } from '../features/import/import-history-context.js';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface Options {
  searchRef: RefObject<HTMLInputElement | null>;
  helpOpen: boolean;
  helpToggled: (open: boolean) => void;
}

export function useGlobalShortcuts({ searchRef, helpOpen, helpToggled }: Options) {
  const board = useBoardStoreApi();
  const history = useImportHistoryStoreApi();
  const imports = useImportStoreApi();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const historyOpen = history.getState().open;
      const pasteOpen = imports.getState().pasteOpen;
      if (event.key === 'Escape') {
        if (pasteOpen) imports.getState().pasteClosed();
        else if (helpOpen) helpToggled(false);
        else if (historyOpen) history.getState().historyClosed();
        else if (board.getState().selectedId !== null) board.getState().detailClosed();
        else return;
        event.preventDefault();
        return;
      }
      if (isEditable(event.target) || pasteOpen) return;
      const command = event.ctrlKey || event.metaKey;
      if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (!helpOpen && !historyOpen) void board.getState().lastMoveUndone();
        return;
      }
      if (command || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        if (!historyOpen) helpToggled(!helpOpen);
      } else if (event.key === '/' && !helpOpen && !historyOpen) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'h' && !helpOpen) {
        event.preventDefault();
        if (historyOpen) history.getState().historyClosed();
        else void history.getState().historyOpened();
      } else if (event.key === 'p' && !helpOpen && !historyOpen) {
        event.preventDefault();
        imports.getState().pasteOpened();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [board, history, imports, searchRef, helpOpen, helpToggled]);
}
