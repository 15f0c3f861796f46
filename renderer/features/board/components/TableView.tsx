// The table view beside the board: every matching item in one scrolling grid, sortable by its columns
// (sorted in SQL by main: queryTable). The row count comes from SQL; only the rows in view (and a few
// around them) are in the DOM, fetched in windows by offset as the grid scrolls (table-windows.ts). Same
// filters as the board. Cells render item text as text only.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, TableColumn } from '../../../../shared/domain/board-query.js';
import { formatDay } from '../../../components/format-date.js';
import { useBoard } from '../board-context.js';
import { selectTable } from '../board-selectors.js';
import { rowAt } from '../table-windows.js';
import { observeRectWithFallback } from '../virtual-rect.js';
import { FactBadges } from './FactBadges.js';
import { Highlighted } from './Highlighted.js';
import { TableHeader, type TableHeaderColumn } from './TableHeader.js';
import { useColumnWidths } from './use-column-widths.js';
import { useRowPicking } from './use-row-picking.js';
import './virtual.css';

/** Fixed row height: one line per row (long titles end in …), so offsets need no measuring. */
export const TABLE_ROW_HEIGHT = 34;
/** Rows rendered beyond each edge of the view, so a short scroll shows rows at once. */
const OVERSCAN = 10;

const COLUMNS: TableHeaderColumn[] = [
  { column: 'title', className: 'col-title', width: 380 },
  { column: 'organization', className: 'col-org', width: 180 },
  { column: 'publishedAt', className: 'col-date', width: 110 },
  { column: 'kind', className: 'col-kind', width: 130 },
  { column: 'category', className: 'col-category', width: 150 },
  { column: 'severity', className: 'col-severity', width: 100 },
  { column: 'status', className: 'col-status', width: 90 },
];

/** What one cell shows: item text as text (never HTML), vocabulary through the translations. */
function CellContent({ column, row }: { column: TableColumn; row: BoardCard }) {
  const { t } = useTranslation();
  switch (column) {
    case 'title':
      return (
        <bdi>
          <Highlighted segments={row.highlights?.title} text={row.title} />
        </bdi>
      );
    case 'organization':
      return row.organization ? (
        <bdi>
          <Highlighted segments={row.highlights?.organization} text={row.organization} />
        </bdi>
      ) : (
        t('card.noOrganization')
      );
    case 'publishedAt':
      return formatDay(row.publishedAt) ?? t('card.noDate');
    case 'kind':
      return row.kind ? t(`vocab.kind.${row.kind}`) : '';
    case 'category':
      return row.category ? t(`vocab.category.${row.category}`) : '';
    case 'severity':
      return <FactBadges card={{ severity: row.severity }} withRelevance={false} />;
    case 'status':
      return t(`status.${row.status}`);
    case 'sourceName':
      return row.sourceName ?? '';
  }
}

export function TableView() {
  const { t } = useTranslation();
  const table = useBoard(selectTable);
  const tableSortChanged = useBoard((s) => s.tableSortChanged);
  const tableRowsShown = useBoard((s) => s.tableRowsShown);
  const cardOpened = useBoard((s) => s.cardOpened);
  const { windows, matching, sort, generation } = table;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLTableSectionElement>(null);
  const [headerHeight, setHeaderHeight] = useState(TABLE_ROW_HEIGHT);
  const { widths, widthChanged, widthFitted } = useColumnWidths(COLUMNS, scrollRef);
  const picking = useRowPicking(windows);
  // Roving tabindex: one row is in the Tab order, the arrows move between rows (even ones not rendered yet).
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // The row in the Tab order stays rendered when scrolled away, so Tab still reaches the grid.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex < range.count && !indexes.includes(activeIndex) ? [...indexes, activeIndex].sort((a, b) => a - b) : indexes;
    },
    [activeIndex],
  );
  const virtualizer = useVirtualizer({
    count: matching,
    rangeExtractor,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => TABLE_ROW_HEIGHT,
    overscan: OVERSCAN,
    // Rows start below the sticky header, which also covers the top of the scrollport.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    observeElementRect: observeRectWithFallback,
  });
  const items = virtualizer.getVirtualItems();
  // The rows in view (not the pinned row, nor the overscan), and the rows to fetch around them.
  const first = virtualizer.range?.startIndex ?? 0;
  const last = virtualizer.range?.endIndex ?? 0;
  const fetchFirst = Math.max(0, first - OVERSCAN);
  const fetchLast = Math.min(Math.max(0, matching - 1), last + OVERSCAN);

  useLayoutEffect(() => {
    const height = headerRef.current?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - headerHeight) > 0.5) setHeaderHeight(height);
  });

  useEffect(() => {
    void tableRowsShown(fetchFirst, fetchLast);
  }, [fetchFirst, fetchLast, generation, tableRowsShown]);

  // A new query or sort is a new result: back to its top.
  useEffect(() => {
    setActiveIndex(0);
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [generation]);

  // A row asked for from the keyboard is focused once the virtualizer has rendered it.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[aria-rowindex="${index + 2}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(matching - 1, index));
    pendingFocus.current = target;
    setActiveIndex(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number, row: BoardCard | undefined) {
    if (row && picking.onKeyDown(event, index, row)) return;
    const page = Math.max(1, last - first);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: matching - 1,
    };
    if (event.key === 'Enter' && row) {
      event.preventDefault();
      void cardOpened(row.id);
    } else if (event.key in moves && !event.altKey) {
      event.preventDefault();
      focusRow(moves[event.key] ?? index);
    }
  }

  const template = COLUMNS.map(({ column }) => `${widths[column]}px`).join(' ');
  const totalWidth = COLUMNS.reduce((sum, { column }) => sum + (widths[column] ?? 0), 0);

  return (
    <section className="table-view" aria-label={t('search.table.label')} aria-busy={table.loading}>
      <div className="table-scroll" ref={scrollRef}>
        <table
          role="grid"
          className="items-table"
          aria-label={t('search.table.label')}
          aria-rowcount={matching + 1}
          aria-colcount={COLUMNS.length}
          style={{ width: totalWidth, ['--table-columns' as string]: template }}
        >
          <TableHeader
            ref={headerRef}
            columns={COLUMNS}
            widths={widths}
            sort={sort}
            onSort={(column: TableColumn) => void tableSortChanged(column)}
            onResize={widthChanged}
            onFit={widthFitted}
          />
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rowAt(windows, item.index);
              return (
                <tr
                  key={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy={row ? undefined : true}
                  tabIndex={item.index === activeIndex ? 0 : -1}
                  data-item-id={row?.id}
                  aria-selected={row ? picking.isPicked(row.id) : undefined}
                  className={row ? (picking.isPicked(row.id) ? 'row--picked' : undefined) : 'row-placeholder'}
                  style={{ transform: `translateY(${item.start - headerHeight}px)` }}
                  onClick={(event) => {
                    setActiveIndex(item.index);
                    if (row && picking.onClick(event, item.index, row)) return;
                    if (row) void cardOpened(row.id);
                  }}
                  onFocus={() => setActiveIndex(item.index)}
                  onMouseDown={picking.onMouseDown}
                  onKeyDown={(event) => onRowKeyDown(event, item.index, row)}
                >
                  {row ? (
                    <RowCells row={row} />
                  ) : (
                    <td role="gridcell" className="cell-loading" aria-colspan={COLUMNS.length}>
                      {t('search.table.loadingRow')}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {table.loaded && matching === 0 && <p className="column-empty">{t('search.table.empty')}</p>}
      </div>
      <div className="table-pager" aria-live="polite">
        <span>
          {t('search.table.range', {
            from: matching === 0 ? 0 : (first + 1).toLocaleString(),
            to: Math.min(last + 1, matching).toLocaleString(),
            matching: matching.toLocaleString(),
          })}
        </span>
      </div>
    </section>
  );
}

/** One cell per column, its text in a span that use-column-widths measures to fit the column. */
function RowCells({ row }: { row: BoardCard }) {
  return (
    <>
      {COLUMNS.map(({ column, className }) => (
        <td key={column} role="gridcell" className={className} data-column={column}>
          <span className="cell-text">
            <CellContent column={column} row={row} />
          </span>
        </td>
      ))}
    </>
  );
}
