// The bulletins workflow in the renderer (issue #6): the list, the open bulletin with its unsaved edits,
// the live preview, and approve / issue / new version. The store alone talks to the api. What the board
// must reload after an issue is the app's business (onItemsChanged), as features never import each other.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bulletin, BulletinCoverage, BulletinEdit, BulletinSettings, BulletinTemplate, BulletinView } from '../../../shared/domain/bulletins.js';
import type { TriageApi } from '../../../shared/ipc/contract.js';
import type { ErrorCode } from '../../../shared/ipc/result.js';

export type BulletinAction = 'list' | 'open' | 'create' | 'save' | 'approve' | 'reopen' | 'issue' | 'newVersion' | 'pdf' | 'preview' | 'settings';

export interface BulletinsError {
  action: BulletinAction;
  code: ErrorCode;
  message: string;
}

/** What just happened, for the editor's status line. */
export type BulletinsNotice =
  | { kind: 'created' | 'saved' | 'approved' | 'reopened' | 'newVersion' | 'pdfReady' | 'settingsSaved' }
  | { kind: 'issued'; moved: number };

export type PdfPurpose = 'download' | 'print';

export interface PdfFile {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type CreateRequest = { template: BulletinTemplate; itemIds: number[] } | { template: 'digest'; period: { from: string; to: string } };

export interface BulletinsState {
  open: boolean;
  search: string;
  list: Bulletin[];
  listLoaded: boolean;
  current: BulletinView | null;
  /** Edits not saved yet, laid over current.bulletin. */
  draft: BulletinEdit;
  previewHtml: string | null;
  busy: BulletinAction | null;
  /** True while the officer decides whether issuing moves the items to 周知済. */
  issueAsked: boolean;
  error: BulletinsError | null;
  notice: BulletinsNotice | null;
  /** The bulletins that covered the item open in the detail panel. */
  coverage: { itemId: number; entries: BulletinCoverage[] } | null;
  /** The templates and number format, while the settings view is open (null otherwise). */
  settings: BulletinSettings | null;

  bulletinsOpened: () => Promise<void>;
  /** Asks first when edits are unsaved; returns whether it closed. */
  bulletinsClosed: (unsavedQuestion: string) => boolean;
  searchChanged: (text: string) => Promise<void>;
  bulletinOpened: (id: number) => Promise<void>;
  bulletinCreateRequested: (request: CreateRequest) => Promise<void>;
  fieldEdited: <K extends keyof BulletinEdit>(field: K, value: NonNullable<BulletinEdit[K]>) => void;
  draftSaved: () => Promise<boolean>;
  approveRequested: () => Promise<void>;
  reopenRequested: () => Promise<void>;
  issueAskedToggled: (asked: boolean) => void;
  issueConfirmed: (markNotified: boolean) => Promise<void>;
  newVersionRequested: () => Promise<void>;
  pdfRequested: (purpose: PdfPurpose) => Promise<void>;
  itemCoverageRequested: (itemId: number) => Promise<void>;
  errorDismissed: () => void;
  settingsOpened: () => Promise<void>;
  settingsClosed: () => void;
  settingsSaved: (settings: BulletinSettings) => Promise<boolean>;
}

export type BulletinsStore = StoreApi<BulletinsState>;

export interface BulletinsStoreDeps {
  /** Items moved to 周知済 by an issue: the board reloads. */
  onItemsChanged?: (itemIds: number[]) => void;
  /** Hands a PDF to the browser (download or print); see pdf-delivery.ts. */
  deliverPdf?: (file: PdfFile, purpose: PdfPurpose) => void;
  /** The desktop app prints through main's system print dialog (webContents.print) instead. */
  printInMain?: boolean;
  confirm?: (question: string) => boolean;
  /** How long typing pauses before the preview is rendered again. */
  previewDelayMs?: number;
}

export function selectEditable(state: Pick<BulletinsState, 'current'>): boolean {
  return state.current?.bulletin.state === 'draft';
}

export function selectDirty(state: Pick<BulletinsState, 'draft' | 'current'>): boolean {
  const b = state.current?.bulletin;
  if (!b) return false;
  return (Object.keys(state.draft) as (keyof BulletinEdit)[]).some((k) => state.draft[k] !== undefined && state.draft[k] !== b[k]);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function createBulletinsStore(api: TriageApi, deps: BulletinsStoreDeps = {}): BulletinsStore {
  const confirm = deps.confirm ?? ((question: string) => window.confirm(question));
  const previewDelay = deps.previewDelayMs ?? 250;
  let listSeq = 0;
  let previewSeq = 0;
  let previewTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<BulletinsState>()((set, get) => {
    const failed = (action: BulletinAction, error: { code: ErrorCode; message: string }) =>
      set({ busy: null, error: { action, code: error.code, message: error.message } });

    async function loadList(): Promise<void> {
      const seq = ++listSeq;
      const result = await api['bulletins.list']({ search: get().search });
      if (seq !== listSeq) return;
      if (result.ok) set({ list: result.value, listLoaded: true });
      else failed('list', result.error);
    }

    async function renderPreview(): Promise<void> {
      const current = get().current;
      if (!current) return;
      const seq = ++previewSeq;
      const draft = current.bulletin.state === 'draft' ? get().draft : undefined;
      const result = await api['bulletins.preview']({ id: current.bulletin.id, ...(draft && Object.keys(draft).length > 0 ? { draft } : {}) });
      if (seq !== previewSeq || get().current?.bulletin.id !== current.bulletin.id) return;
      if (result.ok) set({ previewHtml: result.value.html });
      else failed('preview', result.error);
    }

    function schedulePreview(): void {
      if (previewTimer) clearTimeout(previewTimer);
      previewTimer = setTimeout(() => {
        previewTimer = null;
        void renderPreview();
      }, previewDelay);
    }

    /** Shows a bulletin freshly read from main (with its history), drops unsaved edits, renders it. */
    async function show(id: number, action: BulletinAction, notice: BulletinsNotice | null): Promise<boolean> {
      const result = await api['bulletins.get']({ id });
      if (!result.ok) {
        failed(action, result.error);
        return false;
      }
      set({ current: result.value, draft: {}, settings: null, busy: null, issueAsked: false, notice, previewHtml: get().current?.bulletin.id === id ? get().previewHtml : null });
      await renderPreview();
      return true;
    }

    /** Runs a state change on the open bulletin, then shows it again and refreshes the list. */
    async function transition(action: BulletinAction, run: (id: number) => ReturnType<TriageApi['bulletins.approve']>, notice: BulletinsNotice) {
      const current = get().current;
      if (!current || get().busy) return;
      set({ busy: action, error: null, notice: null });
      const result = await run(current.bulletin.id);
      if (!result.ok) {
        failed(action, result.error);
        // Changed elsewhere (another window, the CLI): show how it stands now.
        if (result.error.code === 'conflict') await show(current.bulletin.id, action, null).then(() => set({ error: { action, ...result.error } }));
        return;
      }
      await show(result.value.id, action, notice);
      await loadList();
    }

    return {
      open: false,
      search: '',
      list: [],
      listLoaded: false,
      current: null,
      draft: {},
      previewHtml: null,
      busy: null,
      issueAsked: false,
      error: null,
      notice: null,
      coverage: null,
      settings: null,

      bulletinsOpened: async () => {
        if (!get().open) set({ open: true, error: null, notice: null });
        await loadList();
      },

      bulletinsClosed: (unsavedQuestion) => {
        if (selectDirty(get()) && !confirm(unsavedQuestion)) return false;
        if (previewTimer) clearTimeout(previewTimer);
        listSeq += 1;
        previewSeq += 1;
        set({ open: false, current: null, draft: {}, previewHtml: null, issueAsked: false, error: null, notice: null, settings: null });
        return true;
      },

      searchChanged: async (text) => {
        set({ search: text });
        await loadList();
      },

      bulletinOpened: async (id) => {
        if (get().busy) return;
        set({ busy: 'open', error: null, notice: null, previewHtml: null });
        await show(id, 'open', null);
      },

      bulletinCreateRequested: async (request) => {
        if (get().busy) return;
        set({ open: true, busy: 'create', error: null, notice: null });
        const result = await api['bulletins.create'](request);
        if (!result.ok) {
          failed('create', result.error);
          await loadList();
          return;
        }
        set({ previewHtml: null });
        await show(result.value.id, 'create', { kind: 'created' });
        await loadList();
        // The open detail names the new draft too ("SEC-2023-012 で作成中").
        const coverage = get().coverage;
        if (coverage && result.value.itemIds.includes(coverage.itemId)) await get().itemCoverageRequested(coverage.itemId);
      },

      fieldEdited: (field, value) => {
        if (!selectEditable(get())) return;
        set((s) => ({ draft: { ...s.draft, [field]: value }, notice: null }));
        schedulePreview();
      },

      draftSaved: async () => {
        const { current, draft, busy } = get();
        if (!current || busy || !selectEditable(get())) return false;
        if (!selectDirty(get())) return true;
        set({ busy: 'save', error: null, notice: null });
        const result = await api['bulletins.edit']({ id: current.bulletin.id, ...draft });
        if (!result.ok) {
          failed('save', result.error);
          return false;
        }
        await show(result.value.id, 'save', { kind: 'saved' });
        await loadList();
        return true;
      },

      approveRequested: async () => {
        // Approving approves what is on screen: unsaved edits are saved first.
        if (selectDirty(get()) && !(await get().draftSaved())) return;
        await transition('approve', (id) => api['bulletins.approve']({ id }), { kind: 'approved' });
      },

      reopenRequested: () => transition('reopen', (id) => api['bulletins.reopen']({ id }), { kind: 'reopened' }),

      issueAskedToggled: (asked) => set({ issueAsked: asked && get().current?.bulletin.state === 'approved' }),

      issueConfirmed: async (markNotified) => {
        const current = get().current;
        if (!current || get().busy) return;
        set({ busy: 'issue', error: null, notice: null, issueAsked: false });
        const result = await api['bulletins.issue']({ id: current.bulletin.id, markNotified });
        if (!result.ok) {
          failed('issue', result.error);
          return;
        }
        const moved = result.value.movedItemIds;
        await show(current.bulletin.id, 'issue', { kind: 'issued', moved: moved.length });
        await loadList();
        const coverage = get().coverage;
        if (coverage && current.bulletin.itemIds.includes(coverage.itemId)) await get().itemCoverageRequested(coverage.itemId);
        if (moved.length > 0) deps.onItemsChanged?.(moved);
      },

      newVersionRequested: () => transition('newVersion', (id) => api['bulletins.newVersion']({ id }), { kind: 'newVersion' }),

      pdfRequested: async (purpose) => {
        const current = get().current;
        if (!current || get().busy) return;
        // A draft prints what was saved: save first so the PDF matches the preview.
        if (selectDirty(get()) && !(await get().draftSaved())) return;
        set({ busy: 'pdf', error: null, notice: null });
        if (purpose === 'print' && deps.printInMain) {
          const printed = await api['bulletins.print']({ id: current.bulletin.id });
          if (printed.ok) set({ busy: null });
          else failed('pdf', printed.error);
          return;
        }
        const result = await api['bulletins.pdf']({ id: current.bulletin.id });
        if (!result.ok) {
          failed('pdf', result.error);
          return;
        }
        set({ busy: null, notice: { kind: 'pdfReady' } });
        deps.deliverPdf?.({ fileName: result.value.fileName, bytes: base64ToBytes(result.value.contentBase64) }, purpose);
      },

      itemCoverageRequested: async (itemId) => {
        if (get().coverage?.itemId !== itemId) set({ coverage: { itemId, entries: [] } });
        const result = await api['bulletins.forItem']({ itemId });
        if (result.ok && (get().coverage === null || get().coverage?.itemId === itemId)) set({ coverage: { itemId, entries: result.value } });
      },

      errorDismissed: () => set({ error: null }),

      settingsOpened: async () => {
        if (get().busy) return;
        set({ busy: 'settings', error: null, notice: null });
        const result = await api['bulletins.settings']({});
        if (result.ok) set({ busy: null, settings: result.value });
        else failed('settings', result.error);
      },

      settingsClosed: () => set({ settings: null, error: null, notice: null }),

      settingsSaved: async (settings) => {
        if (get().busy) return false;
        set({ busy: 'settings', error: null, notice: null });
        const result = await api['bulletins.saveSettings'](settings);
        if (!result.ok) {
          failed('settings', result.error);
          return false;
        }
        set({ busy: null, settings: result.value, notice: { kind: 'settingsSaved' } });
        return true;
      },
    };
  });
}
