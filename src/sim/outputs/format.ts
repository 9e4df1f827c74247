/** "0", "0.0", "0.00", … and their negatives, for each number of decimals toFixed takes. */
const ZEROS = Array.from({ length: 101 }, (_, decimals) => (0).toFixed(decimals));
const NEGATIVE_ZEROS = ZEROS.map((zero) => `-${zero}`);

/** Fixed-decimal number for CSV: deterministic text, empty for a missing value; −0.04 to 1 decimal is 0.0, not -0.0. */
export function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const text = value.toFixed(decimals);
  return text === NEGATIVE_ZEROS[decimals] ? ZEROS[decimals]! : text;
}

/** A CSV field: quoted when it holds a comma, quote or line break. */
export function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
