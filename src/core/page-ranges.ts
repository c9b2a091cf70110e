import type { Numbering, PageRange, Section } from './types';

/** A single printed page, read from a URL or a source file. */
export interface PrintedPage {
  label: string;
  numbering: Numbering;
  value: number;
}

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
// Canonical roman numerals only, so "iiii" or "ic" are rejected rather than guessed at.
const CANONICAL_ROMAN = /^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
// Printed page numbers in reports stay far below this; it keeps numbers safe.
export const MAX_ARABIC_PAGE = 100000;

/**
 * What `parsePrintedPage` reads, as an ECMA-262 pattern for JSON Schema (which
 * has no case-insensitive flag): arabic digits, or a canonical roman numeral
 * in either case, blanks around allowed. Built from the same roman grammar, so
 * the two cannot differ; only the arabic range (1 to MAX_ARABIC_PAGE) is left
 * to the words of a description.
 * @example new RegExp(PRINTED_PAGE_PATTERN).test('IV') // true
 */
export const PRINTED_PAGE_PATTERN = `^\\s*(?:[0-9]+|(?=[${[...'ivxlcdm'].map((l) => l + l.toUpperCase()).join('')}])${CANONICAL_ROMAN.source
  .slice(1, -1)
  .replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`)})\\s*$`;

/** Value of a roman numeral (case-insensitive), or null if it is not one. */
export function romanToNumber(text: string): number | null {
  const roman = text.toLowerCase();
  if (roman === '' || !CANONICAL_ROMAN.test(roman)) return null;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i]];
    const next = ROMAN_VALUES[roman[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const ROMAN_DIGITS: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/**
 * A number as a lower-case roman numeral, the inverse of {@link romanToNumber}.
 * @example numberToRoman(14) // 'xiv'
 */
export function numberToRoman(value: number): string {
  let rest = value;
  let text = '';
  for (const [n, digits] of ROMAN_DIGITS) {
    for (; rest >= n; rest -= n) text += digits;
  }
  return text;
}

/**
 * How a page of a numbering is printed: lower-case roman, or arabic.
 * @example printedLabel('roman', 3) // 'iii'
 */
export function printedLabel(numbering: Numbering, value: number): string {
  return numbering === 'roman' ? numberToRoman(value) : String(value);
}

/**
 * Every printed page of a range, in order.
 * @example rangeLabels(parsePageRange('ii-iv').range) // ['ii', 'iii', 'iv']
 */
export function rangeLabels(range: PageRange): string[] {
  return Array.from({ length: range.to - range.from + 1 }, (_, i) => printedLabel(range.numbering, range.from + i));
}

/**
 * Reads one printed page number, roman or arabic, case-insensitive.
 * @example parsePrintedPage('III') // { label: 'iii', numbering: 'roman', value: 3 }
 */
export function parsePrintedPage(text: string): PrintedPage | null {
  const trimmed = text.trim();
  if (/^[0-9]+$/.test(trimmed)) {
    const value = Number(trimmed);
    if (value < 1 || value > MAX_ARABIC_PAGE) return null;
    return { label: String(value), numbering: 'arabic', value };
  }
  const value = romanToNumber(trimmed);
  if (value === null) return null;
  return { label: trimmed.toLowerCase(), numbering: 'roman', value };
}

/** Why a page range could not be read; the build reports it with file and line. */
export type PageRangeResult = { ok: true; range: PageRange | null } | { ok: false; reason: string };

/**
 * Reads a range as JSTOR prints it: "None", "i-ii", "4-9" or a single page "5".
 * @example parsePageRange('iii-iv') // { ok: true, range: { label: 'iii-iv', from: 3, to: 4, ... } }
 */
export function parsePageRange(text: string): PageRangeResult {
  const label = text.trim();
  if (label === 'None') return { ok: true, range: null };
  const parts = label.split(/\s*[-–]\s*/);
  if (parts.length > 2 || parts.some((part) => part === '')) {
    return { ok: false, reason: `"${label}" is not a page range like "4-9", "i-ii" or "None"` };
  }
  const first = parsePrintedPage(parts[0]);
  const last = parsePrintedPage(parts[parts.length - 1]);
  if (!first || !last) {
    return { ok: false, reason: `"${label}" has a page that is neither a roman nor an arabic numeral` };
  }
  if (first.numbering !== last.numbering) {
    return { ok: false, reason: `"${label}" mixes roman and arabic page numbers` };
  }
  if (first.value > last.value) {
    return { ok: false, reason: `"${label}" ends before it starts` };
  }
  return {
    ok: true,
    range: { label, first: first.label, last: last.label, numbering: first.numbering, from: first.value, to: last.value },
  };
}

/** Whether a range holds a printed page (roman and arabic are separate sequences). */
export function rangeHoldsPage(range: PageRange | null, page: PrintedPage): boolean {
  return range !== null && range.numbering === page.numbering && range.from <= page.value && page.value <= range.to;
}

/**
 * The sections that hold a printed page, in order; two when a page is shared.
 * @example sectionsHoldingPage(sections, parsePrintedPage('4')!) // sections 5 and 6
 */
export function sectionsHoldingPage(sections: Section[], page: PrintedPage): Section[] {
  return sections.filter((section) => rangeHoldsPage(section.pages, page));
}

/** Human form of a range with an en dash, e.g. "pp. 4–9", "p. 26". */
export function formatPageRange(range: PageRange): string {
  return range.first === range.last ? `p. ${range.first}` : `pp. ${range.first}–${range.last}`;
}
