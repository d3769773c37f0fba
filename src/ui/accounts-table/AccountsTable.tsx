import { useDeferredValue, useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { AccountTable } from '../../core/accounts/table';
import type { SortDir, SortKey } from '../../core/query/sort';
import { useTableRows } from './use-table-rows';
import { formatNumber } from '../format';
import { useDebouncedValue } from '../search/useDebouncedValue';
import { COLUMNS, GRID_TEMPLATE, type Column } from './columns';
import { useScaledVirtualizer } from './useScaledVirtualizer';
import './AccountsTable.css';

export interface AccountsTableProps {
  table: AccountTable;
  /** the rows the map shows (after its filters), in any order */
  rows: Uint32Array;
  onSelect(row: number): void;
  selectedRow?: number | null;
  /** size assumed until the table is laid out; jsdom never lays out, so tests rely on it */
  initialRect?: { width: number; height: number };
  /** wait after the last keystroke in the filter box; filtering a million rows takes a moment */
  filterDelayMs?: number;
}

export interface TableSort {
  key: SortKey;
  dir: SortDir;
}

/** Keep in step with AccountsTable.css. */
const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 36;
const DEFAULT_RECT = { width: 1200, height: 480 };

/**
 * The accounts as a virtualized, sortable, filterable grid. Only the rows in view exist in the
 * DOM, and only their cells are decoded from the columnar table.
 */
export function AccountsTable({ table, rows, onSelect, selectedRow = null, initialRect = DEFAULT_RECT, filterDelayMs = 200 }: AccountsTableProps) {
  const baseId = useId();
  const [filterText, setFilterText] = useState('');
  const [sort, setSort] = useState<TableSort | null>(null);
  const [active, setActive] = useState(-1);

  // Sorting or filtering a million rows blocks for a moment: the header and the text box update
  // first (deferred values), the grid follows and is marked busy meanwhile.
  const text = useDeferredValue(useDebouncedValue(filterText, filterDelayMs));
  const appliedSort = useDeferredValue(sort);
  const { shown, busy: working } = useTableRows(table, rows, text, appliedSort);
  const busy = working || appliedSort !== sort || text !== filterText;

  const v = useScaledVirtualizer({ count: shown.length, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, initialRect });
  const { reveal, scrollToTop } = v;

  // Follow the selection (from the map or a search) wherever it now sits in the list; without
  // one, a new filter or sort starts from the top.
  const applied = useRef({ text, appliedSort });
  useEffect(() => {
    const requeried = applied.current.text !== text || applied.current.appliedSort !== appliedSort;
    applied.current = { text, appliedSort };
    const pos = selectedRow === null ? -1 : shown.indexOf(selectedRow);
    if (pos >= 0) {
      setActive(pos);
      reveal(pos);
    } else if (requeried) {
      setActive(-1);
      scrollToTop();
    } else setActive((a) => Math.min(a, shown.length - 1));
  }, [shown, selectedRow, reveal, scrollToTop, text, appliedSort]);

  const moveTo = (pos: number) => {
    setActive(pos);
    reveal(pos);
  };

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || shown.length === 0) return;
    const last = shown.length - 1;
    const from = Math.max(active, 0);
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = active < 0 ? 0 : Math.min(active + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(from - 1, 0);
        break;
      case 'PageDown':
        next = Math.min(from + v.pageSize(), last);
        break;
      case 'PageUp':
        next = Math.max(from - v.pageSize(), 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (active >= 0) onSelect(shown[active]);
        return;
      default:
        return;
    }
    e.preventDefault();
    moveTo(next);
  };

  const toggleSort = (key: SortKey) =>
    setSort((s) => (s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  const rowId = (pos: number) => `${baseId}-row-${pos}`;
  const activeRendered = active >= 0 && v.items.some((it) => it.index === active);

  return (
    <section className="tp-accounts" aria-label="Accounts table">
      <div className="tp-accounts__toolbar">
        <input
          className="tp-accounts__filter"
          type="search"
          aria-label="Filter accounts"
          placeholder="Filter by ID, name, city, state, ZIP or owner"
          value={filterText}
          onChange={(e) => setFilterText(e.target.value)}
        />
        <p className="tp-accounts__count" role="status">
          {formatNumber(shown.length)} of {formatNumber(table.count)} accounts
        </p>
      </div>
      <div className="tp-accounts__frame">
        <div
          ref={v.scrollRef}
          className="tp-accounts__grid"
          role="grid"
          aria-label="Accounts"
          aria-rowcount={shown.length + 1}
          aria-colcount={COLUMNS.length}
          aria-busy={busy || undefined}
          aria-activedescendant={activeRendered ? rowId(active) : undefined}
          tabIndex={0}
          style={{ '--tp-accounts-cols': GRID_TEMPLATE } as CSSProperties}
          onKeyDown={onGridKeyDown}
          onFocus={(e) => {
            if (e.target === e.currentTarget && active < 0 && shown.length > 0) setActive(0);
          }}
        >
          <div role="rowgroup" className="tp-accounts__head">
            <div role="row" aria-rowindex={1} className="tp-accounts__row tp-accounts__row--head">
              {COLUMNS.map((c, i) => (
                <HeaderCell key={c.key} column={c} colIndex={i + 1} sort={sort} onSort={toggleSort} />
              ))}
            </div>
          </div>
          <div role="rowgroup" className="tp-accounts__body" style={{ height: v.bodyHeight }}>
            {v.items.map((item) => {
              const pos = item.index;
              const row = shown[pos];
              const classes = ['tp-accounts__row'];
              if (pos === active) classes.push('is-active');
              if (row === selectedRow) classes.push('is-selected');
              if (pos % 2 === 1) classes.push('is-odd');
              return (
                <div
                  key={item.key}
                  id={rowId(pos)}
                  role="row"
                  aria-rowindex={pos + 2}
                  aria-selected={row === selectedRow}
                  className={classes.join(' ')}
                  style={{ transform: `translateY(${v.top(item)}px)` }}
                  onClick={() => {
                    setActive(pos);
                    onSelect(row);
                    v.scrollRef.current?.focus({ preventScroll: true });
                  }}
                >
                  {COLUMNS.map((c, i) => {
                    const value = c.text(table, row);
                    return (
                      <div key={c.key} role="gridcell" aria-colindex={i + 1} className={c.numeric ? 'tp-accounts__cell is-numeric' : 'tp-accounts__cell'} title={value}>
                        {value}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
        {shown.length === 0 && (
          <p className="tp-accounts__empty">{text.trim() ? 'No accounts match this filter.' : 'No accounts to show.'}</p>
        )}
      </div>
    </section>
  );
}

interface HeaderCellProps {
  column: Column;
  colIndex: number;
  sort: TableSort | null;
  onSort(key: SortKey): void;
}

function HeaderCell({ column, colIndex, sort, onSort }: HeaderCellProps) {
  const dir = sort?.key === column.key ? sort.dir : null;
  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
      tabIndex={0}
      className={column.numeric ? 'tp-accounts__header is-numeric' : 'tp-accounts__header'}
      onClick={() => onSort(column.key)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSort(column.key);
        }
      }}
    >
      <span className="tp-accounts__label">{column.label}</span>
      <span className={dir ? 'tp-accounts__sort is-on' : 'tp-accounts__sort'} aria-hidden="true">
        {dir === 'desc' ? '▼' : '▲'}
      </span>
    </div>
  );
}
