// The annotations store reaches components through context, so the app creates it with the chosen api and
// tests can give each render a store of its own.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AnnotationsState, AnnotationsStore } from './annotations-store.js';

export const AnnotationsStoreContext = createContext<AnnotationsStore | null>(null);

export function useAnnotations<T>(selector: (state: AnnotationsState) => T): T {
  const store = useContext(AnnotationsStoreContext);
  if (!store) throw new Error('AnnotationsStoreContext is missing: render inside <AnnotationsStoreContext value={store}>');
  return useStore(store, selector);
}
