/**
 * The plain search form: the no-JavaScript fallback inside <report-search>,
 * the results pages' own, and, without a report, the home page's search
 * across the library.
 */
import { MAX_QUERY_LENGTH } from '../core/search/limits';
import { pagePaths } from '../requests/paths';

export function SearchForm(props: { report?: string; value?: string; target?: string }) {
  return (
    <form method="get" action={props.report ? pagePaths.search(props.report) : pagePaths.librarySearch()} target={props.target} role="search">
      <label for="q">{props.report ? 'Search this report' : 'Search all reports'}</label> <input id="q" name="q" type="search" value={props.value} required maxlength={MAX_QUERY_LENGTH} />{' '}
      <button type="submit">Search</button>
    </form>
  );
}
