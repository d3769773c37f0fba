import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { labelPoint } from './label-point';

/**
 * The base map's geometry, shipped with the app (Natural Earth via world-atlas, US Census via
 * us-atlas) so the map works with no network. Each file is a dynamic import, a chunk of its own,
 * fetched only when the base map asks for it, and converted from TopoJSON once per page.
 * Borders come from topojson.mesh, so an edge shared by two areas is drawn once, not twice.
 */

type Fc<G extends Geometry = Geometry> = FeatureCollection<G>;
const USA = '840';

export interface WorldData {
  /** countries other than the US, whose own outline comes from the Census files */
  land: Fc<Polygon | MultiPolygon>;
  /** borders between countries other than the US */
  borders: Fc<MultiLineString>;
}

export interface StatesData {
  land: Fc<Polygon | MultiPolygon>;
  /** borders between states */
  borders: Fc<MultiLineString>;
  /** coast and international border */
  outline: Fc<MultiLineString>;
  labels: Fc<Point>;
}

export interface CountiesData {
  /** borders between counties of the same state (state borders are drawn by the states layer) */
  borders: Fc<MultiLineString>;
}

const collection = <G extends Geometry>(features: Feature<G>[]): Fc<G> => ({ type: 'FeatureCollection', features });
const line = (g: MultiLineString): Fc<MultiLineString> => collection([{ type: 'Feature', properties: {}, geometry: g }]);

function polygons(topo: Topology, name: string, keep: (id: string) => boolean = () => true): Fc<Polygon | MultiPolygon> {
  const fc = feature(topo, topo.objects[name] as GeometryCollection) as Fc<Polygon | MultiPolygon>;
  return collection(fc.features.filter((f) => keep(String(f.id))));
}

const asTopology = (m: { default: unknown }) => m.default as Topology;

let world: Promise<WorldData> | undefined;
let states: Promise<StatesData> | undefined;
let counties: Promise<CountiesData> | undefined;

export function loadWorld(): Promise<WorldData> {
  world ??= import('world-atlas/countries-50m.json').then(asTopology).then((topo) => {
    const countries = topo.objects.countries as GeometryCollection;
    return {
      land: polygons(topo, 'countries', (id) => id !== USA),
      borders: line(mesh(topo, countries, (a, b) => a !== b && a.id !== USA && b.id !== USA)),
    };
  });
  return world;
}

export function loadStates(): Promise<StatesData> {
  states ??= import('us-atlas/states-10m.json').then(asTopology).then((topo) => {
    const obj = topo.objects.states as GeometryCollection;
    const land = polygons(topo, 'states');
    const labels = collection(
      land.features.map(
        (f): Feature<Point> => ({
          type: 'Feature',
          properties: { name: (f.properties as { name?: string } | null)?.name ?? '' },
          geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
        }),
      ),
    );
    return {
      land,
      borders: line(mesh(topo, obj, (a, b) => a !== b)),
      outline: line(mesh(topo, obj, (a, b) => a === b)),
      labels,
    };
  });
  return states;
}

export function loadCounties(): Promise<CountiesData> {
  counties ??= import('us-atlas/counties-10m.json').then(asTopology).then((topo) => {
    const obj = topo.objects.counties as GeometryCollection;
    // County FIPS = 2-digit state + 3-digit county; borders between states are the states layer's job.
    const sameState = (a: { id?: string | number }, b: { id?: string | number }) => String(a.id).slice(0, 2) === String(b.id).slice(0, 2);
    return { borders: line(mesh(topo, obj, (a, b) => a !== b && sameState(a, b))) };
  });
  return counties;
}
