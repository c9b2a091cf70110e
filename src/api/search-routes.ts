/**
 * Search and type-ahead: validate, call the core ranking, shape the answer.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { DEFAULT_SEARCH_OPTIONS } from '../core/search';
import { pagePaths } from '../requests/paths';
import { searchReports, suggestAcross } from '../requests/search';
import { apiPaths, linkerFor, pagesOf } from './representations';
import { jsonResponse, problemResponse, SearchQuery, SearchResponseSchema, SuggestQuery, SuggestResponseSchema } from './schemas';


export const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  operationId: 'search',
  summary: 'Ranked sections with highlighted snippets',
  request: { query: SearchQuery },
  responses: {
    200: jsonResponse(SearchResponseSchema, 'Results'),
    400: problemResponse('Invalid parameter'),
    404: problemResponse('Unknown report'),
  },
});

export const suggestRoute = createRoute({
  method: 'get',
  path: '/suggest',
  operationId: 'suggest',
  summary: 'Completions for a search box',
  request: { query: SuggestQuery },
  responses: {
    200: jsonResponse(SuggestResponseSchema, 'Completions'),
    400: problemResponse('Invalid parameter'),
    404: problemResponse('Unknown report'),
  },
});

/** Registers /api/search and /api/suggest. */
export function addSearchRoutes(api: OpenAPIHono) {
  api.openapi(searchRoute, async (c) => {
    const params = c.req.valid('query');
    const options = {
      ...DEFAULT_SEARCH_OPTIONS,
      fuzzy: params.fuzzy ?? DEFAULT_SEARCH_OPTIONS.fuzzy,
      prefix: params.prefix ?? DEFAULT_SEARCH_OPTIONS.prefix,
      fields: params.fields ?? DEFAULT_SEARCH_OPTIONS.fields,
      mode: params.mode,
      report: params.report ?? null,
      limit: params.limit,
      offset: params.offset,
    };
    const page = await searchReports(params.q, options, { publisher: params.publisher, year: params.year });
    const link = linkerFor(c.req.url);
    return c.json(
      {
        query: params.q,
        mode: page.mode,
        total: page.total,
        limit: params.limit,
        offset: params.offset,
        results: page.hits.map((hit) => ({
          ...hit,
          pages: pagesOf(hit.pages),
          links: { section: link(apiPaths.section(hit.report, hit.number)), read: link(pagePaths.sectionAt(hit.report, hit.number, hit.terms, hit.page)) },
        })),
        suggestions: page.correction ? [page.correction] : [],
        ...(page.reports ? { reports: page.reports } : {}),
      },
      200,
    );
  });

  api.openapi(suggestRoute, async (c) => {
    const params = c.req.valid('query');
    return c.json({ query: params.q, suggestions: await suggestAcross(params.q, params.limit, params.report ?? null) }, 200);
  });
}
