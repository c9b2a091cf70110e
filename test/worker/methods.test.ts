import { describe, expect, it } from 'vitest';
import { call } from './client';

describe('HEAD', () => {
  it('answers HEAD /api/reports with 200, the headers of GET and no body', async () => {
    const res = await call('/api/reports', { method: 'HEAD' });

    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json\b/);
    expect(res.headers.get('Cache-Control')).toBe('private, max-age=3600, stale-while-revalidate=86400');
    expect(await res.text()).toBe('');
  });

  it('answers HEAD on an unknown route with 404 and no body', async () => {
    const res = await call('/nope', { method: 'HEAD' });

    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json\b/);
    expect(await res.text()).toBe('');
  });
});

describe('OPTIONS', () => {
  it('answers a CORS preflight with 204 and what a browser may do', async () => {
    const res = await call('/api/search?q=un', {
      method: 'OPTIONS',
      headers: { Origin: 'https://course.example.edu', 'Access-Control-Request-Method': 'GET' },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')?.split(/\s*,\s*/)).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(res.headers.get('Access-Control-Max-Age')).toBe('86400');
    expect(await res.text()).toBe('');
  });

  it('allows the request headers a preflight asks for', async () => {
    const res = await call('/api/reports', {
      method: 'OPTIONS',
      headers: { Origin: 'https://course.example.edu', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'content-type' },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('content-type');
  });
});
