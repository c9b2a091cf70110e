/**
 * A few hundred generated requests (fixed seed) to every route, inside
 * workerd: random path segments, parameters, headers, methods and form
 * bodies. Whatever arrives, the Worker answers without a 5xx, every 4xx is
 * a problem+json or an error page, and every answer carries its security
 * headers (`test/generated-requests/`). The long run, 100,000 requests
 * against wrangler dev, is `npm run fuzz`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerFaults, generatedRequest, requestOf, ROUTES } from '../generated-requests';
import { call } from './client';

const SEED = 20261128;
const RUNS = 300;

describe('generated requests to every route', () => {
  it(`answers ${RUNS} of them (seed ${SEED}) with no 5xx, a problem or page for every 4xx, and the security headers`, { timeout: 120_000 }, async () => {
    const routesSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(generatedRequest, async (req) => {
        routesSeen.add(req.route);
        const { url, init } = requestOf(req);
        const res = await call(url, init);
        const body = await res.text();
        expect(answerFaults(req, url, res, body), `${req.method} ${url} ${JSON.stringify(req.headers)} → ${res.status}: ${body.slice(0, 300)}`).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect([...routesSeen].sort()).toEqual([...ROUTES].sort());
  });
});
