import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { BulletinsState, BulletinsStore } from './bulletins-store.js';

export const BulletinsStoreContext = createContext<BulletinsStore | null>(null);

export function useBulletinsStoreApi(): BulletinsStore {
  const store = useContext(BulletinsStoreContext);
  if (!store) throw new Error('BulletinsStoreContext is missing: render inside <BulletinsStoreContext value={store}>');
  return store;
}

export function useBulletins<T>(selector: (state: BulletinsState) => T): T {
  return useStore(useBulletinsStoreApi(), selector);
}
