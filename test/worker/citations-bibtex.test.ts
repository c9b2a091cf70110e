/**
 * BibTeX and BibLaTeX as served, read back with an independent parser
 * (@retorquere/bibtex-parser, the parser behind Better BibTeX for Zotero)
 * and compared with the CSL-JSON of the same items.
 */
import { parse, type Entry } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { call, REPORT_PATH } from './client';

/** The report's title as citations carry it: csl.title, in sentence case. */
const CSL_TITLE = 'Driving the system apart? A study of United Nations integration and integrated strategic planning';
const ALL_SECTIONS = '1,2,3,4,5,6,7,8,9,10';

async function fetchText(path: string): Promise<string> {
  const res = await call(path);
  const body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await res.arrayBuffer());
  expect(res.status, `${path}: ${body}`).toBe(200);
  return body;
}

/** Parses BibTeX as written, without the parser's sentence-casing, and expects no errors. */
function parseBib(text: string): Entry[] {
  const library = parse(text, { english: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

interface CslItem {
  id: string;
  type: string;
  title: string;
  author: Array<{ family: string; given: string }>;
  issued: { 'date-parts': number[][] };
  page?: string;
  publisher: string;
  'container-title'?: string;
}

/** The page range a reader sees, whatever dash was used. */
const pages = (range: string | undefined) => range?.replace(/--|–|-/g, '–');

describe('BibTeX: the whole report', () => {
  it('parses to one @techreport with the report’s title, author, year, month, institution, place and URL', async () => {
    const entries = parseBib(await fetchText(`${REPORT_PATH}/cite?format=bibtex`));

    expect(entries).toHaveLength(1);
    expect(entries[0].type).toBe('techreport');
    expect(entries[0].key).toBe('boutellis2013driving');
    expect(entries[0].fields).toEqual({
      title: CSL_TITLE,
      author: [{ lastName: 'Boutellis', firstName: 'Arthur' }],
      year: '2013',
      month: '8',
      institution: ['International Peace Institute'],
      address: 'New York',
      url: 'https://www.jstor.org/stable/resrep09639',
      // The standard styles print "Technical Report" unless `type` says otherwise (btxdoc, techreport).
      type: 'Research Report',
    });
  });

  it('writes the month as the bare macro aug, which every style localises, not as {aug 1}', async () => {
    const text = await fetchText(`${REPORT_PATH}/cite?format=bibtex`);

    expect(text).toMatch(/^\tmonth = aug,$/m);
    expect(text).not.toMatch(/month\s*=\s*[{"]/);
  });

  it('protects the capitals of the title with braces, so styles that lower-case titles keep them', async () => {
    const text = await fetchText(`${REPORT_PATH}/cite?format=bibtex`);

    expect(text).toContain('{United} {Nations}');
    expect(text).toMatch(/^\ttitle = \{Driving the system apart\? \{A\} study of \{United\} \{Nations\} integration and integrated strategic planning\},$/m);
  });
});

describe('BibTeX: sections', () => {
  it('parses section 5 to the chapter “Introduction” in the report, pages 3–4, published by IPI', async () => {
    const [entry] = parseBib(await fetchText(`${REPORT_PATH}/sections/5/cite?format=bibtex`));

    expect(entry.key).toBe('boutellis2013driving-sec5');
    expect(entry.fields).toMatchObject({
      title: 'Introduction',
      booktitle: CSL_TITLE,
      author: [{ lastName: 'Boutellis', firstName: 'Arthur' }],
      year: '2013',
      pages: '3–4',
      publisher: ['International Peace Institute'],
    });
  });

  // BibTeX's standard styles read @inbook's title as the book's, so a titled part of a book is @incollection (title + booktitle).
  it('writes titled section 5 as @incollection, the BibTeX type for a part of a book with its own title', async () => {
    const [entry] = parseBib(await fetchText(`${REPORT_PATH}/sections/5/cite?format=bibtex`));

    expect(entry.type).toBe('incollection');
  });

  // btxdoc: @inbook is "a part of a book, which may be a chapter and/or a range of pages"; the standard
  // styles print its pages, where @techreport would drop them.
  it('types the titled sections 3, 4 and 5 as @incollection and the others as a range of pages of the report, @inbook', async () => {
    const entries = parseBib(await fetchText(`${REPORT_PATH}/cite?format=bibtex&sections=${ALL_SECTIONS}`));

    expect(entries.map((e) => e.type)).toEqual(['inbook', 'inbook', 'incollection', 'incollection', 'incollection', 'inbook', 'inbook', 'inbook', 'inbook', 'inbook']);
  });

  it('parses section 7, whose title is unknown, to the report’s title with pages 9–14, its publisher, and no invented title', async () => {
    const [entry] = parseBib(await fetchText(`${REPORT_PATH}/sections/7/cite?format=bibtex`));

    expect(entry.type).toBe('inbook');
    expect(entry.fields.publisher).toEqual(['International Peace Institute']);
    expect(entry.fields.title).toBe(CSL_TITLE);
    expect(entry.fields.pages).toBe('9–14');
    expect(entry.fields).not.toHaveProperty('booktitle');
    expect(entry.fields).not.toHaveProperty('chapter');
  });

  it('gives every item a unique, readable key: boutellis2013driving and boutellis2013driving-secN', async () => {
    const report = parseBib(await fetchText(`${REPORT_PATH}/cite?format=bibtex`));
    const sections = parseBib(await fetchText(`${REPORT_PATH}/cite?format=bibtex&sections=${ALL_SECTIONS}`));
    const keys = [...report, ...sections].map((e) => e.key);

    expect(keys).toEqual(['boutellis2013driving', ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `boutellis2013driving-sec${n}`)]);
    expect(new Set(keys).size).toBe(11);
  });

  it('writes every month of a selection as the bare macro', async () => {
    const text = await fetchText(`${REPORT_PATH}/cite?format=bibtex&sections=${ALL_SECTIONS}`);

    expect(text.match(/^\tmonth = aug,$/gm)).toHaveLength(10);
    expect(text).not.toMatch(/month\s*=\s*[{"]/);
  });
});

describe('BibTeX and BibLaTeX agree with the CSL-JSON of the same items', () => {
  const selections = [
    { name: 'the whole report', query: '' },
    { name: 'all ten sections', query: `&sections=${ALL_SECTIONS}` },
  ];

  for (const { name, query } of selections) {
    for (const format of ['bibtex', 'biblatex'] as const) {
      it(`parses ${format} of ${name} to the same title, author, year, pages and publisher as the CSL-JSON`, async () => {
        const csl = JSON.parse(await fetchText(`${REPORT_PATH}/cite?format=csl-json${query}`)) as CslItem[];
        const entries = parseBib(await fetchText(`${REPORT_PATH}/cite?format=${format}${query}`));

        expect(entries).toHaveLength(csl.length);
        entries.forEach((entry, i) => {
          const item = csl[i];
          const where = `${format} ${item.id}`;
          const year = entry.fields.year ?? entry.fields.date?.slice(0, 4);
          expect(entry.fields.title, where).toBe(item.title);
          expect(entry.fields.booktitle, where).toBe(item['container-title']);
          expect(entry.fields.author, where).toEqual(item.author.map((a) => ({ lastName: a.family, firstName: a.given })));
          expect(year, where).toBe(String(item.issued['date-parts'][0][0]));
          expect(pages(entry.fields.pages), where).toBe(pages(item.page));
          expect(entry.fields.publisher ?? entry.fields.institution, where).toEqual([item.publisher]);
        });
      });
    }
  }
});

describe('BibLaTeX', () => {
  // The report says August 2013: the date carries the month and no day (biblatex manual §2.3.8, date fields: YYYY-MM).
  it('parses the report to @report with its date to the month, total pages and place', async () => {
    const [entry] = parseBib(await fetchText(`${REPORT_PATH}/cite?format=biblatex`));

    expect(entry.type).toBe('report');
    expect(entry.key).toBe('boutellis2013driving');
    expect(entry.fields).toMatchObject({ title: CSL_TITLE, date: '2013-08', pagetotal: '32', location: ['New York'], institution: ['International Peace Institute'] });
  });

  it('parses section 5 to @inbook, BibLaTeX’s type for a titled part of a single-author book', async () => {
    const [entry] = parseBib(await fetchText(`${REPORT_PATH}/sections/5/cite?format=biblatex`));

    expect(entry.type).toBe('inbook');
    expect(entry.fields).toMatchObject({ title: 'Introduction', booktitle: CSL_TITLE, pages: '3–4', date: '2013-08' });
    // A part's short title is its own or none: the report's would make biblatex-chicago's short note "Boutellis, Driving the System Apart?".
    expect(entry.fields.shorttitle).toBeUndefined();
  });

  // biblatex manual, @report: `type` is required ("resreport" is localised as "research report");
  // the language goes in `langid`, which biblatex uses for hyphenation and case, not `language`, which it prints.
  it('gives the report and untitled section 7 type = resreport and langid = english, with 7’s pages, and no language field', async () => {
    const [report] = parseBib(await fetchText(`${REPORT_PATH}/cite?format=biblatex`));
    const [seven] = parseBib(await fetchText(`${REPORT_PATH}/sections/7/cite?format=biblatex`));

    for (const entry of [report, seven]) {
      expect(entry.type, entry.key).toBe('report');
      expect(entry.fields, entry.key).toMatchObject({ type: 'resreport', langid: 'english' });
      expect(entry.fields, entry.key).not.toHaveProperty('language');
    }
    expect(seven.fields.pages).toBe('9–14');
  });

  it('keys every entry as CSL-JSON ids its items, so Pandoc and BibTeX users cite the same keys', async () => {
    const query = `format=%s&sections=${ALL_SECTIONS}`;
    const keys = parseBib(await fetchText(`${REPORT_PATH}/cite?${query.replace('%s', 'biblatex')}`)).map((e) => e.key);
    const ids = JSON.parse(await fetchText(`${REPORT_PATH}/cite?${query.replace('%s', 'csl-json')}`)).map((item: { id: string }) => item.id);

    expect(ids).toEqual(keys);
    expect(new Set(ids).size).toBe(10);
  });

  it('gives sections no total page count: that describes the whole report', async () => {
    const entries = parseBib(await fetchText(`${REPORT_PATH}/cite?format=biblatex&sections=${ALL_SECTIONS}`));

    for (const entry of entries) expect(entry.fields, entry.key).not.toHaveProperty('pagetotal');
  });
});
