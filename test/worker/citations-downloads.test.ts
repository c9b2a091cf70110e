/**
 * Citation downloads over HTTP: what each format is served as (media type,
 * charset, attachment or inline, file name), for the whole report, one
 * section and a selection of sections, and what the CSL-JSON holds.
 */
import { describe, expect, it } from 'vitest';
import { call, REPORT_PATH } from './client';

const CITE = `${REPORT_PATH}/cite`;
const citeSection = (n: number) => `${REPORT_PATH}/sections/${n}/cite`;
const STEM = 'boutellis-2013-driving-the-system-apart';
/** The report's title as citations carry it: csl.title, in sentence case. */
const CSL_TITLE = 'Driving the system apart? A study of United Nations integration and integrated strategic planning';

/** GETs a citation, expects a 200 and returns the response with its body decoded as strict UTF-8. */
async function fetchCitation(path: string): Promise<{ res: Response; body: string }> {
  const res = await call(path);
  const body = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(await res.arrayBuffer());
  expect(res.status, `${path} answered ${res.status}: ${body}`).toBe(200);
  return { res, body };
}

/** The disposition type and file name of a Content-Disposition header. */
function disposition(res: Response): { type: string; fileName: string | null } {
  const header = res.headers.get('Content-Disposition') ?? '';
  return { type: header.split(';')[0].trim(), fileName: /filename="([^"]*)"/.exec(header)?.[1] ?? null };
}

describe('GET /api/reports/{report}/cite: how each format of the whole report is served', () => {
  it.each([
    ['ris', 'application/x-research-info-systems', `${STEM}.ris`],
    ['bibtex', 'application/x-bibtex', `${STEM}.bib`],
    ['biblatex', 'application/x-bibtex', `${STEM}-biblatex.bib`],
    ['csl-json', 'application/vnd.citationstyles.csl+json', `${STEM}.json`],
  ])('serves format=%s as %s in UTF-8, as an attachment named %s', async (format, mediaType, fileName) => {
    const { res } = await fetchCitation(`${CITE}?format=${format}`);

    expect(res.headers.get('Content-Type')).toBe(`${mediaType}; charset=utf-8`);
    expect(disposition(res)).toEqual({ type: 'attachment', fileName });
  });

  it.each([
    ['text', 'text/plain', `${STEM}-apa.txt`],
    ['html', 'text/html', `${STEM}-apa.html`],
  ])('serves format=%s as %s in UTF-8, shown inline, named %s for saving', async (format, mediaType, fileName) => {
    const { res } = await fetchCitation(`${CITE}?format=${format}`);

    expect(res.headers.get('Content-Type')).toBe(`${mediaType}; charset=utf-8`);
    expect(disposition(res)).toEqual({ type: 'inline', fileName });
  });

  it.each(['download=1', 'download=true', 'download=on'])('serves formatted text as an attachment with %s', async (flag) => {
    const { res } = await fetchCitation(`${CITE}?format=text&style=mla&${flag}`);

    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(disposition(res)).toEqual({ type: 'attachment', fileName: `${STEM}-mla.txt` });
  });

  it('serves HTML as an attachment with download=1, and inline with download=0', async () => {
    const saved = await fetchCitation(`${CITE}?format=html&download=1`);
    const shown = await fetchCitation(`${CITE}?format=html&download=0`);

    expect(disposition(saved.res)).toEqual({ type: 'attachment', fileName: `${STEM}-apa.html` });
    expect(disposition(shown.res).type).toBe('inline');
    expect(saved.body).toBe(shown.body);
  });

  // Machine formats (ris, bibtex, biblatex, csl-json) are always attachments: download= only chooses for text and HTML.
  it('keeps a machine format an attachment even with download=0, as the API documents', async () => {
    for (const [format, fileName] of [
      ['ris', `${STEM}.ris`],
      ['bibtex', `${STEM}.bib`],
      ['biblatex', `${STEM}-biblatex.bib`],
      ['csl-json', `${STEM}.json`],
    ]) {
      const { res } = await fetchCitation(`${CITE}?format=${format}&download=0`);

      expect(disposition(res), format).toEqual({ type: 'attachment', fileName });
    }
  });

  it('names the style in the file name of formatted text', async () => {
    const { res } = await fetchCitation(`${CITE}?format=text&style=chicago-author-date&locale=de-DE`);

    expect(disposition(res).fileName).toBe(`${STEM}-chicago-author-date.txt`);
  });

  it('sends en dashes and curly quotes as UTF-8 bytes', async () => {
    const { body } = await fetchCitation(`${citeSection(5)}?format=text&style=chicago-author-date&form=in-text`);

    expect(body).toBe('(Boutellis 2013, 3–4)\n');
    expect([...new TextEncoder().encode('–')]).toEqual([0xe2, 0x80, 0x93]);
  });

  it('lets browsers cache a citation like any other API answer', async () => {
    const { res } = await fetchCitation(`${CITE}?format=ris`);

    expect(res.headers.get('Cache-Control')).toBe('private, max-age=3600, stale-while-revalidate=86400');
  });
});

describe('GET /api/reports/{report}/sections/{n}/cite: one section', () => {
  it.each([
    [5, `${STEM}-pp-3-4.ris`],
    [7, `${STEM}-pp-9-14.ris`],
    [2, `${STEM}-pp-i-ii.ris`],
    [10, `${STEM}-pp-26-26.ris`],
    [1, `${STEM}-section-1.ris`],
  ])('names the RIS file of section %i after its page range: %s', async (n, fileName) => {
    const { res } = await fetchCitation(`${citeSection(n)}?format=ris`);

    expect(res.headers.get('Content-Type')).toBe('application/x-research-info-systems; charset=utf-8');
    expect(disposition(res)).toEqual({ type: 'attachment', fileName });
  });

  it.each([
    ['bibtex', 'application/x-bibtex', `${STEM}-pp-3-4.bib`],
    ['biblatex', 'application/x-bibtex', `${STEM}-pp-3-4-biblatex.bib`],
    ['csl-json', 'application/vnd.citationstyles.csl+json', `${STEM}-pp-3-4.json`],
  ])('serves section 5 as %s (%s) named %s', async (format, mediaType, fileName) => {
    const { res } = await fetchCitation(`${citeSection(5)}?format=${format}`);

    expect(res.headers.get('Content-Type')).toBe(`${mediaType}; charset=utf-8`);
    expect(disposition(res)).toEqual({ type: 'attachment', fileName });
  });

  it('shows section 5 as formatted HTML inline, in the style asked for', async () => {
    const { res, body } = await fetchCitation(`${citeSection(5)}?format=html&style=mla`);

    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(disposition(res)).toEqual({ type: 'inline', fileName: `${STEM}-pp-3-4-mla.html` });
    // MLA 9: a part of an authored work is cited through the work; its pages go in the in-text citation.
    expect(body).toContain('<i>Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning</i>');
  });

  it('answers one section the same as a selection of just that section', async () => {
    for (const format of ['ris', 'bibtex', 'csl-json', 'text', 'html']) {
      const one = await fetchCitation(`${citeSection(7)}?format=${format}`);
      const selected = await fetchCitation(`${CITE}?format=${format}&sections=7`);
      expect(selected.body, format).toBe(one.body);
      expect(disposition(selected.res).fileName, format).toBe(disposition(one.res).fileName);
    }
  });
});

describe('GET /api/reports/{report}/cite?sections=…: a selection', () => {
  it('names a selection’s file after its sections: …-sections-3-5-7.ris', async () => {
    const { res } = await fetchCitation(`${CITE}?format=ris&sections=3,5,7`);

    expect(disposition(res)).toEqual({ type: 'attachment', fileName: `${STEM}-sections-3-5-7.ris` });
  });

  it('answers a selection in section order, whatever order it was asked in', async () => {
    const ordered = await fetchCitation(`${CITE}?format=ris&sections=3,5,7`);
    const shuffled = await fetchCitation(`${CITE}?format=ris&sections=7,3,5`);

    expect(shuffled.body).toBe(ordered.body);
    expect(disposition(shuffled.res).fileName).toBe(`${STEM}-sections-3-5-7.ris`);
    expect([...ordered.body.matchAll(/^ID {2}- (.*)\r$/gm)].map((m) => m[1])).toEqual([
      'boutellis2013driving-sec3',
      'boutellis2013driving-sec5',
      'boutellis2013driving-sec7',
    ]);
  });

  it('lists up to six sections in a file name, and counts them beyond that', async () => {
    const six = await fetchCitation(`${CITE}?format=bibtex&sections=1,2,3,4,5,6`);
    const ten = await fetchCitation(`${CITE}?format=bibtex&sections=1,2,3,4,5,6,7,8,9,10`);

    expect(disposition(six.res).fileName).toBe(`${STEM}-sections-1-2-3-4-5-6.bib`);
    expect(disposition(ten.res).fileName).toBe(`${STEM}-10-sections.bib`);
  });

  it('names a formatted selection after its sections and style', async () => {
    const { res } = await fetchCitation(`${CITE}?format=text&style=mla&sections=3,5,7`);

    expect(disposition(res)).toEqual({ type: 'inline', fileName: `${STEM}-sections-3-5-7-mla.txt` });
  });
});

describe('format=csl-json: the items a citation is built from', () => {
  it('gives the whole report as one CSL item of type report with its total pages', async () => {
    const { body } = await fetchCitation(`${CITE}?format=csl-json`);

    expect(JSON.parse(body)).toEqual([
      {
        // The id is the citation key, as Pandoc and other CSL processors cite by id.
        id: 'boutellis2013driving',
        'citation-key': 'boutellis2013driving',
        type: 'report',
        title: CSL_TITLE,
        'title-short': 'Driving the system apart?',
        author: [{ family: 'Boutellis', given: 'Arthur' }],
        publisher: 'International Peace Institute',
        'publisher-place': 'New York',
        issued: { 'date-parts': [[2013, 8]] },
        'number-of-pages': 32,
        URL: 'https://www.jstor.org/stable/resrep09639',
        archive: 'JSTOR',
        language: 'en',
      },
    ]);
  });

  it('gives section 5 as a chapter “Introduction”, pages 3-4, in the report', async () => {
    const [item] = JSON.parse((await fetchCitation(`${citeSection(5)}?format=csl-json`)).body);

    expect(item).toMatchObject({ id: 'boutellis2013driving-sec5', 'citation-key': 'boutellis2013driving-sec5', type: 'chapter', title: 'Introduction', 'container-title': CSL_TITLE, page: '3-4' });
    expect(item).not.toHaveProperty('number-of-pages');
    // CSL's title-short is the item's own short title: the report's is not the chapter's (pandoc would print it in a short note).
    expect(item).not.toHaveProperty('title-short');
  });

  it('gives section 7, whose title is unknown, as the report with pages 9-14 and no title of its own', async () => {
    const [item] = JSON.parse((await fetchCitation(`${citeSection(7)}?format=csl-json`)).body);

    expect(item).toMatchObject({ id: 'boutellis2013driving-sec7', type: 'report', title: CSL_TITLE, page: '9-14' });
    expect(item).not.toHaveProperty('container-title');
    expect(item).not.toHaveProperty('number-of-pages');
  });

  it('gives one-page section 10 the page "26", and section 1 (no printed pages) no page', async () => {
    const items = JSON.parse((await fetchCitation(`${CITE}?format=csl-json&sections=1,10`)).body);

    expect(items.map((item: { id: string; page?: string }) => [item.id, item.page ?? null])).toEqual([
      ['boutellis2013driving-sec1', null],
      ['boutellis2013driving-sec10', '26'],
    ]);
  });

  it('gives a selection as one JSON array, one item per section in order', async () => {
    const items = JSON.parse((await fetchCitation(`${CITE}?format=csl-json&sections=9,3,5`)).body);

    expect(items.map((item: { id: string }) => item.id)).toEqual(['boutellis2013driving-sec3', 'boutellis2013driving-sec5', 'boutellis2013driving-sec9']);
  });
});
