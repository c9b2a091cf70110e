/**
 * Generated requests (fast-check, fixed seeds) to every route, and what a
 * good answer to each must be (`answerFaults`): the short run in workerd
 * (`test/worker/generated-requests.test.ts`, part of `npm test`) and the
 * long one against `wrangler dev` (`npm run fuzz`, 100,000 requests) share
 * both.
 */
import fc from 'fast-check';
import { expectedProfile, securityHeaderFaults } from './security-profiles';

/** The report the generated ids mostly name (the project's own). */
const REPORT = 'driving-the-system-apart';

/** Every route, with holes for a report id {r}, a section {n} and a page {p}. */
export const ROUTES = [
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
  '/lti/login',
  '/lti/launch',
  '/lti/register',
  '/lti/approve',
  '/lti/jwks',
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

/**
 * Form bodies for the LTI routes that take posts, and what a stranger puts
 * in a registration: never an address the Worker would fetch (only
 * loopback, private, literal-IP and non-https ones, each refused before
 * anything is sent), so the run sends nothing off this machine.
 */
const formBody = fc.oneof(
  fc.constant(''),
  fc.array(fc.tuple(fc.constantFrom('id_token', 'state', 'error', 'error_description', 'iss', 'login_hint', 'client_id', 'token', 'context', 'report'), parameterValue), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString()),
  fc.constantFrom('id_token=eyJhbGciOiJub25lIn0.e30.', 'state=x'.repeat(2000), 'a'.repeat(70_000)),
);
const unfetchableUrl = fc.constantFrom('http://127.0.0.1:8080/secret', 'https://10.0.0.7/config', 'https://[::1]/x', 'https://169.254.169.254/latest', 'https://localhost/x', 'https://db.internal/x', 'javascript:alert(1)', 'ftp://example.org/x', '');

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  r: reportId,
  n: sectionNumber,
  p: printedPage,
  x: segment(fc.constantFrom('nope', 'api', 'reports')),
  query: fc.oneof({ weight: 4, arbitrary: query }, { weight: 1, arbitrary: fc.tuple(unfetchableUrl, parameterValue).map(([configuration, token]) => [['openid_configuration', configuration], ['registration_token', token]] as Array<[string, string]>) }),
  headers,
  method,
  host,
  form: formBody,
});

/** One generated request. */
export type GeneratedRequest = typeof request extends fc.Arbitrary<infer R> ? R : never;
export const generatedRequest = request;

/** The URL and fetch options of a generated request; a POST carries a form body. */
export function requestOf(req: GeneratedRequest, origin?: string): { url: string; init: RequestInit } {
  const path = req.route.replace('{r}', req.r).replace('{n}', req.n).replace('{p}', req.p).replace('{x}', req.x);
  const search = new URLSearchParams(req.query).toString();
  const url = `${origin ?? req.host}${path}${search ? `?${search}` : ''}`;
  const posted = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
  const headers = sendable(req.headers);
  if (posted) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return { url, init: { method: req.method, headers, ...(posted ? { body: req.form } : {}) } };
}

/**
 * What is wrong with an answer, each as a sentence; none for a good one: no
 * 5xx, the security headers of its path, every 4xx a problem+json or an
 * error page with a heading and of bounded size, a 405 naming what is
 * allowed, a 304 only to If-None-Match and empty, a 200 GET with an ETag.
 */
export function answerFaults(req: GeneratedRequest, url: string, res: Response, body: string): string[] {
  const faults: string[] = [];
  // A deployment without the LTI tool's key answers its routes 503 "not set up", saying how: by design, not a fault.
  const notSetUp = res.status === 503 && url.includes('/lti/') && (req.method === 'HEAD' || body.includes('lti-not-configured') || body.includes('LTI is not set up on this deployment'));
  if (res.status >= 500 && !notSetUp) faults.push(`status ${res.status}`);
  faults.push(...securityHeaderFaults(res.headers, expectedProfile(url)));
  if (res.status >= 400) {
    const type = res.headers.get('Content-Type') ?? '';
    if (!/^(application\/problem\+json|text\/html)\b/.test(type)) faults.push(`a ${res.status} as ${type}`);
    if (req.method !== 'HEAD' && type.startsWith('application/problem+json')) {
      let problem: Record<string, unknown> | null = null;
      try {
        problem = JSON.parse(body) as Record<string, unknown>;
      } catch {
        faults.push('a problem that is not JSON');
      }
      if (problem && (typeof problem.type !== 'string' || !/^urn:report-edge:problem:[a-z-]+$/.test(problem.type) || problem.status !== res.status || typeof problem.title !== 'string' || typeof problem.detail !== 'string')) faults.push(`a problem without its members: ${body.slice(0, 200)}`);
    }
    if (req.method !== 'HEAD' && type.startsWith('text/html') && !/<h1>[^<]+<\/h1>/.test(body)) faults.push('an error page without a heading');
    if (body.length >= 20_000) faults.push(`an error of ${body.length} characters`);
  }
  if (res.status === 405 && !/^(GET, HEAD, OPTIONS|POST|GET, POST|GET, HEAD, OPTIONS, POST)$/.test(res.headers.get('Allow') ?? '')) faults.push(`a 405 allowing ${res.headers.get('Allow')}`);
  if (res.status === 304 && (req.headers['If-None-Match'] === undefined || body !== '')) faults.push('a 304 not asked for, or with a body');
  if (res.status === 200 && (req.method === 'GET' || req.method === 'HEAD') && !url.includes('/lti/') && !/^W\/"[0-9a-f]{16}-[0-9a-f]{16}"$/.test(res.headers.get('ETag') ?? '')) faults.push(`a 200 without its ETag (${res.headers.get('ETag')})`);
  return faults;
}

/** Only header values a Request can carry (no control characters or non-Latin-1 text). */
export function sendable(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value)));
}

