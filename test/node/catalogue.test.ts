import { describe, expect, it } from 'vitest';
import { assembleReport, sectionLabel } from '../../scripts/assemble-report';
import type { ReportDocument, ReportMetadata } from '../../scripts/sources';
import { findReport, findSection, sectionText } from '../../src/core/catalogue';
import { parsePageRange } from '../../src/core/page-ranges';
import type { PageRange } from '../../src/core/types';
import { loadSeedReports, SEED_ID } from './seed-fixture';

function rangeOf(text: string): PageRange {
  const result = parsePageRange(text);
  if (!result.ok || result.range === null) throw new Error(`no range in ${text}`);
  return result.range;
}

const seedReports = await loadSeedReports();

describe('the seed report in the catalogue', () => {
  const [report] = seedReports;

  it('takes its id from the source file name', () => {
    expect(report.id).toBe(SEED_ID);
  });

  it('keeps the source page title with "?:", the cover title without the colon for display, and the CSL title in sentence case', () => {
    expect(report.sourceTitle).toBe(
      'Driving the System Apart?: A Study of United Nations Integration and Integrated Strategic Planning',
    );
    expect(report.title).toBe(
      'Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning',
    );
    expect(report.csl.title).toBe(
      'Driving the system apart? A study of United Nations integration and integrated strategic planning',
    );
  });

  it('carries the page count, copyright date and document type from the page', () => {
    expect(report.pageCount).toBe(32);
    expect(report.copyrightDate).toBe('Aug. 1, 2013');
    expect(report.type).toBe('Research Report');
  });

  it('carries the bibliographic data from the metadata file', () => {
    expect(report.csl).toMatchObject({
      type: 'report',
      author: [{ family: 'Boutellis', given: 'Arthur' }],
      publisher: 'International Peace Institute',
      'publisher-place': 'New York',
      issued: { 'date-parts': [[2013, 8]] },
      URL: 'https://www.jstor.org/stable/resrep09639',
    });
    expect(report.csl.DOI).toBeUndefined();
  });

  it('knows three titles (3 Abbreviations, 4 Executive Summary, 5 Introduction), cites 4 by its sentence-case title, and leaves the others null', () => {
    const titles = Object.fromEntries(report.sections.map((s) => [s.number, [s.title, s.citationTitle]]));

    expect(titles).toEqual({
      1: [null, null],
      2: [null, null],
      3: ['Abbreviations', 'Abbreviations'],
      4: ['Executive Summary', 'Executive summary'],
      5: ['Introduction', 'Introduction'],
      6: [null, null],
      7: [null, null],
      8: [null, null],
      9: [null, null],
      10: [null, null],
    });
  });

  it('labels every section by its pages and, where it has text, its opening words', () => {
    expect(report.sections.map((s) => s.label)).toEqual([
      'Section 1 (no printed page numbers)',
      'pp. i–ii',
      'pp. iii–iv',
      'pp. 1–3',
      'pp. 3–4: The United Nations (UN) has come a long…',
      'pp. 4–9: Over the past two decades, the UN has…',
      'pp. 9–14: After all these efforts, many within and beyond…',
      'pp. 14–23: The range and breadth of challenges that the…',
      'pp. 23–25: Over the years, the UN has made remarkable…',
      'p. 26',
    ]);
  });

  it('starts section 7’s label with "pp. 9–14: After all these efforts"', () => {
    expect(findSection(report, 7)!.label.startsWith('pp. 9–14: After all these efforts')).toBe(true);
  });

  it('says in section 1’s label that it has no printed page numbers', () => {
    expect(findSection(report, 1)!.label).toBe('Section 1 (no printed page numbers)');
    expect(findSection(report, 1)!.pages).toBeNull();
  });

  it('joins a section’s paragraphs with a blank line for its text', () => {
    const section = findSection(report, 5)!;

    expect(sectionText(section)).toBe(`${section.paragraphs[0]}\n\n${section.paragraphs[1]}`);
    expect(sectionText(findSection(report, 4)!)).toBe('');
  });
});

describe('sectionLabel', () => {
  it('names the section by number when it has text but no printed pages', () => {
    expect(sectionLabel({ number: 1, pages: null, paragraphs: ['A short foreword'] })).toBe(
      'Section 1 (no printed page numbers): A short foreword',
    );
  });

  it('drops a comma that would end the opening words before the ellipsis', () => {
    const label = sectionLabel({ number: 6, pages: rangeOf('4-9'), paragraphs: ['One two three four five six seven eight, nine ten'] });

    expect(label).toBe('pp. 4–9: One two three four five six seven eight…');
  });
});

describe('findReport and findSection', () => {
  const reports = seedReports;

  it('finds a report by id and a section by number, and nothing for unknown ones', () => {
    expect(findReport(reports, SEED_ID)?.id).toBe(SEED_ID);
    expect(findReport(reports, 'no-such-report')).toBeUndefined();
    expect(findSection(reports[0], 10)?.pages?.label).toBe('26-26');
    expect(findSection(reports[0], 11)).toBeUndefined();
  });
});

/** A neutral document as the readers would give it, from segments and metadata. */
function documentOf(
  segments: Array<{ number: number; line: number; pages: PageRange | null; paragraphs: string[]; truncated: boolean }>,
  metadata: ReportMetadata,
): ReportDocument {
  return {
    id: 'r',
    metadata,
    type: 'Research Report',
    sourceTitle: 'T',
    copyrightDate: null,
    pageCount: null,
    sections: segments.map(({ line, ...segment }) => ({ ...segment, title: null, at: { file: 'r.txt', line } })),
    pages: null,
    summary: [],
    warnings: [],
  };
}

describe('assembleReport', () => {
  it('uses a title only for a section the metadata names', () => {
    const page = {
      type: 'Research Report',
      title: 'T',
      copyrightDate: null,
      pageCount: null,
      segments: [
        { number: 1, line: 3, pages: rangeOf('1-2'), paragraphs: [], truncated: false },
        { number: 2, line: 4, pages: rangeOf('3'), paragraphs: ['Some text'], truncated: true },
      ],
    };

    const { report } = assembleReport(documentOf(page.segments, { csl: { type: 'report', title: 'T' }, sections: { '2': { title: 'Two' } } }));

    expect(report.sections.map((s) => [s.number, s.title, s.label, s.truncated])).toEqual([
      [1, null, 'pp. 1–2', false],
      [2, 'Two', 'p. 3: Some text', true],
    ]);
  });

  it('displays the CSL title when the metadata has no title of its own, and cites a section by its title when it has no citation title', () => {
    const page = {
      type: 'Research Report',
      title: 'T',
      copyrightDate: null,
      pageCount: null,
      segments: [
        { number: 1, line: 3, pages: rangeOf('1-2'), paragraphs: [], truncated: false },
        { number: 2, line: 4, pages: rangeOf('3'), paragraphs: [], truncated: false },
        { number: 3, line: 5, pages: rangeOf('4'), paragraphs: [], truncated: false },
      ],
    };

    const { report } = assembleReport(
      documentOf(page.segments, {
        csl: { type: 'report', title: 'A report' },
        sections: { '2': { title: 'Two' }, '3': { title: 'Part Three', citationTitle: 'Part three' } },
      }),
    );

    expect(report.title).toBe('A report');
    expect(report.sections.map((s) => [s.number, s.title, s.citationTitle])).toEqual([
      [1, null, null],
      [2, 'Two', 'Two'],
      [3, 'Part Three', 'Part three'],
    ]);
  });
});
