/**
 * How a style writes the last page of a range (`scripts/citations/page-range-format.ts`):
 * the CSL specification's own examples, written out by hand with the rule
 * they come from, then every format against citeproc-js itself over
 * thousands of ranges, since the build puts this function's answer where
 * citeproc-js would have put its own.
 */
import fc from 'fast-check';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { PAGE_RANGE_FORMATS, pageRangeFormatOf, shortenedLastPage, type PageRangeFormat } from '../../../scripts/citations/page-range-format';
import { PROPERTY_RUNS } from '../property-runs';

const written = (range: string, format: PageRangeFormat | null) => {
  const [first, last] = range.split('-');
  const shortened = shortenedLastPage(first, last, format);
  return shortened === null ? null : `${first}–${shortened}`;
};

describe('the last page of a range, by the CSL specification', () => {
  it('expanded, minimal and minimal-two (CSL 1.0.2, Appendix V "Page Range Formats")', () => {
    // "expanded": 42–45, 321–328, 2787–2816; "minimal": 42–5, 321–8, 2787–816; "minimal-two": 42–45, 321–28, 2787–816.
    expect(['42-45', '321-328', '2787-2816'].map((r) => written(r, 'expanded'))).toEqual(['42–45', '321–328', '2787–2816']);
    expect(['42-45', '321-328', '2787-2816'].map((r) => written(r, 'minimal'))).toEqual(['42–5', '321–8', '2787–816']);
    expect(['42-45', '321-328', '2787-2816'].map((r) => written(r, 'minimal-two'))).toEqual(['42–45', '321–28', '2787–816']);
    // No format: ranges in full.
    expect(written('321-328', null)).toBe('321–328');
  });

  it('chicago (Chicago 15th, 9.64; the CSL test suite page_Chicago)', () => {
    // Less than 100: all digits (71–72; 3–10 crosses a power of ten, which the build renders). 100 or a multiple: all (100–104, 600–613, 1100–1123). 101 through 109:
    // the changed part, zeros left out (101–8, 107–8, 505–17, 1002–6). 110 through 199: two digits or more as needed
    // (321–25, 415–532, 1536–38, 11564–68, 11564–78, 13792–803). Four digits, three changing: all (1496–1504, 2787–2816).
    const cases: Record<string, string> = {
      '71-72': '71–72', '100-104': '100–104', '600-613': '600–613', '1100-1123': '1100–1123',
      '101-108': '101–8', '107-108': '107–8', '505-517': '505–17', '1002-1006': '1002–6',
      '321-325': '321–25', '415-532': '415–532', '1536-1538': '1536–38', '11564-11568': '11564–68', '11564-11578': '11564–78', '13792-13803': '13792–803',
      '1496-1504': '1496–1504', '2787-2816': '2787–2816',
    };
    for (const [range, expected] of Object.entries(cases)) {
      expect(written(range, 'chicago'), range).toBe(expected);
      expect(written(range, 'chicago-15'), range).toBe(expected);
    }
  });

  it('chicago-16 (Chicago 16th and 17th, 9.61: as few digits as show the change, at least two)', () => {
    const cases: Record<string, string> = { '100-104': '100–104', '101-108': '101–8', '321-328': '321–28', '498-532': '498–532', '1087-1089': '1087–89', '1496-1500': '1496–500', '11564-11615': '11564–615', '12991-13001': '12991–3001' };
    for (const [range, expected] of Object.entries(cases)) expect(written(range, 'chicago-16'), range).toBe(expected);
  });

  it('answers only two whole numbers of the same length, the first smaller', () => {
    expect(written('ii-iv', 'minimal')).toBeNull();
    expect(written('96-117', 'chicago')).toBeNull();
    expect(written('3-10', 'chicago-16')).toBeNull();
    expect(written('14-9', 'expanded')).toBeNull();
    expect(written('09-14', 'expanded')).toBeNull();
    expect(written('12-12', 'expanded')).toBeNull();
  });

  it('reads a style\'s format off its <style> element', () => {
    expect(pageRangeFormatOf('<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" page-range-format="minimal-two">')).toBe('minimal-two');
    expect(pageRangeFormatOf('<style class="note"><citation page-range-format="minimal">')).toBeNull();
    expect(pageRangeFormatOf('<style page-range-format="roman">')).toBeNull();
  });
});

describe('the last page of a range, against citeproc-js', () => {
  // One small style per format that prints only the locator: what citeproc-js makes of a range is all there is.
  const config = plugins.config.get('@csl');
  const probe = (format: PageRangeFormat | null) => {
    const name = `page-range-probe-${format ?? 'none'}`;
    if (!config.styles.has(name)) {
      config.styles.add(
        name,
        `<?xml version="1.0" encoding="utf-8"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"${format ? ` page-range-format="${format}"` : ''}><info><title>probe</title><id>probe</id><updated>2026-11-28T00:00:00+00:00</updated></info><citation><layout><text variable="locator"/></layout></citation><bibliography><layout><text variable="title"/></layout></bibliography></style>`,
      );
    }
    const engine = config.engine([{ id: 'x', type: 'book', title: 'T' }], name, 'en-US', 'text');
    engine.updateItems(['x']);
    return (range: string) => engine.makeCitationCluster([{ id: 'x', locator: range, label: 'page' }]);
  };
  // Ranges of one to five digits, both numbers the same length: the case the function answers.
  const range = fc
    .integer({ min: 1, max: 5 })
    .chain((digits) => fc.tuple(fc.integer({ min: digits === 1 ? 1 : 10 ** (digits - 1), max: 10 ** digits - 2 }), fc.constant(digits)))
    .chain(([first, digits]) => fc.tuple(fc.constant(first), fc.integer({ min: first + 1, max: 10 ** digits - 1 })))
    .map(([first, last]) => `${first}-${last}`);

  for (const format of [null, ...PAGE_RANGE_FORMATS]) {
    it(`${format ?? 'no format'}: the same as citeproc-js`, () => {
      const render = probe(format);
      fc.assert(
        fc.property(range, (pages) => {
          expect(written(pages, format)).toBe(render(pages));
        }),
        { ...PROPERTY_RUNS, numRuns: 2000 },
      );
    });
  }
});
