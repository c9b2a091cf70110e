/**
 * The pure citation code in src/core: items and keys, RIS and BibTeX writers,
 * joining and assembling prerendered strings, content negotiation and the
 * reference-manager links.
 */
import { describe, expect, it } from 'vitest';
import { writeBibtexEntry, monthMacro } from '../../scripts/citations/bibtex';
import { citationAnswer, formatAccessDate, joinRecords, PLACEHOLDERS, type CitationsFile, type ItemRecords } from '../../src/core/citations';
import { cslItem, itemFileName, itemId, itemKey, reportItems, reportKey } from '../../src/core/citations';
import { negotiateCitation, type AcceptRange } from '../../src/core/citations';
import { endNoteLink, refWorksLink } from '../../src/core/reference-managers';
import { risDate, writeRisFile, writeRisRecord } from '../../scripts/citations/ris';
import { loadSeedReports } from './seed-fixture';

const [report] = await loadSeedReports();
/** The report's title as citations take it: csl.title, in sentence case. */
const CSL_TITLE = 'Driving the system apart? A study of United Nations integration and integrated strategic planning';

describe('citation items (citation-items.ts)', () => {
  it('keys the report by author, year and first significant title word: boutellis2013driving', () => {
    expect(reportKey(report)).toBe('boutellis2013driving');
  });

  it('keys each section after the report: boutellis2013driving-sec7', () => {
    expect(itemKey(report, 'report')).toBe('boutellis2013driving');
    expect(itemKey(report, 7)).toBe('boutellis2013driving-sec7');
  });

  it('gives the report and its ten sections eleven distinct keys, and CSL-JSON ids equal to them (Pandoc cites by id)', () => {
    const items = reportItems(report);

    expect(items.map(({ item }) => item.id)).toEqual(items.map(({ item }) => item['citation-key']));
    expect(items.map(({ item }) => item.id).slice(0, 3)).toEqual(['boutellis2013driving', 'boutellis2013driving-sec1', 'boutellis2013driving-sec2']);
    expect(new Set(items.map(({ item }) => item.id)).size).toBe(11);
    expect(items.map(({ ref }) => itemId(ref))).toEqual(['report', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10']);
  });

  it('names files by author, year, report and page range', () => {
    expect(itemFileName(report, 'report')).toBe('boutellis-2013-driving-the-system-apart');
    expect(itemFileName(report, 6)).toBe('boutellis-2013-driving-the-system-apart-pp-4-9');
    expect(itemFileName(report, 2)).toBe('boutellis-2013-driving-the-system-apart-pp-i-ii');
    expect(itemFileName(report, 1)).toBe('boutellis-2013-driving-the-system-apart-section-1');
  });

  it('makes a titled section a chapter of the report, with its page range', () => {
    expect(cslItem(report, 5)).toMatchObject({ type: 'chapter', title: 'Introduction', 'container-title': CSL_TITLE, page: '3-4' });
  });

  it('titles a chapter with the section’s citation title, in sentence case: Executive summary', () => {
    expect(cslItem(report, 4)).toMatchObject({ type: 'chapter', title: 'Executive summary', 'container-title': CSL_TITLE, page: '1-3' });
  });

  it('makes an untitled section the report with its page range and no title of its own', () => {
    const item = cslItem(report, 7);

    expect(item).toMatchObject({ type: 'report', title: CSL_TITLE, page: '9-14' });
    expect(item).not.toHaveProperty('container-title');
  });

  it('writes a one-page range as one page, and no page for a section without printed pages', () => {
    expect(cslItem(report, 10).page).toBe('26');
    expect(cslItem(report, 1)).not.toHaveProperty('page');
  });

  it('keeps the total page count on the report only', () => {
    expect(cslItem(report, 'report')['number-of-pages']).toBe(32);
    for (const n of [1, 5, 7]) expect(cslItem(report, n)).not.toHaveProperty('number-of-pages');
  });

  it('does not change the report’s own CSL record', () => {
    const before = JSON.stringify(report.csl);
    reportItems(report);

    expect(JSON.stringify(report.csl)).toBe(before);
  });
});

describe('RIS writer (ris.ts)', () => {
  it('writes TAG  - value lines with CRLF, in the usual tag order, ending with ER', () => {
    const text = writeRisRecord({ UR: 'https://x', TI: 'T', AU: ['B, A', 'C, D'], TY: 'RPRT', PY: '2013' });

    expect(text).toBe('TY  - RPRT\r\nAU  - B, A\r\nAU  - C, D\r\nTI  - T\r\nPY  - 2013\r\nUR  - https://x\r\nER  - \r\n');
  });

  it('never wraps a long value and folds line breaks inside a value into spaces', () => {
    const long = `${CSL_TITLE} ${CSL_TITLE}`;
    const text = writeRisRecord({ TY: 'RPRT', TI: long, AB: 'first line\r\nsecond\tline' });

    expect(text).toContain(`TI  - ${long}\r\n`);
    expect(text).toContain('AB  - first line second line\r\n');
    expect(text.split('\r\n').filter(Boolean).every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
  });

  it('drops empty values and a stray ER given as a field', () => {
    expect(writeRisRecord({ TY: 'RPRT', T2: '  ', ER: 'x' })).toBe('TY  - RPRT\r\nER  - \r\n');
  });

  it('pads RIS dates to YYYY/MM/DD/ and leaves missing parts empty', () => {
    expect(risDate([2013, 8, 1])).toBe('2013/08/01/');
    expect(risDate([2013, 12])).toBe('2013/12//');
    expect(risDate([2013])).toBe('2013///');
  });

  it('separates records in a file with a blank line', () => {
    expect(writeRisFile([{ TY: 'RPRT' }, { TY: 'CHAP' }])).toBe('TY  - RPRT\r\nER  - \r\n\r\nTY  - CHAP\r\nER  - \r\n');
  });
});

describe('BibTeX writer (bibtex.ts)', () => {
  it('writes the month as a bare macro right after the year', () => {
    const text = writeBibtexEntry({ type: 'techreport', label: 'x', properties: { author: 'B, A', year: '2013', month: 'aug 1', title: 'T' } }, { key: 'k', month: 8 });

    expect(text).toBe('@techreport{k,\n\tauthor = {B, A},\n\tyear = {2013},\n\tmonth = aug,\n\ttitle = {T},\n}\n');
  });

  it('drops a month it cannot name rather than writing {aug 1}', () => {
    const text = writeBibtexEntry({ type: 'misc', label: 'x', properties: { year: '2013', month: 'aug 1' } }, { month: 13 });

    expect(text).toBe('@misc{x,\n\tyear = {2013},\n}\n');
  });

  it('names the twelve month macros of standard BibTeX', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(monthMacro)).toEqual(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
    expect(monthMacro(0)).toBeNull();
  });
});


describe('citation answers (citation-answer.ts)', () => {
  const records = (id: string): ItemRecords => ({ key: id, fileName: id === 'report' ? 'author-2013-r' : `author-2013-r-${id}`, ris: `TY  - ${id}\r\nER  - \r\n`, bibtex: '', biblatex: '', cslJson: '{}' });
  const ids = ['report', 's1', 's2', 's3', 's4', 's5', 's6', 's7'];
  const file = {
    styles: [],
    missingStyles: [],
    locales: ['en-US'],
    defaultStyle: 'apa',
    defaultLocale: 'en-US',
    reports: { r: { items: Object.fromEntries(ids.map((id) => [id, records(id)])), styled: {} } },
    strings: [],
  } as unknown as CitationsFile;
  const ask = (items: string[], format: 'ris' | 'biblatex' | 'csl-json') => citationAnswer(file, { report: 'r', items, format, style: 'apa', locale: 'en-US' });

  it('names one item’s file after the item, with the format’s extension', () => {
    expect(ask(['s5'], 'ris')).toMatchObject({ fileName: 'author-2013-r-s5.ris', mediaType: 'application/x-research-info-systems' });
    expect(ask(['report'], 'csl-json')).toMatchObject({ fileName: 'author-2013-r.json', mediaType: 'application/vnd.citationstyles.csl+json' });
  });

  it('marks BibLaTeX files apart from BibTeX files of the same item', () => {
    expect(ask(['report'], 'biblatex').fileName).toBe('author-2013-r-biblatex.bib');
  });

  it('lists up to six sections in a selection’s file name and counts seven or more', () => {
    expect(ask(['s1', 's2', 's3', 's4', 's5', 's6'], 'ris').fileName).toBe('author-2013-r-sections-1-2-3-4-5-6.ris');
    expect(ask(['s1', 's2', 's3', 's4', 's5', 's6', 's7'], 'ris').fileName).toBe('author-2013-r-7-sections.ris');
  });

  it('joins the selected records in the order given', () => {
    expect(ask(['s2', 's7'], 'ris').body).toBe('TY  - s2\r\nER  - \r\n\r\nTY  - s7\r\nER  - \r\n');
  });
});

describe('formatted answers from placeholders (answer.ts)', () => {
  const { number, page, accessed } = PLACEHOLDERS;
  // A string table by hand: [text, html] pairs refer to it by index.
  const strings = [
    `Work. Accessed ${accessed}.\n`, // 0 the report's reference
    `  <div class="csl-entry">Work. Accessed ${accessed}.</div>\n`, // 1
    `${number}. Work; p. 9-14.\n`, // 2 a part's numbered reference
    `  <div class="csl-entry">${number}. Work; p. 9-14.</div>\n`, // 3
    '(A, 2013, pp. 9–14)', // 4 in-text of s7
    `(A, 2013, p. ${page})`, // 5 in-text of one page
    '(A, 2013)', // 6 in-text of the report
    '(A, 2013, pp. 3–4)', // 7 in-text of s5
    `${number}. Work; p. 3-4.\n`, // 8
  ];
  const style = (name: string, pagesIn: 'citation' | 'reference') => ({ name, title: name, source: 'test', styleClass: 'in-text', forms: ['reference', 'in-text'], pagesIn, numbered: pagesIn === 'reference' });
  const forms = {
    reference: { items: { report: [0, 1], s5: [8, 3], s7: [2, 3] }, page: [2, 3] },
    'in-text': { items: { report: [6, 6], s5: [7, 7], s7: [4, 4] }, page: [5, 5] },
  };
  const file = {
    styles: [style('once', 'citation'), style('parts', 'reference')],
    locales: ['en-GB'],
    accessDates: { once: { 'en-GB': { months: Array.from({ length: 12 }, (_, m) => `{D} M${m + 1} {Y}`), padDay: true } } },
    reports: { r: { items: { report: { fileName: 'a-2013-r' }, s5: { fileName: 'a-2013-r-pp-3-4' }, s7: { fileName: 'a-2013-r-pp-9-14' } }, styled: { once: { 'en-GB': forms }, parts: { 'en-GB': forms } } } },
    strings,
  } as unknown as CitationsFile;
  const today = new Date(Date.UTC(2026, 10, 3));
  const text = (styleName: string, items: string[], form: 'reference' | 'in-text', pageLabel: string | null = null) =>
    citationAnswer(file, { report: 'r', items, format: 'text', style: styleName, locale: 'en-GB', form, page: pageLabel, today });

  it('lists the work once for a selection where pages go in the citation, and fills today’s date', () => {
    expect(text('once', ['s5', 's7'], 'reference')).toMatchObject({ body: 'Work. Accessed 03 M11 2026.\n', dated: true });
  });

  it('numbers each part in a style that lists parts', () => {
    expect(text('parts', ['s5', 's7'], 'reference').body).toBe('1. Work; p. 3-4.\n2. Work; p. 9-14.\n');
  });

  it('gives one in-text citation per item in section order, one per line', () => {
    expect(text('once', ['s5', 's7'], 'in-text')).toMatchObject({ body: '(A, 2013, pp. 3–4)\n(A, 2013, pp. 9–14)\n', dated: false });
  });

  it('narrows an in-text citation to the page asked for', () => {
    expect(text('once', ['s7'], 'in-text', '11').body).toBe('(A, 2013, p. 11)\n');
  });

  it('names a form’s file after the item, the style, the form and the page', () => {
    expect(text('once', ['s7'], 'in-text').fileName).toBe('a-2013-r-pp-9-14-once-in-text.txt');
    expect(text('once', ['s7'], 'in-text', '11').fileName).toBe('a-2013-r-pp-9-14-p-11-once-in-text.txt');
    expect(text('parts', ['s7'], 'reference').fileName).toBe('a-2013-r-pp-9-14-parts.txt');
  });
});

describe('access dates (formatAccessDate)', () => {
  it('writes the day plain or zero-padded into the month’s template', () => {
    const months = Array.from({ length: 12 }, (_, m) => `{D} m${m + 1} {Y}`);
    expect(formatAccessDate({ months, padDay: false }, new Date(Date.UTC(2026, 0, 5)))).toBe('5 m1 2026');
    expect(formatAccessDate({ months, padDay: true }, new Date(Date.UTC(2026, 11, 5)))).toBe('05 m12 2026');
  });

  it('takes the date in UTC', () => {
    const months = Array.from({ length: 12 }, (_, m) => `{Y}-${m + 1}-{D}`);
    expect(formatAccessDate({ months, padDay: false }, new Date('2026-11-28T23:59:59Z'))).toBe('2026-11-28');
  });
});

describe('content negotiation (citation-negotiation.ts)', () => {
  const range = (type: string, q = 1, params: Record<string, string> = {}): AcceptRange => ({ type, q, params });

  it('answers JSON when there is no Accept header, or a wildcard comes first', () => {
    expect(negotiateCitation([])).toEqual({ kind: 'json' });
    expect(negotiateCitation([range('*/*')])).toEqual({ kind: 'json' });
    expect(negotiateCitation([range('application/*')])).toEqual({ kind: 'json' });
  });

  it('answers the citation format of the best-rated type, with its style and locale', () => {
    expect(negotiateCitation([range('application/json', 0.2), range('text/x-bibliography', 0.8, { style: 'mla', locale: 'fr-FR' })])).toEqual({
      kind: 'citation',
      format: 'text',
      mediaType: 'text/x-bibliography',
      style: 'mla',
      locale: 'fr-FR',
    });
  });

  it('maps each offered type to its format', () => {
    const format = (type: string) => {
      const answer = negotiateCitation([range(type)]);
      return answer.kind === 'citation' ? answer.format : answer.kind;
    };

    expect(['application/x-research-info-systems', 'application/x-bibtex', 'application/vnd.citationstyles.csl+json', 'text/x-bibliography', 'application/json'].map(format)).toEqual([
      'ris',
      'bibtex',
      'csl-json',
      'text',
      'json',
    ]);
  });

  it('answers text/* with the formatted reference, the one text type offered, with its style and locale', () => {
    expect(negotiateCitation([range('text/*', 1, { style: 'mla', locale: 'fr-FR' })])).toEqual({
      kind: 'citation',
      format: 'text',
      mediaType: 'text/x-bibliography',
      style: 'mla',
      locale: 'fr-FR',
    });
  });

  it('ignores refused types (q=0) and answers not-acceptable when nothing offered is left', () => {
    expect(negotiateCitation([range('application/x-bibtex', 0)])).toEqual({ kind: 'not-acceptable' });
    expect(negotiateCitation([range('image/png'), range('text/html', 0.5)])).toEqual({ kind: 'not-acceptable' });
  });
});

describe('reference-manager links (reference-managers.ts)', () => {
  const ris = 'https://host.example/api/reports/r/sections/5/cite?format=ris&x=1';

  it('builds the RefWorks direct-export link with vendor, RIS filter, UTF-8 and the RIS URL', () => {
    const link = new URL(refWorksLink(ris));

    expect(`${link.origin}${link.pathname}`).toBe('https://www.refworks.com/express/expressimport.asp');
    expect([...link.searchParams]).toEqual([
      ['vendor', 'report-edge'],
      ['filter', 'RIS Format'],
      ['encoding', '65001'],
      ['url', ris],
    ]);
  });

  it('builds the EndNote online direct-export link that says the data is RIS', () => {
    const link = new URL(endNoteLink(ris));

    expect(`${link.origin}${link.pathname}`).toBe('https://www.myendnoteweb.com/EndNoteWeb.html');
    expect([...link.searchParams]).toEqual([
      ['func', 'directExport'],
      ['partnerName', 'report-edge'],
      ['dataIdentifier', '1'],
      ['dataRequestUrl', ris],
    ]);
  });

  it('escapes the RIS URL’s own query so it cannot leak into the service’s parameters', () => {
    expect(refWorksLink(ris)).toContain(`url=${encodeURIComponent(ris)}`);
    expect(endNoteLink(ris)).toContain(`dataRequestUrl=${encodeURIComponent(ris)}`);
  });
});
