/** The plain search form: the no-JavaScript fallback inside <report-search>, and the results page's own. */
import { MAX_QUERY_LENGTH } from '../core/search/limits';
import { pagePaths } from './page-paths';

export function SearchForm(props: { report: string; value?: string; target?: string }) {
  return (
    <form method="get" action={pagePaths.search(props.report)} target={props.target} role="search">
      <label for="q">Search this report</label> <input id="q" name="q" type="search" value={props.value} required maxlength={MAX_QUERY_LENGTH} />{' '}
      <button type="submit">Search</button>
    </form>
  );
}
