import { LocationSource } from '../accounts/account';
import type { ZipLookup } from './zip-lookup';
import { normalizeZip } from './zip-normalize';

export interface ZipGeocode {
  zip5: string;
  lat: number;
  lon: number;
  /** Zip for an exact ZIP centroid, Zip3 when only the 3-digit area is known (approximate) */
  source: LocationSource;
}

/** Places an account by its ZIP cell; null when the cell is not a ZIP or its area is unknown. */
export function geocodeZip(lookup: ZipLookup, raw: string): ZipGeocode | null {
  const zip5 = normalizeZip(raw);
  if (zip5 === null) return null;
  const place = lookup.get(zip5);
  if (place) return { zip5, lat: place.lat, lon: place.lon, source: LocationSource.Zip };
  const area = lookup.getZip3(zip5.slice(0, 3));
  if (area) return { zip5, lat: area.lat, lon: area.lon, source: LocationSource.Zip3 };
  return null;
}
