import { describe, expect, it } from 'vitest';
import {
  formatPageRange,
  parsePageRange,
  parsePrintedPage,
  rangeHoldsPage,
  rangeLabels,
  romanToNumber,
  sectionsHoldingPage,
} from '../../src/core/page-ranges';
import type { PageRange, Section } from '../../src/core/types';
import { loadSeedReports } from './seed-fixture';

describe('romanToNumber', () => {
  it.each([
    ['i', 1],
    ['ii', 2],
    ['iv', 4],
    ['ix', 9],
    ['xiv', 14],
    ['xl', 40],
    ['xc', 90],
    ['mcmxcii', 1992],
  ])('reads %s as %i', (roman, value) => {
    expect(romanToNumber(roman)).toBe(value);
  });

  it('reads upper and mixed case the same as lower case', () => {
    expect(romanToNumber('IV')).toBe(4);
    expect(romanToNumber('Xl')).toBe(40);
  });

  it.each(['iiii', 'ic', 'vv', 'il', '', '0', 'abc', '4', 'i v'])('rejects %j as not a canonical roman numeral', (text) => {
    expect(romanToNumber(text)).toBeNull();
  });
});

describe('parsePrintedPage', () => {
  it('reads an upper-case roman page as a lower-case roman label', () => {
    expect(parsePrintedPage('III')).toEqual({ label: 'iii', numbering: 'roman', value: 3 });
  });

  it('reads an arabic page, trimming spaces and leading zeros', () => {
    expect(parsePrintedPage(' 26 ')).toEqual({ label: '26', numbering: 'arabic', value: 26 });
    expect(parsePrintedPage('007')).toEqual({ label: '7', numbering: 'arabic', value: 7 });
  });

  it.each(['0', '', '  ', 'abc', '4a', '-3', '1.5', '100001', 'iiii'])('rejects %j', (text) => {
    expect(parsePrintedPage(text)).toBeNull();
  });
});

describe('parsePageRange', () => {
  it('reads "None" as a segment without printed pages', () => {
    expect(parsePageRange('None')).toEqual({ ok: true, range: null });
  });

  it('reads a roman range', () => {
    expect(parsePageRange('iii-iv')).toEqual({
      ok: true,
      range: { label: 'iii-iv', first: 'iii', last: 'iv', numbering: 'roman', from: 3, to: 4 },
    });
  });

  it('reads an arabic range and a single page', () => {
    expect(parsePageRange('4-9')).toEqual({
      ok: true,
      range: { label: '4-9', first: '4', last: '9', numbering: 'arabic', from: 4, to: 9 },
    });
    expect(parsePageRange('5')).toEqual({
      ok: true,
      range: { label: '5', first: '5', last: '5', numbering: 'arabic', from: 5, to: 5 },
    });
  });

  it.each([
    ['4-q', '"4-q" has a page that is neither a roman nor an arabic numeral'],
    ['9-4', '"9-4" ends before it starts'],
    ['ii-4', '"ii-4" mixes roman and arabic page numbers'],
    ['1-2-3', '"1-2-3" is not a page range like "4-9", "i-ii" or "None"'],
    ['', '"" is not a page range like "4-9", "i-ii" or "None"'],
    ['none', '"none" has a page that is neither a roman nor an arabic numeral'],
  ])('rejects %j: %s', (text, reason) => {
    expect(parsePageRange(text)).toEqual({ ok: false, reason });
  });
});

function rangeOf(text: string): PageRange {
  const result = parsePageRange(text);
  if (!result.ok || result.range === null) throw new Error(`no range in ${text}`);
  return result.range;
}

describe('rangeHoldsPage and formatPageRange', () => {
  const romanOneToFour: PageRange = { label: 'i-iv', first: 'i', last: 'iv', numbering: 'roman', from: 1, to: 4 };

  it('keeps roman and arabic pages apart: roman i-iv does not hold arabic 2', () => {
    expect(rangeHoldsPage(romanOneToFour, parsePrintedPage('ii')!)).toBe(true);
    expect(rangeHoldsPage(romanOneToFour, parsePrintedPage('2')!)).toBe(false);
    expect(rangeHoldsPage(null, parsePrintedPage('1')!)).toBe(false);
  });

  it('formats a range with an en dash and a single page as "p."', () => {
    expect(formatPageRange(romanOneToFour)).toBe('pp. i–iv');
    expect(formatPageRange(rangeOf('4-9'))).toBe('pp. 4–9');
    expect(formatPageRange(rangeOf('26-26'))).toBe('p. 26');
  });
});

const seedSections: Section[] = (await loadSeedReports())[0].sections;

describe('sectionsHoldingPage on the seed report', () => {
  const sections = seedSections;
  const holding = (page: string) => sectionsHoldingPage(sections, parsePrintedPage(page)!).map((s) => s.number);

  it('finds the section that holds roman page ii', () => {
    expect(holding('ii')).toEqual([2]);
  });

  it('finds the section that holds roman page iii', () => {
    expect(holding('iii')).toEqual([3]);
  });

  it('finds both sections that share page 4', () => {
    expect(holding('4')).toEqual([5, 6]);
  });

  it('finds both sections that share page 3', () => {
    expect(holding('3')).toEqual([4, 5]);
  });

  it('finds the one-page section 10 for page 26', () => {
    expect(holding('26')).toEqual([10]);
  });

  it('finds nothing for page 27, past the last section', () => {
    expect(holding('27')).toEqual([]);
  });

  it('finds nothing for roman page v, past the front matter', () => {
    expect(holding('v')).toEqual([]);
  });
});

describe('rangeLabels', () => {
  it('lists every printed page of a range in its own numbering', () => {
    const roman = parsePageRange('ii-iv');
    const arabic = parsePageRange('9-14');
    if (!roman.ok || !arabic.ok) throw new Error('ranges do not parse');

    expect(rangeLabels(roman.range!)).toEqual(['ii', 'iii', 'iv']);
    expect(rangeLabels(arabic.range!)).toEqual(['9', '10', '11', '12', '13', '14']);
  });
});
