/**
 * The pages a person reads, the embeddable search and the static assets.
 * Who may frame or fetch them is decided in `src/security-headers.ts`.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { linkerFor } from '../api/representations';
import { requireReport, requireSection } from '../api/lookups';
import { SearchQuery, SectionNumberParam } from '../api/schemas';
import { analyzer } from '../core/analyzer';
import { DEFAULT_SEARCH_OPTIONS, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, searchWithCorrection } from '../core/search';
import { BoundedCache, cached, PAGE_CACHE_ENTRIES, utcDay, utf8Bytes } from '../isolate-cache';
import { echoed, ProblemError } from '../problem';
import { getAsset, getCatalogue, getCitations, getSearchIndex } from '../site-data';
import { EmbedPage } from './embed-page';
import { HomePage } from './home-page';
import { exportChoices, ReportPage } from './report-page';
import { pageCitationChoices } from './page-citations';
import { pagePaths } from './page-paths';
import { SearchResultsPage } from './search-page';
import { SectionPage } from './section-page';

/** Pages change with a deploy only; five minutes keeps them fresh after one. */
const PAGE_CACHE_CONTROL = 'public, max-age=300';
/** Scripts and the stylesheet keep their URLs across deploys, so they are cached briefly too. */
const ASSET_CACHE_CONTROL = 'public, max-age=3600';

/**
 * Pages rendered in this isolate, by what each is made of: the page, the
 * origin its links point to and, for pages with citations, the UTC day of
 * their access dates. The same key always renders the same bytes.
 */
export const renderedPages = new BoundedCache<Uint8Array<ArrayBuffer>>(PAGE_CACHE_ENTRIES);

/** A page's HTML: kept from an earlier request with the same key, or rendered now. */
function pageHtml(key: string[], page: () => HtmlEscapedString | Promise<HtmlEscapedString>): Promise<Uint8Array<ArrayBuffer>> {
  // An element renders when made into a string; a component that awaits makes it a promise.
  return cached(renderedPages, key.join('\n'), async () => utf8Bytes(String(await (await page()).toString())));
}

/** Answers with a kept page's bytes (see `utf8Bytes`). */
async function htmlBytes(c: Context, bytes: Promise<Uint8Array<ArrayBuffer>>) {
  return c.body(await bytes, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
}

/** The index terms of the words arriving in `?highlight=`, to mark them in the text. */
function highlightTerms(value: string | undefined): Set<string> {
  const text = (value ?? '').slice(0, MAX_QUERY_LENGTH);
  return new Set(analyzer.analyze(text));
}

function sectionNumber(value: string): number {
  const parsed = SectionNumberParam.safeParse(value);
  if (!parsed.success) {
    throw new ProblemError({ status: 400, kind: 'invalid-parameter', title: 'Not a section number', detail: `"${echoed(value)}" is not a section number; sections are numbered 1, 2, 3…` });
  }
  return parsed.data;
}

/** Registers pages, the embed, the widget and assets. */
export function addPageRoutes(app: OpenAPIHono) {
  app.get('/', (c) => {
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    return htmlBytes(c, pageHtml(['home'], () => <HomePage reports={getCatalogue().reports} />));
  });

  app.get('/reports/:report', (c) => {
    const report = requireReport(c.req.param('report'));
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    const origin = new URL(c.req.url).origin;
    const today = new Date();
    return htmlBytes(
      c,
      pageHtml(['report', report.id, origin, utcDay(today)], () => <ReportPage report={report} link={linkerFor(origin)} styles={getCitations().styles} today={today} />),
    );
  });

  app.get('/reports/:report/sections/:n', (c) => {
    const report = requireReport(c.req.param('report'));
    const section = requireSection(report, sectionNumber(c.req.param('n')));
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    const origin = new URL(c.req.url).origin;
    const today = new Date();
    const highlight = highlightTerms(c.req.query('highlight'));
    const page = () => <SectionPage report={report} section={section} link={linkerFor(origin)} highlight={highlight} today={today} />;
    // Highlighted, a page is made for its query: kept, any client could crowd the others out.
    if (highlight.size > 0) return c.html(page());
    return htmlBytes(c, pageHtml(['section', report.id, String(section.number), origin, utcDay(today)], page));
  });

  app.get('/reports/:report/search', (c) => {
    const report = requireReport(c.req.param('report'));
    // The API's own rule for a query, so both answer the same input the same way.
    const parsed = SearchQuery.shape.q.safeParse(c.req.query('q') ?? '');
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) => issue.message);
      throw new ProblemError({
        status: 400,
        kind: 'invalid-parameter',
        title: 'Nothing to search for',
        detail: `Type between 1 and ${MAX_QUERY_LENGTH} characters, at most ${MAX_QUERY_WORDS} words, to search: ${reasons.join('; ')}.`,
        invalidParams: reasons.map((reason) => ({ name: 'q', reason })),
      });
    }
    const q = parsed.data;
    const results = searchWithCorrection(getSearchIndex(), getCatalogue(), q, { ...DEFAULT_SEARCH_OPTIONS, report: report.id, limit: 20 }, analyzer);
    return c.html(<SearchResultsPage report={report} query={q} results={results} suggestion={results.correction} />);
  });

  // "Export selected" without JavaScript: the form's repeated `section` fields become the API's list.
  app.get('/reports/:report/export', (c) => {
    const report = requireReport(c.req.param('report'));
    const sections = (c.req.queries('section') ?? []).map(sectionNumber);
    const choice = c.req.query('format') ?? 'ris';
    const choices = exportChoices(getCitations().styles);
    const back = { href: pagePaths.report(report.id), text: `Back to ${report.title}` };
    if (!choices.some(([value]) => value === choice)) {
      throw new ProblemError({ status: 400, kind: 'invalid-parameter', title: 'Unknown export format', detail: `Choose one of: ${choices.map(([v]) => v).join(', ')}.`, back });
    }
    if (sections.length === 0) {
      throw new ProblemError({ status: 400, kind: 'invalid-parameter', title: 'No section selected', detail: 'Tick the sections to export, then choose “Export selected” again.', back });
    }
    for (const n of sections) requireSection(report, n);
    const [format, style] = choice.split(':');
    const params = new URLSearchParams({ format, sections: [...new Set(sections)].sort((a, b) => a - b).join(',') });
    if (style) params.set('style', style);
    if (style) params.set('download', '1');
    return c.redirect(`/api/reports/${encodeURIComponent(report.id)}/cite?${params}`, 303);
  });

  // "Cite one page" without JavaScript: the form's style and form become the API's citation of that page.
  app.get('/reports/:report/sections/:n/cite-page', (c) => {
    const report = requireReport(c.req.param('report'));
    const section = requireSection(report, sectionNumber(c.req.param('n')));
    const choice = c.req.query('as') ?? '';
    const choices = pageCitationChoices(getCitations().styles);
    const back = { href: pagePaths.section(report.id, section.number), text: `Back to section ${section.number}` };
    if (!choices.some(([value]) => value === choice)) {
      throw new ProblemError({ status: 400, kind: 'invalid-parameter', title: 'Unknown citation', detail: `Choose one of: ${choices.map(([v]) => v).join(', ')}.`, back });
    }
    const [style, form] = choice.split(':');
    // The API checks the page against the section's range and answers a 400 naming it.
    const params = new URLSearchParams({ format: 'text', style, form, page: (c.req.query('page') ?? '').slice(0, 20) });
    return c.redirect(`/api/reports/${encodeURIComponent(report.id)}/sections/${section.number}/cite?${params}`, 303);
  });

  app.get('/embed/:report', (c) => {
    const report = requireReport(c.req.param('report'));
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    const origin = new URL(c.req.url).origin;
    return htmlBytes(c, pageHtml(['embed', report.id, origin], () => <EmbedPage report={report} origin={origin} />));
  });

  for (const [path, name, type] of [
    ['/widget.js', 'widget.js', 'text/javascript'],
    ['/assets/page.js', 'page.js', 'text/javascript'],
    ['/assets/style.css', 'style.css', 'text/css'],
  ] as const) {
    app.get(path, (c) => c.body(getAsset(name), 200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': ASSET_CACHE_CONTROL }));
  }
}
