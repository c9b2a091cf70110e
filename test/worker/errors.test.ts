import { describe, expect, it } from 'vitest';
import { call, expectProblem, getProblem, REPORT, REPORT_PATH } from './client';

const LONG_QUERY = 'a'.repeat(201);

/** Requests a client gets wrong, the parameter the answer must name, and why it is wrong. */
const invalidParameters = [
  { why: 'an empty query', path: '/api/search?q=', param: 'q' },
  { why: 'a missing query', path: '/api/search', param: 'q' },
  { why: 'a query of spaces only', path: '/api/search?q=%20%20%20', param: 'q' },
  { why: 'a query longer than 200 characters', path: `/api/search?q=${LONG_QUERY}`, param: 'q' },
  { why: 'limit 0', path: '/api/search?q=un&limit=0', param: 'limit' },
  { why: 'limit 51', path: '/api/search?q=un&limit=51', param: 'limit' },
  { why: 'limit "abc"', path: '/api/search?q=un&limit=abc', param: 'limit' },
  { why: 'limit 1.5', path: '/api/search?q=un&limit=1.5', param: 'limit' },
  { why: 'offset -1', path: '/api/search?q=un&offset=-1', param: 'offset' },
  { why: 'offset "x"', path: '/api/search?q=un&offset=x', param: 'offset' },
  { why: 'offset 1001', path: '/api/search?q=un&offset=1001', param: 'offset' },
  { why: 'fuzzy=maybe', path: '/api/search?q=un&fuzzy=maybe', param: 'fuzzy' },
  { why: 'prefix=maybe', path: '/api/search?q=un&prefix=maybe', param: 'prefix' },
  { why: 'fields=body', path: '/api/search?q=un&fields=body', param: 'fields' },
  { why: 'mode=some', path: '/api/search?q=un&mode=some', param: 'mode' },
  { why: 'an empty report filter', path: '/api/search?q=un&report=', param: 'report' },
  { why: 'an empty type-ahead query', path: '/api/suggest?q=', param: 'q' },
  { why: 'a type-ahead query longer than 200 characters', path: `/api/suggest?q=${LONG_QUERY}`, param: 'q' },
  { why: 'a type-ahead limit of 0', path: '/api/suggest?q=integ&limit=0', param: 'limit' },
  { why: 'section "0"', path: `${REPORT_PATH}/sections/0`, param: 'n' },
  { why: 'section "-1"', path: `${REPORT_PATH}/sections/-1`, param: 'n' },
  { why: 'section "abc"', path: `${REPORT_PATH}/sections/abc`, param: 'n' },
  { why: 'section "1.5"', path: `${REPORT_PATH}/sections/1.5`, param: 'n' },
  { why: 'page "iiii" (not a canonical roman numeral)', path: `${REPORT_PATH}/pages/iiii`, param: 'page' },
  { why: 'page "abc"', path: `${REPORT_PATH}/pages/abc`, param: 'page' },
  { why: 'page "0"', path: `${REPORT_PATH}/pages/0`, param: 'page' },
];

/** Requests for something that does not exist, and the kind of problem each must be. */
const missingThings = [
  { why: 'section 11 of a ten-section report', path: `${REPORT_PATH}/sections/11`, kind: 'unknown-section', mentions: 'sections 1 to 10' },
  { why: 'page 27, after the last printed page', path: `${REPORT_PATH}/pages/27`, kind: 'page-not-found', mentions: '26-26' },
  { why: 'an unknown report', path: '/api/reports/nope', kind: 'unknown-report', mentions: REPORT },
  { why: 'a section of an unknown report', path: '/api/reports/nope/sections/1', kind: 'unknown-report', mentions: REPORT },
  { why: 'a page of an unknown report', path: '/api/reports/nope/pages/ii', kind: 'unknown-report', mentions: REPORT },
  { why: 'a search in an unknown report', path: '/api/search?q=un&report=nope', kind: 'unknown-report', mentions: REPORT },
  { why: 'an unknown API route', path: '/api/nope', kind: 'not-found', mentions: '/api/nope' },
  { why: 'an unknown route outside the API', path: '/nope', kind: 'not-found', mentions: '/nope' },
];

describe('invalid parameters', () => {
  it.each(invalidParameters.map((r) => [r.why, r.param, r.path]))('answers %s with a 400 problem naming “%s”', async (_why, param, path) => {
    const problem = await getProblem(path, 400);

    expect(problem.type).toBe('urn:report-edge:problem:invalid-parameter');
    expect(problem.invalid_params?.map((p) => p.name)).toContain(param);
    expect(problem.detail).toContain(`${param}:`);
  });

  it('says what a query must be when it is empty', async () => {
    const problem = await getProblem('/api/search?q=', 400);

    expect(problem.detail).toBe('q: the query is empty: type at least one letter');
  });

  it('says what a section number must be', async () => {
    const problem = await getProblem(`${REPORT_PATH}/sections/abc`, 400);

    expect(problem.invalid_params).toEqual([{ name: 'n', reason: 'a section number is a positive whole number, like 7' }]);
  });

  it('accepts a query of exactly 200 characters, in words within the word-length limit', async () => {
    const q = [...Array(6).fill('a'.repeat(28)), 'a'.repeat(26)].join(' ');
    expect(q).toHaveLength(200);

    const res = await call(`/api/search?q=${q}`);

    expect(res.status).toBe(200);
    expect((await res.json<any>()).total).toBe(0);
  });

  it('does not let anyone cache a problem', async () => {
    const res = await call('/api/search?q=');

    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe('things that do not exist', () => {
  it.each(missingThings.map((r) => [r.why, r.kind, r.path, r.mentions]))('answers %s with a 404 %s problem', async (_why, kind, path, mentions) => {
    const problem = await getProblem(path, 404);

    expect(problem.type).toBe(`urn:report-edge:problem:${kind}`);
    expect(problem.detail).toContain(mentions);
  });

  it('names the reports served when asked for an unknown one', async () => {
    const problem = await getProblem('/api/reports/nope', 404);

    expect(problem.detail).toBe(`There is no report "nope". Reports served here: ${REPORT}.`);
    expect(problem.reports).toEqual([REPORT]);
  });

  it('lists the page ranges that exist when no section holds a page', async () => {
    const problem = await getProblem(`${REPORT_PATH}/pages/27`, 404);

    expect(problem.detail).toContain('arabic page 27');
    expect(problem.detail).toContain('i-ii, iii-iv, 1-3, 3-4, 4-9, 9-14, 14-23, 23-25, 26-26');
  });

  it('points a lost client to the API description', async () => {
    const problem = await getProblem('/nope', 404);

    expect(problem.detail).toContain('/api/openapi.json');
  });
});

describe('methods that would change something', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s /api/search with a 405 problem and an Allow header', async (method) => {
    const res = await call('/api/search?q=un', { method, body: method === 'DELETE' ? undefined : '{}' });
    const problem = await expectProblem(res, 405);

    expect(problem.type).toBe('urn:report-edge:problem:method-not-allowed');
    expect(problem.detail).toContain(method);
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('robustness', () => {
  it('never answers any of these requests with a server error', async () => {
    const paths = [
      ...invalidParameters.map((r) => r.path),
      ...missingThings.map((r) => r.path),
      `/api/search?q=${encodeURIComponent('<script>alert(1)</script>')}`,
      `/api/search?q=${encodeURIComponent('"')}`,
      `/api/search?q=${encodeURIComponent('😀')}`,
      `/api/search?q=${encodeURIComponent('__proto__ constructor')}`,
      `/api/suggest?q=${encodeURIComponent('__proto__')}`,
      `/api/search?q=${encodeURIComponent('" " "')}&mode=any`,
      `${REPORT_PATH}/pages/${'9'.repeat(25)}`,
      `${REPORT_PATH}/sections/${'9'.repeat(25)}`,
      `/api/reports/${'x'.repeat(150)}`,
    ];
    for (const path of paths) {
      const res = await call(path);
      expect(res.status, path).toBeLessThan(500);
      await res.arrayBuffer();
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await call('/api/search', { method });
      expect(res.status, method).toBeLessThan(500);
      await res.arrayBuffer();
    }
  });
});
