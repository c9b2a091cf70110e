/**
 * GET /api/oembed: the oEmbed endpoint (oembed.com §2.2 request, §2.3
 * answer, §2.3.5 errors) for this site's pages. Validate, ask
 * src/requests/oembed.ts, answer JSON; XML and any other format is the
 * spec's 501.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ProblemError } from '../problem';
import { linkerFor } from '../requests/links';
import { OEMBED_FORMATS, oembedFor } from '../requests/oembed';
import { jsonResponse, OEmbedQuery, OEmbedSchema, problemResponse } from './schemas';

export const oembedRoute = createRoute({
  method: 'get',
  path: '/oembed',
  operationId: 'oembed',
  summary: "oEmbed: the embed (an iframe of the report's search) for a report, section or search page of this site",
  request: { query: OEmbedQuery },
  responses: {
    200: jsonResponse(OEmbedSchema, 'The embed: rich (an iframe) for a report, section, report search or embed page; link for the library search'),
    400: problemResponse('Invalid parameter'),
    404: problemResponse('Nothing to embed: another origin, not an embeddable page, an unknown report or section, or maxima below what the search needs'),
    501: problemResponse('A format other than json'),
  },
});

/** Registers /api/oembed; `cacheAge` is the answer's suggested lifetime (the API's own). */
export function addOembedRoutes(api: OpenAPIHono, options: { cacheAge: number }) {
  api.openapi(oembedRoute, async (c) => {
    const { url, format, maxwidth, maxheight } = c.req.valid('query');
    if (format !== undefined && !(OEMBED_FORMATS.served as readonly string[]).includes(format.toLowerCase())) {
      throw new ProblemError({
        status: 501,
        kind: 'unsupported-format',
        title: 'Format not implemented',
        detail: `This provider answers oEmbed in ${OEMBED_FORMATS.served.join(', ')} only; format=${format} is not implemented.`,
      });
    }
    return c.json(await oembedFor({ url, maxwidth, maxheight }, linkerFor(c.req.url), options.cacheAge), 200);
  });
}
