import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { ACCOUNT_LAYERS } from './account-layers';
import { FONT_SEMIBOLD } from './fonts';

export const UNIT_SOURCE = 'units';
export const UNIT_LAYERS = { fill: 'units-fill', line: 'units-line' } as const;

/**
 * The plan's units (counties, ZIP areas) under the account dots, from unitLayerGeoJSON. Geometry is uploaded once; a unit's
 * colour lives in feature-state keyed by its index, so painting never re-uploads shapes.
 */
export function showUnitLayer(map: MapLibreMap, data: FeatureCollection | string): void {
  const existing = map.getSource(UNIT_SOURCE) as GeoJSONSource | undefined;
  if (existing) {
    // Another layer's colours are keyed by the same indexes: clear them before the new shapes land.
    map.removeFeatureState({ source: UNIT_SOURCE });
    existing.setData(data);
    return;
  }
  map.addSource(UNIT_SOURCE, { type: 'geojson', data, tolerance: 0.2 });
  const below = map.getLayer(ACCOUNT_LAYERS.heatmap) ? ACCOUNT_LAYERS.heatmap : undefined;
  map.addLayer(
    {
      id: UNIT_LAYERS.fill,
      type: 'fill',
      source: UNIT_SOURCE,
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'color'], 'rgba(0,0,0,0)'],
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.7, 0.5],
      },
    },
    below,
  );
  map.addLayer(
    {
      id: UNIT_LAYERS.line,
      type: 'line',
      source: UNIT_SOURCE,
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'locked'], false], '#111827', '#6b7280'],
        'line-width': ['case', ['boolean', ['feature-state', 'locked'], false], 2.5, 0.4],
        'line-opacity': ['case', ['boolean', ['feature-state', 'locked'], false], 0.9, 0.6],
      },
    },
    below,
  );
}

export function hideUnitLayer(map: MapLibreMap): void {
  for (const id of [UNIT_LAYERS.line, UNIT_LAYERS.fill]) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(UNIT_SOURCE)) map.removeSource(UNIT_SOURCE);
}

/** Locked units get a dark, thick border. */
export function setUnitLocked(map: MapLibreMap, unit: number, locked: boolean): void {
  map.setFeatureState({ source: UNIT_SOURCE, id: unit }, { locked });
}

/** null clears the unit's colour (unassigned). */
export function setUnitColor(map: MapLibreMap, unit: number, color: string | null): void {
  map.setFeatureState({ source: UNIT_SOURCE, id: unit }, { color });
}

export const OUTLINE_SOURCE = 'territory-outlines';
export const OUTLINE_LAYERS = { line: 'territory-outline', label: 'territory-label' } as const;

/** Territory borders and names over the units: one feature per territory, rebuilt after edits. */
export function setTerritoryOutlines(map: MapLibreMap, outlines: FeatureCollection): void {
  const source = map.getSource(OUTLINE_SOURCE) as GeoJSONSource | undefined;
  if (source) {
    source.setData(outlines);
    return;
  }
  map.addSource(OUTLINE_SOURCE, { type: 'geojson', data: outlines });
  const below = map.getLayer(ACCOUNT_LAYERS.heatmap) ? ACCOUNT_LAYERS.heatmap : undefined;
  map.addLayer({ id: OUTLINE_LAYERS.line, type: 'line', source: OUTLINE_SOURCE, paint: { 'line-color': ['get', 'color'], 'line-width': 2.2 } }, below);
  map.addLayer({
    id: OUTLINE_LAYERS.label,
    type: 'symbol',
    source: OUTLINE_SOURCE,
    layout: { 'text-field': ['get', 'name'], 'text-font': FONT_SEMIBOLD, 'text-size': 13, 'symbol-placement': 'point' },
    paint: { 'text-color': '#1d2430', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.6 },
  });
}

export function hideTerritoryOutlines(map: MapLibreMap): void {
  for (const id of [OUTLINE_LAYERS.label, OUTLINE_LAYERS.line]) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(OUTLINE_SOURCE)) map.removeSource(OUTLINE_SOURCE);
}

export const PIN_SOURCE = 'pinned-accounts';
export const PIN_LAYER = 'pinned-accounts';

/** Pinned (named) accounts as rings in their territory's colour, so a pin is visible where it sits. */
export function setPinnedAccounts(map: MapLibreMap, pins: FeatureCollection): void {
  const source = map.getSource(PIN_SOURCE) as GeoJSONSource | undefined;
  if (source) {
    source.setData(pins);
    return;
  }
  map.addSource(PIN_SOURCE, { type: 'geojson', data: pins });
  map.addLayer({
    id: PIN_LAYER,
    type: 'circle',
    source: PIN_SOURCE,
    paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': ['get', 'color'], 'circle-stroke-width': 3 },
  });
}

export function hidePinnedAccounts(map: MapLibreMap): void {
  if (map.getLayer(PIN_LAYER)) map.removeLayer(PIN_LAYER);
  if (map.getSource(PIN_SOURCE)) map.removeSource(PIN_SOURCE);
}
