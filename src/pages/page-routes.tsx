/**
 * The pages a person reads, the embeddable search and the static assets, as
 * a Hono sub-app mounted at the root (src/app.ts). Who may frame or fetch
 * them is decided in `src/security-headers.ts`.
 */
import { Hono, type Context } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { getAsset } from '../bundled-files';
import { analyzer } from '../core/analyzer';
import { isFiltered, listShelf, SHELF_ORDERS, type ShelfOrder, type ShelfQuery } from '../core/library';
import { DEFAULT_SEARCH_OPTIONS, MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from '../core/search';
import { citationStyles, shelfList } from '../data';
import { BoundedCache, cached, PAGE_CACHE_ENTRIES, utcDay, utf8Bytes } from '../isolate-cache';
import { echoed, ProblemError } from '../problem';
import { linkerFor } from '../requests/links';
import { reportCitations, requireReport, requireSection } from '../requests/lookups';
import { QueryText, SectionNumberParam, THEMES, type Theme } from '../requests/parameters';
import { apiPaths, FRAME_SCRIPT_PATH } from '../requests/paths';
import { searchReports } from '../requests/search';
import { EmbedPage } from './embed-page';
import { HomePage } from './home-page';
import { exportChoices, ReportPage } from './report-page';
import { pageCitationChoices } from './page-citations';
import { pagePaths } from '../requests/paths';
import { SearchResultsPage, type SearchScope } from './search-page';
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

/** The query of a search page: the API's own rule, so both answer the same input the same way. */
function searchText(value: string | undefined): string {
  const parsed = QueryText.safeParse(value ?? '');
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => issue.message);
  throw new ProblemError({
    status: 400,
    kind: 'invalid-parameter',
    title: 'Nothing to search for',
    detail: `Type between 1 and ${MAX_QUERY_LENGTH} characters, at most ${MAX_QUERY_WORDS} words, to search: ${reasons.join('; ')}.`,
    invalidParams: reasons.map((reason) => ({ name: 'q', reason })),
  });
}

/** The embed's `?theme=`: light without one; anything but a theme's name is refused, as a typo would go unnoticed. */
function embedTheme(value: string | undefined): Theme {
  if (value === undefined) return 'light';
  if ((THEMES as readonly string[]).includes(value)) return value as Theme;
  const reason = `"${echoed(value)}" is not a theme: choose ${THEMES.join(', ')}`;
  throw new ProblemError({ status: 400, kind: 'invalid-parameter', title: 'Unknown theme', detail: `${reason}.`, invalidParams: [{ name: 'theme', reason }] });
}

/** Reports on one home page. */
const HOME_PAGE_REPORTS = 50;
/** Deepest offset the home page pages to: past any library's size. */
const MAX_HOME_OFFSET = 1_000_000;

/**
 * The home page's listing from its query string; what cannot be read is
 * left out rather than refused, as a person may have edited the address.
 */
function shelfQuery(c: Context): ShelfQuery {
  const text = (name: string) => {
    const value = c.req.query(name)?.trim().slice(0, 200);
    return value ? value : undefined;
  };
  const year = /^[0-9]{4}$/.test(c.req.query('year') ?? '') ? Number(c.req.query('year')) : undefined;
  const sort = SHELF_ORDERS.includes(c.req.query('sort') as ShelfOrder) ? (c.req.query('sort') as ShelfOrder) : 'id';
  const offset = /^[0-9]{1,7}$/.test(c.req.query('offset') ?? '') ? Math.min(Number(c.req.query('offset')), MAX_HOME_OFFSET) : 0;
  return { publisher: text('publisher'), year, author: text('author'), sort, limit: HOME_PAGE_REPORTS, offset };
}

/** Builds the pages sub-app: pages, the embed, the widget and assets. */
export function createPages() {
  const pages = new Hono();

  pages.get('/', async (c) => {
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    const query = shelfQuery(c);
    const shelf = await shelfList();
    const page = () => {
      const listed = listShelf(shelf, query);
      return <HomePage reports={listed.reports} total={listed.total} query={query} />;
    };
    // Filtered listings are made for their query: kept, any client could crowd the other pages out.
    if (isFiltered(query)) return c.html(page());
    return htmlBytes(c, pageHtml(['home', query.sort, String(query.offset)], page));
  });

  pages.get('/search', async (c) => {
    const q = searchText(c.req.query('q'));
    const results = await searchReports(q, { ...DEFAULT_SEARCH_OPTIONS, report: null, limit: 20 }, {});
    const shelf = await shelfList();
    const titles = new Map(results.hits.map((hit) => [hit.report, shelf.reports.find((r) => r.id === hit.report)?.title ?? hit.report]));
    const scope: SearchScope = { library: { titles, matched: results.reports?.matched ?? 0, searched: results.reports?.searched ?? 0 } };
    return c.html(<SearchResultsPage scope={scope} query={q} results={results} suggestion={results.correction} link={linkerFor(c.req.url)} />);
  });

  pages.get('/reports/:report', async (c) => {
    const data = await requireReport(c.req.param('report'));
    const report = data.report;
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    const origin = new URL(c.req.url).origin;
    const today = new Date();
    const citations = await reportCitations(data);
    return htmlBytes(c, pageHtml(['report', report.id, origin, utcDay(today)], () => <ReportPage report={report} citations={citations} link={linkerFor(origin)} today={today} />));
  });

  pages.get('/reports/:report/sections/:n', async (c) => {
    const data = await requireReport(c.req.param('report'));
    const report = data.report;
    const section = requireSection(report, sectionNumber(c.req.param('n')));
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    const origin = new URL(c.req.url).origin;
    const today = new Date();
    const highlight = highlightTerms(c.req.query('highlight'));
    const citations = await reportCitations(data);
    const page = () => <SectionPage report={report} section={section} citations={citations} link={linkerFor(origin)} highlight={highlight} today={today} />;
    // Highlighted, a page is made for its query: kept, any client could crowd the others out.
    if (highlight.size > 0) return c.html(page());
    return htmlBytes(c, pageHtml(['section', report.id, String(section.number), origin, utcDay(today)], page));
  });

  pages.get('/reports/:report/search', async (c) => {
    const { report } = await requireReport(c.req.param('report'));
    const q = searchText(c.req.query('q'));
    const results = await searchReports(q, { ...DEFAULT_SEARCH_OPTIONS, report: report.id, limit: 20 }, {});
    return c.html(<SearchResultsPage scope={{ report }} query={q} results={results} suggestion={results.correction} link={linkerFor(c.req.url)} />);
  });

  // "Export selected" without JavaScript: the form's repeated `section` fields become the API's list.
  pages.get('/reports/:report/export', async (c) => {
    const { report } = await requireReport(c.req.param('report'));
    const sections = (c.req.queries('section') ?? []).map(sectionNumber);
    const choice = c.req.query('format') ?? 'ris';
    const choices = exportChoices((await citationStyles()).styles);
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
    return c.redirect(`${apiPaths.cite(report.id)}?${params}`, 303);
  });

  // "Cite one page" without JavaScript: the form's style and form become the API's citation of that page.
  pages.get('/reports/:report/sections/:n/cite-page', async (c) => {
    const { report } = await requireReport(c.req.param('report'));
    const section = requireSection(report, sectionNumber(c.req.param('n')));
    const choice = c.req.query('as') ?? '';
    const choices = pageCitationChoices((await citationStyles()).styles);
    const back = { href: pagePaths.section(report.id, section.number), text: `Back to section ${section.number}` };
    if (!choices.some(([value]) => value === choice)) {
      throw new ProblemError({ status: 400, kind: 'invalid-parameter', title: 'Unknown citation', detail: `Choose one of: ${choices.map(([v]) => v).join(', ')}.`, back });
    }
    const [style, form] = choice.split(':');
    // The API checks the page against the section's range and answers a 400 naming it.
    const params = new URLSearchParams({ format: 'text', style, form, page: (c.req.query('page') ?? '').slice(0, 20) });
    return c.redirect(`${apiPaths.citeSection(report.id, section.number)}?${params}`, 303);
  });

  for (const [path, name, type] of [
    ['/widget.js', 'widget.js', 'text/javascript'],
    [FRAME_SCRIPT_PATH, 'frame.js', 'text/javascript'],
    ['/assets/page.js', 'page.js', 'text/javascript'],
    ['/assets/style.css', 'style.css', 'text/css'],
  ] as const) {
    pages.get(path, (c) => c.body(getAsset(name), 200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': ASSET_CACHE_CONTROL }));
  }

  // After the assets: /embed/frame.js is a script, not a report.
  pages.get('/embed/:report', async (c) => {
    const { report } = await requireReport(c.req.param('report'));
    const theme = embedTheme(c.req.query('theme'));
    c.header('Cache-Control', PAGE_CACHE_CONTROL);
    const origin = new URL(c.req.url).origin;
    return htmlBytes(c, pageHtml(['embed', report.id, origin, theme], () => <EmbedPage report={report} origin={origin} theme={theme} />));
  });
  return pages;
}
