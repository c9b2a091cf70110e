/**
 * Printed pages and page ranges, for any text: no throw, and what is read
 * reads back the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPageRange, MAX_ARABIC_PAGE, parsePageRange, parsePrintedPage, PRINTED_PAGE_PATTERN, romanToNumber } from '../../../src/core/page-ranges';
import { hostileText, PROPERTY_RUNS } from '../property-runs';

/** Roman numerals 1–3999, written the canonical way. */
function toRoman(value: number): string {
  const digits: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = value;
  let roman = '';
  for (const [amount, letters] of digits) {
    while (rest >= amount) {
      roman += letters;
      rest -= amount;
    }
  }
  return roman;
}

const pageText = fc.oneof(
  hostileText,
  fc.integer({ min: -5, max: 200_000 }).map(String),
  fc.integer({ min: 1, max: 3999 }).map(toRoman),
  fc.string({ unit: fc.constantFrom('i', 'v', 'x', 'l', 'c', 'd', 'm', 'I', 'V', 'X'), maxLength: 12 }),
);

describe('parsePrintedPage, for any text', () => {
  it('gives null or a page whose label reads back as the same page', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const page = parsePrintedPage(text);
        if (page === null) return;
        expect(parsePrintedPage(page.label)).toEqual(page);
        expect(Number.isInteger(page.value) && page.value >= 1).toBe(true);
      }),
      PROPERTY_RUNS,
    );
  });

  it('reads every canonical roman numeral, either case, as its value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), fc.boolean(), (value, upper) => {
        const roman = upper ? toRoman(value).toUpperCase() : toRoman(value);
        expect(romanToNumber(roman)).toBe(value);
        expect(parsePrintedPage(roman)).toEqual({ label: toRoman(value), numbering: 'roman', value });
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('PRINTED_PAGE_PATTERN, the page rule the OpenAPI document states', () => {
  const pattern = new RegExp(PRINTED_PAGE_PATTERN, 'u');
  const blank = fc.constantFrom('', ' ', '\t', '\u00a0', '\ufeff');
  const padded = fc.tuple(blank, pageText, blank).map((parts) => parts.join(''));

  it('matches exactly the texts parsePrintedPage reads, but for arabic numbers out of range', () => {
    fc.assert(
      fc.property(padded, (text) => {
        const outOfRange = /^\s*[0-9]+\s*$/.test(text) && !(Number(text) >= 1 && Number(text) <= MAX_ARABIC_PAGE);
        expect(pattern.test(text), JSON.stringify(text)).toBe(parsePrintedPage(text) !== null || outOfRange);
      }),
      PROPERTY_RUNS,
    );
  });

  it('takes roman in either case and arabic, and refuses the rest', () => {
    for (const page of ['ii', 'IV', 'xLiX', ' 12 ', '100000']) expect(pattern.test(page), page).toBe(true);
    for (const page of ['', 'iiii', 'ic', 'vx', '12a', '1.5', '-3', 'i v']) expect(pattern.test(page), page).toBe(false);
  });
});

describe('parsePageRange, for any text', () => {
  it('gives a reason or a range that starts before it ends, in one numbering; never throws', () => {
    fc.assert(
      fc.property(fc.oneof(pageText, fc.tuple(pageText, fc.constantFrom('-', '–', ' - '), pageText).map((parts) => parts.join(''))), (text) => {
        const result = parsePageRange(text);
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(0);
          return;
        }
        if (result.range === null) return;
        expect(result.range.from).toBeLessThanOrEqual(result.range.to);
        expect(formatPageRange(result.range)).toMatch(/^pp?\. /);
      }),
      PROPERTY_RUNS,
    );
  });
});
