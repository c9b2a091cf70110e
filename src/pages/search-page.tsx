/** /reports/{report}/search?q=…: results without JavaScript, the same ranking and snippets as the API. */
import { raw } from 'hono/html';
import type { SearchPage as Results } from '../core/search';
import type { Report } from '../core/types';
import { Layout } from './layout';
import { SearchForm } from './search-form';
import { pagePaths } from './page-paths';

export function SearchResultsPage(props: { report: Report; query: string; results: Results; suggestion: string | null }) {
  const { report, query, results } = props;
  return (
    <Layout title={`“${query}” in ${report.title}`}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href={pagePaths.report(report.id)}>{report.title}</a> › Search
      </nav>
      <h1>Search results</h1>
      <SearchForm report={report.id} value={query} />
      <p role="status">
        {results.total === 0 ? 'No sections match' : `${results.total} section${results.total === 1 ? '' : 's'} match`} “{query}”.
        {props.suggestion && (
          <>
            {' '}Did you mean <a href={`${pagePaths.search(report.id)}?q=${encodeURIComponent(props.suggestion)}`}>{props.suggestion}</a>?
          </>
        )}
      </p>
      <ol class="results">
        {results.hits.map((hit) => (
          <li>
            <h2>
              <a href={pagePaths.sectionAt(report.id, hit.number, hit.terms, hit.page)}>{hit.title ?? hit.label}</a>
            </h2>
            {hit.page !== null && <p class="hit-page">p. {hit.page}</p>}
            <p class="snippet">{raw(hit.snippet)}</p>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
