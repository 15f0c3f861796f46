// In the detail panel: the bulletins that covered this item ("SEC-2023-012 で周知") and the button that
// drafts a single notice from it. Rendered by the app into the board's panel, so the board never imports
// this feature.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBulletins } from '../bulletins-context.js';

export function ItemBulletins({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const coverage = useBulletins((s) => (s.coverage?.itemId === itemId ? s.coverage.entries : []));
  const busy = useBulletins((s) => s.busy);
  const itemCoverageRequested = useBulletins((s) => s.itemCoverageRequested);
  const bulletinCreateRequested = useBulletins((s) => s.bulletinCreateRequested);
  const bulletinOpened = useBulletins((s) => s.bulletinOpened);
  const bulletinsOpened = useBulletins((s) => s.bulletinsOpened);

  useEffect(() => {
    void itemCoverageRequested(itemId);
  }, [itemId, itemCoverageRequested]);

  return (
    <section className="detail-section item-bulletins" aria-label={t('bulletins.coverage')}>
      {coverage.length > 0 && (
        <ul className="item-bulletins-list">
          {coverage.map((c) => (
            <li key={c.bulletinId}>
              <button
                type="button"
                className={`link-button bulletin-state--${c.state}`}
                onClick={() => void bulletinsOpened().then(() => bulletinOpened(c.bulletinId))}
              >
                {t(c.state === 'issued' ? 'bulletins.coveredBy' : 'bulletins.coveredByDraft', {
                  number: c.version > 1 ? `${c.number} ${t('bulletins.version', { version: c.version })}` : c.number,
                })}
              </button>
              <span className="muted"> {c.date}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" disabled={busy !== null} onClick={() => void bulletinCreateRequested({ template: 'single', itemIds: [itemId] })}>
        {t('bulletins.createFromItem')}
      </button>
    </section>
  );
}
