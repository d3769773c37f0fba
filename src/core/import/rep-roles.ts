import { guessColumns, type RoleRule } from './column-scoring';
import type { ColumnGuess, ColumnMapping, RepRole } from './types';
import { looksId, looksLat, looksLon, looksMoney, looksText, looksZip } from './value-shapes';

const all = (keys: string, score: number): Record<string, number> =>
  Object.fromEntries(keys.split('|').map((k) => [k, score]));

/** What reps files call each field: "Rep Name", "Sales Rep", "Home Zip", "Annual Quota". */
export const REP_ROLE_RULES: readonly RoleRule<RepRole>[] = [
  {
    role: 'id',
    exact: all('id|rep id|employee id|employee number|user id|rep number|rep code|sales rep id|owner id', 1),
    words: { id: 0.6 },
    not: ['manager', 'zip', 'postal'],
    shape: looksId,
    unique: true,
  },
  {
    role: 'name',
    exact: all('name|rep|rep name|sales rep|sales rep name|representative|sales representative|salesperson|sales person|full name|employee|employee name|owner|owner name|account owner|user|user name', 1),
    words: { name: 0.6, rep: 0.55 },
    not: ['id', 'number', 'code', 'first', 'last', 'manager', 'email', 'territory name', 'city', 'file'],
    shape: looksText,
  },
  {
    role: 'lat',
    exact: { ...all('lat|latitude|home lat|home latitude|base lat|base latitude', 1), y: 0.55 },
    words: { latitude: 0.8, lat: 0.7 },
    shape: looksLat,
  },
  {
    role: 'lon',
    exact: { ...all('lon|long|lng|longitude|home lon|home long|home lng|home longitude|base lon|base longitude', 1), x: 0.55 },
    words: { longitude: 0.8, lng: 0.7, lon: 0.7 },
    shape: looksLon,
  },
  {
    role: 'zip',
    exact: all('zip|zipcode|zip code|home zip|home zip code|home zipcode|base zip|office zip|postal code|home postal code|postcode|zip postal code', 1),
    words: { zip: 0.8, postal: 0.75 },
    shape: looksZip,
  },
  {
    role: 'quota',
    exact: all('quota|annual quota|sales quota|quota usd|target|sales target|annual target|revenue target|goal|plan|annual plan', 1),
    words: { quota: 0.85, target: 0.6, goal: 0.5 },
    not: ['id', 'date', 'attainment', 'percent', 'pct'],
    shape: looksMoney,
  },
];

/** Best column for each reps role, from the headers and the first rows of the file. */
export function guessRepMapping(
  headers: readonly string[],
  sampleRows: readonly string[][],
): { guesses: ColumnGuess<RepRole>[]; mapping: ColumnMapping<RepRole> } {
  return guessColumns(REP_ROLE_RULES, headers, sampleRows);
}
