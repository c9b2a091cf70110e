/**
 * How a citation style writes the last page of a page range, by the CSL
 * specification's `page-range-format` (CSL 1.0.2, Appendix V "Page Range
 * Formats"), as citeproc-js 2.4.63 applies it: the build derives a
 * section's citation from its report's template with this (see
 * `sectionCiter` in ./render.ts) instead of rendering it, and proves
 * derivations against real renders. `test/node/page-range-format.test.ts`
 * checks it against citeproc-js for every format over thousands of ranges.
 *
 * Only the plain case is answered: two whole numbers written in the same
 * number of digits, the first smaller. Anything else (roman numerals, a
 * range across a power of ten, a reversed range) is null, and the build
 * renders that section.
 *
 * Build-only.
 */

/** The `page-range-format` values of CSL 1.0.2; a style without one prints ranges in full. */
export const PAGE_RANGE_FORMATS = ['expanded', 'minimal', 'minimal-two', 'chicago', 'chicago-15', 'chicago-16'] as const;
export type PageRangeFormat = (typeof PAGE_RANGE_FORMATS)[number];

/** The `page-range-format` a style's CSL sets on its `<style>` element, or null. */
export function pageRangeFormatOf(styleXml: string): PageRangeFormat | null {
  const value = /<style\b[^>]*\bpage-range-format="([^"]*)"/.exec(styleXml)?.[1];
  return PAGE_RANGE_FORMATS.find((format) => format === value) ?? null;
}

/** The last number with the leading digits it shares with the first left out, keeping at least `keep`. */
function withoutSharedDigits(first: string, last: string, keep: number): string {
  let shared = 0;
  while (shared < last.length && first[shared] === last[shared] && last.length - shared > keep) shared++;
  return last.slice(shared);
}

/**
 * The last page of the range `first`–`last` as a style writes it, or null
 * where the range is not the plain case this module answers.
 * @example shortenedLastPage('321', '328', 'minimal') // '8'
 * @example shortenedLastPage('321', '328', 'minimal-two') // '28'
 * @example shortenedLastPage('1496', '1504', 'chicago-16') // '504'
 * @example shortenedLastPage('ii', 'iv', 'minimal') // null
 */
export function shortenedLastPage(first: string, last: string, format: PageRangeFormat | null): string | null {
  const whole = /^[1-9]\d*$/;
  if (!whole.test(first) || !whole.test(last) || first.length !== last.length || Number(first) >= Number(last)) return null;
  const [begin, end] = [Number(first), Number(last)];
  switch (format) {
    case null:
    case 'expanded':
      return last;
    // "All digits repeated in the second number are left out."
    case 'minimal':
      return withoutSharedDigits(first, last, 1);
    // "As minimal, but at least two digits are kept in the second number when it has two or more digits."
    case 'minimal-two':
      return withoutSharedDigits(first, last, 2);
    // Chicago 15th: a first page past 100 and not a multiple of it keeps the last two digits when only they change
    // ("321–25", "107–8", zeros left out); citeproc-js writes a five-digit range's last three otherwise ("11564–615").
    case 'chicago':
    case 'chicago-15':
      if (begin > 100 && begin % 100 !== 0 && Math.floor(begin / 100) === Math.floor(end / 100)) return String(end % 100);
      return begin >= 10000 ? String(end % 1000) : last;
    // Chicago 16th and 17th: as few digits as show the change, at least two ("1496–504", "321–25", "107–8").
    case 'chicago-16':
      if (begin > 100 && begin % 100 !== 0) {
        for (let digits = 2; digits < last.length; digits++) {
          const divisor = 10 ** digits;
          if (Math.floor(begin / divisor) === Math.floor(end / divisor)) return String(end % divisor);
        }
      }
      return last;
  }
}
