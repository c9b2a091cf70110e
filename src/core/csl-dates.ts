/** CSL date parts ([year, month?, day?]) written out for the formats that want them whole. */

/**
 * Joins date parts with zero-padded month and day.
 * @example formatDateParts([2013, 8, 1], '/') // '2013/08/01'
 */
export function formatDateParts(parts: number[], separator: string): string {
  return parts.map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0'))).join(separator);
}
