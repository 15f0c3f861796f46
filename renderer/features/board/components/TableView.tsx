// The table view beside the board: every matching item in one list, sortable by its columns, one page of
// TABLE_PAGE_SIZE rows at a time (paged and sorted in SQL by main: queryTable). Same filters as the board.
import { useTranslation } from 'react-i18next';
import type { TableColumn } from '../../../../shared/domain/board-query.js';
import { formatDay } from '../../../components/format-date.js';
import { useBoard } from '../board-context.js';
import { selectTable } from '../board-selectors.js';
import { TABLE_PAGE_SIZE } from '../board-store.js';
import { FactBadges } from './FactBadges.js';
import { Highlighted } from './Highlighted.js';

const COLUMNS: { column: TableColumn; className: string }[] = [
  { column: 'title', className: 'col-title' },
  { column: 'organization', className: 'col-org' },
  { column: 'publishedAt', className: 'col-date' },
  { column: 'kind', className: 'col-kind' },
  { column: 'category', className: 'col-category' },
  { column: 'severity', className: 'col-severity' },
  { column: 'status', className: 'col-status' },
];

export function TableView() {
  const { t } = useTranslation();
  const table = useBoard(selectTable);
  const tableSortChanged = useBoard((s) => s.tableSortChanged);
  const tablePageChanged = useBoard((s) => s.tablePageChanged);
  const cardOpened = useBoard((s) => s.cardOpened);
  const { rows, matching, offset, sort } = table;
  const headerLabel = (column: TableColumn) => t(`search.table.${column as Exclude<TableColumn, 'sourceName'>}`);

  return (
    <section className="table-view" aria-label={t('search.table.label')} aria-busy={table.loading}>
      <div className="table-scroll">
        <table className="items-table">
          <thead>
            <tr>
              {COLUMNS.map(({ column, className }) => {
                const active = sort.column === column;
                return (
                  <th
                    key={column}
                    className={className}
                    scope="col"
                    aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" onClick={() => void tableSortChanged(column)}>
                      {headerLabel(column)}
                      {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                tabIndex={0}
                data-item-id={row.id}
                onClick={() => void cardOpened(row.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') void cardOpened(row.id);
                }}
              >
                <td className="col-title">
                  <bdi>
                    <Highlighted segments={row.highlights?.title} text={row.title} />
                  </bdi>
                </td>
                <td className="col-org">
                  {row.organization ? (
                    <bdi>
                      <Highlighted segments={row.highlights?.organization} text={row.organization} />
                    </bdi>
                  ) : (
                    t('card.noOrganization')
                  )}
                </td>
                <td className="col-date">{formatDay(row.publishedAt) ?? t('card.noDate')}</td>
                <td className="col-kind">{row.kind ? t(`vocab.kind.${row.kind}`) : ''}</td>
                <td className="col-category">{row.category ? t(`vocab.category.${row.category}`) : ''}</td>
                <td className="col-severity">
                  <FactBadges card={{ severity: row.severity }} withRelevance={false} />
                </td>
                <td className="col-status">{t(`status.${row.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {table.loaded && rows.length === 0 && <p className="column-empty">{t('search.table.empty')}</p>}
      </div>
      <div className="table-pager">
        <button type="button" className="button" disabled={offset === 0} onClick={() => void tablePageChanged(offset - TABLE_PAGE_SIZE)}>
          {t('search.table.previous')}
        </button>
        <span>
          {t('search.table.range', {
            from: matching === 0 ? 0 : offset + 1,
            to: Math.min(offset + rows.length, matching),
            matching: matching.toLocaleString(),
          })}
        </span>
        <button
          type="button"
          className="button"
          disabled={offset + TABLE_PAGE_SIZE >= matching}
          onClick={() => void tablePageChanged(offset + TABLE_PAGE_SIZE)}
        >
          {t('search.table.next')}
        </button>
      </div>
    </section>
  );
}
