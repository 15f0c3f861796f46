// The import history as a modal dialog: a table of imports, newest first, each with its undo. Focus moves in
// when it opens, Tab stays inside, Escape closes, and focus goes back to where it was (or to the header
// button when that is gone).
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../../../shared/domain/import-record.js';
import { ISOLATED, WithIsolated } from '../../../components/WithIsolated.js';
import { useImportHistory } from '../import-history-context.js';
import { HISTORY_LIMIT, type HistoryError } from '../import-history-store.js';
import { ImportHistoryRow } from './ImportHistoryRow.js';
import { trapTabFocus } from '../../../components/trap-tab-focus.js';


export function ImportHistoryDialog({ returnFocusRef }: { returnFocusRef?: RefObject<HTMLElement | null> }) {
  const open = useImportHistory((s) => s.open);
  return open ? <HistoryDialog returnFocusRef={returnFocusRef} /> : null;
}

function HistoryDialog({ returnFocusRef }: { returnFocusRef?: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const loaded = useImportHistory((s) => s.loaded);
  const records = useImportHistory((s) => s.records);
  const undoingId = useImportHistory((s) => s.undoingId);
  const lastUndo = useImportHistory((s) => s.lastUndo);
  const error = useImportHistory((s) => s.error);
  const historyClosed = useImportHistory((s) => s.historyClosed);
  const importUndoRequested = useImportHistory((s) => s.importUndoRequested);
  const dialogRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const requestedId = useRef<number | null>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    closeRef.current?.focus();
    return () => {
      // The element may be gone by now (a card the undo removed): then the header button.
      const target = previous?.isConnected ? previous : returnFocusRef?.current;
      target?.focus();
    };
  }, [returnFocusRef]);

  useEffect(() => {
    // An undone row loses its button, and with it the focus: keep the focus in the dialog, on that row.
    const dialog = dialogRef.current;
    if (undoingId !== null || !dialog || dialog.contains(document.activeElement)) return;
    const marker = requestedId.current === null ? null : dialog.querySelector<HTMLElement>(`[data-undone-id="${requestedId.current}"]`);
    (marker ?? titleRef.current)?.focus();
  }, [undoingId, records]);

  function onUndo(record: ImportRecord) {
    requestedId.current = record.id;
    void importUndoRequested(record.id, t('history.confirmUndo'));
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      historyClosed();
      return;
    }
    trapTabFocus(event, dialogRef.current, titleRef.current);
  }

  return (
    <div className="overlay">
      <section ref={dialogRef} className="import-history" role="dialog" aria-modal="true" aria-labelledby="history-title" onKeyDown={onKeyDown}>
        <div className="history-bar">
          <h2 id="history-title" ref={titleRef} tabIndex={-1}>
            {t('history.title')}
          </h2>
          <button ref={closeRef} type="button" className="button" onClick={historyClosed}>
            {t('history.close')}
          </button>
        </div>
        <p className="history-status" role="status">
          {lastUndo &&
            t(lastUndo.kept > 0 ? 'history.undoResult' : 'history.undoResultAllRemoved', {
              removed: lastUndo.removed,
              kept: lastUndo.kept,
            })}
        </p>
        <div className="history-alert" role="alert">
          {error && <HistoryErrorText error={error} />}
        </div>
        {!loaded ? (
          <p className="muted">{t('history.loading')}</p>
        ) : records.length === 0 ? (
          error?.kind !== 'load' && <p className="history-empty">{t('history.empty')}</p>
        ) : (
          <div className="history-scroll">
            <table className="history-table" aria-label={t('history.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('history.when')}</th>
                  <th scope="col">{t('history.file')}</th>
                  <th scope="col">{t('history.format')}</th>
                  <th scope="col">{t('history.counts')}</th>
                  <th scope="col">{t('history.size')}</th>
                  <th scope="col">{t('history.duration')}</th>
                  <th scope="col">{t('history.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {records.map((record) => (
                  <ImportHistoryRow key={record.id} record={record} undoing={undoingId === record.id} onUndo={onUndo} />
                ))}
              </tbody>
            </table>
            {records.length >= HISTORY_LIMIT && <p className="muted">{t('history.limited', { count: HISTORY_LIMIT })}</p>}
          </div>
        )}
      </section>
    </div>
  );
}

function HistoryErrorText({ error }: { error: HistoryError }) {
  const { t } = useTranslation();
  if (error.kind === 'load') return t('history.loadFailed', { message: error.message });
  const template =
    error.code === 'conflict'
      ? t('history.alreadyUndone', { file: ISOLATED })
      : error.code === 'not-found'
        ? t('history.notFound', { file: ISOLATED })
        : t('history.undoFailed', { file: ISOLATED, message: error.message });
  return <WithIsolated template={template} value={error.fileName} />;
}
