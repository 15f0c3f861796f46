// The filter bar under the header: kind, category, severity, status, source, date range, APPI and
// relevance, combined freely (each narrows the board and the table), "clear", the sort, saved views and
// the board/table switch. Each control shows one value; the model takes lists (a saved view or the
// address can carry several), and a list of several shows here as its first value.
import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardFilter, BoardSort } from '../../../../shared/domain/board-query.js';
import { CATEGORIES, KINDS, SEVERITIES, STATUSES } from '../../../../shared/domain/vocabulary.js';
import { useBoard } from '../board-context.js';
import { selectIsNarrowed, selectMode, selectQuery } from '../board-selectors.js';
import { SavedViews } from './SavedViews.js';

/** '' is "any", '∅' is "not known yet" (null in the model). Each control is named by aria-label: the
 * wrapping label alone would also take in the chosen option's text ("種別 すべて"). */
const UNKNOWN = '∅';
const RELEVANCE_STEPS = [20, 40, 60, 80] as const;
const SORTS: { sort: BoardSort; label: 'search.sortRelevance' | 'search.sortNewest' | 'search.sortOldest' }[] = [
  { sort: 'relevance', label: 'search.sortRelevance' },
  { sort: 'date_desc', label: 'search.sortNewest' },
  { sort: 'date_asc', label: 'search.sortOldest' },
];

function selected<T extends string | number>(values: readonly (T | null)[]): string {
  if (values.length === 0) return '';
  const first = values[0];
  return first === null || first === undefined ? UNKNOWN : String(first);
}

function listOf<T>(value: string, parse: (v: string) => T): (T | null)[] {
  if (value === '') return [];
  return [value === UNKNOWN ? null : parse(value)];
}

export function FilterBar() {
  const { t } = useTranslation();
  const query = useBoard(selectQuery);
  const mode = useBoard(selectMode);
  const narrowed = useBoard(selectIsNarrowed);
  const matching = useBoard((s) => (s.mode === 'table' ? s.table.matching : s.matching));
  const total = useBoard((s) => s.total);
  const loading = useBoard((s) => (s.mode === 'table' ? s.table.loading : s.loading));
  const filtersChanged = useBoard((s) => s.filtersChanged);
  const filtersCleared = useBoard((s) => s.filtersCleared);
  const sortChanged = useBoard((s) => s.sortChanged);
  const modeChanged = useBoard((s) => s.modeChanged);
  // The source is typed: it is applied when the field is left or Enter is pressed, not on every key.
  const [source, setSource] = useState(query.sourceNames[0] ?? '');
  useEffect(() => setSource(query.sourceNames[0] ?? ''), [query.sourceNames]);

  const change = (patch: Partial<BoardFilter>) => void filtersChanged(patch);
  const field = (active: boolean) => `filter-field${active ? ' filter-active' : ''}`;
  const applySource = () => {
    const name = source.trim();
    if (name !== (query.sourceNames[0] ?? '')) change({ sourceNames: name ? [name] : [] });
  };

  return (
    <div className="filter-bar" role="search" aria-label={t('search.filters')}>
      <label className={field(query.kinds.length > 0)}>
        <span>{t('search.kind')}</span>
        <select
          aria-label={t('search.kind')}
          value={selected(query.kinds)}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => change({ kinds: listOf(e.target.value, (v) => v as (typeof KINDS)[number]) })}
        >
          <option value="">{t('search.any')}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`vocab.kind.${kind}`)}
            </option>
          ))}
          <option value={UNKNOWN}>{t('search.unknown')}</option>
        </select>
      </label>
      <label className={field(query.categories.length > 0)}>
        <span>{t('search.category')}</span>
        <select
          aria-label={t('search.category')}
          value={selected(query.categories)}
          onChange={(e) => change({ categories: listOf(e.target.value, (v) => v as (typeof CATEGORIES)[number]) })}
        >
          <option value="">{t('search.any')}</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`vocab.category.${category}`)}
            </option>
          ))}
          <option value={UNKNOWN}>{t('search.unknown')}</option>
        </select>
      </label>
      <label className={field(query.severities.length > 0)}>
        <span>{t('search.severity')}</span>
        <select
          aria-label={t('search.severity')}
          value={selected(query.severities)}
          onChange={(e) => change({ severities: listOf(e.target.value, (v) => Number(v) as (typeof SEVERITIES)[number]) })}
        >
          <option value="">{t('search.any')}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`vocab.severity.${severity}`)}
            </option>
          ))}
          <option value={UNKNOWN}>{t('search.unknown')}</option>
        </select>
      </label>
      <label className={field(query.statuses.length > 0)}>
        <span>{t('search.status')}</span>
        <select
          aria-label={t('search.status')}
          value={query.statuses[0] ?? ''}
          onChange={(e) => change({ statuses: e.target.value ? [e.target.value as (typeof STATUSES)[number]] : [] })}
        >
          <option value="">{t('search.any')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={field(query.sourceNames.length > 0)}>
        <span>{t('search.source')}</span>
        <input
          aria-label={t('search.source')}
          type="text"
          value={source}
          maxLength={200}
          placeholder={t('search.sourcePlaceholder')}
          onChange={(e) => setSource(e.target.value)}
          onBlur={applySource}
          onKeyDown={(e) => {
            if (e.key === 'Enter') applySource();
          }}
        />
      </label>
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
          value={query.appiReportable === null ? '' : String(query.appiReportable)}
          onChange={(e) => change({ appiReportable: e.target.value === '' ? null : e.target.value === 'true' })}
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
      <button type="button" className="button button--quiet" disabled={!narrowed} onClick={() => void filtersCleared()}>
        {t('search.clear')}
      </button>
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
    </div>
  );
}
