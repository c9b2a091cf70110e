/**
 * The security headers each kind of answer must carry, as the tests check
 * them: one expectation per profile of `src/security-headers.ts`.
 */
import { expect } from 'vitest';
import type { HeaderProfile } from '../../src/security-headers';

/** Headers every answer carries, whatever its profile. */
const EVERY_ANSWER: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
};

const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";

const BY_PROFILE: Record<HeaderProfile, Record<string, string | null>> = {
  page: {
    'content-security-policy': `${PAGE_CSP}; frame-ancestors 'none'`,
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
  },
  embed: {
    'content-security-policy': `${PAGE_CSP}; frame-ancestors *`,
    'x-frame-options': null,
    'cross-origin-resource-policy': 'cross-origin',
    'cross-origin-opener-policy': null,
  },
  lti: {
    'content-security-policy': `${PAGE_CSP}; frame-ancestors *`,
    'x-frame-options': null,
    'cross-origin-resource-policy': 'cross-origin',
    'cross-origin-opener-policy': null,
  },
  crossOrigin: {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'cross-origin',
    'cross-origin-opener-policy': null,
  },
};

/** The profile a path's answers belong to, as the README states it. */
export function expectedProfile(path: string): HeaderProfile {
  // Decoded as Hono decodes it before routing ("/%61pi/…" is "/api/…").
  const raw = new URL(path, 'http://example.com').pathname;
  let pathname = raw;
  try {
    pathname = decodeURI(raw);
  } catch {
    // Malformed escapes stay as they are, for Hono too.
  }
  if (/^\/(api|assets)\//.test(pathname) || pathname === '/widget.js' || pathname === '/embed/frame.js') return 'crossOrigin';
  if (pathname.startsWith('/embed/')) return 'embed';
  if (pathname === '/lti/jwks' || pathname === '/lti/canvas.json') return 'crossOrigin';
  if (pathname.startsWith('/lti/')) return 'lti';
  return 'page';
}

/** Expects `res` to carry exactly the security headers of `profile`. */
export function expectSecurityHeaders(res: Response, profile: HeaderProfile, context = ''): void {
  const wanted = { ...EVERY_ANSWER, ...BY_PROFILE[profile] };
  const got = Object.fromEntries(Object.keys(wanted).map((name) => [name, res.headers.get(name)]));
  expect(got, `${context} (${res.status}, profile ${profile})`).toEqual(wanted);
}
