/**
 * ETags and 304s. Every successful GET (and HEAD) answer gets a weak ETag made
 * of the build's identity and a digest of what the request chose: its URL
 * (origin, path, query) and the request headers the answer varies by. Within
 * one build, those fix the answer's content, so the tag is known without
 * hashing the body; a new deploy changes every tag. Hono's `etag` middleware
 * then answers a matching `If-None-Match` with `304` and no body.
 *
 * Weak (`W/"…"`), because the tag stands for the content, not for its bytes:
 * an edge that compresses the answer keeps it valid, and `If-None-Match` uses
 * weak comparison anyway.
 */
import type { MiddlewareHandler } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { getBuildId } from './site-data';

/** Hex digits kept of the request's digest: ample to tell apart the variants of one URL. */
const DIGEST_HEX_DIGITS = 16;

/**
 * What, in a request, picked this answer: the URL and the value of each
 * request header the answer says it varies by.
 * @example variantKey('https://x.org/api/reports/r', 'Accept', (name) => 'application/x-bibtex')
 * // 'https://x.org/api/reports/r\naccept: application/x-bibtex'
 */
export function variantKey(url: string, vary: string | null, header: (name: string) => string | undefined): string {
  const names = (vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
    .sort();
  return [url, ...names.map((name) => `${name}: ${header(name) ?? ''}`)].join('\n');
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes.subarray(0, DIGEST_HEX_DIGITS / 2), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Sets the ETag of a successful GET answer from the build and the request. */
const tagFromBuildAndRequest: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
  if (!c.res.ok || c.res.headers.has('ETag')) return;
  const key = variantKey(c.req.url, c.res.headers.get('Vary'), (name) => c.req.header(name));
  c.res.headers.set('ETag', `W/"${getBuildId()}-${await digest(key)}"`);
};

/**
 * The two middlewares, outermost first: Hono's `etag` turns a match into a
 * 304 (keeping the caching and CORS headers a 200 would have), ours sets the tag.
 */
export const entityTags: MiddlewareHandler[] = [
  etag({ weak: true, retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'] }),
  tagFromBuildAndRequest,
];
