import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ImportState, ImportStore } from './import-store.js';

export const ImportStoreContext = createContext<ImportStore | null>(null);

export function useImportStoreApi(): ImportStore {
  const store = useContext(ImportStoreContext);
  if (!store) throw new Error('ImportStoreContext is missing: render inside <ImportStoreContext value={store}>');
  return store;
}

export function useImport<T>(selector: (state: ImportState) => T): T {
  return useStore(useImportStoreApi(), selector);
}
