import { Toolbar } from './layout/Toolbar';
import { Sidebar } from './layout/Sidebar';
import { StatusBanner } from './layout/StatusBanner';
import { ImportDialog } from './import/ImportDialog';
import { DropZone } from './import/DropZone';
import { MapPane } from './layout/MapPane';
import { TablePane } from './layout/TablePane';
import { SelectedAccountCard } from './layout/SelectedAccountCard';
import './layout/layout.css';

export function App() {
  return (
    <DropZone>
      <div className="app">
        <Toolbar />
        <StatusBanner />
        <div className="app-body">
          <Sidebar />
          <main className="app-main" aria-label="Map and accounts">
            <MapPane />
            <SelectedAccountCard />
            <TablePane />
          </main>
        </div>
      </div>
      <ImportDialog />
    </DropZone>
  );
}
