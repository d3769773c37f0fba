import { useDataStore } from '../../store/data-store';
import { DatasetSummary } from '../legend/DatasetSummary';
import { LegendPanel } from '../legend/LegendPanel';
import { HeatmapControl } from '../legend/HeatmapControl';

export function Sidebar() {
  const dataset = useDataStore((s) => s.dataset);
  return (
    <aside className="sidebar" aria-label="Data and map options">
      {dataset && <DatasetSummary dataset={dataset} />}
      {dataset && dataset.accounts.count > 0 && <LegendPanel table={dataset.accounts} />}
      <HeatmapControl />
    </aside>
  );
}
