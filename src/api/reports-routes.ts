/**
 * Reports, sections and printed pages: look-ups in the catalogue.
 */
import { printedPageText } from '../core/catalogue';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { parsePrintedPage, sectionsHoldingPage } from '../core/page-ranges';
import { API_CACHE_ENTRIES, BoundedCache, cached, utf8Bytes } from '../isolate-cache';
import { ProblemError } from '../problem';
import type { CitationLocale } from '../core/citations';
import { isFiltered, listShelf } from '../core/library';
import { citationStyles, shelfList } from '../data';
import { requireReport, requireSection } from '../requests/lookups';
import { respondToNegotiation } from './citation-routes';
import { apiPaths, linkerFor, pageCitationLinks, reportSummary, reportWithContents, sectionInFull, tocEntry } from './representations';
import {
  ReportListQuery,
  ReportListSchema,
  negotiatedResponse,
  PageLookupSchema,
  PageParam,
  problemResponse,
  jsonResponse,
  ReportParam,
  ReportSchema,
  SectionNumberParam,
  SectionSchema,
} from './schemas';


export const listReports = createRoute({
  method: 'get',
  path: '/reports',
  operationId: 'listReports',
  summary: 'The reports served, with their bibliographic data: filtered, sorted and paged',
  request: { query: ReportListQuery },
  responses: { 200: jsonResponse(ReportListSchema, 'One page of reports, and how many pass the filters'), 400: problemResponse('Invalid parameter') },
});

export const getReport = createRoute({
  method: 'get',
  path: '/reports/{report}',
  operationId: 'getReport',
  summary: 'One report: bibliographic data and table of contents',
  request: { params: z.object({ report: ReportParam }) },
  responses: {
    200: negotiatedResponse(ReportSchema, 'The report'),
    400: problemResponse('Report id too long'),
    404: problemResponse('Unknown report; or, by Accept, unknown style or locale'),
    406: problemResponse('Accept names no type offered'),
  },
});

export const getSection = createRoute({
  method: 'get',
  path: '/reports/{report}/sections/{n}',
  operationId: 'getSection',
  summary: 'One section in full',
  request: { params: z.object({ report: ReportParam, n: SectionNumberParam }) },
  responses: {
    200: negotiatedResponse(SectionSchema, 'The section'),
    400: problemResponse('Not a section number, or report id too long'),
    404: problemResponse('Unknown report or section; or, by Accept, unknown style or locale'),
    406: problemResponse('Accept names no type offered'),
  },
});

export const getPage = createRoute({
  method: 'get',
  path: '/reports/{report}/pages/{page}',
  operationId: 'getPage',
  summary: 'The section(s) holding a printed page',
  request: { params: z.object({ report: ReportParam, page: PageParam }) },
  responses: {
    200: jsonResponse(PageLookupSchema, 'The sections that hold the page'),
    400: problemResponse('Not a page number, or report id too long'),
    404: problemResponse('Unknown report, or no section holds that page'),
  },
});

/**
 * JSON bodies that are the same for every request to one origin (the list of
 * reports, a report with its contents: ~40 links built and a few KB
 * serialised), kept per isolate by what they are made of.
 */
export const apiAnswers = new BoundedCache<Uint8Array<ArrayBuffer>>(API_CACHE_ENTRIES);

/** A 200 JSON answer whose body is kept under `key`: the bytes `c.json` would send. */
async function keptJson(c: Context, key: string[], body: () => unknown) {
  const bytes = await cached(apiAnswers, key.join('\n'), () => utf8Bytes(JSON.stringify(body())));
  return c.body(bytes, 200, { 'Content-Type': 'application/json' }) as never;
}

/** Registers the look-up routes on the API. */
export function addReportRoutes(api: OpenAPIHono) {
  api.openapi(listReports, async (c) => {
    const query = c.req.valid('query');
    const origin = new URL(c.req.url).origin;
    const link = linkerFor(origin);
    const shelf = await shelfList();
    const body = () => {
      const page = listShelf(shelf, query);
      const at = (offset: number) => {
        const params = new URLSearchParams();
        for (const name of ['publisher', 'year', 'author'] as const) if (query[name] !== undefined) params.set(name, String(query[name]));
        if (query.sort !== 'id') params.set('sort', query.sort);
        params.set('limit', String(query.limit));
        params.set('offset', String(offset));
        return link(`${apiPaths.reports()}?${params}`);
      };
      const links: Record<string, string> = {};
      if (query.offset + query.limit < page.total) links.next = at(query.offset + query.limit);
      if (query.offset > 0) links.prev = at(Math.max(0, query.offset - query.limit));
      return { total: page.total, limit: query.limit, offset: query.offset, reports: page.reports.map((entry) => reportSummary(entry, link)), links };
    };
    // Only the unfiltered pages are kept: a filter's words are the client's to choose, and could crowd the rest out.
    if (isFiltered(query)) return c.json(body(), 200) as never;
    return keptJson(c, ['reports', origin, query.sort, String(query.limit), String(query.offset)], body);
  });

  api.openapi(getReport, async (c) => {
    const data = await requireReport(c.req.valid('param').report);
    const report = data.report;
    const citation = await respondToNegotiation(c, data, 'report');
    if (citation) return citation as never;
    const origin = new URL(c.req.url).origin;
    const styles = await citationStyles();
    return keptJson(c, ['report', report.id, origin], () => {
      const citations = {
        styles: styles.styles.map(({ name, title, forms }) => ({ name, title, forms })),
        locales: styles.locales as CitationLocale[],
        defaultStyle: styles.defaultStyle,
        defaultLocale: styles.defaultLocale,
      };
      return reportWithContents(report, linkerFor(origin), citations);
    });
  });

  api.openapi(getSection, async (c) => {
    const { report: id, n } = c.req.valid('param');
    const data = await requireReport(id);
    const report = data.report;
    const section = requireSection(report, n);
    const citation = await respondToNegotiation(c, data, n);
    if (citation) return citation as never;
    return c.json(sectionInFull(report, section, linkerFor(c.req.url)), 200);
  });

  api.openapi(getPage, async (c) => {
    const params = c.req.valid('param');
    const { report } = await requireReport(params.report);
    const page = parsePrintedPage(params.page)!;
    const sections = sectionsHoldingPage(report.sections, page);
    if (sections.length === 0) {
      throw new ProblemError({
        status: 404,
        kind: 'page-not-found',
        title: 'No section holds that page',
        detail: `No section of "${report.id}" holds ${page.numbering} page ${page.label}. Ranges: ${report.sections
          .flatMap((s) => (s.pages ? [s.pages.label] : []))
          .join(', ')}.`,
      });
    }
    const link = linkerFor(c.req.url);
    const { styles } = await citationStyles();
    return c.json(
      {
        report: report.id,
        page: { label: page.label, numbering: page.numbering },
        text: printedPageText(report, page.label),
        sections: sections.map((s) => ({ ...tocEntry(report, s, link), citePage: pageCitationLinks(link(apiPaths.citeSection(report.id, s.number)), page.label, styles) })),
      },
      200,
    );
  });
}
