// The outcome of an import: 取り込み N件・重複 N件・更新 N件・失敗 N件 and every error with its file and line,
// headed 取り込みを取り消しました when the officer cancelled it (what landed before the cancel is still listed).
// A non-modal dialog that takes focus when it appears (so it is read out) and stays until closed.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportError } from '../../../../shared/domain/item.js';
import { useImport } from '../import-context.js';
import { selectCancelled } from '../import-selectors.js';
import type { ImportProblem } from '../import-store.js';
import { MAX_FILE_BYTES } from '../file-payload.js';

export function ImportResult() {
  const { t } = useTranslation();
  const summary = useImport((s) => s.summary);
  const problems = useImport((s) => s.problems);
  const cancelled = useImport(selectCancelled);
  const summaryDismissed = useImport((s) => s.summaryDismissed);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (summary) panelRef.current?.focus();
  }, [summary]);

  if (!summary) return null;

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      summaryDismissed();
    }
  }

  return (
    <section ref={panelRef} className="import-result" role="dialog" aria-label={t('import.resultLabel')} tabIndex={-1} onKeyDown={onKeyDown}>
      <h2 className="import-result-title">{t('import.resultLabel')}</h2>
      {cancelled && (
        <p className="import-cancelled">
          <strong>{t('import.cancelled')}</strong> {t('import.cancelledDetail')}
        </p>
      )}
      <p className="import-summary">{t('import.summary', {
          imported: summary.imported,
          duplicates: summary.duplicates,
          updated: summary.updated,
          failed: summary.failed,
        })}</p>
      {(summary.errors.length > 0 || problems.length > 0) && (
        <>
          <h3>{t('import.errorsHeading')}</h3>
          <ul className="import-errors">
            {problems.map(
              (problem, i) =>
                problem.kind !== 'skipped' && (
                  <li key={`p${i}`}>
                    <ProblemLine problem={problem} />
                  </li>
                ),
            )}
            {summary.errors.map((error, i) => (
              <li key={`e${i}`}>
                <ErrorLine error={error} />
              </li>
            ))}
            {/* Files never sent come last: they follow the one main was importing when cancelled. */}
            {problems.map(
              (problem, i) =>
                problem.kind === 'skipped' && (
                  <li key={`p${i}`}>
                    <ProblemLine problem={problem} />
                  </li>
                ),
            )}
          </ul>
        </>
      )}
      <button type="button" className="button" onClick={summaryDismissed}>
        {t('import.close')}
      </button>
    </section>
  );
}

function ErrorLine({ error }: { error: ImportError }) {
  const { t } = useTranslation();
  const mappingOpened = useImport((s) => s.mappingOpened);
  const text =
    error.line === null
      ? t('import.errorInFile', { file: error.file, message: error.message })
      : t('import.errorAtLine', { file: error.file, line: error.line, message: error.message });
  const { headers } = error;
  if (!headers) return text;
  // The header row was not recognised: the officer can say what each column holds.
  return (
    <>
      {text}{' '}
      <button type="button" className="button" aria-label={t('import.mapColumnsLabel', { file: error.file })} onClick={() => mappingOpened(error.file, headers)}>
        {t('import.mapColumns')}
      </button>
    </>
  );
}

function ProblemLine({ problem }: { problem: ImportProblem }) {
  const { t } = useTranslation();
  const message =
    problem.kind === 'tooLarge'
      ? t('import.tooLarge', { limit: MAX_FILE_BYTES / (1024 * 1024) })
      : problem.kind === 'skipped'
        ? t('import.skipped')
        : t('import.unreadable');
  return t('import.errorInFile', { file: problem.file, message });
}
