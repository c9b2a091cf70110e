/**
 * Where links point: PUBLIC_ORIGIN when it is set; otherwise the request's
 * own origin, and then no answer may be stored by a shared cache.
 */
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { publicOrigin, servedAtPublicOrigin } from '../../src/public-origin';
import { call, REPORT, REPORT_PATH } from './client';

const PUBLIC = 'https://reports.example.org';
/** A Host a client chose, which must never reach another client through a cache. */
const FORGED = 'https://attacker.example';

/** The Worker as deployed with these vars. */
function workerWith(vars: Record<string, string>) {
  const worker = servedAtPublicOrigin(createApp());
  return (url: string, init?: RequestInit) => worker.fetch(new Request(url, init), vars, {} as ExecutionContext);
}

describe('publicOrigin: reading the PUBLIC_ORIGIN var', () => {
  it.each([
    ['https://reports.example.org', PUBLIC],
    ['https://reports.example.org/', PUBLIC],
    ['  https://Reports.Example.org:443/ ', PUBLIC],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
  ])('reads %j as %s', (value, origin) => {
    expect(publicOrigin(value)).toBe(origin);
  });

  it.each([[''], ['   '], [undefined]])('treats %j as not set', (value) => {
    expect(publicOrigin(value)).toBeNull();
  });

  it.each([['reports.example.org'], ['https://reports.example.org/api'], ['javascript:alert(1)'], ['ftp://reports.example.org'], ['https://u:p@reports.example.org']])(
    'ignores %j, which is not an origin, and says so',
    (value) => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        expect(publicOrigin(value)).toBeNull();
        expect(log.mock.calls.flat().join(' ')).toContain('PUBLIC_ORIGIN');
      } finally {
        log.mockRestore();
      }
    },
  );
});

describe('with PUBLIC_ORIGIN set', () => {
  const fetchAt = workerWith({ PUBLIC_ORIGIN: PUBLIC });

  it('builds API links on it, whatever Host the request came with', async () => {
    const res = await fetchAt(`${FORGED}${REPORT_PATH}`);
    const report = await res.json<any>();

    expect(report.links.self).toBe(`${PUBLIC}${REPORT_PATH}`);
    expect(report.sections[6].links.self).toBe(`${PUBLIC}${REPORT_PATH}/sections/7`);
    expect(report.cite.ris).toBe(`${PUBLIC}${REPORT_PATH}/cite?format=ris`);
    expect(JSON.stringify(report)).not.toContain('attacker');
  });

  it('builds search result links on it', async () => {
    const body = await (await fetchAt(`${FORGED}/api/search?q=counterfactual`)).json<any>();

    expect(body.results[0].links.section).toBe(`${PUBLIC}${REPORT_PATH}/sections/7`);
  });

  it.each([
    [`/reports/${REPORT}`, `<link rel="canonical" href="${PUBLIC}/reports/${REPORT}"/>`],
    [`/reports/${REPORT}/sections/5`, `<link rel="canonical" href="${PUBLIC}/reports/${REPORT}/sections/5"/>`],
    [`/embed/${REPORT}`, `api="${PUBLIC}"`],
  ])('builds the links of %s on it', async (path, wanted) => {
    const html = await (await fetchAt(FORGED + path)).text();

    expect(html).toContain(wanted);
    expect(html).not.toContain('attacker');
  });

  it.each(['/api/reports', REPORT_PATH, '/api/search?q=un', `/reports/${REPORT}`, `/embed/${REPORT}`, '/widget.js'])(
    'lets shared caches keep %s, since it no longer depends on the request',
    async (path) => {
      const res = await fetchAt(FORGED + path);

      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/);
    },
  );

  it('gives the same ETag whatever the Host', async () => {
    const a = await fetchAt(`${FORGED}${REPORT_PATH}`);
    const b = await fetchAt(`http://localhost:8787${REPORT_PATH}`);

    expect(a.headers.get('ETag')).toBe(b.headers.get('ETag'));
  });
});

describe('without PUBLIC_ORIGIN (the default)', () => {
  it('builds links on the origin the request came to', async () => {
    const report = await (await call(`${FORGED}${REPORT_PATH}`)).json<any>();

    expect(report.links.self).toBe(`${FORGED}${REPORT_PATH}`);
  });

  it.each(['/api/reports', REPORT_PATH, '/api/search?q=un', `/reports/${REPORT}`, `/reports/${REPORT}/sections/5`, `/embed/${REPORT}`, '/widget.js', '/'])(
    'keeps %s out of shared caches: private, never public',
    async (path) => {
      const res = await call(FORGED + path);

      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toMatch(/^private, max-age=\d+/);
    },
  );

  it('behaves the same with a PUBLIC_ORIGIN that is not an origin', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await workerWith({ PUBLIC_ORIGIN: 'reports.example.org' })(`${FORGED}${REPORT_PATH}`);
      const report = await res.json<any>();

      expect(report.links.self).toBe(`${FORGED}${REPORT_PATH}`);
      expect(res.headers.get('Cache-Control')).toMatch(/^private\b/);
    } finally {
      log.mockRestore();
    }
  });
});
