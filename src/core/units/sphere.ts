/**
 * Distances and areas on a spherical Earth.
 *
 * The Earth is a sphere of the IUGG mean radius R = 6371.0088 km (the radius turf and most web
 * tools use). Against the WGS84 ellipsoid this is off by at most ~0.5% in distance and ~0.7% in
 * area, well below what approximate ZIP areas or 10m-generalised county outlines allow for, and the
 * same for every territory, so comparisons between territories are unaffected.
 */

export const EARTH_RADIUS_KM = 6371.0088;
export const KM_PER_MILE = 1.609344;
export const KM2_PER_MI2 = KM_PER_MILE * KM_PER_MILE;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in km between two points given in degrees (haversine; exact on the sphere
 * and numerically stable for short distances, unlike the spherical law of cosines). NaN in, NaN out.
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  // min() guards against h creeping above 1 by rounding for antipodal points
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Longitude difference in radians wrapped to [-π, π], so a segment crossing the antimeridian is short. */
export function wrapDeltaLon(dLonRad: number): number {
  if (dLonRad > Math.PI) return dLonRad - 2 * Math.PI;
  if (dLonRad < -Math.PI) return dLonRad + 2 * Math.PI;
  return dLonRad;
}

/**
 * The area term of a polyline given as interleaved [lon, lat] degrees, points `from`..`to`
 * (exclusive end): Σ Δλ · (sin φ₁ + sin φ₂) / 2, in steradians (multiply by R² for km²).
 *
 * This is the trapezoid rule in Lambert's cylindrical equal-area projection (x = λ, y = sin φ),
 * i.e. the formula of Chamberlain & Duquette (JPL, 2007) that turf.area also uses. For a closed ring
 * the sum is minus its signed area (counter-clockwise positive), and it is additive over the pieces
 * of a ring: that is why it is computed per TopoJSON arc (a reversed arc contributes the negated
 * term). Edges are straight in that projection rather than great circles; for edges of a few km the
 * difference is negligible. Δλ is wrapped, so rings that cross the antimeridian are handled.
 */
export function polylineAreaTerm(coords: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from + 1; i < to; i++) {
    const dLon = wrapDeltaLon((coords[2 * i] - coords[2 * i - 2]) * RAD);
    sum += (dLon * (Math.sin(coords[2 * i - 1] * RAD) + Math.sin(coords[2 * i + 1] * RAD))) / 2;
  }
  return sum;
}

/** Length in km of the polyline coords[from..to) (interleaved [lon, lat] degrees): sum of great-circle segments. */
export function polylineLengthKm(coords: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from + 1; i < to; i++) {
    sum += haversineKm(coords[2 * i - 1], coords[2 * i - 2], coords[2 * i + 1], coords[2 * i]);
  }
  return sum;
}

/** Area in km² of one closed ring given as [lon, lat] positions (sign dropped). For tests and small inputs. */
export function ringAreaKm2(ring: readonly (readonly number[])[]): number {
  const c = new Float64Array(ring.length * 2);
  ring.forEach((p, i) => {
    c[2 * i] = p[0];
    c[2 * i + 1] = p[1];
  });
  return Math.abs(polylineAreaTerm(c, 0, ring.length)) * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

/** Unit vector of a point on the sphere, for averaging positions without longitude wrap-around trouble. */
export function toVector(lat: number, lon: number): [number, number, number] {
  const cl = Math.cos(lat * RAD);
  return [cl * Math.cos(lon * RAD), cl * Math.sin(lon * RAD), Math.sin(lat * RAD)];
}

/** Inverse of toVector for any non-zero vector (it is normalised implicitly); [lat, lon] degrees. */
export function fromVector(x: number, y: number, z: number): [number, number] {
  return [Math.atan2(z, Math.hypot(x, y)) / RAD, Math.atan2(y, x) / RAD];
}
