// The filters in force as a flat list of chips, each with its own label and the change that removes
// just it (one value of a list, or the whole of a single-valued filter). The search text has its own box
// and is not a chip.
import type { TFunction } from 'i18next';
import type { BoardFilter } from '../../../shared/domain/board-query.js';

export interface ActiveFilter {
  /** Stable across renders (a React key). */
  key: string;
  /** What the chip reads, e.g. 「種別: インシデント」. */
  label: string;
  /** Applied with filtersChanged: takes this value (and only it) out of the query. */
  removal: Partial<BoardFilter>;
}

function listChips<T>(
  name: string,
  field: keyof BoardFilter,
  values: readonly T[],
  label: (value: T) => string,
): ActiveFilter[] {
  return values.map((value) => ({
    key: `${String(field)}:${String(value)}`,
    label: `${name}: ${label(value)}`,
    removal: { [field]: values.filter((v) => v !== value) } as Partial<BoardFilter>,
  }));
}

export function activeFilters(query: BoardFilter, t: TFunction): ActiveFilter[] {
  const unknown = t('search.unknown');
  const chips: ActiveFilter[] = [
    ...listChips(t('search.kind'), 'kinds', query.kinds, (v) => (v === null ? unknown : t(`vocab.kind.${v}`))),
    ...listChips(t('search.category'), 'categories', query.categories, (v) => (v === null ? unknown : t(`vocab.category.${v}`))),
    ...listChips(t('search.severity'), 'severities', query.severities, (v) => (v === null ? unknown : t(`vocab.severity.${v}`))),
    ...listChips(t('search.status'), 'statuses', query.statuses, (v) => t(`status.${v}`)),
    ...listChips(t('search.source'), 'sourceNames', query.sourceNames, (v) => v),
    ...listChips(t('search.filter.tags'), 'tags', query.tags, (v) => v),
  ];
  if (query.relevanceMin !== null) {
    chips.push({ key: 'relevanceMin', label: `${t('search.relevanceMin')}: ${t('search.relevanceAtLeast', { value: query.relevanceMin })}`, removal: { relevanceMin: null } });
  }
  if (query.publishedFrom !== null) chips.push({ key: 'publishedFrom', label: t('search.filter.dateFrom', { date: query.publishedFrom }), removal: { publishedFrom: null } });
  if (query.publishedTo !== null) chips.push({ key: 'publishedTo', label: t('search.filter.dateTo', { date: query.publishedTo }), removal: { publishedTo: null } });
  if (query.appiReportable !== null) {
    chips.push({
      key: 'appiReportable',
      label: `${t('search.appi')}: ${t(query.appiReportable ? 'search.appiYes' : 'search.appiNo')}`,
      removal: { appiReportable: null },
    });
  }
  if (query.hasFollowUps !== null) {
    chips.push({ key: 'hasFollowUps', label: t(query.hasFollowUps ? 'search.filter.followUpsYes' : 'search.filter.followUpsNo'), removal: { hasFollowUps: null } });
  }
  return chips;
}
