// Exports the history as CSV (a download): of one item in its detail, or of every item from the header.
import { useTranslation } from 'react-i18next';
import { useAnnotations } from '../annotations-context.js';

export function HistoryExportButton({ itemId }: { itemId?: number }) {
  const { t } = useTranslation();
  const historyExported = useAnnotations((s) => s.historyExported);
  const exporting = useAnnotations((s) => s.exporting);
  const label = itemId === undefined ? t('annotations.exportAll') : t('annotations.exportItem');
  return (
    <button
      type="button"
      className={itemId === undefined ? 'button button--quiet' : 'button'}
      title={itemId === undefined ? t('annotations.exportAllTitle') : undefined}
      aria-busy={exporting || undefined}
      disabled={exporting}
      onClick={() => void historyExported(itemId)}
    >
      {exporting ? t('annotations.exporting') : label}
    </button>
  );
}
