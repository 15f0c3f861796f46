// Every recorded change of the open bulletin (created, edited from → to, approved, issued…), oldest first.
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../../components/format-date.js';
import { useBulletins } from '../bulletins-context.js';

export function BulletinHistory() {
  const { t } = useTranslation();
  const changes = useBulletins((s) => s.current?.changes ?? []);
  const issued = useBulletins((s) => s.current?.issued ?? null);
  return (
    <details className="bulletin-history">
      <summary>{t('bulletins.history')}</summary>
      {issued && (
        <p className="muted">
          {t('bulletins.issuedBy', { at: formatTimestamp(issued.issuedAt), by: issued.issuedBy })} · HTML SHA-256 {issued.htmlSha256.slice(0, 12)}…
        </p>
      )}
      <ol>
        {changes.map((c) => (
          <li key={c.id}>
            <time dateTime={c.changedAt}>{formatTimestamp(c.changedAt)}</time> {t(`bulletins.action.${c.action}`)} — <bdi>{c.changedBy}</bdi>
            {c.action === 'edited' && <span className="muted"> ({Object.keys(c.detail).join(', ')})</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
