import { useDataStore } from '../../store/data-store';
import { DatasetSummary } from '../legend/DatasetSummary';
import { LegendPanel } from '../legend/LegendPanel';
import { HeatmapControl } from '../legend/HeatmapControl';
import { TerritoryPanel } from '../territories/TerritoryPanel';
import { usePlanStore } from '../../store/plan-store';

export function Sidebar() {
  const dataset = useDataStore((s) => s.dataset);
  const planOpen = usePlanStore((s) => s.open);
  return (
    <aside className="sidebar" aria-label="Data and map options">
      {planOpen && <TerritoryPanel />}
      {dataset && <DatasetSummary dataset={dataset} />}
      {dataset && dataset.accounts.count > 0 && <LegendPanel table={dataset.accounts} />}
      <HeatmapControl />
    </aside>
  );
}
