import { LocationSource } from '../accounts/account';
import type { ZipLookup } from '../geo/zip-lookup';
import { normalizeZip } from '../geo/zip-normalize';
import type { IssueKind } from './types';
import { readCoordinateInto, ReadStatus } from './values';

/** Which input a location problem is about, so the issue can name the column. */
export type LocateField = 'lat' | 'lon' | 'zip' | null;

export interface LocateIssue {
  kind: IssueKind;
  severity: 'rejected' | 'warning';
  field: LocateField;
  value: string;
  message: string;
}

/** A cell as a 5-digit ZIP; the common already-clean case skips normalizeZip's regexes. */
export function zip5Of(cell: string): string | null {
  if (cell.length === 5) {
    let digits = 0;
    for (let i = 0; i < 5; i++) {
      const c = cell.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    if (digits === 5) return cell === '00000' ? null : cell;
  }
  return normalizeZip(cell);
}

/** Swapped US coordinates: the "latitude" is a US longitude and the "longitude" a US latitude. */
export function looksSwappedUs(lat: number, lon: number): boolean {
  return lat >= -180 && lat <= -60 && lon >= 15 && lon <= 72;
}

const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);

/**
 * Places one row from its latitude/longitude cells, else its ZIP code. Reused for every row (the
 * fields are overwritten) so a million rows allocate nothing here unless something is wrong.
 *
 * Rules: valid coordinates win; (0,0) counts as missing; US coordinates in the wrong columns are
 * rejected as 'lat-lon-swapped' (the user can swap those rows and run again); other bad
 * coordinates fall back to the ZIP with a warning, or are rejected when the ZIP cannot help;
 * a ZIP missing from the table falls back to its 3-digit area with an 'approximate-zip' warning.
 */
export class RowLocator {
  /** the row's latitude and longitude: a typed array, so no number is boxed per row */
  readonly at = new Float64Array(2);
  source: LocationSource = LocationSource.Given;
  /** the normalised ZIP, or null when the cell is not a US ZIP */
  zip5: string | null = null;
  readonly issues: LocateIssue[] = [];
  /** parsed latitude, longitude: a typed array, so no number is boxed per row */
  private readonly xy = new Float64Array(2);

  constructor(private readonly zips: ZipLookup) {}

  /** Returns false when the row cannot be placed (the reason is in `issues`). */
  locate(latCell: string, lonCell: string, zipCell: string, swap: boolean): boolean {
    if (this.issues.length) this.issues.length = 0;
    this.zip5 = zipCell === '' ? null : zip5Of(zipCell.trim());

    const xy = this.xy;
    let latStatus = readCoordinateInto(latCell, xy, 0);
    let lonStatus = readCoordinateInto(lonCell, xy, 1);
    let latText = latCell;
    let lonText = lonCell;
    if (swap) {
      [latStatus, lonStatus, latText, lonText] = [lonStatus, latStatus, lonText, latText];
      [xy[0], xy[1]] = [xy[1], xy[0]];
    }

    let problem: LocateIssue | null = null;
    let zeroZero = false;
    if (latStatus === ReadStatus.Number && lonStatus === ReadStatus.Number) {
      const lat = xy[0];
      const lon = xy[1];
      if (lat === 0 && lon === 0) zeroZero = true;
      else if (looksSwappedUs(lat, lon)) {
        this.fail('lat-lon-swapped', 'rejected', 'lat', latText, `Latitude ${fmt(lat)} and longitude ${fmt(lon)} look swapped; swap them to import this row.`);
        return false;
      } else if (lat < -90 || lat > 90) problem = this.issue('lat-out-of-range', 'lat', latText, `Latitude ${fmt(lat)} is outside −90…90.`);
      else if (lon < -180 || lon > 180) problem = this.issue('lon-out-of-range', 'lon', lonText, `Longitude ${fmt(lon)} is outside −180…180.`);
      else {
        this.at[0] = lat;
        this.at[1] = lon;
        this.source = LocationSource.Given;
        return true;
      }
    } else if (latStatus === ReadStatus.Invalid) problem = this.issue('bad-number', 'lat', latText, `Latitude “${latText}” is not a number.`);
    else if (lonStatus === ReadStatus.Invalid) problem = this.issue('bad-number', 'lon', lonText, `Longitude “${lonText}” is not a number.`);

    if (this.fromZip(zipCell)) {
      if (problem) this.issues.unshift({ ...problem, severity: 'warning', message: `${problem.message} Placed by ZIP code instead.` });
      return true;
    }
    if (problem) {
      this.issues.length = 0;
      this.issues.push(problem);
      return false;
    }
    if (this.issues.length) return false; // the ZIP was given but is unusable
    const why = zeroZero
      ? 'Latitude/longitude 0,0 is not a real location and there is no ZIP code.'
      : latStatus === ReadStatus.Empty && lonStatus === ReadStatus.Empty
        ? 'No latitude/longitude and no ZIP code.'
        : `${latStatus === ReadStatus.Empty ? 'Latitude' : 'Longitude'} is empty and there is no ZIP code.`;
    this.fail('missing-location', 'rejected', null, zeroZero ? `${latText}, ${lonText}` : '', why);
    return false;
  }

  private fromZip(zipCell: string): boolean {
    if (zipCell.trim() === '') return false;
    const zip5 = this.zip5;
    if (zip5 === null) {
      this.fail('unknown-zip', 'rejected', 'zip', zipCell, `“${zipCell}” is not a US ZIP code, and there are no coordinates.`);
      return false;
    }
    const place = this.zips.get(zip5);
    if (place) {
      this.set(place.lat, place.lon, LocationSource.Zip);
      return true;
    }
    const area = this.zips.getZip3(zip5.slice(0, 3));
    if (area) {
      this.set(area.lat, area.lon, LocationSource.Zip3);
      this.fail('approximate-zip', 'warning', 'zip', zipCell, `ZIP code ${zip5} is not in the ZIP table; placed at the centre of the ${zip5.slice(0, 3)}xx area (approximate).`);
      return true;
    }
    this.fail('unknown-zip', 'rejected', 'zip', zipCell, `ZIP code ${zip5} is not in the ZIP table, nor is its ${zip5.slice(0, 3)}xx area.`);
    return false;
  }

  private set(lat: number, lon: number, source: LocationSource): void {
    this.at[0] = lat;
    this.at[1] = lon;
    this.source = source;
  }

  get lat(): number {
    return this.at[0];
  }

  get lon(): number {
    return this.at[1];
  }

  private issue(kind: IssueKind, field: LocateField, value: string, message: string): LocateIssue {
    return { kind, severity: 'rejected', field, value, message };
  }

  private fail(kind: IssueKind, severity: LocateIssue['severity'], field: LocateField, value: string, message: string): void {
    this.issues.push({ kind, severity, field, value, message });
  }
}
