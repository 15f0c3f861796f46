// Shortcuts that work anywhere on the page: / search, ? help, Ctrl/Cmd+Z undo the last move, Escape close.
// Typing in a field keeps its own keys (Ctrl+Z undoes typing there, / and ? are characters).
import { useEffect, type RefObject } from 'react';
import { useBoardStoreApi } from '../features/board/board-context.js';

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
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.key === 'Escape') {
        if (helpOpen) helpToggled(false);
        else if (board.getState().selectedId !== null) board.getState().detailClosed();
        else return;
        event.preventDefault();
        return;
      }
      if (isEditable(event.target)) return;
      const command = event.ctrlKey || event.metaKey;
      if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (!helpOpen) void board.getState().lastMoveUndone();
        return;
      }
      if (command || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        helpToggled(!helpOpen);
      } else if (event.key === '/' && !helpOpen) {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [board, searchRef, helpOpen, helpToggled]);
}
