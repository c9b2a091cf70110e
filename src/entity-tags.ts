/**
 * ETags and 304s. Every successful GET (and HEAD) answer gets a weak ETag made
 * of the build's identity and a digest of what the request chose: its URL
 * (origin, path, query) and the request headers the answer varies by. Within
 * one build, those fix the answer's content, so the tag is known without
 * hashing the body; a new deploy changes every tag.
 *
 * The digest only has to tell apart the variants of one URL (a client sends
 * back the tag of the URL it asks for), not resist anyone: a 64-bit FNV-1a of
 * the short key, computed in JavaScript, where a SHA-256 through
 * `crypto.subtle` costs an asynchronous round trip on every answer. Hono's `etag` middleware
 * then answers a matching `If-None-Match` with `304` and no body.
 *
 * Weak (`W/"…"`), because the tag stands for the content, not for its bytes:
 * an edge that compresses the answer keeps it valid, and `If-None-Match` uses
 * weak comparison anyway.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { getBuildId } from './bundled-files';

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

/**
 * 64-bit FNV-1a of a string's UTF-16 code units (for ASCII, the same as over
 * its bytes), as 16 hex digits. Kept in four 16-bit limbs so every product
 * stays exact in a double: the prime is 2^40 + 0x1b3.
 * @example fnv1a64('a') // 'af63dc4c8601ec8c'
 */
export function fnv1a64(text: string): string {
  // The offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    // h × 0x1b3, plus h shifted left by 40 bits (limb 2, bit 8).
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/** Sets the ETag of a successful GET answer from the build and the request. */
/**
 * The tag of an answer: the build, and a digest of the request and of what
 * else the answer is made of (`also`: the UTC day for an answer that carries
 * today's date, so that a revalidation after midnight gets the new date, not a 304).
 */
export function entityTag(c: Context, vary: string | null, also = ''): string {
  const key = variantKey(c.req.url, vary, (name) => c.req.header(name));
  return `W/"${getBuildId()}-${fnv1a64(also ? `${key}\n${also}` : key)}"`;
}

const tagFromBuildAndRequest: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
  if (!c.res.ok || c.res.headers.has('ETag')) return;
  c.res.headers.set('ETag', entityTag(c, c.res.headers.get('Vary')));
};

/**
 * The two middlewares, outermost first: Hono's `etag` turns a match into a
 * 304 (keeping the caching and CORS headers a 200 would have), ours sets the tag.
 */
export const entityTags: MiddlewareHandler[] = [
  etag({ weak: true, retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'] }),
  tagFromBuildAndRequest,
];
