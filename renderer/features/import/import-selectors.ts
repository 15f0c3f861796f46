// Selectors the import components read the store through: one field or one derived value each.
import type { ImportProgress, ImportState } from './import-store.js';

export const selectBusy = (s: ImportState) => s.busy;
export const selectProgress = (s: ImportState) => s.progress;
export const selectCancelling = (s: ImportState) => s.cancelling;
export const selectCancelled = (s: ImportState) => s.cancelled;
export const selectPasteOpen = (s: ImportState) => s.pasteOpen;

/**
 * How far the whole import is, 0–100: finished files plus the part of the current one. A file being read
 * counts as not started, since reading gives no count; a file being written counts by its stored records.
 * Rounded down, so 100 means every file is done.
 */
export function progressPercent(progress: ImportProgress): number {
  const { phase, recordsDone, recordCount } = progress;
  // Uploading (bytes) and writing (records) each fill the file's share of the bar in turn.
  const ofFile = phase === 'done' ? 1 : (phase === 'writing' || phase === 'uploading') && recordCount > 0 ? Math.min(1, recordsDone / recordCount) : 0;
  const percent = Math.floor((100 * (progress.fileIndex + ofFile)) / Math.max(1, progress.fileCount));
  return Math.min(100, Math.max(0, percent));
}

/** Null until main has reported the first step: the bar is then indeterminate. */
export const selectProgressPercent = (s: ImportState) => (s.progress ? progressPercent(s.progress) : null);
