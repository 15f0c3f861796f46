// The board store reaches components through context, so the app creates it with the chosen api and
// tests can give each render a store of its own.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { BoardState, BoardStore } from './board-store.js';

export const BoardStoreContext = createContext<BoardStore | null>(null);

export function useBoardStoreApi(): BoardStore {
  const store = useContext(BoardStoreContext);
  if (!store) throw new Error('BoardStoreContext is missing: render inside <BoardStoreContext value={store}>');
  return store;
}

export function useBoard<T>(selector: (state: BoardState) => T): T {
  return useStore(useBoardStoreApi(), selector);
}
