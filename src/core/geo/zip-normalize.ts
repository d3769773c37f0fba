/**
 * Turns a ZIP cell as spreadsheets and CRMs export it into a 5-digit ZIP, or null when it is not
 * a US ZIP. Covers the damage such tools do: leading zeros dropped by a number cell ('2139'),
 * numeric exports ('2139.0'), text markers ("'02139", '="02139"') and ZIP+4 in any of those forms.
 */
export function normalizeZip(raw: string): string | null {
  let s = raw.trim();
  // Excel's text formula ="02139" and the apostrophe that forces a cell to text
  const formula = /^="(.*)"$/.exec(s);
  if (formula) s = formula[1].trim();
  if (s.startsWith("'")) s = s.slice(1).trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).trim();

  // Number cells exported with a decimal part: only zeros after the point are harmless.
  const numeric = /^(\d+)\.0*$/.exec(s);
  if (numeric) s = numeric[1];

  let five: string;
  const plus4 = /^(\d{3,5})\s*[-\u2010-\u2013\s]\s*\d{4}$/.exec(s);
  if (plus4) five = plus4[1];
  else if (/^\d{9}$/.test(s)) five = s.slice(0, 5);
  // 3 digits is the shortest a real ZIP can shrink to (00501 is the lowest ZIP in use)
  else if (/^\d{3,5}$/.test(s)) five = s;
  else return null;

  five = five.padStart(5, '0');
  return five === '00000' ? null : five;
}
