/**
 * A report built with its PDF, served by the same Worker in workerd: search
 * lands on the printed page of its best match, the page look-up gives that
 * page's text, a section gives its whole text by page, and its page marks
 * every printed page with an anchor. The fixture (build-fixture.ts) prints a
 * distinctive word on known pages: "quetzal" on page 11 only, "wombat" on
 * page 20 only (test/fixtures/make-pdfs.ts, DISTINCTIVE_WORDS).
 */
import { describe, expect, it } from 'vitest';
import { call, getHtml as html, getJson, ORIGIN, REPORT, REPORT_PATH } from '../worker/client';


describe('search over the whole text', () => {
  it('finds a word printed only on page 11 in section 7 (pp. 9–14), on page 11, with its snippet from that page', async () => {
    const body = await getJson(`/api/search?q=quetzal&report=${REPORT}`);

    expect(body.total).toBe(1);
    const [hit] = body.results;
    expect(hit).toMatchObject({ number: 7, page: '11', terms: ['quetzal'] });
    expect(hit.snippet).toContain('<mark>quetzal</mark>');
    expect(hit.snippet).toContain('printed as page 11');
    expect(hit.links.read).toBe(`${ORIGIN}/reports/${REPORT}/sections/7?highlight=quetzal#p-11`);
  });

  it('puts the page of the best match on each hit: page 20 for "wombat" in section 8 (pp. 14–23)', async () => {
    const [hit] = (await getJson(`/api/search?q=wombat&report=${REPORT}`)).results;

    expect(hit).toMatchObject({ number: 8, page: '20' });
  });

  it('still finds the JSTOR excerpts, now on their printed page: section 7’s excerpt opens page 9', async () => {
    const [hit] = (await getJson(`/api/search?q=${encodeURIComponent('"after all these efforts"')}&report=${REPORT}`)).results;

    expect(hit).toMatchObject({ number: 7, page: '9' });
  });
});

describe('GET /api/reports/{report}/pages/{page} with the whole text', () => {
  it('gives the text of page 11 itself, without its running feet', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/11`);

    expect(body.text).toContain('Only this page mentions the quetzal');
    expect(body.text).toContain('This page is printed as page 11 of the report.');
    // The foot prints the author's name and the number: neither is text of the page.
    expect(body.text).not.toContain('Arthur Boutellis');
    expect(body.sections.map((s: { number: number }) => s.number)).toEqual([7]);
  });

  it('gives page 4 whole, though sections 5 and 6 share it', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/4`);

    expect(body.sections.map((s: { number: number }) => s.number)).toEqual([5, 6]);
    expect(body.text).toContain('This page is printed as page 4 of the report.');
    expect(body.text).toContain('Over the past two decades');
  });
});

describe('GET /api/reports/{report}/sections/{n} with the whole text', () => {
  it('gives section 7’s text page by page, 9 to 14, and says it is whole', async () => {
    const body = await getJson(`${REPORT_PATH}/sections/7`);

    expect(body.hasFullText).toBe(true);
    expect(body.fullText.map((p: { page: string }) => p.page)).toEqual(['9', '10', '11', '12', '13', '14']);
    expect(body.fullText[2].text).toContain('quetzal');
    // Page 14 is shared with section 8: section 7 keeps only what comes before section 8's excerpt.
    const section8 = await getJson(`${REPORT_PATH}/sections/8`);
    expect(body.fullText[5].text).not.toContain(section8.paragraphs[0].slice(0, 30));
    expect(section8.fullText[0].text.startsWith(section8.paragraphs[0].slice(0, 30))).toBe(true);
  });

  it('titles sections from the metadata file, else from the PDF’s bookmarks, and says which', async () => {
    const sections: Array<{ number: number; title: string | null; titleSource: string | null }> = (await getJson(REPORT_PATH)).sections;
    const titles = sections.map(({ number, title, titleSource }) => [number, title, titleSource]);

    // The fixture's bookmarks (test/fixtures/make-pdfs.ts, OUTLINE) open pages i, iii, 1, 3, 4, 9, 14, 23 and 26;
    // the metadata file names sections 3, 4 and 5. Section 1 (the covers) has neither.
    expect(titles).toEqual([
      [1, null, null],
      [2, 'Contents', 'outline'],
      [3, 'Abbreviations', 'metadata'],
      [4, 'Executive Summary', 'metadata'],
      [5, 'Introduction', 'metadata'],
      [6, 'Part One', 'outline'],
      [7, 'Part Two', 'outline'],
      [8, 'Part Three', 'outline'],
      [9, 'Conclusion', 'outline'],
      [10, 'Annex', 'outline'],
    ]);
  });

  it('undoes line-end hyphenation and ligatures in the text: "Department", "financial flows"', async () => {
    const pages = (await getJson(`${REPORT_PATH}/sections/7`)).fullText;
    const text = pages.map((p: { text: string }) => p.text).join('\n');

    expect(text).toContain('Staff from the Department of Field Support');
    expect(text).toContain('The financial flows followed coordination rules.');
  });
});

describe('the section page with the whole text', () => {
  it('marks every printed page with a visible marker and an anchor, and shows the text', async () => {
    const page = await html(`/reports/${REPORT}/sections/7`);

    for (const label of ['9', '10', '11', '12', '13', '14']) {
      expect(page).toContain(`<p class="page-marker" id="p-${label}"><a href="#p-${label}">p. ${label}</a></p>`);
    }
    expect(page).toContain('Only this page mentions the quetzal');
    expect(page).not.toContain('only the excerpt');
  });

  it('marks the words of a search in the whole text', async () => {
    const page = await html(`/reports/${REPORT}/sections/7?highlight=quetzal`);

    expect(page).toContain('<mark>quetzal</mark>');
  });

  it('cites the page a hit landed on: APA 7 §8.13, the page after the year, "p. 11"', async () => {
    const res = await call(`${REPORT_PATH}/sections/7/cite?format=text&style=apa&form=in-text&page=11`);

    expect(await res.text()).toBe('(Boutellis, 2013, p. 11)\n');
  });
});
