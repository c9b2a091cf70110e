/**
 * Round trip: every RIS, BibTeX and BibLaTeX answer the Worker gives, read
 * back by citation-js, yields the same title, author, issued year, pages and
 * type as the CSL-JSON answer for the same items.
 *
 * The answers are built with citationAnswer() — the function the Worker's
 * route calls — from the report file the build wrote (run `npm run build`
 * first).
 */
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { BuiltLibrary } from '../../scripts/library/read-build';
import { citationAnswer, type MachineFormat } from '../../src/core/citations';
import { REPO_ROOT, SEED_ID } from './seed-fixture';

const file = new BuiltLibrary(path.join(REPO_ROOT, 'index/build')).report(SEED_ID).citations;
const SECTIONS = Array.from({ length: 10 }, (_, i) => `s${i + 1}`);

/** What a reader needs to find the item again, in a form every format can carry. */
interface Essentials {
  type: string;
  title: string;
  author: Array<{ family: string; given: string }>;
  year: number;
  page: string | null;
  containerTitle: string | null;
}

function essentials(item: Record<string, any>): Essentials {
  return {
    type: item.type,
    title: item.title,
    author: (item.author ?? []).map((a: { family: string; given: string }) => ({ family: a.family, given: a.given })),
    year: item.issued?.['date-parts']?.[0]?.[0],
    // BibTeX writes ranges with "--"; citation-js reads them back as "-".
    page: item.page ? String(item.page).replace(/--|–/g, '-') : null,
    containerTitle: item['container-title'] ?? null,
  };
}

function answer(items: string[], format: MachineFormat): string {
  return citationAnswer(file, { report: SEED_ID, items, format, style: file.defaultStyle, locale: file.defaultLocale }).body;
}

/** The CSL-JSON answer for these items, the reference the other formats are compared with. */
function cslOf(items: string[]): Essentials[] {
  return (JSON.parse(answer(items, 'csl-json')) as Array<Record<string, any>>).map(essentials);
}

/** The CSL items citation-js reads back from an answer. */
function readBackRaw(text: string): Array<Record<string, any>> {
  return new Cite(text).data as Array<Record<string, any>>;
}

/**
 * What citation-js reads back from an answer, reduced to the essentials.
 * BibTeX has no entry type for a page range of a report: an untitled section
 * is an @inbook ("a part of a book, a range of pages"), so that the standard
 * styles print its pages, and citation-js reads @inbook back as a chapter
 * titled like the book. For BibTeX, such a chapter counts as the report with pages.
 */
function readBack(text: string, format?: MachineFormat): Essentials[] {
  return readBackRaw(text)
    .map(essentials)
    .map((item) => (format === 'bibtex' && item.type === 'chapter' && item.containerTitle === null ? { ...item, type: 'report' } : item));
}

const singles = ['report', ...SECTIONS].map((id) => ({ name: id === 'report' ? 'the whole report' : `section ${id.slice(1)}`, items: [id] }));
const selections = [
  { name: 'sections 3, 5 and 7', items: ['s3', 's5', 's7'] },
  { name: 'sections 1 and 10', items: ['s1', 's10'] },
  { name: 'all ten sections', items: SECTIONS },
];

describe('round trip through citation-js', () => {
  for (const format of ['ris', 'bibtex', 'biblatex'] as const) {
    describe(format, () => {
      it.each(singles.map((s) => [s.name, s.items] as const))(`reads back %s with the title, author, year, pages and type of its CSL-JSON`, (_name, items) => {
        const expected = cslOf([...items]);

        expect(readBack(answer([...items], format), format)).toEqual(expected);
      });

      it.each(selections.map((s) => [s.name, s.items] as const))(`reads back a file of %s as the same items, in order`, (_name, items) => {
        const expected = cslOf([...items]);

        expect(readBack(answer([...items], format), format)).toEqual(expected);
      });
    });
  }

  it('reads back section 5 as a chapter in the report and section 7 as the report, from every format', () => {
    for (const format of ['ris', 'bibtex', 'biblatex'] as const) {
      const [five, seven] = readBack(answer(['s5', 's7'], format), format);
      expect(five, format).toMatchObject({ type: 'chapter', title: 'Introduction', page: '3-4' });
      expect(five.containerTitle, format).toBe('Driving the system apart? A study of United Nations integration and integrated strategic planning');
      expect(seven, format).toMatchObject({ type: 'report', page: '9-14', containerTitle: null });
      expect(seven.title, format).toBe(five.containerTitle);
    }
  });

  it('writes section 7 to BibTeX as @inbook with its pages, which the standard styles print, and the report as a Research Report', () => {
    expect(answer(['s7'], 'bibtex')).toMatch(/^@inbook\{boutellis2013driving-sec7,\n[^]*\tpages = \{9--14\},\n[^]*\tpublisher = \{International Peace Institute\},/);
    expect(answer(['report'], 'bibtex')).toMatch(/^@techreport\{boutellis2013driving,\n[^]*\ttype = \{Research Report\},/);
  });

  it('writes BibLaTeX reports with type = {resreport} and langid = {english}, never language = {en}', () => {
    for (const items of [['report'], ['s7']]) {
      const entry = answer(items, 'biblatex');
      expect(entry).toMatch(/^@report\{/);
      expect(entry).toContain('\ttype = {resreport},');
      expect(entry).toContain('\tlangid = {english},');
      expect(entry).not.toContain('language = ');
    }
  });

  // The report says August 2013 (JSTOR's day 1 is a placeholder): every format carries the month, and no day.
  it('reads back August 2013, month and no day, from RIS, BibTeX and BibLaTeX alike', () => {
    const date = (format: MachineFormat) => (readBackRaw(answer(['report'], format))[0].issued as { 'date-parts': number[][] })['date-parts'][0];

    expect(date('ris')).toEqual([2013, 8]);
    expect(date('biblatex')).toEqual([2013, 8]);
    expect(date('bibtex')).toEqual([2013, 8]);
  });
});
