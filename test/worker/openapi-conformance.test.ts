/**
 * The OpenAPI document tells the truth: a fixed set of requests over every
 * operation (good and bad parameters, negotiated Accept types, If-None-Match,
 * unknown paths, other methods) goes to the Worker, and every answer is
 * checked against /api/openapi.json (see openapi-answers.ts). Then the other
 * way round: every answer the document describes was seen at least once, so
 * the document promises nothing the API never gives, and a new documented
 * answer needs a request here.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY_MEDIA_TYPE, CITATION_FORMATS, CITATION_LOCALES, FEATURED_STYLES, FORM_NAMES } from '../../src/core/citations';
import worker from '../../src/index';
import { answerChecker, type CheckedAnswer, type OpenApiDocument } from './openapi-answers';
import { ORIGIN, REPORT, REPORT_PATH } from './client';

interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
}

const SECTIONS = Array.from({ length: 12 }, (_, i) => i); // 0 and 11 are outside the ten sections
const LONG_ID = 'r'.repeat(101);
const STYLES = [...new Set(FEATURED_STYLES.map((s) => s.style)), 'vancouver', 'no-such-style'];
const FORMATS = CITATION_FORMATS.map((f) => f.name);

/** Accept headers for the report and section URLs: each type offered, and those that are not. */
const ACCEPTS = [
  'application/json',
  ...CITATION_FORMATS.filter((f) => f.negotiable).map((f) => f.mediaType),
  BIBLIOGRAPHY_MEDIA_TYPE,
  `${BIBLIOGRAPHY_MEDIA_TYPE}; style=mla; locale=fr-FR`,
  `${BIBLIOGRAPHY_MEDIA_TYPE}; style=no-such-style`,
  `${BIBLIOGRAPHY_MEDIA_TYPE}; locale=xx-XX`,
  'text/*',
  '*/*',
  'application/*',
  'Application/X-BibTeX',
  'application/x-bibtex;q=0.5, application/x-research-info-systems;q=0.9',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'application/pdf',
  'image/png, text/csv;q=0.5',
  'constructor',
  '__proto__',
  '',
];

const get = (path: string, headers?: Record<string, string>): Sent => ({ method: 'GET', path, headers });

/** The fixed request set: the same requests, in the same order, on every run. */
function requestSet(): Sent[] {
  const sent: Sent[] = [get('/api/reports')];

  // The list of reports: filters, orders, pages, and the bad cases.
  for (const query of [
    'publisher=International%20Peace%20Institute', 'publisher=Nobody', 'year=2013', 'year=1999', 'author=boutellis', 'sort=title', 'sort=date', 'sort=-date', 'limit=1', 'offset=1',
    'year=13', 'year=abcd', 'sort=size', 'limit=0', 'limit=201', 'offset=-1', `author=${'a'.repeat(101)}`, 'publisher=',
  ]) {
    sent.push(get(`/api/reports?${query}`));
  }

  // Report and sections: each Accept, good and bad numbers, unknown and too-long ids.
  for (const accept of ACCEPTS) sent.push(get(REPORT_PATH, { Accept: accept }));
  for (const n of SECTIONS) sent.push(get(`${REPORT_PATH}/sections/${n}`));
  for (const accept of ACCEPTS) sent.push(get(`${REPORT_PATH}/sections/5`, { Accept: accept }));
  for (const n of ['abc', '-1', '1.5', '07', '1e1', '999999999999999', '1000000000000000', '%20']) sent.push(get(`${REPORT_PATH}/sections/${n}`));

  // Printed pages: roman either case, arabic, out of range, not numerals.
  for (const page of ['i', 'ii', 'iii', 'iv', 'v', 'II', 'IV', 'xIv', ...Array.from({ length: 30 }, (_, i) => String(i + 1)), '%2012%20', '0', '100001', 'iiii', 'ic', 'abc', '1.5', 'x'.repeat(21)]) {
    sent.push(get(`${REPORT_PATH}/pages/${page}`));
  }

  // Search and type-ahead.
  const searches = [
    'q=counterfactual', 'q=integrated%20planning', 'q=intergration', 'q=%22whole%20of%20government%22', 'q=counterfatcual&fuzzy=off', 'q=qzxvbnmk',
    'q=un&limit=1', 'q=un&limit=50', 'q=un&offset=5', 'q=un&mode=all', 'q=un&mode=any', 'q=planning&fields=title,label', 'q=integ&prefix=off',
    `q=un&report=${REPORT}`, 'q=un&report=nope', `q=un&report=${LONG_ID}`, 'q=un&report=',
    'q=', '', 'q=%20%20', `q=${'a'.repeat(201)}`, 'q=un&limit=0', 'q=un&limit=51', 'q=un&limit=abc', 'q=un&offset=-1', 'q=un&offset=0x10', 'q=un&offset=1001',
    'q=un&fuzzy=maybe', 'q=un&prefix=maybe', 'q=un&fields=body', 'q=un&mode=some',
    'q=un&publisher=International%20Peace%20Institute', 'q=un&publisher=Nobody', 'q=un&year=2013', 'q=un&year=1999', 'q=un&year=20133', 'q=zqnothing',
  ];
  for (const query of searches) sent.push(get(`/api/search?${query}`));
  for (const query of ['q=integ', 'q=un&limit=20', `q=int&report=${REPORT}`, 'q=int&report=nope', 'q=', `q=${'b'.repeat(201)}`, 'q=int&limit=21', `q=int&report=${LONG_ID}`]) {
    sent.push(get(`/api/suggest?${query}`));
  }

  // oEmbed: each kind of page (rich and link answers), sizes, formats, and what has no embed.
  const page = (path: string) => encodeURIComponent(ORIGIN + path);
  for (const query of [
    `url=${page(`/reports/${REPORT}`)}`, `url=${page(`/reports/${REPORT}/sections/5`)}&maxwidth=500&maxheight=300&format=json`,
    `url=${page(`/reports/${REPORT}/search?q=planning`)}`, `url=${page('/search?q=planning')}`, `url=${page(`/embed/${REPORT}`)}`,
    `url=${page(`/reports/${REPORT}`)}&format=xml`, `url=${encodeURIComponent(`https://elsewhere.example/reports/${REPORT}`)}`, `url=${page('/api/reports')}`,
    `url=${page('/reports/nope')}`, `url=${page(`/reports/${REPORT}/sections/11`)}`, `url=${page(`/reports/${REPORT}`)}&maxheight=100`,
    '', 'url=', 'url=%2Freports', `url=${page(`/reports/${REPORT}`)}&maxwidth=0`, `url=${page(`/reports/${REPORT}`)}&format=j%20son`,
  ]) {
    sent.push(get(`/api/oembed?${query}`));
  }

  // Citing the report: every format, every style and locale, forms, pages, selections.
  const cite = `${REPORT_PATH}/cite`;
  for (const format of FORMATS) sent.push(get(`${cite}?format=${format}`), get(`${cite}?format=${format}&sections=3,5`), get(`${cite}?format=${format}&download=on`));
  for (const style of STYLES) for (const format of ['text', 'html']) sent.push(get(`${cite}?format=${format}&style=${style}`));
  for (const locale of [...CITATION_LOCALES, 'xx-XX']) sent.push(get(`${cite}?format=text&locale=${locale}`));
  for (const style of STYLES.slice(0, 4)) for (const form of FORM_NAMES) sent.push(get(`${cite}?format=text&style=${style}&form=${form}`));
  for (const page of ['ii', '11', 'IV', '999', 'iiii']) sent.push(get(`${cite}?format=text&page=${page}`));
  for (const query of [
    'format=ris&form=in-text', 'format=bibtex&page=4', 'format=text&sections=3,5&page=4', 'format=pdf', '', 'format=text&download=maybe', 'format=text&form=footnote',
    'format=ris&sections=3,3', 'format=ris&sections=0', 'format=ris&sections=3,,5', 'format=ris&sections=11', 'format=ris&sections=1,2,3,4,5,6,7,8,9,10',
    `format=ris&sections=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, `format=text&style=${'s'.repeat(101)}`,
  ]) {
    sent.push(get(`${cite}?${query}`));
  }

  // Citing a section: every section in two formats, and the bad cases.
  for (const n of SECTIONS) sent.push(get(`${REPORT_PATH}/sections/${n}/cite?format=csl-json`), get(`${REPORT_PATH}/sections/${n}/cite?format=html&form=in-text`));
  for (const format of FORMATS) sent.push(get(`${REPORT_PATH}/sections/7/cite?format=${format}`));
  for (const query of ['format=text&page=11', 'format=text&page=1', 'format=text&style=chicago-notes-bibliography&form=short-note', 'format=text&style=apa&form=note', 'format=nope', '']) {
    sent.push(get(`${REPORT_PATH}/sections/7/cite?${query}`));
  }

  // Unknown and too-long report ids on every route that takes one.
  for (const id of ['nope', LONG_ID]) {
    for (const rest of ['', '/sections/1', '/pages/ii', '/cite?format=ris', '/sections/1/cite?format=ris']) sent.push(get(`/api/reports/${id}${rest}`));
  }

  // Paths under /api that are not in the document, and methods that are not GET.
  for (const path of ['/api', '/api/', '/api/nope', '/api/reports/', `${REPORT_PATH}/sections`, `${REPORT_PATH}/pages/`, `${REPORT_PATH}/extra`, `/api/${'z'.repeat(300)}`]) sent.push(get(path));
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) for (const path of ['/api/reports', REPORT_PATH, '/api/search?q=un']) sent.push({ method, path });
  return sent;
}

const REQUESTS = requestSet();

/**
 * The Worker's own fetch handler, called as the runtime calls it. Not through
 * `exports.default.fetch` (client.ts): with vitest-pool-workers 0.15.1 each
 * such call makes the next slower (here 6 ms a request after 150 calls, 185 ms
 * after 600), and this set sends about 700; a direct call stays under 1 ms.
 */
async function fetchFromWorker(url: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(url, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

let checker: ReturnType<typeof answerChecker>;
let doc: OpenApiDocument;
const seen: CheckedAnswer[] = [];

/** Sends one request, checks the answer against the document, and keeps what was seen. */
async function send(request: Sent): Promise<CheckedAnswer & { etag: string | null }> {
  const url = ORIGIN + request.path;
  const res = await fetchFromWorker(url, { method: request.method, headers: request.headers });
  const etag = res.headers.get('ETag');
  const checked = await checker.check(request.method, url, res);
  seen.push(checked);
  return { ...checked, etag };
}

beforeAll(async () => {
  const res = await fetchFromWorker(`${ORIGIN}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApiDocument;
  checker = answerChecker(doc);
});

describe('every answer against /api/openapi.json', () => {
  const successes: Sent[] = [];

  it(`matches the document for each of the ${REQUESTS.length} requests of the fixed set`, async () => {
    const violations: string[] = [];
    for (const request of REQUESTS) {
      const answer = await send(request);
      violations.push(...answer.violations);
      if (answer.status === 200) successes.push({ ...request, headers: { ...request.headers, 'If-None-Match': answer.etag ?? '(no ETag)' } });
    }

    expect(violations).toEqual([]);
    expect(successes.length).toBeGreaterThan(100);
  });

  it('matches the document for the 304 answer to If-None-Match with the ETag of each success', async () => {
    const violations: string[] = [];
    for (const request of successes) {
      const answer = await send(request);
      if (answer.status !== 304) violations.push(`${request.path} with ${request.headers!['If-None-Match']} answered ${answer.status}, not 304`);
      violations.push(...answer.violations);
    }

    expect(violations).toEqual([]);
    console.log(`OpenAPI conformance: ${seen.length} answers checked against /api/openapi.json (${successes.length} of them 304s)`);
  });

  it('saw every answer the document describes: each status and media type of each operation', () => {
    const described = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).flatMap((operation) =>
        Object.entries(operation.responses).flatMap(([status, response]) =>
          response.content ? Object.keys(response.content).map((type) => `${operation.operationId} ${status} ${type}`) : [`${operation.operationId} ${status} (no body)`],
        ),
      ),
    );
    const observed = new Set(seen.map((a) => `${a.operation} ${a.status} ${a.mediaType || '(no body)'}`));

    // At the least, each operation's 200, its 304 and one problem.
    expect(described.length).toBeGreaterThanOrEqual(Object.keys(doc.paths).length * 3);
    expect(described.filter((d) => !observed.has(d))).toEqual([]);
  });
});
