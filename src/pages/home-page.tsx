/**
 * /: the library's reports, a page at a time, each with its byline and a
 * link to its page; a search box across every report; filters by publisher
 * and year, and orders, as `/api/reports` offers them.
 */
import type { ShelfEntry, ShelfQuery } from '../core/library';
import { pagePaths } from '../requests/paths';
import { Layout } from './layout';
import { Byline } from './report-parts';
import { SearchForm } from './search-form';

/** The home page's own URL for another page of the same listing. */
function listingHref(query: ShelfQuery, offset: number): string {
  const params = new URLSearchParams();
  if (query.publisher !== undefined) params.set('publisher', query.publisher);
  if (query.year !== undefined) params.set('year', String(query.year));
  if (query.author !== undefined) params.set('author', query.author);
  if (query.sort !== 'id') params.set('sort', query.sort);
  if (offset > 0) params.set('offset', String(offset));
  const text = params.toString();
  return text ? `${pagePaths.home()}?${text}` : pagePaths.home();
}

export function HomePage(props: { reports: ShelfEntry[]; total: number; query: ShelfQuery }) {
  const { reports, total, query } = props;
  const first = total === 0 ? 0 : query.offset + 1;
  const last = query.offset + reports.length;
  const filtered = query.publisher !== undefined || query.year !== undefined || query.author !== undefined;
  return (
    <Layout title="report-edge: reports">
      <h1>Reports</h1>
      <SearchForm />
      <p role="status">
        {total === 0 ? 'No reports' : total === 1 ? '1 report' : `${total} reports`}
        {filtered && ' match the filters'}
        {total > reports.length && reports.length > 0 && ` · showing ${first}–${last}`}
        {filtered && (
          <>
            {' · '}
            <a href={pagePaths.home()}>show all</a>
          </>
        )}
      </p>
      <ul class="reports">
        {reports.map((report) => (
          <li>
            <h2>
              <a href={pagePaths.report(report.id)}>{report.title}</a>
            </h2>
            <p class="doc-type">{report.type}</p>
            <Byline report={report} />
          </li>
        ))}
      </ul>
      {(query.offset > 0 || last < total) && (
        <nav aria-label="Pages of reports" class="pager">
          {query.offset > 0 && (
            <a rel="prev" href={listingHref(query, Math.max(0, query.offset - query.limit))}>
              ← Previous
            </a>
          )}{' '}
          {last < total && (
            <a rel="next" href={listingHref(query, query.offset + query.limit)}>
              Next →
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}
