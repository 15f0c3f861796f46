// The source address as plain text (never a live link: imported addresses are hostile) and a button that
// opens it in the browser after the officer confirms exactly which address.
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board-context.js';

export function SourceLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const sourceLinkOpened = useBoard((s) => s.sourceLinkOpened);
  function open() {
    if (window.confirm(t('detail.confirmOpen', { url }))) void sourceLinkOpened(url);
  }
  return (
    <div className="source-link">
      <p className="source-url">
        <bdi>{url}</bdi>
      </p>
      <button type="button" className="button" onClick={open}>
        {t('detail.openInBrowser')}
      </button>
    </div>
  );
}
