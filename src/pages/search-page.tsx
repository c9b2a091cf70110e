/**
 * Search results without JavaScript, the same ranking and snippets as the
 * API: /reports/{report}/search?q=… within one report, /search?q=… across
 * the library (each hit then names its report).
 */
import { raw } from 'hono/html';
import { matchCount, noResultsAdvice, relatedPairs, type SearchPage as Results } from '../core/search';
import type { Report } from '../core/types';
import type { Linker } from '../requests/links';
import { oembedDiscovery } from '../requests/oembed';
import { pagePaths } from '../requests/paths';
import { Layout } from './layout';
import { SearchForm } from './search-form';

/** Where the search ran: one report, or the library with the titles of the reports its hits are in. */
export type SearchScope = { report: Report } | { library: { titles: ReadonlyMap<string, string>; matched: number; searched: number } };

function againHref(scope: SearchScope, query: string): string {
  return `${'report' in scope ? pagePaths.search(scope.report.id) : pagePaths.librarySearch()}?q=${encodeURIComponent(query)}`;
}

/** What to try when nothing matched (`noResultsAdvice`), as a list with links. */
function NoResults(props: { scope: SearchScope; query: string }) {
  const advice = noResultsAdvice({ words: props.query.trim().split(/\s+/).filter(Boolean).length, inOneReport: 'report' in props.scope });
  return (
    <div class="no-results">
      <p>Try:</p>
      <ul>
        {advice.map((item) =>
          item.kind === 'whole-library' ? (
            <li>
              <a href={`${pagePaths.librarySearch()}?q=${encodeURIComponent(props.query)}`}>{item.text}</a>
            </li>
          ) : (
            <li>{item.text}</li>
          ),
        )}
      </ul>
    </div>
  );
}

/** `link`: absolute URLs on this deployment, for the page's oEmbed discovery link. */
export function SearchResultsPage(props: { scope: SearchScope; query: string; results: Results; suggestion: string | null; link: Linker }) {
  const { scope, query, results } = props;
  const inReport = 'report' in scope ? scope.report : null;
  const title = `“${query}” in ${inReport ? inReport.title : 'all reports'}`;
  return (
    <Layout title={title} alternates={[oembedDiscovery(props.link, props.link(againHref(scope, query)), title)]}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        {inReport ? <a href={pagePaths.report(inReport.id)}>{inReport.title}</a> : <a href={pagePaths.home()}>Reports</a>} › Search
      </nav>
      <h1>Search results</h1>
      <SearchForm report={inReport?.id} value={query} />
      <p role="status">
        {matchCount(results.total)} “{query}”
        {'library' in scope && scope.library.matched > scope.library.searched && ` in the ${scope.library.searched} reports where the words count most (of ${scope.library.matched} that hold them)`}.
        {props.suggestion && (
          <>
            {' '}Did you mean <a href={againHref(scope, props.suggestion)}>{props.suggestion}</a>?
          </>
        )}
      </p>
      {results.total === 0 && <NoResults scope={scope} query={query} />}
      <ol class="results">
        {results.hits.map((hit) => (
          <li>
            <h2>
              <a href={pagePaths.sectionAt(hit.report, hit.number, hit.terms, hit.page)}>{hit.title ?? hit.label}</a>
            </h2>
            {'library' in scope && <p class="hit-report">{scope.library.titles.get(hit.report) ?? hit.report}</p>}
            {hit.page !== null && <p class="hit-page">p. {hit.page}</p>}
            <p class="snippet">{raw(hit.snippet)}</p>
            {hit.related.length > 0 && (
              <p class="hit-related">
                {relatedPairs(hit.related).map((pair, i) => (
                  <>
                    {i === 0 ? 'matched ' : ', '}
                    <em>{pair.matched}</em> for <em>{pair.query}</em>
                  </>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
