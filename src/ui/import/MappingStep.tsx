import { ROLE_LABEL } from '../../core/accounts/account';
import type { ColumnMapping } from '../../core/import/types';
import { useImportStore, type ImportStep } from '../../store/import-store';
import { useDataStore } from '../../store/data-store';
import { formatCount } from './format-count';

type MappingState = Extract<ImportStep, { step: 'mapping' }>;

const EXTRA_ROLE_LABEL: Record<string, string> = { quota: 'Quota' };
const roleLabel = (role: string): string => (ROLE_LABEL as Record<string, string>)[role] ?? EXTRA_ROLE_LABEL[role] ?? role;
const DELIMITER_NAME: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const LINE_END_NAME: Record<string, string> = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' };

/** Which file column feeds each role: the guesses are shown, never applied silently. */
export function MappingStep({ state }: { state: MappingState }) {
  const { preview, mapping, mode, kind } = state;
  const setMapping = useImportStore((s) => s.setMapping);
  const setMode = useImportStore((s) => s.setMode);
  const run = useImportStore((s) => s.run);
  const close = useImportStore((s) => s.close);
  const dataset = useDataStore((s) => s.dataset);
  const mapped = new Set(Object.values(mapping));
  const kept = preview.headers.filter((_, i) => !mapped.has(i));
  const hasLocation = (mapping.lat !== undefined && mapping.lon !== undefined) || mapping.zip !== undefined;
  const needsName = kind === 'reps' && mapping.name === undefined;
  const sample = (col: number) =>
    preview.rows
      .map((r) => r[col] ?? '')
      .filter((v) => v.trim() !== '')
      .slice(0, 3)
      .join(' · ');

  const choose = (role: string, value: string) => {
    const next: ColumnMapping = { ...mapping };
    const key = role as keyof ColumnMapping;
    if (value === '') delete next[key];
    else {
      const col = Number(value);
      // One column feeds one role: taking it here frees it elsewhere.
      for (const [r, c] of Object.entries(next)) if (c === col) delete next[r as keyof ColumnMapping];
      next[key] = col;
    }
    setMapping(next);
  };

  return (
    <div>
      <p className="note">
        {formatCount(preview.fileSize)} bytes · {preview.encoding.encoding.toUpperCase()}
        {preview.encoding.bom ? ' with BOM' : ''} · {DELIMITER_NAME[preview.delimiter] ?? `“${preview.delimiter}”`}-separated · {LINE_END_NAME[preview.lineEnding]} line endings ·{' '}
        {preview.headers.length} columns
      </p>
      {preview.notes.map((n) => (
        <p key={n} className="note warn">
          {n}
        </p>
      ))}
      <h3>Columns</h3>
      <p className="note">We matched the file’s columns to these fields. Check each one and change any that are wrong.</p>
      <div className="scroll-box tall">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Column in the file</th>
              <th scope="col">First values</th>
            </tr>
          </thead>
          <tbody>
            {preview.guesses.map((g) => {
              const col = mapping[g.role as keyof ColumnMapping];
              return (
                <tr key={g.role}>
                  <th scope="row">{roleLabel(g.role)}</th>
                  <td>
                    <select aria-label={`Column for ${roleLabel(g.role)}`} value={col === undefined ? '' : String(col)} onChange={(e) => choose(g.role, e.target.value)}>
                      <option value="">— not mapped —</option>
                      {preview.headers.map((h, i) => (
                        <option key={i} value={i}>
                          {h || `(column ${i + 1})`}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="note">{col === undefined ? '' : sample(col)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="note">
        {kept.length === 0 ? 'Every column is mapped.' : `Kept as extra fields, shown on each ${kind === 'reps' ? 'rep' : 'account'}’s card: ${kept.join(', ')}`}
      </p>
      {!hasLocation && (
        <p className="note warn" role="alert">
          Map Latitude and Longitude, or a ZIP code, so {kind === 'reps' ? 'reps' : 'accounts'} can be placed on the map.
        </p>
      )}
      {needsName && (
        <p className="note warn" role="alert">
          Map the rep’s name.
        </p>
      )}
      {kind === 'accounts' && dataset && dataset.accounts.count > 0 && (
        <fieldset className="mode-choice">
          <legend>{dataset.meta.source === 'demo' ? 'The demo data is loaded.' : `${formatCount(dataset.accounts.count)} accounts are stored.`}</legend>
          <label>
            <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
            {dataset.meta.source === 'demo' ? 'Replace the demo data with this file' : 'Replace all stored accounts with this file'}
          </label>
          <label>
            <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{' '}
            {dataset.meta.source === 'demo' ? 'Add this file to the demo data' : 'Update stored accounts by ID and add new ones'}
          </label>
        </fieldset>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!hasLocation || needsName} onClick={() => void run()}>
          Import
        </button>
      </div>
    </div>
  );
}
