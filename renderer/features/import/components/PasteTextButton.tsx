// 「テキストを貼り付け」 (or p): opens the dialog where the officer pastes text copied from a news site.
import { useTranslation } from 'react-i18next';
import { useImport } from '../import-context.js';
import { selectBusy, selectPasteOpen } from '../import-selectors.js';

export function PasteTextButton() {
  const { t } = useTranslation();
  const busy = useImport(selectBusy);
  const open = useImport(selectPasteOpen);
  const pasteOpened = useImport((s) => s.pasteOpened);
  // Not disabled while an import runs: the dialog hands the focus back here after 取り込む, and a disabled
  // button cannot take it. aria-disabled says it does nothing meanwhile; the store ignores the click.
  return (
    <button
      type="button"
      className="button"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-keyshortcuts="p"
      aria-disabled={busy}
      onClick={pasteOpened}
    >
      {t('paste.button')}
    </button>
  );
}
