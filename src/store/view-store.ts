import { create } from 'zustand';
import type { CategoryColumn } from '../core/accounts/table';

export type HeatmapMode = 'off' | 'density' | 'revenue';

export interface FlyTarget {
  lon: number;
  lat: number;
  zoom: number;
  /** bumps on every request so flying to the same place twice still moves the map */
  seq: number;
}

/**
 * How the map and table show the data. Filters are kept by label, not by code, so they survive a
 * re-import that renumbers the category dictionaries. Filters never change figures, only what is shown.
 */
interface ViewState {
  colorBy: CategoryColumn;
  hidden: Record<CategoryColumn, string[]>;
  heatmap: HeatmapMode;
  selectedRow: number | null;
  flyTo: FlyTarget | null;
  tableOpen: boolean;
  /** a remote MapLibre style chosen by the user; null = the bundled offline base map */
  styleUrl: string | null;
  /** the stored settings have been read: the map can be created with the right style */
  settingsReady: boolean;
  setColorBy(c: CategoryColumn): void;
  toggleHidden(column: CategoryColumn, label: string): void;
  showAll(column?: CategoryColumn): void;
  setHeatmap(m: HeatmapMode): void;
  select(row: number | null): void;
  fly(lon: number, lat: number, zoom: number): void;
  setTableOpen(open: boolean): void;
  setStyleUrl(url: string | null): void;
}

const noneHidden = (): Record<CategoryColumn, string[]> => ({ segment: [], classification: [], owner: [] });

export const useViewStore = create<ViewState>((set) => ({
  colorBy: 'segment',
  hidden: noneHidden(),
  heatmap: 'off',
  selectedRow: null,
  flyTo: null,
  tableOpen: false,
  styleUrl: null,
  settingsReady: false,
  setColorBy: (colorBy) => set({ colorBy }),
  toggleHidden: (column, label) =>
    set((s) => {
      const list = s.hidden[column];
      const next = list.includes(label) ? list.filter((l) => l !== label) : [...list, label];
      return { hidden: { ...s.hidden, [column]: next } };
    }),
  showAll: (column) => set((s) => ({ hidden: column ? { ...s.hidden, [column]: [] } : noneHidden() })),
  setHeatmap: (heatmap) => set({ heatmap }),
  select: (selectedRow) => set({ selectedRow }),
  fly: (lon, lat, zoom) => set((s) => ({ flyTo: { lon, lat, zoom, seq: (s.flyTo?.seq ?? 0) + 1 } })),
  setTableOpen: (tableOpen) => set({ tableOpen }),
  setStyleUrl: (styleUrl) => set({ styleUrl }),
}));

export function isFiltered(hidden: Record<CategoryColumn, string[]>): boolean {
  return hidden.segment.length + hidden.classification.length + hidden.owner.length > 0;
}
