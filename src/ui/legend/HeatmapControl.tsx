import { useViewStore, type HeatmapMode } from '../../store/view-store';

const MODES: { mode: HeatmapMode; label: string }[] = [
  { mode: 'off', label: 'Off' },
  { mode: 'density', label: 'Account density' },
  { mode: 'revenue', label: 'Revenue' },
];

export function HeatmapControl() {
  const heatmap = useViewStore((s) => s.heatmap);
  const setHeatmap = useViewStore((s) => s.setHeatmap);
  return (
    <fieldset className="plain-fieldset">
      <legend>
        <h2>Heatmap</h2>
      </legend>
      {MODES.map((m) => (
        <label key={m.mode} className="radio-row">
          <input type="radio" name="heatmap" checked={heatmap === m.mode} onChange={() => setHeatmap(m.mode)} /> {m.label}
        </label>
      ))}
    </fieldset>
  );
}
