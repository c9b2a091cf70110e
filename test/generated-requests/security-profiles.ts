/**
 * The security headers each kind of answer must carry: one expectation per
 * profile of `src/security-headers.ts`, and the profile a path's answers
 * belong to. Plain functions, so the tests in workerd and the long run of
 * generated requests (`scripts/generated-requests.ts`) check alike.
 */
import type { HeaderProfile } from '../../src/security-headers';

/** Headers every answer carries, whatever its profile. */
export const EVERY_ANSWER: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
};

const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";

export const BY_PROFILE: Record<HeaderProfile, Record<string, string | null>> = {
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

/** The security headers of `profile` that `headers` lacks or has otherwise, each as "name: got (wanted)"; none when all are right. */
export function securityHeaderFaults(headers: Headers, profile: HeaderProfile): string[] {
  const wanted = { ...EVERY_ANSWER, ...BY_PROFILE[profile] };
  return Object.entries(wanted).flatMap(([name, value]) => (headers.get(name) === value ? [] : [`${name}: ${headers.get(name)} (wanted ${value})`]));
}

