import { describe, expect, it } from 'vitest';
import { parseJstorToc, type TocPage } from '../../scripts/sources/jstor-toc';
import { readSeedPage } from './seed-fixture';

function parseSeed(): TocPage {
  const result = parseJstorToc(readSeedPage());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.page;
}

function segment(page: TocPage, number: number) {
  const found = page.segments.find((s) => s.number === number);
  if (!found) throw new Error(`no segment ${number}`);
  return found;
}

describe('parseJstorToc on the seed page', () => {
  it('reads the header: document type, title with "?:", copyright date and page count', () => {
    const page = parseSeed();

    expect(page.type).toBe('Research Report');
    expect(page.title).toBe(
      'Driving the System Apart?: A Study of United Nations Integration and Integrated Strategic Planning',
    );
    expect(page.copyrightDate).toBe('Aug. 1, 2013');
    expect(page.pageCount).toBe(32);
  });

  it('finds the ten segments numbered 1 to 10, each at its source line', () => {
    const page = parseSeed();

    expect(page.segments.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(page.segments.map((s) => s.line)).toEqual([13, 14, 15, 16, 17, 23, 29, 33, 39, 43]);
  });

  it('reads every page range as printed, with "None" as no range', () => {
    const page = parseSeed();

    expect(page.segments.map((s) => s.pages?.label ?? 'None')).toEqual([
      'None', 'i-ii', 'iii-iv', '1-3', '3-4', '4-9', '9-14', '14-23', '23-25', '26-26',
    ]);
  });

  it('reads roman front matter and arabic body pages as separate numberings', () => {
    const page = parseSeed();

    expect(segment(page, 2).pages).toEqual({ label: 'i-ii', first: 'i', last: 'ii', numbering: 'roman', from: 1, to: 2 });
    expect(segment(page, 3).pages).toEqual({ label: 'iii-iv', first: 'iii', last: 'iv', numbering: 'roman', from: 3, to: 4 });
    expect(segment(page, 8).pages).toEqual({ label: '14-23', first: '14', last: '23', numbering: 'arabic', from: 14, to: 23 });
    expect(segment(page, 10).pages).toEqual({ label: '26-26', first: '26', last: '26', numbering: 'arabic', from: 26, to: 26 });
  });

  it('counts the excerpt paragraphs of each segment (5:2, 6:2, 7:1, 8:2, 9:1, others none)', () => {
    const page = parseSeed();

    const counts = Object.fromEntries(page.segments.map((s) => [s.number, s.paragraphs.length]));

    expect(counts).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 2, 6: 2, 7: 1, 8: 2, 9: 1, 10: 0 });
  });

  it('marks segments 5 to 9 as cut short by the source, and the others as not', () => {
    const page = parseSeed();

    const truncated = page.segments.filter((s) => s.truncated).map((s) => s.number);

    expect(truncated).toEqual([5, 6, 7, 8, 9]);
  });

  it('removes the footnote marker ¹ after "engagement."', () => {
    const text = segment(parseSeed(), 5).paragraphs[0];

    expect(text).toContain('postconflict engagement. Over the last two decades');
    expect(text).not.toContain('¹');
  });

  it('rejoins the line-break hyphenation "Depart - ment" as "Department"', () => {
    const text = segment(parseSeed(), 6).paragraphs[1];

    expect(text).toContain('the Department of Political Affairs (DPA)');
    expect(text).not.toContain('Depart - ment');
  });

  it('keeps the full stop of a four-dot truncation: section 6 ends "in 1992."', () => {
    const paragraphs = segment(parseSeed(), 6).paragraphs;

    expect(paragraphs[paragraphs.length - 1]).toMatch(/\(DPA\) in 1992\.$/);
    expect(paragraphs[paragraphs.length - 1]).not.toMatch(/1992\.\.+$/);
  });

  it('drops a three-dot truncation mark entirely: section 5 ends "in support"', () => {
    const paragraphs = segment(parseSeed(), 5).paragraphs;

    expect(paragraphs[1]).toMatch(/to combine efforts in support$/);
  });

  it('keeps typographic apostrophes, quotes and dashes for display', () => {
    const page = parseSeed();

    expect(segment(page, 5).paragraphs[0]).toContain('Boutros-Ghali’s Agenda for Peace');
    expect(segment(page, 6).paragraphs[0]).toContain('the terms “integration” and “integrated strategic planning”');
    expect(segment(page, 6).paragraphs[1]).toContain('an intra–UN Secretariat affair');
    expect(segment(page, 7).paragraphs[0]).toContain('“So what has all this led to?”');
    expect(segment(page, 8).paragraphs[1]).toContain('The “quick fixes” outlined here aren’t');
  });

  it('gives the segments without excerpts no paragraphs and keeps site chrome out of the text', () => {
    const page = parseSeed();

    const allText = page.segments.flatMap((s) => s.paragraphs).join('\n');

    expect(segment(page, 1).paragraphs).toEqual([]);
    expect(segment(page, 10).paragraphs).toEqual([]);
    expect(allText).not.toMatch(/Export|Skip to Main Content|library access/);
  });
});

// A valid header; the line after it is line 10.
const HEADER = [
  'Research Report', //              1
  '', //                             2
  'A Study?: Of Small Things', //    3
  '', //                             4
  'Copyright Date: Aug. 1, 2013', // 5
  'Pages: 32', //                    6
  '', //                             7
  'Table of Contents', //            8
  '', //                             9
];

function parseLines(...lines: string[]) {
  return parseJstorToc(lines.join('\n'));
}

function errorsOf(result: ReturnType<typeof parseJstorToc>) {
  if (result.ok) throw new Error('expected the page to be rejected');
  return result.errors;
}

describe('parseJstorToc on malformed pages', () => {
  it('accepts the small valid page the other cases start from', () => {
    const result = parseLines(...HEADER, '  1. (pp. 1-2)', '  2. (pp. 3-4)');

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.page.segments.map((s) => s.pages?.label)).toEqual(['1-2', '3-4']);
  });

  it('reports a heading with no contents entries at the heading line', () => {
    const errors = errorsOf(parseLines(...HEADER));

    expect(errors).toEqual([{ line: 8, message: 'no contents entries like "1. (pp. 1-3)" after the heading' }]);
  });

  it('reports a page that is not a numeral ("pp. 4-q") at its line', () => {
    const errors = errorsOf(parseLines(...HEADER, '  1. (pp. 1-3)', '  2. (pp. 4-q)'));

    expect(errors).toEqual([{ line: 11, message: 'segment 2: "4-q" has a page that is neither a roman nor an arabic numeral' }]);
  });

  it('reads "pp. 4-x" as arabic 4 to roman x and reports the mix at its line', () => {
    const errors = errorsOf(parseLines(...HEADER, '  1. (pp. 4-x)'));

    expect(errors).toEqual([{ line: 10, message: 'segment 1: "4-x" mixes roman and arabic page numbers' }]);
  });

  it('reports a range that ends before it starts ("pp. 9-4") at its line', () => {
    const errors = errorsOf(parseLines(...HEADER, '  1. (pp. 1-3)', '  2. (pp. 9-4)'));

    expect(errors).toEqual([{ line: 11, message: 'segment 2: "9-4" ends before it starts' }]);
  });

  it('reports a range mixing roman and arabic ("pp. ii-4") at its line', () => {
    const errors = errorsOf(parseLines(...HEADER, '  1. (pp. ii-4)'));

    expect(errors).toEqual([{ line: 10, message: 'segment 1: "ii-4" mixes roman and arabic page numbers' }]);
  });

  it('reports a range with a missing end ("pp. 4-") at its line', () => {
    const errors = errorsOf(parseLines(...HEADER, '  1. (pp. 4-)'));

    expect(errors).toEqual([{ line: 10, message: 'segment 1: "4-" is not a page range like "4-9", "i-ii" or "None"' }]);
  });

  it('reports a segment number out of order at its line', () => {
    const errors = errorsOf(parseLines(...HEADER, '  1. (pp. 1-2)', '  3. (pp. 3-4)'));

    expect(errors).toEqual([{ line: 11, message: 'segment 3 is out of order: expected segment 2' }]);
  });

  it('reports an entry-like line that is not "N. (pp. FIRST-LAST)" at its line', () => {
    const errors = errorsOf(parseLines(...HEADER, '  1. (pp. 1-2)', '  2. pp. 3-4'));

    expect(errors).toEqual([
      { line: 11, message: '"2. pp. 3-4" looks like a contents entry but is not "N. (pp. FIRST-LAST)"' },
    ]);
  });

  it('reports text before the first contents entry at its line', () => {
    const errors = errorsOf(parseLines(...HEADER, 'An introduction nobody numbered', '  1. (pp. 1-2)'));

    expect(errors).toEqual([{ line: 10, message: 'text before the first contents entry: "An introduction nobody numbered"' }]);
  });

  it('reports "Pages: lots" at the Pages line', () => {
    const lines = HEADER.map((line) => (line === 'Pages: 32' ? 'Pages: lots' : line));

    const errors = errorsOf(parseLines(...lines, '  1. (pp. 1-2)'));

    expect(errors).toEqual([{ line: 6, message: '"Pages: lots" is not a whole number of pages' }]);
  });

  it('reports a header line that is not "Field: value" at its line', () => {
    const lines = [...HEADER.slice(0, 6), 'printed from a library terminal', ...HEADER.slice(6)];

    const errors = errorsOf(parseLines(...lines, '  1. (pp. 1-2)'));

    expect(errors).toEqual([
      { line: 7, message: 'unexpected header line "printed from a library terminal" (expected "Field: value")' },
    ]);
  });

  it('reports a header without a title line at line 1', () => {
    const errors = errorsOf(parseLines('Research Report', 'Table of Contents', '  1. (pp. 1-2)'));

    expect(errors).toEqual([{ line: 1, message: 'the header needs a document type line and a title line' }]);
  });

  it('reports a page with no "Table of Contents" heading at its last line', () => {
    const errors = errorsOf(parseLines('Research Report', 'A Title', 'Pages: 3'));

    expect(errors).toEqual([{ line: 3, message: 'no "Table of Contents" heading' }]);
  });

  it('reports every problem, not just the first, in line order', () => {
    const lines = HEADER.map((line) => (line === 'Pages: 32' ? 'Pages: lots' : line));

    const errors = errorsOf(parseLines(...lines, '  1. (pp. 9-4)'));

    expect(errors.map((e) => e.line)).toEqual([6, 10]);
  });

  it('accepts a byte-order mark, CRLF line ends, a single page and an en dash in a range', () => {
    const source = '\uFEFF' + [...HEADER, '  1. (pp. 5)', '  2. (pp. III–IV)'].join('\r\n');

    const result = parseJstorToc(source);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.page.type).toBe('Research Report');
    expect(result.page.segments[0].pages).toMatchObject({ first: '5', last: '5', from: 5, to: 5 });
    expect(result.page.segments[1].pages).toMatchObject({ label: 'III–IV', first: 'iii', last: 'iv', numbering: 'roman' });
  });

  it('reports a bad page range once, without blaming the correct entry after it', () => {
    const errors = errorsOf(parseLines(...HEADER, '  1. (pp. 1-2)', '  2. (pp. 9-4)', '  3. (pp. 5-6)'));

    expect(errors).toEqual([{ line: 11, message: 'segment 2: "9-4" ends before it starts' }]);
  });

  it('rejects a last entry written without the dot after its number', () => {
    const source = readSeedPage().replace('  10. (pp. 26-26)', '  10 (pp. 26-26)');

    const result = parseJstorToc(source);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.line)).toEqual([43]);
  });

  it('rejects a header whose title line is missing rather than using a field as the title', () => {
    const result = parseLines('Research Report', 'Copyright Date: Aug. 1, 2013', 'Pages: 3', 'Table of Contents', '  1. (pp. 1-2)');

    expect(result.ok).toBe(false);
  });

  it('reports a missing heading at the last real line of a file that ends with a newline', () => {
    const errors = errorsOf(parseJstorToc('Research Report\nA Title\n'));

    expect(errors).toEqual([{ line: 2, message: 'no "Table of Contents" heading' }]);
  });
});
