/**
 * @module api
 * The JSON API as a Hono sub-app under `/api` (`API_BASE`), with its own
 * middleware: one answer for every invalid parameter, and the API's cache
 * lifetime. Its routes validate, call the core through `src/requests/`, and
 * shape the answer; /api/openapi.json is generated from the same schemas.
 *
 * @example
 * app.route('/', createApi()); // src/app.ts: GET /api/search, /api/reports…
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { respondWithProblem } from '../problem';
import { API_BASE } from '../requests/paths';
import { addCitationRoutes } from './citation-routes';
import { addOembedRoutes } from './oembed-routes';
import { addOpenApiDocument } from './openapi-document';
import { addReportRoutes } from './reports-routes';
import { addSearchRoutes } from './search-routes';

/** The data changes only with a deploy; an hour keeps clients fast and a new deploy visible soon. */
export const API_MAX_AGE = 3600;
export const API_CACHE_CONTROL = `public, max-age=${API_MAX_AGE}, stale-while-revalidate=86400`;

/** Builds the API sub-app; its paths include `API_BASE`, so mount it at the root. */
export function createApi() {
  const api = new OpenAPIHono({
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
  }).basePath(API_BASE);

  api.use('*', async (c, next) => {
    await next();
    if (c.res.status === 200 && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', API_CACHE_CONTROL);
  });

  addReportRoutes(api);
  addSearchRoutes(api);
  addCitationRoutes(api);
  addOembedRoutes(api, { cacheAge: API_MAX_AGE });
  addOpenApiDocument(api);
  return api;
}
