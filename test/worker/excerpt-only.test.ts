/**
 * The real report, built from its JSTOR contents page alone: only excerpts
 * are known, and every answer says so rather than pretending to pages it
 * has not read. (The same Worker with a PDF: test/worker-fulltext/.)
 */
import { describe, expect, it } from 'vitest';
import { call, getHtml as html, getJson, REPORT, REPORT_PATH } from './client';


describe('a report known only from its contents page', () => {
  it('gives search hits no page: the excerpt has no printed pages of its own', async () => {
    const body = await getJson(`/api/search?q=counterfactual&report=${REPORT}`);

    expect(body.results[0]).toMatchObject({ number: 7, page: null });
    expect(body.results[0].links.read).toBe(`http://example.com/reports/${REPORT}/sections/7?highlight=counterfactual`);
  });

  it('answers a page look-up with its sections and no text', async () => {
    const body = await getJson(`${REPORT_PATH}/pages/11`);

    expect(body.text).toBeNull();
    expect(body.sections.map((s: { number: number }) => s.number)).toEqual([7]);
  });

  it('gives a section no whole text', async () => {
    const body = await getJson(`${REPORT_PATH}/sections/7`);

    expect(body).toMatchObject({ hasText: true, hasFullText: false, fullText: null });
  });

  it('says on the section page that the text is an excerpt and links to the whole report on JSTOR', async () => {
    const page = await html(`/reports/${REPORT}/sections/7`);

    expect(page).toContain('This is only the excerpt the contents page shows, not the section’s whole text.');
    expect(page).toContain('Read the full report <a href="https://www.jstor.org/stable/resrep09639">on JSTOR</a>.');
    expect(page).not.toContain('class="page-marker"');
  });

  it('puts a search box on every section page, and the reference for print', async () => {
    const page = await html(`/reports/${REPORT}/sections/4`);

    expect(page).toMatch(/<report-search report="driving-the-system-apart"[^>]*><form method="get" action="\/reports\/driving-the-system-apart\/search"/);
    // Printed under the text: the APA reference, opening with the author and the year (APA 7 §9.8 author, §9.13 date).
    expect(page).toMatch(/<p class="print-reference">Cite as \(APA\): Boutellis, A\. \(2013\)\./);
  });

  it('offers "Cite one page" on a section page: every page of its range, each featured style’s in-text citation and note', async () => {
    const page = await html(`/reports/${REPORT}/sections/7`);

    const pages = [...page.matchAll(/<option value="([^"]+)">p\. \1<\/option>/g)].map((m) => m[1]);
    expect(pages).toEqual(['9', '10', '11', '12', '13', '14']);
    expect(page).toContain('<option value="apa:in-text">APA in-text citation</option>');
    expect(page).toContain('<option value="chicago-notes-bibliography:note">Chicago notes note</option>');
    expect(page).not.toContain('value="apa:reference"');
  });

  it('answers the form with the API’s citation of that page: APA 7 §8.13, (Author, year, p. 11)', async () => {
    const res = await call(`/reports/${REPORT}/sections/7/cite-page?page=11&as=apa%3Ain-text`, { redirect: 'manual' });

    expect(res.status).toBe(303);
    const location = res.headers.get('Location')!;
    expect(location).toBe(`/api/reports/${REPORT}/sections/7/cite?format=text&style=apa&form=in-text&page=11`);
    expect(await (await call(location)).text()).toBe('(Boutellis, 2013, p. 11)\n');
  });

  it('refuses a citation it does not offer with a 400 that lists the choices', async () => {
    const res = await call(`/reports/${REPORT}/sections/7/cite-page?page=11&as=apa%3Areference`, { headers: { Accept: 'text/html' } });

    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose one of: apa:in-text,');
  });
});
