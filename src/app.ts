/**
 * The Worker's Hono app: the middleware every answer shares (security
 * headers, CORS, ETags, public caching, read-only methods), the API and the
 * pages mounted as sub-apps, and the answers for everything that is not a
 * route (404, 405, errors) as problem+json or an error page.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { createApi } from './api';
import { createLti, LTI_BASE } from './lti';
import { createPages } from './pages/page-routes';
import { respondWithErrorPage } from './pages/error-page';
import { entityTags } from './entity-tags';
import { privateUnlessPublicOrigin } from './public-origin';
import { securityHeaders } from './security-headers';
import { echoed, ProblemError, respondWithProblem, type Problem } from './problem';

/** Everything here is read-only. */
const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'];

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
  const app = new Hono();

  // First, so that every answer leaves through it: 404, 405, preflights and errors too.
  app.use('*', securityHeaders);

  // The LTI tool, before the read-only rule: platforms post to it. It brings
  // its own middleware (POST only on its three form routes, no CORS but on
  // its key set and Canvas JSON, nothing cached but the key set); a launch
  // shows its target through the app itself.
  app.route(LTI_BASE, createLti({ render: (request, env, ctx) => app.fetch(request, env, ctx) }));

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

  app.route('/', createPages());
  app.route('/', createApi());

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
