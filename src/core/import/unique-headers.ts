/**
 * Header texts made usable as keys: trimmed, an empty header becomes "Column 3" (its 1-based
 * position, as a spreadsheet user counts), and repeats get a number: "Phone", "Phone (2)".
 */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((raw, i) => {
    const base = raw.trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}
