import { useState } from 'react';
import type { UnitLayer } from '../../core/units/unit-layer';
import { usePlanStore } from '../../store/plan-store';

/** Units whose id is the text, or whose name starts with it (case-insensitive); at most `limit`. */
function findUnits(layer: UnitLayer, text: string, limit = 8): number[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const exact = layer.index.get(text.trim());
  if (exact !== undefined) return [exact];
  const out: number[] = [];
  for (let u = 0; u < layer.count && out.length < limit; u++) if (layer.names[u].toLowerCase().startsWith(q)) out.push(u);
  return out;
}

/** The keyboard path to painting: find a unit by its id (FIPS, ZIP) or name and assign it. */
export function AssignByName({ layer, unitsLabel }: { layer: UnitLayer; unitsLabel: string }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const hits = findUnits(layer, text);
  const assign = (u: number) => {
    usePlanStore.getState().paint([u]);
    setMessage(`${layer.names[u] || layer.ids[u]} assigned.`);
    setText('');
  };
  return (
    <form
      className="assign-by-name"
      onSubmit={(e) => {
        e.preventDefault();
        if (hits.length > 0) assign(hits[0]);
        else setMessage(`No ${unitsLabel} matches “${text}”.`);
      }}
    >
      <label className="field">
        Assign by id or name
        <input type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder={`e.g. a FIPS code, ZIP or name`} />
      </label>
      {hits.length > 1 && (
        <ul className="unit-hits" aria-label="Matching units">
          {hits.map((u) => (
            <li key={u}>
              <button type="button" onClick={() => assign(u)}>
                {layer.names[u]} · {layer.ids[u]}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="note" role="status">
          {message}
        </p>
      )}
    </form>
  );
}
