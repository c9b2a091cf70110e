/**
 * The real report, built from its JSTOR contents page alone: only excerpts
 * are known, and every answer says so rather than pretending to pages it
 * has not read. (The same Worker with a PDF: test/worker-fulltext/.)
 */
import { describe, expect, it } from 'vitest';
import { call, getJson, REPORT, REPORT_PATH } from './client';

async function html(path: string): Promise<string> {
  const res = await call(path, { headers: { Accept: 'text/html' } });
  const body = await res.text();
  expect(res.status, body).toBe(200);
  return body;
}

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
});
