import { useMemo } from 'react';
import type { AccountTable, CategoryColumn } from '../../core/accounts/table';
import { countByCode } from '../../core/accounts/summary';
import { legendFor } from '../../core/view/palette';
import { useViewStore } from '../../store/view-store';
import { formatCount } from '../import/format-count';
import './legend.css';

const FIELDS: { column: CategoryColumn; label: string }[] = [
  { column: 'segment', label: 'Segment' },
  { column: 'classification', label: 'Classification' },
  { column: 'owner', label: 'Owner' },
];

/** Colour key of the map, and the filters: unticking a label hides those accounts from map and table. */
export function LegendPanel({ table }: { table: AccountTable }) {
  const colorBy = useViewStore((s) => s.colorBy);
  const setColorBy = useViewStore((s) => s.setColorBy);
  const hidden = useViewStore((s) => s.hidden);
  const toggleHidden = useViewStore((s) => s.toggleHidden);
  const showAll = useViewStore((s) => s.showAll);
  const legends = useMemo(
    () =>
      Object.fromEntries(
        FIELDS.map(({ column }) => {
          const col = table[column];
          return [column, legendFor(column, col.labels, countByCode(col.codes, col.labels.length))];
        }),
      ) as Record<CategoryColumn, ReturnType<typeof legendFor>>,
    [table],
  );

  return (
    <section aria-labelledby="legend-title">
      <h2 id="legend-title">Colour and filter</h2>
      <label className="field">
        Colour accounts by
        <select value={colorBy} onChange={(e) => setColorBy(e.target.value as CategoryColumn)}>
          {FIELDS.map((f) => (
            <option key={f.column} value={f.column}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {FIELDS.filter((f) => f.column !== 'owner' || colorBy === 'owner').map((f) => (
        <fieldset key={f.column} className="legend-group">
          <legend>
            {f.label}
            {hidden[f.column].length > 0 && (
              <button type="button" className="link-button" onClick={() => showAll(f.column)}>
                Show all
              </button>
            )}
          </legend>
          <ul className="legend-list">
            {legends[f.column]
              .filter((e) => e.count > 0)
              .map((e) => (
                <li key={e.label}>
                  <label>
                    <input type="checkbox" checked={!hidden[f.column].includes(e.label)} onChange={() => toggleHidden(f.column, e.label)} />
                    {f.column === colorBy && <span className="swatch" style={{ background: e.color }} aria-hidden="true" />}
                    <span className="legend-label">{e.label || '(none)'}</span>
                    <span className="legend-count">{formatCount(e.count)}</span>
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>
      ))}
      <p className="note">Circle size shows last-year revenue; numbered circles are clusters of nearby accounts.</p>
    </section>
  );
}
