/** /embed/{report}: the search widget alone, for sites that can only add an iframe. */
import type { Report } from '../core/types';
import { Layout } from './layout';
import { SearchForm } from './search-form';
import { pagePaths } from '../requests/paths';

export function EmbedPage(props: { report: Report; origin: string }) {
  return (
    <Layout title={`Search: ${props.report.title}`} bare>
      <h1 class="embed-title">
        Search <a href={`${props.origin}${pagePaths.report(props.report.id)}`} target="_blank" rel="noopener">{props.report.title}</a>
      </h1>
      <report-search report={props.report.id} api={props.origin} target="_blank">
        <SearchForm report={props.report.id} target="_blank" />
      </report-search>
    </Layout>
  );
}
