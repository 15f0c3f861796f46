// Errors of the board and of imports, announced as alerts, each dismissible.
import { useTranslation } from 'react-i18next';
import { ISOLATED, WithIsolated } from '../components/WithIsolated.js';
import { useBoard } from '../features/board/board-context.js';
import { selectError } from '../features/board/board-selectors.js';
import type { BoardError } from '../features/board/board-store.js';
import { useImport } from '../features/import/import-context.js';

function BoardErrorText({ error }: { error: BoardError }) {
  const { t } = useTranslation();
  const { message } = error;
  switch (error.kind) {
    case 'move':
      return <WithIsolated template={t('app.moveFailed', { title: ISOLATED, message })} value={error.title ?? ''} />;
    case 'detail':
      return t('app.detailFailed', { message });
    case 'link':
      return t('app.linkFailed', { message });
    case 'correct':
      return t('facts.failed', { message });
    case 'views':
      return t('search.viewsFailed', { message });
    default:
      return t('app.loadFailed', { message });
  }
}

export function ErrorBanner() {
  const { t } = useTranslation();
  const boardError = useBoard(selectError);
  const boardErrorDismissed = useBoard((s) => s.errorDismissed);
  const importError = useImport((s) => s.error);
  const importErrorDismissed = useImport((s) => s.errorDismissed);
  return (
    <div className="alerts" role="alert">
      {boardError && (
        <div className="alert">
          <span>
            <BoardErrorText error={boardError} />
          </span>
          <button type="button" className="button button--quiet" onClick={boardErrorDismissed}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      {importError && (
        <div className="alert">
          <span>{t('app.importFailed', { message: importError })}</span>
          <button type="button" className="button button--quiet" onClick={importErrorDismissed}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
