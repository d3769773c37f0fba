import { getString } from '../../core/accounts/packed-strings';
import { categoryOf } from '../../core/accounts/categorical';
import type { AccountTable } from '../../core/accounts/table';
import type { SortKey } from '../../core/query/sort';
import { formatMoney, formatNumber, formatText } from '../format';

export interface Column {
  key: SortKey;
  label: string;
  /** CSS grid track */
  width: string;
  numeric?: boolean;
  /** cell text; read straight from the columns, so only visible rows are ever decoded */
  text(t: AccountTable, row: number): string;
}

const str = (k: 'id' | 'name' | 'city' | 'state' | 'zip') => (t: AccountTable, r: number) => formatText(getString(t[k], r));
const cat = (k: 'segment' | 'classification' | 'owner') => (t: AccountTable, r: number) => formatText(categoryOf(t[k], r));

export const COLUMNS: readonly Column[] = [
  { key: 'id', label: 'ID', width: '7.5rem', text: str('id') },
  { key: 'name', label: 'Name', width: 'minmax(12rem, 2fr)', text: str('name') },
  { key: 'city', label: 'City', width: 'minmax(8rem, 1fr)', text: str('city') },
  { key: 'state', label: 'State', width: '4.75rem', text: str('state') },
  { key: 'zip', label: 'ZIP', width: '5rem', text: str('zip') },
  { key: 'segment', label: 'Segment', width: 'minmax(9.5rem, 1fr)', text: cat('segment') },
  { key: 'classification', label: 'Classification', width: '8.75rem', text: cat('classification') },
  { key: 'owner', label: 'Owner', width: 'minmax(8rem, 1fr)', text: cat('owner') },
  { key: 'revenue', label: 'Revenue', width: '7rem', numeric: true, text: (t, r) => formatMoney(t.revenue[r]) },
  { key: 'potential', label: 'Potential', width: '7rem', numeric: true, text: (t, r) => formatMoney(t.potential[r]) },
  { key: 'visits', label: 'Visits/yr', width: '5.75rem', numeric: true, text: (t, r) => formatNumber(t.visits[r]) },
];

export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ');
