/**
 * oEmbed (oembed.com) for this site's pages: GET /api/oembed answers a
 * report, section or search URL with the iframe of the report's embed page,
 * within the consumer's maxwidth and maxheight (§2.2, §2.3.4.4); 404, 501
 * and 400 where the spec and the API say (§2.3.5); and the pages name their
 * answer in their head (§4, discovery).
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { servedAtPublicOrigin } from '../../src/public-origin';
import { call, expectProblem, getHtml, getJson, ORIGIN, REPORT } from './client';

const REPORT_TITLE = 'Driving the System Apart? A Study of United Nations Integration and Integrated Strategic Planning';
const REPORT_PAGE = `${ORIGIN}/reports/${REPORT}`;
const EMBED_URL = `${ORIGIN}/embed/${REPORT}`;
/** The iframe every rich answer holds at the default size: the README's snippet, on this origin. */
const FRAME = `<iframe src="${EMBED_URL}" title="Search: ${REPORT_TITLE}" width="100%" height="420" style="border:0" allow="clipboard-write" loading="lazy"></iframe>`;

/** The oEmbed endpoint's URL for a page URL and other parameters. */
function oembedPath(url: string, params: Record<string, string> = {}): string {
  return `/api/oembed?${new URLSearchParams({ url, ...params })}`;
}

/** The oEmbed answer for a page URL, expected to be a 200. */
function oembed(url: string, params: Record<string, string> = {}) {
  return getJson(oembedPath(url, params));
}

/** An attribute value as a browser reads it: HTMLRewriter gives it raw, character references and all. */
function decodeAttribute(raw: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
  return raw.replace(/&(?:#([0-9]+)|([a-z]+));/g, (whole, code: string | undefined, name: string | undefined) =>
    code ? String.fromCodePoint(Number(code)) : (named[name!] ?? whole),
  );
}

/** The attributes of the first element matching `selector` in some HTML, read by workerd's own HTML parser. */
async function attributesOf(html: string, selector: string): Promise<Record<string, string> | null> {
  let found: Record<string, string> | null = null;
  await new HTMLRewriter()
    .on(selector, {
      element(element) {
        found ??= Object.fromEntries([...element.attributes].map(([name, value]) => [name, decodeAttribute(value)]));
      },
    })
    .transform(new Response(html))
    .text();
  return found;
}

/** A page's oEmbed discovery link (§4). */
function discoveryLink(html: string) {
  return attributesOf(html, 'link[rel="alternate"][type="application/json+oembed"]');
}

describe('GET /api/oembed: what a pasted link becomes', () => {
  it('answers a report URL with the rich embed of its search: the README iframe, title, provider and cache age', async () => {
    const res = await call(oembedPath(REPORT_PAGE, { format: 'json' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json\b/);

    expect(await res.json()).toEqual({
      type: 'rich',
      version: '1.0',
      title: REPORT_TITLE,
      provider_name: 'report-edge',
      provider_url: `${ORIGIN}/`,
      cache_age: 3600,
      html: FRAME,
      width: 640,
      height: 420,
    });
  });

  it('answers a section URL with the report’s embed, titled as the section page is: Introduction — the report', async () => {
    const answer = await oembed(`${REPORT_PAGE}/sections/5`);

    expect(answer).toMatchObject({ type: 'rich', title: `Introduction — ${REPORT_TITLE}`, html: FRAME });
  });

  it('names an untitled section by its label, and reads a section URL arriving from a search (highlight, page anchor)', async () => {
    const section = await getJson(`/api/reports/${REPORT}/sections/7`);
    const answer = await oembed(`${REPORT_PAGE}/sections/7?highlight=counterfactual#p-11`);

    expect(section.title).toBeNull();
    expect(answer.title).toBe(`${section.label} — ${REPORT_TITLE}`);
    expect(answer.html).toBe(FRAME);
  });

  it('answers a report’s search URL with the embed of that report’s search, titled with the query', async () => {
    const answer = await oembed(`${REPORT_PAGE}/search?q=integrated%20planning`);

    expect(answer).toMatchObject({ type: 'rich', title: `“integrated planning” in ${REPORT_TITLE}`, html: FRAME, width: 640, height: 420 });
  });

  it('answers the embed page’s own URL with itself', async () => {
    expect(await oembed(EMBED_URL)).toMatchObject({ type: 'rich', title: `Search: ${REPORT_TITLE}`, html: FRAME });
  });

  it('answers the library search with a link answer: a title, no html, as no embed searches the whole library', async () => {
    const answer = await oembed(`${ORIGIN}/search?q=peacekeeping`);

    expect(answer).toEqual({ type: 'link', version: '1.0', title: '“peacekeeping” in all reports', provider_name: 'report-edge', provider_url: `${ORIGIN}/`, cache_age: 3600 });
  });

  it('keeps within maxwidth and maxheight: the numbers, the iframe’s height and its max-width all shrink', async () => {
    const answer = await oembed(REPORT_PAGE, { maxwidth: '500', maxheight: '300' });

    expect(answer).toMatchObject({ width: 500, height: 300 });
    expect(await attributesOf(answer.html, 'iframe')).toEqual({
      src: EMBED_URL,
      title: `Search: ${REPORT_TITLE}`,
      width: '100%',
      height: '300',
      style: 'border:0;max-width:500px',
      allow: 'clipboard-write',
      loading: 'lazy',
    });
  });

  it('never grows past its own size for larger maxima: 640 × 420', async () => {
    expect(await oembed(REPORT_PAGE, { maxwidth: '5000', maxheight: '10000' })).toMatchObject({ width: 640, height: 420 });
    expect(await oembed(REPORT_PAGE, { maxheight: '419' })).toMatchObject({ width: 640, height: 419 });
  });

  it('frames a working embed page: its src answers the search page, frameable by any site', async () => {
    const answer = await oembed(`${REPORT_PAGE}/sections/5`);
    const src = (await attributesOf(answer.html, 'iframe'))!.src;
    const res = await call(src, { headers: { Accept: 'text/html' } });
    const page = await res.text();

    expect(src).toBe(EMBED_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html\b/);
    expect(res.headers.get('Content-Security-Policy')).toMatch(/(?:^|;)\s*frame-ancestors \*(?:;|$)/);
    expect(await attributesOf(page, 'report-search')).toMatchObject({ report: REPORT, api: ORIGIN });
    expect(page).toContain(`<title>Search: ${REPORT_TITLE}</title>`);
  });
});

describe('GET /api/oembed: what has no embed (§2.3.5: 404)', () => {
  it.each([
    ['another origin', `https://elsewhere.example/reports/${REPORT}`],
    ['the same host on another scheme', `https://example.com/reports/${REPORT}`],
    ['the same host on another port', `http://example.com:8080/reports/${REPORT}`],
    ['the home page', `${ORIGIN}/`],
    ['an API URL', `${ORIGIN}/api/reports/${REPORT}`],
    ['the widget script', `${ORIGIN}/widget.js`],
    ['an export redirect', `${REPORT_PAGE}/export?section=1`],
    ['a trailing slash the site does not serve', `${REPORT_PAGE}/`],
    ['a section number that is not one', `${REPORT_PAGE}/sections/07`],
  ])('refuses %s as not embeddable, saying what can be', async (_, url) => {
    const problem = await expectProblem(await call(oembedPath(url)), 404);

    expect(problem.type).toBe('urn:report-edge:problem:not-embeddable');
    expect(problem.detail).toContain(url.slice(0, 40));
  });

  it('refuses an unknown report, naming the reports served', async () => {
    const problem = await expectProblem(await call(oembedPath(`${ORIGIN}/reports/no-such-report/sections/2`)), 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-report');
    expect(problem.reports).toContain(REPORT);
  });

  it('refuses a section the report does not have, giving the sections it has', async () => {
    const problem = await expectProblem(await call(oembedPath(`${REPORT_PAGE}/sections/11`)), 404);

    expect(problem.type).toBe('urn:report-edge:problem:unknown-section');
    expect(problem.sections).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses a search URL whose query its page would refuse (empty, too many words)', async () => {
    for (const query of ['', `?q=${'word '.repeat(17)}`]) {
      const problem = await expectProblem(await call(oembedPath(`${REPORT_PAGE}/search${query}`)), 404);
      expect(problem.detail).toContain('its search page refuses this query');
    }
  });

  it('refuses maxima smaller than the search needs (200 × 150), rather than a frame that shows nothing', async () => {
    for (const params of [{ maxheight: '149' }, { maxwidth: '199' }] as Array<Record<string, string>>) {
      const problem = await expectProblem(await call(oembedPath(REPORT_PAGE, params)), 404);
      expect(problem.detail).toContain('at least 200 × 150 pixels');
    }
  });
});

describe('GET /api/oembed: formats and parameters', () => {
  it.each(['xml', 'XML', 'yaml'])('answers format=%s with 501: only JSON is implemented', async (format) => {
    const problem = await expectProblem(await call(oembedPath(REPORT_PAGE, { format })), 501);

    expect(problem.type).toBe('urn:report-edge:problem:unsupported-format');
    expect(problem.detail).toContain('json only');
  });

  it('takes format=JSON in any case', async () => {
    expect((await oembed(REPORT_PAGE, { format: 'JSON' })).type).toBe('rich');
  });

  it.each([
    ['no url', '/api/oembed?format=json', 'url'],
    ['an empty url', '/api/oembed?url=', 'url'],
    ['a relative url', oembedPath(`/reports/${REPORT}`), 'url'],
    ['a javascript: url', oembedPath('javascript:alert(1)'), 'url'],
    ['a url of 2049 characters', oembedPath(`${REPORT_PAGE}?${'x'.repeat(2049 - REPORT_PAGE.length - 1)}`), 'url'],
    ['maxwidth=0', oembedPath(REPORT_PAGE, { maxwidth: '0' }), 'maxwidth'],
    ['maxwidth=abc', oembedPath(REPORT_PAGE, { maxwidth: 'abc' }), 'maxwidth'],
    ['maxwidth=1e3', oembedPath(REPORT_PAGE, { maxwidth: '1e3' }), 'maxwidth'],
    ['maxwidth=-5', oembedPath(REPORT_PAGE, { maxwidth: '-5' }), 'maxwidth'],
    ['maxheight=10001', oembedPath(REPORT_PAGE, { maxheight: '10001' }), 'maxheight'],
    ['maxheight=4.5', oembedPath(REPORT_PAGE, { maxheight: '4.5' }), 'maxheight'],
    ['a format that is not a word', oembedPath(REPORT_PAGE, { format: 'js on' }), 'format'],
    ['a format of 17 letters', oembedPath(REPORT_PAGE, { format: 'j'.repeat(17) }), 'format'],
  ])('answers %s with 400 naming the parameter', async (_, path, name) => {
    const problem = await expectProblem(await call(path), 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(problem.invalid_params?.map((p) => p.name)).toEqual([name]);
  });

  it('takes a url of 2048 characters (it is then simply not a page: 404)', async () => {
    const url = `${REPORT_PAGE}/x?${'x'.repeat(2048 - REPORT_PAGE.length - 3)}`;
    expect(url).toHaveLength(2048);

    await expectProblem(await call(oembedPath(url)), 404);
  });
});

describe('discovery (§4): the pages name their oEmbed answer', () => {
  it.each([
    ['the report page', `/reports/${REPORT}`, REPORT_TITLE],
    ['a section page', `/reports/${REPORT}/sections/5`, `Introduction — ${REPORT_TITLE}`],
    ['a report’s search page', `/reports/${REPORT}/search?q=planning`, `“planning” in ${REPORT_TITLE}`],
  ])('%s links its canonical URL’s JSON answer, and that answer carries the page’s title', async (_, path, title) => {
    const link = await discoveryLink(await getHtml(path));

    expect(link).toEqual({
      rel: 'alternate',
      type: 'application/json+oembed',
      href: `${ORIGIN}/api/oembed?url=${encodeURIComponent(ORIGIN + path)}&format=json`,
      title: `${title} (oEmbed)`,
    });
    const answer = await getJson(link!.href);
    expect(answer).toMatchObject({ type: 'rich', title, html: FRAME });
  });

  it('links a section’s canonical URL, without the words a search highlighted', async () => {
    const link = await discoveryLink(await getHtml(`/reports/${REPORT}/sections/7?highlight=counterfactual`));

    expect(new URL(link!.href).searchParams.get('url')).toBe(`${REPORT_PAGE}/sections/7`);
  });

  it('links the library search page’s link answer', async () => {
    const link = await discoveryLink(await getHtml('/search?q=planning'));

    expect((await getJson(link!.href)).type).toBe('link');
  });
});

describe('with PUBLIC_ORIGIN set, "this deployment" is that origin', () => {
  const PUBLIC = 'https://reports.example.org';
  const worker = servedAtPublicOrigin(createApp());
  const fetchAt = (url: string) => worker.fetch(new Request(url), { PUBLIC_ORIGIN: PUBLIC }, {} as ExecutionContext);

  it('embeds a URL on the public origin, framing the embed page there, whatever host was called', async () => {
    const res = await fetchAt(`http://localhost:8787${oembedPath(`${PUBLIC}/reports/${REPORT}`)}`);
    const answer = await res.json<any>();

    expect(res.status).toBe(200);
    expect(answer.provider_url).toBe(`${PUBLIC}/`);
    expect((await attributesOf(answer.html, 'iframe'))!.src).toBe(`${PUBLIC}/embed/${REPORT}`);
  });

  it('refuses a URL on the host called, which is not the public origin', async () => {
    const problem = await expectProblem(await fetchAt(`http://localhost:8787${oembedPath(`http://localhost:8787/reports/${REPORT}`)}`), 404);

    expect(problem.detail).toContain(`only pages of ${PUBLIC} are embedded here`);
  });
});
