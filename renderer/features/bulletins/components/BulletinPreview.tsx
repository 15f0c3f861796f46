// The printed page as main renders it, inside a frame that can never run it: `sandbox=""` (no scripts, no
// forms, no popups, an opaque origin, so nothing in it can reach this page or the api) and `srcdoc` (no
// URL to fetch). The HTML also carries its own CSP that refuses every load but inline styles and data: fonts.
import { useTranslation } from 'react-i18next';

export function BulletinPreview({ html }: { html: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="bulletin-preview" aria-label={t('bulletins.preview')}>
      {html === null ? (
        <p className="muted">{t('bulletins.previewLoading')}</p>
      ) : (
        <iframe className="bulletin-preview-frame" title={t('bulletins.preview')} sandbox="" srcDoc={html} referrerPolicy="no-referrer" />
      )}
    </section>
  );
}
