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
import { getCatalogue, getCitations } from '../site-data';
import { respondToNegotiation } from './citation-routes';
import { requireReport, requireSection } from './lookups';
import { apiPaths, linkerFor, pageCitationLinks, reportSummary, reportWithContents, sectionInFull, tocEntry } from './representations';
import {
  negotiatedResponse,
  PageLookupSchema,
  PageParam,
  problemResponse,
  jsonResponse,
  ReportParam,
  ReportSchema,
  ReportSummarySchema,
  SectionNumberParam,
  SectionSchema,
} from './schemas';


export const listReports = createRoute({
  method: 'get',
  path: '/api/reports',
  operationId: 'listReports',
  summary: 'The reports served, with their bibliographic data',
  responses: { 200: jsonResponse(z.object({ reports: z.array(ReportSummarySchema) }), 'Every report') },
});

export const getReport = createRoute({
  method: 'get',
  path: '/api/reports/{report}',
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
  path: '/api/reports/{report}/sections/{n}',
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
  path: '/api/reports/{report}/pages/{page}',
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

/** Registers the look-up routes on the app. */
export function addReportRoutes(app: OpenAPIHono) {
  app.openapi(listReports, (c) => {
    const origin = new URL(c.req.url).origin;
    const link = linkerFor(origin);
    return keptJson(c, ['reports', origin], () => ({ reports: getCatalogue().reports.map((report) => reportSummary(report, link)) }));
  });

  app.openapi(getReport, (c) => {
    const report = requireReport(c.req.valid('param').report);
    const citation = respondToNegotiation(c, report, 'report');
    if (citation) return citation as never;
    const origin = new URL(c.req.url).origin;
    return keptJson(c, ['report', report.id, origin], () => {
      const file = getCitations();
      const citations = {
        styles: file.styles.map(({ name, title, forms }) => ({ name, title, forms })),
        locales: file.locales as CitationLocale[],
        defaultStyle: file.defaultStyle,
        defaultLocale: file.defaultLocale,
      };
      return reportWithContents(report, linkerFor(origin), citations);
    });
  });

  app.openapi(getSection, (c) => {
    const { report: id, n } = c.req.valid('param');
    const report = requireReport(id);
    const section = requireSection(report, n);
    const citation = respondToNegotiation(c, report, n);
    if (citation) return citation as never;
    return c.json(sectionInFull(report, section, linkerFor(c.req.url)), 200);
  });

  app.openapi(getPage, (c) => {
    const params = c.req.valid('param');
    const report = requireReport(params.report);
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
    const styles = getCitations().styles;
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
