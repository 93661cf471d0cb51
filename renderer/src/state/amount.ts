// Numbers typed the way people write them in the restaurant's country. Pure.

/** "9,50", "9.50", "1.234,50" and "1,234.50" read right; blank or junk is null. */
export function parseAmount(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '');
  if (!cleaned) return null;
  // A comma followed by one or two digits at the end is the decimal mark; dots before it group thousands.
  const normal = /,\d{1,2}$/.test(cleaned) ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

/** "10, 20,30" → [10, 20, 30]; null when any piece is not a whole number. */
export function parseNumberList(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const numbers = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  return numbers.some((n) => !Number.isFinite(n)) ? null : numbers;
}
