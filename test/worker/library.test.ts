/**
 * The library in workerd: the list of reports filtered, sorted and paged; a
 * search across every report with its filters; the data files reachable
 * only through the Worker (the ASSETS binding), never as public URLs; the
 * home page's listing and search box.
 */
import { describe, expect, it } from 'vitest';
import { call, getJson, REPORT } from './client';

describe('GET /api/reports: filters, orders, pages', () => {
  it('says how many reports there are and which page this is', async () => {
    const body = await getJson('/api/reports');

    expect(body).toMatchObject({ total: 1, limit: 50, offset: 0, links: {} });
    expect(body.reports.map((r: { id: string }) => r.id)).toEqual([REPORT]);
  });

  it('filters by publisher in any case, by year and by author, and finds nothing for others', async () => {
    for (const query of ['publisher=international%20peace%20institute', 'year=2013', 'author=boutellis', 'author=Arthur%20Boutellis', 'publisher=International%20Peace%20Institute&year=2013&sort=-date']) {
      expect((await getJson(`/api/reports?${query}`)).reports.map((r: { id: string }) => r.id), query).toEqual([REPORT]);
    }
    for (const query of ['publisher=International%20Peace', 'year=2014', 'author=smith']) {
      expect(await getJson(`/api/reports?${query}`), query).toMatchObject({ total: 0, reports: [] });
    }
  });

  it('pages with limit and offset, linking the previous page', async () => {
    const beyond = await getJson('/api/reports?limit=1&offset=1');

    expect(beyond).toMatchObject({ total: 1, limit: 1, offset: 1, reports: [] });
    expect(beyond.links.prev).toMatch(/\/api\/reports\?limit=1&offset=0$/);
    expect(beyond.links.next).toBeUndefined();
  });

  it('refuses a year that is not four digits, an unknown order and a limit beyond 200, naming each', async () => {
    const res = await call('/api/reports?year=13&sort=size&limit=201');
    const problem = (await res.json()) as { invalid_params: Array<{ name: string }> };

    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(problem.invalid_params.map((p) => p.name).sort()).toEqual(['limit', 'sort', 'year']);
  });
});

describe('GET /api/search across the library', () => {
  it('finds the section across every report and says how many reports held the words and were searched', async () => {
    const body = await getJson('/api/search?q=counterfactual');

    expect(body.results.map((r: { report: string; number: number }) => [r.report, r.number])).toEqual([[REPORT, 7]]);
    expect(body.reports).toEqual({ matched: 1, searched: 1 });
  });

  it('answers a search within one report as before, without the library counts', async () => {
    const body = await getJson(`/api/search?q=counterfactual&report=${REPORT}`);

    expect(body.results.map((r: { number: number }) => r.number)).toEqual([7]);
    expect(body.reports).toBeUndefined();
  });

  it('filters by publisher and year: the report matches, others do not', async () => {
    expect((await getJson('/api/search?q=counterfactual&publisher=International%20Peace%20Institute&year=2013')).total).toBe(1);
    expect(await getJson('/api/search?q=counterfactual&year=1999')).toMatchObject({ total: 0, results: [], reports: { matched: 0, searched: 0 } });
    expect((await getJson(`/api/search?q=counterfactual&report=${REPORT}&publisher=Nobody`)).total).toBe(0);
  });

  it('still offers a correction across the library when nothing matched', async () => {
    const body = await getJson('/api/search?q=counterfatcual&fuzzy=off');

    expect(body.total).toBe(0);
    expect(body.suggestions).toEqual(['counterfactual']);
  });
});

describe('the data files', () => {
  it('are not public: /data/… reaches the Worker, which serves no such path', async () => {
    for (const path of ['/data/library.json', `/data/reports/${REPORT}.ndjson`, '/data/terms/co.json', '/data/citation-styles.json']) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('counterfactu');
    }
  });

  it('are never named by a report id that is not a plain id: a path-like id is an unknown report', async () => {
    for (const id of ['..%2Flibrary', '..%2F..%2Fdata%2Flibrary', 'Driving-The-System-Apart', 'a.b', 'a%00b']) {
      const res = await call(`/api/reports/${id}`);
      expect(res.status, id).toBe(404);
      expect(((await res.json()) as { kind?: string; type: string }).type, id).toContain('unknown-report');
    }
  });
});

describe('the home page', () => {
  it('lists the report, says how many there are, and searches every report', async () => {
    const html = await (await call('/', { headers: { Accept: 'text/html' } })).text();

    expect(html).toContain('1 report');
    expect(html).toContain(`href="/reports/${REPORT}"`);
    expect(html).toMatch(/<form method="get" action="\/search"[^>]*role="search">/);
    expect(html).toContain('Search all reports');
    expect(html).not.toContain('rel="next"');
  });

  it('filters from its address, and says so with a way back', async () => {
    const html = await (await call('/?year=1999')).text();

    expect(html).toContain('No reports match the filters');
    expect(html).toContain('show all');
  });

  it('/search?q= shows the sections across the library, each with its report', async () => {
    const html = await (await call('/search?q=counterfactual')).text();

    expect(html).toContain('1 section matches “counterfactual”');
    expect(html).toContain(`href="/reports/${REPORT}/sections/7?highlight=counterfactual`);
    expect(html).toContain('<p class="hit-report">Driving the System Apart?');
  });
});
