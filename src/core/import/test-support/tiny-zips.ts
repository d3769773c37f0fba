import type { ZipLookup, ZipPlace } from '../../geo/zip-lookup';

/** A hand-made ZIP table for tests: a few real ZIP centroids and 3-digit areas. */
const PLACES: ZipPlace[] = [
  { zip: '02139', lat: 42.3647, lon: -71.1042, city: 'Cambridge', state: 'MA' },
  { zip: '10001', lat: 40.7484, lon: -73.9967, city: 'New York', state: 'NY' },
  { zip: '60601', lat: 41.8858, lon: -87.6181, city: 'Chicago', state: 'IL' },
  { zip: '94103', lat: 37.7725, lon: -122.4147, city: 'San Francisco', state: 'CA' },
  { zip: '00501', lat: 40.8154, lon: -73.0451, city: 'Holtsville', state: 'NY' },
];
const AREAS: Record<string, { lat: number; lon: number }> = {
  '021': { lat: 42.36, lon: -71.08 },
  '100': { lat: 40.75, lon: -73.99 },
  '606': { lat: 41.88, lon: -87.63 },
};

export function tinyZips(): ZipLookup {
  const byZip = new Map(PLACES.map((p) => [p.zip, p]));
  return {
    size: byZip.size,
    get: (zip5) => byZip.get(zip5),
    getZip3: (zip3) => AREAS[zip3],
  };
}
