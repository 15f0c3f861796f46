// Saved views: pick one to apply its filters, or name the current filters and save them. Kept by main in
// the settings table (views.* channels).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board-context.js';
import { selectCurrentViewName, selectViews } from '../board-selectors.js';

export function SavedViews() {
  const { t } = useTranslation();
  const views = useBoard(selectViews);
  const viewsRequested = useBoard((s) => s.viewsRequested);
  const viewApplied = useBoard((s) => s.viewApplied);
  const viewSaved = useBoard((s) => s.viewSaved);
  const viewDeleted = useBoard((s) => s.viewDeleted);
  // The menu names the view only while the board still shows it: a changed filter is no longer that view.
  const chosen = useBoard(selectCurrentViewName) ?? '';
  const [name, setName] = useState('');

  useEffect(() => {
    void viewsRequested();
  }, [viewsRequested]);

  async function save() {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (await viewSaved(trimmed)) setName('');
  }

  return (
    <>
      <label className="filter-field">
        <span>{t('search.views')}</span>
        <select
          aria-label={t('search.views')}
          value={chosen}
          onChange={(e) => {
            if (e.target.value) void viewApplied(e.target.value);
          }}
        >
          <option value="">{t('search.viewsNone')}</option>
          {views.map((view) => (
            <option key={view.name} value={view.name}>
              {view.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <button type="button" className="button button--quiet" onClick={() => void viewDeleted(chosen)}>
          {t('search.deleteView')}
        </button>
      )}
      <form
        className="filter-field"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <span>{t('search.viewName')}</span>
        <span className="view-save">
          <input type="text" value={name} maxLength={80} aria-label={t('search.viewName')} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button" disabled={!name.trim()}>
            {t('search.saveView')}
          </button>
        </span>
      </form>
    </>
  );
}
