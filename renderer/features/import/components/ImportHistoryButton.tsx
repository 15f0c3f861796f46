// 「取り込み履歴」 in the header (or h): opens the import history dialog.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportHistory } from '../import-history-context.js';

export function ImportHistoryButton({ ref }: { ref?: Ref<HTMLButtonElement> }) {
  const { t } = useTranslation();
  const open = useImportHistory((s) => s.open);
  const historyOpened = useImportHistory((s) => s.historyOpened);
  return (
    <button
      ref={ref}
      type="button"
      className="button button--quiet"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-keyshortcuts="h"
      onClick={() => void historyOpened()}
    >
      {t('history.button')}
    </button>
  );
}
