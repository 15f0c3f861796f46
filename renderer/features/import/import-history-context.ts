import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ImportHistoryState, ImportHistoryStore } from './import-history-store.js';

export const ImportHistoryStoreContext = createContext<ImportHistoryStore | null>(null);

export function useImportHistoryStoreApi(): ImportHistoryStore {
  const store = useContext(ImportHistoryStoreContext);
  if (!store) throw new Error('ImportHistoryStoreContext is missing: render inside <ImportHistoryStoreContext value={store}>');
  return store;
}

export function useImportHistory<T>(selector: (state: ImportHistoryState) => T): T {
  return useStore(useImportHistoryStoreApi(), selector);
}
