// 「デモデータを読み込む」: imports the bundled demo CSV, for a first look at the board.
import { useTranslation } from 'react-i18next';
import { useImport } from '../import-context.js';

export function DemoDataButton() {
  const { t } = useTranslation();
  const busy = useImport((s) => s.busy);
  const demoRequested = useImport((s) => s.demoRequested);
  return (
    <button type="button" className="button" onClick={() => void demoRequested()} disabled={busy} aria-busy={busy}>
      {t('import.demo')}
    </button>
  );
}
