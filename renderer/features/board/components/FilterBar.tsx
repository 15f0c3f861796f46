// The filter bar under the header: kinds, categories, severities, statuses and sources (several values
// each, MultiSelectFilter; tags are any of those tags.list names), date range, APPI, relevance and 続報あり,
// combined freely (each narrows the board and the table), the filters in force as removable chips with
// 「条件をクリア」 (FilterChips), the sort, saved views and the board/table switch.
import { useTranslation } from 'react-i18next';
import type { BoardFilter, BoardSort } from '../../../../shared/domain/board-query.js';
import { CATEGORIES, KINDS, SEVERITIES, STATUSES } from '../../../../shared/domain/vocabulary.js';
import { useBoard } from '../board-context.js';
import { selectMode, selectQuery } from '../board-selectors.js';
import { FilterChips } from './FilterChips.js';
import { MultiSelectFilter } from './MultiSelectFilter.js';
import { SavedViews } from './SavedViews.js';

/** Each control is named by aria-label: the wrapping label alone would also take in the chosen option's text. */
const RELEVANCE_STEPS = [20, 40, 60, 80] as const;
const SORTS: { sort: BoardSort; label: 'search.sortRelevance' | 'search.sortNewest' | 'search.sortOldest' }[] = [
  { sort: 'relevance', label: 'search.sortRelevance' },
  { sort: 'date_desc', label: 'search.sortNewest' },
  { sort: 'date_asc', label: 'search.sortOldest' },
];

/** '' is "any" in the yes/no selects. */
function yesNo(value: boolean | null): string {
  return value === null ? '' : String(value);
}

function parseYesNo(value: string): boolean | null {
  return value === '' ? null : value === 'true';
}

export function FilterBar() {
  const { t } = useTranslation();
  const query = useBoard(selectQuery);
  const mode = useBoard(selectMode);
  const matching = useBoard((s) => (s.mode === 'table' ? s.table.matching : s.matching));
  const total = useBoard((s) => s.total);
  const loading = useBoard((s) => (s.mode === 'table' ? s.table.loading : s.loading));
  const sources = useBoard((s) => s.sources);
  const filtersChanged = useBoard((s) => s.filtersChanged);
  const sourcesRequested = useBoard((s) => s.sourcesRequested);
  const tagChoices = useBoard((s) => s.tagChoices);
  const tagChoicesRequested = useBoard((s) => s.tagChoicesRequested);
  const sortChanged = useBoard((s) => s.sortChanged);
  const modeChanged = useBoard((s) => s.modeChanged);

  const change = (patch: Partial<BoardFilter>) => void filtersChanged(patch);
  const field = (active: boolean) => `filter-field${active ? ' filter-active' : ''}`;
  const unknown = { value: null, label: t('search.unknown') };

  return (
    <div className="filter-bar" role="search" aria-label={t('search.filters')}>
      <MultiSelectFilter
        label={t('search.kind')}
        options={[...KINDS.map((kind) => ({ value: kind, label: t(`vocab.kind.${kind}`) })), unknown]}
        selected={query.kinds}
        onChange={(kinds) => change({ kinds })}
      />
      <MultiSelectFilter
        label={t('search.category')}
        options={[...CATEGORIES.map((category) => ({ value: category, label: t(`vocab.category.${category}`) })), unknown]}
        selected={query.categories}
        onChange={(categories) => change({ categories })}
      />
      <MultiSelectFilter
        label={t('search.severity')}
        options={[...SEVERITIES.map((severity) => ({ value: severity, label: t(`vocab.severity.${severity}`) })), unknown]}
        selected={query.severities}
        onChange={(severities) => change({ severities })}
      />
      <MultiSelectFilter
        label={t('search.status')}
        options={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        selected={query.statuses}
        onChange={(statuses) => change({ statuses })}
      />
      <MultiSelectFilter
        label={t('search.source')}
        options={sources.map((source) => ({ value: source.name, label: source.name, count: source.count }))}
        selected={query.sourceNames}
        onChange={(sourceNames) => change({ sourceNames })}
        onOpen={() => void sourcesRequested()}
        emptyText={t('search.filter.sourcesEmpty')}
      />
      <label className={field(query.publishedFrom !== null)}>
        <span>{t('search.from')}</span>
        <input
          type="date"
          aria-label={t('search.from')}
          value={query.publishedFrom ?? ''}
          onChange={(e) => change({ publishedFrom: e.target.value || null })}
        />
      </label>
      <label className={field(query.publishedTo !== null)}>
        <span>{t('search.to')}</span>
        <input
          type="date"
          aria-label={t('search.to')}
          value={query.publishedTo ?? ''}
          onChange={(e) => change({ publishedTo: e.target.value || null })}
        />
      </label>
      <label className={field(query.appiReportable !== null)}>
        <span>{t('search.appi')}</span>
        <select
          aria-label={t('search.appi')}
          value={yesNo(query.appiReportable)}
          onChange={(e) => change({ appiReportable: parseYesNo(e.target.value) })}
        >
          <option value="">{t('search.any')}</option>
          <option value="true">{t('search.appiYes')}</option>
          <option value="false">{t('search.appiNo')}</option>
        </select>
      </label>
      <label className={field(query.relevanceMin !== null)}>
        <span>{t('search.relevanceMin')}</span>
        <select
          aria-label={t('search.relevanceMin')}
          value={query.relevanceMin === null ? '' : String(query.relevanceMin)}
          onChange={(e) => change({ relevanceMin: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">{t('search.relevanceAny')}</option>
          {/* A value from a saved view or the address that is not a step still shows. */}
          {[...new Set([...RELEVANCE_STEPS, ...(query.relevanceMin === null ? [] : [query.relevanceMin])])]
            .sort((a, b) => a - b)
            .map((value) => (
              <option key={value} value={value}>
                {t('search.relevanceAtLeast', { value })}
              </option>
            ))}
        </select>
      </label>
      <label className={field(query.hasFollowUps !== null)}>
        <span>{t('search.filter.followUps')}</span>
        <select aria-label={t('search.filter.followUps')} value={yesNo(query.hasFollowUps)} onChange={(e) => change({ hasFollowUps: parseYesNo(e.target.value) })}>
          <option value="">{t('search.any')}</option>
          <option value="true">{t('search.filter.followUpsYes')}</option>
          <option value="false">{t('search.filter.followUpsNo')}</option>
        </select>
      </label>
      <MultiSelectFilter
        label={t('search.filter.tags')}
        options={tagChoices.map((choice) => ({ value: choice.tag, label: choice.tag, count: choice.count }))}
        selected={query.tags}
        onChange={(tags) => change({ tags })}
        onOpen={() => void tagChoicesRequested()}
        emptyText={t('search.filter.tagsEmpty')}
      />
      <div className="filter-field">
        <span id="sort-label">{t('search.sort')}</span>
        <div className="segmented" role="group" aria-labelledby="sort-label">
          {SORTS.map(({ sort, label }) => (
            <button key={sort} type="button" aria-pressed={query.sort === sort} onClick={() => void sortChanged(sort)}>
              {t(label)}
            </button>
          ))}
        </div>
      </div>
      <SavedViews />
      <div className="filter-field">
        <span id="mode-label">{t('search.mode')}</span>
        <div className="segmented" role="group" aria-labelledby="mode-label">
          <button type="button" aria-pressed={mode === 'board'} onClick={() => void modeChanged('board')}>
            {t('search.modeBoard')}
          </button>
          <button type="button" aria-pressed={mode === 'table'} onClick={() => void modeChanged('table')}>
            {t('search.modeTable')}
          </button>
        </div>
      </div>
      <span className="filter-summary" aria-live="polite" aria-busy={loading} data-testid="matching">
        {t('search.matching', { matching: matching.toLocaleString(), total: total.toLocaleString() })}
      </span>
      <FilterChips />
    </div>
  );
}
