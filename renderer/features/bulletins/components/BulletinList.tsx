// The left side of the bulletins dialog: search, the digest of a period, and the list (newest first).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBulletins } from '../bulletins-context.js';

/** The previous calendar month, a sensible default period for a monthly digest. */
function lastMonth(today = new Date()): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export function BulletinList() {
  const { t } = useTranslation();
  const list = useBulletins((s) => s.list);
  const listLoaded = useBulletins((s) => s.listLoaded);
  const search = useBulletins((s) => s.search);
  const currentId = useBulletins((s) => s.current?.bulletin.id ?? null);
  const busy = useBulletins((s) => s.busy);
  const searchChanged = useBulletins((s) => s.searchChanged);
  const bulletinOpened = useBulletins((s) => s.bulletinOpened);
  const bulletinCreateRequested = useBulletins((s) => s.bulletinCreateRequested);
  const [period, setPeriod] = useState(lastMonth);

  function onDigest(event: FormEvent) {
    event.preventDefault();
    void bulletinCreateRequested({ template: 'digest', period });
  }

  return (
    <div className="bulletin-side">
      <input
        type="search"
        className="search"
        aria-label={t('bulletins.search')}
        placeholder={t('bulletins.searchPlaceholder')}
        value={search}
        maxLength={200}
        onChange={(e) => void searchChanged(e.target.value)}
      />
      <form className="bulletin-digest" onSubmit={onDigest} aria-label={t('bulletins.digest')}>
        <span className="bulletin-digest-title">{t('bulletins.digest')}</span>
        <label>
          {t('bulletins.from')}
          <input type="date" required value={period.from} max={period.to} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
        </label>
        <label>
          {t('bulletins.to')}
          <input type="date" required value={period.to} min={period.from} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
        </label>
        <button type="submit" className="button" disabled={busy !== null}>
          {t('bulletins.createDigest')}
        </button>
      </form>
      {!listLoaded ? (
        <p className="muted">{t('bulletins.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted">{search.trim() ? t('bulletins.noMatch') : t('bulletins.empty')}</p>
      ) : (
        <ul className="bulletin-list" aria-label={t('bulletins.listLabel')}>
          {list.map((b) => (
            <li key={b.id}>
              <button
                type="button"
                className={`bulletin-row${b.id === currentId ? ' bulletin-row--current' : ''}`}
                aria-current={b.id === currentId ? 'true' : undefined}
                onClick={() => void bulletinOpened(b.id)}
              >
                <span className="bulletin-row-head">
                  <span className="bulletin-number">
                    {b.number}
                    {b.version > 1 && ` ${t('bulletins.version', { version: b.version })}`}
                  </span>
                  <span className={`bulletin-state bulletin-state--${b.state}`}>{t(`bulletins.state.${b.state}`)}</span>
                </span>
                <bdi className="bulletin-row-title">{b.title}</bdi>
                <span className="muted bulletin-row-meta">
                  {b.date} · {t(`bulletins.template.${b.template}`)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
