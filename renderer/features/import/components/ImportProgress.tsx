// The running import, in a bar fixed at the bottom of the window: a progress bar, which file is being read
// or saved, and 「取り消す」. Not a modal: the board stays usable meanwhile. It appears only once an import
// has run for a moment, so a small import does not flash it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ISOLATED, WithIsolated } from '../../../components/WithIsolated.js';
import { useImport } from '../import-context.js';
import { selectBusy, selectCancelling, selectProgress, selectProgressPercent } from '../import-selectors.js';
import type { ImportProgress as Progress } from '../import-store.js';

export const SHOW_PROGRESS_AFTER_MS = 300;

/** True once `active` has held for `delayMs`; false again as soon as it drops. */
function useShownAfter(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [active, delayMs]);
  return active && shown;
}

export function ImportProgress() {
  const busy = useImport(selectBusy);
  const shown = useShownAfter(busy, SHOW_PROGRESS_AFTER_MS);
  return shown ? <ProgressBar /> : null;
}

function ProgressBar() {
  const { t } = useTranslation();
  const progress = useImport(selectProgress);
  const percent = useImport(selectProgressPercent);
  const cancelling = useImport(selectCancelling);
  const cancelRequested = useImport((s) => s.cancelRequested);
  return (
    <div className="import-progress">
      <div
        className="import-progress-bar"
        role="progressbar"
        aria-label={t('import.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        {/* Only draws the bar (the CSP forbids inline widths); the role above is what assistive tech reads. */}
        <progress aria-hidden="true" max={100} value={percent ?? undefined} />
      </div>
      <p className="import-progress-text">{cancelling ? t('import.cancelling') : progress ? <StepText progress={progress} /> : t('import.busy')}</p>
      <button type="button" className="button" aria-label={t('import.cancelLabel')} onClick={() => void cancelRequested()} disabled={cancelling}>
        {t('import.cancel')}
      </button>
    </div>
  );
}

function StepText({ progress }: { progress: Progress }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const step = { current: progress.fileIndex + 1, files: progress.fileCount, file: ISOLATED };
  const template =
    progress.phase === 'uploading'
      ? t('import.progressUploading', { ...step, percent: Math.floor((100 * progress.recordsDone) / Math.max(1, progress.recordCount)) })
      : progress.phase === 'reading'
      ? t('import.progressReading', step)
      : progress.phase === 'writing'
        ? t('import.progressWriting', { ...step, done: number.format(progress.recordsDone), total: number.format(progress.recordCount) })
        : t('import.progressDone', step);
  return <WithIsolated template={template} value={progress.fileName} />;
}
