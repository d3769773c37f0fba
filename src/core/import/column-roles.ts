import type { AccountRole } from '../accounts/account';
import { guessColumns, type RoleRule } from './column-scoring';
import type { ColumnGuess, ColumnMapping } from './types';
import { looksCount, looksId, looksLabel, looksLat, looksLon, looksMoney, looksState, looksStreet, looksText, looksZip } from './value-shapes';

const all = (keys: string, score: number): Record<string, number> =>
  Object.fromEntries(keys.split('|').map((k) => [k, score]));

/**
 * What accounts files call each field: Salesforce reports ("Billing Zip/Postal Code"), HubSpot
 * exports ("State/Region", "Company owner") and hand-made spreadsheets ("Sales LY", "Lng").
 * Headers are matched after normalizeHeader(), and again without prefixes like "Billing".
 */
export const ACCOUNT_ROLE_RULES: readonly RoleRule<AccountRole>[] = [
  {
    role: 'id',
    exact: {
      ...all('id|kundennummer|record id|account id|customer id|company id|account number|customer number|account number|number|account no|customer no|acct id|acct number|acct no|cust id|cust no|cust number|cust num|customer num|account num|acct num|customer code|account code|sfdc id|salesforce id|hubspot id|external id|crm id|key', 1),
      ...all('code|no|ref|reference', 0.6),
    },
    words: { id: 0.6, number: 0.45 },
    not: ['owner', 'parent', 'user', 'created', 'modified', 'contact', 'rep', 'phone', 'tax', 'vat', 'duns', 'zip', 'postal'],
    shape: looksId,
    unique: true,
  },
  {
    role: 'name',
    exact: {
      ...all('name|account name|company name|customer name|business name|client name|organization name|organisation name|store name|location name|legal name|dba', 1),
      ...all('company|customer|account|client|organization|organisation|business|store|outlet|practice', 0.9),
    },
    words: { name: 0.6, company: 0.5, customer: 0.45 },
    not: ['id', 'number', 'code', 'owner', 'rep', 'contact', 'first', 'last', 'user', 'city', 'street', 'parent', 'file', 'type', 'segment', 'since', 'email', 'phone', 'alias'],
    shape: looksText,
  },
  {
    role: 'lat',
    exact: { ...all('lat|latitude|breitengrad|lat dd|latitude dd|geo lat|geolocation latitude|lat wgs 84', 1), y: 0.55 },
    words: { latitude: 0.8, lat: 0.7 },
    shape: looksLat,
  },
  {
    role: 'lon',
    exact: { ...all('lon|long|lng|longitude|langengrad|lon dd|longitude dd|geo lon|geo long|geolocation longitude|long wgs 84', 1), x: 0.55 },
    words: { longitude: 0.8, lng: 0.7, lon: 0.7 },
    shape: looksLon,
  },
  {
    role: 'zip',
    exact: all('zip|zipcode|zip code|zip postal code|billing code|shipping code|mailing code|postal code|postal zip code|postcode|post code|postal|zip 5|zip5|zip 4|plz', 1),
    words: { zip: 0.8, postal: 0.75, postcode: 0.75 },
    shape: looksZip,
  },
  {
    role: 'street',
    exact: {
      ...all('street|street address|address|address 1|address line 1|street 1|address1|street line 1|addr|addr 1', 1),
      ...all('full address', 0.6),
    },
    words: { street: 0.7, address: 0.6 },
    not: ['2', '3', 'email', 'e mail', 'web', 'ip', 'city', 'zip', 'state'],
    shape: looksStreet,
  },
  {
    role: 'city',
    exact: all('city|town|municipality|locality|city town', 1),
    words: { city: 0.7 },
    shape: looksText,
  },
  {
    role: 'state',
    exact: { ...all('state|state province|state region|province|state code|state province code|st', 1), region: 0.45 },
    words: { state: 0.6, province: 0.6 },
    not: ['statement', 'status'],
    shape: looksState,
  },
  {
    role: 'revenue',
    exact: all('annual revenue|revenue|umsatz|sales|sales ly|ly sales|last year sales|sales last year|revenue ly|ly revenue|last year revenue|revenue last year|prior year sales|py sales|annual sales|total sales|net sales|turnover|sales volume|volume|arr|spend|annual spend', 1),
    words: { revenue: 0.75, sales: 0.7, turnover: 0.7, spend: 0.5, volume: 0.5, amount: 0.4, ly: 0.45 },
    not: ['potential', 'opportunity', 'target', 'quota', 'forecast', 'growth', 'rep', 'owner', 'person', 'region', 'territory', 'stage', 'channel', 'id', 'date', 'manager', 'type'],
    shape: looksMoney,
  },
  {
    role: 'potential',
    exact: all('potential|revenue potential|sales potential|potential revenue|potential sales|market potential|estimated potential|wallet|wallet size|share of wallet|opportunity|opportunity size|tam', 1),
    words: { potential: 0.9, opportunity: 0.6, wallet: 0.6 },
    not: ['date', 'stage', 'id', 'owner'],
    shape: looksMoney,
  },
  {
    role: 'segment',
    exact: {
      ...all('segment|account segment|customer segment|market segment|segmentation', 1),
      ...all('category|vertical|customer type|account type|channel', 0.6),
      ...all('type|industry', 0.45),
    },
    words: { segment: 0.8, category: 0.5, vertical: 0.5 },
    not: ['id', 'code'],
    shape: looksLabel,
  },
  {
    role: 'classification',
    exact: {
      ...all('classification|class|tier|account tier|customer tier|account class|customer class|abc|abc class|abc classification', 1),
      ...all('rating|account rating|priority|grade', 0.55),
    },
    words: { class: 0.8, classification: 0.85, tier: 0.85, rating: 0.5, priority: 0.5 },
    shape: looksLabel,
  },
  {
    role: 'owner',
    exact: {
      ...all('owner|account owner|company owner|owner name|account owner name|rep|sales rep|rep name|sales representative|representative|salesperson|sales person|account manager|account executive|territory owner|assigned rep|assigned to|hubspot owner|sales owner|territory manager', 1),
      ...all('ae|am|tm|manager', 0.6),
    },
    words: { owner: 0.7, rep: 0.65, salesperson: 0.65, manager: 0.4 },
    not: ['id', 'email', 'phone', 'since', 'date'],
    shape: looksLabel,
  },
  {
    role: 'visits',
    exact: all('visits|visits yr|visits year|visits per year|annual visits|visit frequency|call frequency|calls per year|calls yr|calls year|frequency|visit cycle|call cycle|calls|visits per annum', 1),
    words: { visits: 0.8, visit: 0.7, frequency: 0.6, calls: 0.55 },
    not: ['last', 'date', 'next'],
    shape: looksCount,
  },
];

/** Best column for each account role, from the headers and the first rows of the file. */
export function guessMapping(
  headers: readonly string[],
  sampleRows: readonly string[][],
): { guesses: ColumnGuess<AccountRole>[]; mapping: ColumnMapping<AccountRole> } {
  return guessColumns(ACCOUNT_ROLE_RULES, headers, sampleRows);
}
