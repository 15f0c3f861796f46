// The organisation profile dialog's state and its talk with the api. Saving re-scores every item in main
// (in the background); the open detail shows the new relevance when main says the facts are read.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RelevanceProfile } from '../../../shared/domain/relevance.js';
import type { TriageApi } from '../../../shared/ipc/contract.js';

export interface ProfileState {
  open: boolean;
  loading: boolean;
  saving: boolean;
  profile: RelevanceProfile | null;
  error: string | null;
  opened: () => Promise<void>;
  closed: () => void;
  saved: (profile: RelevanceProfile) => Promise<boolean>;
}

export type ProfileStore = StoreApi<ProfileState>;

export function createProfileStore(api: TriageApi): ProfileStore {
  return createStore<ProfileState>()((set, get) => ({
    open: false,
    loading: false,
    saving: false,
    profile: null,
    error: null,

    opened: async () => {
      set({ open: true, loading: true, error: null });
      const result = await api['profile.get']({});
      if (!get().open) return;
      if (result.ok) set({ loading: false, profile: result.value.profile });
      else set({ loading: false, error: result.error.message });
    },

    closed: () => set({ open: false, error: null }),

    saved: async (profile) => {
      set({ saving: true, error: null });
      const result = await api['profile.save']({ profile });
      if (result.ok) {
        set({ saving: false, open: false, profile: result.value.profile });
        return true;
      }
      set({ saving: false, error: result.error.message });
      return false;
    },
  }));
}
