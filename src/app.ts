/**
 * The Worker's Hono app: shared middleware (security headers, CORS, ETags,
 * caching), the API and page routes, and the answers for everything that is
 * not a route (404, 405, errors) as problem+json or an error page.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { addCitationRoutes } from './api/citation-routes';
import { addOpenApiDocument } from './api/openapi-document';
import { addReportRoutes } from './api/reports-routes';
import { addSearchRoutes } from './api/search-routes';
import { addPageRoutes } from './pages/page-routes';
import type { Context } from 'hono';
import { respondWithErrorPage } from './pages/error-page';
import { entityTags } from './entity-tags';
import { privateUnlessPublicOrigin } from './public-origin';
import { securityHeaders } from './security-headers';
import { echoed, ProblemError, respondWithProblem, type Problem } from './problem';

/** Everything here is read-only. */
const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'];
/** The data changes only with a deploy; an hour keeps clients fast and a new deploy visible soon. */
export const API_CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';

/**
 * Programs get problem+json; a browser asking for a page (Accept: text/html,
 * outside /api) gets an HTML page with the same status and words.
 */
function answerProblem(c: Context, problem: Problem, headers: Record<string, string> = {}) {
  const browsing = !new URL(c.req.url).pathname.startsWith('/api/') && (c.req.header('Accept') ?? '').includes('text/html');
  if (!browsing) return respondWithProblem(c, problem, headers);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return respondWithErrorPage(c, problem);
}

/** Builds the app; `src/index.ts` exports it to the Workers runtime. */
export function createApp() {
  const app = new OpenAPIHono({
    // One answer for every invalid parameter: which one, and what it must be.
    defaultHook: (result, c) => {
      if (result.success) return;
      const invalidParams = result.error.issues.map((issue) => ({
        name: issue.path.map(String).join('.') || '(request)',
        reason: issue.message,
      }));
      return respondWithProblem(c, {
        status: 400,
        kind: 'invalid-parameter',
        title: 'Invalid request parameter',
        detail: invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; '),
        invalidParams,
      });
    },
  });

  // First, so that every answer leaves through it: 404, 405, preflights and errors too.
  app.use('*', securityHeaders);

  // Public, read-only data: any site may call the API.
  app.use('*', cors({ origin: '*', allowMethods: ALLOWED_METHODS, maxAge: 86400 }));

  // Validators: a weak ETag on every successful GET, 304 when it matches.
  app.use('*', ...entityTags);

  // Without PUBLIC_ORIGIN, links follow the request's Host: keep answers out of shared caches.
  app.use('*', privateUnlessPublicOrigin);

  app.use('*', async (c, next) => {
    if (!ALLOWED_METHODS.includes(c.req.method)) {
      return respondWithProblem(
        c,
        { status: 405, kind: 'method-not-allowed', title: 'Method not allowed', detail: `${echoed(c.req.method)} is not supported: this service is read-only (${ALLOWED_METHODS.join(', ')}).` },
        { Allow: ALLOWED_METHODS.join(', ') },
      );
    }
    await next();
  });

  app.use('/api/*', async (c, next) => {
    await next();
    if (c.res.status === 200 && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', API_CACHE_CONTROL);
  });

  addPageRoutes(app);
  addReportRoutes(app);
  addSearchRoutes(app);
  addCitationRoutes(app);

  addOpenApiDocument(app);

  app.notFound((c) =>
    answerProblem(c, { status: 404, kind: 'not-found', title: 'Not found', detail: `Nothing is served at ${echoed(new URL(c.req.url).pathname)}. The API is described at /api/openapi.json.` }),
  );

  app.onError((error, c) => {
    if (error instanceof ProblemError) return answerProblem(c, error.problem, error.headers);
    console.error(error);
    return answerProblem(c, { status: 500, kind: 'internal-error', title: 'Internal error', detail: 'Something went wrong on our side; please try again later.' });
  });

  return app;
}
