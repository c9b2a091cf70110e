/**
 * A few hundred generated requests (fixed seed) to every route: random path
 * segments, parameters, headers and methods. Whatever arrives, the Worker
 * answers without a 5xx, every 4xx is a problem+json or an error page, and
 * every answer carries its security headers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, REPORT } from './client';
import { expectedProfile, expectSecurityHeaders } from './security-headers';

const SEED = 20261128;
const RUNS = 300;

/** Every route, with holes for a report id {r}, a section {n} and a page {p}. */
const ROUTES = [
  '/',
  '/api/reports',
  '/api/reports/{r}',
  '/api/reports/{r}/sections/{n}',
  '/api/reports/{r}/pages/{p}',
  '/api/reports/{r}/cite',
  '/api/reports/{r}/sections/{n}/cite',
  '/api/search',
  '/api/suggest',
  '/api/openapi.json',
  '/reports/{r}',
  '/reports/{r}/sections/{n}',
  '/reports/{r}/search',
  '/reports/{r}/export',
  '/embed/{r}',
  '/widget.js',
  '/assets/style.css',
  '/assets/page.js',
  '/{x}',
  '/api/{x}',
  '/reports/{r}/{x}',
];

const oddText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', '..', '%', '<script>', '"', "'", '\u0000', 'ﷺ'.repeat(50), 'x'.repeat(300)),
);
const segment = (usual: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: oddText.map(encodeURIComponent) });

// Mostly real ids and sections, so most requests reach a handler rather than a 404.
const reportId = segment(fc.constantFrom(REPORT, REPORT, REPORT, REPORT.toUpperCase(), 'nope'));
const sectionNumber = segment(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 10 }).map(String) }, fc.integer({ min: -2, max: 12 }).map(String), fc.constantFrom('1.5', '0x10', '1e3', '9'.repeat(25), ' 7')));
const printedPage = segment(fc.constantFrom('ii', 'II', '4', '26', '27', 'iiii', '0', 'mmmcmxcix', '100001'));

const PARAMETERS = ['q', 'limit', 'offset', 'mode', 'fuzzy', 'prefix', 'fields', 'report', 'format', 'style', 'locale', 'sections', 'download', 'highlight', 'section', '__proto__', 'constructor'];
const parameterValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('integrated planning', 'counterf', '"whole of government"', 'un', '10', '0', '-1', '51', 'all', 'any', 'on', 'off', 'title,text', 'ris', 'bibtex', 'csl-json', 'text', 'html', 'apa', 'mla', 'fr-FR', '1,3,5', '3,3', '1', 'ris:apa', REPORT, '') },
  { weight: 1, arbitrary: oddText },
);
const query = fc.array(fc.tuple(fc.constantFrom(...PARAMETERS), parameterValue), { maxLength: 5 });

const acceptHeader = fc.oneof(
  fc.constantFrom('', 'application/json', 'text/html', 'text/html,application/xhtml+xml', 'application/x-bibtex', 'application/x-research-info-systems', 'application/vnd.citationstyles.csl+json', 'text/x-bibliography; style=mla; locale=fr-FR', 'text/x-bibliography; style=nope', 'text/*', '*/*;q=0', 'image/png'),
  fc.constantFrom('constructor', '__proto__', 'toString;q=0.9, hasOwnProperty', 'valueOf'),
  oddText,
);
const headers = fc.record(
  {
    Accept: acceptHeader,
    'If-None-Match': fc.oneof(fc.constantFrom('*', 'W/"x"', '"0000000000000000-0000000000000000"', ''), oddText),
    Origin: fc.constantFrom('https://course.example.edu', 'null', 'http://127.0.0.1'),
    'Access-Control-Request-Method': fc.constantFrom('GET', 'POST', 'DELETE'),
    'Accept-Language': fc.constantFrom('fr-FR', 'de;q=0.5', '*'),
  },
  { requiredKeys: ['Accept'] },
);
const method = fc.oneof({ weight: 6, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND') });
const host = fc.constantFrom('http://example.com', 'https://reports.example.org', 'http://127.0.0.1:8787');

const request = fc.record({ route: fc.constantFrom(...ROUTES), r: reportId, n: sectionNumber, p: printedPage, x: segment(fc.constantFrom('nope', 'api', 'reports')), query, headers, method, host });

/** Only header values a Request can carry (no control characters or non-Latin-1 text). */
function sendable(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value)));
}

describe('generated requests to every route', () => {
  it(`answers ${RUNS} of them (seed ${SEED}) with no 5xx, a problem or page for every 4xx, and the security headers`, { timeout: 120_000 }, async () => {
    const routesSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        routesSeen.add(req.route);
        const path = req.route.replace('{r}', req.r).replace('{n}', req.n).replace('{p}', req.p).replace('{x}', req.x);
        const search = new URLSearchParams(req.query).toString();
        const url = `${req.host}${path}${search ? `?${search}` : ''}`;
        const res = await call(url, { method: req.method, headers: sendable(req.headers) });
        const body = await res.text();
        const what = `${req.method} ${url} ${JSON.stringify(req.headers)} → ${res.status}: ${body.slice(0, 300)}`;

        expect(res.status, what).toBeLessThan(500);
        expectSecurityHeaders(res, expectedProfile(url), what);
        if (res.status >= 400) {
          const type = res.headers.get('Content-Type') ?? '';
          expect(type, what).toMatch(/^(application\/problem\+json|text\/html)\b/);
          if (req.method !== 'HEAD' && type.startsWith('application/problem+json')) {
            const problem = JSON.parse(body);
            expect(problem, what).toMatchObject({ type: expect.stringMatching(/^urn:report-edge:problem:[a-z-]+$/), status: res.status, title: expect.any(String), detail: expect.any(String) });
          }
          if (req.method !== 'HEAD' && type.startsWith('text/html')) expect(body, what).toMatch(/<h1>[^<]+<\/h1>/);
          expect(body.length, what).toBeLessThan(20_000);
        }
        if (res.status === 405) expect(res.headers.get('Allow'), what).toBe('GET, HEAD, OPTIONS');
        if (res.status === 304) {
          expect(req.headers['If-None-Match'], what).toBeDefined();
          expect(body, what).toBe('');
        }
        if (res.status === 200 && (req.method === 'GET' || req.method === 'HEAD')) expect(res.headers.get('ETag'), what).toMatch(/^W\/"[0-9a-f]{16}-[0-9a-f]{16}"$/);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect([...routesSeen].sort()).toEqual([...ROUTES].sort());
  });
});
