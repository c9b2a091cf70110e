/**
 * Where absolute links point. The API's `links`, a page's `rel=canonical`,
 * the embed page's `api=` and every other absolute URL are built from the
 * request's URL (`linkerFor(c.req.url)`); this module decides which origin
 * that URL has, in one place:
 *
 * - `PUBLIC_ORIGIN` set (a wrangler var): every request is re-addressed to it
 *   before the app sees it, so no answer depends on the `Host` a client sent,
 *   and answers stay publicly cacheable;
 * - unset (the default, for `npm start`): links follow the request's origin,
 *   so an answer may hold a `Host` header chosen by a client. Such an answer
 *   must not be stored by a shared cache (that would serve one client's `Host`
 *   to everyone), so every `Cache-Control: public` becomes `private`: browsers
 *   still cache and revalidate, proxies and CDNs do not.
 */
import type { MiddlewareHandler } from 'hono';

/** The bindings this module reads (see `[vars]` in wrangler.toml). */
export interface OriginBindings {
  PUBLIC_ORIGIN?: string;
}

/** The last value read and its origin: the var is the same on every request of an isolate, so it is read (and a bad one logged) once. */
let lastRead: { value: string | undefined; origin: string | null } | null = null;

/**
 * The configured public origin, normalised, or null when none is set. A value
 * that is not an http(s) origin is logged once and ignored: links then follow
 * the request, and answers are private, which is safe.
 * @example publicOrigin('https://reports.example.org/') // 'https://reports.example.org'
 * @example publicOrigin('') // null
 */
export function publicOrigin(value: string | undefined): string | null {
  if (lastRead === null || lastRead.value !== value) lastRead = { value, origin: readOrigin(value) };
  return lastRead.origin;
}

function readOrigin(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search && !url.hash && !url.username) {
    return url.origin;
  }
  console.error(`PUBLIC_ORIGIN ${JSON.stringify(text)} is not an origin like https://reports.example.org; links follow each request instead.`);
  return null;
}

/**
 * The request as if it had arrived at `origin` (same path, query, method and
 * headers); unchanged when no origin is configured.
 * @example atOrigin(new Request('http://localhost:8787/api/reports'), 'https://reports.example.org').url
 * // 'https://reports.example.org/api/reports'
 */
export function atOrigin(request: Request, origin: string | null): Request {
  if (origin === null) return request;
  const url = new URL(request.url);
  if (url.origin === origin) return request;
  return new Request(origin + url.pathname + url.search, request);
}

/**
 * The Worker's fetch handler around the app: re-addresses each request to the
 * configured public origin, if any.
 */
export function servedAtPublicOrigin(app: { fetch: (request: Request, env: OriginBindings, ctx: ExecutionContext) => Response | Promise<Response> }) {
  return {
    fetch: (request: Request, env: OriginBindings, ctx: ExecutionContext) => app.fetch(atOrigin(request, publicOrigin(env?.PUBLIC_ORIGIN)), env, ctx),
  };
}

/**
 * App middleware: without a configured origin, no answer is publicly
 * cacheable, since any of them may carry the request's origin.
 */
export const privateUnlessPublicOrigin: MiddlewareHandler = async (c, next) => {
  await next();
  if (publicOrigin((c.env as OriginBindings | undefined)?.PUBLIC_ORIGIN) !== null) return;
  const cacheControl = c.res.headers.get('Cache-Control');
  if (cacheControl && /\bpublic\b/.test(cacheControl)) c.res.headers.set('Cache-Control', cacheControl.replace(/\bpublic\b/, 'private'));
};
