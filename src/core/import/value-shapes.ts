import { normalizeZip } from '../geo/zip-normalize';
import { parseCoordinateCell, parseNumberCell } from './values';

/**
 * Tests of what a column's sample values look like, for scoring column roles. Each returns true
 * for a non-empty cell of that shape; the scorer only looks at non-empty cells.
 */
export type Shape = (cell: string) => boolean;

const num = (cell: string): number | null => {
  const v = parseNumberCell(cell);
  return typeof v === 'number' ? v : null;
};

export const looksLat: Shape = (cell) => {
  const v = parseCoordinateCell(cell);
  return typeof v === 'number' && v >= -90 && v <= 90 && v !== 0;
};

export const looksLon: Shape = (cell) => {
  const v = parseCoordinateCell(cell);
  return typeof v === 'number' && v >= -180 && v <= 180 && v !== 0;
};

/** 5 digits, ZIP+4, or a ZIP that lost its leading zeros; not a decimal number. */
export const looksZip: Shape = (cell) => !/[.,]\d*[1-9]/.test(cell) && normalizeZip(cell) !== null;

export const looksMoney: Shape = (cell) => num(cell) !== null;

/** Visit frequencies: small non-negative numbers. */
export const looksCount: Shape = (cell) => {
  const v = num(cell);
  return v !== null && v >= 0 && v <= 1000;
};

/** Has letters: names, cities, labels (not numbers or codes made of digits). */
export const looksText: Shape = (cell) => /\p{L}/u.test(cell);

/** A street address usually starts with a house number, or at least contains a digit and letters. */
export const looksStreet: Shape = (cell) => /\d/.test(cell) && /\p{L}{2}/u.test(cell);

const STATE_CODES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'.split(' '),
);

export const looksState: Shape = (cell) => {
  const s = cell.trim();
  return STATE_CODES.has(s.toUpperCase()) || (/^\p{L}[\p{L} .]{3,}$/u.test(s) && s.length <= 24);
};

/** Labels that repeat (segments, tiers, owners): short text. */
export const looksLabel: Shape = (cell) => cell.trim().length <= 40;

/** Identifiers: no spaces inside, or digits. */
export const looksId: Shape = (cell) => !/\s/.test(cell.trim()) && cell.trim().length <= 40;
