// The board area: the filter bar, then what the app puts there (a notice), the selection bar while cards
// are selected, then the board or the table (the officer's switch).
import type { ReactNode } from 'react';
import { useBoard } from '../board-context.js';
import { selectMode } from '../board-selectors.js';
import { Board } from './Board.js';
import { FilterBar } from './FilterBar.js';
import { SelectionBar } from './SelectionBar.js';
import { DetailKeys } from './DetailKeys.js';
import { TableView } from './TableView.js';

export function BoardWorkspace({ children }: { children?: ReactNode }) {
  const mode = useBoard(selectMode);
  return (
    <>
      <FilterBar />
      {children}
      <SelectionBar />
      <DetailKeys />
      {mode === 'table' ? <TableView /> : <Board />}
    </>
  );
}
