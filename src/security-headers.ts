/**
 * The security headers of every answer, set in one place: one middleware at
 * the root of the app, so 404s, 405s, OPTIONS preflights and errors carry them
 * as well as the pages. What differs is only who may frame or fetch an answer,
 * so each path belongs to one of three profiles, built once from one policy.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { FRAME_SCRIPT_PATH, LTI_BASE, ltiPaths } from './requests/paths';

// Only our own scripts and styles, never inline: no page needs any.
const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** The LTI views' policy: framed by any platform. */
const LTI_CSP = { ...PAGE_CSP, frameAncestors: ['*'] };

/**
 * The CSP of an LTI view whose form posts to another origin too: the Deep
 * Linking response, posted to the platform's return URL (Deep Linking 2.0 §4.5).
 * @example ltiPolicyPostingTo('https://lms.example.edu') // "default-src 'self'; … form-action 'self' https://lms.example.edu; … frame-ancestors *"
 */
export function ltiPolicyPostingTo(origin: string): string {
  const policy: Record<string, string[]> = { ...LTI_CSP, formAction: ["'self'", origin] };
  return Object.entries(policy)
    .map(([directive, values]) => `${directive.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

/** What every answer says, whatever its profile. */
const COMMON = { referrerPolicy: 'strict-origin-when-cross-origin' } as const;

/**
 * The profiles. `page`: the pages a person reads (and the error pages), never
 * framed by another site. `embed`: /embed/*, framed by any site (the point of
 * it); no X-Frame-Options, which cannot say "anyone". `crossOrigin`: the API,
 * the widget script, the host pages' frame script (/embed/frame.js, a script
 * though under /embed/) and the assets, fetched from any origin; nothing in
 * them may run as a document. `lti`: the LTI tool's views (login, launch,
 * picker, registration), framed by the learning platform, whatever its
 * domain (Canvas frames from each school's own); their forms may post to
 * this origin and, for the Deep Linking response only, to the platform's
 * return URL (that view sets `ltiPolicyPostingTo`). No Cross-Origin-Opener-Policy:
 * a registration page tells its opener it is done.
 */
const PROFILES = {
  page: secureHeaders({
    ...COMMON,
    contentSecurityPolicy: { ...PAGE_CSP, frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
  }),
  embed: secureHeaders({
    ...COMMON,
    contentSecurityPolicy: { ...PAGE_CSP, frameAncestors: ['*'] },
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
  }),
  lti: secureHeaders({
    ...COMMON,
    contentSecurityPolicy: LTI_CSP,
    xFrameOptions: false,
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
    // A view may widen its own CSP (ltiPolicyPostingTo); every other header is this profile's.
    overwrite: false,
  }),
  crossOrigin: secureHeaders({
    ...COMMON,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
  }),
} satisfies Record<string, MiddlewareHandler>;

export type HeaderProfile = keyof typeof PROFILES;

/**
 * The profile of the answers served at a path.
 * @example headerProfileFor('/embed/driving-the-system-apart') // 'embed'
 */
export function headerProfileFor(pathname: string): HeaderProfile {
  if (pathname.startsWith('/api/') || pathname.startsWith('/assets/') || pathname === '/widget.js' || pathname === FRAME_SCRIPT_PATH) return 'crossOrigin';
  if (pathname.startsWith('/embed/')) return 'embed';
  if (pathname === ltiPaths.jwks() || pathname === ltiPaths.canvas()) return 'crossOrigin';
  if (pathname.startsWith(`${LTI_BASE}/`)) return 'lti';
  return 'page';
}

/** Registered once, first, on the whole app: every answer leaves through it. */
export const securityHeaders: MiddlewareHandler = (c, next) => PROFILES[headerProfileFor(c.req.path)](c, next);
