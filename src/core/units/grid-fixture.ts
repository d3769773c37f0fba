import type { Topology } from 'topojson-specification';

/**
 * A hand-built topology for tests: nx × ny square cells of `cell` degrees from (lon0, lat0), one
 * arc per cell edge, shared between the two cells it separates; plus optional island squares that
 * share no arc with anything. Cell (i, j) (column i from the west, row j from the south) has id
 * "c{i}{j}" and unit index j * nx + i; island k follows with id "island{k}".
 *
 * Each cell's ring runs west edge up, north edge east, east edge down, south edge west
 * (clockwise on the map), with shared edges referenced forwards by one cell and reversed (~arc)
 * by the other, as TopoJSON requires.
 */
export function gridTopology(nx: number, ny: number, opts: { cell?: number; lon0?: number; lat0?: number; islands?: [number, number][] } = {}): Topology {
  const cell = opts.cell ?? 0.1;
  const lon0 = opts.lon0 ?? 0;
  const lat0 = opts.lat0 ?? 0;
  const arcs: number[][][] = [];
  const P = (i: number, j: number): number[] => [lon0 + i * cell, lat0 + j * cell];
  // H(i, j): from node (i, j) to (i + 1, j); V(i, j): from (i, j) to (i, j + 1)
  const H = new Map<string, number>();
  const V = new Map<string, number>();
  for (let j = 0; j <= ny; j++) for (let i = 0; i < nx; i++) H.set(`${i},${j}`, arcs.push([P(i, j), P(i + 1, j)]) - 1);
  for (let i = 0; i <= nx; i++) for (let j = 0; j < ny; j++) V.set(`${i},${j}`, arcs.push([P(i, j), P(i, j + 1)]) - 1);
  const geometries: Topology['objects'][string][] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const ring = [V.get(`${i},${j}`)!, H.get(`${i},${j + 1}`)!, ~V.get(`${i + 1},${j}`)!, ~H.get(`${i},${j}`)!];
      geometries.push({ type: 'Polygon', arcs: [ring], id: `c${i}${j}`, properties: { name: `Cell ${i},${j}` } });
    }
  }
  (opts.islands ?? []).forEach(([lon, lat], k) => {
    const a = arcs.push([
      [lon, lat],
      [lon, lat + cell],
      [lon + cell, lat + cell],
      [lon + cell, lat],
      [lon, lat],
    ]);
    geometries.push({ type: 'Polygon', arcs: [[a - 1]], id: `island${k}`, properties: { name: `Island ${k}` } });
  });
  return { type: 'Topology', arcs, objects: { cells: { type: 'GeometryCollection', geometries } } } as Topology;
}
