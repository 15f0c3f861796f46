// The sticky header row of the table: a sort button per column (aria-sort says which sorts, and how) and
// a resize handle on each column's right edge.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableColumn, TableSort } from '../../../../shared/domain/board-query.js';
import { ColumnResizer } from './ColumnResizer.js';

export interface TableHeaderColumn {
  column: TableColumn;
  className: string;
  /** Width before the officer changes it, in CSS pixels. */
  width: number;
}

interface Props {
  ref?: Ref<HTMLTableSectionElement>;
  columns: readonly TableHeaderColumn[];
  widths: Readonly<Record<string, number>>;
  sort: TableSort;
  onSort: (column: TableColumn) => void;
  onResize: (column: TableColumn, width: number, persist: boolean) => void;
  onFit: (column: TableColumn) => void;
}

export function TableHeader({ ref, columns, widths, sort, onSort, onResize, onFit }: Props) {
  const { t } = useTranslation();
  const headerLabel = (column: TableColumn) => t(`search.table.${column as Exclude<TableColumn, 'sourceName'>}`);
  return (
    <thead ref={ref}>
      <tr role="row" aria-rowindex={1}>
        {columns.map(({ column, className }) => {
          const active = sort.column === column;
          const label = headerLabel(column);
          return (
            <th
              key={column}
              role="columnheader"
              className={className}
              scope="col"
              data-column={column}
              aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" onClick={() => onSort(column)}>
                <span className="cell-text">
                  {label}
                  {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </span>
              </button>
              <ColumnResizer
                label={t('search.table.resize', { column: label })}
                width={widths[column] ?? 0}
                onResize={(width, persist) => onResize(column, width, persist)}
                onFit={() => onFit(column)}
              />
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
