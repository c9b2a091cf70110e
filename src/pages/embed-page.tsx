/** /embed/{report}: the search widget alone, for sites that can only add an iframe. */
import type { Report } from '../core/types';
import { Layout } from './layout';
import { pagePaths } from './page-paths';

export function EmbedPage(props: { report: Report; origin: string }) {
  return (
    <Layout title={`Search: ${props.report.title}`} bare>
      <h1 class="embed-title">
        Search <a href={`${props.origin}${pagePaths.report(props.report.id)}`} target="_blank" rel="noopener">{props.report.title}</a>
      </h1>
      <report-search report={props.report.id} api={props.origin} target="_blank">
        <form method="get" action={pagePaths.search(props.report.id)} target="_blank" role="search">
          <label for="q">Search this report</label> <input id="q" name="q" type="search" required maxlength={200} />{' '}
          <button type="submit">Search</button>
        </form>
      </report-search>
    </Layout>
  );
}
