/**
 * Citation downloads: the whole report, one section or a selection, in every
 * format, answered from strings the build prerendered.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import {
  citationAnswer,
  formatEntry,
  itemId,
  negotiateCitation,
  NEGOTIABLE_TYPES,
  type CitationForm,
  type CitationFormat,
  type ItemRef,
  type StyleInfo,
} from '../core/citations';
import { parsePrintedPage, rangeHoldsPage } from '../core/page-ranges';
import type { Report } from '../core/types';
import { entityTag } from '../entity-tags';
import { echoed, ProblemError } from '../problem';
import { citationStyles, type ReportData } from '../data';
import { missingSection, reportCitations, requireReport, requireSection } from '../requests/lookups';
import type { CitationStyles } from '../core/citations';
import { citationFileResponse, CiteQuery, problemResponse, ReportParam, SectionNumberParam, SelectionQuery } from './schemas';

const fileResponse = citationFileResponse('The citation, as a file to import or a formatted citation');

/** The style and locale to use, or a 404 naming those that are offered. */
export function resolveStyle(file: CitationStyles, style: string | null | undefined, locale: string | null | undefined): { style: StyleInfo; locale: string } {
  const chosenStyle = style ?? file.defaultStyle;
  const chosenLocale = locale ?? file.defaultLocale;
  const found = file.styles.find((s) => s.name === chosenStyle);
  if (!found) {
    throw new ProblemError({
      status: 404,
      kind: 'unknown-style',
      title: 'No such citation style',
      detail: `There is no style "${echoed(chosenStyle)}". Styles offered: ${file.styles.map((s) => s.name).join(', ')}.`,
      extra: { styles: file.styles.map((s) => s.name) },
    });
  }
  if (!file.locales.includes(chosenLocale)) {
    throw new ProblemError({
      status: 404,
      kind: 'unknown-locale',
      title: 'No such locale',
      detail: `There is no locale "${echoed(chosenLocale)}". Locales offered: ${file.locales.join(', ')}.`,
      extra: { locales: file.locales },
    });
  }
  return { style: found, locale: chosenLocale };
}

function invalid(name: string, reason: string, extra: Record<string, unknown> = {}): ProblemError {
  return new ProblemError({ status: 400, kind: 'invalid-parameter', title: 'Invalid request parameter', detail: `${name}: ${reason}`, invalidParams: [{ name, reason }], extra });
}

/** The form asked for, if the style offers it; otherwise a 400 naming the forms it does. */
function requireForm(style: StyleInfo, form: CitationForm): CitationForm {
  if (style.forms.includes(form)) return form;
  throw invalid('form', `style "${style.name}" has no ${form} form; it offers: ${style.forms.join(', ')}`, { forms: style.forms });
}

/** The printed page asked for, if one item is cited and it holds the page; otherwise a 400 with the item's range. */
function requirePage(report: Report, items: string[], text: string): string {
  const page = parsePrintedPage(text)!;
  if (items.length !== 1) throw invalid('page', 'a page narrows one item: cite the section or the report, not a selection');
  const sections = items[0] === 'report' ? report.sections : report.sections.filter((s) => itemId(s.number) === items[0]);
  if (sections.some((s) => rangeHoldsPage(s.pages, page))) return page.label;
  const ranges = sections.flatMap((s) => (s.pages ? [s.pages.label] : []));
  const what = items[0] === 'report' ? 'the report' : `section ${items[0].slice(1)}`;
  throw invalid('page', `${what} does not hold page ${page.label}; its pages: ${ranges.join(', ') || 'none known'}`, { pages: ranges });
}

/** Seconds until the next UTC midnight: an answer carrying today's date is good for today only. */
function secondsLeftToday(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.floor((midnight - now.getTime()) / 1000));
}

export interface CitationOptions {
  format: CitationFormat;
  style?: string | null;
  locale?: string | null;
  form?: CitationForm;
  page?: string;
  download?: boolean;
  mediaType?: string;
}

/**
 * Answers with a citation: machine formats as a download, formatted text and
 * HTML inline unless asked to download.
 */
export async function respondWithCitation(c: Context, data: ReportData, items: string[], options: CitationOptions): Promise<Response> {
  const report = data.report;
  const styled = formatEntry(options.format)!.kind === 'styled';
  if (!styled && (options.page !== undefined || (options.form ?? 'reference') !== 'reference')) {
    throw invalid(options.page !== undefined ? 'page' : 'form', `applies to the formatted citations (format=text or html), not to ${options.format}`);
  }
  const { style, locale } = resolveStyle(await citationStyles(), options.style, options.locale);
  const form = styled ? requireForm(style, options.form ?? 'reference') : 'reference';
  const page = options.page !== undefined ? requirePage(report, items, options.page) : null;
  const today = new Date();
  const answer = citationAnswer(await reportCitations(data), { report: report.id, items, format: options.format, style: style.name, locale, form, page, today });
  // A file to import is always a download; a formatted citation only when asked.
  const attachment = styled ? (options.download ?? false) : true;
  const headers: Record<string, string> = {
    'Content-Type': `${options.mediaType ?? answer.mediaType}; charset=utf-8`,
    'Content-Disposition': `${attachment ? 'attachment' : 'inline'}; filename="${answer.fileName}"`,
  };
  if (answer.dated) {
    headers['Cache-Control'] = `public, max-age=${secondsLeftToday(today)}`;
    // The day is part of what the answer is made of: tomorrow's revalidation must not get a 304.
    headers.ETag = entityTag(c, c.res.headers.get('Vary'), today.toISOString().slice(0, 10));
  }
  return c.body(answer.body, 200, headers);
}

/**
 * For the report and section URLs: a citation when the Accept header asks for
 * one, null for the JSON representation, a 406 when nothing offered fits.
 * Always marks the answer as varying by Accept.
 */
export async function respondToNegotiation(c: Context, data: ReportData, ref: ItemRef): Promise<Response | null> {
  c.header('Vary', 'Accept');
  const negotiated = negotiateCitation(parseAccept(c.req.header('Accept') ?? ''));
  if (negotiated.kind === 'json') return null;
  if (negotiated.kind === 'not-acceptable') {
    const offered = [...NEGOTIABLE_TYPES.keys()];
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
  return respondWithCitation(c, data, [itemId(ref)], { ...negotiated, download: false });
}

export const citeReportRoute = createRoute({
  method: 'get',
  path: '/reports/{report}/cite',
  operationId: 'citeReport',
  summary: 'Cite the whole report, or a selection of its sections',
  request: { params: z.object({ report: ReportParam }), query: SelectionQuery },
  responses: { 200: fileResponse, 400: problemResponse('Invalid parameter, or report id too long'), 404: problemResponse('Unknown report, section, style or locale') },
});

export const citeSectionRoute = createRoute({
  method: 'get',
  path: '/reports/{report}/sections/{n}/cite',
  operationId: 'citeSection',
  summary: 'Cite one section',
  request: { params: z.object({ report: ReportParam, n: SectionNumberParam }), query: CiteQuery },
  responses: { 200: fileResponse, 400: problemResponse('Invalid parameter, or report id too long'), 404: problemResponse('Unknown report, section, style or locale') },
});

/** Registers the citation routes. */
export function addCitationRoutes(api: OpenAPIHono) {
  api.openapi(citeReportRoute, async (c) => {
    const data = await requireReport(c.req.valid('param').report);
    const report = data.report;
    const query = c.req.valid('query');
    const unknown = (query.sections ?? []).filter((n) => !report.sections.some((s) => s.number === n));
    if (unknown.length > 0) throw new ProblemError(missingSection(report, unknown[0], unknown));
    const items = query.sections ? [...query.sections].sort((a, b) => a - b).map(itemId) : [itemId('report')];
    return (await respondWithCitation(c, data, items, query)) as never;
  });

  api.openapi(citeSectionRoute, async (c) => {
    const { report: id, n } = c.req.valid('param');
    const data = await requireReport(id);
    requireSection(data.report, n);
    return (await respondWithCitation(c, data, [itemId(n)], c.req.valid('query'))) as never;
  });
}
