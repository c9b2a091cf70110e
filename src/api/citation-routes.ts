/**
 * Citation downloads: the whole report, one section or a selection, in every
 * format, answered from strings the build prerendered.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { CitationFormat } from '../core/bibliography';
import { citationAnswer, FORMAT_MEDIA } from '../core/citation-answer';
import { itemId, type ItemRef } from '../core/citation-items';
import { negotiateCitation, NEGOTIABLE_TYPES } from '../core/citation-negotiation';
import { parseAccept } from 'hono/utils/accept';
import type { Report } from '../core/types';
import { ProblemError } from '../problem';
import { getCitations } from '../site-data';
import { missingSection, requireReport, requireSection } from './lookups';
import { CiteQuery, problemResponse, ReportParam, SectionNumberParam, SelectionQuery } from './schemas';

const fileResponse = {
  content: Object.fromEntries(
    [...new Set(Object.values(FORMAT_MEDIA).map((m) => m.mediaType))].map((type) => [type, { schema: z.string() }]),
  ),
  description: 'The citation, as a file to import or a formatted reference',
};

/** The style and locale to use, or a 404 naming those that are offered. */
export function resolveStyle(style: string | null | undefined, locale: string | null | undefined): { style: string; locale: string } {
  const file = getCitations();
  const chosenStyle = style ?? file.defaultStyle;
  const chosenLocale = locale ?? file.defaultLocale;
  if (!file.styles.some((s) => s.name === chosenStyle)) {
    const missing = file.missingStyles.find((m) => m.name === chosenStyle);
    throw new ProblemError({
      status: 404,
      kind: 'unknown-style',
      title: 'No such citation style',
      detail: `${missing ? `Style "${chosenStyle}" is not installed on this deployment.` : `There is no style "${chosenStyle}".`} Styles offered: ${file.styles.map((s) => s.name).join(', ')}.`,
      extra: { styles: file.styles.map((s) => s.name) },
    });
  }
  if (!file.locales.includes(chosenLocale)) {
    throw new ProblemError({
      status: 404,
      kind: 'unknown-locale',
      title: 'No such locale',
      detail: `There is no locale "${chosenLocale}". Locales offered: ${file.locales.join(', ')}.`,
      extra: { locales: file.locales },
    });
  }
  return { style: chosenStyle, locale: chosenLocale };
}

/**
 * Answers with a citation: machine formats as a download, formatted text and
 * HTML inline unless asked to download.
 */
export function respondWithCitation(
  c: Context,
  report: Report,
  items: string[],
  options: { format: CitationFormat; style?: string | null; locale?: string | null; download?: boolean; mediaType?: string },
): Response {
  const { style, locale } = resolveStyle(options.style, options.locale);
  const answer = citationAnswer(getCitations(), { report: report.id, items, format: options.format, style, locale });
  // A file to import is always a download; a formatted reference only when asked.
  const styled = options.format === 'text' || options.format === 'html';
  const attachment = styled ? (options.download ?? false) : true;
  return c.body(answer.body, 200, {
    'Content-Type': `${options.mediaType ?? answer.mediaType}; charset=utf-8`,
    'Content-Disposition': `${attachment ? 'attachment' : 'inline'}; filename="${answer.fileName}"`,
  });
}

/**
 * For the report and section URLs: a citation when the Accept header asks for
 * one, null for the JSON representation, a 406 when nothing offered fits.
 * Always marks the answer as varying by Accept.
 */
export function respondToNegotiation(c: Context, report: Report, ref: ItemRef): Response | null {
  c.header('Vary', 'Accept');
  const negotiated = negotiateCitation(parseAccept(c.req.header('Accept') ?? ''));
  if (negotiated.kind === 'json') return null;
  if (negotiated.kind === 'not-acceptable') {
    const offered = Object.keys(NEGOTIABLE_TYPES);
    throw new ProblemError(
      {
        status: 406,
        kind: 'not-acceptable',
        title: 'Not acceptable',
        detail: `None of the types in Accept is offered here. Offered: ${offered.join(', ')} (text/x-bibliography takes style= and locale= parameters).`,
        extra: { offered },
      },
      { Vary: 'Accept' },
    );
  }
  return respondWithCitation(c, report, [itemId(ref)], { ...negotiated, download: false });
}

export const citeReportRoute = createRoute({
  method: 'get',
  path: '/api/reports/{report}/cite',
  summary: 'Cite the whole report, or a selection of its sections',
  request: { params: z.object({ report: ReportParam }), query: SelectionQuery },
  responses: { 200: fileResponse, 400: problemResponse('Invalid parameter'), 404: problemResponse('Unknown report, section, style or locale') },
});

export const citeSectionRoute = createRoute({
  method: 'get',
  path: '/api/reports/{report}/sections/{n}/cite',
  summary: 'Cite one section',
  request: { params: z.object({ report: ReportParam, n: SectionNumberParam }), query: CiteQuery },
  responses: { 200: fileResponse, 400: problemResponse('Invalid parameter'), 404: problemResponse('Unknown report, section, style or locale') },
});

/** Registers the citation routes. */
export function addCitationRoutes(app: OpenAPIHono) {
  app.openapi(citeReportRoute, (c) => {
    const report = requireReport(c.req.valid('param').report);
    const query = c.req.valid('query');
    const unknown = (query.sections ?? []).filter((n) => !report.sections.some((s) => s.number === n));
    if (unknown.length > 0) throw new ProblemError(missingSection(report, unknown[0], unknown));
    const items = query.sections ? [...query.sections].sort((a, b) => a - b).map(itemId) : [itemId('report')];
    return respondWithCitation(c, report, items, query) as never;
  });

  app.openapi(citeSectionRoute, (c) => {
    const { report: id, n } = c.req.valid('param');
    const report = requireReport(id);
    requireSection(report, n);
    return respondWithCitation(c, report, [itemId(n)], c.req.valid('query')) as never;
  });
}
