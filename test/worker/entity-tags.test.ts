/**
 * ETag and 304: every successful GET carries a weak validator made of the
 * build and the request; If-None-Match with it gets 304 and no body.
 */
import { describe, expect, it } from 'vitest';
import { fnv1a64, variantKey } from '../../src/entity-tags';
import { getBuildId } from '../../src/bundled-files';
import { API_GETS, call, REPORT_PATH } from './client';
import { expectedProfile, expectSecurityHeaders } from './security-headers';

const EVERY_KIND_OF_GET = [
  ...API_GETS,
  `${REPORT_PATH}/cite?format=ris`,
  `${REPORT_PATH}/sections/5/cite?format=text&style=mla`,
  '/',
  '/reports/driving-the-system-apart',
  '/reports/driving-the-system-apart/sections/5?highlight=integration',
  '/reports/driving-the-system-apart/search?q=planning',
  '/embed/driving-the-system-apart',
  '/widget.js',
  '/assets/style.css',
  '/assets/page.js',
];

async function tagOf(path: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await call(path, { headers });
  await res.arrayBuffer();
  expect(res.status, path).toBe(200);
  return res.headers.get('ETag')!;
}

describe('ETag', () => {
  it.each(EVERY_KIND_OF_GET)('tags %s with the build and a digest of the request', async (path) => {
    const tag = await tagOf(path);

    expect(tag).toMatch(new RegExp(`^W/"${getBuildId()}-[0-9a-f]{16}"$`));
    expect(await tagOf(path)).toBe(tag);
  });

  it.each(EVERY_KIND_OF_GET)('answers If-None-Match on %s with 304, no body, and the headers a 200 would have', async (path) => {
    const first = await call(path);
    await first.arrayBuffer();
    const tag = first.headers.get('ETag')!;

    const res = await call(path, { headers: { 'If-None-Match': tag } });

    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('ETag')).toBe(tag);
    expect(res.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
    expect(res.headers.get('Vary')).toBe(first.headers.get('Vary'));
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expectSecurityHeaders(res, expectedProfile(path), path);
  });

  it('answers HEAD with the same tag, and 304 when it matches', async () => {
    const tag = await tagOf('/api/reports');
    const head = await call('/api/reports', { method: 'HEAD' });
    const revalidated = await call('/api/reports', { method: 'HEAD', headers: { 'If-None-Match': tag } });

    expect(head.headers.get('ETag')).toBe(tag);
    expect(revalidated.status).toBe(304);
  });

  it('finds the tag in a list, weak or not', async () => {
    const tag = await tagOf('/api/search?q=planning');
    const strong = tag.replace(/^W\//, '');

    for (const list of [`"nope", ${tag}`, strong, `W/"x", ${strong}`]) {
      const res = await call('/api/search?q=planning', { headers: { 'If-None-Match': list } });
      expect(res.status, list).toBe(304);
    }
  });

  it('gives another query, another tag, and a stale tag gets the full answer', async () => {
    const planning = await tagOf('/api/search?q=planning');
    const res = await call('/api/search?q=integration', { headers: { 'If-None-Match': planning } });

    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).not.toBe(planning);
    expect((await res.json<{ total: number }>()).total).toBeGreaterThan(0);
  });

  it('tells apart the representations Accept chooses on a report URL (Vary: Accept)', async () => {
    const json = await tagOf(REPORT_PATH);
    const bibtex = await tagOf(REPORT_PATH, { Accept: 'application/x-bibtex' });

    expect(bibtex).not.toBe(json);
    const res = await call(REPORT_PATH, { headers: { Accept: 'application/x-bibtex', 'If-None-Match': json } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^@techreport\{/);
    const again = await call(REPORT_PATH, { headers: { Accept: 'application/x-bibtex', 'If-None-Match': bibtex } });
    expect(again.status).toBe(304);
    expect(again.headers.get('Vary')).toMatch(/\bAccept\b/);
  });

  it('tells apart the origins links are built on when none is configured', async () => {
    const here = await tagOf(REPORT_PATH);
    const there = await tagOf(`https://reports.example.org${REPORT_PATH}`);

    expect(there).not.toBe(here);
  });

  it('never tags an error, and If-None-Match: * does not turn a 404 into a 304', async () => {
    for (const path of ['/nope', '/api/search?q=', `${REPORT_PATH}/sections/99`]) {
      const res = await call(path, { headers: { 'If-None-Match': '*' } });
      await res.arrayBuffer();
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('ETag'), path).toBeNull();
    }
  });

  it('answers If-None-Match: * on something that exists with 304', async () => {
    const res = await call('/api/reports', { headers: { 'If-None-Match': '*' } });

    expect(res.status).toBe(304);
  });
});

describe('fnv1a64: the digest of a request in its tag', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('gives FNV-1a 64 of %j as published: %s', (text, digest) => {
    expect(fnv1a64(text)).toBe(digest);
  });

  it('tells apart the variants of one URL that differ by a character', () => {
    const url = 'https://x.org/api/reports/r';
    const keys = [
      variantKey(url, 'Accept', () => 'application/json'),
      variantKey(url, 'Accept', () => 'application/x-bibtex'),
      variantKey(url, 'Accept', () => 'application/x-bibtex;q=0.9'),
      variantKey(url, 'Accept', () => undefined),
      variantKey(url, null, () => undefined),
      variantKey(url.replace('https', 'http'), null, () => undefined),
    ];

    expect(new Set(keys.map(fnv1a64)).size).toBe(keys.length);
  });

  it('reads code units beyond Latin-1 too', () => {
    expect(fnv1a64('ü')).not.toBe(fnv1a64('ý'));
    expect(fnv1a64('\u{1F600}')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('answers that carry today’s access date', () => {
  it('tag the day too, so a revalidation after midnight gets the new date instead of a 304', async () => {
    const path = `${REPORT_PATH}/cite?format=text&style=harvard&locale=en-GB`;
    const res = await call(path);
    const tag = res.headers.get('ETag');
    const today = new Date().toISOString().slice(0, 10);
    const key = variantKey(`http://example.com${path}`, res.headers.get('Vary'), () => undefined);

    expect(await res.text()).toContain('(Accessed: ');
    expect(tag).toBe(`W/"${getBuildId()}-${fnv1a64(`${key}\n${today}`)}"`);
    expect(tag).not.toBe(`W/"${getBuildId()}-${fnv1a64(key)}"`);
    expect((await call(path, { headers: { 'If-None-Match': tag! } })).status).toBe(304);
  });
});
