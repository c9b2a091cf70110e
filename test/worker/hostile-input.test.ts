/**
 * Requests an attacker would send, each with the answer it gets now (issue 9).
 */
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { call, expectProblem, OFFERED_TYPES, REPORT_PATH } from './client';
import { expectSecurityHeaders } from './security-headers';

describe('Accept headers naming Object.prototype members', () => {
  it.each([
    ['constructor', REPORT_PATH],
    ['__proto__', REPORT_PATH],
    ['constructor', `${REPORT_PATH}/sections/5`],
    ['__proto__', `${REPORT_PATH}/sections/5`],
    ['toString, hasOwnProperty;q=0.5', REPORT_PATH],
  ])('answers Accept: %s on %s with a 406 naming the types offered', async (accept, path) => {
    const res = await call(path, { headers: { Accept: accept } });
    const problem = await expectProblem(res, 406);

    expect(problem.type).toBe('urn:report-edge:problem:not-acceptable');
    expect(problem.offered).toEqual(OFFERED_TYPES);
    expect(problem.detail).toContain('application/x-bibtex');
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
  });
});

describe('one set of security headers on every answer', () => {
  it.each([
    ['/', 'page'],
    [`/reports/driving-the-system-apart`, 'page'],
    [`/reports/driving-the-system-apart/sections/5`, 'page'],
    [`/reports/driving-the-system-apart/search?q=un`, 'page'],
    ['/embed/driving-the-system-apart', 'embed'],
    ['/widget.js', 'crossOrigin'],
    ['/embed/frame.js', 'crossOrigin'],
    ['/assets/style.css', 'crossOrigin'],
    ['/assets/page.js', 'crossOrigin'],
    [REPORT_PATH, 'crossOrigin'],
    ['/api/search?q=un', 'crossOrigin'],
    [`${REPORT_PATH}/cite?format=ris`, 'crossOrigin'],
  ] as const)('keeps the headers %s had: profile %s', async (path, profile) => {
    const res = await call(path);

    expect(res.status).toBe(200);
    expectSecurityHeaders(res, profile, path);
  });

  const asPerson = { Accept: 'text/html,application/xhtml+xml' };
  const preflight = { Origin: 'https://course.example.edu', 'Access-Control-Request-Method': 'GET' };

  it.each([
    ['a 404 problem outside the API', '/nope', {}, 404, 'page'],
    ['a 404 page for a person', '/nope', { headers: asPerson }, 404, 'page'],
    ['a 404 problem in the API', '/api/nope', {}, 404, 'crossOrigin'],
    ['a 404 page inside the embed', '/embed/nope', { headers: asPerson }, 404, 'embed'],
    ['a 404 for an unknown report page', '/reports/nope', { headers: asPerson }, 404, 'page'],
    ['a 405 in the API', '/api/search?q=un', { method: 'POST', body: '{}' }, 405, 'crossOrigin'],
    ['a 405 on a page', '/', { method: 'DELETE' }, 405, 'page'],
    ['a preflight in the API', '/api/search?q=un', { method: 'OPTIONS', headers: preflight }, 204, 'crossOrigin'],
    ['a preflight on a page', '/', { method: 'OPTIONS', headers: preflight }, 204, 'page'],
    ['a 406', REPORT_PATH, { headers: { Accept: 'image/png' } }, 406, 'crossOrigin'],
    ['a 400 problem', '/api/search?q=', {}, 400, 'crossOrigin'],
    ['a 400 page', `/reports/driving-the-system-apart/sections/abc`, { headers: asPerson }, 400, 'page'],
  ] as const)('puts them on %s (%s)', async (_why, path, init, status, profile) => {
    const res = await call(path, init);

    expect(res.status).toBe(status);
    expectSecurityHeaders(res, profile, path);
  });

  it('puts them on a 500, problem and page alike', async () => {
    const app = createApp();
    app.get('/api/boom', () => {
      throw new Error('boom');
    });
    app.get('/boom', () => {
      throw new Error('boom');
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const problem = await app.request('/api/boom');
      const page = await app.request('/boom', { headers: asPerson });

      expect((await expectProblem(problem, 500)).type).toBe('urn:report-edge:problem:internal-error');
      expectSecurityHeaders(problem, 'crossOrigin', '/api/boom');
      expect(page.status).toBe(500);
      expect(await page.text()).toContain('Something went wrong on our side');
      expectSecurityHeaders(page, 'page', '/boom');
    } finally {
      quiet.mockRestore();
    }
  });
});

describe('a 65 KB path', () => {
  const long = 'x'.repeat(65 * 1024);

  it('is answered 404 with at most 200 of its characters, as a problem', async () => {
    const res = await call(`/${long}`);
    const problem = await expectProblem(res, 404);

    expect(problem.detail).toBe(`Nothing is served at /${'x'.repeat(199)}…. The API is described at /api/openapi.json.`);
    expectSecurityHeaders(res, 'page');
  });

  it('is answered 404 with at most 200 of its characters, as a page', async () => {
    const res = await call(`/${long}`, { headers: { Accept: 'text/html' } });
    const body = await res.text();

    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html\b/);
    expect(body).toContain(`Nothing is served at /${'x'.repeat(199)}….`);
    expect(body).not.toContain('x'.repeat(200));
    expect(body.length).toBeLessThan(3000);
  });

  it('as a report id of a page, is echoed no longer than 200 characters', async () => {
    const res = await call(`/reports/${long}`, { headers: { Accept: 'text/html' } });
    const body = await res.text();

    expect(res.status).toBe(404);
    expect(body).toContain(`There is no report &quot;${'x'.repeat(200)}…&quot;`);
    expect(body).not.toContain('x'.repeat(201));
  });
});

describe('a long style or locale named in an Accept header', () => {
  it('is echoed at most 200 characters long in the 404 for an unknown style', async () => {
    const style = 'x'.repeat(5000);
    const res = await call('/api/reports/driving-the-system-apart/sections/5', { headers: { Accept: `text/x-bibliography; style=${style}` } });
    const problem = (await res.json()) as { detail: string };

    expect(res.status).toBe(404);
    expect(problem.detail).toContain(`There is no style "${'x'.repeat(200)}…".`);
    expect(problem.detail).not.toContain('x'.repeat(201));
  });
});
