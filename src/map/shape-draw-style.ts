import type { LayerSpecification } from 'maplibre-gl';

/**
 * Our own mapbox-gl-draw theme: shapes take their territory's colour (user_color, from
 * userProperties) instead of the default blue, and no paint property is data-driven where
 * MapLibre does not allow it (the default theme's line-dasharray `case` is one such).
 * Draw adds each layer twice (`.cold` and `.hot` sources), so ids must not clash with ours.
 */
const EDIT = '#f28c28';
const colour = ['coalesce', ['get', 'user_color'], '#1f4f99'];

type DrawLayer = Omit<LayerSpecification, 'source'> & { filter?: unknown };

export const SHAPE_DRAW_STYLES: DrawLayer[] = [
  {
    id: 'tp-draw-fill',
    type: 'fill',
    filter: ['all', ['==', '$type', 'Polygon']],
    paint: { 'fill-color': ['case', ['==', ['get', 'active'], 'true'], EDIT, colour], 'fill-opacity': ['case', ['==', ['get', 'active'], 'true'], 0.3, 0.35] },
  } as DrawLayer,
  {
    id: 'tp-draw-outline',
    type: 'line',
    filter: ['all', ['==', '$type', 'Polygon'], ['!=', 'active', 'true']],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': colour, 'line-width': 2.5 },
  } as DrawLayer,
  {
    id: 'tp-draw-outline-active',
    type: 'line',
    filter: ['all', ['any', ['==', '$type', 'Polygon'], ['==', '$type', 'LineString']], ['==', 'active', 'true']],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': EDIT, 'line-width': 2.5, 'line-dasharray': [2, 1] },
  } as DrawLayer,
  {
    id: 'tp-draw-line',
    type: 'line',
    filter: ['all', ['==', '$type', 'LineString'], ['!=', 'active', 'true']],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': EDIT, 'line-width': 2.5 },
  } as DrawLayer,
  {
    id: 'tp-draw-midpoint',
    type: 'circle',
    filter: ['all', ['==', '$type', 'Point'], ['==', 'meta', 'midpoint']],
    paint: { 'circle-radius': 4, 'circle-color': EDIT },
  } as DrawLayer,
  {
    id: 'tp-draw-vertex-halo',
    type: 'circle',
    filter: ['all', ['==', '$type', 'Point'], ['==', 'meta', 'vertex'], ['!=', 'mode', 'simple_select']],
    paint: { 'circle-radius': ['case', ['==', ['get', 'active'], 'true'], 7, 6], 'circle-color': '#ffffff' },
  } as DrawLayer,
  {
    id: 'tp-draw-vertex',
    type: 'circle',
    filter: ['all', ['==', '$type', 'Point'], ['==', 'meta', 'vertex'], ['!=', 'mode', 'simple_select']],
    paint: { 'circle-radius': ['case', ['==', ['get', 'active'], 'true'], 5, 4], 'circle-color': EDIT },
  } as DrawLayer,
];
