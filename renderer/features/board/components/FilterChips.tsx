// The filters in force as removable chips under the filter bar, and 「条件をクリア」 for all of them (the
// text too; the sort stays). Nothing shows while the board is not narrowed.
import { useTranslation } from 'react-i18next';
import { activeFilters } from '../active-filters.js';
import { useBoard } from '../board-context.js';
import { selectIsNarrowed, selectQuery } from '../board-selectors.js';

export function FilterChips() {
  const { t } = useTranslation();
  const query = useBoard(selectQuery);
  const narrowed = useBoard(selectIsNarrowed);
  const filtersChanged = useBoard((s) => s.filtersChanged);
  const filtersCleared = useBoard((s) => s.filtersCleared);
  if (!narrowed) return null;
  const chips = activeFilters(query, t);
  return (
    <div className="filter-chips" role="group" aria-label={t('search.filter.active')}>
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          className="filter-chip"
          aria-label={t('search.filter.remove', { label: chip.label })}
          onClick={() => void filtersChanged(chip.removal)}
        >
          <span>{chip.label}</span>
          <span aria-hidden="true" className="filter-chip-x">
            ×
          </span>
        </button>
      ))}
      <button type="button" className="button button--quiet" onClick={() => void filtersCleared()}>
        {t('search.clear')}
      </button>
    </div>
  );
}
