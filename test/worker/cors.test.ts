import { describe, expect, it } from 'vitest';
import { API_GETS, call, REPORT_PATH } from './client';

const fromAnotherSite = { headers: { Origin: 'https://course.example.edu' } };

describe('CORS: any site may read every answer', () => {
  it.each(API_GETS)('allows any origin to read 200 answers of %s', async (path) => {
    const res = await call(path, fromAnotherSite);

    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it.each([
    ['400', '/api/search?q='],
    ['400', `${REPORT_PATH}/sections/abc`],
    ['404', '/api/reports/nope'],
    ['404', `${REPORT_PATH}/sections/11`],
    ['404', '/nope'],
  ])('allows any origin to read a %s problem from %s', async (status, path) => {
    const res = await call(path, fromAnotherSite);

    expect(res.status).toBe(Number(status));
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json\b/);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('allows any origin to read a 405 problem', async () => {
    const res = await call('/api/search?q=un', { method: 'POST', ...fromAnotherSite });

    expect(res.status).toBe(405);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers requests without an Origin header with the same CORS header', async () => {
    const res = await call('/api/reports');

    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
